// Package source reads catalogs from their YAML form: the built-in
// catalog/data/*.yaml (for the generator) and users' own catalogs. It is
// strict: unknown keys, wrong types and inconsistent values are problems,
// each with its file, line and column.
package source

import (
	"bytes"
	"cmp"
	"fmt"
	"net/url"
	"slices"
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
	line, col := 0, 0
	if yp, err := yaml.PathString(path); err == nil && p.file != nil && len(p.problems) < maxProblems {
		n, err := yp.FilterFile(p.file)
		if m, ok := n.(*ast.MappingNode); ok && strings.HasSuffix(path, "]") && len(m.Values) > 0 && m.Values[0].Key != nil {
			n = m.Values[0].Key // a whole entry's problem: at its first key, where the entry starts
		}
		if err == nil && n != nil && n.GetToken() != nil && n.GetToken().Position != nil {
			line, col = n.GetToken().Position.Line, n.GetToken().Position.Column
		}
	}
	p.problemAt(line, col, msg)
}

// problemAt records msg at a line and column (0: no one place).
func (p *parsed) problemAt(line, col int, msg string) {
	if len(p.problems) >= maxProblems {
		p.more++
		return
	}
	if line == 0 {
		p.problems = append(p.problems, Problem{File: p.name, Msg: msg})
		return
	}
	p.problems = append(p.problems, at(p.name, p.data, line, col, msg))
}

