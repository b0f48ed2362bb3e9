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
