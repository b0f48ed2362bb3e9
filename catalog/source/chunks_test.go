package source_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog/source"
)

// entries writes n entries, entry(i) giving the i-th's lines after "  - ".
func entries(header string, n int, entry func(i int) string) []byte {
	var b strings.Builder
	b.WriteString(header)
	for i := range n {
		b.WriteString("  - ")
		b.WriteString(entry(i))
	}
	return []byte(b.String())
}

// samePieces: data is parsed in pieces (chunked says), and the catalog
// or the problems are those of the whole parse.
func samePieces(t *testing.T, data []byte, chunked bool) {
	t.Helper()
	if got := source.Chunked(data); got != chunked {
		t.Fatalf("parsed in pieces: %v, want %v", got, chunked)
	}
	c, problems := source.Parse("big.yaml", data)
	wc, wproblems := source.ParseWhole("big.yaml", data)
	if !reflect.DeepEqual(c, wc) {
		t.Errorf("the pieces give another catalog than the whole parse")
	}
	if !reflect.DeepEqual(problems, wproblems) {
		t.Errorf("problems\n%v\nwant those of the whole parse\n%v", problems, wproblems)
	}
	if wc == nil && wproblems == nil {
		t.Fatal("neither a catalog nor problems")
	}
}

const header = "# A catalog\nid: big\nname: \"Big: API\"\nhosts: [api.big.example]\nbody: {code: error.code}\nentries: # all of them\n"

// Every kind of value a catalog's entries hold, with texts over several
// lines, comments, numbers for codes, aliases inside a piece and ranges.
func TestChunksGiveTheWholeCatalog(t *testing.T) {
	data := entries(header, 1777, func(i int) string {
		switch i % 7 {
		case 0:
			return fmt.Sprintf("code: %d\n    status: 404\n    title: &t%d Number %d\n    message: *t%d\n", 100000+i, i, i, i)
		case 1:
			return fmt.Sprintf("code: E-%d\n    description: |\n      A block text\n      - with a dash line\n    causes:\n      - one\n      - \"two\"\n", i)
		case 2:
			return fmt.Sprintf("code: 'E-%d'\n    title: \"quoted text\n      over two lines\"\n    # a comment\n    fixes: [a,\n      b]\n", i)
		case 3:
			return fmt.Sprintf("kind: range\n    code: R%d\n    range: {from: %d, to: %d}\n", i, i, i+1)
		case 4:
			return fmt.Sprintf("code: E-%d\n    retryable: true\n    description: >\n      folded\n      text\n\n", i)
		default:
			return fmt.Sprintf("code: E-%d\n    token: T%d\n", i, i)
		}
	})
	samePieces(t, data, true)
}

// Cases where the pieces cannot give the catalog, and the whole parse
// does: each must come out as the whole parse says, problems placed.
func TestChunksFallBackToTheWhole(t *testing.T) {
	plain := func(i int) string { return fmt.Sprintf("code: E-%d\n", i) }
	for name, data := range map[string][]byte{
		"an alias of an anchor in another piece": entries(header, 1200, func(i int) string {
			if i == 0 {
				return "code: E-0\n    fixes: &fixes [restart]\n"
			}
			return fmt.Sprintf("code: E-%d\n    fixes: *fixes\n", i)
		}),
		"a problem in a later piece": entries(header, 1200, func(i int) string {
			if i == 1100 {
				return "code: E-1100\n    status: 700\n"
			}
			return plain(i)
		}),
		"a code repeated in two pieces": entries(header, 1200, func(i int) string { return plain(i % 1000) }),
		"a quoted text over lines that look like items": entries(header, 1200, func(i int) string {
			if i == 499 {
				return "code: E-499\n    description: \"starts here\n  - code: X-1\n  - code: X-2\"\n"
			}
			return plain(i)
		}),
		"an unknown key in a later piece": entries(header, 1200, func(i int) string {
			if i == 900 {
				return "code: E-900\n    colour: red\n"
			}
			return plain(i)
		}),
		"no id": entries("entries:\n", 1200, plain),
	} {
		t.Run(name, func(t *testing.T) { samePieces(t, data, true) })
	}
}

// Files the pieces are not tried on: parsed whole, as before.
func TestChunksNotTried(t *testing.T) {
	plain := func(i int) string { return fmt.Sprintf("code: E-%d\n", i) }
	for name, data := range map[string][]byte{
		"a few entries":           entries(header, 500, plain),
		"a key after the entries": append(entries(header, 1200, plain), "lines: []\n"...),
		"a second document":       append(entries(header, 1200, plain), "---\nid: other\n"...),
		"a tab in an indentation": entries(header, 1200, func(i int) string {
			if i == 800 {
				return "code: E-800\n\ttitle: x\n"
			}
			return plain(i)
		}),
		"entries indented oddly": []byte("id: big\nentries:\n    code: x\n"),
	} {
		t.Run(name, func(t *testing.T) { samePieces(t, data, false) })
	}
}

// The bytes aliases add are counted over all the pieces: each piece is
// within the limit, the file is not.
func TestChunksCountAliasesOverAllPieces(t *testing.T) {
	long := strings.Repeat("x", 60<<10)
	data := entries(header, 1500, func(i int) string {
		if i%500 == 0 {
			return fmt.Sprintf("code: E-%d\n    description: &d%d %s\n", i, i, long)
		}
		if i%500 <= 60 {
			return fmt.Sprintf("code: E-%d\n    description: *d%d\n", i, i-i%500)
		}
		return fmt.Sprintf("code: E-%d\n", i)
	})
	c, problems := source.Parse("big.yaml", data)
	if c != nil || len(problems) != 1 || !strings.Contains(problems[0].Msg, "aliases expand to more than") {
		t.Fatalf("got a catalog: %v, problems %v; want the aliases refused", c != nil, problems)
	}
	samePieces(t, data, true)
}

// Whatever an entry at the cut between two pieces says, the pieces give
// what the whole parse gives: the catalog, or the same placed problems.
func FuzzChunks(f *testing.F) {
	for _, s := range []string{
		"code: X\n",
		"code: X\n    description: \"a\n  - code: Y\"\n",
		"code: X\n    fixes: [a,\n  - b]\n",
		"code: &a X\n    title: *a\n",
		"code: X\n    description: |\n  - code: Y\n",
		"code: X\n---\nid: y\n",
		"code: X\nlines: []\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		data := entries(header, 1001, func(i int) string {
			if i == 499 || i == 500 {
				return s
			}
			return fmt.Sprintf("code: E-%d\n", i)
		})
		c, problems := source.Parse("big.yaml", data)
		wc, wproblems := source.ParseWhole("big.yaml", data)
		if !reflect.DeepEqual(c, wc) || !reflect.DeepEqual(problems, wproblems) {
			t.Errorf("the pieces give another result than the whole parse: %v\n%v", problems, wproblems)
		}
	})
}
