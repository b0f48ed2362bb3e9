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
	// Plain words with spaces between them are one scalar, not nodes.
	if msg, _, _ := source.NestingLimits([]byte("x: " + strings.Repeat("a ", source.MaxNodes))); msg != "" {
		t.Errorf("words and spaces: %q", msg)
	}
	// A colon or dash inside a word is no node.
	if msg, _, _ := source.NestingLimits([]byte("x: " + strings.Repeat("a:b-c", source.MaxNodes))); msg != "" {
		t.Errorf("colons inside words: %q", msg)
	}
	// A key at the very end counts.
	if msg, _, _ := source.NestingLimits([]byte(strings.Repeat("- a\n", source.MaxNodes) + "k:")); msg == "" {
		t.Error("a key at the end of the file: not counted")
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
