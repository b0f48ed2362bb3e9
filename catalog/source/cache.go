package source

import (
	"cmp"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/errcode-dev/errcode/catalog"
)

// The cache keeps each parsed user catalog in a compact binary form, so
// that a large catalog costs a YAML parse only when its file changes
// (goccy/go-yaml takes about 600 ms for 10,000 entries; this, a few).
// Strings are decoded as substrings of one string read from the file.

// cacheMagic names the format; a change to it (or to what a field means)
// changes the number.
const cacheMagic = "errcode catalog cache 6\n"

// cacheBuild names the errcode that writes and reads the cache: its module
// version and VCS revision, as Go embeds them. It is part of the key, so a
// cache written by another build of errcode (whose rules, or whose meaning
// of a number in the format, may differ) is never read.
var cacheBuild = buildID // a variable for tests

var (
	buildOnce sync.Once
	build     string
)

func buildID() string {
	buildOnce.Do(func() {
		bi, ok := debug.ReadBuildInfo()
		if !ok {
			return
		}
		build = bi.Main.Version
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" || s.Key == "vcs.modified" {
				build += " " + s.Value
			}
		}
	})
	return build
}

// cacheKey names a file's cache entry: its absolute path (abs), size,
// modification time, and where the system has them its inode and change
// time, so any change to the file misses, even one that keeps the size and
// puts the modification time back; and the format and the build of errcode
// that wrote it. The key only tells files and versions apart (the entry
// also holds the key, checked on read), so a 128-bit FNV hash does: a
// cryptographic one would link Go's FIPS crypto packages, whose
// initialisation every start would pay.
func cacheKey(abs string, fi fs.FileInfo) string {
	h := fnv.New128a()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%d\x00%d\x00%s", cacheMagic, cacheBuild(), abs, fi.Size(), fi.ModTime().UnixNano(), fileIdentity(fi))
	return hex.EncodeToString(h.Sum(nil))
}

// cacheLimit bounds the cache entry of a catalog file of size bytes, in
// both directions: a larger one is neither written nor read (nor opened
// past its size). Every string the cache holds is a scalar of the file
// (decoded, at most 1.5 times its bytes: "\L" is three), a copy an alias
// made (at most maxExpansionBytes of those in all) or a folded code or
// token (at most the code's bytes); every string, list and number written
// costs 1 to 3 bytes of length where the YAML spent at least 2 on it (a
// key, "- ", a comma); and each entry (at least 8 bytes of YAML: "{code:
// a},") adds at most 48 bytes of tables (two key rows' numbers, a status
// row, a range row, its masks and its offset). So 8 bytes of cache a byte
// of file leave room; 64 KiB more hold the header. A catalog within
// MaxFile has a cache of at most 8 x 32 MiB + 8 MiB + 64 KiB.
func cacheLimit(size int64) int64 { return 8*size + maxExpansionBytes + 64<<10 }

// readCache returns the catalog cached under key, or nil (parse the file
// again) at any doubt: a directory (dirSafe: cacheDirsSafe(dir), asked
// once for all the files a start loads) or file errcode did not make or that
// others may write, anything but a regular file, more than limit bytes,
// or a header that does not decode, describe the file's exact size, or
// pass the checks a parse makes. The entries stay in the file until asked
// for (see store); load is how the store parses the file if it finds them
// damaged then.
func readCache(dir string, dirSafe bool, key string, limit int64, load func() *catalog.Catalog) *catalog.Catalog {
	if dir == "" || !dirSafe {
		return nil
	}
	f, fi, ok := openCacheFile(filepath.Join(dir, key))
	if !ok {
		return nil
	}
	if fi.Size() > limit {
		f.Close()
		return nil
	}
	c := openStore(f, fi.Size(), key, load)
	if c == nil {
		f.Close()
	}
	return c
}

// cacheDirsSafe: dir and the directory holding it (errcode/catalogs
// under the cache home) are directories, not links to one, of the user's,
// and no one else may write in them: anyone who could would decide what
// errcode reads, or where it writes.
func cacheDirsSafe(dir string) bool {
	return safeDir(filepath.Dir(dir)) && safeDir(dir)
}

func safeDir(d string) bool {
	fi, err := os.Lstat(d)
	return err == nil && fi.IsDir() && ownPrivate(fi)
}

// makeCacheDirs creates what is missing of dir and its parent, each for
// the user alone (0700), and says whether both are safe; each is checked
// before anything is made inside it, so nothing is made through a link.
func makeCacheDirs(dir string) bool {
	parent := filepath.Dir(dir)
	if os.MkdirAll(filepath.Dir(parent), 0o700) != nil {
		return false
	}
	for _, d := range []string{parent, dir} {
		if err := os.Mkdir(d, 0o700); err != nil && !errors.Is(err, fs.ErrExist) || !safeDir(d) {
			return false
		}
	}
	return true
}

