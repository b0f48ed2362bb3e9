package source_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog/source"
)

// goWords are what a message must never say: the YAML library's and Go's
// vocabulary.
var goWords = []string{"unmarshal", "Go struct", "fileCatalog", "fileEntry", "fileBody", "interface {}", "[]string", "uint64", "of type", "sequence", "mapping", "context"}

func assertPlain(t *testing.T, what, msg string) {
	t.Helper()
	for _, w := range goWords {
		if strings.Contains(msg, w) {
			t.Errorf("%s: %q speaks of %q", what, msg, w)
		}
	}
}

// The parser's messages, each in plain words with what to do.
func TestPlainSyntax(t *testing.T) {
	for parser, want := range map[string]string{
		"found character '\t' that cannot start any token":   "a character no YAML value starts with: quote the value",
		"mapping value is not allowed in this context":       `": " inside a value, or a line indented deeper than the key above it: quote the value (title: "Error: bad") or fix the indentation`,
		"value is not allowed in this context":               "this line is not lined up with the keys around it: indent it with as many spaces as the others of its level",
		"could not find end character of double-quoted text": `a " opens text here that no " closes: close it, or write \" for a quote inside it`,
		"could not find end character of single-quoted text": `a ' opens text here that no ' closes: close it, or write '' for an apostrophe inside it`,
		"sequence end token ']' not found":                   "a [ opens a list here that no ] closes: close it on the same line, or quote the text",
		"could not find flow mapping end token '}'":          "a { opens keys here that no } closes: close it, or quote the text",
		"'@' is a reserved character":                        "a value cannot start with @ or `: quote it",
		`mapping key "id" already defined at [1:1]`:          `the key "id" is given twice (first at line 1): keep one`,
		"did not find expected key":                          "this line is not lined up with the keys around it: indent it with as many spaces as the others of its level",
		"something new":                                      "the YAML cannot be read here (something new): check this line's indentation and quotes",
	} {
		if got := source.PlainSyntax(parser); got != want {
			t.Errorf("PlainSyntax(%q)\n got %q\nwant %q", parser, got, want)
		}
	}
}

// The decoder's messages, for what the checker would not place.
func TestPlainDecode(t *testing.T) {
	for dec, want := range map[string]string{
		`unknown field "colour"`:                                                       `unknown key "colour"`,
		"string was used where sequence is expected":                                   "a list is expected here: write [one, two], or each on its own \"- \" line",
		"int was used where mapping is expected":                                       "keys are expected here (key: value, one a line)",
		"cannot unmarshal string into Go struct field fileCatalog.Entries of type int": "a value of the wrong kind here: compare it with the starter that errcode catalogs init writes",
	} {
		got := source.PlainDecode(dec)
		if got != want {
			t.Errorf("PlainDecode(%q)\n got %q\nwant %q", dec, got, want)
		}
		assertPlain(t, dec, got)
	}
}

