package explain

import (
	"slices"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

func jsonValue(t *testing.T, s string) any {
	t.Helper()
	v, ok, _ := parseJSON([]byte(s))
	if !ok {
		t.Fatalf("not JSON: %s", s)
	}
	return v
}

func TestEvalPath(t *testing.T) {
	v := jsonValue(t, `{"error":{"code":"E1","n":42,"empty":"","errors":[{"code":"A"},{"code":""},{"x":1},{"code":"B"}]},"list":["p","q"]}`)
	for path, want := range map[string][]string{
		"error.code":          {"E1"},
		"error.n":             {"42"},
		"error.empty":         nil, // empty values are no values
		"error.errors[].code": {"A", "B"},
		"list[]":              {"p", "q"},
		"error.missing":       nil,
		"error.code.deeper":   nil,
		"":                    nil,
		"error":               nil, // an object is no value
	} {
		if got := evalPath(v, path); !slices.Equal(got, want) {
			t.Errorf("evalPath(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestHolds(t *testing.T) {
	v := jsonValue(t, `{"type":"error","error":{"type":"overloaded_error","param":null}}`)
	for _, tc := range []struct {
		when []string
		want bool
	}{
		{nil, true},
		{[]string{"type=error"}, true},
		{[]string{"type=other"}, false},
		{[]string{"error.param"}, true}, // null is there
		{[]string{"!error.param"}, false},
		{[]string{"!error.doc_url"}, true},
		{[]string{"error.doc_url"}, false},
		{[]string{"error.param=x"}, false}, // null is no value
		{[]string{"type=error", "!error.doc_url", "error.type=overloaded_error"}, true},
		{[]string{"type=error", "error.doc_url"}, false}, // all must hold
		{[]string{"type.deeper"}, false},
		{[]string{"error.type="}, false},
	} {
		if got := holds(v, tc.when); got != tc.want {
			t.Errorf("holds(%q) = %v, want %v", tc.when, got, tc.want)
		}
	}
}

// pathItems pairs codes, tokens and messages by position; one message
// stands for all; no items when the conditions fail.
func TestPathItems(t *testing.T) {
	v := jsonValue(t, `{"errors":[{"c":"A","t":"TA"},{"c":"B","t":"TB"},{"t":"TC"}],"msg":"one for all","meta":{"id":"r1"},"ms":["m1","m2"]}`)
	items, id := pathItems(v, &catalog.BodyPaths{Code: "errors[].c", Token: "errors[].t", Message: "msg", RequestID: "meta.id"})
	want := []Item{{Code: "A", Token: "TA", Message: "one for all"}, {Code: "B", Token: "TB", Message: "one for all"}, {Token: "TC", Message: "one for all"}}
	if !slices.Equal(items, want) || id != "r1" {
		t.Errorf("items %+v, id %q", items, id)
	}
	items, _ = pathItems(v, &catalog.BodyPaths{Code: "errors[].c", Message: "ms[]"})
	if want := []Item{{Code: "A", Message: "m1"}, {Code: "B", Message: "m2"}}; !slices.Equal(items, want) {
		t.Errorf("messages by position: %+v", items)
	}
	if items, id := pathItems(v, &catalog.BodyPaths{Code: "errors[].c", RequestID: "meta.id", When: []string{"!msg"}}); items != nil || id != "" {
		t.Errorf("conditions failing: %+v %q", items, id)
	}
	if items, id := pathItems(v, &catalog.BodyPaths{Code: "nothing", RequestID: "nothing"}); len(items) != 0 || id != "" {
		t.Errorf("paths to nothing: %+v %q", items, id)
	}
}

// Which catalog's body paths explain a body: --catalog, then the host,
// then conditions that single out an envelope, then a code it has.
func TestByBodyPaths(t *testing.T) {
	withWhen := &catalog.Catalog{ID: "w", Body: &catalog.BodyPaths{Code: "error.code", When: []string{"kind=w"}}}
	hosted := &catalog.Catalog{ID: "h", Hosts: []string{"api.h.example"}, Body: &catalog.BodyPaths{Code: "error.code"}}
	coded := &catalog.Catalog{ID: "c", Body: &catalog.BodyPaths{Code: "error.code"}, Entries: []catalog.Entry{{Code: "E7", Status: 409}}}
	noBody := &catalog.Catalog{ID: "n"}
	ix := catalog.NewIndex([]*catalog.Catalog{noBody, withWhen, hosted, coded})
	v := jsonValue(t, `{"kind":"w","error":{"code":"E7"}}`)
	for _, tc := range []struct {
		host, forced string
		v            any
		status       int
		want, why    string
	}{
		{"", "c", v, 0, "c", "--catalog"},
		{"", "h", v, 0, "h", "--catalog"},
		{"eu.api.h.example", "", v, 0, "w", "body shape"}, // w comes first, and its conditions hold
		{"eu.api.h.example", "", jsonValue(t, `{"error":{"code":"E7"}}`), 0, "h", "host eu.api.h.example"},
		{"", "", jsonValue(t, `{"error":{"code":"E7"}}`), 409, "c", "body paths, code E7"},
		{"", "", jsonValue(t, `{"error":{"code":"E8"}}`), 0, "", ""},
		{"", "n", v, 0, "", ""}, // forced to a catalog without body paths
	} {
		c, _, _, why := byBodyPaths(ix, tc.host, tc.forced, tc.v, tc.status)
		got := ""
		if c != nil {
			got = c.ID
		}
		if got != tc.want || why != tc.why {
			t.Errorf("host %q, --catalog %q, status %d: %q (%s), want %q (%s)", tc.host, tc.forced, tc.status, got, why, tc.want, tc.why)
		}
	}
}
