package catalog_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

func lookup(q string, cats ...string) catalog.Result {
	return catalog.NewIndex(catalog.Builtin()).Lookup(catalog.Query{Text: q, Catalogs: cats})
}

func ids(r catalog.Result) []string {
	var out []string
	for _, m := range r.Matches {
		out = append(out, m.Catalog.ID+":"+m.Entry.Code)
	}
	return out
}

func TestLookupExact(t *testing.T) {
	for _, tc := range []struct {
		query string
		cats  []string
		want  []string
		kind  catalog.MatchKind
	}{
		{"1405", nil, []string{"emnify:1405", "mysql:1405"}, catalog.MatchCode}, // catalog order: the seed vendor before mysql
		{"AUTH-401", nil, []string{"devdocs:AUTH-401"}, catalog.MatchCode},
		{"auth401", nil, []string{"devdocs:AUTH-401"}, catalog.MatchCode},
		{"auth 401", nil, []string{"devdocs:AUTH-401"}, catalog.MatchCode},
		{"  Auth_401 ", nil, []string{"devdocs:AUTH-401"}, catalog.MatchCode},
		{"wontopos:not_found", nil, []string{"wontopos:not_found"}, catalog.MatchCode},
		{"WONTOPOS:NOT-FOUND", nil, []string{"wontopos:not_found"}, catalog.MatchCode},
		{"not_found", []string{"wontopos"}, []string{"wontopos:not_found"}, catalog.MatchCode},
		{"api_key_expired", nil, []string{"wontopos:api_key_expired", "stripe:api_key_expired"}, catalog.MatchCode},
		{"max sessions exceeded", nil, []string{"ironwifi:Max sessions exceeded"}, catalog.MatchCode},
		{"Duplicated", nil, []string{"emnify:1405"}, catalog.MatchToken},
		{"duplicated", nil, []string{"emnify:1405"}, catalog.MatchToken},
		// Kubernetes' reason is this code and emnify's entries have it as a
		// token, exactly as typed; then the status it names, folded.
		// AWS's TooManyRequests (a code of botocore's models) is a code too;
		// aws's other 429s come last, after every other API's.
		{"TooManyRequests", nil, []string{"kubernetes:TooManyRequests", "aws:TooManyRequests", "emnify:1105", "emnify:1501", "http:429", "oci:TOOMANYREQUESTS", "ironwifi:429", "devdocs:TOOLIMITED-429", "wontopos:rate_limit_exceeded", "wontopos:quota_exceeded", "grpc:8", "envoy:RL", "stripe:rate_limit", "slack:ratelimited", "openai:rate_limit_exceeded", "openai:insufficient_quota", "anthropic:rate_limit_error",
			"aws:CallRateLimitExceededException", "aws:ConcurrentResourcesLimitExceeded", "aws:CustomMetadataLimitExceededException", "aws:EKSRequestThrottledException", "aws:LambdaThrottledException", "aws:ModelNotReadyException", "aws:RateLimitError", "aws:ResourceQuotaExceededException", "aws:Throttled", "aws:ThrottledClientException", "aws:ThrottledRequestException", "aws:TooManyLabelsException", "aws:TooManyRequestException", "aws:TooManyRequestsError", "aws:TooManySubscriptionsException"}, catalog.MatchCode},
		// Exactly as typed ranks above folded: emnify's token, then
		// IronWiFi's "Invalid credentials".
		{"InvalidCredentials", nil, []string{"emnify:1101", "ironwifi:Invalid credentials"}, catalog.MatchToken},
		{"too many requests", []string{"emnify"}, []string{"emnify:1105", "emnify:1501"}, catalog.MatchToken},
		{"2205", nil, []string{"emnify:2200-2299"}, catalog.MatchRange},
		{"2699", nil, []string{"emnify:2600-2699"}, catalog.MatchRange},
		{"2200", nil, []string{"emnify:2200-2299"}, catalog.MatchRange}, // a range's first code is in it
		{"2299", nil, []string{"emnify:2200-2299"}, catalog.MatchRange},
		{"2101", nil, []string{"emnify:2101"}, catalog.MatchCode}, // its own entry, not the range
		{"2200-2299", nil, []string{"emnify:2200-2299"}, catalog.MatchCode},
		{"http:418", nil, []string{"http:418"}, catalog.MatchCode},
		{"520", nil, []string{"http:520", "sqlite:SQLITE_READONLY_CANTLOCK"}, catalog.MatchCode}, // SQLite's number is its token: after the code
		// Words people put around a code: a catalog, or "status", "error".
		{"emnify 1405", nil, []string{"emnify:1405"}, catalog.MatchCode},
		{"HTTP 409", nil, []string{"http:409"}, catalog.MatchCode},
		{"error 1405", nil, []string{"emnify:1405", "mysql:1405"}, catalog.MatchCode},
		// a word around a code written with a colon, as OpenSSL prints it
		{"error:0A000086", nil, []string{"openssl:0A000086"}, catalog.MatchCode},
		{"openssl:error:0A000086", nil, []string{"openssl:0A000086"}, catalog.MatchCode},
		{"WinError:5", nil, []string{"windows:5"}, catalog.MatchCode},
		{"error_code 1405", nil, []string{"emnify:1405", "mysql:1405"}, catalog.MatchCode},
		{"errno 1405", nil, []string{"emnify:1405", "mysql:1405"}, catalog.MatchCode}, // errno names its catalog only before one of its codes
		{"err 1405", nil, []string{"emnify:1405", "mysql:1405"}, catalog.MatchCode},
		{"code 1405", nil, []string{"emnify:1405", "mysql:1405"}, catalog.MatchCode},
		{"statusCode 1405", nil, []string{"emnify:1405", "mysql:1405"}, catalog.MatchCode},
		{"status 1405", nil, []string{"emnify:1405", "mysql:1405"}, catalog.MatchCode},
		{"wontopos not found", nil, []string{"wontopos:not_found"}, catalog.MatchCode},
		{"emnify duplicated", nil, []string{"emnify:1405"}, catalog.MatchToken},
		// The protocol vocabularies, in the forms people paste them.
		{"curl 28", nil, []string{"curl:28"}, catalog.MatchCode},
		{"curl: (28)", nil, []string{"curl:28"}, catalog.MatchCode},
		{"CURLE_OPERATION_TIMEDOUT", nil, []string{"curl:28"}, catalog.MatchToken},
		{"grpc 14", nil, []string{"grpc:14"}, catalog.MatchCode},
		{"14", nil, []string{"grpc:14", "curl:14", "errno:EFAULT", "sqlite:SQLITE_CANTOPEN", "windows:14"}, catalog.MatchCode}, // in the vocabulary order (rankorder_test.go)
		{"ECONNREFUSED", nil, []string{"errno:ECONNREFUSED"}, catalog.MatchCode},
		{"econnrefused", nil, []string{"errno:ECONNREFUSED"}, catalog.MatchCode},
		{"111", nil, []string{"errno:ECONNREFUSED", "windows:111"}, catalog.MatchToken},
		{"errno 111", nil, []string{"errno:ECONNREFUSED"}, catalog.MatchToken},
		{"errno:111", nil, []string{"errno:ECONNREFUSED"}, catalog.MatchToken},
		{"errno 14", nil, []string{"errno:EFAULT"}, catalog.MatchToken},
		{"errno ETIMEDOUT", nil, []string{"errno:ETIMEDOUT"}, catalog.MatchCode},
		{"111", []string{"errno"}, []string{"errno:ECONNREFUSED"}, catalog.MatchToken},
		{"DEADLINE_EXCEEDED", nil, []string{"grpc:4"}, catalog.MatchToken},
		{"DeadlineExceeded", nil, []string{"grpc:4"}, catalog.MatchToken}, // grpc-go's and grpcurl's spelling
		{"invalid_grant", nil, []string{"oauth:invalid_grant"}, catalog.MatchCode},
		{"kubernetes AlreadyExists", nil, []string{"kubernetes:AlreadyExists"}, catalog.MatchCode},
		{"AlreadyExists", nil, []string{"kubernetes:AlreadyExists", "aws:AlreadyExists", "github:already_exists", "grpc:6"}, catalog.MatchCode},
		{"23505", nil, []string{"postgres:23505"}, catalog.MatchCode},
		{"40P01", nil, []string{"postgres:40P01"}, catalog.MatchCode},
		{"unique_violation", nil, []string{"postgres:23505"}, catalog.MatchToken},
		{"REFUSED_STREAM", nil, []string{"http2:0x7"}, catalog.MatchToken},
		{"0x07", nil, []string{"http2:0x7"}, catalog.MatchCode},
		{"0xa", nil, []string{"http2:0xa"}, catalog.MatchCode},
	} {
		r := lookup(tc.query, tc.cats...)
		if got := ids(r); !slices.Equal(got, tc.want) {
			t.Errorf("lookup %q: got %v, want %v", tc.query, got, tc.want)
			continue
		}
		if r.Matches[0].Kind != tc.kind {
			t.Errorf("lookup %q: matched by %v, want %v", tc.query, r.Matches[0].Kind, tc.kind)
		}
	}
}

