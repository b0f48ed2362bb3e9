package catalog

import (
	"strconv"
	"strings"
)

// Index is a set of catalogs to search, in display order.
type Index struct {
	Catalogs []*Catalog
}

// NewIndex returns an index over cats.
func NewIndex(cats []*Catalog) *Index { return &Index{Catalogs: cats} }

// Catalog returns the catalog with the given id (case-insensitive), or nil.
func (ix *Index) Catalog(id string) *Catalog {
	for _, c := range ix.Catalogs {
		if strings.EqualFold(c.ID, id) {
			return c
		}
	}
	return nil
}

// IDs lists the catalog ids in order.
func (ix *Index) IDs() []string {
	ids := make([]string, len(ix.Catalogs))
	for i, c := range ix.Catalogs {
		ids[i] = c.ID
	}
	return ids
}

// StatusEntry returns the HTTP registry's entry for a status, or nil.
func (ix *Index) StatusEntry(status int) *Entry {
	c := ix.Catalog(HTTPCatalog)
	if c == nil || status == 0 {
		return nil
	}
	for i := range c.Entries {
		if c.Entries[i].Status == status {
			return &c.Entries[i]
		}
	}
	return nil
}

// HTTPCatalog is the id of the HTTP status registry catalog.
const HTTPCatalog = "http"

// Find is the entry of c that an error in a response names: by its code,
// else by its token (preferring one with the response's status, since a
// token may name several codes), else the range a numeric code falls in.
// status 0 means unknown. Nil if none.
func (c *Catalog) Find(code, token string, status int) *Entry {
	if k := Key(code); k != "" {
		for i := range c.Entries {
			if Key(c.Entries[i].Code) == k {
				return &c.Entries[i]
			}
		}
	}
	if k := Key(token); k != "" {
		var found *Entry
		for i := range c.Entries {
			e := &c.Entries[i]
			if e.Token != "" && Key(e.Token) == k {
				if e.Status == status {
					return e
				}
				if found == nil {
					found = e
				}
			}
		}
		if found != nil {
			return found
		}
	}
	if n, err := strconv.Atoi(Key(code)); err == nil {
		for i := range c.Entries {
			if e := &c.Entries[i]; e.Kind == Range && e.From <= n && n <= e.To {
				return e
			}
		}
	}
	return nil
}
