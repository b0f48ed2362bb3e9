package catalog

import "sort"

// keyRef is one row of a catalog's key table: a folded code or token and
// the index of the entry it belongs to. go generate writes the tables
// (catalog/internal/codegen computes them); a user catalog has none, or,
// read from the cache, its Store's.
type keyRef struct {
	Key   string
	Entry uint16
	Token bool // the key is the entry's token, not its code
}

// statusRef is one row of a catalog's status table.
type statusRef struct {
	Status uint16
	Entry  uint16
}

// indexed reports whether c has lookup tables.
func (c *Catalog) indexed() bool { return c.tabled }

// byKey calls fn with the index of each entry whose folded code or token
// is k, in entry order for each kind (a code and a token match are two
// calls).
func (c *Catalog) byKey(k string, fn func(i int, token bool)) {
	if c.store != nil {
		for _, h := range c.store.Keys(k, false) {
			fn(h.Entry, h.Token)
		}
		return
	}
	if !c.indexed() {
		for i := range c.Entries {
			e := &c.Entries[i]
			if Key(e.Code) == k {
				fn(i, false)
			}
			if e.Token != "" && Key(e.Token) == k {
				fn(i, true)
			}
		}
		return
	}
	j := sort.Search(len(c.keys), func(j int) bool { return c.keys[j].Key >= k })
	for ; j < len(c.keys) && c.keys[j].Key == k; j++ {
		fn(int(c.keys[j].Entry), c.keys[j].Token)
	}
}

// byStatus calls fn with the index of each entry with the given status, in
// entry order.
func (c *Catalog) byStatus(status int, fn func(i int)) {
	if c.store != nil {
		for _, i := range c.store.Statuses(status) {
			fn(i)
		}
		return
	}
	if !c.indexed() {
		for i := range c.Entries {
			if c.Entries[i].Status == status {
				fn(i)
			}
		}
		return
	}
	j := sort.Search(len(c.statuses), func(j int) bool { return int(c.statuses[j].Status) >= status })
	for ; j < len(c.statuses) && int(c.statuses[j].Status) == status; j++ {
		fn(int(c.statuses[j].Entry))
	}
}

// rangeFor calls fn with the index of each Range entry covering n.
func (c *Catalog) rangeFor(n int, fn func(i int)) {
	if c.store != nil {
		for _, i := range c.store.Ranges() {
			if e := c.store.Entry(i); e != nil && e.From <= n && n <= e.To {
				fn(i)
			}
		}
		return
	}
	if !c.indexed() {
		for i := range c.Entries {
			if e := &c.Entries[i]; e.Kind == Range && e.From <= n && n <= e.To {
				fn(i)
			}
		}
		return
	}
	for _, i := range c.ranges {
		if e := &c.Entries[i]; e.From <= n && n <= e.To {
			fn(int(i))
		}
	}
}