// An HTTP reason phrase is the status's name: the registry's entry first,
// then every entry with the status.
func TestLookupReasonPhrase(t *testing.T) {
	for q, status := range map[string]string{"Forbidden": "http:403", "Not Found": "http:404", "Too Many Requests": "http:429", "Service Unavailable": "http:503", "internal server error": "http:500", "Conflict": "http:409"} {
		r := lookup(q)
		got := ids(r)
		if len(got) < 3 || got[0] != status {
			t.Errorf("lookup %q: %v, want %s first", q, got, status)
			continue
		}
		want := ids(lookup(strings.TrimPrefix(status, "http:")))
		if !slices.Equal(sorted(got), sorted(want)) {
			t.Errorf("lookup %q: %v, want the entries of %s: %v", q, got, status, want)
		}
	}
	if got := ids(lookup("Forbidden")); !slices.Equal(got[:3], []string{"http:403", "kubernetes:Forbidden", "emnify:1104"}) {
		t.Errorf("lookup Forbidden: %v: the registry, then the entries named so exactly", got)
	}
	// Typed exactly as Wontopos's and Google's code, "conflict" is those
	// codes first.
	if got := ids(lookup("conflict")); got[0] != "wontopos:conflict" || got[1] != "google:conflict" || got[2] != "http:409" {
		t.Errorf("lookup conflict: %v", got)
	}
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

// A status lists the registry's meaning first, then every vendor entry
// with that status, in catalog order.
func TestLookupStatus(t *testing.T) {
	r := lookup("409")
	want := []string{"http:409", "ironwifi:409", "emnify:1405", "emnify:1407", "emnify:2101", "devdocs:CONFLICT-409", "wontopos:conflict",
		"grpc:6", "grpc:10", "kubernetes:AlreadyExists", "kubernetes:Conflict",
		"stripe:idempotency_key_in_use", "google:conflict", "aws:BucketAlreadyExists", "aws:BucketAlreadyOwnedByYou", "aws:BucketNotEmpty"}
	// Then aws's entries from botocore's models with that status, last.
	aws := catalog.NewIndex(catalog.Builtin()).Catalog("aws")
	for i := range aws.Entries {
		if e := &aws.Entries[i]; e.Status == 409 && !slices.Contains(want, "aws:"+e.Code) {
			want = append(want, "aws:"+e.Code)
		}
	}
	if got := ids(r); !slices.Equal(got, want) || len(want) < 100 {
		t.Fatalf("lookup 409: got %v\nwant %v", got, want)
	}
	kinds := []catalog.MatchKind{catalog.MatchCode, catalog.MatchCode, catalog.MatchStatus}
	for i, k := range kinds {
		if r.Matches[i].Kind != k {
			t.Errorf("lookup 409 match %d: kind %v, want %v", i, r.Matches[i].Kind, k)
		}
	}
	if got := ids(lookup("409", "emnify")); !slices.Equal(got, []string{"emnify:1405", "emnify:1407", "emnify:2101"}) {
		t.Errorf("lookup 409 -c emnify: %v", got)
	}
	if got := ids(lookup("status 429")); len(got) < 17 || !strings.HasPrefix(got[16], "aws:") || got[0] != "http:429" || got[8] != "kubernetes:TooManyRequests" || got[9] != "oci:TOOMANYREQUESTS" || got[10] != "envoy:RL" || got[12] != "slack:ratelimited" || got[14] != "openai:insufficient_quota" || got[15] != "anthropic:rate_limit_error" {
		t.Errorf("lookup status 429: %v", got)
	}
	if got := ids(lookup("emnify:429")); !slices.Equal(got, []string{"emnify:1105", "emnify:1501"}) {
		t.Errorf("lookup emnify:429: %v", got)
	}
}

// Text queries: the right entries come in the first few.
func TestLookupText(t *testing.T) {
	for _, tc := range []struct {
		query string
		top   int
		want  []string
	}{
		// gRPC's RESOURCE_EXHAUSTED also speaks of rate limits, and belongs here.
		// AWS's codes that name a rate limit (RateLimitExceededException,
		// CallRateLimitExceededException) come before the registry's 429.
		{"rate limit", 28, []string{"wontopos:rate_limit_exceeded", "ironwifi:429", "emnify:1501", "devdocs:TOOLIMITED-429", "http:429", "grpc:8",
			"anthropic:rate_limit_error", "openai:rate_limit_exceeded", "slack:ratelimited", "github:primary-rate-limit"}},
		{"expired api key", 7, []string{"wontopos:api_key_expired", "stripe:api_key_expired", "ironwifi:401", "devdocs:AUTH-401"}},
		{"Valid-To", 1, []string{"ironwifi:Account expired"}},
		{"valid to date", 1, []string{"ironwifi:Account expired"}},
		{"duplcated", 1, []string{"emnify:1405"}},
		{"rate limt", 11, []string{"wontopos:rate_limit_exceeded", "ironwifi:429"}}, // Envoy's RL and RLSE, and AWS's rate-limit codes, come before it
		{"captive portal", 1, []string{"http:511"}},
		{"No SIM", 1, []string{"emnify:2101"}},
		{"HLR", 2, []string{"emnify:1901", "emnify:1904"}},
		{"simultaneous use", 1, []string{"ironwifi:Max sessions exceeded"}},
		{"cloudflare origin down", 3, []string{"http:521"}},
	} {
		r := lookup(tc.query)
		got := ids(r)
		if len(got) > tc.top {
			got = got[:tc.top]
		}
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("lookup %q: %s not in the first %d: %v", tc.query, w, tc.top, ids(r))
			}
		}
		for i, m := range r.Matches {
			if tc.query == "rate limit" && (i == 0 && m.Kind == catalog.MatchConcept || i == 1 && m.Entry.Code == "rate_limit") {
				continue // the concept's answer (HTTP 429), Stripe's code folded; the phrase's text matches follow
			}
			if m.Kind != catalog.MatchText {
				t.Errorf("lookup %q: %s matched by %v, want text", tc.query, m.Entry.Code, m.Kind)
			}
		}
	}
}

