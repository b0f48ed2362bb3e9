package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"unicode/utf16"
	"unicode/utf8"

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

// JSON writes v as indented JSON. encoding/json escapes C0 controls; the
// other Unsafe characters (C1 controls, bidi overrides, invisible format
// characters) are escaped as \uXXXX here, so nothing from the input
// reaches a terminal raw through JSON either. (Outside strings JSON is
// ASCII, so every non-ASCII character stands in a string.)
func JSON(w io.Writer, v any) error { return writeJSON(w, v, "  ") }

// JSONLine writes v as JSON on one line, escaped as JSON does: for output
// that shares a stream with other lines (errcode run's, on stderr).
func JSONLine(w io.Writer, v any) error { return writeJSON(w, v, "") }

func writeJSON(w io.Writer, v any, indent string) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", indent)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(escapeUnsafe(buf.Bytes()))
	return err
}

// escapeUnsafe rewrites the Unsafe characters of encoded JSON as \u
// escapes (a surrogate pair past the BMP).
func escapeUnsafe(b []byte) []byte {
	i := 0
	for i < len(b) && b[i] < 0x7f { // DEL, which encoding/json leaves, and all non-ASCII stop here
		i++
	}
	if i == len(b) {
		return b // ASCII: nothing to do
	}
	out := make([]byte, 0, len(b)+16)
	out = append(out, b[:i]...)
	for i < len(b) {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case !Unsafe(r) || r < 0x20: // encoding/json escaped C0 already
			out = append(out, b[i:i+size]...)
		case r <= 0xffff:
			out = fmt.Appendf(out, `\u%04x`, r)
		default:
			r1, r2 := utf16.EncodeRune(r)
			out = fmt.Appendf(out, `\u%04x\u%04x`, r1, r2)
		}
		i += size
	}
	return out
}
