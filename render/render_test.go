package render_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/colorprofile"
	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/render"
)

var update = flag.Bool("update", false, "rewrite golden files")

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (run with -update, then review the diff):\n%s", path, got)
	}
}

func card(ix *catalog.Index, id string) render.CardInput {
	r := ix.Lookup(catalog.Query{Text: id})
	m := r.Matches[0]
	return render.CardInput{Entry: m.Entry, Catalog: m.Catalog, Status: ix.StatusEntry(m.Entry.Status)}
}

var cardIDs = []string{"emnify:1405", "ironwifi:429", "http:409", "emnify:2200-2299", "ironwifi:Account expired", "devdocs:AUTH-401", "wontopos:rate_limit_exceeded", "emnify:1902",
	"curl:6", "curl:7", "grpc:14", "oauth:invalid_grant", "kubernetes:Invalid", "postgres:23505", "postgres:HV00R", "http2:0x7",
	// entries with no prose: a title made from the code (with no status; with
	// a status and its general notes), and from a message
	"stripe:account_closed", "stripe:pickup_card", "openai:bio_policy", "errno:ESRCH"}

// Cards as a terminal shows them: wrapped at the width, styled in the 16
// ANSI colours; and as a pipe gets them: plain, unwrapped.
func TestCardGolden(t *testing.T) {
	ix := catalog.NewIndex(catalog.Builtin())
	for _, tc := range []struct {
		name    string
		profile colorprofile.Profile
		width   int
	}{
		{"cards_tty72.golden", colorprofile.ANSI, 72},
		{"cards_plain.golden", colorprofile.NoTTY, 0},
		{"cards_narrow40.golden", colorprofile.NoTTY, 40},
	} {
		var b bytes.Buffer
		r := render.New(&b, tc.profile, tc.width)
		for _, id := range cardIDs {
			if err := r.Card(card(ix, id)); err != nil {
				t.Fatal(err)
			}
			b.WriteString("----\n")
		}
		golden(t, tc.name, b.Bytes())
		if tc.profile == colorprofile.NoTTY && bytes.ContainsRune(b.Bytes(), 0x1b) {
			t.Errorf("%s: escape sequences in plain output", tc.name)
		}
		for _, line := range strings.Split(stripANSI(b.String()), "\n") {
			if strings.HasSuffix(line, " ") {
				t.Errorf("%s: trailing white space: %q", tc.name, line)
			}
		}
		if tc.width > 0 {
			for _, line := range strings.Split(stripANSI(b.String()), "\n") {
				// Only unbreakable words (links) may overflow.
				if n := utf8.RuneCountInString(line); n > tc.width && strings.Contains(strings.TrimSpace(line), " ") && !strings.Contains(line, "://") {
					t.Errorf("%s: line of %d columns exceeds %d: %q", tc.name, n, tc.width, line)
				}
			}
		}
	}
}

// Every built-in entry's card headline and list row say what it is in
// words: a title, or a token that the title would only repeat; never its
// category in brackets, as "stripe:account_closed  (error code)" did.
func TestEveryCardHasATitle(t *testing.T) {
	ix := catalog.NewIndex(catalog.Builtin())
	for _, c := range catalog.Builtin() {
		for i := range c.Entries {
			e := &c.Entries[i]
			var b bytes.Buffer
			if err := render.New(&b, colorprofile.NoTTY, 0).Card(render.CardInput{Entry: e, Catalog: c, Status: ix.StatusEntry(e.Status)}); err != nil {
				t.Fatal(err)
			}
			head, _, _ := strings.Cut(b.String(), "\n")
			words := strings.TrimSpace(strings.TrimPrefix(head, c.ID+":"+e.Code))
			if e.Token != "" {
				words = strings.TrimSpace(strings.TrimPrefix(words, e.Token))
			}
			summary := render.Summary(e)
			switch {
			case words == "" && e.Token == "":
				t.Errorf("%s:%s: no title on the card: %q", c.ID, e.Code, head)
			case words == "" && catalog.Key(e.DisplayTitle()) != catalog.Key(e.Token):
				t.Errorf("%s:%s: the card leaves out a title that is not its token: %q", c.ID, e.Code, head)
			case summary == "":
				t.Errorf("%s:%s: an empty list row", c.ID, e.Code)
			}
			for _, s := range []string{head, summary} {
				if strings.Contains(s, "(error code)") || e.Category != "" && e.Title != "("+e.Category+")" && strings.Contains(s, "("+e.Category+")") {
					t.Errorf("%s:%s: the category in brackets for a title: %q", c.ID, e.Code, s)
				}
			}
		}
	}
}

func stripANSI(s string) string {
	var b bytes.Buffer
	w := &colorprofile.Writer{Forward: &b, Profile: colorprofile.NoTTY}
	w.Write([]byte(s))
	return b.String()
}

