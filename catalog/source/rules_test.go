package source_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog/source"
)

func TestValidID(t *testing.T) {
	for id, want := range map[string]bool{
		"acme": true, "a": true, "z9": true, "a-b_c": true, "az09": true,
		"": false, "Acme": false, "9a": false, "-a": false, "_a": false, "`a": false, "{a": false,
		"aZ": false, "a@": false, "a[": false, "a/": false, "a:": false, "a b": false, "a.b": false, "aé": false,
	} {
		if got := source.ValidID(id); got != want {
			t.Errorf("ValidID(%q) = %v, want %v", id, got, want)
		}
	}
}

func TestValidPath(t *testing.T) {
	for p, want := range map[string]bool{
		"error.code": true, "errors[].code": true, "a": true, "AZaz09_@$-": true, "x.y.z[]": true,
		"": false, "a..b": false, ".a": false, "a.": false, "[]": false, "a b": false, "a/b": false,
		"a`": false, "a{": false, "a:": false, "a[": false, "é": false, "a[0]": false,
		"a|b.c": true, ".": true, "a||b": false, "a|": false,
	} {
		if got := source.ValidPath(p); got != want {
			t.Errorf("validPath(%q) = %v, want %v", p, got, want)
		}
	}
	for w, want := range map[string]bool{
		"type=error": true, "!error.doc_url": true, "error.param": true, "a=": true, "a=b|c": true, "a~=rate limit": true,
		"errors[].code": false, "!": false, "=x": false, "a..b=1": false, "!a=b": false,
	} {
		if got := source.ValidWhen(w); got != want {
			t.Errorf("validWhen(%q) = %v, want %v", w, got, want)
		}
	}
}

// What a catalog file may say, at the edges of each rule.
func TestParseEdges(t *testing.T) {
	for _, tc := range []struct {
		name, yaml string
		problem    string // "" for accepted
	}{
		{"status 100", "  - code: a\n    status: 100\n", ""},
		{"status 599", "  - code: a\n    status: 599\n", ""},
		{"status 99", "  - code: a\n    status: 99\n", "status: 99 is not an HTTP status (100-599)"},
		{"status 600", "  - code: a\n    status: 600\n", "status: 600 is not an HTTP status (100-599)"},
		{"a range of one", "  - code: r\n    kind: range\n    range: {from: 7, to: 7}\n", ""},
		{"a range backwards", "  - code: r\n    kind: range\n    range: {from: 8, to: 7}\n", "range: from 8 is after to 7"},
		{"a supplement with its source", "  - code: a\n    kind: supplement\n    source: x\n", ""},
		{"a supplement without", "  - code: a\n    kind: supplement\n", "a supplement entry must say its source"},
		{"unofficial without", "  - code: a\n    kind: unofficial\n", "an unofficial entry must say its source"},
		{"retryable true", "  - code: a\n    retryable: true\n", ""},
	} {
		_, problems := source.Parse(tc.name+".yaml", []byte("id: x\nentries:\n"+tc.yaml))
		switch {
		case tc.problem == "" && problems != nil:
			t.Errorf("%s: %v, want accepted", tc.name, problems)
		case tc.problem != "" && (len(problems) != 1 || !strings.Contains(problems[0].Msg, tc.problem)):
			t.Errorf("%s: %v, want %q", tc.name, problems, tc.problem)
		}
	}
	for _, tc := range []struct{ body, problem string }{
		{"body: {token: error.type}", ""},
		{"body: {code: error.code, message: error.message, request_id: meta.id}", ""},
		{"body: {field: error.field}", "a body shape needs a code, token or message path"},
		{"body: {code: c, known_codes: true}", "known_codes narrows"},
		{"bodies: [{code: c, nested: {code: x}}]", "nested needs each"},
		{"body: {code: error..code}", `body.code "error..code" is not a dot path`},
		{"body: {code: c, when: [\"!\"]}", `body.when "!" is not a condition`},
	} {
		_, problems := source.Parse("b.yaml", []byte("id: x\n"+tc.body+"\nentries:\n  - code: a\n"))
		switch {
		case tc.problem == "" && problems != nil:
			t.Errorf("%s: %v, want accepted", tc.body, problems)
		case tc.problem != "" && (len(problems) != 1 || !strings.Contains(problems[0].Msg, tc.problem)):
			t.Errorf("%s: %v, want %q", tc.body, problems, tc.problem)
		}
	}
}

