package render

import (
	"fmt"
	"strings"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/explain"
)

// The result types below are what the --json commands print and what the
// MCP server (errcode mcp) returns as structured content: the same values,
// so the same JSON. Their JSON Schemas are generated from them
// (schemas/*.schema.json). Fields may be added; none is renamed or removed
// without a major version.

// LookupJSON is errcode lookup --json's object.
type LookupJSON struct {
	Query       string      `json:"query" jsonschema:"the query, as given"`
	Matches     []EntryJSON `json:"matches" jsonschema:"the matches shown (at most the limit), best first; each entry has match: how it matched"`
	Total       int         `json:"total" jsonschema:"how many entries matched, before the limit"`
	Suggestions []string    `json:"suggestions" jsonschema:"close codes (catalog:code) when nothing matched"`
}

// Lookup converts a lookup's result for JSON output: shown are the
// matches kept (at most the limit), res all of them.
func Lookup(query string, res catalog.Result, shown []catalog.Match) LookupJSON {
	out := LookupJSON{Query: query, Matches: []EntryJSON{}, Total: len(res.Matches), Suggestions: list(res.Suggestions)}
	for _, m := range shown {
		j := Entry(m.Entry, m.Catalog)
		j.Match = m.Kind.String()
		out.Matches = append(out.Matches, j)
	}
	return out
}

// ListJSON is errcode list --json's object.
type ListJSON struct {
	Entries []EntryJSON `json:"entries" jsonschema:"the entries, in catalog order"`
}

// List converts listed rows for JSON output.
func List(rows []Row) ListJSON {
	out := ListJSON{Entries: []EntryJSON{}}
	for _, row := range rows {
		out.Entries = append(out.Entries, Entry(row.Entry, row.Catalog))
	}
	return out
}

// CatalogsJSON is errcode catalogs --json's object.
type CatalogsJSON struct {
	Catalogs []CatalogJSON `json:"catalogs" jsonschema:"every catalog, built-in and the user's, in search order"`
}

// CatalogJSON is one catalog.
type CatalogJSON struct {
	ID      string  `json:"id" jsonschema:"the id, for --catalog and catalog:code"`
	Name    string  `json:"name"`
	DocURL  *string `json:"doc_url"`
	Entries int     `json:"entries" jsonschema:"how many entries it has"`
	Source  string  `json:"source"`
	Path    *string `json:"path" jsonschema:"the user file(s) it was read from; null if built in"`
}

// Catalogs converts the catalogs for JSON output.
func Catalogs(cats []*catalog.Catalog) CatalogsJSON {
	out := CatalogsJSON{Catalogs: []CatalogJSON{}}
	for _, c := range cats {
		j := CatalogJSON{ID: c.ID, Name: c.Name, Entries: c.Len(), Source: c.Source}
		if c.DocURL != "" {
			j.DocURL = &c.DocURL
		}
		if c.Path != "" {
			j.Path = &c.Path
		}
		out.Catalogs = append(out.Catalogs, j)
	}
	return out
}

// HARJSON is errcode explain --json's object for a HAR file.
type HARJSON struct {
	Entries []ExplainJSON `json:"entries" jsonschema:"one explanation per response with status 400 or more"`
	Omitted int           `json:"omitted" jsonschema:"responses past the ones errcode explains"`
}

// Transcript converts the diagnoses of a transcript's exchanges for JSON
// output: an ExplainJSON for a response, a HARJSON for a HAR file.
func Transcript(t *explain.Transcript, ds []explain.Diagnosis) any {
	objs := make([]ExplainJSON, len(ds))
	for i := range ds {
		objs[i] = Diagnosis(ExplainInput{D: &ds[i], Format: t.Format, Truncated: t.Truncated})
	}
	if t.Format == "har" {
		return HARJSON{Entries: objs, Omitted: t.Omitted}
	}
	return objs[0]
}

// ExplainSummary is the first line of explain's card, plain: the status (or "no
// response") and the verdict, then the lead error when there is one
// ("HTTP/1.1 429 Too Many Requests  retryable, after 60 seconds:
// wontopos:rate_limit_exceeded"). For summaries (the MCP server's).
func ExplainSummary(d *explain.Diagnosis) string {
	h := (&Renderer{plain: true}).explainHeadline(d)
	if name := groupName(d); name != "" && !strings.HasPrefix(name, "HTTP ") {
		h += ": " + Scrub(name)
	}
	return h
}

// LogSummary is a log report's first line and its errors, one a line,
// most actionable first, at most MaxLogGroupsShown, plain.
func LogSummary(rep *explain.LogReport) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s, %s at error level or worse", rep.Format, count(rep.Lines, "line"), count(rep.ErrorRecords, "record"))
	for i := range rep.Groups[:min(len(rep.Groups), MaxLogGroupsShown)] {
		g := &rep.Groups[i]
		fmt.Fprintf(&b, "\n%d× %s", g.Count, ExplainSummary(&g.Diagnosis))
	}
	if n := len(rep.Groups) + rep.GroupsOmitted - MaxLogGroupsShown; n > 0 {
		fmt.Fprintf(&b, "\n… and %s more", count(int64(n), "distinct error"))
	}
	return b.String()
}
