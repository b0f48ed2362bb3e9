package answer

import (
	"fmt"
	"strings"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/render"
)

// MaxQuery bounds the work one query can cause: codes, tokens and phrases
// are short, and the fuzzy matching is quadratic in the query's length.
const MaxQuery = 512

// LookupRequest is a lookup as errcode lookup takes it.
type LookupRequest struct {
	Query    string
	Catalogs []string // only these catalogs; none: all
	Limit    int      // show at most this many matches; 0: all
}

// Looked is a lookup's answer: every match, and those shown.
type Looked struct {
	Query  string
	Result catalog.Result
	Shown  []catalog.Match // at most the limit
}

// JSON is the answer as --json prints it.
func (l Looked) JSON() render.LookupJSON { return render.Lookup(l.Query, l.Result, l.Shown) }

// Lookup checks a request and looks it up. A request errcode cannot look up
// is an *Error worded as the command line says it; a query that finds
// nothing is not an error (see NotFoundMessage).
func Lookup(ix *catalog.Index, req LookupRequest) (Looked, error) {
	if len(req.Query) > MaxQuery {
		return Looked{}, usagef("the query is %d bytes long; errcode looks up at most %d: give a code, a token or a few words (a response goes to 'errcode explain')", len(req.Query), MaxQuery)
	}
	if req.Limit < 0 {
		return Looked{}, usagef("--limit must be 0 (no limit) or more, not %d", req.Limit)
	}
	if err := CheckCatalogs(ix, req.Catalogs); err != nil {
		return Looked{}, err
	}
	if id, rest, ok := strings.Cut(strings.TrimSpace(req.Query), ":"); ok && catalog.Key(rest) == "" && ix.Catalog(id) != nil {
		return Looked{}, usagef("%q names a catalog but no code: try 'errcode lookup %s:CODE' or 'errcode list -c %s'", req.Query, id, id)
	}
	if catalog.Key(req.Query) == "" {
		return Looked{}, usagef("lookup needs letters or digits in its query, not %q: give a code, a token or words, e.g. 'errcode lookup 1405'", req.Query)
	}
	res := ix.Lookup(catalog.Query{Text: req.Query, Catalogs: req.Catalogs})
	shown := res.Matches
	if req.Limit > 0 && len(shown) > req.Limit {
		shown = shown[:req.Limit]
	}
	return Looked{Query: req.Query, Result: res, Shown: shown}, nil
}

// NotFoundMessage says that a lookup found nothing, and what to try: the
// close codes, or, for a query that is a response or a tool's output,
// errcode explain.
func NotFoundMessage(ix *catalog.Index, l Looked) string {
	if hint := responseHint(ix, l.Query); hint != "" {
		return fmt.Sprintf("no entry matches %q: %s", l.Query, hint)
	}
	msg := fmt.Sprintf("no entry matches %q", l.Query)
	s := l.Result.Suggestions
	switch len(s) {
	case 0:
		return msg + " (try fewer words, or 'errcode list')"
	case 1:
		return msg + "; did you mean " + s[0] + "?"
	}
	return msg + "; did you mean " + strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1] + "?"
}
