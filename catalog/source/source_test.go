package source_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/catalog/source"
)

func TestParse(t *testing.T) {
	c, problems := source.Parse("acme.yaml", []byte(`id: acme
name: ACME
entries:
  - code: ACME-1
    status: 402
    retryable: false
  - code: 100-199
    kind: range
    range: {from: 100, to: 199}
  - code: 1001
`))
	if problems != nil {
		t.Fatal(problems)
	}
	if c.Entries[2].Code != "1001" {
		t.Errorf("a numeric code: %q", c.Entries[2].Code)
	}
	if c.ID != "acme" || len(c.Entries) != 3 || c.Entries[0].Retryable != catalog.RetryNo || c.Entries[1].Kind != catalog.Range || c.Entries[1].To != 199 {
		t.Errorf("parsed %+v", c)
	}
}

// Every kind of mistake is a problem that says where (file:line:column)
// and what, with the line and a caret.
func TestParseProblems(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"id: acme\nentries:\n  - code: A\n    colour: red\n", `acme.yaml:4:5: entries[0].colour: unknown key: an entry's keys are code, token, status`},
		{"id: acme\nentries:\n  - code: A\n    status: lots\n", "acme.yaml:4:13: entries[0].status: lots is not a number: write the HTTP status as a number, such as 404"},
		{"id: acme\nentries:\n  - code: A\n    status: 700\n", "acme.yaml:4:13: entries[0].status: 700 is not an HTTP status (100-599)"},
		{"id: ACME\nentries: []\n", `acme.yaml:1:5: id: "ACME" must be lower-case`},
		{"id: acme\nentries:\n  - code: A-1\n  - code: a1\n", `acme.yaml:4:11: entries[1].code: "a1" repeats the code of entries[0] ("A-1")`},
		{"id: acme\nentries:\n  - status: 400\n", "acme.yaml:3:5: entries[0]: no code: every entry needs one"},
		{"id: acme\nentries:\n  - code: A\n    kind: rumour\n", `acme.yaml:4:11: entries[0].kind: "rumour" is not one of`},
		{"id: acme\nentries:\n  - code: A\n    kind: range\n    range: {from: 9, to: 1}\n", "acme.yaml:5:12: entries[0].range: from 9 is after to 1"},
		{"id: acme\nhosts: [https://x.example/]\nentries: []\n", `acme.yaml:2:9: hosts[0]: "https://x.example/" is an address, not a host: write x.example`},
		{"id: acme\nbody: {code: error..code}\nentries: []\n", `acme.yaml:2:14: body.code "error..code" is not a dot path`},
		{"id: acme\nentries:\n  - code: [1, 2]\n", "acme.yaml:3:11: entries[0].code: a list where a code is expected"},
		{"id: acme\nentries:\n  - code: A\n  code: B\n", "acme.yaml:4:"},
	} {
		_, problems := source.Parse("acme.yaml", []byte(tc.yaml))
		if len(problems) == 0 || !strings.HasPrefix(problems[0].Short(), tc.want) {
			t.Errorf("Parse(%q):\n got %v\nwant a problem starting %q", tc.yaml, problems, tc.want)
			continue
		}
		if full := problems[0].Error(); !strings.Contains(full, "^") {
			t.Errorf("no caret under the problem:\n%s", full)
		}
	}
}

// Every problem of a file is reported, not just the first.
func TestParseReportsAllProblems(t *testing.T) {
	_, problems := source.Parse("acme.yaml", []byte("id: acme\nentries:\n  - code: A\n    status: 700\n  - code: B\n    status: 99\n  - code: a\n"))
	if len(problems) != 3 {
		t.Errorf("want 3 problems, got %d: %v", len(problems), problems)
	}
}

// FuzzParse: user catalogs are outside input. Any bytes give a catalog or
// problems, never a panic; every problem names the file.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"id: acme\nentries:\n  - {code: A-1, status: 402}\n",
		"id: acme\nbody: {code: errors[].code}\nentries: []\n",
		"id: x\nentries:\n  - code: 1\n    kind: range\n    range: {from: 1, to: 2}\n",
		"id: [\n", "entries: {", "- - -", "id: a\nentries:\n  - code: &a x\n  - code: *a\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, problems := source.Parse("f.yaml", data)
		if (c == nil) == (problems == nil) {
			t.Fatalf("catalog %v and problems %v", c, problems)
		}
		for _, p := range problems {
			if p.File != "f.yaml" || p.Error() == "" {
				t.Fatalf("problem %+v", p)
			}
		}
	})
}