// writeCache stores c; failures are ignored (the cache only saves time).
// The file is written whole under a temporary name (0600), then renamed.
// What the reader would refuse is not written: an untrustworthy catalog,
// or one whose entry would be over limit bytes.
func writeCache(dir, key string, limit int64, c *catalog.Catalog) {
	if dir == "" || !trustworthy(c) {
		return
	}
	parts, ok := encodeFile(key, c, int(min(limit, math.MaxInt)))
	if !ok || !makeCacheDirs(dir) {
		return
	}
	tmp, err := os.CreateTemp(dir, key+".*.tmp")
	if err != nil {
		return
	}
	var werr error
	for _, b := range parts {
		if werr == nil {
			_, werr = tmp.Write(b)
		}
	}
	if cerr := tmp.Close(); werr != nil || cerr != nil || os.Rename(tmp.Name(), filepath.Join(dir, key)) != nil {
		os.Remove(tmp.Name())
	}
}

// encoder writes the format; it stops once past limit bytes (0: none),
// so a catalog whose cache would be refused costs no more memory than that.
type encoder struct {
	b     []byte
	limit int
}

func (e *encoder) num(n int)    { e.b = binary.AppendVarint(e.b, int64(n)) }
func (e *encoder) str(s string) { e.num(len(s)); e.b = append(e.b, s...) }
func (e *encoder) strs(s []string) {
	e.num(len(s))
	for _, x := range s {
		e.str(x)
	}
}
func (e *encoder) over() bool { return e.limit > 0 && len(e.b) > e.limit }

// The smallest encoding of one element, each string and number a byte:
// the decoder trusts no count of elements that the bytes left could not
// hold.
const (
	minShape = 20 // a list of 15 strings (16), flags, three lists
	minEntry = 16 // nine strings, two lists, five numbers
	minStr   = 1
)

// header writes c but for its entries. An entry's catalog is not
// written: it is the catalog's id.
func (e *encoder) header(c *catalog.Catalog) {
	e.str(c.ID)
	e.str(c.Name)
	e.str(c.DocURL)
	e.str(c.Source)
	e.strs(c.Hosts)
	e.num(len(c.Bodies))
	for i := range c.Bodies {
		s := &c.Bodies[i]
		n := catalog.NestedPaths{}
		if s.Nested != nil {
			n = *s.Nested
		}
		e.strs([]string{s.Code, s.Token, s.Message, s.Field, s.Detail, s.Status, s.RequestID, s.DocURL, s.Wait, n.Each, n.Code, n.Token, n.Message, n.Field, s.Names})
		e.num(btoi(s.KnownCodes) + 2*btoi(s.Nested != nil))
		e.strs(s.When)
		e.strs(s.Any)
		e.strs(s.Headers)
	}
	e.strs(c.RequestIDHeaders)
	e.strs(c.RetryHeaders)
	e.strs(c.CodeHeaders)
	e.strs(c.Lines)
	e.num(btoi(c.Protocol))
}

