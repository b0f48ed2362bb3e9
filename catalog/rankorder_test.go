package catalog_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

// The concept table, row by row, written out again here so that changing
// a row in the code (its phrases, its answers or their order) fails a
// row of this test: every phrase of the row lists the answers first, in
// this order, matched as concepts, and the rest follow.
var conceptRows = []struct {
	phrases []string
	answers []string
}{
	{[]string{"rate limit", "rate limited", "rate limiting", "rate limit exceeded", "throttled", "throttling"}, []string{"http:429"}},
	{[]string{"timeout", "timed out"}, []string{"http:504", "http:408", "curl:28", "errno:ETIMEDOUT"}},
	{[]string{"connection refused"}, []string{"errno:ECONNREFUSED", "curl:7"}},
	{[]string{"connection reset"}, []string{"errno:ECONNRESET", "curl:56"}},
	{[]string{"not found"}, []string{"http:404"}},
	{[]string{"unauthorized"}, []string{"http:401"}},
}

func TestConceptRows(t *testing.T) {
	phrases, answers := catalog.ConceptRows()
	if len(phrases) != len(conceptRows) {
		t.Fatalf("the concept table has %d rows, this test %d: test every row", len(phrases), len(conceptRows))
	}
	for i, row := range conceptRows {
		if !slices.Equal(phrases[i], row.phrases) || !slices.Equal(answers[i], row.answers) {
			t.Errorf("concept row %d: %v -> %v, want %v -> %v", i, phrases[i], answers[i], row.phrases, row.answers)
		}
		for _, p := range row.phrases {
			r := lookup(p)
			got := ids(r)
			if len(got) <= len(row.answers) || !slices.Equal(got[:len(row.answers)], row.answers) {
				t.Errorf("lookup %q: %v, want %v first, then the rest", p, got, row.answers)
				continue
			}
			for j := range row.answers {
				if r.Matches[j].Kind != catalog.MatchConcept {
					t.Errorf("lookup %q: %s matched by %v, want concept", p, got[j], r.Matches[j].Kind)
				}
			}
			if slices.ContainsFunc(r.Matches[len(row.answers):], func(m catalog.Match) bool { return m.Kind == catalog.MatchConcept }) {
				t.Errorf("lookup %q: a concept match after the answers: %v", p, got)
			}
		}
	}
}

// What the concept rule leaves alone, and what follows its answers.
func TestConceptEdges(t *testing.T) {
	first := func(q string, cats ...string) string {
		if got := ids(lookup(q, cats...)); len(got) > 0 {
			return got[0]
		}
		return ""
	}
	// A code or token exactly as typed is that code.
	for q, want := range map[string][]string{"rate_limit": {"stripe:rate_limit"}, "Timeout": {"kubernetes:Timeout"}, "ratelimited": {"slack:ratelimited", "envoy:RL"}} {
		if got := ids(lookup(q)); !slices.Equal(got, want) {
			t.Errorf("lookup %q: %v, want %v", q, got, want) // Envoy's RL has the token RateLimited
		}
	}
	// Case and separators do not matter to the phrase otherwise.
	for _, q := range []string{"Rate Limit", "rate-limit", "RATELIMIT", "Timed-Out"} {
		if got := first(q); got != "http:429" && got != "http:504" {
			t.Errorf("lookup %q: %s first, want the concept's answer", q, got)
		}
	}
	// Only answers in scope: a catalog restriction keeps its own order.
	if got := first("rate limit", "stripe"); got != "stripe:rate_limit" {
		t.Errorf("lookup rate limit -c stripe: %s first", got)
	}
	if got := first("stripe:rate limit"); got != "stripe:rate_limit" {
		t.Errorf("lookup stripe:rate limit: %s first", got)
	}
	if got := ids(lookup("connection refused", "errno")); !slices.Equal(got, []string{"errno:ECONNREFUSED"}) {
		t.Errorf("lookup connection refused -c errno: %v", got)
	}
	// A phrase found only as a code, folded, is followed by the entries
	// that speak of it; a reason phrase by its status's entries alone.
	if got := ids(lookup("timeout")); !slices.Contains(got, "kubernetes:Timeout") || !slices.Contains(got, "wontopos:gateway_timeout") {
		t.Errorf("lookup timeout: %v, want Kubernetes' reason and the entries that speak of timeouts", got)
	}
	if got, want := ids(lookup("not found")), ids(lookup("404")); !slices.Equal(sorted(got), sorted(want)) {
		t.Errorf("lookup not found: %v, want the entries of 404: %v", got, want)
	}
	// Vendors' entries all follow: none is lost.
	for _, w := range []string{"stripe:rate_limit", "anthropic:rate_limit_error", "openai:rate_limit_exceeded", "grpc:8", "github:primary-rate-limit"} {
		if !slices.Contains(ids(lookup("rate limit")), w) {
			t.Errorf("lookup rate limit: %s missing", w)
		}
	}
	// Words around the phrase make another query.
	if got := first("http rate limit"); got != "http:429" {
		t.Errorf("lookup http rate limit: %s first", got)
	}
}