// YAML that describes far more than it holds is refused before it is
// decoded, with the problem placed where it is known.
func TestParseBounds(t *testing.T) {
	var bomb strings.Builder
	bomb.WriteString("a0: &a0 [x]\n")
	for i := 1; i < 10; i++ {
		fmt.Fprintf(&bomb, "a%d: &a%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d,", i-1), 10), ","))
	}
	bomb.WriteString("id: x\nentries: []\n")
	for name, tc := range map[string]struct{ data, want string }{
		"alias bomb":    {bomb.String(), "its aliases expand to more than"},
		"deep flow":     {"id: x\nentries: " + strings.Repeat("[", 100000) + "\n", "brackets nested more than 64 deep"},
		"deep block":    {"id: x\nentries:\n" + strings.Repeat(" ", 2000) + "- a\n", "indented past column 1024"},
		"a tag":         {"id: x\nentries:\n  - code: !custom a\n", "the YAML tag !custom is not supported"},
		"two docs":      {"id: x\nentries: []\n---\nid: y\n", "holds 2 YAML documents"},
		"a few aliases": {"id: x\nfixes: &f [one, two]\nentries:\n  - code: a\n", "fixes belongs to an entry"},
	} {
		_, problems := source.Parse(name+".yaml", []byte(tc.data))
		if len(problems) != 1 || !strings.Contains(problems[0].Msg, tc.want) {
			t.Errorf("%s: %v, want one problem saying %q", name, problems, tc.want)
		}
	}
	// A catalog may use aliases for what it repeats.
	ok := "id: x\nentries:\n  - code: a\n    fixes: &f [Retry, Wait]\n  - code: b\n    fixes: *f\n"
	if c, problems := source.Parse("ok.yaml", []byte(ok)); problems != nil || len(c.Entries[1].Fixes) != 2 {
		t.Errorf("aliases of a list: %v %v", c, problems)
	}
}

// A file with thousands of problems reports the first hundred, placed, and
// counts the rest: each is placed by a walk of the tree parsed once.
func TestManyProblems(t *testing.T) {
	var b strings.Builder
	b.WriteString("id: many\nentries:\n")
	for i := range 1000 {
		fmt.Fprintf(&b, "  - code: C%d\n    status: 700\n", i)
	}
	_, problems := source.Parse("many.yaml", []byte(b.String()))
	if len(problems) != 101 || source.Count(problems) != 1000 {
		t.Fatalf("%d problems listed, %d counted; want 101 and 1000", len(problems), source.Count(problems))
	}
	if p := problems[99]; p.Line != 202 || p.Col != 13 || p.Text != "    status: 700" {
		t.Errorf("the 100th problem is not placed: %+v", p)
	}
	if last := problems[100]; last.Msg != "and 900 more problems" {
		t.Errorf("last: %+v", last)
	}
}

// A UTF-8 byte-order mark at the start (Windows' Notepad may save one) is
// not text: the catalog is the one without it, and a problem on its first
// line is placed where an editor shows it.
func TestByteOrderMark(t *testing.T) {
	plain := "id: bom\nentries:\n  - code: B-1\n    title: Bom\n"
	c, problems := source.Parse("bom.yaml", []byte("\ufeff"+plain))
	want, _ := source.Parse("bom.yaml", []byte(plain))
	if problems != nil || !reflect.DeepEqual(c, want) {
		t.Errorf("with a BOM: %v, problems %v", c, problems)
	}
	_, problems = source.Parse("bom.yaml", []byte("\ufeffid: Bad\n"))
	if len(problems) != 1 || problems[0].Line != 1 || problems[0].Col != 5 {
		t.Errorf("a problem on the first line, after a BOM: %+v, want line 1, column 5", problems)
	}
}
