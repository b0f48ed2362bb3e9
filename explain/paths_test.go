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

func TestPathValues(t *testing.T) {
	v := jsonValue(t, `{"error":{"code":"E1","n":42,"empty":"","errors":[{"code":"A"},{"code":""},{"x":1},{"code":"B"}],"byField":{"b":["m2"],"a":"m1"}},"list":["p","q"]}`)
	for path, want := range map[string][]string{
		"error.code":                       {"E1"},
		"error.n":                          {"42"},
		"error.empty":                      nil, // empty values are no values
		"error.errors[].code":              {"A", "B"},
		"list[]":                           {"p", "q"},
		"error.missing":                    nil,
		"error.code.deeper":                nil,
		"":                                 nil,
		"error":                            nil,    // an object is no value
		"error.missing|error.code|error.n": {"E1"}, // the first alternative that finds
		"error.byField[]":                  {"m1"}, // an object's values, by key (the list under b is no text)
	} {
		if got := values(v, path); !slices.Equal(got, want) {
			t.Errorf("values(%q) = %q, want %q", path, got, want)
		}
	}
	if _, err := catalog.ParsePath("a..b"); err == nil {
		t.Error("a..b parsed")
	}
}

func TestConditions(t *testing.T) {
	v := jsonValue(t, `{"type":"error","n":7,"ok":false,"error":{"type":"overloaded_error","param":null,"message":"You hit a Secondary Rate Limit"}}`)
	for _, tc := range []struct {
		when, any []string
		want      bool
	}{
		{nil, nil, true},
		{[]string{"type=error"}, nil, true},
		{[]string{"type=other"}, nil, false},
		{[]string{"type=other|error"}, nil, true},
		{[]string{"n=7"}, nil, true}, // a number as written
		{[]string{"ok=false"}, nil, true},
		{[]string{"error.param"}, nil, true}, // null is there
		{[]string{"!error.param"}, nil, false},
		{[]string{"!error.doc_url"}, nil, true},
		{[]string{"error.param=x"}, nil, false}, // null is no value
		{[]string{"error.message~=secondary rate limit"}, nil, true},
		{[]string{"error.message~=primary"}, nil, false},
		{[]string{"type=error", "error.doc_url"}, nil, false}, // all must hold
		{nil, []string{"error.doc_url", "error.param"}, true}, // one of any
		{nil, []string{"error.doc_url", "error.x"}, false},
		{[]string{"type=error"}, []string{"error.doc_url"}, false},
	} {
		s := catalog.BodyShape{When: tc.when, Any: tc.any}
		if got := s.Matches(v, str, func(string) string { return "" }); got != tc.want {
			t.Errorf("when %q any %q = %v, want %v", tc.when, tc.any, got, tc.want)
		}
	}
	s := catalog.BodyShape{Headers: []string{"X-Ratelimit-Remaining=0"}}
	if !s.Matches(v, str, func(h string) string { return map[string]string{"X-Ratelimit-Remaining": "0"}[h] }) || s.Matches(v, str, func(string) string { return "5" }) {
		t.Error("a header condition")
	}
}

