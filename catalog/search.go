package catalog

import (
	"math/bits"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/errcode-dev/errcode/internal/textmask"
	"github.com/sahilm/fuzzy"
)

// MatchKind says how an entry matched a query.
type MatchKind uint8

const (
	MatchCode    MatchKind = iota // the query is the entry's code
	MatchToken                    // the query is the entry's token
	MatchStatus                   // the query is an HTTP status and the entry has it
	MatchRange                    // the query is a number inside the entry's range
	MatchText                     // words or a fuzzy match in the entry's text
	MatchConcept                  // the query's words name a concept whose general answer the entry is (see concepts)
)

var matchNames = [...]string{"code", "token", "status", "range", "text", "concept"}

func (k MatchKind) String() string { return matchNames[k] }

// Match is one entry found by Lookup.
type Match struct {
	Entry   *Entry
	Catalog *Catalog
	Kind    MatchKind
	score   int
}

// Query is what to look up.
type Query struct {
	Text     string   // as typed; words already joined by the caller
	Catalogs []string // restrict to these catalog ids; empty means all
}

// Result is the answer to a Query. Matches are best first.
type Result struct {
	Matches     []Match
	Suggestions []string // "catalog:code" of near misses, when nothing matched
}

// Lookup resolves q: "catalog:" prefix, then exact code, token, HTTP status
// and code range (a number with leading zeros that no code has as typed
// without them: "0429" is 429); failing those, all-words text search, then
// fuzzy matches. Full-width forms are read as ASCII ("４０４" is 404).
// Words that name a concept ("rate limit") list its general answer first
// (see concepts).
func (ix *Index) Lookup(q Query) Result {
	scope := ix.scope(q.Catalogs)
	text := strings.TrimSpace(foldWidth(q.Text))
	if i := strings.IndexByte(text, ':'); i > 0 {
		if c := ix.Catalog(strings.TrimSpace(text[:i])); c != nil {
			scope = intersect(scope, c)
			text = strings.TrimSpace(text[i+1:])
		}
	}
	// A word around a code written with a colon, as programs print it
	// (OpenSSL's "error:0A000086", "status:429"), is that word and a space.
	if w, rest, ok := strings.Cut(text, ":"); ok && plainWord(w) && (aroundCode(w) || carrierOf(w) != "") {
		text = w + " " + strings.TrimSpace(rest)
	}
	key := Key(text)
	if key == "" {
		return Result{}
	}
	r := ix.lookup(scope, key, text)
	if c := conceptOf(key); c != nil {
		r = c.withConcept(ix, scope, key, text, r)
	}
	return r
}

func (ix *Index) lookup(scope []*Catalog, key, text string) Result {
	m, typed := codeMatches(scope, key, text)
	switch {
	case typed:
		return Result{Matches: withText(m, scope, key, text)}
	case len(m) > 0 || negativeNumber(text): // a negative number is a code or nothing: its digits alone are another
		return Result{Matches: m}
	}
	if m := ix.qualifiedExact(scope, text); len(m) > 0 {
		return Result{Matches: m}
	}
	ws := newQueryWords(text)
	if m := textSearch(scope, ws); len(m) > 0 {
		return Result{Matches: m}
	}
	if m := fuzzySearch(scope, key, ws); len(m) > 0 {
		return Result{Matches: m}
	}
	return Result{Suggestions: suggest(scope, key)}
}

// codeMatches are the entries text names as a code (key is its Key):
// typed as written, or else as another spelling of a number: without its
// leading zeros ("0429" is 429, when no code has them), or a 32-bit value
// in decimal as its hex code (2147942405 is 0x80070005). A negative number
// is read by negativeExact alone.
func codeMatches(scope []*Catalog, key, text string) (m []Match, typed bool) {
	if negativeNumber(text) {
		return negativeExact(scope, key, text), false
	}
	if m := exact(scope, key, text); len(m) > 0 {
		return m, true
	}
	if n := withoutLeadingZeros(key); n != "" {
		if m := exact(scope, n, n); len(m) > 0 {
			return m, false
		}
	}
	if h := asHex32(text); h != "" {
		return exact(scope, Key(h), h), false
	}
	return nil, false
}

