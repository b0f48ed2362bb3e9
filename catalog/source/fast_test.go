package source_test

import (
	"bytes"
	"fmt"
	"reflect"
	"testing"

	"github.com/errcode-dev/errcode/catalog/source"
)

// Entries written in the subset fastEntries reads: each is read, and as
// the YAML library reads it.
var fastForms = map[string]string{
	"every key":               "- code: ACME-1001\n  token: CardExpired\n  status: 402\n  category: Payments\n  title: Card expired\n  message: \"Card {last4} has expired\"\n  description: The card on file is past its expiry date.\n  causes: [The customer's card expired]\n  fixes: [Ask the customer for a new card]\n  retryable: false\n  doc_url: https://docs.acme.example/errors#ACME-1001\n  source: errcode's own\n  reference: RFC 9110\n  kind: documented\n",
	"the starter's comments":  "  - code: ACME-1001  # a string; a number works too\n    token: CardExpired            # optional: a symbolic name\n    status: 402                   # optional\n    message: \"Card {last4} has expired\"   # the template\n    retryable: true              # optional\n",
	"a number for a code":     "- code: 1405\n- code: 0\n- code: 123456789012345678\n",
	"quoted codes":            "- code: \"1405\"\n- code: '0A000086'\n- code: \"\"\n",
	"single quotes doubled":   "- title: 'It''s gone'\n  message: ''''\n  description: 'a '' b '' c'\n  causes: ['x''y', '']\n",
	"lists as lines":          "- code: A\n  causes:\n    - one\n    - \"two\"\n    - 'three'\n  fixes:\n  - same indentation as the key\n  - and a comment # here\n",
	"empty lists":             "- code: A\n  causes: []\n  fixes: [ ]\n",
	"blank and comment lines": "# before\n- code: A\n\n  # between\n  title: T\n   # odd indentation\n- code: B\n",
	"texts YAML keeps":        "- title: a:b c#d e, f [g] {h} 'i' \"j\" & k * l ! m | n > o % p @ q\n  message: Tom & Jerry   \n  description: é ü 日本 🙂\n  category: yes\n  token: No\n  kind: range\n",
	"wide item indentation":   "-    code: A\n     title: T\n-  code: B\n",
	"CRLF line ends":          "- code: A\r\n  title: T \r\n  message: \"M\"\r\n  causes:\r\n    - one\r\n  fixes: [a, 'b']\r\n\r\n# c\r\n- code: 7\r\n",
	"flow lists of all kinds": "- causes: [a b , c,d]\n  fixes: [\"a, b\", 'c]', \"\"]   # comment\n",
}

// Entries fastEntries leaves to the YAML library, one reason each.
var slowForms = map[string]string{
	"a text over two lines":        "- code: A\n  title: first\n    second\n",
	"a block text":                 "- code: A\n  description: |\n    text\n",
	"a folded text":                "- code: A\n  description: >\n    text\n",
	"an escape":                    "- code: A\n  title: \"a\\tb\"\n",
	"a quoted text over lines":     "- code: A\n  title: \"a\n    b\"\n",
	"an anchor":                    "- code: &a A\n",
	"an alias":                     "- code: A\n  title: *a\n",
	"a tag":                        "- code: !!str A\n",
	"a range":                      "- code: R\n  kind: range\n  range: {from: 1, to: 2}\n",
	"null":                         "- code: A\n  title: null\n",
	"a tilde":                      "- code: A\n  title: ~\n",
	"true as a text":               "- code: A\n  title: True\n",
	"a leading zero":               "- code: 0123\n",
	"a float":                      "- code: 1.5\n",
	"a hex number":                 "- code: 0x1F\n",
	"a negative number":            "- code: -1\n",
	"a code of 19 digits":          "- code: 1234567890123456789\n",
	"a text starting with digits":  "- code: A\n  title: 404 not found\n",
	"a quoted status":              "- code: A\n  status: \"404\"\n",
	"a status of four digits":      "- code: A\n  status: 4040\n",
	"yes for retryable":            "- code: A\n  retryable: yes\n",
	"an unknown key":               "- code: A\n  colour: red\n",
	"a key given twice":            "- code: A\n  title: a\n  title: b\n",
	"a value with no key":          "- code: A\n  : b\n",
	"a mapping in a value":         "- code: A\n  title: a: b\n",
	"an empty value":               "- code: A\n  title:\n",
	"a list with no items":         "- code: A\n  causes:\n- code: B\n",
	"a plain list":                 "- code: A\n  causes: one\n",
	"a list over lines":            "- code: A\n  causes: [a,\n    b]\n",
	"a trailing comma":             "- code: A\n  causes: [a, ]\n",
	"a nested list":                "- code: A\n  causes: [[a]]\n",
	"a mapping in a list":          "- code: A\n  causes: [a: b]\n",
	"a tab":                        "- code: A\n  title:\tT\n",
	"a carriage return":            "- code: A\rB\n",
	"a control character":          "- code: A\n  title: a\x01b\n",
	"a next line character":        "- code: A\n  title: a\u0085b\n",
	"a line separator":             "- code: A\n  title: a\u2028b\n",
	"a byte order mark":            "- code: A\n  title: \ufeffa\n",
	"bad UTF-8":                    "- code: A\n  title: a\xffb\n",
	"an empty item":                "-\n  code: A\n",
	"a key out of line":            "- code: A\n   title: T\n",
	"not an item first":            "code: A\n",
	"a flow mapping":               "- {code: A}\n",
	"a quoted key":                 "- \"code\": A\n",
	"a comment with no space":      "- code: \"A\"# c\n",
	"a list item that is a list":   "- code: A\n  causes:\n    - - a\n",
	"a list item on the next line": "- code: A\n  causes:\n    - # a comment\n      a\n",
}

