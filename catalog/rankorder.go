package catalog

import "slices"

// The two tables that order answers across catalogs. Each row is pinned by
// a test (rankorder_test.go), and README.md's "Looking things up" shows
// the same tables.

// vocabularyOrder orders the meanings of a number that several
// vocabularies share ("14" is gRPC's UNAVAILABLE, curl's FTP reply error
// and errno's EFAULT), by how often a developer meets each: an HTTP status
// in every response; a gRPC status in every RPC's failure; a curl exit
// code in scripts and CI logs; an errno number mostly behind its name
// (ECONNREFUSED), seen bare in Python's "[Errno 111]"; a SQLSTATE in
// database errors; a MySQL or MariaDB error number in every error their
// clients print ("ERROR 1406 (22001)"), met by far more developers than
// one vendor's numbers (emnify's 1406) or SQLite's extended codes, which
// drivers print by name. A catalog not in the table (a vendor's, a user's) comes
// after these, in catalog order. Entries that only carry the number as
// their HTTP status follow every entry whose code or token is the number.
var vocabularyOrder = [...]string{"http", "grpc", "curl", "errno", "postgres"}

// denseVocabularies have a meaning for nearly every number in their range
// and thousands of names besides, most of them rare: Windows' error codes
// take about 3,000 of the numbers from 1 to 15,864 ("1405" is also
// ERROR_INVALID_DWP_HANDLE), and NTSTATUS adds 2,417 more names, whose
// words (access violation, not found, timeout) are everyone's. Their answers follow every other catalog's, a
// user's included: a number's other meanings come first (vocabularyRank),
// an API's own code hides them (withoutShadowedDense), the other catalogs'
// text matches come first (denseLast), and their typo matches and near
// misses are looked for only when no other catalog has one (fuzzySearch,
// suggest).
var denseVocabularies = [...]string{"windows", "ntstatus"}

// vocabularyRank is id's place in vocabularyOrder; len(vocabularyOrder)
// for a catalog the table does not name, and one more for a dense
// vocabulary.
func vocabularyRank(id string) int {
	for i, v := range vocabularyOrder {
		if v == id {
			return i
		}
	}
	if isDense(id) {
		return len(vocabularyOrder) + 1
	}
	return len(vocabularyOrder)
}

// withoutShadowedDense leaves out a dense vocabulary's matches when an
// API's catalog (not a protocol vocabulary: a vendor's, a user's, HTTP's)
// has the query as its own code or token: "1405" is emnify's, not also
// Windows' ERROR_INVALID_DWP_HANDLE, and "404" is HTTP's; "5", which only
// vocabularies share, lists Windows' ERROR_ACCESS_DENIED after them.
func withoutShadowedDense(ms []Match) []Match {
	api := slices.ContainsFunc(ms, func(m Match) bool {
		return (m.Kind == MatchCode || m.Kind == MatchToken) && !m.Catalog.Protocol && !isDense(m.Catalog.ID)
	})
	if !api {
		return ms
	}
	return slices.DeleteFunc(ms, func(m Match) bool { return isDense(m.Catalog.ID) })
}

// IsDense reports whether id is a dense vocabulary's (Windows' error
// codes): one with a meaning for nearly every number, whose answers follow
// every other catalog's.
func IsDense(id string) bool { return isDense(id) }

func isDense(id string) bool {
	for _, v := range denseVocabularies {
		if v == id {
			return true
		}
	}
	return false
}

// denseLast ranks (see rank) the matches of the other catalogs, then,
// after them, those of the dense vocabularies, each by its own best score:
// a Windows name that matches the words better does not push a vendor's
// answer down or out.
func denseLast(ms []Match, cut int) []Match {
	var dense []Match
	n := 0
	for _, m := range ms {
		if isDense(m.Catalog.ID) {
			dense = append(dense, m)
		} else {
			ms[n] = m
			n++
		}
	}
	if len(dense) == 0 {
		return rank(ms, cut)
	}
	return append(slices.Clip(rank(ms[:n], cut)), rank(dense, cut)...)
}