// readAtMost: up to the limit, and not a byte more.
func TestReadAtMost(t *testing.T) {
	if b, err := source.ReadAtMost(strings.NewReader("abcd"), 4); err != nil || string(b) != "abcd" {
		t.Errorf("4 bytes, limit 4: %q, %v", b, err)
	}
	if _, err := source.ReadAtMost(strings.NewReader("abcde"), 4); err == nil || !strings.Contains(err.Error(), "grew past") {
		t.Errorf("5 bytes, limit 4: %v", err)
	}
	// The opened file is checked again: a directory is refused there too.
	if _, err := source.ReadFile(t.TempDir()); err == nil || err.Error() != "is a directory" {
		t.Errorf("readFile of a directory: %v", err)
	}
}

// Problems are placed, with their line and a caret under the column,
// past empty lines.
func TestProblemPlacing(t *testing.T) {
	_, problems := source.Parse("p.yaml", []byte("id: x\n\nentries:\n\n  - code: a\n    status: 700\n"))
	if len(problems) != 1 {
		t.Fatalf("%v", problems)
	}
	p := problems[0]
	want := "p.yaml:6:13: entries[0].status: 700 is not an HTTP status (100-599)\n   6 |     status: 700\n     |             ^"
	if p.Error() != want {
		t.Errorf("problem:\n%s\nwant:\n%s", p.Error(), want)
	}
	// The byte scan's problems are placed too, but for the node bound,
	// which is about the whole file.
	_, problems = source.Parse("deep.yaml", []byte("id: x\nentries: "+strings.Repeat("[", 70)))
	if len(problems) != 1 || problems[0].Line != 2 || problems[0].Col != 9+65 {
		t.Errorf("deep brackets: %+v", problems)
	}
	_, problems = source.Parse("many.yaml", []byte("x: ["+strings.Repeat("a,", source.MaxNodes)+"]"))
	if len(problems) != 1 || problems[0].Line != 0 || problems[0].Text != "" {
		t.Errorf("too many nodes: %+v", problems)
	}
	_, problems = source.Parse("t.yaml", []byte("id: x\nentries:\n  - code: !custom a\n"))
	if len(problems) != 1 || problems[0].Line != 3 || problems[0].Col != 11 {
		t.Errorf("a tag's problem is not placed: %+v", problems)
	}
	for n, want := range map[int]string{1: "a", 2: "", 3: "b", 4: ""} {
		got, ok := source.LineOf([]byte("a\n\nb\n"), n)
		if got != want || !ok {
			t.Errorf("lineOf(%d) = %q, %v; want %q", n, got, ok, want)
		}
	}
	if _, ok := source.LineOf([]byte("a\nb"), 3); ok {
		t.Error("lineOf past the end")
	}
	if _, ok := source.LineOf([]byte("a"), 0); ok {
		t.Error("lineOf(0)")
	}
	// An empty file is one problem that says so, not a parser failure
	// nor an id "".
	if _, problems := source.Parse("e.yaml", nil); len(problems) != 1 || !strings.HasPrefix(problems[0].Msg, "the file is empty: ") {
		t.Errorf("an empty file: %v", problems)
	}
}

// Two codes that fold to one: the problem names both, and says so when
// YAML turned one of them into a number.
func TestDuplicateCodes(t *testing.T) {
	_, problems := source.Parse("d.yaml", []byte("id: x\nentries:\n  - code: 0x10\n  - code: \"16\"\n"))
	if len(problems) != 1 || problems[0].Msg != `entries[1].code: "16" repeats the code of entries[0] ("16"); YAML reads 0x10 as the number 16: quote codes to keep them as written` || problems[0].Line != 4 {
		t.Errorf("0x10 and 16: %+v", problems)
	}
	_, problems = source.Parse("d.yaml", []byte("id: x\nentries:\n  - code: \"16\"\n  - code: 0x10\n"))
	if len(problems) != 1 || !strings.HasSuffix(problems[0].Msg, "YAML reads 0x10 as the number 16: quote codes to keep them as written") {
		t.Errorf("16 and 0x10: %+v", problems)
	}
	_, problems = source.Parse("d.yaml", []byte("id: x\nentries:\n  - code: A-1\n  - code: a_1\n"))
	if len(problems) != 1 || problems[0].Msg != `entries[1].code: "a_1" repeats the code of entries[0] ("A-1"); codes are compared ignoring case, '-' and '_'` {
		t.Errorf("A-1 and a_1: %+v", problems)
	}
}

// A catalog may be MaxFile bytes, not one more (sparse files: nothing is
// written).
func TestMaxFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big.yaml")
	for size, ok := range map[int64]bool{source.MaxFile: true, source.MaxFile + 1: false} {
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Truncate(p, size); err != nil {
			t.Fatal(err)
		}
		fi, _ := os.Stat(p)
		if err := source.CheckFile(fi); (err == nil) != ok {
			t.Errorf("a file of %d bytes: %v", size, err)
		}
	}
}
