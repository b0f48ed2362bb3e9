// Package source reads catalogs from their YAML form: the built-in
// catalog/data/*.yaml (for the generator) and users' own catalogs. It is
// strict: unknown keys, wrong types and inconsistent values are problems,
// each with its file, line and column.
package source

import (
	"fmt"
	"strings"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

type fileCatalog struct {
	ID       string      `yaml:"id"`
	Name     string      `yaml:"name"`
	DocURL   string      `yaml:"doc_url"`
	Source   string      `yaml:"source"`
	Hosts    []string    `yaml:"hosts"`
	Body     *fileBody   `yaml:"body"`
	Bodies   []fileBody  `yaml:"bodies"`
	Protocol bool        `yaml:"protocol"`
	Entries  []fileEntry `yaml:"entries"`

	RequestIDHeaders []string `yaml:"request_id_headers"`
	RetryHeaders     []string `yaml:"retry_headers"`
	CodeHeaders      []string `yaml:"code_headers"`
	Lines            []string `yaml:"lines"`
}

type fileBody struct {
	When       []string    `yaml:"when"`
	Any        []string    `yaml:"any"`
	KnownCodes bool        `yaml:"known_codes"`
	Headers    []string    `yaml:"headers"`
	Names      string      `yaml:"names"`
	Code       string      `yaml:"code"`
	Token      string      `yaml:"token"`
	Message    string      `yaml:"message"`
	Field      string      `yaml:"field"`
	Detail     string      `yaml:"detail"`
	Status     string      `yaml:"status"`
	RequestID  string      `yaml:"request_id"`
	DocURL     string      `yaml:"doc_url"`
	Wait       string      `yaml:"wait"`
	Nested     *fileNested `yaml:"nested"`
}

type fileNested struct {
	Each    string `yaml:"each"`
	Code    string `yaml:"code"`
	Token   string `yaml:"token"`
	Message string `yaml:"message"`
	Field   string `yaml:"field"`
}

func (b fileBody) shape() catalog.BodyShape {
	s := catalog.BodyShape{When: b.When, Any: b.Any, KnownCodes: b.KnownCodes, Headers: b.Headers, Names: b.Names, Code: b.Code, Token: b.Token, Message: b.Message,
		Field: b.Field, Detail: b.Detail, Status: b.Status, RequestID: b.RequestID, DocURL: b.DocURL, Wait: b.Wait}
	if n := b.Nested; n != nil {
		s.Nested = &catalog.NestedPaths{Each: n.Each, Code: n.Code, Token: n.Token, Message: n.Message, Field: n.Field}
	}
	return s
}

type fileEntry struct {
	Code        any        `yaml:"code"` // a string, or a number written without quotes
	Token       string     `yaml:"token"`
	Status      int        `yaml:"status"`
	Category    string     `yaml:"category"`
	Title       string     `yaml:"title"`
	Message     string     `yaml:"message"`
	Description string     `yaml:"description"`
	Causes      []string   `yaml:"causes"`
	Fixes       []string   `yaml:"fixes"`
	Retryable   *bool      `yaml:"retryable"`
	DocURL      string     `yaml:"doc_url"`
	Source      string     `yaml:"source"`
	Reference   string     `yaml:"reference"`
	Kind        string     `yaml:"kind"`
	Range       *fileRange `yaml:"range"`
}

type fileRange struct {
	From int `yaml:"from"`
	To   int `yaml:"to"`
}

// ValidID reports whether id is a catalog id: lower-case letters, digits,
// '-' and '_', starting with a letter. (Functions, not regexps: errcode
// compiles nothing at start-up.)
func ValidID(id string) bool {
	if id == "" || id[0] < 'a' || id[0] > 'z' {
		return false
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// ShapeProblems lists what is wrong with a body shape, each as a YAML key
// below the shape ("code", "when[1]") and a message.
func ShapeProblems(s *catalog.BodyShape) (keys, msgs []string) {
	paths := s.Paths()
	for _, key := range []string{"code", "token", "message", "field", "detail", "status", "request_id", "doc_url", "wait", "nested.each", "nested.code", "nested.token", "nested.message", "nested.field"} {
		if _, err := catalog.ParsePath(paths[key]); err != nil {
			keys, msgs = append(keys, key), append(msgs, key+" "+err.Error())
		}
	}
	if s.Code == "" && s.Token == "" && s.Message == "" && s.Names == "" {
		keys, msgs = append(keys, ""), append(msgs, "a body shape needs a code, token or message path")
	}
	if n := s.Nested; n != nil && n.Each == "" {
		keys, msgs = append(keys, "nested"), append(msgs, "nested needs each: the path to the nested errors, such as errors[]")
	}
	for name, conds := range map[string][]string{"when": s.When, "any": s.Any, "headers": s.Headers} {
		for i, w := range conds {
			if _, err := catalog.ParseCond(w); err != nil {
				keys, msgs = append(keys, fmt.Sprintf("%s[%d]", name, i)), append(msgs, name+" "+err.Error())
			}
		}
	}
	if s.KnownCodes && !s.Signature() {
		keys, msgs = append(keys, "known_codes"), append(msgs, "known_codes narrows a shape's when or any conditions: give some")
	}
	return keys, msgs
}

// validHeader: a header field name (RFC 9110 token characters).
func validHeader(h string) bool {
	if h == "" {
		return false
	}
	for i := 0; i < len(h); i++ {
		if c := h[i]; c <= ' ' || c >= 0x7f || strings.IndexByte("\"(),/:;<=>?@[\\]{}", c) >= 0 {
			return false
		}
	}
	return true
}

// parsed collects the problems of one file and places them, in the syntax
// tree parsed once for the file.
type parsed struct {
	name     string
	data     []byte
	file     *ast.File
	problems []Problem
	more     int // problems past maxProblems, counted
}

// maxProblems is how many problems of one file are placed and reported;
// the rest are counted. A file with thousands is wrong in one way, and
// placing each costs a walk of the tree.
const maxProblems = 100

// problem records msg at a YAML path ("$.entries[3].status"), located in
// the file's syntax tree.
func (p *parsed) problem(path, msg string) {
	if len(p.problems) >= maxProblems {
		p.more++
		return
	}
	line, col := 0, 0
	if yp, err := yaml.PathString(path); err == nil && p.file != nil {
		if n, err := yp.FilterFile(p.file); err == nil && n != nil && n.GetToken() != nil && n.GetToken().Position != nil {
			line, col = n.GetToken().Position.Line, n.GetToken().Position.Column
		}
	}
	if line == 0 {
		p.problems = append(p.problems, Problem{File: p.name, Msg: msg})
		return
	}
	p.problems = append(p.problems, at(p.name, p.data, line, col, msg))
}

// raw is the text written at a YAML path, "" if unknown.
func (p *parsed) raw(path string) string {
	yp, err := yaml.PathString(path)
	if err != nil || p.file == nil {
		return ""
	}
	if n, err := yp.FilterFile(p.file); err == nil && n != nil && n.GetToken() != nil {
		return n.GetToken().Value
	}
	return ""
}

// Parse reads one catalog. name is used in problems. A catalog with
// problems is not returned: errcode uses all of a file or none of it.
func Parse(name string, data []byte) (c *catalog.Catalog, problems []Problem) {
	// goccy/go-yaml v1.19.2 dereferences nil on some malformed input
	// ("entries: &a !0 00", found by FuzzParse): a bad file must be a
	// problem, not a crash.
	defer func() {
		if r := recover(); r != nil {
			c, problems = nil, []Problem{{File: name, Msg: fmt.Sprintf("the YAML parser failed on this file (%v); check its syntax", r)}}
		}
	}()
	if msg, line, col := nestingLimits(data); msg != "" {
		if line == 0 {
			return nil, []Problem{{File: name, Msg: msg}}
		}
		return nil, []Problem{at(name, data, line, col, msg)}
	}
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		return nil, []Problem{fromYAML(name, data, err)}
	}
	if nodes, bytes := expansion(f, maxExpansion); nodes > maxExpansion {
		return nil, []Problem{{File: name, Msg: fmt.Sprintf("its aliases expand to more than %d nodes; a catalog needs no aliases of aliases", maxExpansion)}}
	} else if bytes > maxExpansionBytes {
		return nil, []Problem{{File: name, Msg: fmt.Sprintf("its aliases expand to more than %d MiB; a catalog needs no aliases of long values", maxExpansionBytes>>20)}}
	}
	if t := unsupportedTag(f); t != nil {
		return nil, []Problem{atToken(name, data, t.Start, fmt.Sprintf("the YAML tag %s is not supported in a catalog: write plain strings, numbers and lists", t.Start.Value))}
	}
	if docs := documents(f); docs > 1 {
		return nil, []Problem{{File: name, Msg: fmt.Sprintf("holds %d YAML documents; a catalog is one (remove the --- lines after the first)", docs)}}
	}
	var fc fileCatalog
	if len(f.Docs) > 0 && f.Docs[0] != nil && f.Docs[0].Body != nil { // decoded from the tree: the file is parsed once
		if err := yaml.NodeToValue(f.Docs[0].Body, &fc, yaml.Strict(), yaml.DisallowUnknownField()); err != nil {
			return nil, []Problem{fromYAML(name, data, err)}
		}
	}
	p := &parsed{name: name, data: data, file: f}
	if !ValidID(fc.ID) {
		p.problem("$.id", fmt.Sprintf("id %q must be lower-case letters, digits, '-' or '_', starting with a letter", fc.ID))
	}
	c = &catalog.Catalog{ID: fc.ID, Name: fc.Name, DocURL: fc.DocURL, Source: fc.Source, Protocol: fc.Protocol}
	for i, h := range fc.Hosts {
		h = strings.ToLower(strings.TrimSpace(h))
		if h == "" || strings.ContainsAny(h, "/: ") {
			p.problem(fmt.Sprintf("$.hosts[%d]", i), fmt.Sprintf("host %q must be a bare host name, such as api.example.com", h))
		}
		c.Hosts = append(c.Hosts, h)
	}
	bodies, base := fc.Bodies, "$.bodies"
	if fc.Body != nil {
		bodies, base = append([]fileBody{*fc.Body}, fc.Bodies...), "$.body"
		if len(fc.Bodies) > 0 {
			p.problem("$.body", "give body (one shape) or bodies (a list), not both")
		}
	}
	for i, b := range bodies {
		at := base
		if base == "$.bodies" {
			at = fmt.Sprintf("$.bodies[%d]", i)
		}
		sh := b.shape()
		keys, msgs := ShapeProblems(&sh)
		for j := range keys {
			path := at
			if keys[j] != "" {
				path += "." + keys[j]
			}
			p.problem(path, strings.TrimPrefix(at, "$.")+"."+msgs[j])
		}
		c.Bodies = append(c.Bodies, sh)
	}
	for key, hs := range map[string][]string{"request_id_headers": fc.RequestIDHeaders, "retry_headers": fc.RetryHeaders, "code_headers": fc.CodeHeaders} {
		for i, h := range hs {
			if !validHeader(h) {
				p.problem(fmt.Sprintf("$.%s[%d]", key, i), fmt.Sprintf("%s: %q is not a header name such as X-Request-Id", key, h))
			}
		}
	}
	c.RequestIDHeaders, c.RetryHeaders, c.CodeHeaders = fc.RequestIDHeaders, fc.RetryHeaders, fc.CodeHeaders
	for i, l := range fc.Lines {
		if msg := LineProblem(l); msg != "" {
			p.problem(fmt.Sprintf("$.lines[%d]", i), "lines: "+msg)
		}
	}
	c.Lines = fc.Lines

	seen := map[string]int{}
	codes := make([]string, len(fc.Entries)) // each entry's code as errcode reads it
	for i, fe := range fc.Entries {
		at := fmt.Sprintf("$.entries[%d]", i)
		e, field, err := fe.entry(fc.ID)
		codes[i] = e.Code
		if key := catalog.Key(e.Code); key != "" {
			if prev, dup := seen[key]; dup {
				msg := fmt.Sprintf("code %q duplicates entry %d (%q)", e.Code, prev+1, codes[prev])
				for _, j := range []int{prev, i} { // 0x10 and 16 are one number to YAML
					if raw := p.raw(fmt.Sprintf("$.entries[%d].code", j)); raw != "" && raw != codes[j] {
						msg += fmt.Sprintf("; YAML reads %s as the number %s: quote codes to keep them as written", raw, codes[j])
						break
					}
				}
				p.problem(at+".code", msg)
				continue
			}
			seen[key] = i
		}
		if err != nil {
			p.problem(at+field, err.Error())
			continue
		}
		c.Entries = append(c.Entries, e)
	}
	if p.more > 0 {
		p.problems = append(p.problems, Problem{File: name, Msg: fmt.Sprintf("and %d more problems", p.more), Omitted: p.more})
	}
	if len(p.problems) > 0 {
		return nil, p.problems
	}
	return c, nil
}

// entry checks one entry; on a problem it says which field (".status").
func (fe fileEntry) entry(catalogID string) (catalog.Entry, string, error) {
	e := catalog.Entry{
		Catalog: catalogID, Token: fe.Token, Status: fe.Status,
		Category: fe.Category, Title: fe.Title, Message: fe.Message,
		Description: fe.Description, Causes: fe.Causes, Fixes: fe.Fixes,
		DocURL: fe.DocURL, Source: fe.Source, Reference: fe.Reference,
	}
	switch x := fe.Code.(type) {
	case nil:
	case string:
		e.Code = x
	case int, int64, uint64, float64:
		e.Code = fmt.Sprint(x)
	default:
		return e, ".code", fmt.Errorf("code must be a string or a number")
	}
	if catalog.Key(e.Code) == "" {
		return e, "", fmt.Errorf("entry has no code")
	}
	if fe.Status != 0 && (fe.Status < 100 || fe.Status > 599) {
		return e, ".status", fmt.Errorf("status %d is outside 100-599", fe.Status)
	}
	if fe.Retryable != nil {
		e.Retryable = catalog.RetryNo
		if *fe.Retryable {
			e.Retryable = catalog.RetryYes
		}
	}
	switch fe.Kind {
	case "", "documented":
		e.Kind = catalog.Documented
	case "supplement":
		e.Kind = catalog.Supplement
	case "unofficial":
		e.Kind = catalog.Unofficial
	case "range":
		e.Kind = catalog.Range
	default:
		return e, ".kind", fmt.Errorf("kind %q is not one of documented, supplement, unofficial, range", fe.Kind)
	}
	if (e.Kind == catalog.Range) != (fe.Range != nil) {
		return e, "", fmt.Errorf("kind: range and a range: {from, to} go together")
	}
	if fe.Range != nil {
		if fe.Range.From > fe.Range.To {
			return e, ".range", fmt.Errorf("range from %d is after to %d", fe.Range.From, fe.Range.To)
		}
		e.From, e.To = fe.Range.From, fe.Range.To
	}
	if (e.Kind == catalog.Supplement || e.Kind == catalog.Unofficial) && fe.Source == "" {
		article := "a"
		if e.Kind == catalog.Unofficial {
			article = "an"
		}
		return e, ".kind", fmt.Errorf("%s %s entry must say its source", article, e.Kind)
	}
	return e, "", nil
}
