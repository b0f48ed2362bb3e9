package catalog_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

// Key is what makes AUTH-401, auth401 and "auth 401" one code: every
// boundary of its folding, and hex zeros.
func TestKey(t *testing.T) {
	for in, want := range map[string]string{
		"AUTH-401":   "auth401",
		"auth 401":   "auth401",
		"AZaz09":     "azaz09", // the ends of each range kept
		"@[`{/:\x7f": "",       // their neighbours, and DEL, dropped
		"Échec_ß":    "Échecß", // non-ASCII bytes kept as they are
		"\x80x":      "\x80x",
		"0x0007":     "0x7",
		"0X07":       "0x7",
		"0x00":       "0x0",
		"0x000f":     "0xf",
		"0x7":        "0x7",
		"0x0g":       "0x0g", // not hex: left alone
		"0x09":       "0x9",
		"0x0a":       "0xa",
		"0x0f":       "0xf",
		"0x0z":       "0x0z",
		"0xa0":       "0xa0",
		"1x00":       "1x00",
		"0y00":       "0y00",
		"":           "",
	} {
		if got := catalog.Key(in); got != want {
			t.Errorf("Key(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIsDigits(t *testing.T) {
	for s, want := range map[string]bool{"0": true, "9": true, "1405": true, "": false, "/": false, ":": false, "14a": false, "١": false} {
		if got := catalog.IsDigits(s); got != want {
			t.Errorf("IsDigits(%q) = %v, want %v", s, got, want)
		}
	}
}

// EditDistance agrees with the textbook optimal-string-alignment distance
// (capped at limit+1), for words up to and past its 32-byte fast path.
func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b  string
		limit int
		want  int
	}{
		{"limit", "limit", 1, 0},
		{"LIMIT", "limit", 1, 0}, // case folded
		{"limti", "limit", 1, 1}, // a swap is one edit
		{"limt", "limit", 1, 1},  // a deletion
		{"limxt", "limit", 1, 1}, // a substitution
		{"lmti", "limit", 2, 2},
		{"abcdef", "ghijkl", 2, 3}, // gives up past the limit
		{"ab", "abcde", 2, 3},      // lengths too far apart
		{"", "ab", 2, 2},
		{"ab", "", 2, 2},
		{strings.Repeat("a", 31) + "b", strings.Repeat("a", 32), 1, 1},       // 32 bytes: the buffer
		{strings.Repeat("a", 40) + "b", strings.Repeat("a", 40) + "c", 1, 1}, // past it
		{strings.Repeat("ab", 20), strings.Repeat("ba", 20), 2, 2},           // drop the first a, add one at the end
	} {
		if got := catalog.EditDistance(tc.a, tc.b, tc.limit); got != tc.want {
			t.Errorf("EditDistance(%q, %q, %d) = %d, want %d", tc.a, tc.b, tc.limit, got, tc.want)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			b[i] = "abcAB"[rng.IntN(5)]
		}
		return string(b)
	}
	for range 3000 {
		a, b, limit := word(), word(), 1+rng.IntN(3)
		if rng.IntN(2) == 0 { // near misses, so small distances are common
			b = mutateWord(rng, a)
		}
		want := min(osa(strings.ToLower(a), strings.ToLower(b)), limit+1)
		if got := catalog.EditDistance(a, b, limit); got != want {
			t.Fatalf("EditDistance(%q, %q, %d) = %d, want %d", a, b, limit, got, want)
		}
	}
}

func mutateWord(rng *rand.Rand, s string) string {
	b := []byte(s)
	for range 1 + rng.IntN(3) {
		switch i := rng.IntN(len(b) + 1); {
		case i < len(b) && rng.IntN(2) == 0:
			b[i] = "abcAB"[rng.IntN(5)]
		case i+1 < len(b):
			b[i], b[i+1] = b[i+1], b[i]
		default:
			b = append(b, 'c')
		}
	}
	return string(b)
}

// osa is the full-matrix optimal string alignment distance.
func osa(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}
