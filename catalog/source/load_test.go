package source_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/catalog/source"
)

const acme = `id: acme
name: ACME Payments API
doc_url: https://docs.acme.example/errors
hosts: [api.acme.example]
body:
  code: error.code
  token: error.type
  message: error.message
  request_id: error.request_id
  when: [error.code, "!error.legacy", "object=error"]
entries:
  - code: ACME-1001
    token: CardExpired
    status: 402
    category: Payments
    title: Card expired
    message: "Card {last4} has expired"
    description: The card on file is past its expiry date.
    causes: [The customer's card expired]
    fixes: [Ask the customer for a new card]
    retryable: false
    doc_url: https://docs.acme.example/errors#ACME-1001
    reference: ACME API guide, section 4
  - code: 2000-2099
    title: Cards
    kind: range
    range: {from: 2000, to: 2099}
  - code: ACME-1002
    title: Card declined
    retryable: true
    kind: supplement
    source: ACME's support pages
`

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// loadAcme writes acme.yaml and loads it once, filling the cache.
func loadAcme(t *testing.T) (dir, cache, path string, parsed *catalog.Catalog) {
	t.Helper()
	dir, cache = t.TempDir(), t.TempDir()
	path = write(t, dir, "acme.yaml", acme)
	parsed, problems := loadMem(path, cache)
	if problems != nil {
		t.Fatal(problems)
	}
	return dir, cache, path, parsed
}

// forged is c with another first title: what a cache entry says, when it
// is the one read.
func forged(c *catalog.Catalog) *catalog.Catalog {
	f := *c
	f.Entries = slices.Clone(c.Entries)
	f.Entries[0].Title = "from the cache"
	return &f
}

// A catalog read back from the cache is the one parsed from YAML; a
// changed file is parsed again.
func TestCacheRoundTrip(t *testing.T) {
	dir, cache, path, parsed := loadAcme(t)
	if n, _ := os.ReadDir(cache); len(n) != 1 {
		t.Fatalf("cache holds %d files, want 1", len(n))
	}
	if len(parsed.Bodies) != 1 || len(parsed.Bodies[0].When) != 3 {
		t.Fatalf("body.when parsed as %+v", parsed.Bodies)
	}
	cached, problems := loadMem(path, cache)
	if problems != nil || !reflect.DeepEqual(parsed, cached) {
		t.Errorf("from the cache:\n%+v\nparsed:\n%+v", cached, parsed)
	}
	// protocol: true survives the cache.
	rpc := write(t, dir, "rpc.yaml", "id: rpc\nprotocol: true\nentries:\n  - code: E42\n")
	for range 2 { // parsed, then from the cache
		if c, problems := loadMem(rpc, cache); problems != nil || !c.Protocol {
			t.Errorf("protocol: true read back as %+v (%v)", c, problems)
		}
	}
	later := time.Now().Add(time.Second)
	write(t, dir, "acme.yaml", strings.Replace(acme, "Card expired", "Card has expired", 1))
	os.Chtimes(path, later, later)
	changed, _ := loadMem(path, cache)
	if changed.Entries[0].Title != "Card has expired" {
		t.Errorf("a changed file was read from a stale cache: %q", changed.Entries[0].Title)
	}
	// A damaged cache file is ignored, not trusted.
	entries, _ := os.ReadDir(cache)
	for _, e := range entries {
		os.WriteFile(filepath.Join(cache, e.Name()), []byte("errcode catalog cache 1\ngarbage"), 0o644)
	}
	if again, problems := loadMem(path, cache); problems != nil || again.Entries[0].Title != "Card has expired" {
		t.Errorf("damaged cache: %v %v", again, problems)
	}
}