// Weak matches are dropped: a typo finds its word, not everything that
// happens to contain its letters in order.
func TestLookupDropsWeakMatches(t *testing.T) {
	// emnify's Duplicated first; AWS's codes that have the word
	// (DuplicatedAuditEventId, DuplicateIdException) may follow.
	got := ids(lookup("duplcated"))
	if len(got) == 0 || got[0] != "emnify:1405" {
		t.Errorf("lookup duplcated: %v, want emnify:1405 first", got)
	}
	for _, id := range got[min(1, len(got)):] {
		if !strings.HasPrefix(id, "aws:Duplicate") {
			t.Errorf("lookup duplcated: %v: %s is a weak match", got, id)
		}
	}
	if got := ids(lookup("xyzzy")); len(got) != 0 {
		t.Errorf("lookup xyzzy: %v, want nothing", got)
	}
}

func TestLookupSuggestions(t *testing.T) {
	for _, tc := range []struct {
		query string
		want  string
	}{
		{"1890", "sqlite:SQLITE_IOERR_DIR_FSYNC"},
		{"1890", "mysql:1090"},
		{"AUTH-410", "devdocs:AUTH-401"},
	} {
		r := lookup(tc.query)
		if len(r.Matches) != 0 {
			t.Errorf("lookup %q: unexpected matches %v", tc.query, ids(r))
		}
		if !slices.Contains(r.Suggestions, tc.want) {
			t.Errorf("lookup %q: suggestions %v, want %s among them", tc.query, r.Suggestions, tc.want)
		}
	}
	// Nearest first, whatever the catalog order: AUTH-403 is one edit from
	// AUTH-4033, AUTH-401 two.
	if got := lookup("AUTH-4033").Suggestions; !slices.Equal(got, []string{"devdocs:AUTH-403", "devdocs:AUTH-401"}) {
		t.Errorf("lookup AUTH-4033: suggestions %v, want AUTH-403 then AUTH-401", got)
	}
	// At most five: 1890 is one edit from more codes than that (Windows'
	// aside: see TestDenseVocabularies).
	near := 0
	for _, c := range catalog.Builtin() {
		for _, e := range c.Entries {
			if c.ID != "windows" && min(catalog.EditDistance("1890", catalog.Key(e.Code), 1), catalog.EditDistance("1890", catalog.Key(e.Token), 1)) <= 1 {
				near++
			}
		}
	}
	want := []string{"sqlite:SQLITE_IOERR_DIR_FSYNC", "mysql:1090", "mysql:1190", "mysql:1290", "mysql:1390"}
	if got := lookup("1890").Suggestions; near <= 5 || !slices.Equal(got, want) {
		t.Errorf("lookup 1890: %v of %d candidates, want the first five in catalog order", got, near)
	}
	// Two edits from six characters on, one below; tokens count too.
	c := []*catalog.Catalog{{ID: "t", Entries: []catalog.Entry{{Code: "ABCDEF"}, {Code: "X-1", Token: "7777"}}}}
	sugg := func(q string) []string { return catalog.NewIndex(c).Lookup(catalog.Query{Text: q}).Suggestions }
	if got := sugg("ABCDXY"); !slices.Equal(got, []string{"t:ABCDEF"}) {
		t.Errorf("six characters, two edits: %v", got)
	}
	if got := sugg("ABCDX"); len(got) != 0 {
		t.Errorf("five characters, two edits: %v", got)
	}
	if got := sugg("7778"); !slices.Equal(got, []string{"t:X-1"}) {
		t.Errorf("a token one edit away: %v", got)
	}
	if r := lookup("qqqqqqqq"); len(r.Suggestions) != 0 {
		t.Errorf("suggestions for nonsense: %v", r.Suggestions)
	}
}

