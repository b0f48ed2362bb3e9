package source_test

import (
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/catalog/source"
)

func TestParse(t *testing.T) {
	c, err := source.Parse("acme.yaml", []byte(`id: acme
name: ACME
entries:
  - code: ACME-1
    status: 402
    retryable: false
  - code: 100-199
    kind: range
    range: {from: 100, to: 199}
`))
	if err != nil {
		t.Fatal(err)
	}
	if c.ID != "acme" || len(c.Entries) != 2 || c.Entries[0].Retryable != catalog.RetryNo || c.Entries[1].Kind != catalog.Range || c.Entries[1].To != 199 {
		t.Errorf("parsed %+v", c)
	}
}

// Every kind of mistake is an error that says where and what.
func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"id: acme\nentries:\n  - code: A\n    colour: red\n", `[4:5] unknown field "colour"`},
		{"id: acme\nentries:\n  - code: A\n    status: lots\n", "[4:13]"},
		{"id: acme\nentries:\n  - code: A\n    status: 700\n", "status 700 is outside 100-599"},
		{"id: ACME\nentries: []\n", `id "ACME" must be lower-case`},
		{"id: acme\nentries:\n  - code: A-1\n  - code: a1\n", `code "a1" duplicates "A-1"`},
		{"id: acme\nentries:\n  - status: 400\n", "code is missing"},
		{"id: acme\nentries:\n  - code: A\n    kind: range\n", "kind: range and a range: {from, to} go together"},
		{"id: acme\nentries:\n  - code: A\n    kind: rumour\n", `kind "rumour" is not one of`},
		{"id: acme\nentries:\n  - code: A\n    kind: supplement\n", "a supplement entry must say its source"},
		{"id: acme\nentries:\n  - code: A\n    kind: range\n    range: {from: 9, to: 1}\n", "range from 9 is after to 1"},
	} {
		_, err := source.Parse("acme.yaml", []byte(tc.yaml))
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "acme.yaml: ") {
			t.Errorf("Parse(%q):\n got %v\nwant an error containing %q", tc.yaml, err, tc.want)
		}
	}
}