// Each value of the wrong kind is said in plain words, at its place, with
// what to write instead.
func TestWrongKinds(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"  - code: a\n    retryable: \"no\"\n", `4:16: entries[0].retryable: "no": use true or false`},
		{"  - code: a\n    retryable: no\n", `4:16: entries[0].retryable: no: use true or false`},
		{"  - code: a\n    retryable: [true]\n", `4:16: entries[0].retryable: a list: use true or false`},
		{"  - code: a\n    status: \"x\"\n", `4:13: entries[0].status: "x" is not a number: write the HTTP status as a number, such as 404`},
		{"  - code: a\n    status: true\n", `4:13: entries[0].status: true is not a number: write the HTTP status as a number, such as 404`},
		{"  - code: a\n    title: [a, b]\n", `4:12: entries[0].title: a list where text is expected: write the text on the key's line (in quotes if it holds ": ")`},
		{"  - code: a\n    title:\n      x: y\n", `5:7: entries[0].title: a set of keys where text is expected`},
		{"  - code: a\n    causes: one cause\n", `4:13: entries[0].causes: one cause where a list is expected: write [one, two], or each on its own "- " line`},
		{"  - code: a\n    causes: [a, [b]]\n", `4:17: entries[0].causes[1]: a list where text is expected`},
		{"  - code: a\n    kind: range\n    range: 5\n", `5:12: entries[0].range: 5 where a range's keys (from, to, ...) are expected`},
		{"  - code: a\n    kind: range\n    range: {from: x, to: 2}\n", `5:19: entries[0].range.from: x is not a number: write a whole number`},
		{"  - just text\n", `3:5: entries[0]: just text where an entry's keys (code, token, status, ...) are expected`},
		{"  - code: true\n", `3:11: entries[0].code: YAML reads true as true or false: quote the code ("true")`},
		{"  - code: a\n    retriable: true\n", `4:5: entries[0].retriable: unknown key: did you mean retryable?`},
	} {
		_, problems := source.Parse("k.yaml", []byte("id: x\nentries:\n"+tc.yaml))
		if len(problems) != 1 || !strings.HasPrefix(problems[0].Short(), "k.yaml:"+tc.want) {
			t.Errorf("%q:\n got %v\nwant one problem starting k.yaml:%s", tc.yaml, problems, tc.want)
		}
		for _, p := range problems {
			assertPlain(t, tc.yaml, p.Msg)
		}
	}
	for _, tc := range []struct{ yaml, want string }{
		{"entries: 5\nid: x\n", `1:10: entries: 5 where a list of entries is expected: write each entry as "- code: ..."`},
		{"- a\n- b\n", `1:1: the file is a list where a catalog's keys are expected: start with id: and entries:`},
		{"id: x\nbody: {code: error.code, cod: x}\n", `2:26: body.cod: unknown key: did you mean code?`},
		{"id: x\nprotocol: maybe\n", `2:11: protocol: maybe: use true or false`},
		{"id: x\nfixes: [a]\n", `2:1: fixes: unknown key of a catalog: fixes belongs to an entry, indented under entries:`},
		{"entries: []\n", `no id: add a line such as id: acme`},
		{"# only a comment\n", `the file holds only comments: a catalog needs at least a line id: NAME`},
		{" \n\n", `the file is empty: a catalog needs at least a line id: NAME (errcode catalogs init NAME writes a commented starter)`},
	} {
		_, problems := source.Parse("k.yaml", []byte(tc.yaml))
		want := "k.yaml:" + tc.want
		if !strings.Contains(tc.want, ":") || strings.HasPrefix(tc.want, "no id") || strings.HasPrefix(tc.want, "the file holds") || strings.HasPrefix(tc.want, "the file is empty") {
			want = "k.yaml: " + tc.want
		}
		if len(problems) != 1 || !strings.HasPrefix(problems[0].Short(), want) {
			t.Errorf("%q:\n got %v\nwant one problem starting %s", tc.yaml, problems, want)
		}
	}
}

// allWrong has one problem of each kind, in the order of its lines.
const allWrong = `id: acme
hosts: [api.acme.test:8443]
entries:
  - code: A-1
    status: 700
  - code: a_1
    title: dup
  - code: A-2
    flavour: sweet
    colour: red
  - code: A-3
    retryable: "no"
  - code: A-4
    kind: rumour
    status: 99
`

// Every problem of a file is reported in one run, in the order of the
// file, whatever the order in which they are found.
func TestAllProblems(t *testing.T) {
	want := []string{
		`a.yaml:2:9: hosts[0]: "api.acme.test:8443" has a port: write api.acme.test, which matches it on any port`,
		`a.yaml:5:13: entries[0].status: 700 is not an HTTP status (100-599)`,
		`a.yaml:6:11: entries[1].code: "a_1" repeats the code of entries[0] ("A-1"); codes are compared ignoring case, '-' and '_'`,
		`a.yaml:9:5: entries[2].flavour: unknown key: an entry's keys are code, token, status, category, title, message, description, causes, fixes, retryable, doc_url, source, reference, kind, range`,
		`a.yaml:12:16: entries[3].retryable: "no": use true or false`,
		`a.yaml:14:11: entries[4].kind: "rumour" is not one of documented, supplement, unofficial, range`,
		`a.yaml:15:13: entries[4].status: 99 is not an HTTP status (100-599)`, // two of one entry
	}
	want = slices.Insert(want, 4, `a.yaml:10:5: entries[2].colour: unknown key: an entry's keys are code, token, status, category, title, message, description, causes, fixes, retryable, doc_url, source, reference, kind, range`)
	for run := 0; run < 30; run++ { // the decoder named a random one of two unknown keys
		_, problems := source.Parse("a.yaml", []byte(allWrong))
		var got []string
		for _, p := range problems {
			got = append(got, p.Short())
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("run %d:\n got %s\nwant %s", run, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// Each tab in an indentation is a problem at its place, not the parser's
// one message about a character that cannot start a token.
func TestTabs(t *testing.T) {
	_, problems := source.Parse("t.yaml", []byte("id: x\nentries:\n  - code: a\n\tstatus: 404\n  - code: b\n \ttitle: x\n"))
	var got []string
	for _, p := range problems {
		got = append(got, p.Short())
	}
	want := "t.yaml:4:1: a tab in the indentation: indent with spaces\nt.yaml:6:2: a tab in the indentation: indent with spaces"
	if strings.Join(got, "\n") != want {
		t.Errorf("tabs:\n got %s\nwant %s", strings.Join(got, "\n"), want)
	}
	if full := fmt.Sprint(problems[0].Error()); !strings.Contains(full, "   4 |  status: 404\n     | ^") {
		t.Errorf("the line shown: %s", full)
	}
}
