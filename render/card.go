package render

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/charmbracelet/lipgloss"
	"github.com/errcode-dev/errcode/catalog"
)

const labelWidth = 13 // "Description" and two spaces

// CardInput is one entry to show in full. Status is the HTTP registry's
// entry for the entry's status (nil if none, or if the entry is that entry).
type CardInput struct {
	Entry   *catalog.Entry
	Catalog *catalog.Catalog
	Status  *catalog.Entry
	// NoGeneral leaves out the HTTP status's general notes (explain shows
	// them once, after every card).
	NoGeneral bool
	// NotTheTool: the entry is a tool's (curl's exit codes) but another
	// program failed so (a Go or Python program, wget, a log): the fixes
	// that are the tool's own (its flags, its name) are left out.
	NotTheTool string
}

// Card writes the full card of one entry: identity, fields, causes, fixes,
// and, where the vendor says nothing of meaning or fixes, the HTTP status's
// general notes.
func (r *Renderer) Card(in CardInput) error {
	var b strings.Builder
	e, c := in.Entry, in.Catalog
	b.WriteString(r.headline(e, c))
	b.WriteByte('\n')
	field := func(label, value string) {
		if value != "" {
			r.field(&b, "  ", label, value, r.st.none)
		}
	}
	field("Catalog", c.Name)
	if e.Status != 0 {
		field("Status", r.statusText(e.Status, in.Status))
	}
	if e.Kind == catalog.Range {
		field("Range", fmt.Sprintf("%d to %d (codes without an entry of their own)", e.From, e.To))
	}
	field("Category", e.Category)
	field("Message", e.Message)
	field("Description", e.Description)
	if text, style := r.retryText(e, c, in.Status); text != "" {
		r.field(&b, "  ", "Retryable", text, style)
	}
	field("Reference", e.Reference)
	field("Source", sourceText(e, c))
	field("Link", e.Link(c))
	r.list(&b, "  ", "Causes", e.Causes)
	r.list(&b, "  ", "Fixes", withoutToolFixes(e.Fixes, in.NotTheTool))
	if g := in.Status; g != nil && g != e && !in.NoGeneral && (e.Description == "" || len(e.Fixes) == 0) {
		heading := fmt.Sprintf("HTTP %d %s in general", g.Status, Scrub(g.Title))
		const note = " (errcode's notes)"
		if r.width == 0 || lipgloss.Width("  "+heading+note) <= r.width {
			b.WriteString("\n  " + r.paint(r.st.heading, heading) + r.paint(r.st.faint, note) + "\n")
		} else {
			b.WriteString("\n  " + r.paint(r.st.heading, r.wrap(heading+note, "  ")) + "\n")
		}
		r.para(&b, "    ", g.Description)
		r.list(&b, "    ", "Causes", g.Causes)
		r.list(&b, "    ", "Fixes", g.Fixes)
	}
	return r.write(b.String())
}

// headline is "catalog:code  Token  Title", the title as Title has it.
func (r *Renderer) headline(e *catalog.Entry, c *catalog.Catalog) string {
	h := r.paint(r.st.code, Scrub(c.ID+":"+e.Code))
	if e.Token != "" {
		h += "  " + r.paint(r.st.token, Scrub(e.Token))
	}
	t := Title(e)
	if t == "" {
		return h
	}
	t = Scrub(t)
	if r.width > 0 && lipgloss.Width(h)+2+lipgloss.Width(t) > r.width {
		// Too long for one line: the title goes under the code.
		return h + "\n  " + r.paint(r.st.heading, r.wrap(t, "  "))
	}
	return h + "  " + r.paint(r.st.heading, t)
}

// Title is the title beside an entry's code and token, on its card and in
// a list row (lookup's and errcode list's): the entry's DisplayTitle
// (written, or made from its name), left out where a made-up one would
// only repeat the token beside it (emnify's 1101 InvalidCredentials) or a
// code with no letters (a user's "1405" with no words at all).
func Title(e *catalog.Entry) string {
	t := e.DisplayTitle()
	if e.Title == "" && (t == e.Code && !strings.ContainsFunc(t, unicode.IsLetter) || e.Token != "" && catalog.Key(t) == catalog.Key(e.Token)) {
		return ""
	}
	return t
}

func (r *Renderer) statusText(status int, g *catalog.Entry) string {
	s := strconv.Itoa(status)
	if g != nil {
		s += " " + g.Title
	}
	return s
}

// retryText says whether retrying can help, and how to style that. Where
// the source is silent it gives the HTTP status's general answer, marked
// as such.
func (r *Renderer) retryText(e *catalog.Entry, c *catalog.Catalog, g *catalog.Entry) (string, lipgloss.Style) {
	switch e.Retryable {
	case catalog.RetryYes:
		return "yes", r.st.yes
	case catalog.RetryNo:
		return "no", r.st.no
	}
	if g == nil || g == e || g.Retryable == catalog.RetryUnknown {
		return "", r.st.none
	}
	general := "no"
	if g.Retryable == catalog.RetryYes {
		general = "yes"
	}
	return fmt.Sprintf("not stated by %s; HTTP %d in general: %s", c.ID, g.Status, general), r.st.none
}

func sourceText(e *catalog.Entry, c *catalog.Catalog) string {
	if e.Source != "" {
		return e.Source
	}
	return c.Source
}

// field writes "label  value", the value scrubbed, wrapped and indented
// under itself, then styled (styling after scrubbing: Scrub would escape
// the style's own escape sequences).
func (r *Renderer) field(b *strings.Builder, indent, label, value string, style lipgloss.Style) {
	b.WriteString(indent)
	b.WriteString(r.paint(r.st.label, fmt.Sprintf("%-*s", labelWidth, label)))
	b.WriteString(r.paint(style, r.wrap(Scrub(value), indent+strings.Repeat(" ", labelWidth))))
	b.WriteByte('\n')
}

// list writes a heading and bulleted items.
func (r *Renderer) list(b *strings.Builder, indent, heading string, items []string) {
	if len(items) == 0 {
		return
	}
	b.WriteString("\n" + indent + r.paint(r.st.heading, heading) + "\n")
	for _, it := range items {
		b.WriteString(indent + "  • " + r.wrap(Scrub(it), indent+"    ") + "\n")
	}
}

func (r *Renderer) para(b *strings.Builder, indent, text string) {
	if text != "" {
		b.WriteString(indent + r.wrap(Scrub(text), indent) + "\n")
	}
}

// withoutToolFixes drops the fixes that name tool or one of its flags
// ("Try `-4` or `-6`", "curl retries this only with `--retry-connrefused`").
func withoutToolFixes(fixes []string, tool string) []string {
	if tool == "" {
		return fixes
	}
	var out []string
	for _, f := range fixes {
		if !strings.Contains(f, tool) && !strings.Contains(f, "`-") {
			out = append(out, f)
		}
	}
	return out
}