// A concept is words that name a general failure, and the entries that
// are its general answer, best first: "rate limit" is HTTP 429 before any
// vendor's own rate-limit code. Phrases are compared as keys (Key), so
// case and separators do not matter.
type concept struct {
	phrases []string
	answers []string // "catalog:code"
}

// concepts is small and explicit on purpose: a row is a concept that
// several catalogs name, where text ranking alone would put one vendor's
// entry above the general answer.
var concepts = [...]concept{
	{[]string{"rate limit", "rate limited", "rate limiting", "rate limit exceeded", "throttled", "throttling"}, []string{"http:429"}},
	{[]string{"timeout", "timed out"}, []string{"http:504", "http:408", "curl:28", "errno:ETIMEDOUT"}},
	{[]string{"connection refused"}, []string{"errno:ECONNREFUSED", "curl:7"}},
	{[]string{"connection reset"}, []string{"errno:ECONNRESET", "curl:56"}},
	{[]string{"not found"}, []string{"http:404"}},
	{[]string{"unauthorized"}, []string{"http:401"}},
}

// conceptOf is the concept whose phrase key is, nil if none.
func conceptOf(key string) *concept {
	for i := range concepts {
		if slices.ContainsFunc(concepts[i].phrases, func(p string) bool { return foldsTo(p, key) }) {
			return &concepts[i]
		}
	}
	return nil
}

// foldsTo: Key(p) == key, for an ASCII p, without allocating (Lookup
// asks it of every phrase on every query).
func foldsTo(p, key string) bool {
	j := 0
	for i := 0; i < len(p); i++ {
		if !isAlnum(p[i]) {
			continue
		}
		if j == len(key) || lower(p[i]) != key[j] {
			return false
		}
		j++
	}
	return j == len(key)
}

// withConcept puts the concept's answers (those in scope) before r's
// matches, unless r's best match is a code or token exactly as typed
// ("rate_limit" is Stripe's code, "Timeout" Kubernetes' reason): that is a
// lookup of the code, not of the concept. The rest follow: r's matches,
// then, when r found the query only as a code ("timeout" is Kubernetes'
// Timeout, folded), the entries whose text speaks of it; a status's reason
// phrase ("Not Found") keeps the status's entries alone.
func (c *concept) withConcept(ix *Index, scope []*Catalog, key, text string, r Result) Result {
	if len(r.Matches) > 0 && r.Matches[0].Kind != MatchText && asTyped(r.Matches[0], text) {
		return r
	}
	var out []Match
	for _, a := range c.answers {
		if m, ok := ix.answer(scope, a); ok {
			out = append(out, m)
		}
	}
	if len(out) == 0 {
		return r
	}
	rest := r.Matches
	if !slices.ContainsFunc(rest, func(m Match) bool { return m.Kind == MatchText }) && reasonStatus(scope, key) == 0 {
		rest = append(slices.Clip(rest), textSearch(scope, newQueryWords(text))...)
	}
	for _, m := range rest {
		if !slices.ContainsFunc(out, func(x Match) bool { return x.Entry == m.Entry }) {
			out = append(out, m)
		}
	}
	return Result{Matches: out}
}

// answer finds "catalog:code" among scope's catalogs.
func (ix *Index) answer(scope []*Catalog, ref string) (Match, bool) {
	for i := 0; i < len(ref); i++ {
		if ref[i] != ':' {
			continue
		}
		c := ix.Catalog(ref[:i])
		if c == nil || !slices.Contains(scope, c) {
			return Match{}, false
		}
		if e := c.Find(ref[i+1:], "", 0); e != nil {
			return Match{Entry: e, Catalog: c, Kind: MatchConcept}, true
		}
		return Match{}, false
	}
	return Match{}, false
}
