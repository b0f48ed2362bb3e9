package render

import (
	"strconv"
	"unicode/utf8"
)

// MaxShown bounds what text output prints of one finding's message,
// field, detail or hint and of one note: a 262 KB message on one line
// hides everything after it. The rest is counted, not shown; --json keeps
// each whole (at most what errcode reads of a body, explain.MaxBody).
const MaxShown = 4 << 10

// bound is s, or its first MaxShown bytes cut at a character's start and
// "… (N more bytes)".
func bound(s string) string {
	if len(s) <= MaxShown {
		return s
	}
	i := MaxShown
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "… (" + strconv.Itoa(len(s)-i) + " more bytes)"
}
