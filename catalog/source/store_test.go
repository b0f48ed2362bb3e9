package source_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/catalog/source"
)

// storeYAML is a catalog of n entries spanning many key blocks, with
// statuses, tokens, a range and codes that share prefixes.
func storeYAML(n int) string {
	var s strings.Builder
	s.WriteString("id: many\nname: Many\nentries:\n")
	for i := range n {
		fmt.Fprintf(&s, "  - code: M-%04d\n    token: Tok%d\n    status: %d\n    title: Thing %d failed\n    description: Word%d and common words, then a long text (the quick brown fox jumps over the lazy dog; pack my box with five dozen liquor jugs) whose letter pairs fill the word masks.\n", i, i, 400+i%7, i, i)
	}
	// Texts a word search finds only by Unicode case folding: the Kelvin
	// sign is a k, and the cache's bytes hold no "kelvin" (K-3 has one,
	// so the search for typos, which would find K-1 too, is not tried).
	s.WriteString("  - code: K-1\n    title: \"Temperature in \u212aelvin\"\n  - code: K-2\n    description: Die Straße ist gesperrt\n  - code: K-3\n    title: Kelvin\n")
	s.WriteString("  - code: 9000-9099\n    title: Nines\n    kind: range\n    range: {from: 9000, to: 9099}\n")
	return s.String()
}

// codes is what a lookup answers: catalog:code and kind of each match.
func codes(r catalog.Result) []string {
	var out []string
	for _, m := range r.Matches {
		out = append(out, m.Catalog.ID+":"+m.Entry.Code+" "+m.Kind.String())
	}
	return append(out, r.Suggestions...)
}

// A catalog read from the cache answers every kind of lookup exactly as
// the same catalog in memory, reading only what the lookup needs.
func TestStoreAnswersAsMemory(t *testing.T) {
	dir, cache := t.TempDir(), t.TempDir()
	path := write(t, dir, "many.yaml", storeYAML(1000))
	parsed, problems := source.Load(path, cache)
	if problems != nil {
		t.Fatal(problems)
	}
	if n, _ := source.Decoded(parsed); n != -1 {
		t.Fatalf("a parsed catalog is stored (%d read)", n)
	}
	mem := catalog.NewIndex(catalog.Merge(catalog.Builtin(), []*catalog.Catalog{parsed}))
	queries := []string{"M-0000", "m0999", "M-0500", "tok77", "Tok640", "many:M-0001", "403", "9050", "M-10000",
		"word123", "thing 42 failed", "M-05OO", "tok", "nines", "zzz", "kelvin", "temperature kelvin", "straße", "gesperrt"}
	for i := 0; i < 1000; i += 37 {
		queries = append(queries, fmt.Sprintf("M-%04d", i), fmt.Sprintf("Tok%d", i))
	}
	for _, q := range queries {
		c, problems := source.Load(path, cache)
		if problems != nil {
			t.Fatal(problems)
		}
		if n, _ := source.Decoded(c); n != 0 {
			t.Fatalf("a catalog from the cache is not stored, or read at load (%d entries)", n)
		}
		ix := catalog.NewIndex(catalog.Merge(catalog.Builtin(), []*catalog.Catalog{c}))
		got, want := codes(ix.Lookup(catalog.Query{Text: q})), codes(mem.Lookup(catalog.Query{Text: q}))
		if !slices.Equal(got, want) {
			t.Errorf("lookup %q from the cache: %v\nin memory: %v", q, got, want)
		}
		n, reparsed := source.Decoded(c)
		if reparsed {
			t.Errorf("lookup %q: a good cache was parsed again", q)
		}
		if q == "word123" && n > 1 {
			t.Errorf("lookup %q read %d entries: a word search reads only those whose texts hold every word", q, n)
		}
		if found := (strings.HasPrefix(q, "M-0") || strings.HasPrefix(q, "Tok")) && q != "M-05OO"; found {
			if n > 2 {
				t.Errorf("lookup %q read %d entries: an exact lookup reads the ones it finds", q, n)
			}
		}
	}
	// Completion's narrowing: the entries whose code may start so.
	c, _ := source.Load(path, cache)
	var got []string
	for e := range c.WithPrefix("m-09") {
		got = append(got, e.Code)
	}
	if len(got) != 100 || got[0] != "M-0900" || got[99] != "M-0999" {
		t.Errorf("WithPrefix(m-09) gave %d entries: %.5v", len(got), got)
	}
	if n, _ := source.Decoded(c); n != 100 {
		t.Errorf("WithPrefix(m-09) read %d entries, want the 100 it gives", n)
	}
}

// Damage found while reading in part: the file is parsed again, the answer
// is the file's, and the cache is written anew.
func TestStoreDamageFoundInPart(t *testing.T) {
	for name, damage := range map[string]func(good []byte, parsed *catalog.Catalog, key string) []byte{
		// The entries section says ACME-1009 where the key table says
		// ACME-1001 (the folded keys are lower case: only the entry changes).
		"a row whose entry has another code": func(good []byte, _ *catalog.Catalog, _ string) []byte {
			return bytes.Replace(good, []byte("ACME-1001"), []byte("ACME-1009"), -1)
		},
		"two entries with the code": func(_ []byte, parsed *catalog.Catalog, key string) []byte {
			f := forged(parsed)
			f.Entries[2].Code, f.Entries[2].Kind, f.Entries[2].Source = "acme1001", catalog.Documented, ""
			return source.EncodeCache(key, f)
		},
		"an entry with status -5": func(_ []byte, parsed *catalog.Catalog, key string) []byte {
			f := forged(parsed)
			f.Entries[0].Status = -5
			return source.EncodeCache(key, f)
		},
	} {
		t.Run(name, func(t *testing.T) {
			_, cache, path, parsed := loadAcme(t)
			key := source.CacheKey(path)
			entry := filepath.Join(cache, key)
			good, _ := os.ReadFile(entry)
			if err := os.WriteFile(entry, damage(good, parsed, key), 0o600); err != nil {
				t.Fatal(err)
			}
			c, problems := source.Load(path, cache)
			if problems != nil {
				t.Fatal(problems)
			}
			ix := catalog.NewIndex(catalog.Merge(catalog.Builtin(), []*catalog.Catalog{c}))
			r := ix.Lookup(catalog.Query{Text: "ACME-1001"})
			if len(r.Matches) != 1 || r.Matches[0].Entry.Title != "Card expired" || r.Matches[0].Entry.Status != 402 {
				t.Errorf("lookup ACME-1001 with %s: %v", name, codes(r))
			}
			if _, reparsed := source.Decoded(c); !reparsed {
				t.Errorf("%s: the file was not parsed again", name)
			}
			if now, _ := os.ReadFile(entry); !bytes.Equal(now, good) {
				t.Errorf("%s: the cache was not written anew", name)
			}
		})
	}
}
