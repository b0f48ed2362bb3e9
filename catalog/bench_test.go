package catalog_test

import (
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

// Each lookup builds a fresh index, as one errcode process does.
func benchLookup(b *testing.B, q string) {
	b.ReportAllocs()
	for b.Loop() {
		ix := catalog.NewIndex(catalog.Builtin())
		if r := ix.Lookup(catalog.Query{Text: q}); len(r.Matches) == 0 {
			b.Fatalf("no match for %q", q)
		}
	}
}

func BenchmarkLookupExactCode(b *testing.B)   { benchLookup(b, "1405") }
func BenchmarkLookupExactStatus(b *testing.B) { benchLookup(b, "409") }
func BenchmarkLookupText(b *testing.B)        { benchLookup(b, "rate limit") }
func BenchmarkLookupFuzzy(b *testing.B)       { benchLookup(b, "duplcated") }

func BenchmarkLookupNotFound(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		catalog.NewIndex(catalog.Builtin()).Lookup(catalog.Query{Text: "xyzzy plugh"})
	}
}

// The same exact lookup with the generated tables and with a scan of every
// entry (what user catalogs and merged ones get): the tables' worth.
func BenchmarkLookupExactTables(b *testing.B) {
	builtin := catalog.Builtin()
	var empties []*catalog.Catalog
	for _, c := range builtin {
		empties = append(empties, &catalog.Catalog{ID: c.ID})
	}
	scanned := catalog.Merge(builtin, empties)
	for _, tc := range []struct {
		name string
		cats []*catalog.Catalog
	}{{"tables", builtin}, {"scan", scanned}} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			ix := catalog.NewIndex(tc.cats)
			for b.Loop() {
				if r := ix.Lookup(catalog.Query{Text: "1405"}); len(r.Matches) == 0 {
					b.Fatal("no match")
				}
			}
		})
	}
}
