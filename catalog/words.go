package catalog

import (
	"strings"
	"unicode"
)

// Searchable fields, with the weight a hit in each carries: short, specific
// fields (code, token, title) count for more than long prose.
type field uint8

const (
	fCode field = iota
	fToken
	fTitle
	fCategory
	fMessage
	fDescription
	fCauses
	fFixes
	numFields
)

var fieldWeight = [numFields]int{fCode: 12, fToken: 12, fTitle: 8, fCategory: 5, fMessage: 5, fDescription: 3, fCauses: 2, fFixes: 1}

// span is one word of a text: text[lo:hi].
type span struct{ lo, hi int32 }

// appendSpans appends the words of s to buf: runs of letters and digits
// (bytes of multi-byte characters count as letters), split also at
// camelCase humps ("TooManyRequests" -> Too Many Requests). No copies are
// made: matching folds ASCII case as it compares.
func appendSpans(buf []span, s string) []span {
	start := -1
	for i := 0; i <= len(s); i++ {
		var c byte
		if i < len(s) {
			c = s[i]
		}
		word := isAlnum(c) || c >= 0x80
		hump := word && start >= 0 && c >= 'A' && c <= 'Z' && s[i-1] >= 'a' && s[i-1] <= 'z'
		if start >= 0 && (!word || hump) {
			buf = append(buf, span{int32(start), int32(i)})
			start = -1
		}
		if word && start < 0 {
			start = i
		}
	}
	return buf
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// equalFold: w equals q, q being lower case, ASCII case folded.
func equalFold(w, q string) bool {
	if len(w) != len(q) {
		return false
	}
	return hasPrefixFold(w, q)
}

func hasPrefixFold(w, q string) bool {
	if len(w) < len(q) {
		return false
	}
	for i := 0; i < len(q); i++ {
		if lower(w[i]) != q[i] {
			return false
		}
	}
	return true
}

// ContainsFold reports whether w contains q (lower case), ignoring ASCII
// case: how the word search finds a query word in a text.
func ContainsFold(w, q string) bool { return containsFold(w, q) }

func containsFold(w, q string) bool {
	if q == "" {
		return true
	}
	n := len(w) - len(q) + 1 // where a match may start
	if n <= 0 {
		return false
	}
	if len(w) < 32 { // a word: fold each byte
		for i := range n {
			if lower(w[i]) == q[0] && hasPrefixFold(w[i:], q) {
				return true
			}
		}
		return false
	}
	// A text: jump between the places q's first letter occurs in either
	// case (strings.IndexByte is vectorised), rather than fold every byte.
	lo, up := q[0], q[0]
	if lo >= 'a' && lo <= 'z' {
		up = lo - 'a' + 'A'
	}
	pl, pu := indexByteFrom(w, lo, 0, n), indexByteFrom(w, up, 0, n)
	for {
		i := min(pl, pu)
		if i == n {
			return false
		}
		if hasPrefixFold(w[i:], q) {
			return true
		}
		if pl == i {
			pl = indexByteFrom(w, lo, i+1, n)
		}
		if pu == i {
			pu = indexByteFrom(w, up, i+1, n)
		}
	}
}

// indexByteFrom is the first index of c in w[from:n], or n.
func indexByteFrom(w string, c byte, from, n int) int {
	if j := strings.IndexByte(w[from:n], c); j >= 0 {
		return from + j
	}
	return n
}

// Words splits s into lower-case words, as search does: runs of letters
// and digits, split at camelCase humps. (explain uses it to tell a code made
// of common words from one that names an API.)
func Words(s string) []string { return words(s) }

// words splits a query into lower-case words, as appendSpans does.
func words(s string) []string {
	if !isASCII(s) {
		return wordsUnicode(s)
	}
	var out []string
	for _, sp := range appendSpans(nil, s) {
		out = append(out, strings.ToLower(s[sp.lo:sp.hi]))
	}
	return out
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// wordsUnicode is words for text with non-ASCII letters.
func wordsUnicode(s string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, string(cur))
			cur = cur[:0]
		}
	}
	var prev rune
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if unicode.IsUpper(r) && unicode.IsLower(prev) {
				flush()
			}
			cur = append(cur, unicode.ToLower(r))
		default:
			flush()
		}
		prev = r
	}
	flush()
	return out
}

// isStopWord reports words too common to require in a multi-word query.
// (A switch, not a map: package-level maps cost time at start-up.)
func isStopWord(w string) bool {
	switch w {
	case "a", "an", "the", "to", "of", "in", "on", "is", "for", "and", "or", "by", "with":
		return true
	}
	return false
}
