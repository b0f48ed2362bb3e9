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

// maxScalar bounds one value (a scalar: a code, a title, a description)
// in bytes: the parser takes about 22 bytes of memory for each byte of a
// scalar (a 16 MiB one took 367 MB), and a catalog's longest values are
// descriptions of a few KB.
const maxScalar = 64 << 10

// blankAfter: data[i] is followed by a space, a tab, a line end or the
// end of the file, as an indicator (": ", "- ") must be.
func blankAfter(data []byte, i int) bool {
	return i+1 == len(data) || data[i+1] == ' ' || data[i+1] == '\t' || data[i+1] == '\r' || data[i+1] == '\n'
}

// A region is where one value may lie: from where it starts to the end of
// the lines after it indented more than indent (its parent's indentation,
// or less: a value's continuation lines and a block scalar's text are
// indented more than its parent). A region may be larger than its value
// (the rest of an entry), never smaller, so measuring regions bounds
// scalars from the bytes alone.
type region struct{ start, line, col, indent int }

// nestingLimits reports nesting, sizes and counts no catalog needs, from
// one pass over the bytes (the parser must not see them, and tokenising
// the whole file first would cost as much memory as parsing it): flow
// brackets outside quotes and comments, indentation, a value's bytes, and
// roughly the nodes.
func nestingLimits(data []byte) (msg string, line, col int) {
	depth, quote, comment, nodes := 0, byte(0), false, 0
	line, col = 1, 0
	indent := true // still in the line's leading spaces
	text := false  // the line's first text seen
	lineStart, prevIndent := 0, 0
	quoteAt, flow := region{}, region{}
	var open []region // the regions of values, innermost last
	pending, pendingIndent := false, 0
	tooBig := func(size, line, col int) string {
		if size <= maxScalar {
			return ""
		}
		return fmt.Sprintf("a value of %d KiB; a catalog value may be at most %d KiB", (size+1023)>>10, maxScalar>>10)
	}
	// closeRegions ends the regions for which keep is false, innermost
	// first, at end.
	closeRegions := func(end int, keep func(region) bool) (string, int, int) {
		for len(open) > 0 && !keep(open[len(open)-1]) {
			r := open[len(open)-1]
			open = open[:len(open)-1]
			if m := tooBig(end-r.start, r.line, r.col); m != "" {
				return m, r.line, r.col
			}
		}
		return "", 0, 0
	}
	for i := 0; i < len(data); i++ {
		c := data[i]
		col++
		if depth > 0 && flow.start == i && (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
			flow = region{start: i + 1, line: line, col: col + 1} // a value starts at its text
			if c == '\n' {
				flow.line, flow.col = line+1, 1
			}
		}
		if c == '\n' {
			line, col, comment, indent, text = line+1, 0, false, true, false
			lineStart = i + 1
			pending = false
			continue // a quoted scalar may span lines: quote stays as it is
		}
		if indent && c == ' ' {
			if col > maxColumn {
				return fmt.Sprintf("indented past column %d; a catalog needs a few levels", maxColumn), line, col
			}
			continue
		}
		indent = false
		if !text && c != ' ' && c != '\t' && c != '\r' {
			text = true
			ind := col - 1
			if m, l, k := closeRegions(lineStart-1, func(r region) bool { return r.indent < ind }); m != "" {
				return m, l, k
			}
			dash := c == '-' && blankAfter(data, i)
			if quote != 0 || depth == 0 && c != '#' && !dash {
				open = append(open, region{i, line, col, min(ind, prevIndent)})
			}
			prevIndent = ind
		}
		if pending && quote == 0 && c != ' ' && c != '\t' {
			pending = false
			if c != '#' && c != '\r' && c != '[' && c != '{' && !(c == '-' && blankAfter(data, i)) {
				open = append(open, region{i, line, col, pendingIndent})
			}
		}
		switch {
		case comment:
		case quote == '"':
			if c == '\\' {
				if i+1 < len(data) && data[i+1] != '\n' {
					i++ // the escaped character, a quote or a backslash
					col++
				}
			} else if c == '"' {
				quote = 0
				if m := tooBig(i+1-quoteAt.start, 0, 0); m != "" {
					return m, quoteAt.line, quoteAt.col
				}
			}
		case quote == '\'':
			if c == '\'' {
				if i+1 < len(data) && data[i+1] == '\'' {
					i++ // '' is a quote inside the scalar
					col++
				} else {
					quote = 0
					if m := tooBig(i+1-quoteAt.start, 0, 0); m != "" {
						return m, quoteAt.line, quoteAt.col
					}
				}
			}
		case c == '#' && (i == 0 || data[i-1] == ' ' || data[i-1] == '\t' || data[i-1] == '\n'):
			comment = true
		case (c == '\'' || c == '"') && startsScalar(data, i):
			quote = c // a quoted scalar (an apostrophe in plain text is not one)
			quoteAt = region{start: i, line: line, col: col}
		case c == '[' || c == '{' || c == ']' || c == '}' || c == ',':
			// In brackets a plain value ends at the next of these: its
			// bytes since the last.
			if depth > 0 {
				if m := tooBig(i-flow.start, 0, 0); m != "" {
					return m, flow.line, flow.col
				}
			}
			flow = region{start: i + 1, line: line, col: col + 1}
			switch c {
			case '[', '{':
				nodes++
				if depth++; depth > maxNesting {
					return fmt.Sprintf("brackets nested more than %d deep; a catalog needs a few", maxNesting), line, col
				}
			case ',':
				nodes++ // a flow item
			default:
				depth = max(depth-1, 0)
			}
		case (c == ':' || c == '-') && blankAfter(data, i):
			nodes++ // a key, a sequence item: one node each, roughly
			if depth > 0 {
				flow = region{start: i + 1, line: line, col: col + 1}
				break
			}
			pending, pendingIndent = true, col-1 // a value may follow on this line
			if c == ':' {
				key := -1 // the key ends here: its region, begun on this line
				for j := len(open) - 1; j >= 0 && open[j].start >= lineStart; j-- {
					key = open[j].col - 1
				}
				if m, l, k := closeRegions(i, func(r region) bool { return r.start < lineStart }); m != "" {
					return m, l, k
				}
				pendingIndent = prevIndent
				if key >= 0 {
					pendingIndent = key
				}
			}
		}
		if nodes > maxNodes {
			return fmt.Sprintf("holds more than %d YAML nodes (about %d entries); split it into several files", maxNodes, maxNodes/16), 0, 0
		}
	}
	end := len(data)
	if end > 0 && data[end-1] == '\n' {
		end-- // a value's bytes, not its line's end
	}
	return closeRegions(end, func(region) bool { return false })
}

