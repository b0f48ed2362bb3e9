//go:build unix

package source_test

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/errcode-dev/errcode/catalog/source"
)

// A FIFO where the cache entry was: opening it must not wait for a writer
// that never comes.
func TestCacheForgedFIFO(t *testing.T) {
	_, cache, path, _ := loadAcme(t)
	entry := entryPath(cache, path)
	os.Remove(entry)
	if err := syscall.Mkfifo(entry, 0o600); err != nil {
		t.Skip(err)
	}
	parsedAgain(t, "a FIFO", loadWithin(t, path, cache))
}

// A FIFO that holds a forgery, its writer open a while: the entry is no
// regular file, whatever it would read as.
func TestCacheForgedFIFOWithData(t *testing.T) {
	_, cache, path, parsed := loadAcme(t)
	entry := entryPath(cache, path)
	os.Remove(entry)
	if err := syscall.Mkfifo(entry, 0o600); err != nil {
		t.Skip(err)
	}
	w, err := os.OpenFile(entry, os.O_RDWR, 0) // does not wait for a reader
	if err != nil {
		t.Skip(err)
	}
	if _, err := w.Write(forgery(t, path, parsed)); err != nil {
		t.Fatal(err)
	}
	go func() { time.Sleep(200 * time.Millisecond); w.Close() }() // then a reader sees the end
	parsedAgain(t, "a FIFO holding a forgery", loadWithin(t, path, cache))
}

// The directories: errcode/catalogs under the cache home are made for the
// user alone; one that is a link, or that others may write, is neither
// read nor written.
func TestCacheDirs(t *testing.T) {
	dir, _, path, parsed := loadAcme(t)
	home := t.TempDir()
	cache := filepath.Join(home, "errcode", "catalogs")
	loadWithin(t, path, cache)
	for _, d := range []string{filepath.Dir(cache), cache} {
		if fi, err := os.Lstat(d); err != nil || fi.Mode().Perm() != 0o700 {
			t.Errorf("%s: %v %v, want a directory of mode 0700", d, fi.Mode(), err)
		}
	}

	// errcode -> a world-writable directory holding a forgery: not read,
	// and nothing written there.
	evil := t.TempDir()
	os.Chmod(evil, 0o777)
	home = t.TempDir()
	if err := os.Symlink(evil, filepath.Join(home, "errcode")); err != nil {
		t.Skip(err)
	}
	cache = filepath.Join(home, "errcode", "catalogs")
	loadWithin(t, path, cache)
	if _, err := os.Lstat(filepath.Join(evil, "catalogs")); err == nil {
		t.Error("the cache was written through a link to a world-writable directory")
	}
	os.Mkdir(filepath.Join(evil, "catalogs"), 0o700)
	source.WriteCacheForTest(filepath.Join(evil, "catalogs"), path, forged(parsed))
	parsedAgain(t, "errcode a link to another directory", loadWithin(t, path, cache))

	// errcode, or catalogs, a directory of the user's that others may write.
	for _, open := range []string{"errcode", "catalogs"} {
		home := t.TempDir()
		cache := filepath.Join(home, "errcode", "catalogs")
		os.MkdirAll(cache, 0o700)
		source.WriteCacheForTest(cache, path, forged(parsed))
		target := cache
		if open == "errcode" {
			target = filepath.Dir(cache)
		}
		os.Chmod(target, 0o777)
		parsedAgain(t, open+" writable by others", loadWithin(t, path, cache))
		os.Remove(entryPath(cache, path))
		loadWithin(t, path, cache)
		if _, err := os.Lstat(entryPath(cache, path)); err == nil {
			t.Errorf("the cache was written with %s writable by others", open)
		}
	}
	_ = dir
}

// A cache file of another user's, even one no one else may write: root
// can make one (the test runs as root in containers), and errcode did not.
func TestCacheForgedOtherOwner(t *testing.T) {
	_, cache, path, parsed := loadAcme(t)
	entry := entryPath(cache, path)
	os.WriteFile(entry, forgery(t, path, parsed), 0o600)
	if err := os.Chown(entry, os.Getuid()+1, -1); err != nil {
		t.Skip("cannot give a file to another user:", err)
	}
	parsedAgain(t, "another user's cache file", loadWithin(t, path, cache))
}