// entry writes one entry.
func (e *encoder) entry(x *catalog.Entry) {
	for _, s := range []string{x.Code, x.Token, x.Category, x.Title, x.Message, x.Description, x.DocURL, x.Source, x.Reference} {
		e.str(s)
	}
	e.strs(x.Causes)
	e.strs(x.Fixes)
	for _, n := range []int{x.Status, int(x.Retryable), int(x.Kind), x.From, x.To} {
		e.num(n)
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

type decoder struct {
	s     string
	bad   bool
	pool  []string // where lists are cut from: one allocation for many
	chunk int      // how many strings a new pool holds; 0: 1024
}

// num reads what binary.AppendVarint wrote, straight from the string
// (converting to []byte would allocate for every number), and only that:
// a number in more bytes than it needs (a last byte of 0), or past 64
// bits, is bad. So the reader accepts one encoding of each catalog, the
// one the writer makes.
func (d *decoder) num() int {
	var ux uint64
	for i, shift := 0, uint(0); i < len(d.s) && i < binary.MaxVarintLen64; i, shift = i+1, shift+7 {
		b := d.s[i]
		ux |= uint64(b&0x7f) << shift
		if b < 0x80 {
			if b == 0 && i > 0 || i == binary.MaxVarintLen64-1 && b > 1 {
				break
			}
			d.s = d.s[i+1:]
			x := int64(ux >> 1)
			if ux&1 != 0 {
				x = ^x
			}
			return int(x)
		}
	}
	d.bad, d.s = true, ""
	return 0
}

// count reads a number of elements, each at least size bytes: one the
// bytes left cannot hold is bad, before anything is allocated for it.
func (d *decoder) count(size int) int {
	n := d.num()
	if n < 0 || n > len(d.s)/size {
		d.bad, d.s = true, ""
		return 0
	}
	return n
}

func (d *decoder) str() string {
	n := d.count(1)
	s := d.s[:n]
	d.s = d.s[n:]
	return s
}

// strs reads a list. Lists are cut from a shared array, each with its
// length as capacity (an append copies it), rather than allocated one by
// one: a catalog has two a entry.
func (d *decoder) strs() []string {
	n := d.count(minStr)
	if n == 0 {
		return nil
	}
	if len(d.pool) < n {
		d.pool = make([]string, max(n, cmp.Or(d.chunk, 1024)))
	}
	out := d.pool[:n:n]
	d.pool = d.pool[n:]
	for i := range out {
		out[i] = d.str()
	}
	return out
}

// header reads what encoder.header wrote.
func (d *decoder) header() *catalog.Catalog {
	c := &catalog.Catalog{ID: d.str(), Name: d.str(), DocURL: d.str(), Source: d.str(), Hosts: d.strs()}
	bodies := d.count(minShape)
	for range bodies {
		p := d.strs()
		flags := d.num()
		if len(p) != 15 || flags < 0 || flags > 3 {
			d.bad = true
			return nil
		}
		s := catalog.BodyShape{Code: p[0], Token: p[1], Message: p[2], Field: p[3], Detail: p[4], Status: p[5], RequestID: p[6], DocURL: p[7], Wait: p[8],
			Names: p[14], KnownCodes: flags&1 != 0, When: d.strs(), Any: d.strs(), Headers: d.strs()}
		if flags&2 != 0 {
			s.Nested = &catalog.NestedPaths{Each: p[9], Code: p[10], Token: p[11], Message: p[12], Field: p[13]}
		}
		c.Bodies = append(c.Bodies, s)
	}
	c.RequestIDHeaders, c.RetryHeaders, c.CodeHeaders = d.strs(), d.strs(), d.strs()
	c.Lines = d.strs()
	c.Protocol = d.num() == 1
	if d.bad {
		return nil
	}
	return c
}

// entry reads what encoder.entry wrote, as an entry of catalog id.
func (d *decoder) entry(x *catalog.Entry, id string) {
	x.Catalog = id
	x.Code, x.Token, x.Category, x.Title, x.Message = d.str(), d.str(), d.str(), d.str(), d.str()
	x.Description, x.DocURL, x.Source, x.Reference = d.str(), d.str(), d.str(), d.str()
	x.Causes, x.Fixes = d.strs(), d.strs()
	x.Status, x.Retryable, x.Kind = d.num(), catalog.Retry(d.num()), catalog.Kind(d.num())
	x.From, x.To = d.num(), d.num()
}

// trustworthy checks a catalog read from the cache against the rules a
// parse enforces: a cache file is only bytes on disk, and a damaged or
// forged one must not bring in what the file itself could not (a status
// of -5, a bad id, two entries with one code). Extensions of a built-in
// catalog are never taken from the cache: built-in entries are replaced
// only by what a file says, parsed.
func trustworthy(c *catalog.Catalog) bool {
	if c == nil || !ValidID(c.ID) {
		return false
	}
	if catalog.IsBuiltinID(c.ID) {
		return false
	}
	for _, h := range c.Hosts {
		if h == "" || strings.ContainsAny(h, "/: ") || h != strings.ToLower(h) {
			return false
		}
	}
	for i := range c.Bodies {
		if keys, _ := ShapeProblems(&c.Bodies[i]); len(keys) > 0 {
			return false
		}
	}
	for _, hs := range [][]string{c.RequestIDHeaders, c.RetryHeaders, c.CodeHeaders} {
		for _, h := range hs {
			if !validHeader(h) {
				return false
			}
		}
	}
	for _, l := range c.Lines {
		if LineProblem(l) != "" {
			return false
		}
	}
	seen := make(map[string]bool, len(c.Entries))
	for i := range c.Entries {
		e := &c.Entries[i]
		k := catalog.Key(e.Code)
		if e.Catalog != c.ID || seen[k] || !entryOK(e) {
			return false
		}
		seen[k] = true
	}
	return true
}

// entryOK: e keeps the rules a parse enforces on one entry.
func entryOK(e *catalog.Entry) bool {
	switch {
	case catalog.Key(e.Code) == "":
		return false
	case e.Status != 0 && (e.Status < 100 || e.Status > 599):
		return false
	case e.Retryable > catalog.RetryNo, e.Kind > catalog.Range:
		return false
	case e.Kind == catalog.Range && e.From > e.To, e.Kind != catalog.Range && (e.From != 0 || e.To != 0):
		return false
	case (e.Kind == catalog.Supplement || e.Kind == catalog.Unofficial) && e.Source == "":
		return false
	}
	return true
}
