package render_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/lipgloss"
	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/explain"
	"github.com/errcode-dev/errcode/render"
)

func cardAt(t *testing.T, width int, in render.CardInput) []string {
	t.Helper()
	var b bytes.Buffer
	if err := render.New(&b, colorprofile.NoTTY, width).Card(in); err != nil {
		t.Fatal(err)
	}
	return strings.Split(b.String(), "\n")
}

// Text that fits the width exactly stays on its line; one column more
// moves or wraps it. Each rule at its edge.
func TestWidthEdges(t *testing.T) {
	c := &catalog.Catalog{ID: "t"}
	// The headline: "t:X" and two spaces, then the title.
	for _, tc := range []struct {
		title string
		width int
		one   bool
	}{
		{strings.Repeat("t", 35), 40, true},
		{strings.Repeat("t", 36), 40, false},
		{strings.Repeat("t", 36), 0, true}, // no width: never moved
	} {
		lines := cardAt(t, tc.width, render.CardInput{Entry: &catalog.Entry{Code: "X", Title: tc.title}, Catalog: c})
		if got := lines[0] == "t:X  "+tc.title; got != tc.one {
			t.Errorf("title of %d at width %d: first line %q", len(tc.title), tc.width, lines[0])
		}
		if !tc.one && (lines[0] != "t:X" || lines[1] != "  "+tc.title) {
			t.Errorf("title of %d at width %d: %q", len(tc.title), tc.width, lines[:2])
		}
	}

	// A field's value wraps at width minus its label column (15): at
	// exactly that it stays whole, past it it breaks at the last space
	// that fits, a line filled exactly included; with under 20 columns
	// left it is not worth wrapping.
	for _, tc := range []struct {
		width int
		value string
		want  []string
	}{
		{37, "aaaaa bbbbb ccccc dddd", []string{"  Description  aaaaa bbbbb ccccc dddd"}},
		{36, "aaaaa bbbbb ccccc dddd", []string{"  Description  aaaaa bbbbb ccccc", "               dddd"}},
		{35, "aaaaa bbbbb ccccc dd e", []string{"  Description  aaaaa bbbbb ccccc dd", "               e"}},
		{35, "aaaaa bbbbb ccccc dd", []string{"  Description  aaaaa bbbbb ccccc dd"}},
		{36, "aaaaa  bbbbb ccccc dd", []string{"  Description  aaaaa  bbbbb ccccc dd"}}, // fits: left as written
		{34, "aaaaa bbbbb ccccc dd e", []string{"  Description  aaaaa bbbbb ccccc dd e"}},
	} {
		lines := cardAt(t, tc.width, render.CardInput{Entry: &catalog.Entry{Code: "X", Description: tc.value}, Catalog: c})
		if got := lines[1 : 1+len(tc.want)]; strings.Join(got, "\n") != strings.Join(tc.want, "\n") || lines[1+len(tc.want)] != "" {
			t.Errorf("width %d: %q, want %q", tc.width, lines[1:], tc.want)
		}
	}

	// The status's general notes: its heading and note on one line when
	// they fit exactly.
	g := &catalog.Entry{Code: "404", Status: 404, Title: "Not Found", Description: "Nothing there."}
	heading := "  HTTP 404 Not Found in general (errcode's notes)"
	in := render.CardInput{Entry: &catalog.Entry{Code: "X", Status: 404}, Catalog: c, Status: g}
	if lines := cardAt(t, len(heading), in); !contains(lines, heading) {
		t.Errorf("general heading at width %d: %q", len(heading), lines)
	}
	// ...styled the same as with room to spare.
	styled := func(width int) string {
		var b bytes.Buffer
		render.New(&b, colorprofile.ANSI, width).Card(in)
		return b.String()
	}
	if a, b := styled(len(heading)), styled(len(heading)+10); a != b {
		t.Errorf("general heading at exactly the width is styled otherwise:\n%q\n%q", a, b)
	}
	if lines := cardAt(t, len(heading)-1, in); contains(lines, heading) {
		t.Errorf("general heading at width %d did not wrap: %q", len(heading)-1, lines)
	}
}

func contains(lines []string, s string) bool {
	for _, l := range lines {
		if l == s {
			return true
		}
	}
	return false
}