func TestLookupRestricted(t *testing.T) {
	if got := ids(lookup("1405", "wontopos")); len(got) != 0 {
		t.Errorf("1405 in wontopos only: %v", got)
	}
	if got := ids(lookup("emnify:1405", "wontopos")); len(got) != 0 {
		t.Errorf("emnify:1405 with -c wontopos: %v", got)
	}
	if got := ids(lookup("")); len(got) != 0 {
		t.Errorf("empty query: %v", got)
	}
}

// Queries come from the command line: any bytes at all must give an
// answer, never a panic, and every match must be a real entry.
func FuzzLookup(f *testing.F) {
	for _, s := range []string{"1405", "AUTH-401", "auth 401", "409", "2205", "wontopos:not_found", "rate limit", "duplcated", "Valid-To", ":", "http:", "\x00", "ñ", "99999999999999999999", "-1", "0409"} {
		f.Add(s)
	}
	ix := catalog.NewIndex(catalog.Builtin())
	f.Fuzz(func(t *testing.T, q string) {
		r := ix.Lookup(catalog.Query{Text: q})
		for _, m := range r.Matches {
			if m.Entry == nil || m.Catalog == nil || m.Entry.Catalog != m.Catalog.ID {
				t.Fatalf("lookup %q: bad match %+v", q, m)
			}
		}
		if len(r.Matches) > 0 && len(r.Suggestions) > 0 {
			t.Fatalf("lookup %q: suggestions beside matches", q)
		}
	})
}