// The cache is read when its file has not changed, and only then. A forged
// entry (trustworthy, but saying other than the file) shows which was used.
func TestCacheIsRead(t *testing.T) {
	_, cache, path, parsed := loadAcme(t)
	forged := forged(parsed)
	source.WriteCacheForTest(cache, path, forged)
	if c, _ := loadMem(path, cache); c.Entries[0].Title != "from the cache" {
		t.Fatalf("an unchanged file was parsed again (title %q), not read from the cache", c.Entries[0].Title)
	}
	if c, _ := loadMem(path, ""); c.Entries[0].Title != "Card expired" {
		t.Errorf("no cache directory: title %q, want the file's", c.Entries[0].Title)
	}
	// Only the modification time changes: the file is parsed again.
	fi, _ := os.Stat(path)
	later := fi.ModTime().Add(3 * time.Second)
	if err := os.Chtimes(path, later, later); err != nil {
		t.Fatal(err)
	}
	if c, _ := loadMem(path, cache); c.Entries[0].Title != "Card expired" {
		t.Errorf("a touched file was read from the cache: title %q", c.Entries[0].Title)
	}
	// A cache entry cut short, at any length, is parsed again.
	fresh := t.TempDir()
	source.WriteCacheForTest(fresh, path, forged)
	entries, _ := os.ReadDir(fresh)
	if len(entries) != 1 {
		t.Fatalf("%d cache files", len(entries))
	}
	entry := filepath.Join(fresh, entries[0].Name())
	whole, err := os.ReadFile(entry)
	if err != nil {
		t.Fatal(err)
	}
	for n := len(whole) - 1; n > 0; n -= 7 {
		os.WriteFile(entry, whole[:n], 0o644)
		if c, problems := loadMem(path, fresh); problems != nil || c.Entries[0].Title != "Card expired" {
			t.Fatalf("a cache entry cut to %d of %d bytes was trusted: %v %v", n, len(whole), c, problems)
		}
	}
}

func TestDiscover(t *testing.T) {
	home, extra := t.TempDir(), t.TempDir()
	write(t, home, ".config/errcode/catalogs/b.yaml", acme)
	write(t, home, ".config/errcode/catalogs/a.yml", acme)
	write(t, home, ".config/errcode/catalogs/notes.txt", "x")
	one := write(t, extra, "one.yaml", acme)
	env := map[string]string{"HOME": home, "ERRCODE_CATALOG_PATH": extra + string(os.PathListSeparator) + one}
	got, _ := source.Discover(func(k string) string { return env[k] }, []string{"flag.yaml"})
	want := []string{ // one.yaml is in the path twice: it applies once, at its last place
		filepath.Join(home, ".config/errcode/catalogs/a.yml"), filepath.Join(home, ".config/errcode/catalogs/b.yaml"),
		one, "flag.yaml",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Discover:\n got %q\nwant %q", got, want)
	}
	xdg := t.TempDir()
	x := write(t, xdg, "errcode/catalogs/x.yaml", acme)
	env = map[string]string{"HOME": home, "XDG_CONFIG_HOME": xdg}
	if got, _ := source.Discover(func(k string) string { return env[k] }, nil); !reflect.DeepEqual(got, []string{x}) {
		t.Errorf("XDG_CONFIG_HOME: %q", got)
	}
}

func TestMergeExtendsBuiltin(t *testing.T) {
	user, problems := source.Parse("emnify.yaml", []byte("id: emnify\nentries:\n  - code: \"1405\"\n    token: Duplicated\n    status: 409\n    description: Our own words.\n  - code: \"2205\"\n    token: SimAlreadyAssigned\n    status: 409\n"))
	if problems != nil {
		t.Fatal(problems)
	}
	merged := catalog.Merge(catalog.Builtin(), []*catalog.Catalog{user})
	ix := catalog.NewIndex(merged)
	if e := ix.Catalog("emnify").Find("1405", "", 0); e == nil || e.Description != "Our own words." {
		t.Errorf("override of 1405: %+v", e)
	}
	if e := ix.Catalog("emnify").Find("2205", "", 0); e == nil || e.Token != "SimAlreadyAssigned" {
		t.Errorf("2205 added: %+v", e)
	}
	if len(ix.Catalog("emnify").Entries) != 33 {
		t.Errorf("emnify has %d entries, want 32 + 1", len(ix.Catalog("emnify").Entries))
	}
	if e := catalog.NewIndex(catalog.Builtin()).Catalog("emnify").Find("1405", "", 0); e.Description != "" {
		t.Error("merging modified the built-in data")
	}
}

