package render

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Unsafe reports the characters that text from outside must never put on
// a terminal, a shell's completion menu or into JSON raw: C0 and C1
// controls and DEL (escape sequences, BEL, CR, backspace, CSI as U+009B),
// and the invisible format characters (Unicode's Cf: bidirectional
// overrides and isolates, marks, zero-width spaces and joiners, the BOM,
// tag characters), which make text read other than it is. This is the one
// rule; Scrub, JSON and completion all apply it.
func Unsafe(r rune) bool {
	return r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || r >= 0xad && unicode.Is(unicode.Cf, r)
}

// Clip shortens s to at most n characters (not bytes: a UTF-8 sequence is
// never split), ending it with "..." when cut.
func Clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i, count := 0, 0
	for i < len(s) && count < n-3 {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		count++
	}
	return s[:i] + "..."
}

// Scrub makes text from outside (a user catalog, a response) safe to print
// on a terminal: Unsafe characters are shown escaped (ESC as \x1b, U+202E
// as \u202e), so no escape sequence, BEL or CR reaches the terminal raw and
// no invisible character changes how text reads; invalid UTF-8 becomes
// U+FFFD. Tabs and newlines become spaces: callers lay out lines
// themselves.
func Scrub(s string) string {
	if clean(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case r == '\t' || r == '\n':
			b.WriteByte(' ')
		case r < 0xa0 && Unsafe(r):
			b.WriteString(`\x`)
			b.WriteByte("0123456789abcdef"[r>>4])
			b.WriteByte("0123456789abcdef"[r&0xf])
		case Unsafe(r):
			writeU(&b, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// clean is the fast path: printable ASCII needs no work.
func clean(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

// writeU writes r as \uXXXX, or \UXXXXXXXX past the BMP.
func writeU(b *strings.Builder, r rune) {
	digits, prefix := 4, `\u`
	if r > 0xffff {
		digits, prefix = 8, `\U`
	}
	b.WriteString(prefix)
	for shift := (digits - 1) * 4; shift >= 0; shift -= 4 {
		b.WriteByte("0123456789abcdef"[(r>>shift)&0xf])
	}
}