// aliasesExceed: expanding f's aliases would add more than limit nodes,
// or more than maxExpansionBytes bytes of scalars.
func aliasesExceed(f *ast.File, limit int) bool {
	nodes, bytes := expansion(f, limit)
	return nodes > limit || bytes > maxExpansionBytes
}

// expansion counts the nodes, and the scalars' bytes, that expanding f's
// aliases would add, stopping once past limit nodes or maxExpansionBytes.
// Each node is visited once: an anchor's expanded size is counted where it
// is defined and reused for each alias.
func expansion(f *ast.File, limit int) (nodes, bytes int) {
	c := &counter{anchors: map[string]size{}, limit: limit}
	for _, d := range f.Docs {
		if d != nil && d.Body != nil {
			ast.Walk(c, d.Body)
		}
	}
	return c.added.nodes, c.added.bytes
}

// size is what a subtree holds, aliases expanded: nodes, and its scalars'
// bytes (a 1 MiB string is one node).
type size struct{ nodes, bytes int }

func (s *size) add(t size) { s.nodes += t.nodes; s.bytes += t.bytes }

type counter struct {
	all     size            // the subtree walked, aliases expanded
	added   size            // of that, what aliases added
	anchors map[string]size // anchor name -> its value's expanded size
	limit   int
}

func (c *counter) Visit(node ast.Node) ast.Visitor {
	if c.added.nodes > c.limit || c.added.bytes > maxExpansionBytes {
		return nil
	}
	c.all.nodes++
	switch n := node.(type) {
	case *ast.StringNode:
		c.all.bytes += len(n.Value)
	case *ast.AnchorNode:
		inner := &counter{anchors: c.anchors, limit: c.limit - c.added.nodes}
		if n.Value != nil {
			ast.Walk(inner, n.Value)
		}
		if n.Name != nil {
			c.anchors[n.Name.String()] = inner.all
		}
		c.all.add(inner.all)
		c.added.add(inner.added)
		return nil
	case *ast.AliasNode:
		if n.Value != nil {
			s := c.anchors[n.Value.String()]
			c.all.add(s)
			c.added.add(s)
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
