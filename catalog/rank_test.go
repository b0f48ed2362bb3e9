package catalog_test

import (
	"slices"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

// The ranking rules of text search, each pinned on a small catalog whose
// entries are listed in the opposite of the order the rule must produce:
// a rule that stopped holding would leave them in catalog order (the sort
// is stable), and the test would see it.

func rankOf(t *testing.T, q string, entries ...catalog.Entry) []string {
	t.Helper()
	c := &catalog.Catalog{ID: "t", Entries: entries}
	var out []string
	for _, m := range catalog.NewIndex([]*catalog.Catalog{c}).Lookup(catalog.Query{Text: q}).Matches {
		out = append(out, m.Entry.Code)
	}
	return out
}

func wantRank(t *testing.T, q string, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("lookup %q ranks %v, want %v", q, got, want)
	}
}

// A word counts for more in a short, specific field: code and token, then
// title, then category and message, then description, causes, fixes. A
// match far below the best (a word found only in a fix, beside one in a
// code) is dropped as noise.
func TestRankFieldWeights(t *testing.T) {
	got := rankOf(t, "zebra",
		catalog.Entry{Code: "CAUSES_PREFIX", Causes: []string{"Zebras crossing"}}, // 3×2: exactly an eighth of the best, kept
		catalog.Entry{Code: "FIXES", Fixes: []string{"Zebra crossing"}},
		catalog.Entry{Code: "CAUSES", Causes: []string{"Zebra crossing"}},
		catalog.Entry{Code: "DESCRIPTION", Description: "Zebra crossing"},
		catalog.Entry{Code: "MESSAGE", Message: "Zebra crossing"},
		catalog.Entry{Code: "CATEGORY", Category: "Zebra crossing"},
		catalog.Entry{Code: "TITLE", Title: "Zebra crossing"},
		catalog.Entry{Code: "TOKEN", Token: "ZebraCrossing"},
		catalog.Entry{Code: "ZEBRA_CROSSING"},
	)
	wantRank(t, "zebra", got, []string{"TOKEN", "ZEBRA_CROSSING", "TITLE", "MESSAGE", "CATEGORY", "DESCRIPTION", "CAUSES", "CAUSES_PREFIX"})

	// The query as a whole field adds to the score in every field it is.
	for _, e := range []catalog.Entry{
		{Code: "ZEBRA_CROSSING"}, {Code: "T", Token: "ZebraCrossing"}, {Code: "T", Title: "Zebra crossing"},
		{Code: "C", Category: "Zebra crossing"}, {Code: "M", Message: "Zebra crossing"}, {Code: "D", Description: "Zebra crossing"},
		{Code: "S", Causes: []string{"Zebra crossing"}}, {Code: "F", Fixes: []string{"Zebra crossing"}},
	} {
		if n := catalog.TextMatches(&catalog.Catalog{ID: "t", Entries: []catalog.Entry{e}}, "zebra crossing"); n != 1 {
			t.Errorf("the phrase as the whole of %+v: %d matches", e, n)
		}
	}
}

// The query as a whole field beats it as a phrase inside one, which beats
// its words apart; a whole word beats a prefix, a prefix a word it is
// inside of.
func TestRankPhraseAndWord(t *testing.T) {
	wantRank(t, "zebra crossing", rankOf(t, "zebra crossing",
		catalog.Entry{Code: "APART", Title: "Crossing of a zebra"},
		catalog.Entry{Code: "AT_THE_END", Title: "The zebra crossing"},
		catalog.Entry{Code: "PREFIXES", Title: "Zebras crossings ahead"},
		catalog.Entry{Code: "PHRASE", Title: "Zebra crossing ahead"},
		catalog.Entry{Code: "WHOLE", Title: "Zebra crossing"},
	), []string{"WHOLE", "AT_THE_END", "PHRASE", "PREFIXES", "APART"})
	wantRank(t, "limit", rankOf(t, "limit",
		catalog.Entry{Code: "INSIDE", Title: "Unlimited plan"},
		catalog.Entry{Code: "PREFIX", Title: "Limiting factor"},
		catalog.Entry{Code: "WORD", Title: "Limit reached"},
	), []string{"WORD", "PREFIX", "INSIDE"})
	// Inside a word only from three letters on: "im" is in too many.
	unlimited := &catalog.Catalog{ID: "t", Entries: []catalog.Entry{{Code: "X", Title: "Unlimited plan"}}}
	if catalog.TextMatches(unlimited, "im") != 0 || catalog.TextMatches(unlimited, "lim") != 1 {
		t.Errorf("inside a word: im %d, lim %d; want 0 and 1", catalog.TextMatches(unlimited, "im"), catalog.TextMatches(unlimited, "lim"))
	}
}