func TestWordsASCIIAndUnicodeAgree(t *testing.T) {
	for _, s := range []string{"TooManyRequests", "rate_limit_exceeded", "Valid-To date has passed", "a . b", "IP Address - fd:0:0:1 already assigned.", "HTTP/2 429", "x"} {
		a, u := catalog.Words(s), catalog.WordsUnicode(s)
		if !slices.Equal(a, u) {
			t.Errorf("words(%q) = %q, the Unicode path says %q", s, a, u)
		}
	}
	if got := catalog.Words("Ünïcödé Wörds"); !slices.Equal(got, []string{"ünïcödé", "wörds"}) {
		t.Errorf("non-ASCII words: %q", got)
	}
	// Humps: a capital after a small letter, a to z, A to Z.
	for s, want := range map[string][]string{
		"xAy": {"x", "ay"}, "xZy": {"x", "zy"}, "zA": {"z", "a"}, "aZB": {"a", "zb"}, "a@b": {"a", "b"}, "A[": {"a"},
		"naïve—test": {"naïve", "test"}, // an em dash is no letter
	} {
		if got := catalog.Words(s); !slices.Equal(got, want) {
			t.Errorf("words(%q) = %q, want %q", s, got, want)
		}
	}
	if got := catalog.Words("\x80"); len(got) != 0 {
		t.Errorf("words of a stray continuation byte: %q", got)
	}
}

