package source

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
)

// The YAML decoder stops at the first value it cannot take, names a random
// one of several unknown keys, and speaks of Go types. check walks the
// syntax tree against the file's Go types instead and reports every
// unknown key and every value of the wrong kind, in plain words, each at
// its place. What it reports it also takes out of the tree (a bad entry
// becomes null), so that the tree then decodes and the rest of the file
// is checked too.
type checker struct {
	p       *parsed
	anchors map[string]ast.Node
	bad     map[string]bool // "entries[3]", "entries[3].range": taken out, not checked further
	found   int             // problems found
}

// checkTree checks the document body against fileCatalog's types.
func checkTree(p *parsed, body ast.Node) *checker {
	c := &checker{p: p, anchors: map[string]ast.Node{}, bad: map[string]bool{}}
	c.value(body, reflect.TypeFor[fileCatalog](), "")
	return c
}

// resolve looks through tags, anchors and aliases to the node that holds
// the value.
func (c *checker) resolve(n ast.Node) ast.Node {
	for i := 0; i < 16 && n != nil; i++ { // an alias's anchor is defined before it: no cycles, but bound it
		switch v := n.(type) {
		case *ast.TagNode:
			n = v.Value
		case *ast.AnchorNode:
			if v.Name != nil {
				c.anchors[v.Name.String()] = v.Value
			}
			n = v.Value
		case *ast.AliasNode:
			if v.Value == nil {
				return nil
			}
			n = c.anchors[v.Value.String()]
		default:
			return n
		}
	}
	return n
}

func (c *checker) report(n ast.Node, msg string) {
	c.found++
	if m, ok := n.(*ast.MappingNode); ok && len(m.Values) > 0 && m.Values[0].Key != nil {
		n = m.Values[0].Key // keys where text was expected: placed at the first
	}
	if n == nil || n.GetToken() == nil || n.GetToken().Position == nil {
		c.p.problems = append(c.p.problems, Problem{File: c.p.name, Msg: msg})
		return
	}
	c.p.problemAt(n.GetToken().Position.Line, n.GetToken().Position.Column, msg)
}

// value checks n against t and says whether it may stay in the tree.
func (c *checker) value(n ast.Node, t reflect.Type, path string) bool {
	r := c.resolve(n)
	if r == nil {
		return true
	}
	if _, null := r.(*ast.NullNode); null {
		return true
	}
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t.Kind() == reflect.Struct:
		m, ok := r.(*ast.MappingNode)
		if !ok {
			c.report(n, notKeys(path, r, t))
			return false
		}
		if _, alias := n.(*ast.AliasNode); !alias { // an alias's keys were checked where it was anchored
			c.mapping(m, t, path)
		}
		return true
	case t.Kind() == reflect.Slice:
		seq, ok := r.(*ast.SequenceNode)
		if !ok {
			c.report(n, notList(path, r, t.Elem()))
			return false
		}
		if _, alias := n.(*ast.AliasNode); alias {
			return true
		}
		kept := seq.Values[:0:0]
		for i, v := range seq.Values {
			at := fmt.Sprintf("%s[%d]", path, i)
			switch {
			case c.value(v, t.Elem(), at):
				kept = append(kept, v)
			case t.Elem().Kind() == reflect.Struct: // keep the numbering of entries: a null in its place
				c.bad[at] = true
				kept = append(kept, ast.Null(v.GetToken()))
			}
		}
		seq.Values = kept
		return true
	case t.Kind() == reflect.Interface: // a code: a string or a number, checked with the entry
		return true
	}
	if _, ok := r.(*ast.MappingNode); ok {
		c.report(n, wrongScalar(path, r, t))
		return false
	}
	if _, ok := r.(*ast.SequenceNode); ok {
		c.report(n, wrongScalar(path, r, t))
		return false
	}
	switch r.(type) {
	case *ast.StringNode, *ast.LiteralNode:
		if t.Kind() == reflect.String { // the most of a catalog: no decoder needed
			return true
		}
	}
	if err := yaml.NodeToValue(r, reflect.New(t).Interface(), yaml.Strict()); err != nil {
		c.report(n, wrongScalar(path, r, t))
		return false
	}
	return true
}

