package catalog_test

import (
	"slices"
	"strconv"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

// The generated lookup tables must answer exactly as a scan of the entries
// does. Merging an empty catalog into each built-in one yields the same
// entries without tables (merged catalogs are scanned).
//
// A scan reads every entry for each query, so the test costs the square
// of the entries: the dense vocabularies (windows' 6,490 facts-only
// entries, alike) are checked on their own, each 20th entry and status
// and each described entry as queries, the rest of the catalogs together
// in full.
func TestTablesAgreeWithScan(t *testing.T) {
	var rest, dense []*catalog.Catalog
	for _, c := range catalog.Builtin() {
		if catalog.IsDense(c.ID) {
			dense = append(dense, c)
		} else {
			rest = append(rest, c)
		}
	}
	tablesAgreeWithScan(t, rest, 1)
	tablesAgreeWithScan(t, dense, 20)
}

func tablesAgreeWithScan(t *testing.T, builtin []*catalog.Catalog, every int) {
	var empties []*catalog.Catalog
	for _, c := range builtin {
		empties = append(empties, &catalog.Catalog{ID: c.ID})
	}
	tabled := catalog.NewIndex(builtin)
	scanned := catalog.NewIndex(catalog.Merge(builtin, empties))
	var queries []string
	for _, c := range builtin {
		for i, e := range c.Entries {
			if i%every != 0 && e.Description == "" {
				continue
			}
			queries = append(queries, e.Code, e.Token, c.ID+":"+e.Code)
			if e.Kind == catalog.Range {
				queries = append(queries, strconv.Itoa(e.From), strconv.Itoa(e.To), strconv.Itoa(e.From-1), strconv.Itoa(e.To+1))
			}
		}
	}
	for s := 100; s < 600; s += every {
		queries = append(queries, strconv.Itoa(s))
	}
	queries = append(queries, "0x07", "0x0", "curl: (28)", "grpc 14",
		// words: the tables' letter-pair masks skip entries, a scan reads all
		"rate limit", "rate limt", "not found", "access denied", "throttling", "timed out", "kms key", "Invalid Parameter", "café", "duplcated", "throtling", "acess denied", "unauthorised", "timout", "ratelimitted", "xyzzy plugh")
	key := func(r catalog.Result) []string {
		var out []string
		for _, m := range r.Matches {
			out = append(out, m.Catalog.ID+":"+m.Entry.Code+"/"+m.Kind.String())
		}
		return out
	}
	for _, q := range queries {
		if q == "" {
			continue
		}
		a, b := key(tabled.Lookup(catalog.Query{Text: q})), key(scanned.Lookup(catalog.Query{Text: q}))
		if !slices.Equal(a, b) {
			t.Errorf("lookup %q: tables give %v, a scan %v", q, a, b)
		}
	}
	for _, c := range builtin {
		sc := scanned.Catalog(c.ID)
		for i, e := range c.Entries {
			if i%every != 0 && e.Description == "" {
				continue
			}
			for _, status := range []int{0, e.Status, 400} {
				if x, y := c.Find(e.Code, e.Token, status), sc.Find(e.Code, e.Token, status); (x == nil) != (y == nil) || x != nil && x.Code != y.Code {
					t.Errorf("%s Find(%q, %q, %d): tables and scan differ", c.ID, e.Code, e.Token, status)
				}
			}
		}
	}
}
