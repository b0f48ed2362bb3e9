package catalog

import (
	"cmp"
	"slices"
	"sort"
)

// keyRef is one row of a catalog's key table: a folded code or token and
// the index of the entry it belongs to.
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

// Tables are a catalog's lookup tables, as go generate writes them.
type Tables struct {
	Keys     []keyRef
	Statuses []statusRef
	Ranges   []uint16
}

// BuildTables computes the lookup tables for c's entries (used by the
// generator; the result is what the generated code declares).
func BuildTables(c *Catalog) Tables {
	var t Tables
	for i := range c.Entries {
		e := &c.Entries[i]
		if k := Key(e.Code); k != "" {
			t.Keys = append(t.Keys, keyRef{Key: k, Entry: uint16(i)})
		}
		if k := Key(e.Token); k != "" {
			t.Keys = append(t.Keys, keyRef{Key: k, Entry: uint16(i), Token: true})
		}
		if e.Status != 0 {
			t.Statuses = append(t.Statuses, statusRef{Status: uint16(e.Status), Entry: uint16(i)})
		}
		if e.Kind == Range {
			t.Ranges = append(t.Ranges, uint16(i))
		}
	}
	slices.SortStableFunc(t.Keys, func(a, b keyRef) int { return cmp.Compare(a.Key, b.Key) })
	slices.SortStableFunc(t.Statuses, func(a, b statusRef) int { return cmp.Compare(a.Status, b.Status) })
	return t
}

// indexed reports whether c has lookup tables.
func (c *Catalog) indexed() bool { return c.tabled }

// byKey calls fn with the index of each entry whose folded code or token
// is k, in entry order for each kind (a code and a token match are two
// calls).
func (c *Catalog) byKey(k string, fn func(i int, token bool)) {
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
