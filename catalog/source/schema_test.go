package source

import (
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// The published JSON Schema (catalog/schema.json) names exactly the keys
// the parser accepts, at every level, and the id pattern agrees with ValidID.
func TestSchemaMatchesParser(t *testing.T) {
	b, err := os.ReadFile("../schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Properties map[string]struct {
			Properties map[string]any `json:"properties"`
		} `json:"properties"`
		Defs struct {
			Body struct {
				Properties map[string]struct {
					Properties map[string]any `json:"properties"`
				} `json:"properties"`
			} `json:"body"`
			Entry struct {
				Properties map[string]struct {
					Properties map[string]any `json:"properties"`
				} `json:"properties"`
			} `json:"entry"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	check := func(what string, schema []string, v any) {
		var tags []string
		rt := reflect.TypeOf(v)
		for i := 0; i < rt.NumField(); i++ {
			tags = append(tags, strings.Split(rt.Field(i).Tag.Get("yaml"), ",")[0])
		}
		slices.Sort(tags)
		slices.Sort(schema)
		if !slices.Equal(tags, schema) {
			t.Errorf("%s: the schema has %v, the parser %v", what, schema, tags)
		}
	}
	keys := func(m any) []string {
		var out []string
		for _, k := range reflect.ValueOf(m).MapKeys() {
			out = append(out, k.String())
		}
		return out
	}
	check("catalog", keys(s.Properties), fileCatalog{})
	check("body", keys(s.Defs.Body.Properties), fileBody{})
	check("nested", keys(s.Defs.Body.Properties["nested"].Properties), fileNested{})
	check("entry", keys(s.Defs.Entry.Properties), fileEntry{})
	check("range", keys(s.Defs.Entry.Properties["range"].Properties), fileRange{})
}
