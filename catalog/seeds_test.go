package catalog_test

// These tests read the four seed documents (testdata/seeds, copies of
// ../shared/seeds) with a parser of their own and check that every row is a
// catalog entry, worded exactly as written. Inline code that the HTML
// extraction broke onto lines of its own is compared with backticks
// removed and white space folded.

import (
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

func seed(t *testing.T, prefix string) []string {
	t.Helper()
	m, _ := os.ReadDir("testdata/seeds")
	for _, e := range m {
		if strings.HasPrefix(e.Name(), prefix) {
			b, err := os.ReadFile("testdata/seeds/" + e.Name())
			if err != nil {
				t.Fatal(err)
			}
			return strings.Split(string(b), "\n")
		}
	}
	t.Fatalf("no seed %s*", prefix)
	return nil
}

func builtin(t *testing.T, id string) *catalog.Catalog {
	t.Helper()
	c := catalog.NewIndex(catalog.Builtin()).Catalog(id)
	if c == nil {
		t.Fatalf("no built-in catalog %q", id)
	}
	return c
}

func entry(t *testing.T, c *catalog.Catalog, code string) *catalog.Entry {
	t.Helper()
	for i := range c.Entries {
		if c.Entries[i].Code == code {
			return &c.Entries[i]
		}
	}
	t.Errorf("%s: no entry with code %q", c.ID, code)
	return nil
}

// fold removes backticks and folds white space, to compare catalog text
// with text whose inline code the extraction split over lines.
func fold(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "`", "")), " ")
}

func documented(c *catalog.Catalog, kind catalog.Kind) int {
	n := 0
	for _, e := range c.Entries {
		if e.Kind == kind {
			n++
		}
	}
	return n
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

func TestSeedIronWiFi(t *testing.T) {
	lines := seed(t, "000_")
	c := builtin(t, "ironwifi")
	statusLine := regexp.MustCompile(`^([2-5]\d\d) ([A-Z][A-Za-z ]+)$`)
	section := ""
	var statuses, reasons int
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		switch l {
		case "HTTP Status Codes", "Detailed Error Reference", "Error Handling Best Practices":
			section = l
			continue
		case "Reject ReasonMeaningResolution":
			// Rows: the reason, then Meaning and Resolution glued on one line.
			for i++; i+1 < len(lines) && lines[i] != ""; i += 2 {
				reasons++
				if e := entry(t, c, lines[i]); e != nil {
					if got := e.Title + first(e.Fixes); got != lines[i+1] || e.Category != "RADIUS" || e.Status != 0 {
						t.Errorf("RADIUS %q: title+fix %q (category %q, status %d), seed says %q", lines[i], got, e.Category, e.Status, lines[i+1])
					}
				}
			}
			continue
		}
		m := statusLine.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		e := entry(t, c, m[1])
		if e == nil {
			continue
		}
		if e.Status, _ = strconv.Atoi(m[1]); e.Status == 0 {
			t.Errorf("%s: no status", m[1])
		}
		switch section {
		case "HTTP Status Codes":
			// Next line: Meaning glued to Common Cause / When Returned / Action.
			statuses++
			rest := first(e.Causes)
			if m[1][0] == '5' {
				rest = first(e.Fixes)
			}
			if got := e.Title + rest; got != lines[i+1] {
				t.Errorf("%s: title+cause/action %q, seed says %q", m[1], got, lines[i+1])
			}
		case "Detailed Error Reference":
			desc, fixes := detailedSection(lines[i+1:])
			if fold(e.Description) != desc {
				t.Errorf("%s: description %q, seed says %q", m[1], fold(e.Description), desc)
			}
			var got []string
			for _, f := range e.Fixes {
				got = append(got, fold(f))
			}
			if len(fixes) == 0 { // 500: the list is empty; the table's Action stands alone
				fixes = got[:min(1, len(got))]
			}
			if !slices.Equal(got, fixes) {
				t.Errorf("%s: fixes\n%q\nseed says\n%q", m[1], got, fixes)
			}
		}
	}
	if statuses != 15 || reasons != 6 {
		t.Errorf("seed has %d status rows and %d reject reasons, want 15 and 6", statuses, reasons)
	}
	if n := len(c.Entries); n != statuses+reasons || documented(c, catalog.Documented) != n {
		t.Errorf("catalog has %d entries, the seed %d rows", n, statuses+reasons)
	}
	for _, code := range []string{"429", "500", "502", "503", "504"} {
		if e := entry(t, c, code); e != nil && e.Retryable != catalog.RetryYes {
			t.Errorf("%s: the seed names it transient; retryable is %v", code, e.Retryable)
		}
	}
}

