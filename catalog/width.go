package catalog

import "strings"

// foldWidth turns the compatibility forms of ASCII that an input method
// types into ASCII, as NFKC would for them: full-width digits, letters and
// punctuation (U+FF01..U+FF5E: "４０４" is 404) and the ideographic space.
// A small table instead of x/text's NFKC tables: nothing else in a query
// needs them.
func foldWidth(s string) string {
	if !strings.ContainsFunc(s, isWide) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			return r - 0xFF01 + '!'
		case r == 0x3000:
			return ' '
		}
		return r
	}, s)
}

func isWide(r rune) bool { return r >= 0xFF01 && r <= 0xFF5E || r == 0x3000 }

// withoutLeadingZeros is a number's key without its leading zeros ("0429"
// is 429), "" when it has none to drop or is not a number. A code that
// has them as written ("01000", a SQLSTATE) matches as typed first.
func withoutLeadingZeros(key string) string {
	if len(key) < 2 || key[0] != '0' || !IsDigits(key) {
		return ""
	}
	return strings.TrimLeft(key, "0")
}
