package answer

import (
	"strconv"
	"strings"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/explain"
)

// responseHint says, for a query that found nothing, whether it is what
// explain reads rather than a code: a status line, a body, a tool's
// failure line ("curl: (6) ..."), a program's error. Then the way forward
// is a pipe into errcode explain, and, when the text holds a code lookup
// knows, that code's lookup. "" for a query that reads as words.
func responseHint(ix *catalog.Index, query string) string {
	t := explain.Parse([]byte(query), false)
	if len(t.Exchanges) == 0 {
		return ""
	}
	d := explain.Diagnose(t.Exchanges[0], ix, explain.Options{})
	if t.Format == "body" && !d.Failed && (d.Shape == "" || d.Shape == "text") {
		return ""
	}
	hint := "this looks like a response or a tool's output, not a code: pipe it into 'errcode explain'"
	if q := codeInside(ix, query, d); q != "" {
		hint += " (or look up the code in it: 'errcode lookup " + q + "')"
	}
	return hint
}

// codeInside is a query for a code the text holds that lookup finds: an
// error's code in its catalog, one written in the text before one explain
// inferred (ECONNREFUSED before curl's 7); else its status.
func codeInside(ix *catalog.Index, query string, d explain.Diagnosis) string {
	for _, written := range []bool{true, false} {
		for _, f := range d.Findings {
			q, code := f.Code, f.Code
			if f.Entry != nil && f.Catalog != nil {
				q, code = f.Catalog.ID+":"+f.Entry.Code, f.Entry.Code
			}
			if q == "" || written != containsWord(query, code) {
				continue
			}
			if len(ix.Lookup(catalog.Query{Text: q}).Matches) > 0 {
				return q
			}
		}
	}
	if d.Status != 0 {
		return strconv.Itoa(d.Status)
	}
	return ""
}

// containsWord reports whether w stands in s as a word of its own: not
// the 7 of 127.0.0.1.
func containsWord(s, w string) bool {
	for i := 0; w != ""; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(w)
		if (start == 0 || !isWordByte(s[start-1])) && (end == len(s) || !isWordByte(s[end])) {
			return true
		}
		i = start + 1
	}
	return false
}

func isWordByte(c byte) bool {
	return c == '_' || c == '.' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
