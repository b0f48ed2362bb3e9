package explain

import (
	"cmp"
	"regexp"
	"strings"
	"sync"

	"github.com/errcode-dev/errcode/catalog"
)

// A catalog's `lines:` are what its API's SDKs and CLIs print when a call
// fails ("An error occurred (ThrottlingException) when calling the PutItem
// operation: ..."): data, in the catalog's YAML, as body shapes are. A line
// that matches is evidence of who answered (attribution's A3), and its
// named groups are the error's facts.

// maxProgramLines bounds the lines a catalog's patterns are tried on.
const maxProgramLines = 64

var linePatterns sync.Map // pattern -> *regexp.Regexp, nil if it does not compile

func linePattern(p string) *regexp.Regexp {
	if re, ok := linePatterns.Load(p); ok {
		return re.(*regexp.Regexp)
	}
	re, err := regexp.Compile(p)
	if err != nil {
		re = nil // a built-in or validated pattern compiles; a forged one is ignored
	}
	linePatterns.Store(p, re)
	return re
}

// lineClaim is what a catalog's line said.
type lineClaim struct {
	item      Item
	body      []byte
	requestID string
	line      string // the line that matched
}

// claimByLines tries the catalogs' line patterns (the --catalog one only,
// when forced) on lines; the first that matches claims the error.
func claimByLines(ix *catalog.Index, forced string, lines []string) (lineClaim, bool) {
	for _, c := range ix.Catalogs {
		if len(c.Lines) == 0 || forced != "" && c.ID != forced {
			continue
		}
		for i, l := range lines {
			for _, p := range c.Lines {
				re := linePattern(p)
				if re == nil {
					continue
				}
				if m := re.FindStringSubmatch(l); m != nil {
					return withLater(lineOf(c, re, m, l), c, p, lines[i+1:]), true
				}
			}
		}
	}
	return lineClaim{}, false
}

// withLater adds to a claim what the lines after it say in the catalog's
// other patterns, where the claiming line said nothing: an error printed
// over several lines (gcloud's error line with the canonical code, then
// the ErrorInfo's reason below it, as the body has them: the reason is
// the code, the canonical code its token).
func withLater(lc lineClaim, c *catalog.Catalog, claimed string, lines []string) lineClaim {
	for _, l := range lines {
		for _, p := range c.Lines {
			re := linePattern(p)
			if p == claimed || re == nil {
				continue
			}
			m := re.FindStringSubmatch(l)
			if m == nil {
				continue
			}
			later := lineOf(c, re, m, l)
			it := &lc.item
			if it.Code == "" && later.item.Code != "" {
				it.Code = later.item.Code
			}
			if it.Token == "" && later.item.Token != "" {
				it.Token = later.item.Token
			}
			if it.Status == 0 {
				it.Status = later.item.Status
			}
			lc.requestID = cmp.Or(lc.requestID, later.requestID)
		}
	}
	return lc
}

func lineOf(c *catalog.Catalog, re *regexp.Regexp, m []string, l string) lineClaim {
	g := func(name string) string { return group(re, m, name) }
	it := Item{Code: g("code"), Token: g("token"), Message: g("message"), Field: g("field"),
		Status: asStatus(g("status")), From: "a line " + c.ID + "'s SDKs and tools print", Claim: c.ID, Fails: true}
	if op := g("operation"); op != "" {
		it.Detail = "operation " + op
	}
	if it.Message == "" {
		it.Message = cut(l, maxNoteLen)
	}
	return lineClaim{item: it, body: []byte(pyLiteralJSON(g("body"))), requestID: g("request_id"), line: l}
}

// programLines are the lines of ex a catalog's patterns are tried on: a
// program's error lines, or a text body's first lines.
func programLines(ex Exchange, body Body) []string {
	if len(ex.ProgramLines) > 0 {
		return ex.ProgramLines
	}
	if body.Shape != "text" && body.Shape != "" {
		return nil
	}
	var out []string
	eachLine(ex.Body, func(b []byte, _ int) bool {
		if l := strings.TrimSpace(string(b)); l != "" {
			out = append(out, cut(l, maxNoteLen))
		}
		return len(out) < maxProgramLines
	})
	return out
}

// restates: it is a trace's bare exception whose line is the one the
// catalog's line claimed (botocore's "ClientError: An error occurred
// (...)"): the claim says it better, so it is not a second error.
func (lc lineClaim) restates(it Item) bool {
	return it.Code == "" && it.Token == "" && it.Vocab == "" && lc.line != "" &&
		strings.HasPrefix(strings.TrimSpace(it.Message), strings.TrimSpace(lc.line))
}

// carried: it is the claim's error, already read from a carrier (a
// transport failure's line quoting OpenSSL's code): the same vocabulary
// and code.
func (lc lineClaim) carried(it Item) bool {
	return it.Vocab != "" && it.Vocab == lc.item.Claim && it.Code != "" && it.Code == lc.item.Code
}