// What an input method types and how numbers get written: full-width forms
// are ASCII, leading zeros fall away unless a code has them as written.
func TestLookupNumberForms(t *testing.T) {
	for _, tc := range []struct {
		query string
		want  string // the first match
		kind  catalog.MatchKind
	}{
		{"４０４", "http:404", catalog.MatchCode},
		{"ｅｍｎｉｆｙ：１４０５", "emnify:1405", catalog.MatchCode},
		{"Ｄｕｐｌｉｃａｔｅｄ", "emnify:1405", catalog.MatchToken},
		{"auth\u3000401", "devdocs:AUTH-401", catalog.MatchCode},
		{"0429", "http:429", catalog.MatchCode},
		{"00404", "http:404", catalog.MatchCode},
		{"01405", "emnify:1405", catalog.MatchCode},
		{"０４２９", "http:429", catalog.MatchCode},
		{"01000", "postgres:01000", catalog.MatchCode}, // a SQLSTATE keeps its zeros
		// A 32-bit value with its top bit set, in decimal as Windows' tools
		// print it (.NET's HResult, an exit code), is the hex code.
		{"-2147024891", "windows:0x80070005", catalog.MatchCode},
		{"2147942405", "windows:0x80070005", catalog.MatchCode},
		{" -2147024882 ", "windows:0x8007000E", catalog.MatchCode},
		{"HRESULT -2147024891", "windows:0x80070005", catalog.MatchCode},
		// The same spellings after the words around a code.
		{"HRESULT 2147942405", "windows:0x80070005", catalog.MatchCode},
		{"http 0429", "http:429", catalog.MatchCode},
	} {
		r := lookup(tc.query)
		if len(r.Matches) == 0 || ids(r)[0] != tc.want || r.Matches[0].Kind != tc.kind {
			got := "nothing"
			if len(r.Matches) > 0 {
				got = ids(r)[0] + " (" + r.Matches[0].Kind.String() + ")"
			}
			t.Errorf("%q: got %s, want %s (%s)", tc.query, got, tc.want, tc.kind)
		}
	}
	if r := lookup("000"); len(r.Matches) != 0 && ids(r)[0] == "http:0" {
		t.Errorf("000: %v", ids(r))
	}
	// A minus sign is part of a number: -1 is not gRPC's 1 nor EPERM, and
	// -404 is not HTTP 404. Only a code written with the sign is found by
	// it (a user's "-1001").
	for _, q := range []string{"-1", "-404", "-111", "-10000", "-3221225477", "errno -111"} {
		for _, m := range lookup(q).Matches {
			if m.Kind != catalog.MatchText {
				t.Errorf("%q: %s:%s (%s), a code without its minus sign", q, m.Catalog.ID, m.Entry.Code, m.Kind)
			}
		}
	}
	neg := &catalog.Catalog{ID: "neg", Name: "Negative codes", Entries: []catalog.Entry{{Catalog: "neg", Code: "-1001", Title: "Minus one thousand and one"}}}
	ix := catalog.NewIndex(catalog.Merge(catalog.Builtin(), []*catalog.Catalog{neg}))
	if r := ix.Lookup(catalog.Query{Text: "-1001"}); len(r.Matches) != 1 || r.Matches[0].Entry.Code != "-1001" {
		t.Errorf("-1001 with a catalog that has it: %v", ids(r))
	}
	// A small negative number is some API's own code, and a number past 32
	// bits none: neither is read as hex.
	for _, q := range []string{"-1", "-2", "-4096", "4294967296", "2147483647"} {
		for _, id := range ids(lookup(q)) {
			if strings.HasPrefix(id, "windows:0x") {
				t.Errorf("%q: %v", q, ids(lookup(q)))
				break
			}
		}
	}
}

// ContainsFold is strings.Contains of the ASCII-lowered text, for a
// lower-case word: the word search's first test, now a jump between the
// places the word's first letter occurs.
func FuzzContainsFold(f *testing.F) {
	for _, s := range [][2]string{{"Card Declined", "declined"}, {"aAaAb", "aab"}, {"x9999", "9999"}, {"", ""}, {"K\u212a", "k"}, {"abc", "ABC"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, w, q string) {
		lowerASCII := func(s string) string {
			b := []byte(s)
			for i, c := range b {
				if c >= 'A' && c <= 'Z' {
					b[i] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
		if want := strings.Contains(lowerASCII(w), q); catalog.ContainsFold(w, q) != want {
			t.Errorf("ContainsFold(%q, %q) = %v, want %v", w, q, !want, want)
		}
	})
}
