package catalog

import (
	"encoding/json"
	"testing"
)

// FuzzBodyPath: any path and condition parse or are refused without a
// panic; a parsed path finds a bounded number of values in any JSON; a
// condition and its negation never both hold.
func FuzzBodyPath(f *testing.F) {
	f.Add("error.code", "!error.doc_url", `{"error":{"code":"E1","errors":[{"c":1},{"c":2}]}}`)
	f.Add("errors[].c|error.code", "type=a|b", `{"type":"b","errors":[{"c":"x"}]}`)
	f.Add("a[].b[].c", "msg~=rate", `{"a":[{"b":[{"c":1},{"c":2}]}],"msg":"Rate limit"}`)
	f.Add(".", "a.b", `"plain"`)
	f.Fuzz(func(t *testing.T, path, cond, doc string) {
		var v any
		if json.Unmarshal([]byte(doc), &v) != nil {
			return
		}
		str := func(x any) string { s, _ := x.(string); return s }
		if p, err := ParsePath(path); err == nil {
			if got := p.Values(v); len(got) > 1000 {
				t.Errorf("%q found %d values", path, len(got))
			}
		}
		c, err := ParseCond(cond)
		if err != nil || cond == "" || cond[0] == '!' {
			return
		}
		neg, err := ParseCond("!" + cond)
		if err != nil {
			return // a value condition has no negation
		}
		if c.Holds(v, str) && neg.Holds(v, str) {
			t.Errorf("%q and its negation both hold on %s", cond, doc)
		}
	})
}
