package catalog

import "strings"

// How well one query word matches one word of an entry.
const (
	hitNone   = 0
	hitInside = 1 // substring of a word: "valid" in "invalid"
	hitTypo   = 1 // one edit away (fuzzy phase only)
	hitPrefix = 3 // "limit" for "limiting"
	hitWord   = 4 // the whole word
)

func wordHit(q, w string) int {
	switch {
	case equalFold(w, q):
		return hitWord
	case hasPrefixFold(w, q):
		return hitPrefix
	case len(q) >= 3 && containsFold(w, q):
		return hitInside
	}
	return hitNone
}

// queryWords are a query's words: all of them (for phrase and whole-field
// bonuses) and the ones an entry must contain (all but stop words, unless
// the query is nothing but stop words).
type queryWords struct {
	all, required []string
}

func newQueryWords(text string) queryWords {
	q := queryWords{all: words(text)}
	for _, w := range q.all {
		if !isStopWord(w) {
			q.required = append(q.required, w)
		}
	}
	if len(q.required) == 0 {
		q.required = q.all
	}
	return q
}

// scorer scores entries against one query. It reuses its buffers, so a
// search over a catalog allocates next to nothing.
type scorer struct {
	q     queryWords
	typos bool   // count words one edit away (the fuzzy phase)
	spans []span // the words of the text being scored
	best  []int  // per required word, its best hit so far
}

func newScorer(q queryWords, typos bool) *scorer {
	return &scorer{q: q, typos: typos, spans: make([]span, 0, 128), best: make([]int, len(q.required))}
}

// score is the text score of e, 0 if some required word is missing. A word
// counts for more in a short field, and as a whole word more than inside
// one; the query as a phrase, or as a whole field, earns a bonus.
func (sc *scorer) score(e *Entry) int {
	clear(sc.best)
	bonus := sc.text(fCode, e.Code) + sc.text(fToken, e.Token) + sc.text(fTitle, e.Title) +
		sc.text(fCategory, e.Category) + sc.text(fMessage, e.Message) + sc.text(fDescription, e.Description) +
		sc.list(fCauses, e.Causes) + sc.list(fFixes, e.Fixes)
	total := bonus
	for _, b := range sc.best {
		if b == 0 {
			return 0
		}
		total += b
	}
	return total
}

func (sc *scorer) list(f field, items []string) int {
	bonus := 0
	for _, it := range items {
		bonus = max(bonus, sc.text(f, it))
	}
	return bonus
}

// text records the hits of the query's words in s and returns its bonus.
func (sc *scorer) text(f field, s string) int {
	if s == "" {
		return 0
	}
	if !isASCII(s) {
		s = strings.ToLower(s) // rare: fold non-ASCII letters up front
	}
	weight := fieldWeight[f]
	found, spans := 0, false
	for i, q := range sc.q.required {
		typos := sc.typos && !IsDigits(q) // 1450 is not a typo of 1405: suggest it instead
		if !typos && !containsFold(s, q) {
			continue // the common case: one scan of the text settles it
		}
		found++
		if !spans {
			sc.spans, spans = appendSpans(sc.spans[:0], s), true
		}
		for _, sp := range sc.spans {
			w := s[sp.lo:sp.hi]
			h := wordHit(q, w)
			if h == hitNone && typos && closeWord(q, w) {
				h = hitTypo
			}
			sc.best[i] = max(sc.best[i], h*weight)
		}
	}
	if found < len(sc.q.required) || !spans {
		return 0 // a phrase needs every word
	}
	all := sc.q.all
	switch {
	case len(all) == len(sc.spans) && sc.phraseAt(s, 0, all, true):
		return 10 * weight
	case len(all) > 1:
		for i := 0; i+len(all) <= len(sc.spans); i++ {
			if sc.phraseAt(s, i, all, false) {
				return 6 * weight
			}
		}
	}
	return 0
}

// phraseAt: the query's words are the words of s from the i-th on, each
// whole, or (unless exact) each at least a prefix.
func (sc *scorer) phraseAt(s string, i int, ws []string, exact bool) bool {
	for j, q := range ws {
		sp := sc.spans[i+j]
		w := s[sp.lo:sp.hi]
		if exact && !equalFold(w, q) || !exact && !hasPrefixFold(w, q) {
			return false
		}
	}
	return true
}
