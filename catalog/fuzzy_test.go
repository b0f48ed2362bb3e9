package catalog_test

import (
	"slices"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

// A typo is one edit for words of four letters or more, two from eight
// letters; shorter words and lengths too far apart are never typos.
func TestCloseWord(t *testing.T) {
	for _, tc := range []struct {
		q, w string
		want bool
	}{
		{"abcd", "abce", true},           // four letters: one substitution
		{"abcd", "abdc", true},           // a swap
		{"abc", "abd", false},            // three letters: too short
		{"abcd", "abc", false},           // the word too short
		{"abcd", "abcde", true},          // one insertion
		{"abcde", "abcd", true},          // one deletion
		{"abcd", "abcdef", false},        // lengths two apart, one edit allowed
		{"abcdef", "abcd", false},        // the other way round
		{"abcdefgh", "abxdefxh", true},   // eight letters: two edits
		{"abcdefg", "abxdefx", false},    // seven: one
		{"abcdefgh", "abcdefghij", true}, // two insertions
		{"abcdefgh", "abcdefghijk", false},
		{"abcdefghijk", "abcdefgh", false},
		{"ABCD", "abce", true}, // case folded
		{"wxyz", "abcd", false},
	} {
		if got := catalog.CloseWord(tc.q, tc.w); got != tc.want {
			t.Errorf("closeWord(%q, %q) = %v, want %v", tc.q, tc.w, got, tc.want)
		}
	}
}

// foldWords folds as Key does and marks where words start: after a
// separator and at a camelCase hump (a capital after a small letter).
func TestFoldWords(t *testing.T) {
	for _, tc := range []struct {
		in, folded string
		starts     []int
	}{
		{"TooManyRequests", "toomanyrequests", []int{0, 3, 7}},
		{"rate_limit-x", "ratelimitx", []int{0, 4, 9}},
		{"ABc", "abc", []int{0}},    // capitals in a row: no hump
		{"aZb", "azb", []int{0, 1}}, // Z is a capital too
		{"zAb", "zab", []int{0, 1}}, // and z a small letter
		{"a1B", "a1b", []int{0}},    // a digit before a capital: no hump
		{"aZB", "azb", []int{0, 1}}, // a capital after a capital: no hump
		{"xY", "xy", []int{0, 1}},   // a hump at the very end
		{"aZ\u00e9", "az\u00e9", []int{0, 1}},
		{"x\u00c0y", "x\u00c0y", []int{0}}, // À is c3 80: both bytes letters
		{"@A[b`c{d", "abcd", []int{0, 1, 2, 3}},
		{"é-x", "é-x"[:2] + "x", []int{0, 2}}, // non-ASCII bytes are letters
	} {
		folded, starts := catalog.FoldWords(tc.in)
		var at []int
		for i, s := range starts {
			if s {
				at = append(at, i)
			}
		}
		if folded != tc.folded || !slices.Equal(at, tc.starts) {
			t.Errorf("foldWords(%q) = %q, starts %v; want %q, %v", tc.in, folded, at, tc.folded, tc.starts)
		}
	}
}

// The short-field typo search: an in-order match of the query's letters in
// a code, token or title, with few gaps (one, or a quarter of the query),
// scored by field, length, gaps and how far from the start it begins.
func TestShortFieldFuzzy(t *testing.T) {
	score := func(e catalog.Entry, key string) int { return catalog.ShortFieldFuzzy(&e, key) }
	// Whole and at the start: weight × 4 × length.
	if got := score(catalog.Entry{Code: "DUPLICATED"}, "duplicated"); got != 12*4*10 {
		t.Errorf("code duplicated: %d, want %d", got, 12*4*10)
	}
	if got := score(catalog.Entry{Title: "Duplicated"}, "duplicated"); got != 8*4*10 {
		t.Errorf("title Duplicated: %d, want %d", got, 8*4*10)
	}
	// Each gap costs 8, each letter skipped at the start 2.
	if got := score(catalog.Entry{Code: "DUPLIXCATED"}, "duplicated"); got != 12*4*10-8 {
		t.Errorf("one gap: %d, want %d", got, 12*4*10-8)
	}
	if got := score(catalog.Entry{Code: "X_DUPLICATED"}, "duplicated"); got != 12*4*10-2 {
		t.Errorf("one letter before: %d, want %d", got, 12*4*10-2)
	}
	for _, tc := range []struct {
		e    catalog.Entry
		key  string
		want bool
	}{
		{catalog.Entry{Code: "ABC"}, "abc", true},
		{catalog.Entry{Code: "AB"}, "ab", false},     // under three letters
		{catalog.Entry{Code: "1405"}, "1405", false}, // digits are not typos
		{catalog.Entry{Code: "ABXC"}, "abc", true},   // one gap always allowed
		{catalog.Entry{Code: "AXBXC"}, "abc", false}, // two in three letters: too many
		{catalog.Entry{Code: "ABCDXXEFGH"}, "abcdefgh", true},
		{catalog.Entry{Code: "ABCDXXXEFGH"}, "abcdefgh", false}, // three in eight: over a quarter
		{catalog.Entry{Token: "SomethingAbc"}, "abc", true},     // a later word, whole
		{catalog.Entry{Code: "ZAXBC"}, "abc", false},            // from inside and with a gap
		{catalog.Entry{Code: "ZABC"}, "abc", true},              // from inside without one
	} {
		if got := score(tc.e, tc.key) > 0; got != tc.want {
			t.Errorf("shortFieldFuzzy(%+v, %q) > 0 = %v, want %v", tc.e, tc.key, got, tc.want)
		}
	}
}