// The match list fits the width: the summary is cut first, with an
// ellipsis, down to ten columns; with less left it is left out rather than
// run past the width. A code longer than the room is cut too, but keeps all
// but the summary's ten.
func TestMatchListTruncates(t *testing.T) {
	c := &catalog.Catalog{ID: "t"}
	list := func(width int, code, title string) string {
		var b bytes.Buffer
		rows := []render.Row{{Entry: &catalog.Entry{Code: code, Title: title}, Catalog: c}}
		if err := render.New(&b, colorprofile.NoTTY, width).MatchList(rows); err != nil {
			t.Fatal(err)
		}
		return strings.TrimSuffix(b.String(), "\n")
	}
	// "  t:X    -  " is 12 columns; the summary gets width-12.
	prefix := "  t:X    -  "
	for _, tc := range []struct {
		width       int
		code, title string
		want        string
	}{
		{32, "X", strings.Repeat("s", 20), prefix + strings.Repeat("s", 20)},       // exactly fits
		{32, "X", strings.Repeat("s", 21), prefix + strings.Repeat("s", 19) + "…"}, // one over: cut to 19 and …
		{22, "X", strings.Repeat("s", 11), prefix + strings.Repeat("s", 9) + "…"},  // ten left
		{21, "X", strings.Repeat("s", 11), "  t:X    -"},                           // nine left: left out
		{21, "X", strings.Repeat("s", 9), prefix + strings.Repeat("s", 9)},         // nine left, and nine fit
		{0, "X", strings.Repeat("s", 200), prefix + strings.Repeat("s", 200)},
		{32, "X", strings.Repeat("中", 11), prefix + strings.Repeat("中", 9) + "…"}, // wide characters count two
		// A code too long: the summary keeps ten, the code the rest.
		{40, strings.Repeat("c", 30), strings.Repeat("s", 20), "  t:" + strings.Repeat("c", 18) + "…    -  " + strings.Repeat("s", 9) + "…"},
	} {
		got := list(tc.width, tc.code, tc.title)
		if got != tc.want {
			t.Errorf("width %d, %d-character code, %d-character summary:\n%q, want\n%q", tc.width, len(tc.code), len([]rune(tc.title)), got, tc.want)
		}
		if w := lipgloss.Width(got); tc.width > 0 && w > tc.width {
			t.Errorf("width %d: a line of %d", tc.width, w)
		}
	}
}

// In colour, a table's first column is styled as a code and the others
// are not; a finding without an entry shows its token beside its code
// unless the two are one.
func TestStyledCells(t *testing.T) {
	var b bytes.Buffer
	if err := render.New(&b, colorprofile.ANSI, 80).Table(true, []render.Column{{Header: "ID"}, {Header: "NAME"}}, [][]string{{"acme", "ACME API"}}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(b.String(), "\n")
	if len(lines) < 2 || !strings.HasPrefix(lines[1], "\x1b[") || !strings.HasSuffix(lines[1], "  ACME API") {
		t.Errorf("table row: %q, want a styled id and a plain name", lines)
	}
}

func TestFindingName(t *testing.T) {
	for _, tc := range []struct {
		code, token, want string
	}{
		{"E1", "Token", "    • E1 Token  (not in errcode's catalogs)"},
		{"Same", "Same", "    • Same  (not in errcode's catalogs)"},
		{"", "OnlyToken", "    • OnlyToken  (not in errcode's catalogs)"},
		{"OnlyCode", "", "    • OnlyCode  (not in errcode's catalogs)"},
	} {
		d := &explain.Diagnosis{Status: 400, Failed: true, Findings: []explain.Finding{{Item: explain.Item{Code: tc.code, Token: tc.token}}}}
		var b bytes.Buffer
		if err := render.New(&b, colorprofile.NoTTY, 0).Explain(render.ExplainInput{D: d}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), "\n"+tc.want+"\n") {
			t.Errorf("code %q, token %q:\n%s", tc.code, tc.token, b.String())
		}
	}
	// The smallest JSON there is, with something to escape.
	var b bytes.Buffer
	if err := render.JSON(&b, "\u202e"); err != nil || b.String() != "\"\\u202e\"\n" {
		t.Errorf("JSON of U+202E: %q, %v", b.String(), err)
	}
}

func TestCount(t *testing.T) {
	for n, want := range map[int64]string{0: "no entries", 1: "1 entry", 2: "2 entries", 12345: "12,345 entries"} {
		if got := render.Count(n, "entry", "entries"); got != want {
			t.Errorf("Count(%d) = %q, want %q", n, got, want)
		}
	}
}
