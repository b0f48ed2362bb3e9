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
		catalog.Entry{Code: "FIXES", Fixes: []string{"Zebra crossing"}},
		catalog.Entry{Code: "CAUSES", Causes: []string{"Zebra crossing"}},
		catalog.Entry{Code: "DESCRIPTION", Description: "Zebra crossing"},
		catalog.Entry{Code: "MESSAGE", Message: "Zebra crossing"},
		catalog.Entry{Code: "CATEGORY", Category: "Zebra crossing"},
		catalog.Entry{Code: "TITLE", Title: "Zebra crossing"},
		catalog.Entry{Code: "TOKEN", Token: "ZebraCrossing"},
		catalog.Entry{Code: "ZEBRA_CROSSING"},
	)
	wantRank(t, "zebra", got, []string{"TOKEN", "ZEBRA_CROSSING", "TITLE", "MESSAGE", "CATEGORY", "DESCRIPTION", "CAUSES"})
}

// The query as a whole field beats it as a phrase inside one, which beats
// its words apart; a whole word beats a prefix, a prefix a word it is
// inside of.
func TestRankPhraseAndWord(t *testing.T) {
	wantRank(t, "zebra crossing", rankOf(t, "zebra crossing",
		catalog.Entry{Code: "APART", Title: "Crossing of a zebra"},
		catalog.Entry{Code: "PREFIXES", Title: "Zebras crossings ahead"},
		catalog.Entry{Code: "PHRASE", Title: "Zebra crossing ahead"},
		catalog.Entry{Code: "WHOLE", Title: "Zebra crossing"},
	), []string{"WHOLE", "PHRASE", "PREFIXES", "APART"})
	wantRank(t, "limit", rankOf(t, "limit",
		catalog.Entry{Code: "INSIDE", Title: "Unlimited plan"},
		catalog.Entry{Code: "PREFIX", Title: "Limiting factor"},
		catalog.Entry{Code: "WORD", Title: "Limit reached"},
	), []string{"WORD", "PREFIX", "INSIDE"})
	// Inside a word only from three letters on: "im" is in too many.
	wantRank(t, "im", rankOf(t, "im", catalog.Entry{Code: "X", Title: "Unlimited plan"}), nil)
	wantRank(t, "lim", rankOf(t, "lim", catalog.Entry{Code: "X", Title: "Unlimited plan"}), []string{"X"})
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