// detailedSection reads one "NNN Reason" section of the detailed reference:
// its paragraphs up to "How to fix:" and the bullets after it.
func detailedSection(lines []string) (desc string, fixes []string) {
	var para []string
	i := 0
	for ; i < len(lines) && lines[i] != "How to fix:"; i++ {
		if lines[i] != "Examples:" {
			para = append(para, lines[i])
		}
	}
	for i++; i < len(lines); i++ {
		l := lines[i]
		if strings.HasPrefix(l, "  • ") {
			fixes = append(fixes, strings.TrimPrefix(l, "  • "))
		} else if strings.HasPrefix(l, "    ") && len(fixes) > 0 {
			fixes[len(fixes)-1] += " " + strings.TrimSpace(l)
		} else if l != "" {
			break
		}
	}
	for j := range fixes {
		fixes[j] = fold(fixes[j])
	}
	return fold(strings.Join(para, " ")), fixes
}

func TestSeedEmnify(t *testing.T) {
	lines := seed(t, "001_")
	c := builtin(t, "emnify")
	row := regexp.MustCompile(`^([A-Z][A-Za-z ]*?) (\d{3}) (\d{4}) ([A-Za-z]+) ?(.*)$`)
	rangeRow := regexp.MustCompile(`^(\d{4})-(\d{4}) (.+)$`)
	var rows, ranges int
	for _, l := range lines {
		if m := row.FindStringSubmatch(l); m != nil {
			rows++
			e := entry(t, c, m[3])
			if e == nil {
				continue
			}
			status, _ := strconv.Atoi(m[2])
			if e.Category != m[1] || e.Status != status || e.Token != m[4] || e.Message != strings.TrimSpace(m[5]) {
				t.Errorf("%s: got %q %d %q %q, seed says %q %d %q %q", m[3], e.Category, e.Status, e.Token, e.Message, m[1], status, m[4], strings.TrimSpace(m[5]))
			}
		}
		if m := rangeRow.FindStringSubmatch(l); m != nil {
			ranges++
			from, _ := strconv.Atoi(m[1])
			to, _ := strconv.Atoi(m[2])
			if e := entry(t, c, m[1]+"-"+m[2]); e != nil && (e.Kind != catalog.Range || e.From != from || e.To != to || e.Title != m[3] || e.Status != 0) {
				t.Errorf("range %s-%s: got %+v", m[1], m[2], *e)
			}
		}
	}
	// The resource-specific example.
	text := strings.Join(lines, "\n")
	if e := entry(t, c, "2101"); e != nil {
		for _, want := range []string{`"error_token" : "` + e.Token + `"`, `"message" : "` + e.Message + `"`, `"description" : "` + e.Description + `"`, "409 Conflict", first(e.Causes)} {
			if !strings.Contains(text, want) {
				t.Errorf("2101: %q is not in the seed", want)
			}
		}
	}
	if rows != 22 || ranges != 6 {
		t.Errorf("seed has %d generic rows and %d ranges, want 22 and 6", rows, ranges)
	}
	if n := documented(c, catalog.Documented); n != rows+1 {
		t.Errorf("catalog has %d documented coded entries, the seed %d", n, rows+1)
	}
	if n := documented(c, catalog.Range); n != ranges {
		t.Errorf("catalog has %d ranges, the seed %d", n, ranges)
	}
}

