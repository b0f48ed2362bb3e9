package source_test

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog/source"
)

// The cache's decoder reads what binary.AppendVarint and the encoder
// wrote, up to the last byte, and calls anything else bad.
func TestCacheDecoder(t *testing.T) {
	for _, n := range []int{0, 1, -1, 63, -64, 64, 127, 128, 300, -300, 1 << 40, -(1 << 62)} {
		enc := string(binary.AppendVarint(nil, int64(n)))
		if got, rest, bad := source.DecodeNum(enc + "x"); got != n || rest != "x" || bad {
			t.Errorf("num(%d): %d, rest %q, bad %v", n, got, rest, bad)
		}
	}
	// Cut short, too long, past 64 bits, or in more bytes than the number
	// needs (the writer never pads: one encoding per catalog).
	for _, s := range []string{"", "\x80", strings.Repeat("\x80", 10), strings.Repeat("\x80", 10) + "\x01", strings.Repeat("\xff", 11) + "\x01",
		"\x80\x00", "\x82\x00", strings.Repeat("\xff", 9) + "\x02"} {
		if _, _, bad := source.DecodeNum(s); !bad {
			t.Errorf("num(%q) is not bad", s)
		}
	}
	str := func(s string) string { return string(binary.AppendVarint(nil, int64(len(s)))) + s }
	if got, bad := source.DecodeStr(str("abc")); got != "abc" || bad {
		t.Errorf("a string to the last byte: %q, bad %v", got, bad)
	}
	if _, bad := source.DecodeStr(str("abc")[:3]); !bad {
		t.Error("a string cut short is not bad")
	}
	if _, bad := source.DecodeStr(string(binary.AppendVarint(nil, -1))); !bad {
		t.Error("a negative length is not bad")
	}
	list := string(binary.AppendVarint(nil, 2)) + str("a") + str("")
	if got, bad := source.DecodeStrs(list); !slices.Equal(got, []string{"a", ""}) || bad {
		t.Errorf("a list to the last byte: %q, bad %v", got, bad)
	}
	if got, bad := source.DecodeStrs(string(binary.AppendVarint(nil, 0))); got != nil || bad {
		t.Errorf("an empty list: %q, bad %v", got, bad)
	}
	if _, bad := source.DecodeStrs(string(binary.AppendVarint(nil, 3)) + str("a")); !bad {
		t.Error("a list longer than its bytes is not bad")
	}
	if _, bad := source.DecodeStrs(string(binary.AppendVarint(nil, -2))); !bad {
		t.Error("a negative count is not bad")
	}
}

// One catalog, one cache file, named by its key; a catalog of no entries
// comes back from it too; a failed write leaves nothing behind; a path
// given relative is the same file as given absolute.
func TestCacheFiles(t *testing.T) {
	dir, cache, path, parsed := loadAcme(t)
	entries, _ := os.ReadDir(cache)
	if len(entries) != 1 || entries[0].Name() != source.CacheKey(path) {
		t.Fatalf("cache holds %v, want one file named %s", entries, source.CacheKey(path))
	}
	if fi, _ := entries[0].Info(); fi.Size() == 0 {
		t.Error("the cache file is empty")
	}

	empty := write(t, dir, "empty.yaml", "id: empty\nentries: []\n")
	c, problems := loadMem(empty, cache)
	if problems != nil {
		t.Fatal(problems)
	}
	f := *c
	f.Name = "from the cache"
	source.WriteCacheForTest(cache, empty, &f)
	if got, _ := loadMem(empty, cache); got.Name != "from the cache" {
		t.Errorf("a catalog of no entries was not read from the cache: %+v", got)
	}

	// A directory where the cache file would go: the write fails, and no
	// temporary file is left.
	blocked := t.TempDir()
	other := write(t, dir, "other.yaml", "id: other\nentries:\n  - code: O1\n")
	if err := os.Mkdir(filepath.Join(blocked, source.CacheKey(other)), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, problems := loadMem(other, blocked); problems != nil {
		t.Fatal(problems)
	}
	if left, _ := filepath.Glob(filepath.Join(blocked, "*.tmp")); len(left) != 0 {
		t.Errorf("a failed cache write left %v", left)
	}

	// Relative and absolute: one key.
	t.Chdir(dir)
	source.WriteCacheForTest(cache, path, forged(parsed))
	if got, _ := loadMem("acme.yaml", cache); got.Entries[0].Title != "from the cache" {
		t.Errorf("acme.yaml given relative missed the cache written for %s", path)
	}
}
