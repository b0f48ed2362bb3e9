// Package schemas holds the JSON Schemas (draft 2020-12) of errcode's
// --json outputs, generated from the Go types that print them (package
// render) and committed as *.schema.json; a test fails when they are
// stale, and another validates real outputs against them. The MCP server
// (errcode mcp) returns the same values, under the same schemas.
//
//	lookup.schema.json       errcode lookup --json
//	explain.schema.json      errcode explain --json, for a response
//	explain-har.schema.json  errcode explain --json, for a HAR file
//	explain-log.schema.json  errcode explain --json, for a log
//	list.schema.json         errcode list --json
//	catalogs.schema.json     errcode catalogs --json
//
// Stability: fields are added, never renamed or removed without a major
// version. The errcode binary does not link this package.
package schemas

//go:generate go run ../internal/schemagen -o .

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"

	"github.com/errcode-dev/errcode/render"
	"github.com/google/jsonschema-go/jsonschema"
)

// BaseURL is where the committed schemas are published; each schema's $id
// is BaseURL + its file name.
const BaseURL = "https://raw.githubusercontent.com/errcode-dev/errcode/main/schemas/"

// Output is one --json output and the Go type that prints it.
type Output struct {
	Name  string // the file is Name + ".schema.json"
	Title string
	Type  reflect.Type
}

// Outputs lists every --json output.
var Outputs = []Output{
	{"lookup", "errcode lookup --json", reflect.TypeFor[render.LookupJSON]()},
	{"explain", "errcode explain --json (a response)", reflect.TypeFor[render.ExplainJSON]()},
	{"explain-har", "errcode explain --json (a HAR file)", reflect.TypeFor[render.HARJSON]()},
	{"explain-log", "errcode explain --json (a log)", reflect.TypeFor[render.LogJSON]()},
	{"list", "errcode list --json", reflect.TypeFor[render.ListJSON]()},
	{"catalogs", "errcode catalogs --json", reflect.TypeFor[render.CatalogsJSON]()},
}

// For derives the schema of an output from its Go type. Structs are
// closed (additionalProperties: false), fields without omitempty
// required, pointers nullable; lists are never null (render makes every
// nil slice an empty one), so their schemas are plain arrays.
func For(o Output) (*jsonschema.Schema, error) {
	s, err := jsonschema.ForType(o.Type, nil)
	if err != nil {
		return nil, err
	}
	s.Title = o.Title
	arraysNotNull(s)
	return s, nil
}

// arraysNotNull makes every nullable array under s (properties and items
// are all For makes) a plain one.
func arraysNotNull(s *jsonschema.Schema) {
	if s == nil {
		return
	}
	if slices.Equal(s.Types, []string{"null", "array"}) {
		s.Types, s.Type = nil, "array"
	}
	for _, p := range s.Properties {
		arraysNotNull(p)
	}
	arraysNotNull(s.Items)
}

// Published is For with the $schema and $id of the committed file.
func Published(o Output) (*jsonschema.Schema, error) {
	s, err := For(o)
	if err != nil {
		return nil, err
	}
	s.Schema = "https://json-schema.org/draft/2020-12/schema"
	s.ID = BaseURL + o.Name + ".schema.json"
	return s, nil
}

// Files returns every committed file's name and content, as the generator
// writes them.
func Files() (map[string][]byte, error) {
	files := make(map[string][]byte, len(Outputs))
	for _, o := range Outputs {
		s, err := Published(o)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", o.Name, err)
		}
		b, err := json.Marshal(s)
		if err != nil {
			return nil, err
		}
		var buf bytes.Buffer
		if err := json.Indent(&buf, b, "", "  "); err != nil {
			return nil, err
		}
		buf.WriteByte('\n')
		files[o.Name+".schema.json"] = buf.Bytes()
	}
	return files, nil
}

// Named is For of the output called name; it panics on a name Outputs
// lacks (a programming error).
func Named(name string) (*jsonschema.Schema, error) {
	for _, o := range Outputs {
		if o.Name == name {
			return For(o)
		}
	}
	panic("schemas: no output " + name)
}

// Explain is the schema of whatever explain answers: a response's object,
// a HAR file's or a log's (the MCP explain tool's output schema).
func Explain() (*jsonschema.Schema, error) {
	s := &jsonschema.Schema{Type: "object", Title: "errcode explain --json"}
	for _, o := range Outputs {
		if o.Name == "explain" || o.Name == "explain-har" || o.Name == "explain-log" {
			sub, err := For(o)
			if err != nil {
				return nil, err
			}
			s.AnyOf = append(s.AnyOf, sub)
		}
	}
	return s, nil
}