func TestFastReadsAsTheLibrary(t *testing.T) {
	for name, piece := range fastForms {
		taken, differs := source.ReadFast(piece)
		if !taken {
			t.Errorf("%s: not read by fastEntries", name)
		} else if differs != "" {
			t.Errorf("%s: %s", name, differs)
		}
	}
}

func TestFastGivesUp(t *testing.T) {
	for name, piece := range slowForms {
		if taken, _ := source.ReadFast(piece); taken {
			t.Errorf("%s: read by fastEntries; it is the YAML library's to read", name)
		}
	}
}

// The forms a large catalog is written in are read fast, each whole: the
// starter's (errcode catalogs init), the benchmarks', and both kinds of
// list. A change that sends them to the YAML library is a tenfold slower
// first run, not a wrong answer, so this is the only test that sees it.
func TestFastReadsLargeCatalogs(t *testing.T) {
	for name, entry := range map[string]func(i int) string{
		"the starter's": func(i int) string {
			return fmt.Sprintf("code: ACME-%d  # a string; a number works too\n    token: CardExpired%d            # optional: a symbolic name\n    status: 402                   # optional: the HTTP status, 100-599\n    category: Payments            # optional\n    title: Card expired\n    message: \"Card {last4} has expired\"   # the message template, as the API sends it\n    description: The card on file is past its expiry date.\n    causes: [The customer's card expired]\n    fixes: [Ask the customer for a new card]\n    retryable: false              # optional: true, false, or leave it out (unknown)\n", i, i)
		},
		"the starter's, saved on Windows": func(i int) string {
			return fmt.Sprintf("code: ACME-%d  # a string\n    title: Card expired\n    message: \"Card {last4} has expired\"\n    causes: [The customer's card expired]\n    fixes:\n      - Ask the customer for a new card\n", i)
		},
		"the benchmarks'": func(i int) string {
			return fmt.Sprintf("code: BIG-%05d\n    token: Token%d\n    status: 409\n    category: Things\n    title: Something number %d went wrong\n    message: \"Thing {id} number %d failed\"\n    description: A longer description of what happened and why it matters to the caller.\n    causes: [The first cause, The second cause]\n    fixes: [Do the first thing, Then the second]\n    retryable: false\n", i, i, i, i)
		},
		"numbers and lines": func(i int) string {
			return fmt.Sprintf("code: %d\n    title: 'Number %d'\n    causes:\n      - one\n      - two\n", 10000+i, i)
		},
	} {
		data := entries(header, 1200, entry)
		if name == "the starter's, saved on Windows" {
			data = bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))
		}
		if !source.AllFast(data) {
			t.Errorf("%s: not every piece is read by fastEntries", name)
		}
		c, problems := source.Parse("big.yaml", data)
		lc, lproblems := source.ParseLibrary("big.yaml", data)
		if problems != nil || lproblems != nil {
			t.Fatalf("%s: %v %v", name, problems, lproblems)
		}
		if !reflect.DeepEqual(c, lc) {
			t.Errorf("%s: fastEntries gives another catalog than the YAML library", name)
		}
		if len(c.Entries) != 1200 {
			t.Errorf("%s: %d entries, want 1200", name, len(c.Entries))
		}
	}
}

// What fastEntries reads, it reads as the YAML library does: the same
// entries, and never one the library refuses.
func FuzzFastEntries(f *testing.F) {
	for _, s := range fastForms {
		f.Add(s)
	}
	for _, s := range slowForms {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, piece string) {
		if _, differs := source.ReadFast(piece); differs != "" {
			t.Errorf("%q:\n%s", piece, differs)
		}
	})
}