// negativeNumber: text is a number with a minus sign ("-1073741819").
func negativeNumber(text string) bool {
	t := strings.TrimSpace(text)
	return len(t) > 1 && t[0] == '-' && IsDigits(t[1:])
}

// negativeExact is what a negative number names: a 32-bit value with its
// top bit set is its hex code (asHex32); otherwise only a code written
// with the minus sign is that code. A key drops the sign, and -1 is not 1:
// an API's -1 has nothing to do with gRPC's CANCELLED or EPERM.
func negativeExact(scope []*Catalog, key, text string) []Match {
	if h := asHex32(text); h != "" {
		return exact(scope, Key(h), h)
	}
	t := strings.TrimSpace(text)
	return slices.DeleteFunc(exact(scope, key, text), func(m Match) bool { return m.Entry.Code != t })
}

// withText: words typed with spaces that only fold into a code ("rate
// limit" is Stripe's rate_limit) are still a phrase, so the entries that
// speak of it follow the code's. A status's name ("Too Many Requests") or a
// code typed as written, or with its number ("auth 401"), is an answer on
// its own.
func withText(m []Match, scope []*Catalog, key, text string) []Match {
	if !strings.ContainsAny(text, " \t") || strings.ContainsAny(text, "0123456789") || asTyped(m[0], text) || reasonStatus(scope, key) != 0 {
		return m
	}
	for _, t := range textSearch(scope, newQueryWords(text)) {
		if !slices.ContainsFunc(m, func(x Match) bool { return x.Entry == t.Entry }) {
			m = append(m, t)
		}
	}
	return m
}

// qualifiedExact is the exact matches of the code that qualifying words
// surround (see qualified). A word that is both a catalog's id and such a
// word ("errno") names its catalog when the rest is one of that catalog's
// codes ("errno 111"), and is only a word around a code otherwise ("errno
// 1405" is emnify's).
func (ix *Index) qualifiedExact(scope []*Catalog, text string) []Match {
	qscope, rest, ok, both := ix.qualified(scope, text, false)
	if ok {
		if m, _ := codeMatches(qscope, Key(rest), rest); len(m) > 0 { // "http 0429", "HRESULT -2147024891"
			return m
		}
	}
	if both {
		if qscope, rest, ok, _ = ix.qualified(scope, text, true); ok {
			m, _ := codeMatches(qscope, Key(rest), rest)
			return m
		}
	}
	return nil
}

// qualified reads the words people put around a code: a catalog id
// ("emnify 1405", "HTTP 409") restricts the scope to that catalog, and
// "status", "error", "code" and the like ("status 429", "error_code 1405")
// are dropped. ok is false when no word was either. both reports a word
// that is a catalog id and one of the dropped words; asWord drops it
// instead of restricting to its catalog.
func (ix *Index) qualified(scope []*Catalog, text string, asWord bool) (qscope []*Catalog, rest string, ok, both bool) {
	qscope = scope
	var kept []string
	for _, w := range strings.Fields(text) {
		word := aroundCode(w)
		c := ix.Catalog(w)
		if c == nil {
			c = ix.Catalog(carrierOf(w))
		}
		both = both || c != nil && word
		switch {
		case c != nil && !(word && asWord):
			qscope, ok = intersect(qscope, c), true
		case word:
			ok = true
		default:
			kept = append(kept, w)
		}
	}
	return qscope, strings.Join(kept, " "), ok && len(kept) > 0, both
}

// plainWord: w is one word of letters, digits, '_' and '-' (not a JSON
// key in quotes: a body given to lookup is for explain).
func plainWord(w string) bool {
	return w != "" && strings.IndexFunc(w, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-')
	}) < 0
}

// carrierWords are the words a runtime prints before one vocabulary's
// number (Python's "[WinError 5]", .NET's "HRESULT: 0x80070005"): they
// name that catalog, as its id does ("WinError 2" is Windows' 2 alone).
var carrierWords = [...]struct{ word, id string }{{"winerror", "windows"}, {"hresult", "windows"}}

// carrierOf is the id of the catalog whose carrier word w is, "" if none.
func carrierOf(w string) string {
	k := Key(w)
	for _, c := range carrierWords {
		if c.word == k {
			return c.id
		}
	}
	return ""
}