// FuzzCache: a cache file could be damaged or written by anyone with the
// user's rights. Whatever it holds, Load never fails or panics, and
// returns either the catalog the YAML says, or a catalog of which the file
// is exactly what the writer makes (one encoding of each catalog is read,
// so the reader takes nothing the writer would not have written) and that
// a parse could give.
func FuzzCache(f *testing.F) {
	dir, cache := f.TempDir(), f.TempDir()
	path := filepath.Join(dir, "acme.yaml")
	os.WriteFile(path, []byte(acme), 0o644)
	parsed, problems := loadMem(path, cache)
	if problems != nil {
		f.Fatal(problems)
	}
	key := source.CacheKey(path)
	good, _ := os.ReadFile(filepath.Join(cache, key))
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add(source.EncodeCache(key, forged(parsed)))
	f.Fuzz(func(t *testing.T, data []byte) {
		os.WriteFile(filepath.Join(cache, key), data, 0o644)
		readInPart(t, path, cache)
		os.WriteFile(filepath.Join(cache, key), data, 0o644) // readInPart may have cached the file anew
		c, problems := loadMem(path, cache)
		if problems != nil || c == nil || c.ID != "acme" || c.Path != path {
			t.Fatalf("Load with a damaged cache: %v %v", c, problems)
		}
		if reflect.DeepEqual(c, parsed) {
			return
		}
		if enc := source.EncodeCache(key, c); !bytes.Equal(enc, data) {
			t.Fatalf("served a catalog the writer would encode otherwise:\n file %q\nwrite %q", data, enc)
		}
	})
}

// readInPart looks codes, a token, a status, a range and a prefix up in
// the catalog as Load gives it, reading its cache in part: whatever the
// cache holds, nothing panics, and an entry found by its code has the code
// and keeps the rules a parse enforces.
func readInPart(t *testing.T, path, cache string) {
	c, problems := source.Load(path, cache)
	if problems != nil {
		t.Fatalf("Load with a damaged cache: %v", problems)
	}
	ix := catalog.NewIndex([]*catalog.Catalog{c})
	for _, q := range []string{"ACME-1001", "acme-1002", "CardExpired", "402", "2050"} {
		for _, m := range ix.Lookup(catalog.Query{Text: q}).Matches {
			e := m.Entry
			if m.Kind == catalog.MatchCode && catalog.Key(e.Code) != catalog.Key(q) || e.Status != 0 && (e.Status < 100 || e.Status > 599) {
				t.Fatalf("lookup %s found %+v (%s)", q, e, m.Kind)
			}
		}
	}
	for e := range c.WithPrefix("ACME") {
		_ = e.Title
	}
}

// An edit that keeps the size and puts the modification time back (touch
// -r) is still seen: the key has the inode and the change time.
func TestCacheSeesInPlaceEdits(t *testing.T) {
	dir, cache := t.TempDir(), t.TempDir()
	path := write(t, dir, "acme.yaml", acme)
	fi, _ := os.Stat(path)
	if _, problems := loadMem(path, cache); problems != nil {
		t.Fatal(problems)
	}
	time.Sleep(10 * time.Millisecond) // a change time the clock can tell apart
	os.WriteFile(path, []byte(strings.Replace(acme, "Card expired", "Card EXPIRED", 1)), 0o644)
	os.Chtimes(path, fi.ModTime(), fi.ModTime())
	if fi2, _ := os.Stat(path); fi2.Size() != fi.Size() || !fi2.ModTime().Equal(fi.ModTime()) {
		t.Fatal("the edit changed the size or the modification time: the test proves nothing")
	}
	c, _ := loadMem(path, cache)
	if c.Entries[0].Title != "Card EXPIRED" {
		t.Errorf("an in-place edit was served from the cache: %q", c.Entries[0].Title)
	}
}

// A cache file is validated like a parse: forged or damaged content that
// the file itself could not hold is not used, and extensions of built-in
// catalogs are never cached.
func setID(c *catalog.Catalog, id string) {
	c.ID = id
	for i := range c.Entries {
		c.Entries[i].Catalog = id
	}
}