// readShape pairs codes, tokens and messages by position; one message
// stands for all; nested errors come after, a bare string as its message.
func TestReadShape(t *testing.T) {
	v := jsonValue(t, `{"errors":[{"c":"A","t":"TA"},{"c":"B","t":"TB"},{"t":"TC"}],"msg":"one for all","meta":{"id":"r1"},"ms":["m1","m2"],"wait":"2.5","st":"409","sub":[{"k":"N1","m":"n"},"plain"]}`)
	r := readShape(v, &catalog.BodyShape{Code: "errors[].c", Token: "errors[].t", Message: "msg", RequestID: "meta.id", Wait: "wait", Status: "st",
		Nested: &catalog.NestedPaths{Each: "sub[]", Code: "k", Message: "m|."}})
	want := []Item{{Code: "A", Token: "TA", Message: "one for all"}, {Code: "B", Token: "TB", Message: "one for all"}, {Token: "TC", Message: "one for all"},
		{Code: "N1", Message: "n", Depth: 1}, {Message: "plain", Depth: 1}}
	if !slices.Equal(r.items, want) || r.requestID != "r1" || r.status != 409 || r.wait == nil || *r.wait != 3 {
		t.Errorf("items %+v, id %q, status %d, wait %v", r.items, r.requestID, r.status, r.wait)
	}
	r = readShape(v, &catalog.BodyShape{Code: "errors[].c", Message: "ms[]"})
	if want := []Item{{Code: "A", Message: "m1"}, {Code: "B", Message: "m2"}}; !slices.Equal(r.items, want) {
		t.Errorf("messages by position: %+v", r.items)
	}
	r = readShape(v, &catalog.BodyShape{Names: "named", Message: "msg"})
	if want := []Item{{Code: "named", Message: "one for all"}}; !slices.Equal(r.items, want) {
		t.Errorf("names: %+v", r.items)
	}
}

// Which catalog's body shape explains a body: --catalog, then the host,
// then a declared signature (with known_codes, a code it has), then a
// shape without conditions whose code is evidence.
func TestClaimByShape(t *testing.T) {
	withWhen := &catalog.Catalog{ID: "w", Bodies: []catalog.BodyShape{{Code: "error.code", When: []string{"kind=w"}}}}
	known := &catalog.Catalog{ID: "k", Bodies: []catalog.BodyShape{{Code: "error.code", When: []string{"kind=k"}, KnownCodes: true}}, Entries: []catalog.Entry{{Code: "K1"}}}
	hosted := &catalog.Catalog{ID: "h", Hosts: []string{"api.h.example"}, Bodies: []catalog.BodyShape{{Code: "error.code"}}}
	coded := &catalog.Catalog{ID: "c", Bodies: []catalog.BodyShape{{Code: "error.code"}}, Entries: []catalog.Entry{{Code: "E7X", Status: 409}, {Code: "rate_limit", Status: 429}}}
	noBody := &catalog.Catalog{ID: "n"}
	ix := catalog.NewIndex([]*catalog.Catalog{noBody, withWhen, known, hosted, coded})
	v := jsonValue(t, `{"kind":"w","error":{"code":"E7X"}}`)
	for _, tc := range []struct {
		host, forced string
		v            any
		status       int
		want, why    string
	}{
		{"", "c", v, 0, "c", "--catalog"},
		{"", "h", v, 0, "h", "--catalog"},
		{"eu.api.h.example", "", jsonValue(t, `{"error":{"code":"E7X"}}`), 0, "h", "host eu.api.h.example"},
		{"", "", v, 0, "w", "body shape"},
		{"", "", jsonValue(t, `{"kind":"k","error":{"code":"K1"}}`), 0, "k", "body shape"},
		{"", "", jsonValue(t, `{"kind":"k","error":{"code":"K2"}}`), 0, "", ""}, // known_codes: a code it lacks claims nothing
		{"", "", jsonValue(t, `{"error":{"code":"E7X"}}`), 409, "c", "code E7X"},
		{"", "", jsonValue(t, `{"error":{"code":"E7X"}}`), 500, "", ""},        // the status disagrees
		{"", "", jsonValue(t, `{"error":{"code":"rate_limit"}}`), 429, "", ""}, // a generic code is no evidence
		{"", "", jsonValue(t, `{"error":{"code":"E8"}}`), 0, "", ""},
		{"", "n", v, 0, "", ""}, // forced to a catalog without body shapes
	} {
		c, ok := claimByShape(ix, tc.host, tc.forced, tc.v, tc.status, nil)
		got := ""
		if ok {
			got = c.c.ID
		}
		if got != tc.want || c.why != tc.why {
			t.Errorf("host %q, --catalog %q, status %d, %v: %q (%s), want %q (%s)", tc.host, tc.forced, tc.status, tc.v, got, c.why, tc.want, tc.why)
		}
	}
}