// aroundCode: w is one of the words people put around a code.
func aroundCode(w string) bool {
	switch Key(w) {
	case "status", "error", "errorcode", "code", "err", "errno", "statuscode":
		return true
	}
	return false
}

func (ix *Index) scope(ids []string) []*Catalog {
	if len(ids) == 0 {
		return ix.Catalogs
	}
	var out []*Catalog
	for _, c := range ix.Catalogs {
		for _, id := range ids {
			if strings.EqualFold(c.ID, id) {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

func intersect(scope []*Catalog, c *Catalog) []*Catalog {
	for _, s := range scope {
		if s == c {
			return []*Catalog{c}
		}
	}
	return nil
}

// exact finds code, token, status and range matches. An HTTP status's
// reason phrase names the status ("Forbidden", "Too Many Requests"). For a
// status the registry's own entry comes first: it is the general meaning.
// A match exactly as typed (case and separators) ranks above one that only
// matches folded ("InvalidCredentials" is emnify's token before IronWiFi's
// "Invalid credentials").
func exact(scope []*Catalog, key, typed string) []Match {
	n, numErr := strconv.Atoi(key)
	isNum := numErr == nil && key[0] != '0'
	isStatus := isNum && n >= 100 && n <= 599
	if !isNum {
		if st := reasonStatus(scope, key); st != 0 {
			n, isStatus = st, true
		}
	}
	var out []Match
	for _, c := range scope {
		// The best match of each entry (code, then token, then status), in
		// the catalog's entry order (score holds the index meanwhile).
		start := len(out)
		note := func(i int, kind MatchKind) {
			e := c.Entry(i)
			if e == nil {
				return
			}
			for j := start; j < len(out); j++ {
				if out[j].Entry == e {
					out[j].Kind = min(out[j].Kind, kind)
					return
				}
			}
			out = append(out, Match{Entry: e, Catalog: c, Kind: kind, score: i})
		}
		own := false // c has an entry whose code is the number itself
		c.byKey(key, func(i int, token bool) {
			if token {
				note(i, MatchToken)
			} else {
				note(i, MatchCode)
				own = true
			}
		})
		if isStatus {
			c.byStatus(n, func(i int) { note(i, MatchStatus) })
		}
		if isNum && !own {
			c.rangeFor(n, func(i int) { note(i, MatchRange) })
		}
		mine := out[start:]
		if len(mine) > 1 { // (sorting allocates, and most catalogs have no match)
			sort.SliceStable(mine, func(i, j int) bool { return mine[i].score < mine[j].score })
		}
		for j := range mine {
			mine[j].score = 0
		}
	}
	out = withoutShadowedDense(out)
	typed = strings.TrimSpace(typed)
	sort.SliceStable(out, func(i, j int) bool {
		ti, tj := asTyped(out[i], typed), asTyped(out[j], typed)
		if ti != tj {
			return ti
		}
		return exactRank(out[i], isNum, isStatus, key) < exactRank(out[j], isNum, isStatus, key)
	})
	return out
}

// reasonStatus is the status whose registry reason phrase the query is
// (folded), 0 if none.
func reasonStatus(scope []*Catalog, key string) int {
	for _, c := range scope {
		if c.ID != HTTPCatalog {
			continue
		}
		for _, e := range c.All() {
			if e.Status != 0 && e.Kind != Range && Key(e.Title) == key {
				return e.Status
			}
		}
	}
	return 0
}

// asTyped: the entry has the query as its code or token (or, for the
// registry, its reason phrase) exactly as written.
func asTyped(m Match, typed string) bool {
	e := m.Entry
	return e.Code == typed || e.Token != "" && e.Token == typed || m.Catalog.ID == HTTPCatalog && e.Title == typed
}

// exactRank orders exact matches. A number's own meanings (the entries
// whose code or token it is) come in vocabularyOrder, then the entries
// that only have it as their status (in catalog order), then ranges.
func exactRank(m Match, isNum, isStatus bool, key string) int {
	if isNum {
		switch m.Kind {
		case MatchCode, MatchToken:
			return vocabularyRank(m.Catalog.ID)
		case MatchStatus:
			return len(vocabularyOrder) + 2
		}
		return len(vocabularyOrder) + 3
	}
	if isStatus && m.Catalog.ID == HTTPCatalog && (m.Kind == MatchCode || Key(m.Entry.Title) == key) {
		return -1
	}
	if isStatus && (m.Kind == MatchToken || m.Kind == MatchStatus) {
		return int(MatchToken) // vendor entries named by the status, or with it, stay in catalog order
	}
	return int(m.Kind)
}

// textSearch ranks entries in which every query word occurs (see
// scorer.score). Matches far below the best are dropped as noise.
func textSearch(scope []*Catalog, ws queryWords) []Match {
	sc := newScorer(ws, false)
	want := wordsMask(ws.required) // an entry without these letter pairs scores 0
	var out []Match
	for _, c := range scope {
		for i := range c.Len() {
			if !c.mayHaveWords(i, want) || !c.mayContain(i, ws.required) {
				continue
			}
			if e := c.Entry(i); e != nil {
				if s := sc.score(e); s > 0 {
					out = append(out, Match{Entry: e, Catalog: c, Kind: MatchText, score: s})
				}
			}
		}
	}
	return denseLast(out, 8)
}

// rank sorts by score and drops matches scoring below best/cut.
func rank(ms []Match, cut int) []Match {
	if len(ms) == 0 {
		return nil
	}
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].score > ms[j].score })
	floor := ms[0].score / cut
	n := 0
	for n < len(ms) && ms[n].score >= floor {
		n++
	}
	return ms[:n]
}

// fuzzySearch is the last resort, for typos: an in-order subsequence of the
// query in a short field (code, token, title) with few gaps, or every query
// word within one edit of a word anywhere in the entry.
func fuzzySearch(scope []*Catalog, key string, ws queryWords) []Match {
	sc := newScorer(ws, true)
	want := typoMasks(ws.required)   // an entry too far from these scores 0
	letters := textmask.Letters(key) // and one without these, nothing in its short fields
	var out []Match
	// A dense vocabulary is read only when no other catalog has a match
	// (its thousands of long names would double the cost of every typo).
	for pass, dense := range [...]bool{false, true} {
		if pass == 1 && len(out) > 0 {
			break
		}
		out = fuzzyIn(scope, dense, key, sc, want, letters, out)
	}
	return rank(out, 3)
}

// fuzzyIn appends fuzzySearch's matches in scope's dense vocabularies, or
// in its other catalogs.
func fuzzyIn(scope []*Catalog, dense bool, key string, sc *scorer, want []typoMask, letters uint64, out []Match) []Match {
	for _, c := range scope {
		if isDense(c.ID) != dense {
			continue
		}
		for i := range c.Len() {
			short, words := c.mayHaveLetters(i, letters), c.mayHaveTypos(i, want)
			if !short && !words {
				continue
			}
			e := c.Entry(i)
			if e == nil {
				continue
			}
			s := 0
			if short {
				s = shortFieldFuzzy(e, key)
			}
			if words {
				s = max(s, sc.score(e))
			}
			if s > 0 {
				out = append(out, Match{Entry: e, Catalog: c, Kind: MatchText, score: s})
			}
		}
	}
	return out
}

// shortFieldFuzzy scores the best compact subsequence match of key (the
// query folded to letters and digits) in code, token or title.
func shortFieldFuzzy(e *Entry, key string) int {
	if len(key) < 3 || IsDigits(key) {
		return 0
	}
	best := 0
	for f, s := range [...]string{e.Code, e.Token, e.Title} {
		if !subsequenceFold(s, key) {
			continue // the common case, found without asking fuzzy
		}
		folded, starts := foldWords(s)
		for _, m := range fuzzy.Find(key, []string{folded}) {
			first, last := m.MatchedIndexes[0], m.MatchedIndexes[len(m.MatchedIndexes)-1]
			gaps := (last - first + 1) - len(key)
			if gaps > max(1, len(key)/4) || first > 0 && !strings.HasPrefix(folded, key[:1]) && gaps > 0 || strayLetter(m.MatchedIndexes, starts) {
				continue
			}
			// Fewer gaps and a match from the start score higher; the
			// short fields outrank the text-word fallback's typo hits.
			score := fieldWeight[fCode+field(f)]*4*len(key) - 8*gaps - 2*first
			if score > best {
				best = score
			}
		}
	}
	return best
}

// foldWords folds s as Key does (without its hex rule) and marks where
// each word starts in the folded string: after a separator, or at a
// camelCase hump.
func foldWords(s string) (string, []bool) {
	b := make([]byte, 0, len(s))
	var starts []bool
	sep := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isAlnum(c) && c < 0x80 {
			sep = true
			continue
		}
		hump := c >= 'A' && c <= 'Z' && i > 0 && s[i-1] >= 'a' && s[i-1] <= 'z'
		b = append(b, lower(c))
		starts = append(starts, sep || hump)
		sep = false
	}
	return string(b), starts
}