// Typos count in the last resort, in any field: one edit from four
// letters, two from eight; a word found as it is stays a whole word.
func TestRankTypos(t *testing.T) {
	entries := []catalog.Entry{
		{Code: "D", Description: "The certificate has expired"},
		{Code: "E", Description: "The certificate was revoked"},
	}
	wantRank(t, "certifcate expird", rankOf(t, "certifcate expird", entries...), []string{"D"})
	wantRank(t, "certificate expird", rankOf(t, "certificate expird", entries...), []string{"D"})
	// Non-ASCII text is folded too.
	wantRank(t, "échec", rankOf(t, "échec", catalog.Entry{Code: "F", Description: "ÉCHEC total"}), []string{"F"})
	if n := catalog.TextMatches(&catalog.Catalog{ID: "t", Entries: []catalog.Entry{{Code: "X", Title: "x\u0140y z"}}}, "x\u0140y"); n != 1 {
		t.Errorf("a word with a 0x80 byte in it (ŀ is c5 80): %d matches", n)
	}
}

// Every word of the query must be there, except the little words, which
// are not required (but still make a phrase); a query of nothing but
// little words requires them.
func TestRankStopWords(t *testing.T) {
	entries := []catalog.Entry{
		{Code: "BOTH", Title: "Key expired"},
		{Code: "ONE", Title: "Key revoked"},
	}
	for _, w := range []string{"a", "an", "the", "to", "of", "in", "on", "is", "for", "and", "or", "by", "with"} {
		q := "key expired " + w
		wantRank(t, q, rankOf(t, q, entries...), []string{"BOTH"})
	}
	wantRank(t, "key expired", rankOf(t, "key expired", entries...), []string{"BOTH"})
	wantRank(t, "key wombat", rankOf(t, "key wombat", entries...), nil)
	wantRank(t, "of the", rankOf(t, "of the", catalog.Entry{Code: "X", Description: "State of the art"}, catalog.Entry{Code: "Y", Description: "Art"}), []string{"X"})
}

// Words around a query that name no code still leave it to text search:
// "http rate limit" is HTTP's 429 in words, "code card expired" Stripe's
// expired_card.
func TestLookupQualifiedText(t *testing.T) {
	for q, want := range map[string]string{"http rate limit": "http:429", "code card expired": "stripe:expired_card"} {
		if got := ids(lookup(q)); len(got) == 0 || got[0] != want {
			t.Errorf("lookup %q: %v, want %s first", q, got, want)
		}
	}
}

// A status is a number from 100 to 599: entries with it match, in a
// user's catalog as in the registry.
func TestLookupStatusBounds(t *testing.T) {
	c := &catalog.Catalog{ID: "t", Entries: []catalog.Entry{{Code: "LOW", Status: 100}, {Code: "HIGH", Status: 599}}}
	for q, want := range map[string]string{"100": "LOW", "599": "HIGH"} {
		r := catalog.NewIndex([]*catalog.Catalog{c}).Lookup(catalog.Query{Text: q})
		if len(r.Matches) != 1 || r.Matches[0].Entry.Code != want || r.Matches[0].Kind != catalog.MatchStatus {
			t.Errorf("lookup %s: %v", q, r.Matches)
		}
	}
}