// mapping checks each key of m against struct t's fields, taking out the
// unknown ones and the values of the wrong kind.
func (c *checker) mapping(m *ast.MappingNode, t reflect.Type, path string) {
	kept := m.Values[:0:0]
	for _, mv := range m.Values {
		if mv == nil || mv.Key == nil {
			continue
		}
		if mv.Key.IsMergeKey() { // <<: *base, checked where base was anchored
			kept = append(kept, mv)
			continue
		}
		key := mv.Key.GetToken().Value
		at := join(path, key)
		f, ok := fieldOf(t, key)
		if !ok {
			c.report(mv.Key, unknownKey(at, key, t))
			continue
		}
		if c.value(mv.Value, f.Type, at) {
			kept = append(kept, mv)
		} else {
			c.bad[at] = true
		}
	}
	m.Values = kept
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// fieldOf is struct t's field whose yaml tag is key.
func fieldOf(t reflect.Type, key string) (reflect.StructField, bool) {
	for i := 0; i < t.NumField(); i++ {
		if f := t.Field(i); yamlKey(f) == key {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

func yamlKey(f reflect.StructField) string {
	k, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	return k
}

// keysOf lists struct t's keys, in the order of its fields.
func keysOf(t reflect.Type) []string {
	var keys []string
	for i := 0; i < t.NumField(); i++ {
		keys = append(keys, yamlKey(t.Field(i)))
	}
	return keys
}

// thing names what a struct type stands for in the file.
func thing(t reflect.Type) string {
	switch t {
	case reflect.TypeFor[fileCatalog]():
		return "a catalog"
	case reflect.TypeFor[fileEntry]():
		return "an entry"
	case reflect.TypeFor[fileBody]():
		return "a body shape"
	case reflect.TypeFor[fileNested]():
		return "nested"
	case reflect.TypeFor[fileRange]():
		return "a range"
	}
	return "this"
}

func unknownKey(at, key string, t reflect.Type) string {
	keys := keysOf(t)
	if t == reflect.TypeFor[fileCatalog]() {
		if _, ok := fieldOf(reflect.TypeFor[fileEntry](), key); ok {
			return fmt.Sprintf("%s: unknown key of a catalog: %s belongs to an entry, indented under entries:", at, key)
		}
	}
	limit := 1 // a typo; two edits make one short key another ("fixes", "lines")
	if len(key) > 6 {
		limit = 2
	}
	best, bestD := "", limit+1
	for _, k := range keys {
		if d := catalog.EditDistance(strings.ToLower(key), k, limit); d < bestD {
			best, bestD = k, d
		}
	}
	if best != "" {
		return fmt.Sprintf("%s: unknown key: did you mean %s?", at, best)
	}
	return fmt.Sprintf("%s: unknown key: %s's keys are %s", at, thing(t), strings.Join(keys, ", "))
}

// shown is a value as the file writes it, shortened: a list, a set of
// keys, or the text (in quotes if it was quoted).
func shown(n ast.Node) string {
	switch n.(type) {
	case *ast.MappingNode:
		return "a set of keys"
	case *ast.SequenceNode:
		return "a list"
	}
	tk := n.GetToken()
	if tk == nil {
		return "this value"
	}
	v := tk.Value
	if len(v) > 40 {
		v = v[:37] + "..."
	}
	switch tk.Type.String() {
	case "DoubleQuote":
		return strconv.Quote(v)
	case "SingleQuote":
		return "'" + v + "'"
	}
	return v
}

func label(path string) string {
	if path == "" {
		return "the file"
	}
	return path
}

// wrongScalar: n is not a value of type t.
func wrongScalar(path string, n ast.Node, t reflect.Type) string {
	switch t.Kind() {
	case reflect.Bool:
		return fmt.Sprintf("%s: %s: use true or false", path, shown(n))
	case reflect.Int:
		hint := "write a whole number"
		if strings.HasSuffix(path, "status") {
			hint = "write the HTTP status as a number, such as 404"
		}
		return fmt.Sprintf("%s: %s is not a number: %s", path, shown(n), hint)
	}
	return fmt.Sprintf("%s: %s where text is expected: write the text on the key's line (in quotes if it holds \": \")", path, shown(n))
}

// notKeys: n should have been a set of keys (an entry, a body shape).
func notKeys(path string, n ast.Node, t reflect.Type) string {
	keys := keysOf(t)
	if len(keys) > 3 {
		keys = keys[:3]
	}
	if path == "" {
		return fmt.Sprintf("the file is %s where a catalog's keys are expected: start with id: and entries:", shown(n))
	}
	return fmt.Sprintf("%s: %s where %s's keys (%s, ...) are expected", path, shown(n), thing(t), strings.Join(keys, ", "))
}

// notList: n should have been a list of elem.
func notList(path string, n ast.Node, elem reflect.Type) string {
	if elem.Kind() == reflect.Struct {
		if path == "entries" {
			return fmt.Sprintf("%s: %s where a list of entries is expected: write each entry as \"- code: ...\"", label(path), shown(n))
		}
		return fmt.Sprintf("%s: %s where a list is expected: write each as \"- %s: ...\"", label(path), shown(n), keysOf(elem)[0])
	}
	return fmt.Sprintf("%s: %s where a list is expected: write [one, two], or each on its own \"- \" line", label(path), shown(n))
}
