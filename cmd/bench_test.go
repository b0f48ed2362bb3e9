package cmd_test

import (
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
