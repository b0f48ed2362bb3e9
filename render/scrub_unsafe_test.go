package render_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/errcode-dev/errcode/render"
)

// One rule for every character from outside: C0, DEL, C1, bidi controls and
// invisible format characters never pass raw, in text or JSON.
func TestUnsafeCharacters(t *testing.T) {
	for _, r := range []rune{0x1b, 0x07, 0x08, '\r', 0x7f, 0x9b, 0x85, 0x202e, 0x202a, 0x2066, 0x2069, 0x200e, 0x200f, 0x061c, 0x200b, 0x200d, 0x2060, 0xfeff, 0x00ad, 0xe0041} {
		if !render.Unsafe(r) {
			t.Errorf("U+%04X is not unsafe", r)
		}
		s := "a" + string(r) + "b"
		if got := render.Scrub(s); strings.ContainsRune(got, r) && r != '\r' {
			t.Errorf("Scrub(%q) = %q keeps U+%04X", s, got, r)
		}
		var b bytes.Buffer
		if err := render.JSON(&b, map[string]string{"v": s}); err != nil {
			t.Fatal(err)
		}
		if strings.ContainsRune(b.String(), r) {
			t.Errorf("JSON of U+%04X keeps it raw: %q", r, b.String())
		}
		var back map[string]string
		if err := json.Unmarshal(b.Bytes(), &back); err != nil || back["v"] != s {
			t.Errorf("JSON of U+%04X does not read back: %q (%v)", r, b.String(), err)
		}
	}
	// The edges of each range: 0x1f and 0x20, 0x7e and 0x7f, 0x9f and 0xa0,
	// 0xac and 0xad (the soft hyphen, Cf).
	for r, want := range map[rune]bool{0x1f: true, 0x20: false, 0x7e: false, 0x7f: true, 0x80: true, 0x9f: true, 0xa0: false, 0xac: false, 0xad: true} {
		if render.Unsafe(r) != want {
			t.Errorf("Unsafe(U+%04X) = %v, want %v", r, !want, want)
		}
	}
	for in, want := range map[string]string{
		"~ ok": "~ ok", "a\x7f": `a\x7f`, "\x1f": `\x1f`, "\u009f": `\x9f`, "\u00a0": "\u00a0", "\u00ad": `\u00ad`,
		"\ufeff": `\ufeff`, "\U000e0001": `\U000e0001`, "a\tb\nc": "a b c", "\xff": "\ufffd", "\xc3": "\ufffd",
	} {
		if got := render.Scrub(in); got != want {
			t.Errorf("Scrub(%q) = %q, want %q", in, got, want)
		}
	}
	for _, r := range []rune{'a', 'é', '中', 0xa0, '😀', 0x2028} {
		if render.Unsafe(r) {
			t.Errorf("U+%04X is printable text, not unsafe", r)
		}
	}
}

func TestClip(t *testing.T) {
	s := strings.Repeat("é", 50)
	got := render.Clip(s, 40)
	if !utf8.ValidString(got) || utf8.RuneCountInString(got) != 40 || !strings.HasSuffix(got, "...") {
		t.Errorf("Clip: %q (%d characters)", got, utf8.RuneCountInString(got))
	}
	if render.Clip("short", 40) != "short" {
		t.Error("Clip changed a short string")
	}
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"abcdefghij", 10, "abcdefghij"}, // exactly n: kept
		{"abcdefghijk", 10, "abcdefg..."},
		{"ééééé", 5, "ééééé"},
		{"éééééé", 5, "éé..."},
	} {
		if got := render.Clip(tc.in, tc.n); got != tc.want {
			t.Errorf("Clip(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}
