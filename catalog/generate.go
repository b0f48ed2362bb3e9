package catalog

//go:generate go run ./internal/generrno
//go:generate go run ./internal/gencatalog

// Builtin returns the built-in catalogs: the four vendors, then the HTTP
// registry. The returned catalogs are shared; callers must not modify them.
func Builtin() []*Catalog { return builtin[:] }
