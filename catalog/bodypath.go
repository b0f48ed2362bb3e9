package catalog

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// The body-path language: where an API puts its error in a JSON body, and
// what tells its envelope from others'. One home for it: source validates
// with ParsePath and ParseCond, explain evaluates with Eval and Holds, and
// the README's "Your own catalogs" describes it.
//
//   path       error.code        object keys, separated by dots
//              errors[].code     a step ending in [] goes through each element of an array
//              error.msg|detail  alternatives: the first that gives a value
//              .                 the value itself (in nested: a bare string error)
//   condition  error.param       the key is there (even as null)
//              !error.doc_url    it is not
//              type=error        its value is that string (or number, or true/false)
//              type=a|b          one of these values
//              message~=rate limit  its text contains this, case folded

// BodyShape is one way an API lays out its errors in a JSON body: where
// each fact is, and the conditions that tell its envelope from others'.
type BodyShape struct {
	// When are conditions that must all hold; Any, conditions of which at
	// least one must. A shape with conditions is a signature: a body that
	// meets them is this API's (unless KnownCodes).
	When, Any []string
	// KnownCodes: the shape claims a body only when its code is one the
	// catalog has (the envelope is common to several APIs).
	KnownCodes bool
	// Headers are conditions on the response's headers, all of which must
	// hold ("X-Ratelimit-Remaining=0"); Names is the code of the entry the
	// shape names when it holds, for errors an API sends without a code.
	Headers                             []string
	Names                               string
	Code, Token, Message, Field, Detail string
	Status, RequestID, DocURL, Wait     string
	Nested                              *NestedPaths // errors under the top one
}

// NestedPaths read the errors nested in the top one: Each is the path to
// them (errors[]), the others are paths inside each.
type NestedPaths struct {
	Each, Code, Token, Message, Field string
}

// Signature reports whether the shape has conditions of its own.
func (s *BodyShape) Signature() bool { return len(s.When) > 0 || len(s.Any) > 0 }

// Paths lists the shape's paths by their YAML names, for validation.
func (s *BodyShape) Paths() map[string]string {
	m := map[string]string{"code": s.Code, "token": s.Token, "message": s.Message, "field": s.Field, "detail": s.Detail,
		"status": s.Status, "request_id": s.RequestID, "doc_url": s.DocURL, "wait": s.Wait}
	if n := s.Nested; n != nil {
		m["nested.each"], m["nested.code"], m["nested.token"], m["nested.message"], m["nested.field"] = n.Each, n.Code, n.Token, n.Message, n.Field
	}
	return m
}

// step is one key of a path, and whether it goes through an array.
type step struct {
	name string
	each bool
}

// Path is a parsed path (ParsePath): its alternatives, each a list of
// steps. The zero Path finds nothing.
type Path struct {
	alts [][]step
}

// ParsePath parses a path; "" is the empty path, which finds nothing.
func ParsePath(s string) (Path, error) {
	if s == "" {
		return Path{}, nil
	}
	var p Path
	for _, alt := range strings.Split(s, "|") {
		var steps []step
		if alt == "." { // the value itself (a nested error that is a bare string)
			p.alts = append(p.alts, nil)
			continue
		}
		for _, part := range strings.Split(alt, ".") {
			name, each := strings.CutSuffix(part, "[]")
			if !validKey(name) {
				return Path{}, fmt.Errorf("%q is not a dot path such as error.code or errors[].code", s)
			}
			steps = append(steps, step{name, each})
		}
		p.alts = append(p.alts, steps)
	}
	return p, nil
}

func validKey(k string) bool {
	if k == "" {
		return false
	}
	for i := 0; i < len(k); i++ {
		if c := k[i]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("_@$-", c) >= 0) {
			return false
		}
	}
	return true
}

// MustPath is ParsePath for paths already validated (a catalog's); a bad
// one finds nothing.
func MustPath(s string) Path {
	p, _ := ParsePath(s)
	return p
}

