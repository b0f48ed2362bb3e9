package source

import (
	"fmt"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
)

// A few hundred bytes of YAML can describe gigabytes: aliases of aliases
// (nine levels of ten make 10^9 nodes), or brackets nested a hundred
// thousand deep (the parser's memory grows with the square of the depth).
// A catalog needs neither, so both are bounded before the file is decoded:
// first from the tokens (linear, whatever the nesting), then from the
// syntax tree, which holds aliases unexpanded.
const (
	maxNesting   = 64      // flow brackets inside one another
	maxColumn    = 1024    // indentation: deep block nesting needs wide lines
	maxExpansion = 1 << 20 // nodes that expanding the aliases may add
	// maxExpansionBytes: the bytes of scalars that expanding the aliases
	// may add. Sharing a list of fixes among thousands of entries takes a
	// few MB; a long text aliased a hundred times, far more.
	maxExpansionBytes = 8 << 20
	// maxNodes bounds what the parser is given: it takes about 1.2 KB of
	// memory a node, so 200,000 (about 12,000 entries of ten fields) keep
	// a cold parse under 256 MiB.
	maxNodes = 200_000
)

// startsScalar: data[i] stands where a scalar may begin: after ": ",
// "- ", a bracket, a comma, or at the start of a line's text.
func startsScalar(data []byte, i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch data[j] {
		case ' ', '\t':
			continue
		case ':', '-', '[', '{', ',', '\n':
			return true
		}
		return false
	}
	return true
}

// nestingLimits reports nesting no catalog needs, from one pass over the
// bytes (the parser must not see it, and tokenising the whole file first
// would cost as much memory as parsing it): flow brackets outside quotes
// and comments, and indentation.
func nestingLimits(data []byte) (msg string, line, col int) {
	depth, quote, comment, nodes := 0, byte(0), false, 0
	line, col = 1, 0
	indent := true // still in the line's leading spaces
	for i := 0; i < len(data); i++ {
		c := data[i]
		col++
		if c == '\n' {
			line, col, comment, indent = line+1, 0, false, true
			continue // a quoted scalar may span lines: quote stays as it is
		}
		if indent && c == ' ' {
			if col > maxColumn {
				return fmt.Sprintf("indented past column %d; a catalog needs a few levels", maxColumn), line, col
			}
			continue
		}
		indent = false
		switch {
		case comment:
		case quote != 0:
			if c == quote && (quote == '\'' || i == 0 || data[i-1] != '\\') {
				quote = 0
			}
		case c == '#' && (i == 0 || data[i-1] == ' ' || data[i-1] == '\t'):
			comment = true
		case (c == '\'' || c == '"') && startsScalar(data, i):
			quote = c // a quoted scalar (an apostrophe in plain text is not one)
		case c == '[' || c == '{':
			nodes++
			if depth++; depth > maxNesting {
				return fmt.Sprintf("brackets nested more than %d deep; a catalog needs a few", maxNesting), line, col
			}
		case c == ']' || c == '}':
			depth = max(depth-1, 0)
		case c == ',', (c == ':' || c == '-') && (i+1 == len(data) || data[i+1] == ' ' || data[i+1] == '\n'):
			nodes++ // a flow item, a key, a sequence item: one node each, roughly
		}
		if nodes > maxNodes {
			return fmt.Sprintf("holds more than %d YAML nodes (about %d entries); split it into several files", maxNodes, maxNodes/16), 0, 0
		}
	}
	return "", 0, 0
}

// aliasesExceed: expanding f's aliases would add more than limit nodes.
func aliasesExceed(f *ast.File, limit int) bool { return expansion(f, limit) > limit }

// expansion counts the nodes that expanding f's aliases would add,
// stopping once past limit. Each node is visited once: an anchor's
// expanded size is counted where it is defined and reused for each alias.
func expansion(f *ast.File, limit int) int {
	c := &counter{anchors: map[string]int{}, limit: limit}
	for _, d := range f.Docs {
		if d != nil && d.Body != nil {
			ast.Walk(c, d.Body)
		}
	}
	return c.added
}

type counter struct {
	nodes   int            // nodes of the subtree walked, aliases expanded
	added   int            // of those, the ones aliases added
	anchors map[string]int // anchor name -> its value's expanded size
	limit   int
}

func (c *counter) Visit(node ast.Node) ast.Visitor {
	if c.added > c.limit {
		return nil
	}
	c.nodes++
	switch n := node.(type) {
	case *ast.AnchorNode:
		inner := &counter{anchors: c.anchors, limit: c.limit - c.added}
		if n.Value != nil {
			ast.Walk(inner, n.Value)
		}
		if n.Name != nil {
			c.anchors[n.Name.String()] = inner.nodes
		}
		c.nodes += inner.nodes
		c.added += inner.added
		return nil
	case *ast.AliasNode:
		if n.Value != nil {
			size := c.anchors[n.Value.String()]
			c.nodes += size
			c.added += size
		}
		return nil
	}
	return c
}

// documents counts the documents of f that hold something.
func documents(f *ast.File) int {
	n := 0
	for _, d := range f.Docs {
		if d != nil && d.Body != nil {
			n++
		}
	}
	return n
}

// atToken places msg at tk, when the token knows where it is.
func atToken(name string, data []byte, tk *token.Token, msg string) Problem {
	if tk == nil || tk.Position == nil {
		return Problem{File: name, Msg: msg}
	}
	return at(name, data, tk.Position.Line, tk.Position.Column, msg)
}

// unsupportedTag finds a YAML tag a catalog has no use for (!!set,
// !!binary, a custom !tag): each would decode into something no field
// takes, or crash the decoder (!!set does, in goccy/go-yaml v1.19.2).
func unsupportedTag(f *ast.File) *ast.TagNode {
	v := &tagFinder{}
	for _, d := range f.Docs {
		if d != nil && d.Body != nil && v.found == nil {
			ast.Walk(v, d.Body)
		}
	}
	return v.found
}

type tagFinder struct{ found *ast.TagNode }

func (v *tagFinder) Visit(node ast.Node) ast.Visitor {
	if v.found != nil {
		return nil
	}
	if t, ok := node.(*ast.TagNode); ok && t.Start != nil {
		switch t.Start.Value {
		case "!!str", "!!int", "!!bool", "!!null", "!!float", "!!seq", "!!map":
		default:
			v.found = t
			return nil
		}
	}
	return v
}