// Supplements come from SOURCES.md and TABLES.md; each must say so, and its
// code, token, status, message and description must be found there.
func TestSeedSupplements(t *testing.T) {
	b, err := os.ReadFile("testdata/seeds/TABLES.md")
	if err != nil {
		t.Fatal(err)
	}
	tables := string(b)
	c := builtin(t, "emnify")
	var codes []string
	for _, e := range c.Entries {
		if e.Kind != catalog.Supplement {
			continue
		}
		codes = append(codes, e.Code)
		if e.Source == "" {
			t.Errorf("%s: a supplement must name its source", e.Code)
		}
		for _, want := range []string{e.Code, e.Token, strconv.Itoa(e.Status), e.Title, e.Description} {
			if !strings.Contains(tables, want) {
				t.Errorf("supplement %s: %q is not in TABLES.md", e.Code, want)
			}
		}
		if e.Message != "" && !strings.Contains(tables, "| "+e.Message+" |") {
			t.Errorf("supplement %s: message %q is not a TABLES.md cell", e.Code, e.Message)
		}
	}
	if !slices.Equal(codes, []string{"1902", "1903", "1000"}) {
		t.Errorf("supplements %v, SOURCES.md names 1902, 1903 and 1000", codes)
	}
	for _, code := range []string{"1901", "1904"} {
		if e := entry(t, c, code); e != nil && !strings.Contains(tables, e.Description) {
			t.Errorf("%s: description is not in TABLES.md", code)
		}
	}
}

func TestSeedDevdocs(t *testing.T) {
	lines := seed(t, "002_")
	c := builtin(t, "devdocs")
	codeLine := regexp.MustCompile(`^[A-Z]+-(\d{3})$`)
	n := 0
	for i := 0; i < len(lines); i++ {
		m := codeLine.FindStringSubmatch(lines[i])
		if m == nil {
			continue
		}
		n++
		// code, "", title, "", description, "", "Possible Causes:", "",
		// bullets, "Resolution:", "", resolution
		e := entry(t, c, lines[i])
		var causes []string
		j := i + 8
		for ; strings.HasPrefix(lines[j], "  • "); j++ {
			causes = append(causes, strings.TrimPrefix(lines[j], "  • "))
		}
		for ; lines[j] != "Resolution:"; j++ {
		}
		if e == nil {
			continue
		}
		status, _ := strconv.Atoi(m[1])
		if e.Title != lines[i+2] || e.Description != lines[i+4] || e.Status != status ||
			!slices.Equal(e.Causes, causes) || !slices.Equal(e.Fixes, []string{lines[j+2]}) {
			t.Errorf("%s differs from the seed:\n got %q %q %d %q %q\nwant %q %q %d %q %q", lines[i],
				e.Title, e.Description, e.Status, e.Causes, e.Fixes, lines[i+2], lines[i+4], status, causes, lines[j+2])
		}
	}
	if n != 7 || len(c.Entries) != n {
		t.Errorf("seed has %d codes, catalog %d; want 7", n, len(c.Entries))
	}
}

func TestSeedWontopos(t *testing.T) {
	lines := seed(t, "003_")
	c := builtin(t, "wontopos")
	row := regexp.MustCompile(`^([a-z_]+) \| (\d{3}) \| (.+?) \| (.+?) \|$`)
	category, n := "", 0
	for i, l := range lines {
		if strings.HasPrefix(l, "| Code |") {
			category = lines[i-1]
		}
		m := row.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		n++
		e := entry(t, c, m[1])
		if e == nil {
			continue
		}
		status, _ := strconv.Atoi(m[2])
		if e.Category != category || e.Status != status || e.Description != m[3] || !slices.Equal(e.Fixes, []string{m[4]}) {
			t.Errorf("%s: got %q %d %q %q, seed says %q %d %q %q", m[1], e.Category, e.Status, e.Description, e.Fixes, category, status, m[3], m[4])
		}
		retry := status == 429 || status >= 500
		if (e.Retryable == catalog.RetryYes) != retry {
			t.Errorf("%s: retryable %v; the guide retries only 429, 500, 502, 503, 504", m[1], e.Retryable)
		}
	}
	if n != 16 || len(c.Entries) != n {
		t.Errorf("seed has %d codes, catalog %d; want 16", n, len(c.Entries))
	}
}
