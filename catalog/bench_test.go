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
