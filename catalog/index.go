package catalog

import "strings"

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
