package source

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
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
	wd := workDir()
	last := map[string]int{}
	for i, f := range files {
		last[absIn(wd, f)] = i
	}
	var out []string
	for i, f := range files {
		if last[absIn(wd, f)] == i {
			out = append(out, f)
		}
	}
	return out
}

// workDir is the working directory, "" if it cannot be had. It is asked
// once for all the files of a start: os.Getwd costs two stats each time.
func workDir() string {
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	return wd
}

// absIn is path made absolute in wd, as filepath.Abs would (path itself
// if wd is "" and path is relative).
func absIn(wd, path string) string {
	if filepath.IsAbs(path) {
		return filepath.Clean(path)
	}
	if wd == "" {
		return path
	}
	return filepath.Join(wd, path)
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
	l := loadCached(path, workDir(), cacheDir, cacheDir != "" && cacheDirsSafe(cacheDir))
	if l.c == nil && l.problems == nil {
		l.parse(path, cacheDir)
	}
	return l.c, l.problems
}

// LoadAll loads each of paths as Load does, in order. The caches are read
// a few at a time (one a core: decoding them is most of a warm start with
// many entries); the files whose cache misses are parsed one after
// another, since a parse already uses every core and two at once would
// hold two syntax trees.
func LoadAll(paths []string, cacheDir string) ([]*catalog.Catalog, [][]Problem) {
	dirSafe := cacheDir != "" && cacheDirsSafe(cacheDir)
	wd := workDir()
	loads := make([]loading, len(paths))
	next := make(chan int, len(paths))
	for i := range paths {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(paths)) {
		wg.Go(func() {
			for i := range next {
				loads[i] = loadCached(paths[i], wd, cacheDir, dirSafe)
			}
		})
	}
	wg.Wait()
	cats, problems := make([]*catalog.Catalog, len(paths)), make([][]Problem, len(paths))
	for i := range loads {
		if loads[i].c == nil && loads[i].problems == nil {
			loads[i].parse(paths[i], cacheDir)
		}
		cats[i], problems[i] = loads[i].c, loads[i].problems
	}
	return cats, problems
}

// loading is a file on its way in: its catalog, its problems, or neither
// yet (the cache missed) and the cache entry's key and size limit.
type loading struct {
	c        *catalog.Catalog
	problems []Problem
	key      string
	limit    int64
}

// loadCached checks path (in the working directory wd) and reads its
// cache entry.
func loadCached(path, wd, cacheDir string, dirSafe bool) loading {
	fi, err := os.Stat(path)
	if err == nil {
		err = checkFile(fi)
	}
	if err != nil {
		return loading{problems: []Problem{{File: path, Msg: readError(err)}}}
	}
	l := loading{key: cacheKey(absIn(wd, path), fi), limit: cacheLimit(fi.Size())}
	again := func() *catalog.Catalog { // the cache proved damaged: parse, and cache it anew
		a := loading{key: l.key, limit: l.limit}
		a.parse(path, cacheDir)
		return a.c
	}
	if l.c = readCache(cacheDir, dirSafe, l.key, l.limit, again); l.c != nil {
		l.c.Path = path
	}
	return l
}

// parse reads and parses path, and caches its catalog.
func (l *loading) parse(path, cacheDir string) {
	data, err := readFile(path)
	if err != nil {
		l.problems = []Problem{{File: path, Msg: readError(err)}}
		return
	}
	c, problems := parseBounded(path, data)
	if problems != nil {
		l.problems = problems
		return
	}
	c.Path = path
	writeCache(cacheDir, l.key, l.limit, c)
	l.c = c
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
