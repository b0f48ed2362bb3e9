package source

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"syscall"

	"github.com/errcode-dev/errcode/catalog"
)

// MaxFile bounds a user catalog file: a 10,000-entry catalog is about 4 MB.
const MaxFile = 32 << 20

// ConfigDir is where user catalogs live: $XDG_CONFIG_HOME/errcode/catalogs,
// by default ~/.config/errcode/catalogs. "" if neither is known.
func ConfigDir(getenv func(string) string) string {
	return xdgDir(getenv, "XDG_CONFIG_HOME", ".config")
}

// CacheDir is where parsed catalogs are kept: $XDG_CACHE_HOME/errcode/catalogs,
// by default ~/.cache/errcode/catalogs. "" if neither is known.
func CacheDir(getenv func(string) string) string {
	return xdgDir(getenv, "XDG_CACHE_HOME", ".cache")
}

// xdgDir is errcode/catalogs under the XDG base directory named by
// variable, or under ~/fallback when it is not set.
func xdgDir(getenv func(string) string, variable, fallback string) string {
	base := getenv(variable)
	if base == "" {
		home := getenv("HOME")
		if home == "" {
			return ""
		}
		base = filepath.Join(home, fallback)
	}
	return filepath.Join(base, "errcode", "catalogs")
}

// Discover lists the user catalog files, in the order they apply (a later
// one overrides an earlier one's entries): the config directory's *.yaml,
// then each directory or file in ERRCODE_CATALOG_PATH, then files. When
// there are none, this costs one look at the config directory. A directory
// that exists but cannot be read is a problem: its catalogs would be
// missing without a word.
func Discover(getenv func(string) string, files []string) ([]string, []Problem) {
	var out []string
	var problems []Problem
	add := func(dir string) {
		fs, err := yamlFiles(dir)
		if err != nil {
			problems = append(problems, Problem{File: dir, Msg: "cannot read the catalog directory: " + readError(err)})
		}
		out = append(out, fs...)
	}
	if dir := ConfigDir(getenv); dir != "" {
		add(dir)
	}
	for _, p := range filepath.SplitList(getenv("ERRCODE_CATALOG_PATH")) {
		if p == "" {
			continue
		}
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			add(p)
		} else {
			out = append(out, p) // a file, or a missing path that Load will report
		}
	}
	return dedupe(append(out, files...)), problems
}

// dedupe keeps the last mention of each file (so it applies in its latest
// place) and drops the earlier ones.
func dedupe(files []string) []string {
	last := map[string]int{}
	for i, f := range files {
		if abs, err := filepath.Abs(f); err == nil {
			f = abs
		}
		last[f] = i
	}
	var out []string
	for i, f := range files {
		abs, err := filepath.Abs(f)
		if err != nil {
			abs = f
		}
		if last[abs] == i {
			out = append(out, f)
		}
	}
	return out
}

// yamlFiles lists dir's *.yaml and *.yml files, sorted; none, and no
// error, if dir is missing.
func yamlFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if n := e.Name(); !e.IsDir() && (strings.HasSuffix(n, ".yaml") || strings.HasSuffix(n, ".yml")) {
			out = append(out, filepath.Join(dir, n))
		}
	}
	sort.Strings(out)
	return out, nil
}

// Load reads a user catalog file, from the cache in cacheDir when the file
// has not changed since it was parsed ("" for no cache). The catalog's
// Path is the file. A file with problems gives no catalog.
func Load(path, cacheDir string) (*catalog.Catalog, []Problem) {
	fi, err := os.Stat(path)
	if err == nil {
		err = checkFile(fi)
	}
	if err != nil {
		return nil, []Problem{{File: path, Msg: readError(err)}}
	}
	key, limit := cacheKey(path, fi), cacheLimit(fi.Size())
	if c := readCache(cacheDir, key, limit); c != nil {
		c.Path = path
		return c, nil
	}
	data, err := readFile(path)
	if err != nil {
		return nil, []Problem{{File: path, Msg: readError(err)}}
	}
	c, problems := parseBounded(path, data)
	if problems != nil {
		return nil, problems
	}
	c.Path = path
	writeCache(cacheDir, key, limit, c)
	return c, nil
}

// checkFile: a catalog is a regular file of at most MaxFile bytes. A
// device (/dev/zero), a FIFO or a socket would never end, or never start.
func checkFile(fi fs.FileInfo) error {
	switch {
	case fi.IsDir():
		return errors.New("is a directory")
	case !fi.Mode().IsRegular():
		return errors.New("is not a regular file (a device, FIFO or socket)")
	case fi.Size() > MaxFile:
		return fmt.Errorf("is %d MiB; a catalog may be at most %d MiB", fi.Size()>>20, MaxFile>>20)
	}
	return nil
}

// readFile reads a catalog whatever happens to the path meanwhile: opened
// without blocking (a FIFO put there since the check would hang open), the
// opened file checked again, and read through a limit.
func readFile(path string) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err == nil {
		err = checkFile(fi)
	}
	if err != nil {
		return nil, err
	}
	return readAtMost(f, MaxFile)
}

// readAtMost reads r to its end, or fails once it holds more than max
// bytes (a file that grew since it was checked).
func readAtMost(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err == nil && int64(len(data)) > max {
		err = fmt.Errorf("grew past %d MiB while being read", max>>20)
	}
	return data, err
}

// parseMemoryLimit is a soft limit on the heap while a catalog is parsed:
// the YAML parser's garbage is collected before the heap doubles, so a
// large catalog's first load stays within budget (at some cost in time).
const parseMemoryLimit = 200 << 20

func parseBounded(path string, data []byte) (*catalog.Catalog, []Problem) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(parseMemoryLimit))
	return Parse(path, data)
}

func readError(err error) string {
	var pe *fs.PathError
	if e, ok := err.(*fs.PathError); ok {
		pe = e
		err = pe.Err
	}
	if os.IsNotExist(err) {
		return "no such file"
	}
	return err.Error()
}