// strayLetter: the match takes a lone letter from a word it otherwise
// misses ("duplcated" is not "duplicate_database", whose d it borrows).
func strayLetter(idx []int, starts []bool) bool {
	for j, i := range idx {
		if i == 0 || !starts[i] {
			continue
		}
		if j == len(idx)-1 || idx[j+1] != i+1 {
			return true
		}
	}
	return false
}

// subsequenceFold: the bytes of key (lower case) occur in s in order.
func subsequenceFold(s, key string) bool {
	j := 0
	for i := 0; i < len(s) && j < len(key); i++ {
		if lower(s[i]) == key[j] {
			j++
		}
	}
	return j == len(key)
}

// closeWord: one edit (insert, delete, substitute, swap) apart, for words
// of four letters or more; two edits for eight or more.
func closeWord(q, w string) bool {
	if len(q) < 4 || len(w) < 4 {
		return false
	}
	limit := 1
	if len(q) >= 8 {
		limit = 2
	}
	if d := len(q) - len(w); d > limit || -d > limit {
		return false
	}
	// Each edit changes at most two of the letters present: a cheap test
	// that turns most words away before the edit distance is computed.
	if bits.OnesCount32(letterSet(q)^letterSet(w)) > 2*limit {
		return false
	}
	return EditDistance(q, w, limit) <= limit
}

