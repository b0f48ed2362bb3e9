package cmd_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/cmd"
)

// One whole command, in process: flag parsing, lookup, rendering. Start-up
// of the binary itself is timed by scripts/bench-startup.sh.
func benchRun(b *testing.B, args ...string) {
	b.ReportAllocs()
	for b.Loop() {
		ios, _, _, _ := cmd.Test()
		if code := cmd.Run(ios, args); code != 0 {
			b.Fatalf("errcode %v: exit %d", args, code)
		}
	}
}

func BenchmarkRunLookupCode(b *testing.B) { benchRun(b, "lookup", "1405") }
func BenchmarkRunLookupText(b *testing.B) { benchRun(b, "lookup", "rate", "limit") }
func BenchmarkRunLookupJSON(b *testing.B) { benchRun(b, "lookup", "409", "--json") }
func BenchmarkRunList(b *testing.B)       { benchRun(b, "list") }

// The same commands with a cached user catalog of 10,000 entries: a
// lookup and a completion read a block of keys and the entries they find,
// not the catalog (compare with the ones above, in the same run).
func benchUser(b *testing.B, args ...string) {
	dir := b.TempDir()
	var s strings.Builder
	s.WriteString("id: big\nname: Big API\nentries:\n")
	for i := range 10000 {
		fmt.Fprintf(&s, "  - code: BIG-%05d\n    token: BigToken%d\n    status: 409\n    title: Something number %d went wrong\n    description: A longer description of what happened.\n    fixes: [Do the first thing, Then the second]\n", i, i, i)
	}
	path := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(path, []byte(s.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	env := []string{"XDG_CACHE_HOME=" + filepath.Join(dir, "cache"), "HOME=" + dir, "XDG_CONFIG_HOME=" + filepath.Join(dir, "config")}
	args = append([]string{"--catalog-file", path}, args...)
	ios, _, _, _ := cmd.Test(env...)
	if code := cmd.Run(ios, args); code != 0 { // fills the cache
		b.Fatalf("errcode %v: exit %d", args, code)
	}
	b.ReportAllocs()
	for b.Loop() {
		ios, _, _, _ := cmd.Test(env...)
		if code := cmd.Run(ios, args); code != 0 {
			b.Fatalf("errcode %v: exit %d", args, code)
		}
	}
}

func BenchmarkRunComplete(b *testing.B) { benchRun(b, "__complete", "lookup", "40") }
func BenchmarkRunUser10kLookupCode(b *testing.B) {
	benchUser(b, "lookup", "BIG-09999")
}
func BenchmarkRunUser10kComplete(b *testing.B) {
	benchUser(b, "__complete", "lookup", "BIG-099")
}
