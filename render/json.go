package render

import (
	"encoding/json"
	"io"

	"github.com/errcode-dev/errcode/catalog"
)

// EntryJSON is an entry as --json shows it. Absent values are null; code is
// always a string.
type EntryJSON struct {
	Catalog     string     `json:"catalog"`
	Code        string     `json:"code"`
	Token       *string    `json:"token"`
	Status      *int       `json:"status"`
	Category    *string    `json:"category"`
	Title       *string    `json:"title"`
	Message     *string    `json:"message"`
	Description *string    `json:"description"`
	Causes      []string   `json:"causes"`
	Fixes       []string   `json:"fixes"`
	Retryable   *bool      `json:"retryable"`
	DocURL      *string    `json:"doc_url"`
	Source      string     `json:"source"`
	Kind        string     `json:"kind"`
	Reference   *string    `json:"reference"`
	Range       *RangeJSON `json:"range"`
	Match       string     `json:"match,omitempty"`
}

// RangeJSON is the block of codes a range entry covers.
type RangeJSON struct {
	From int `json:"from"`
	To   int `json:"to"`
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func list(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Entry converts an entry for JSON output.
func Entry(e *catalog.Entry, c *catalog.Catalog) EntryJSON {
	j := EntryJSON{
		Catalog: c.ID, Code: e.Code, Token: nullable(e.Token), Category: nullable(e.Category),
		Title: nullable(e.Title), Message: nullable(e.Message), Description: nullable(e.Description),
		Causes: list(e.Causes), Fixes: list(e.Fixes), DocURL: nullable(e.Link(c)),
		Source: sourceText(e, c), Kind: e.Kind.String(), Reference: nullable(e.Reference),
	}
	if e.Status != 0 {
		s := e.Status
		j.Status = &s
	}
	if e.Retryable != catalog.RetryUnknown {
		y := e.Retryable == catalog.RetryYes
		j.Retryable = &y
	}
	if e.Kind == catalog.Range {
		j.Range = &RangeJSON{From: e.From, To: e.To}
	}
	return j
}

// JSON writes v as indented JSON. Control characters in strings are
// escaped by encoding/json, so nothing from the input reaches a terminal raw.
func JSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
