package source_test

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/catalog/source"
)

// The cache is bytes on disk that anyone with the user's rights, or a
// mistake, could have put there. Each test below builds a real cache with
// Load, replaces the entry on disk with a whole forged file, and checks
// that Load parses the YAML again: the forgery's title ("from the cache")
// is not what comes back.

// forgery is a cache file that would be served if nothing else were wrong:
// acme.yaml's catalog, titled "from the cache", under its key.
func forgery(t *testing.T, path string, parsed *catalog.Catalog) []byte {
	t.Helper()
	return source.EncodeCache(source.CacheKey(path), forged(parsed))
}

// entryPath is path's cache file in cache.
func entryPath(cache, path string) string { return filepath.Join(cache, source.CacheKey(path)) }

// loadWithin loads path, failing the test if Load does not return within
// a minute: a safety net for a read that would never end, not a timing.
func loadWithin(t *testing.T, path, cache string) *catalog.Catalog {
	t.Helper()
	type result struct {
		c        *catalog.Catalog
		problems []source.Problem
	}
	done := make(chan result, 1)
	go func() {
		c, problems := loadMem(path, cache)
		done <- result{c, problems}
	}()
	select {
	case r := <-done:
		if r.problems != nil || r.c == nil {
			t.Fatalf("Load: %v %v", r.c, r.problems)
		}
		return r.c
	case <-time.After(time.Minute):
		t.Fatal("Load did not return: it is waiting on the cache entry")
		return nil
	}
}

// parsedAgain: c is the file's catalog, not the forgery.
func parsedAgain(t *testing.T, rule string, c *catalog.Catalog) {
	t.Helper()
	if title := c.Entries[0].Title; title != "Card expired" {
		t.Errorf("%s: the cache was trusted (title %.40q)", rule, title)
	}
}

// The forgery itself, as a regular private file, is served: each test
// below differs from it by one thing.
func TestForgeryIsServed(t *testing.T) {
	_, cache, path, parsed := loadAcme(t)
	if err := os.WriteFile(entryPath(cache, path), forgery(t, path, parsed), 0o600); err != nil {
		t.Fatal(err)
	}
	if c := loadWithin(t, path, cache); c.Entries[0].Title != "from the cache" {
		t.Fatalf("the forgery was not served (title %q): the tests below prove nothing", c.Entries[0].Title)
	}
}

func TestCacheForgedSymlinkToDevZero(t *testing.T) {
	_, cache, path, _ := loadAcme(t)
	entry := entryPath(cache, path)
	os.Remove(entry)
	if err := os.Symlink("/dev/zero", entry); err != nil {
		t.Skip(err)
	}
	parsedAgain(t, "a link to /dev/zero", loadWithin(t, path, cache))
}

// A link to a forgery of the user's own, private: the entry is a link,
// not a file errcode wrote.
func TestCacheForgedSymlinkToPrivateFile(t *testing.T) {
	dir, cache, path, parsed := loadAcme(t)
	elsewhere := filepath.Join(dir, "forged")
	if err := os.WriteFile(elsewhere, forgery(t, path, parsed), 0o600); err != nil {
		t.Fatal(err)
	}
	os.Remove(entryPath(cache, path))
	if err := os.Symlink(elsewhere, entryPath(cache, path)); err != nil {
		t.Skip(err)
	}
	parsedAgain(t, "a link to a private forgery", loadWithin(t, path, cache))
}

// A cache entry others may write, in place or through a link.
func TestCacheForgedWritableByOthers(t *testing.T) {
	for _, mode := range []os.FileMode{0o666, 0o620, 0o602} {
		_, cache, path, parsed := loadAcme(t)
		entry := entryPath(cache, path)
		os.WriteFile(entry, forgery(t, path, parsed), 0o600)
		if err := os.Chmod(entry, mode); err != nil {
			t.Fatal(err)
		}
		parsedAgain(t, "a cache file of mode "+mode.String(), loadWithin(t, path, cache))
	}
	dir, cache, path, parsed := loadAcme(t)
	shared := filepath.Join(dir, "shared")
	os.WriteFile(shared, forgery(t, path, parsed), 0o600)
	os.Chmod(shared, 0o666)
	os.Remove(entryPath(cache, path))
	if err := os.Symlink(shared, entryPath(cache, path)); err != nil {
		t.Skip(err)
	}
	parsedAgain(t, "a link to a world-writable forgery", loadWithin(t, path, cache))
}