// letterSet is the set of ASCII letters in s, case folded, one bit each;
// any other byte counts as one more letter.
func letterSet(s string) uint32 {
	var m uint32
	for i := 0; i < len(s); i++ {
		if c := lower(s[i]); c >= 'a' && c <= 'z' {
			m |= 1 << (c - 'a')
		} else {
			m |= 1 << 26
		}
	}
	return m
}

// EditDistance is the optimal-string-alignment distance between a and b
// (ASCII case folded), giving up early (returning limit+1) once it must
// exceed limit.
func EditDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	var buf [3][33]int // words are short: no allocation for up to 32 bytes
	var prev2, prev, cur []int
	if len(b) < len(buf[0]) {
		prev2, prev, cur = buf[0][:len(b)+1], buf[1][:len(b)+1], buf[2][:len(b)+1]
	} else {
		prev2, prev, cur = make([]int, len(b)+1), make([]int, len(b)+1), make([]int, len(b)+1)
	}
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if lower(a[i-1]) == lower(b[j-1]) {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && lower(a[i-1]) == lower(b[j-2]) && lower(a[i-2]) == lower(b[j-1]) {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(b)], limit+1)
}

// suggest names codes and tokens close to key: "did you mean".
func suggest(scope []*Catalog, key string) []string {
	type cand struct {
		s string
		d int
	}
	var cs []cand
	limit := 1
	if len(key) >= 6 {
		limit = 2
	}
	for _, c := range scope {
		for _, e := range c.All() {
			d := EditDistance(key, Key(e.Code), limit)
			if e.Token != "" {
				d = min(d, EditDistance(key, Key(e.Token), limit))
			}
			if d <= limit {
				cs = append(cs, cand{c.ID + ":" + e.Code, d})
			}
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].d < cs[j].d })
	// A dense vocabulary has a code one edit from nearly every number:
	// its near misses only where no other catalog has one.
	dense := func(x cand) bool { return isDense(x.s[:strings.IndexByte(x.s, ':')]) }
	if slices.ContainsFunc(cs, func(x cand) bool { return !dense(x) }) {
		cs = slices.DeleteFunc(cs, dense)
	}
	var out []string
	for i := 0; i < len(cs) && i < 5; i++ {
		out = append(out, cs[i].s)
	}
	return out
}

// IsDigits reports whether s is all ASCII digits (and not empty).
func IsDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
