package source_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/catalog/source"
)

// bigCatalog writes a user catalog of n entries, each with every field.
func bigCatalog(b *testing.B, n int) string {
	var s strings.Builder
	s.WriteString("id: big\nname: Big API\nhosts: [api.big.example]\nentries:\n")
	for i := range n {
		fmt.Fprintf(&s, "  - code: BIG-%05d\n    token: Token%d\n    status: 409\n    category: Things\n    title: Something number %d went wrong\n    message: \"Thing {id} number %d failed\"\n    description: A longer description of what happened and why it matters to the caller.\n    causes: [The first cause, The second cause]\n    fixes: [Do the first thing, Then the second]\n    retryable: false\n", i, i, i, i)
	}
	path := filepath.Join(b.TempDir(), "big.yaml")
	if err := os.WriteFile(path, []byte(s.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}

// A 10,000-entry catalog parsed from YAML: what the first run after an
// edit pays.
func BenchmarkLoad10kParse(b *testing.B) {
	path := bigCatalog(b, 10000)
	for b.Loop() {
		if _, p := source.Load(path, ""); p != nil {
			b.Fatal(p)
		}
	}
}

// The same parse in pieces (what Load does) and as one tree (what it did).
func BenchmarkParse10k(b *testing.B) {
	data, err := os.ReadFile(bigCatalog(b, 10000))
	if err != nil {
		b.Fatal(err)
	}
	for name, parse := range map[string]func(string, []byte) (*catalog.Catalog, []source.Problem){"pieces": source.Parse, "whole": source.ParseWhole} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, p := parse("big.yaml", data); p != nil {
					b.Fatal(p)
				}
			}
		})
	}
}

// The same from the cache: what every other run pays.
func BenchmarkLoad10kCached(b *testing.B) {
	path, cache := bigCatalog(b, 10000), b.TempDir()
	source.Load(path, cache)
	b.ReportAllocs()
	for b.Loop() {
		if _, p := source.Load(path, cache); p != nil {
			b.Fatal(p)
		}
	}
}

// Load from the cache, merge, and look up: a whole lookup, in process.
func BenchmarkLookup10k(b *testing.B) {
	path, cache := bigCatalog(b, 10000), b.TempDir()
	source.Load(path, cache)
	for _, q := range []string{"BIG-09999", "something number 9999"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				c, _ := source.Load(path, cache)
				ix := catalog.NewIndex(catalog.Merge(catalog.Builtin(), []*catalog.Catalog{c}))
				if r := ix.Lookup(catalog.Query{Text: q}); len(r.Matches) == 0 {
					b.Fatal("not found")
				}
			}
		})
	}
}

// Ten cached files of 10,000 entries, loaded, merged and looked up: a
// whole lookup with 100,000 user entries, in process.
func BenchmarkLookup100kCached(b *testing.B) {
	cache := b.TempDir()
	var paths []string
	for k := range 10 {
		data, err := os.ReadFile(bigCatalog(b, 10000))
		if err != nil {
			b.Fatal(err)
		}
		path := filepath.Join(b.TempDir(), fmt.Sprintf("big%d.yaml", k))
		if err := os.WriteFile(path, []byte(strings.Replace(string(data), "id: big\n", fmt.Sprintf("id: big%d\n", k), 1)), 0o644); err != nil {
			b.Fatal(err)
		}
		source.Load(path, cache)
		paths = append(paths, path)
	}
	b.ReportAllocs()
	for b.Loop() {
		var user []*catalog.Catalog
		for _, path := range paths {
			c, p := source.Load(path, cache)
			if p != nil {
				b.Fatal(p)
			}
			user = append(user, c)
		}
		ix := catalog.NewIndex(catalog.Merge(catalog.Builtin(), user))
		if r := ix.Lookup(catalog.Query{Text: "BIG-09999"}); len(r.Matches) == 0 {
			b.Fatal("not found")
		}
	}
}

// 1,000 problems, each placed (they once cost a parse each: 21 s).
func BenchmarkParseManyProblems(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("id: many\nentries:\n")
	for i := range 1000 {
		fmt.Fprintf(&sb, "  - code: C%d\n    status: 700\n", i)
	}
	data := []byte(sb.String())
	b.ReportAllocs()
	for b.Loop() {
		if _, problems := source.Parse("many.yaml", data); len(problems) == 0 {
			b.Fatal("no problems")
		}
	}
}

// A cold start that also writes the cache: the parse, then the cache file
// (format 6: the entries and their sorted key, status and mask tables).
func BenchmarkLoad10kParseAndCache(b *testing.B) {
	path := bigCatalog(b, 10000)
	for b.Loop() {
		if _, p := source.Load(path, filepath.Join(b.TempDir(), "errcode", "catalogs")); p != nil {
			b.Fatal(p)
		}
	}
}
