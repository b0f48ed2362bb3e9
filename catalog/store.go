package catalog

import "iter"

// A Store holds a catalog's entries outside the catalog, with the lookup
// tables the built-in catalogs have, and decodes an entry only when it is
// asked for: catalog/source keeps each large user catalog in errcode's
// cache so, and a lookup among 100,000 cached entries reads a few of them
// rather than all. A Store is safe for use by several goroutines.
type Store interface {
	// Len is the number of entries.
	Len() int
	// Entry is entry i, nil if it cannot be given (the store found its
	// data damaged). The same i gives the same *Entry.
	Entry(i int) *Entry
	// Keys are the entries whose folded code or token (Key) is k, or with
	// prefix, starts with k, in the order of their keys, then of entries.
	// (Results, not callbacks: a callback through an interface escapes,
	// and would cost every lookup of the built-in catalogs an allocation.)
	Keys(k string, prefix bool) []KeyHit
	// Statuses are the entries of the given status, in entry order.
	Statuses(status int) []int
	// Ranges are the Range entries, in entry order.
	Ranges() []int
	// Masks are entry i's textmask letter pairs and letters (EntryMasks).
	Masks(i int) (words, letters uint64)
	// MayContain is false only when one of words (lower case) is in none
	// of entry i's texts, ignoring ASCII case (ContainsFold): the word
	// search skips such an entry without decoding it. A text holding
	// other bytes than ASCII, whose case folding may bring a word in
	// (the Kelvin sign is a k), may hold any word.
	MayContain(i int, words []string) bool
	// Verify checks all of the store against its tables, once, so that
	// what a scan of every entry reads is what a parse would give.
	Verify()
}

// KeyHit is an entry a key names: by its code, or by its token.
type KeyHit struct {
	Entry int
	Token bool
}

// NewStored is c (its name, hosts, body shapes, headers and lines) with
// its entries in s. c.Entries is ignored.
func NewStored(c Catalog, s Store) *Catalog {
	c.Entries, c.store = nil, s
	c.tabled, c.keys, c.statuses, c.ranges, c.masks, c.letters = false, nil, nil, nil, nil, nil
	return &c
}

// Len is the number of entries.
func (c *Catalog) Len() int {
	if c.store != nil {
		return c.store.Len()
	}
	return len(c.Entries)
}

// Entry is entry i: &c.Entries[i], or for a stored catalog the entry its
// store decodes, nil if the store cannot give it.
func (c *Catalog) Entry(i int) *Entry {
	if c.store != nil {
		return c.store.Entry(i)
	}
	return &c.Entries[i]
}

// All yields every entry with its index, in order; a stored catalog is
// verified first, and entries it cannot give are left out.
func (c *Catalog) All() iter.Seq2[int, *Entry] {
	return func(yield func(int, *Entry) bool) {
		if c.store != nil {
			c.store.Verify()
		}
		for i := range c.Len() {
			if e := c.Entry(i); e != nil && !yield(i, e) {
				return
			}
		}
	}
}

// WithPrefix yields the entries whose code or token may start with
// prefix, case folded: all of them, except in a stored catalog, whose key
// table narrows them to those whose folded code or token starts with the
// prefix folded (a plain ASCII prefix; any other scans). Callers check the
// prefix themselves.
func (c *Catalog) WithPrefix(prefix string) iter.Seq[*Entry] {
	return func(yield func(*Entry) bool) {
		k := Key(prefix)
		if c.store == nil || k == "" || !plainPrefix(prefix) {
			for _, e := range c.All() {
				if !yield(e) {
					return
				}
			}
			return
		}
		seen := map[int]bool{}
		for _, h := range c.store.Keys(k, true) {
			if seen[h.Entry] {
				continue
			}
			seen[h.Entry] = true
			if e := c.store.Entry(h.Entry); e != nil && !yield(e) {
				return
			}
		}
	}
}

// plainPrefix: a prefix whose Key a matching code's Key starts with:
// ASCII, and not a hex number, whose zeros Key drops.
func plainPrefix(p string) bool {
	if !isASCII(p) {
		return false
	}
	k := Key(p)
	return len(k) < 2 || k[:2] != "0x"
}

// InMemory is c with its entries in Entries: a copy of a stored catalog
// (verified, and without the entries its store cannot give), or c itself.
func (c *Catalog) InMemory() *Catalog {
	if c.store == nil {
		return c
	}
	m := *c
	m.store = nil
	m.Entries = make([]Entry, 0, c.Len())
	for _, e := range c.All() {
		m.Entries = append(m.Entries, *e)
	}
	return &m
}

// StoreOf is c's store, nil for a catalog whose entries are in memory.
func StoreOf(c *Catalog) Store { return c.store }
