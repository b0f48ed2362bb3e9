package source

import (
	"bytes"
	"fmt"
	"os"
	"reflect"

	"github.com/goccy/go-yaml/parser"

	"github.com/errcode-dev/errcode/catalog"
)

// WriteCacheForTest writes c as path's cache entry, bypassing the checks
// writeCache makes, as a forger would.
func WriteCacheForTest(dir, path string, c *catalog.Catalog) {
	fi, err := os.Stat(path)
	if err != nil {
		panic(err)
	}
	key := cacheKey(absIn(workDir(), path), fi)
	if err := os.WriteFile(dir+"/"+key, EncodeCache(key, c), 0o644); err != nil {
		panic(err)
	}
}

// EncodeCache is the cache file errcode would write for c under key,
// whatever its size.
func EncodeCache(key string, c *catalog.Catalog) []byte {
	parts, _ := encodeFile(key, c, 0)
	return bytes.Join(parts, nil)
}

// CacheMagic is the format's first line; CacheLimit the bound on the cache
// of a file of so many bytes.
const CacheMagic = cacheMagic

var CacheLimit = cacheLimit

// SetCacheBuild makes the cache's key name another build of errcode, until
// the test ends.
func SetCacheBuild(t interface{ Cleanup(func()) }, build string) {
	old := cacheBuild
	cacheBuild = func() string { return build }
	t.Cleanup(func() { cacheBuild = old })
}

// Test hooks for the bounds checked before a catalog is decoded.
var NestingLimits = nestingLimits

const (
	MaxNesting   = maxNesting
	MaxColumn    = maxColumn
	MaxNodes     = maxNodes
	MaxExpansion = maxExpansion
	MaxScalar    = maxScalar
)

// Expansion parses data and counts the nodes its aliases add, up to
// limit, and says whether that is past it.
func Expansion(data []byte, limit int) (int, bool) {
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		panic(err)
	}
	n, _ := expansion(f, limit)
	return n, aliasesExceed(f, limit)
}

// ExpansionBytes parses data and counts the scalar bytes its aliases add.
func ExpansionBytes(data []byte) (int, bool) {
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		panic(err)
	}
	_, b := expansion(f, maxExpansion)
	return b, aliasesExceed(f, maxExpansion)
}

const MaxExpansionBytes = maxExpansionBytes

var (
	ReadAtMost = readAtMost
	ReadFile   = readFile
	LineOf     = lineOf
)

// ValidPath and ValidWhen check a body path and a condition as Parse does.
func ValidPath(p string) bool {
	_, err := catalog.ParsePath(p)
	return err == nil && p != ""
}

func ValidWhen(w string) bool {
	_, err := catalog.ParseCond(w)
	return err == nil
}

// Decoder hooks: what each read returns, what is left, and whether the
// bytes were bad.
func DecodeNum(s string) (int, string, bool) {
	d := decoder{s: s}
	n := d.num()
	return n, d.s, d.bad
}

func DecodeStr(s string) (string, bool) {
	d := decoder{s: s}
	x := d.str()
	return x, d.bad
}

func DecodeStrs(s string) ([]string, bool) {
	d := decoder{s: s}
	x := d.strs()
	return x, d.bad
}

// CacheKey is the name of path's cache entry.
func CacheKey(path string) string {
	fi, err := os.Stat(path)
	if err != nil {
		panic(err)
	}
	return cacheKey(absIn(workDir(), path), fi)
}

var CheckFile = checkFile

// PlainSyntax and PlainDecode say the YAML library's messages in plain
// words.
var PlainSyntax, PlainDecode = plainSyntax, plainDecode

// ParseWhole parses data as one tree, never in pieces, and Chunked says
// whether data would be parsed in pieces.
func ParseWhole(name string, data []byte) (*catalog.Catalog, []Problem) {
	chunking = false
	defer func() { chunking = true }()
	return Parse(name, data)
}

func Chunked(data []byte) bool { return entryItems(data) != nil }

// Decoded is how many of a stored catalog's entries were read so far, and
// whether it was parsed again after a sign of damage; -1 for a catalog in
// memory.
func Decoded(c *catalog.Catalog) (n int, reparsed bool) {
	s, ok := catalog.StoreOf(c).(*store)
	if !ok {
		return -1, false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	n = len(s.few)
	for _, e := range s.entries {
		if e != nil {
			n++
		}
	}
	return n, s.parsed != nil
}

// ReadFast reads piece, a run of a catalog's entries items, with
// fastEntries; taken says whether it read it, and differs says how the
// YAML library's reading (the one a piece it gives up on gets) differs
// from it, "" when they are the same.
func ReadFast(piece string) (taken bool, differs string) {
	es, ok := fastEntries(piece, 0)
	if !ok {
		return false, ""
	}
	r := parseChunk([]byte("entries:\n"+piece), false)
	switch {
	case !r.ok:
		return true, "the YAML library refuses it"
	case !reflect.DeepEqual(es, r.fc.Entries):
		return true, fmt.Sprintf("fast:    %#v\nlibrary: %#v", es, r.fc.Entries)
	}
	return true, ""
}

// AllFast says whether every piece of data's entries is read by
// fastEntries (false if data is not parsed in pieces at all).
func AllFast(data []byte) bool {
	items := entryItems(data)
	if items == nil {
		return false
	}
	for i := 0; i < len(items); i += chunkEntries {
		end := len(data)
		if i+chunkEntries < len(items) {
			end = items[i+chunkEntries]
		}
		if _, ok := fastEntries(string(data[items[i]:end]), 0); !ok {
			return false
		}
	}
	return true
}

// ParseLibrary parses data in pieces, each by the YAML library, never by
// fastEntries.
func ParseLibrary(name string, data []byte) (*catalog.Catalog, []Problem) {
	fastReading = false
	defer func() { fastReading = true }()
	return Parse(name, data)
}