// The vocabulary order table, row by row: each vocabulary's meaning of a
// shared number comes before the next row's, and the last row's before a
// catalog the table does not name. The catalogs are listed in the opposite
// order, so a row that stopped holding would leave them in catalog order.
var vocabularyRows = []string{"http", "grpc", "curl", "errno", "postgres"}

func TestVocabularyOrderRows(t *testing.T) {
	if got := catalog.VocabularyOrder(); !slices.Equal(got, vocabularyRows) {
		t.Fatalf("the vocabulary order is %v, this test's %v: test every row", got, vocabularyRows)
	}
	next := append(vocabularyRows[1:], "vendor")
	for i, row := range vocabularyRows {
		for _, e := range []catalog.Entry{{Code: "14"}, {Code: "X", Token: "14"}} {
			later := &catalog.Catalog{ID: next[i], Entries: []catalog.Entry{{Code: "14"}}}
			this := &catalog.Catalog{ID: row, Entries: []catalog.Entry{e}}
			r := catalog.NewIndex([]*catalog.Catalog{later, this}).Lookup(catalog.Query{Text: "14"})
			if got := ids(r); len(got) != 2 || got[0] != row+":"+e.Code {
				t.Errorf("row %d: 14 in %s (as code %q) and in %s: %v, want %s first", i, row, e.Code, next[i], got, row)
			}
		}
	}
}

// The order on the built-in catalogs, and what it leaves alone.
func TestVocabularyOrderBuiltin(t *testing.T) {
	for _, tc := range []struct {
		query string
		want  []string
	}{
		// Vocabularies the table does not name (sqlite) come after it, and a
		// dense one (windows) after them.
		{"14", []string{"grpc:14", "curl:14", "errno:EFAULT", "sqlite:SQLITE_CANTOPEN", "windows:14"}},
		{"7", []string{"grpc:7", "curl:7", "errno:E2BIG", "sqlite:SQLITE_NOMEM", "windows:7"}},
		{"100", []string{"http:100", "curl:100", "errno:ENETDOWN", "sqlite:SQLITE_ROW"}},
		{"103", []string{"http:103", "errno:ECONNABORTED"}},
		{"28", []string{"curl:28", "errno:ENOSPC", "sqlite:SQLITE_WARNING", "windows:28"}},
		// One catalog's own code stays exact.
		{"curl 14", []string{"curl:14"}},
		{"grpc 14", []string{"grpc:14"}},
		// MySQL's numbers are not in the table: a bare number's meanings
		// come in catalog order, the seed vendors' first (their pages
		// are what errcode was made for; most MySQL numbers are rare).
		{"1406", []string{"emnify:1406", "mysql:1406"}},
		{"1405", []string{"emnify:1405", "mysql:1405"}},
		{"mysql 1406", []string{"mysql:1406"}},
		{"10061", []string{"windows:10061"}}, // only a dense vocabulary has it
	} {
		if got := ids(lookup(tc.query)); !slices.Equal(got, tc.want) {
			t.Errorf("lookup %s: %v, want %v", tc.query, got, tc.want)
		}
	}
	// A status: its meanings (the registry's, a vendor's code that is the
	// number), then the entries that only have it as their status.
	got := ids(lookup("409"))
	if len(got) < 3 || got[0] != "http:409" || got[1] != "ironwifi:409" {
		t.Errorf("lookup 409: %v", got)
	}
	c := []*catalog.Catalog{
		{ID: "vendor", Entries: []catalog.Entry{{Code: "CONFLICT", Status: 409}}},
		{ID: "errno", Entries: []catalog.Entry{{Code: "EX", Token: "409"}}},
		{ID: "http", Entries: []catalog.Entry{{Code: "409", Status: 409}}},
	}
	if got := ids(catalog.NewIndex(c).Lookup(catalog.Query{Text: "409"})); !slices.Equal(got, []string{"http:409", "errno:EX", "vendor:CONFLICT"}) {
		t.Errorf("409: %v, want the numbers' meanings before an entry with the status", got)
	}
}