func TestMatchListGolden(t *testing.T) {
	ix := catalog.NewIndex(catalog.Builtin())
	var rows []render.Row
	for _, m := range ix.Lookup(catalog.Query{Text: "409"}).Matches {
		rows = append(rows, render.Row{Entry: m.Entry, Catalog: m.Catalog})
	}
	var b bytes.Buffer
	if err := render.New(&b, colorprofile.NoTTY, 50).MatchList(rows); err != nil {
		t.Fatal(err)
	}
	golden(t, "matchlist_50.golden", b.Bytes())
}

func TestTableGolden(t *testing.T) {
	rows := func() [][]string {
		return [][]string{
			{"emnify", "1405", "409", "Duplicated", "{Object} - {field} already exists"},
			{"wontopos", "rate_limit_exceeded", "429", "", "Too many requests per minute, a long title that must be cut at the width"},
		}
	}
	header := []render.Column{{Header: "CATALOG"}, {Header: "CODE"}, {Header: "STATUS"}, {Header: "TOKEN"}, {Header: "TITLE"}}
	var b bytes.Buffer
	if err := render.New(&b, colorprofile.NoTTY, 70).Table(true, header, rows()); err != nil {
		t.Fatal(err)
	}
	b.WriteString("----\n")
	if err := render.New(&b, colorprofile.NoTTY, 70).Table(false, header, rows()); err != nil {
		t.Fatal(err)
	}
	golden(t, "table.golden", b.Bytes())
}

// Text from outside cannot smuggle escape sequences through a card.
func TestCardScrubsUserText(t *testing.T) {
	e := &catalog.Entry{Code: "X\x1b]0;pwned\x07", Title: "evil\x1b[2J\rtitle", Causes: []string{"a\u202ebidi"}, Fixes: []string{"\xffbad utf8"}}
	c := &catalog.Catalog{ID: "acme", Name: "ACME\x1b[31m"}
	for _, p := range []colorprofile.Profile{colorprofile.NoTTY, colorprofile.ANSI} {
		var b bytes.Buffer
		if err := render.New(&b, p, 60).Card(render.CardInput{Entry: e, Catalog: c}); err != nil {
			t.Fatal(err)
		}
		out := stripANSI(b.String()) // styling is ours; what remains came from the entry
		for _, bad := range []string{"\x1b", "\x07", "\r", "\u202e", "\xff"} {
			if strings.Contains(out, bad) {
				t.Errorf("profile %v: %q reached the output:\n%q", p, bad, out)
			}
		}
		if !strings.Contains(out, `evil\x1b[2J\x0dtitle`) || !strings.Contains(out, `a\u202ebidi`) {
			t.Errorf("control characters are not shown escaped:\n%s", out)
		}
	}
}

func TestScrub(t *testing.T) {
	for in, want := range map[string]string{
		"plain text":        "plain text",
		"tab\there":         "tab here",
		"bell\a":            `bell\x07`,
		"esc\x1b[31m":       `esc\x1b[31m`,
		"c1\u009bx":         `c1\x9bx`,
		"del\x7f":           `del\x7f`,
		"bad\xffutf8":       "bad\ufffdutf8",
		"rtl\u202eoverride": `rtl\u202eoverride`,
		"ünïcödé ok":        "ünïcödé ok",
	} {
		if got := render.Scrub(in); got != want {
			t.Errorf("Scrub(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzScrub(f *testing.F) {
	for _, s := range []string{"", "abc", "\x1b[31mred\x1b[0m", "\u202e", "\xff\xfe", "a\r\nb", "\x9b", "caf\u00e9 \u200f", "plain text, 1405", "\t"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := render.Scrub(s)
		if !utf8.ValidString(out) {
			t.Fatalf("Scrub(%q) = %q: invalid UTF-8", s, out)
		}
		for _, r := range out {
			if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) ||
				r == 0x200e || r == 0x200f || r == 0x061c || r == 0xfeff || (r >= 0x200b && r <= 0x200d) {
				t.Fatalf("Scrub(%q) = %q: control character %U left", s, out, r)
			}
		}
		// Text with nothing to hide passes unchanged; anything else is
		// changed, and scrubbing twice changes nothing more.
		safe := utf8.ValidString(s)
		for _, r := range s {
			safe = safe && !render.Unsafe(r)
		}
		if safe != (out == s) {
			t.Fatalf("Scrub(%q) = %q: safe text %v, unchanged %v", s, out, safe, out == s)
		}
		if again := render.Scrub(out); again != out {
			t.Fatalf("Scrub(Scrub(%q)) = %q, not %q", s, again, out)
		}
	})
}
