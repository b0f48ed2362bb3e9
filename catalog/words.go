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

type fieldWords [numFields][]string

func entryWords(e *Entry) fieldWords {
	var fw fieldWords
	fw[fCode] = words(e.Code)
	fw[fToken] = words(e.Token)
	fw[fTitle] = words(e.Title)
	fw[fCategory] = words(e.Category)
	fw[fMessage] = words(e.Message)
	fw[fDescription] = words(e.Description)
	fw[fCauses] = words(strings.Join(e.Causes, " . "))
	fw[fFixes] = words(strings.Join(e.Fixes, " . "))
	return fw
}

// words splits s into lower-case words of letters and digits, also at
// camelCase humps ("TooManyRequests" -> too many requests). A lone "." is
// kept as a boundary so that phrases do not match across list items.
func words(s string) []string {
	if !isASCII(s) {
		return wordsUnicode(s)
	}
	// ASCII: the words are substrings of one lower-cased copy, so a field
	// costs two allocations, not one per word.
	lower := strings.ToLower(s)
	out := make([]string, 0, len(s)/6+1)
	start := -1
	for i := 0; i <= len(s); i++ {
		var c byte
		if i < len(s) {
			c = s[i]
		}
		alnum := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		hump := alnum && start >= 0 && c >= 'A' && c <= 'Z' && s[i-1] >= 'a' && s[i-1] <= 'z'
		if start >= 0 && (!alnum || hump) {
			out = append(out, lower[start:i])
			start = -1
		}
		if alnum && start < 0 {
			start = i
		}
		if c == '.' && i > 0 && s[i-1] == ' ' {
			out = append(out, ".")
		}
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
			if r == '.' && prev == ' ' {
				out = append(out, ".")
			}
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