// A phrase is compared as a key: what Key folds it to, no more.
func TestConceptPhraseFolds(t *testing.T) {
	phrases, _ := catalog.ConceptRows()
	for row, ps := range phrases {
		for _, p := range ps {
			for _, q := range []string{p, strings.ToUpper(p), strings.ReplaceAll(p, " ", "_"), strings.ReplaceAll(p, " ", ""), " " + p + "-"} {
				if got := catalog.ConceptRow(catalog.Key(q)); got != row {
					t.Errorf("%q: row %d, want %d (%q)", q, got, row, p)
				}
			}
			for _, q := range []string{p + " x", p[:len(p)-1], "x" + p, ""} {
				if got := catalog.ConceptRow(catalog.Key(q)); got != -1 {
					t.Errorf("%q: row %d, want none", q, got)
				}
			}
		}
	}
}

// The dense vocabularies (windows, ntstatus), rule by rule: a number's meaning after
// every other catalog's, a user's included; none where an API's catalog
// has the number as its own code or token; text matches after the other
// catalogs', however well they score; typo matches and near misses only
// where no other catalog has one.
func TestDenseVocabularies(t *testing.T) {
	if !catalog.IsDense("windows") || !catalog.IsDense("ntstatus") || catalog.IsDense("errno") {
		t.Fatal("windows and ntstatus are dense vocabularies, errno is not")
	}
	windows := &catalog.Catalog{ID: "windows", Protocol: true, Entries: []catalog.Entry{
		{Code: "14", Token: "ERROR_OUTOFMEMORY"}, {Code: "1405", Token: "ERROR_INVALID_DWP_HANDLE"},
		{Code: "409", Token: "ERROR_X"}, {Code: "1475", Token: "ERROR_Y"}, {Code: "7", Token: "ERROR_SIM_CARD_MISSING_NO_SIM"},
		{Code: "8", Token: "DUPLICATED"},
	}}
	errno := &catalog.Catalog{ID: "errno", Protocol: true, Entries: []catalog.Entry{{Code: "EFAULT", Token: "14"}}}
	vocab := &catalog.Catalog{ID: "vocab", Protocol: true, Entries: []catalog.Entry{{Code: "14"}}}
	api := &catalog.Catalog{ID: "api", Entries: []catalog.Entry{{Code: "1405", Title: "Duplicated"}, {Code: "X", Status: 409}, {Code: "2101", Title: "No SIM"}}}
	ix := catalog.NewIndex([]*catalog.Catalog{windows, api, errno, vocab})
	look := func(q string) catalog.Result { return ix.Lookup(catalog.Query{Text: q}) }
	for q, want := range map[string][]string{
		"14":           {"errno:EFAULT", "vocab:14", "windows:14"}, // after a vocabulary not in the table
		"1405":         {"api:1405"},                               // an API's own code hides it
		"409":          {"windows:409", "api:X"},                   // before an entry that only has the status
		"windows 1405": {"windows:1405"},                           // unless asked for
		"no sim":       {"api:2101", "windows:7"},                  // words: after, though its name has both
	} {
		if got := ids(look(q)); !slices.Equal(got, want) {
			t.Errorf("lookup %s: %v, want %v", q, got, want)
		}
	}
	// A typo: a dense vocabulary is read only when nothing else matches.
	if got := ids(look("duplcated")); !slices.Equal(got, []string{"api:1405"}) {
		t.Errorf("lookup duplcated: %v, want api:1405 alone", got)
	}
	if got := ids(look("invlid handle")); !slices.Equal(got, []string{"windows:1405"}) {
		t.Errorf("lookup invlid handle: %v, want windows:1405", got)
	}
	if got := look("1485").Suggestions; !slices.Equal(got, []string{"api:1405"}) {
		t.Errorf("lookup 1485: suggestions %v, want api:1405 alone", got)
	}
	if got := ix.Lookup(catalog.Query{Text: "1485", Catalogs: []string{"windows"}}).Suggestions; !slices.Equal(got, []string{"windows:1405", "windows:1475"}) {
		t.Errorf("lookup -c windows 1485: suggestions %v, want windows' own", got)
	}
}