// A cache larger than its file could give is not read, however valid: a
// forgery with a title of 9 MiB, past cacheLimit of acme.yaml's size.
func TestCacheForgedTooLarge(t *testing.T) {
	_, cache, path, parsed := loadAcme(t)
	f := forged(parsed)
	fi, _ := os.Stat(path)
	limit := source.CacheLimit(fi.Size())
	f.Entries[0].Title = "from the cache" + strings.Repeat(" ", int(limit))
	os.WriteFile(entryPath(cache, path), source.EncodeCache(source.CacheKey(path), f), 0o600)
	parsedAgain(t, "a cache past its limit", loadWithin(t, path, cache))
}

// Bytes after the catalog: one, or a file padded to 256 MiB (sparse).
func TestCacheForgedPadding(t *testing.T) {
	for _, size := range []int64{1, 256 << 20} {
		_, cache, path, parsed := loadAcme(t)
		entry := entryPath(cache, path)
		good := forgery(t, path, parsed)
		os.WriteFile(entry, good, 0o600)
		if err := os.Truncate(entry, int64(len(good))+size); err != nil {
			t.Fatal(err)
		}
		parsedAgain(t, "a padded cache", loadWithin(t, path, cache))
	}
}

// An entry count the bytes cannot hold is refused before anything is
// allocated for it: a count of as many entries as bytes remain (the old
// check) would allocate a catalog.Entry for each.
func TestCacheForgedLyingCount(t *testing.T) {
	_, cache, path, _ := loadAcme(t)
	const rest = 256 << 10
	e := source.EncodeCache(source.CacheKey(path), &catalog.Catalog{ID: "acme"})
	e = e[:len(e)-1] // the entry count, 0
	e = binary.AppendVarint(e, rest)
	e = append(e, make([]byte, rest)...)
	os.WriteFile(entryPath(cache, path), e, 0o600)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	c := loadWithin(t, path, cache)
	runtime.ReadMemStats(&after)
	parsedAgain(t, "a lying count", c)
	lie := uint64(rest * unsafe.Sizeof(catalog.Entry{}))
	if got := after.TotalAlloc - before.TotalAlloc; got > lie/4 {
		t.Errorf("a count of %d entries in %d bytes: Load allocated %d bytes (the lie: %d)", rest, rest, got, lie)
	}
}

// Two entries whose codes errcode reads as one; a cache for another file's
// key, of another format, or written by another build of errcode.
func TestCacheForgedIdentity(t *testing.T) {
	dir, cache, path, parsed := loadAcme(t)
	entry := entryPath(cache, path)

	f := forged(parsed)
	f.Entries[2].Code, f.Entries[2].Kind = "acme1001", catalog.Documented // ACME-1001 folded
	os.WriteFile(entry, source.EncodeCache(source.CacheKey(path), f), 0o600)
	parsedAgain(t, "two entries with one code", loadWithin(t, path, cache))

	other := write(t, dir, "other.yaml", strings.Replace(acme, "ACME Payments", "Other", 1))
	os.WriteFile(entry, source.EncodeCache(source.CacheKey(other), forged(parsed)), 0o600)
	parsedAgain(t, "another file's cache", loadWithin(t, path, cache))

	old := forgery(t, path, parsed)
	old = []byte(strings.Replace(string(old), source.CacheMagic, "errcode catalog cache 3\n", 1))
	os.WriteFile(entry, old, 0o600)
	parsedAgain(t, "a cache of format 3", loadWithin(t, path, cache))

	os.Remove(entry)
	func() {
		source.SetCacheBuild(t, "errcode v0.0.1-other")
		source.WriteCacheForTest(cache, path, forged(parsed))
	}()
	source.SetCacheBuild(t, "errcode v0.0.2")
	parsedAgain(t, "a cache another build wrote", loadWithin(t, path, cache))
}