func TestCacheIsValidated(t *testing.T) {
	dir, cache := t.TempDir(), t.TempDir()
	path := write(t, dir, "acme.yaml", acme)
	if _, problems := loadMem(path, cache); problems != nil {
		t.Fatal(problems)
	}
	entries, _ := os.ReadDir(cache)
	if len(entries) != 1 {
		t.Fatalf("%d cache files", len(entries))
	}
	cached := filepath.Join(cache, entries[0].Name())
	good, _ := os.ReadFile(cached)
	for name, forge := range map[string]func(*catalog.Catalog){
		"status -5":     func(c *catalog.Catalog) { c.Entries[0].Status = -5 },
		"a bad id":      func(c *catalog.Catalog) { setID(c, "Bad ID") },
		"a built-in id": func(c *catalog.Catalog) { setID(c, "http") },
		"a duplicate": func(c *catalog.Catalog) {
			c.Entries[1].Code = c.Entries[0].Code
			c.Entries[1].Kind = catalog.Documented
		},
	} {
		os.WriteFile(cached, good, 0o644)
		c, _ := loadMem(path, cache)
		forge(c)
		source.WriteCacheForTest(cache, path, c)
		got, problems := loadMem(path, cache)
		if problems != nil || got.ID != "acme" || got.Entries[0].Status != 402 || got.Entries[1].Code != "2000-2099" {
			t.Errorf("a forged cache (%s) was trusted: %+v", name, got)
		}
	}
	ext := write(t, dir, "http-ext.yaml", "id: http\nentries:\n  - code: \"409\"\n    title: Ours\n")
	before, _ := os.ReadDir(cache)
	if _, problems := loadMem(ext, cache); problems != nil {
		t.Fatal(problems)
	}
	if after, _ := os.ReadDir(cache); len(after) != len(before) {
		t.Errorf("an extension of the built-in http catalog was cached")
	}
}

// Each rule a parse enforces holds for what the cache brings too: a forged
// entry breaking one is parsed again (the file's title shows), and one at
// the edge of a rule is trusted (the forged title shows).
func TestCacheTrustRules(t *testing.T) {
	_, cache, path, parsed := loadAcme(t)
	for _, tc := range []struct {
		name    string
		forge   func(c *catalog.Catalog)
		trusted bool
	}{
		{"as parsed", func(c *catalog.Catalog) {}, true},
		{"status 100", func(c *catalog.Catalog) { c.Entries[0].Status = 100 }, true},
		{"status 599", func(c *catalog.Catalog) { c.Entries[0].Status = 599 }, true},
		{"status 99", func(c *catalog.Catalog) { c.Entries[0].Status = 99 }, false},
		{"status 600", func(c *catalog.Catalog) { c.Entries[0].Status = 600 }, false},
		{"retryable no", func(c *catalog.Catalog) { c.Entries[0].Retryable = catalog.RetryNo }, true},
		{"retryable past no", func(c *catalog.Catalog) { c.Entries[0].Retryable = catalog.RetryNo + 1 }, false},
		{"kind past range", func(c *catalog.Catalog) { c.Entries[0].Kind = catalog.Range + 1 }, false},
		{"a range of one", func(c *catalog.Catalog) { c.Entries[1].From, c.Entries[1].To = 2000, 2000 }, true},
		{"a range backwards", func(c *catalog.Catalog) { c.Entries[1].From, c.Entries[1].To = 2099, 2000 }, false},
		{"bounds on a code", func(c *catalog.Catalog) { c.Entries[0].From = 1 }, false},
		{"bounds on a code (to)", func(c *catalog.Catalog) { c.Entries[0].To = 1 }, false},
		{"a supplement without a source", func(c *catalog.Catalog) { c.Entries[2].Source = "" }, false},
		{"unofficial without a source", func(c *catalog.Catalog) { c.Entries[0].Kind = catalog.Unofficial }, false},
		{"unofficial with one", func(c *catalog.Catalog) { c.Entries[0].Kind, c.Entries[0].Source = catalog.Unofficial, "x" }, true},
		// The format holds no entry's catalog: each is the catalog's own.
		{"another catalog's entry", func(c *catalog.Catalog) { c.Entries[0].Catalog = "other" }, true},
		{"a code that folds to nothing", func(c *catalog.Catalog) { c.Entries[0].Code = "--" }, false},
		{"a host with a port", func(c *catalog.Catalog) { c.Hosts = []string{"api.acme.example:443"} }, false},
		{"a host in capitals", func(c *catalog.Catalog) { c.Hosts = []string{"API.acme.example"} }, false},
		{"an empty host", func(c *catalog.Catalog) { c.Hosts = []string{""} }, false},
		{"body without code, token or message", func(c *catalog.Catalog) { c.Bodies = []catalog.BodyShape{{Field: "f"}} }, false},
		{"body with a token only", func(c *catalog.Catalog) { c.Bodies = []catalog.BodyShape{{Token: "error.type"}} }, true},
		{"body with a bad path", func(c *catalog.Catalog) { c.Bodies = []catalog.BodyShape{{Code: "error.code", Message: "a..b"}} }, false},
		{"body with a bad condition", func(c *catalog.Catalog) {
			c.Bodies = []catalog.BodyShape{{Code: "error.code", When: []string{"!"}}}
		}, false},
		{"body with a bad header condition", func(c *catalog.Catalog) {
			c.Bodies = []catalog.BodyShape{{Code: "error.code", Headers: []string{"a b"}}}
		}, false},
		{"known_codes without conditions", func(c *catalog.Catalog) { c.Bodies = []catalog.BodyShape{{Code: "c", KnownCodes: true}} }, false},
		{"nested without each", func(c *catalog.Catalog) {
			c.Bodies = []catalog.BodyShape{{Code: "c", Nested: &catalog.NestedPaths{Code: "x"}}}
		}, false},
		{"a bad request-id header", func(c *catalog.Catalog) { c.RequestIDHeaders = []string{"X Id"} }, false},
		{"a retry header", func(c *catalog.Catalog) { c.RetryHeaders = []string{"X-Acme-Retry"} }, true},
	} {
		f := forged(parsed)
		tc.forge(f)
		source.WriteCacheForTest(cache, path, f)
		c, problems := loadMem(path, cache)
		if problems != nil {
			t.Fatalf("%s: %v", tc.name, problems)
		}
		if got := c.Entries[0].Title == "from the cache"; got != tc.trusted {
			t.Errorf("a cache entry with %s: trusted %v, want %v", tc.name, got, tc.trusted)
		}
		for _, e := range c.Entries {
			if e.Catalog != "acme" {
				t.Errorf("a cache entry with %s: an entry of catalog %q", tc.name, e.Catalog)
			}
		}
	}
}

