package catalog

import "slices"

//go:generate go run ./internal/generrno
//go:generate go run ./internal/gensqlite
//go:generate go run ./internal/genopenssl
//go:generate go run ./internal/genmysql
//go:generate go run ./internal/genwindows
//go:generate go run ./internal/genaws
//go:generate go run ./internal/genntstatus
//go:generate go run ./internal/gencatalog

// Builtin returns the built-in catalogs: the four vendors, the HTTP
// registry, then the vocabularies under every API and the APIs people call
// most.
//
// Each call returns a new slice of new Catalog values: a caller may
// reorder or replace them, or change a catalog's Name, Hosts or Entries
// (append, or assign a new slice), without another caller seeing it. The
// values those fields hold are shared with every other caller, so they
// are read-only: do not change an entry in place (c.Entries[i].Title =
// ...); copy the slice first, as Merge does. The slices are clipped, so
// an append copies rather than writes into the shared array. The tests
// of catalog and cmd fail if errcode itself changes them
// (internal/testenv.KeepBuiltin).
func Builtin() []*Catalog {
	cats := make([]Catalog, len(builtin))
	out := make([]*Catalog, len(builtin))
	for i, b := range builtin {
		c := &cats[i]
		*c = *b
		c.Hosts = slices.Clip(c.Hosts)
		c.Bodies = slices.Clip(c.Bodies)
		c.RequestIDHeaders = slices.Clip(c.RequestIDHeaders)
		c.RetryHeaders = slices.Clip(c.RetryHeaders)
		c.CodeHeaders = slices.Clip(c.CodeHeaders)
		c.Lines = slices.Clip(c.Lines)
		c.Entries = slices.Clip(c.Entries)
		out[i] = c
	}
	return out
}

// IsBuiltinID reports whether id is a built-in catalog's (without copying
// them, as Builtin does).
func IsBuiltinID(id string) bool {
	for _, b := range builtin {
		if b.ID == id {
			return true
		}
	}
	return false
}
