package source_test

import (
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog/source"
)

// The byte scan that turns away what no catalog needs, before the parser
// sees it, at each of its edges.
func TestNestingLimits(t *testing.T) {
	deep := func(n int) string { return "id: x\nentries: " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n" }
	for _, tc := range []struct {
		name, data string
		want       string // "" for accepted
		line, col  int
	}{
		{"64 brackets", deep(source.MaxNesting), "", 0, 0},
		{"65 brackets", deep(source.MaxNesting + 1), "brackets nested more than 64 deep", 2, 10 + source.MaxNesting},
		{"64 braces", "id: x\nentries: " + strings.Repeat("{", source.MaxNesting+1), "brackets nested more than 64 deep", 2, 10 + source.MaxNesting},
		{"closed as it goes", "x: " + strings.Repeat("[]", 1000) + "\n", "", 0, 0},
		{"a stray ] does not make room", "x: ]" + strings.Repeat("[", source.MaxNesting+1), "brackets nested", 1, 5 + source.MaxNesting},
		{"in double quotes", `x: "` + strings.Repeat("[", 100) + `"` + "\n", "", 0, 0},
		{"in single quotes", "x: '" + strings.Repeat("[", 100) + "'\n", "", 0, 0},
		{"an escaped quote stays inside", `x: "a\"` + strings.Repeat("[", 100) + `"` + "\n", "", 0, 0},
		{"a quoted scalar over two lines", "x: \"a\n" + strings.Repeat("[", 100) + "\"\n", "", 0, 0},
		{"quotes at the start of a line", "x:\n  \"" + strings.Repeat("[", 100) + "\"\n", "", 0, 0},
		{"quotes at the start of the file", "\"" + strings.Repeat("[", 100) + "\": 1\n", "", 0, 0},
		{"quotes after a tab", "x:\t\"" + strings.Repeat("[", 100) + "\"\n", "", 0, 0},
		{"closed quotes, then brackets", `x: "a" ` + strings.Repeat("[", 65), "brackets nested", 1, 7 + 65},
		{"an apostrophe in plain text", "x: it's " + strings.Repeat("[", 65), "brackets nested", 1, 8 + 65},
		{"in a comment", "x: 1 # " + strings.Repeat("[", 100) + "\ny: 2\n", "", 0, 0},
		{"a comment at the start", "#" + strings.Repeat("[", 100) + "\n", "", 0, 0},
		{"a tab before #", "x: 1\t#" + strings.Repeat("[", 100) + "\n", "", 0, 0},
		{"# after a word, before a space, is no comment", "x: a# " + strings.Repeat("[", 65), "brackets nested", 1, 6 + 65},
		{"a quote inside a word is none", `a"` + strings.Repeat("[", 65), "brackets nested", 1, 2 + 65},
		{"# inside a word is no comment", "x: a#" + strings.Repeat("[", 65), "brackets nested", 1, 5 + 65},
		{"a comment ends with its line", "# c\nx: " + strings.Repeat("[", 65), "brackets nested", 2, 3 + 65},
		{"indented to the limit", "x:\n" + strings.Repeat(" ", source.MaxColumn) + "y\n", "", 0, 0},
		{"indented past it", "x:\n" + strings.Repeat(" ", source.MaxColumn+1) + "y\n", "indented past column 1024", 2, source.MaxColumn + 1},
		{"spaces after text do not count", "x: a" + strings.Repeat(" ", 2000) + "b\n", "", 0, 0},
	} {
		msg, line, col := source.NestingLimits([]byte(tc.data))
		if tc.want == "" && msg != "" || !strings.Contains(msg, tc.want) || line != tc.line || col != tc.col {
			t.Errorf("%s: %q at %d:%d, want %q at %d:%d", tc.name, msg, line, col, tc.want, tc.line, tc.col)
		}
	}
}

// Nodes are counted roughly (a bracket, a comma, a key's colon, a sequence
// dash), and the file is refused past MaxNodes of them.
func TestNodeBound(t *testing.T) {
	flow := func(commas int) []byte { // "x: [" is two nodes (the key, the bracket)
		return []byte("x: [" + strings.Repeat("a,", commas) + "]")
	}
	if msg, _, _ := source.NestingLimits(flow(source.MaxNodes - 2)); msg != "" {
		t.Errorf("%d nodes: %q, want accepted", source.MaxNodes, msg)
	}
	msg, line, col := source.NestingLimits(flow(source.MaxNodes - 1))
	if !strings.Contains(msg, "holds more than 200000 YAML nodes (about 12500 entries)") || line != 0 || col != 0 {
		t.Errorf("%d nodes: %q at %d:%d", source.MaxNodes+1, msg, line, col)
	}
	block := func(items int) []byte { return []byte("x:\n" + strings.Repeat("- a\n", items)) }
	if msg, _, _ := source.NestingLimits(block(source.MaxNodes - 1)); msg != "" {
		t.Errorf("a sequence of %d: %q", source.MaxNodes-1, msg)
	}
	if msg, _, _ := source.NestingLimits(block(source.MaxNodes)); msg == "" {
		t.Errorf("a sequence of %d items and a key: accepted", source.MaxNodes)
	}
	// Plain words with spaces between them are one scalar, not nodes (a
	// scalar that long is refused for its size, not its nodes).
	if msg, _, _ := source.NestingLimits([]byte("x: " + strings.Repeat("a ", source.MaxNodes))); strings.Contains(msg, "nodes") {
		t.Errorf("words and spaces: %q", msg)
	}
	// A colon or dash inside a word is no node.
	if msg, _, _ := source.NestingLimits([]byte("x: " + strings.Repeat("a:b-c", source.MaxNodes))); strings.Contains(msg, "nodes") {
		t.Errorf("colons inside words: %q", msg)
	}
	// Keys and items the YAML parser reads as such: before a tab, at a
	// line's end in a file of CRLF lines, after a quoted value ending in
	// an escaped backslash, after a value with an escaped apostrophe.
	for name, item := range map[string]string{
		"a tab after the colon":   "- code:\tA\n  title:\tT\n",
		"CRLF":                    "- code:\r\n    A\r\n  title:\r\n    T\r\n",
		"an escaped backslash":    "- code: \"A\\\\\"\n  title: T\n",
		"an escaped apostrophe":   "- code: 'A''s'\n  title: T\n",
		"an escaped double quote": "- code: \"A\\\"\"\n  title: T\n",
	} {
		data := []byte("entries:\n" + strings.Repeat(item, source.MaxNodes/2))
		if msg, _, _ := source.NestingLimits(data); !strings.Contains(msg, "YAML nodes") {
			t.Errorf("%s: %d entries of two keys: %q, want refused for its nodes", name, source.MaxNodes/2, msg)
		}
		if _, problems := source.Parse("x.yaml", []byte("id: x\nentries:\n"+item)); problems != nil {
			t.Errorf("%s: not YAML a catalog may hold: %v", name, problems)
		}
	}
	// A key at the very end counts.
	if msg, _, _ := source.NestingLimits([]byte(strings.Repeat("- a\n", source.MaxNodes) + "k:")); msg == "" {
		t.Error("a key at the end of the file: not counted")
	}
}

// A value of more than MaxScalar bytes, however written, is refused before
// the parser sees it, at the value; one of MaxScalar bytes is not.
func TestScalarBound(t *testing.T) {
	long := strings.Repeat("x", source.MaxScalar)
	lines := strings.Repeat("    "+strings.Repeat("x", 1023)+"\n", source.MaxScalar/1024)
	for _, tc := range []struct {
		name, data string
		line, col  int // 0: accepted
	}{
		{"plain, at the limit", "id: x\ndescription: " + long + "\n", 0, 0},
		{"plain, past it", "id: x\ndescription: " + long + "x\n", 2, 14},
		{"at the end of the file", "id: x\ndescription: x" + long, 2, 14},
		{"double-quoted", "id: x\ndescription: \"" + long + "\"\n", 2, 14},
		{"single-quoted", "id: x\ndescription: '" + long + "'\n", 2, 14},
		{"quoted, over lines at any indentation", "id: x\nd: \"" + strings.Repeat("x\n", source.MaxScalar) + "\"\n", 2, 4},
		{"a block scalar", "id: x\nentries:\n  - code: A\n    description: |\n" + strings.ReplaceAll(lines, "    ", "      ") + "      x\n    title: T\n", 5, 7},
		{"a block scalar at the limit", "id: x\nd: |\n" + lines[:60*1028] + "e: 1\n", 0, 0},
		{"plain over lines", "id: x\nd:\n" + lines + "  x\n", 3, 5},
		{"plain over lines, each less indented", "d:\n" + strings.Repeat(" ", 100) + strings.Repeat("x", 1000) + "\n" + func() string {
			var b strings.Builder
			for i := 99; i > 30; i-- {
				b.WriteString(strings.Repeat(" ", i) + strings.Repeat("x", 1000) + "\n")
			}
			return b.String()
		}(), 2, 101},
		{"a key", long + "x: 1\n", 1, 1},
		{"in brackets", "x: [a, " + long + "x, b]\n", 1, 8},
		{"in brackets, at the limit", "x: [a, " + long + ", b]\n", 0, 0},
		{"in braces", "x: {a: " + long + "x}\n", 1, 8},
		{"after an anchor", "a: &x \"" + long + "\"\n", 1, 4},
		{"a sequence item", "x:\n  - " + long + "x\n  - y\n", 2, 5},
		{"many short values", "x:\n" + strings.Repeat("  - "+strings.Repeat("y", 1000)+"\n", 200), 0, 0},
		{"many short keys", strings.Repeat("k"+strings.Repeat("y", 1000)+": v\n", 200), 0, 0},
		// A comment at a line's start is a comment: its quotes open nothing
		// (aws.yaml's comment quoting `"HostID: ,"` once made every entry
		// after it one value).
		{"quotes in a comment at a line's start", "x: 1\n# (\"a,\" or\n# \"b,\"), c\nentries:\n" + strings.Repeat("  - code: "+strings.Repeat("y", 1000)+"\n", 200), 0, 0},
	} {
		msg, line, col := source.NestingLimits([]byte(tc.data))
		if tc.line == 0 {
			if msg != "" {
				t.Errorf("%s: %q at %d:%d, want accepted", tc.name, msg, line, col)
			}
			continue
		}
		if !strings.Contains(msg, "KiB; a catalog value may be at most 64 KiB") || line != tc.line || col != tc.col {
			t.Errorf("%s: %q at %d:%d, want a value past 64 KiB at %d:%d", tc.name, msg, line, col, tc.line, tc.col)
		}
	}
}

// Aliases add their anchor's expanded size each time; the count stops
// once past the limit, and anchors within anchors are counted once each.
func TestExpansion(t *testing.T) {
	exp := func(data string, limit int) int { n, _ := source.Expansion([]byte(data), limit); return n }
	one := exp("a: &a [x, y]\nb: *a\n", source.MaxExpansion)
	if one <= 0 {
		t.Fatalf("one alias adds %d nodes", one)
	}
	if n := exp("a: &a [x, y]\n", source.MaxExpansion); n != 0 {
		t.Errorf("no alias: %d nodes added", n)
	}
	three := "a: &a [x, y]\nb: *a\nc: *a\nd: *a\n"
	if n := exp(three, source.MaxExpansion); n != 3*one {
		t.Errorf("three aliases: %d nodes, want %d", n, 3*one)
	}
	if n := exp(three, one); n != 2*one {
		t.Errorf("three aliases, limit %d: %d nodes, want %d (stopped once past it)", one, n, 2*one)
	}
	// Past the limit, not at it.
	for limit, want := range map[int]bool{3*one - 1: true, 3 * one: false} {
		if _, over := source.Expansion([]byte(three), limit); over != want {
			t.Errorf("%d nodes added, limit %d: exceeded %v, want %v", 3*one, limit, over, want)
		}
	}
	nested := "a: &a [x]\nb: &b [*a, *a]\nc: *b\n"
	inner := exp("a: &a [x]\nb: *a\n", source.MaxExpansion)
	if n := exp(nested, source.MaxExpansion); n <= 2*inner {
		t.Errorf("an alias of an anchor holding aliases: %d nodes, want more than %d", n, 2*inner)
	}
}

// Aliases add their anchor's bytes too: a long value aliased many times is
// refused once they pass MaxExpansionBytes, however few the nodes.
func TestExpansionBytes(t *testing.T) {
	value := strings.Repeat("x", 60<<10)
	doc := func(aliases int) []byte {
		return []byte("a: &a " + value + "\nb: [" + strings.Repeat("*a, ", aliases) + "]\n")
	}
	n := source.MaxExpansionBytes / len(value)
	if b, over := source.ExpansionBytes(doc(n)); b != n*len(value) || over {
		t.Errorf("%d aliases of %d bytes: %d bytes added, over %v", n, len(value), b, over)
	}
	if _, over := source.ExpansionBytes(doc(n + 1)); !over {
		t.Errorf("%d aliases of %d bytes: not over %d", n+1, len(value), source.MaxExpansionBytes)
	}
	if b, _ := source.ExpansionBytes([]byte("a: &a [" + value + ", y]\nb: *a\n")); b != len(value)+1 {
		t.Errorf("a list's bytes: %d added, want %d", b, len(value)+1)
	}
}
