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
	var found *Entry
	c.byStatus(status, func(i int) {
		if found == nil {
			found = c.Entry(i)
		}
	})
	return found
}

// HTTPCatalog is the id of the HTTP status registry catalog.
const HTTPCatalog = "http"

// Find is the entry of c that an error in a response names: by its code,
// else by its token (preferring one with the response's status, since a
// token may name several codes), else the range a numeric code falls in.
// status 0 means unknown. Nil if none.
func (c *Catalog) Find(code, token string, status int) *Entry {
	var found *Entry
	if k := Key(code); k != "" {
		c.byKey(k, func(i int, token bool) {
			if !token && found == nil {
				found = c.Entry(i)
			}
		})
		if found != nil {
			return found
		}
	}
	if k := Key(token); k != "" {
		var exact *Entry
		c.byKey(k, func(i int, isToken bool) {
			if !isToken {
				return
			}
			e := c.Entry(i)
			if e == nil {
				return
			}
			if e.Status == status && exact == nil {
				exact = e
			}
			if found == nil {
				found = e
			}
		})
		if exact != nil {
			return exact
		}
		if found != nil {
			return found
		}
	}
	if n, err := strconv.Atoi(Key(code)); err == nil {
		c.rangeFor(n, func(i int) {
			if found == nil {
				found = c.Entry(i)
			}
		})
	}
	return found
}