// sorted is the problems in the order of the file: those of no one place
// (no id) first, then by line and column; the count of the omitted last.
func (p *parsed) sorted() []Problem {
	out := slices.Clone(p.problems)
	slices.SortStableFunc(out, func(a, b Problem) int {
		if c := cmp.Compare(min(a.Line, 1), min(b.Line, 1)); c != 0 {
			return c
		}
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
	if p.more > 0 {
		out = append(out, Problem{File: p.name, Msg: fmt.Sprintf("and %d more %s", p.more, plural(p.more, "problem", "problems")), Omitted: p.more})
	}
	return out
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

// Parse reads one catalog. name is used in problems, which are all the
// file's problems that can be found in one reading, in the order of the
// file. A catalog with problems is not returned: errcode uses all of a
// file or none of it.
func Parse(name string, data []byte) (c *catalog.Catalog, problems []Problem) {
	// goccy/go-yaml v1.19.2 dereferences nil on some malformed input
	// ("entries: &a !0 00", found by FuzzParse): a bad file must be a
	// problem, not a crash.
	defer func() {
		if r := recover(); r != nil {
			c, problems = nil, []Problem{{File: name, Msg: fmt.Sprintf("the YAML parser failed on this file (%v); check its syntax", r)}}
		}
	}()
	// A byte-order mark, as Windows' Notepad may save UTF-8, is not text:
	// YAML allows one at the start, and columns are counted after it.
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if msg, line, col := nestingLimits(data); msg != "" {
		if line == 0 {
			return nil, []Problem{{File: name, Msg: msg}}
		}
		return nil, []Problem{at(name, data, line, col, msg)}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, []Problem{{File: name, Msg: "the file is empty: a catalog needs at least a line id: NAME (errcode catalogs init NAME writes a commented starter)"}}
	}
	if items := entryItems(data); items != nil && chunking {
		if c := parseChunks(name, data, items); c != nil {
			return c, nil
		}
	}
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		return nil, syntaxProblems(name, data, err)
	}
	if nodes, bytes := expansion(f, maxExpansion); nodes > maxExpansion {
		return nil, []Problem{{File: name, Msg: fmt.Sprintf("its aliases expand to more than %d nodes; a catalog needs no aliases of aliases", maxExpansion)}}
	} else if bytes > maxExpansionBytes {
		return nil, []Problem{{File: name, Msg: fmt.Sprintf("its aliases expand to more than %d MiB; a catalog needs no aliases of long values", maxExpansionBytes>>20)}}
	}
	if t := unsupportedTag(f); t != nil {
		return nil, []Problem{atToken(name, data, t.Start, fmt.Sprintf("the YAML tag %s is not supported in a catalog: write plain strings, numbers and lists", t.Start.Value))}
	}
	docs := documents(f)
	if docs > 1 {
		return nil, []Problem{{File: name, Msg: fmt.Sprintf("holds %d YAML documents; a catalog is one (remove the --- or ... lines after the first)", docs)}}
	}
	if docs == 0 {
		return nil, []Problem{{File: name, Msg: "the file holds only comments: a catalog needs at least a line id: NAME"}}
	}
	p := &parsed{name: name, data: data, file: f}
	fc, bad, ok := p.decode(f.Docs[0].Body)
	if !ok {
		return nil, p.sorted()
	}
	if c = p.build(&fc, bad); c == nil {
		return nil, p.sorted()
	}
	return c, nil
}

// build checks a decoded catalog and makes it, or records its problems
// and gives nil. bad holds the paths the decoder could not take.
func (p *parsed) build(fc *fileCatalog, bad map[string]bool) *catalog.Catalog {
	switch {
	case bad["id"]:
	case fc.ID == "":
		p.problemAt(0, 0, "no id: add a line such as id: acme (lower-case letters, digits, '-' or '_')")
	case !ValidID(fc.ID):
		p.problem("$.id", fmt.Sprintf("id: %q must be lower-case letters, digits, '-' or '_', starting with a letter", fc.ID))
	}
	c := &catalog.Catalog{ID: fc.ID, Name: fc.Name, DocURL: fc.DocURL, Source: fc.Source, Protocol: fc.Protocol}
	for i, h := range fc.Hosts {
		h = strings.ToLower(strings.TrimSpace(h))
		if msg := hostProblem(h); msg != "" {
			p.problem(fmt.Sprintf("$.hosts[%d]", i), fmt.Sprintf("hosts[%d]: %s", i, msg))
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
	for _, hs := range []struct {
		key string
		hs  []string
	}{{"request_id_headers", fc.RequestIDHeaders}, {"retry_headers", fc.RetryHeaders}, {"code_headers", fc.CodeHeaders}} {
		for i, h := range hs.hs {
			if !validHeader(h) {
				p.problem(fmt.Sprintf("$.%s[%d]", hs.key, i), fmt.Sprintf("%s: %q is not a header name such as X-Request-Id", hs.key, h))
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

	seen := make(map[string]int, len(fc.Entries))
	codes := make([]string, len(fc.Entries)) // each entry's code as errcode reads it
	if len(fc.Entries) > 0 {
		c.Entries = make([]catalog.Entry, 0, len(fc.Entries))
	}
	for i, fe := range fc.Entries {
		at := fmt.Sprintf("entries[%d]", i)
		if bad[at] {
			continue // not an entry: said where it was found
		}
		e, fps := fe.entry(fc.ID, at, func(field string) bool { return bad[at+field] })
		codes[i] = e.Code
		if key := catalog.Key(e.Code); key != "" {
			if prev, dup := seen[key]; dup {
				msg := fmt.Sprintf("%s.code: %q repeats the code of entries[%d]", at, e.Code, prev)
				if e.Code != codes[prev] {
					msg = fmt.Sprintf("%s.code: %q repeats the code of entries[%d] (%q); codes are compared ignoring case, '-' and '_'", at, e.Code, prev, codes[prev])
				}
				for _, j := range []int{prev, i} { // 0x10 and 16 are one number to YAML
					if raw := p.raw(fmt.Sprintf("$.entries[%d].code", j)); raw != "" && raw != codes[j] {
						msg = fmt.Sprintf("%s.code: %q repeats the code of entries[%d] (%q); YAML reads %s as the number %s: quote codes to keep them as written", at, e.Code, prev, codes[prev], raw, codes[j])
						break
					}
				}
				fps = append(fps, fieldProblem{".code", msg})
			} else {
				seen[key] = i
			}
		}
		for _, fp := range fps {
			p.problem("$."+at+fp.field, fp.msg)
		}
		if len(fps) == 0 {
			c.Entries = append(c.Entries, e)
		}
	}
	if len(p.problems) > 0 {
		return nil
	}
	return c
}

// decode reads the document body into a fileCatalog. When the decoder
// refuses it, checkTree finds every unknown key and value of the wrong
// kind, takes them out, and the rest is decoded so that it can be checked
// too: bad holds the paths taken out. ok is false when nothing more can be
// checked.
func (p *parsed) decode(body ast.Node) (fc fileCatalog, bad map[string]bool, ok bool) {
	if body == nil {
		return fc, nil, true
	}
	err := yaml.NodeToValue(body, &fc, yaml.Strict(), yaml.DisallowUnknownField())
	if err == nil {
		return fc, nil, true
	}
	ch := checkTree(p, body)
	fc = fileCatalog{}
	if err2 := yaml.NodeToValue(body, &fc); err2 != nil || ch.found == 0 {
		if ch.found == 0 { // what the decoder saw, the checker did not: say it as best we can
			pr := fromYAML(p.name, p.data, err)
			p.problemAt(pr.Line, pr.Col, plainDecode(pr.Msg))
		}
		return fc, ch.bad, err2 == nil
	}
	return fc, ch.bad, true
}

// syntaxProblems are the problems of a file the YAML parser refused: each
// tab in an indentation (the parser names only the first, as a character
// that "cannot start any token"), or the parser's one problem in plain
// words.
func syntaxProblems(name string, data []byte, err error) []Problem {
	if lines, cols := tabs(data); len(lines) > 0 {
		out := make([]Problem, 0, min(len(lines), maxProblems))
		for i := range lines {
			if i == maxProblems {
				out = append(out, Problem{File: name, Msg: fmt.Sprintf("and %d more %s", len(lines)-i, plural(len(lines)-i, "problem", "problems")), Omitted: len(lines) - i})
				break
			}
			out = append(out, at(name, data, lines[i], cols[i], "a tab in the indentation: indent with spaces"))
		}
		return out
	}
	pr := fromYAML(name, data, err)
	pr.Msg = plainSyntax(pr.Msg)
	return []Problem{pr}
}

// hostProblem says what is wrong with a catalog's host, "" if nothing.
// A host is matched on any port (the response's port is dropped before
// matching), so a host written with one could never match: it is refused,
// with the host to write instead.
func hostProblem(h string) string {
	switch {
	case h == "":
		return "an empty host: write a host name such as api.example.com"
	case strings.Contains(h, "/"):
		if u, err := url.Parse(h); err == nil && u.Hostname() != "" {
			return fmt.Sprintf("%q is an address, not a host: write %s", h, u.Hostname())
		}
		return fmt.Sprintf("%q holds a '/': write the host name alone, such as api.example.com", h)
	case strings.Contains(h, ":"):
		host, _, _ := strings.Cut(h, ":")
		if strings.HasPrefix(h, "[") {
			return fmt.Sprintf("%q: write a host name, such as api.example.com (an IPv6 address cannot be a catalog's host)", h)
		}
		return fmt.Sprintf("%q has a port: write %s, which matches it on any port", h, host)
	case strings.ContainsAny(h, " \t"):
		return fmt.Sprintf("%q holds a space: write one host name an item, such as [api.example.com, eu.example.com]", h)
	}
	return ""
}

type fieldProblem struct{ field, msg string }

// entry checks one entry, at ("entries[3]"), and says every problem with
// the field it is at (".status").
// taken says a field was taken out for a problem already said.
func (fe fileEntry) entry(catalogID, at string, taken func(field string) bool) (catalog.Entry, []fieldProblem) {
	var fps []fieldProblem
	add := func(field, format string, a ...any) {
		fps = append(fps, fieldProblem{field, at + field + ": " + fmt.Sprintf(format, a...)})
	}
	e := catalog.Entry{
		Catalog: catalogID, Token: fe.Token, Status: fe.Status,
		Category: fe.Category, Title: fe.Title, Message: fe.Message,
		Description: fe.Description, Causes: fe.Causes, Fixes: fe.Fixes,
		DocURL: fe.DocURL, Source: fe.Source, Reference: fe.Reference,
	}
	switch x := fe.Code.(type) {
	case nil:
		add("", "no code: every entry needs one, such as code: ACME-1001")
	case string:
		e.Code = x
		if catalog.Key(x) == "" {
			add(".code", "%q is not a code: write letters or digits, such as ACME-1001", x)
		}
	case int, int64, uint64, float64:
		e.Code = fmt.Sprint(x)
	case bool:
		add(".code", "YAML reads %v as true or false: quote the code (\"%v\")", x, x)
	case []any:
		add(".code", "a list where a code is expected: write the code as text or a number")
	default:
		add(".code", "a set of keys where a code is expected: write the code as text or a number")
	}
	if fe.Status != 0 && (fe.Status < 100 || fe.Status > 599) {
		add(".status", "%d is not an HTTP status (100-599)", fe.Status)
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
		add(".kind", "%q is not one of documented, supplement, unofficial, range", fe.Kind)
	}
	switch {
	case taken(".range") || taken(".kind"):
	case fe.Kind == "range" && fe.Range == nil:
		add(".kind", "kind: range needs a range: {from: N, to: M}")
	case fe.Kind != "range" && fe.Range != nil:
		add(".range", "a range needs kind: range")
	case fe.Range != nil && fe.Range.From > fe.Range.To:
		add(".range", "from %d is after to %d", fe.Range.From, fe.Range.To)
	case fe.Range != nil:
		e.From, e.To = fe.Range.From, fe.Range.To
	}
	if (e.Kind == catalog.Supplement || e.Kind == catalog.Unofficial) && fe.Source == "" {
		add(".kind", "%s %s entry must say its source: add source: where its facts come from", map[bool]string{true: "an", false: "a"}[e.Kind == catalog.Unofficial], e.Kind)
	}
	return e, fps
}

// plural is one or many, as n says.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
