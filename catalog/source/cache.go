package source

import (
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/errcode-dev/errcode/catalog"
)

// The cache keeps each parsed user catalog in a compact binary form, so
// that a large catalog costs a YAML parse only when its file changes
// (goccy/go-yaml takes about 600 ms for 10,000 entries; this, a few).
// Strings are decoded as substrings of one string read from the file.

const cacheMagic = "errcode catalog cache 3\n"

// cacheKey names a file's cache entry: its absolute path, size,
// modification time, and where the system has them its inode and change
// time, so any change to the file misses, even one that keeps the size and
// puts the modification time back. The key only tells
// files and versions apart (the entry also holds the key, checked on read),
// so a 128-bit FNV hash does: a cryptographic one would link Go's FIPS
// crypto packages, whose initialisation every start would pay.
func cacheKey(path string, fi fs.FileInfo) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	h := fnv.New128a()
	fmt.Fprintf(h, "%s\x00%d\x00%d\x00%s", abs, fi.Size(), fi.ModTime().UnixNano(), fileIdentity(fi))
	return hex.EncodeToString(h.Sum(nil))
}

func readCache(dir, key string) *catalog.Catalog {
	if dir == "" {
		return nil
	}
	b, err := os.ReadFile(filepath.Join(dir, key))
	if err != nil {
		return nil
	}
	d := decoder{s: string(b)}
	if d.str() != cacheMagic || d.str() != key {
		return nil
	}
	c := d.catalog()
	if d.bad || !trustworthy(c) {
		return nil // parse the file again
	}
	return c
}

// writeCache stores c; failures are ignored (the cache only saves time).
// The file is written whole under a temporary name, then renamed.
func writeCache(dir, key string, c *catalog.Catalog) {
	if dir == "" || !trustworthy(c) { // what would not be read back is not written
		return
	}
	var e encoder
	e.str(cacheMagic)
	e.str(key)
	e.catalog(c)
	if os.MkdirAll(dir, 0o755) != nil {
		return
	}
	tmp, err := os.CreateTemp(dir, key+".*.tmp")
	if err != nil {
		return
	}
	_, werr := tmp.Write(e.b)
	if cerr := tmp.Close(); werr != nil || cerr != nil || os.Rename(tmp.Name(), filepath.Join(dir, key)) != nil {
		os.Remove(tmp.Name())
	}
}

type encoder struct{ b []byte }

func (e *encoder) num(n int)    { e.b = binary.AppendVarint(e.b, int64(n)) }
func (e *encoder) str(s string) { e.num(len(s)); e.b = append(e.b, s...) }
func (e *encoder) strs(s []string) {
	e.num(len(s))
	for _, x := range s {
		e.str(x)
	}
}

func (e *encoder) catalog(c *catalog.Catalog) {
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
	e.num(btoi(c.Protocol))
	e.num(len(c.Entries))
	for i := range c.Entries {
		x := &c.Entries[i]
		for _, s := range []string{x.Catalog, x.Code, x.Token, x.Category, x.Title, x.Message, x.Description, x.DocURL, x.Source, x.Reference} {
			e.str(s)
		}
		e.strs(x.Causes)
		e.strs(x.Fixes)
		for _, n := range []int{x.Status, int(x.Retryable), int(x.Kind), x.From, x.To} {
			e.num(n)
		}
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

type decoder struct {
	s   string
	bad bool
}

// num reads what binary.AppendVarint wrote, straight from the string
// (converting to []byte would allocate for every number).
func (d *decoder) num() int {
	var ux uint64
	for i, shift := 0, uint(0); i < len(d.s) && i < binary.MaxVarintLen64; i, shift = i+1, shift+7 {
		b := d.s[i]
		ux |= uint64(b&0x7f) << shift
		if b < 0x80 {
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

func (d *decoder) str() string {
	n := d.num()
	if n < 0 || n > len(d.s) {
		d.bad, d.s = true, ""
		return ""
	}
	s := d.s[:n]
	d.s = d.s[n:]
	return s
}

func (d *decoder) strs() []string {
	n := d.num()
	if n < 0 || n > len(d.s) {
		d.bad, d.s = true, ""
		return nil
	}
	var out []string
	if n > 0 {
		out = make([]string, n)
	}
	for i := range out {
		out[i] = d.str()
	}
	return out
}

func (d *decoder) catalog() *catalog.Catalog {
	c := &catalog.Catalog{ID: d.str(), Name: d.str(), DocURL: d.str(), Source: d.str(), Hosts: d.strs()}
	bodies := d.num()
	if bodies < 0 || bodies > len(d.s) {
		d.bad = true
		return nil
	}
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
	c.Protocol = d.num() == 1
	n := d.num()
	if n < 0 || n > len(d.s) {
		d.bad = true
		return nil
	}
	c.Entries = make([]catalog.Entry, n)
	for i := range c.Entries {
		x := &c.Entries[i]
		x.Catalog, x.Code, x.Token, x.Category, x.Title = d.str(), d.str(), d.str(), d.str(), d.str()
		x.Message, x.Description, x.DocURL, x.Source, x.Reference = d.str(), d.str(), d.str(), d.str(), d.str()
		x.Causes, x.Fixes = d.strs(), d.strs()
		x.Status, x.Retryable, x.Kind = d.num(), catalog.Retry(d.num()), catalog.Kind(d.num())
		x.From, x.To = d.num(), d.num()
	}
	return c
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
	for _, b := range catalog.Builtin() {
		if b.ID == c.ID {
			return false
		}
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
	seen := make(map[string]bool, len(c.Entries))
	for i := range c.Entries {
		e := &c.Entries[i]
		k := catalog.Key(e.Code)
		switch {
		case e.Catalog != c.ID, k == "", seen[k]:
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
		seen[k] = true
	}
	return true
}
