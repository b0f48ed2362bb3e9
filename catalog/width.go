package catalog

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

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

// asHex32 is a decimal number with the top bit of 32 set, as Windows'
// tools print an HRESULT or an exit code (.NET's HResult -2147024891,
// PowerShell's $LASTEXITCODE -1073741819, a parent's 3221225477), in the
// 8-digit hex its vocabularies write ("0x80070005"); "" for anything else.
// A small negative number (-1, -2) is not one: it is some API's own code,
// not a 32-bit value whose top bits say error.
func asHex32(text string) string {
	n, err := strconv.ParseInt(strings.TrimSpace(text), 10, 64)
	switch {
	case err != nil:
		return ""
	case n < 0 && n >= math.MinInt32 && n <= -1<<16:
		n += 1 << 32
	case n < 0:
		return ""
	case n < 1<<31 || n >= 1<<32:
		return ""
	}
	return fmt.Sprintf("0x%08X", n)
}