// Values returns the values at p in v: for the first alternative that
// finds any, every one it finds (a [] step gives one per element).
// Objects are map[string]any and arrays []any, as encoding/json decodes.
func (p Path) Values(v any) []any {
	for _, alt := range p.alts {
		var out []any
		walk(v, alt, &out)
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

func walk(v any, steps []step, out *[]any) {
	if len(*out) >= 1000 { // hostile bodies: a bounded answer
		return
	}
	if len(steps) == 0 {
		if v != nil {
			*out = append(*out, v)
		}
		return
	}
	m, ok := v.(map[string]any)
	if !ok {
		return
	}
	next, ok := m[steps[0].name]
	if !ok {
		return
	}
	if !steps[0].each {
		walk(next, steps[1:], out)
		return
	}
	switch x := next.(type) {
	case []any:
		for _, e := range x {
			walk(e, steps[1:], out)
		}
	case map[string]any: // an object of errors keyed by field: each value
		for _, k := range sortedKeys(x) {
			walk(x[k], steps[1:], out)
		}
	}
}

func sortedKeys(m map[string]any) []string { return slices.Sorted(maps.Keys(m)) }

// Cond is a parsed condition.
type Cond struct {
	path     []step
	absent   bool
	contains bool     // ~=: the text contains a value, case folded
	values   []string // nil: any value
}

// ParseCond parses a condition: path, !path, path=value or path=a|b.
func ParseCond(s string) (Cond, error) {
	var c Cond
	rest, absent := strings.CutPrefix(s, "!")
	c.absent = absent
	path, value, hasValue := strings.Cut(rest, "=")
	if p, ok := strings.CutSuffix(path, "~"); ok && hasValue {
		path, c.contains = p, true
	}
	if hasValue && absent {
		return c, fmt.Errorf("condition %q: !path takes no value", s)
	}
	if hasValue {
		c.values = strings.Split(value, "|")
	}
	for _, part := range strings.Split(path, ".") {
		if !validKey(part) {
			return c, fmt.Errorf("%q is not a condition such as type=error, error.param or !error.doc_url", s)
		}
		c.path = append(c.path, step{name: part})
	}
	return c, nil
}

// Holds reports whether the condition holds for v; str turns a scalar
// into its text (strings as they are, numbers as written, true/false).
func (c Cond) Holds(v any, str func(any) string) bool {
	present := true
	for _, s := range c.path {
		m, ok := v.(map[string]any)
		if !ok {
			present = false
			break
		}
		if v, ok = m[s.name]; !ok {
			present = false
			break
		}
	}
	switch {
	case c.absent:
		return !present
	case !present:
		return false
	case c.values == nil:
		return true
	}
	if v == nil {
		return false
	}
	return c.valueMatches(str(v))
}

func (c Cond) valueMatches(got string) bool {
	for _, want := range c.values {
		if got == want || c.contains && strings.Contains(strings.ToLower(got), strings.ToLower(want)) {
			return true
		}
	}
	return false
}

// HoldsHeader reports whether the condition, read as one on a response
// header (its path the header's name), holds; get returns a header's value.
func (c Cond) HoldsHeader(get func(string) string) bool {
	names := make([]string, len(c.path))
	for i, s := range c.path {
		names[i] = s.name
	}
	v := strings.TrimSpace(get(strings.Join(names, ".")))
	switch {
	case c.absent:
		return v == ""
	case v == "":
		return false
	case c.values == nil:
		return true
	}
	return c.valueMatches(v)
}

// Matches reports whether every When condition and, if there are any, at
// least one Any condition hold for v, and every Headers condition for the
// response's headers (get).
func (s *BodyShape) Matches(v any, str func(any) string, get func(string) string) bool {
	for _, h := range s.Headers {
		if c, err := ParseCond(h); err != nil || !c.HoldsHeader(get) {
			return false
		}
	}
	for _, w := range s.When {
		if c, err := ParseCond(w); err != nil || !c.Holds(v, str) {
			return false
		}
	}
	if len(s.Any) == 0 {
		return true
	}
	for _, a := range s.Any {
		if c, err := ParseCond(a); err == nil && c.Holds(v, str) {
			return true
		}
	}
	return false
}