// LoadAll gives, in order, what Load gives for each file: a cached one,
// one parsed now, a missing one and one with problems.
func TestLoadAll(t *testing.T) {
	dir, cache, cached, _ := loadAcme(t)
	fresh := write(t, dir, "other.yaml", strings.Replace(acme, "id: acme", "id: other", 1))
	bad := write(t, dir, "bad.yaml", "id: bad\nentries:\n  - code: X\n    status: 700\n")
	paths := []string{cached, filepath.Join(dir, "missing.yaml"), fresh, bad}
	var want []*catalog.Catalog
	var wantProblems [][]source.Problem
	for _, p := range paths {
		c, problems := loadMem(p, t.TempDir())
		want, wantProblems = append(want, c), append(wantProblems, problems)
	}
	got, problems := source.LoadAll(paths, cache)
	for i, c := range got {
		if c != nil {
			got[i] = c.InMemory()
		}
	}
	if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(problems, wantProblems) {
		t.Errorf("LoadAll gave\n%v\n%v\nwant\n%v\n%v", got, problems, want, wantProblems)
	}
	if got[0] == nil || got[2] == nil || problems[1] == nil || problems[3] == nil {
		t.Fatalf("got %v, %v", got, problems)
	}
	if again, _ := source.LoadAll(paths[2:3], cache); !reflect.DeepEqual(again[0].InMemory(), want[2]) {
		t.Error("the file parsed by LoadAll was not cached as it is")
	}
}

// loadMem is source.Load with every entry read: a catalog from the cache
// is verified whole (see catalog.Catalog.InMemory), as a scan of it would
// be. The lookups that read a cached catalog in part are tested in
// store_test.go.
func loadMem(path, cache string) (*catalog.Catalog, []source.Problem) {
	c, problems := source.Load(path, cache)
	if c != nil {
		c = c.InMemory()
	}
	return c, problems
}
