package explain

import (
	"cmp"
	"encoding/json"
	"strings"
	"testing"
)

// What util.inspect prints that a JSON literal says otherwise: a string in
// double quotes (it holds a single quote), a symbol key ([cause]), an
// object on one line (a function in it is null), and the comma a property
// left out leaves behind.
func TestNodeInspectJSONOctokit(t *testing.T) {
	ls := []string{"RequestError [HttpError]: API rate limit exceeded", "    at f (x.js:1:1) {",
		"  status: 403,", "  request: {", "    method: 'GET',", "    request: { hook: [Function: bound bound register] }", "  },",
		`  data: { message: "it's", n: 1 },`, `  message: "API rate limit exceeded (here's why)",`, "  [cause]: undefined", "}"}
	s := nodeInspectJSON(ls, ls[0])
	var v map[string]any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	data, _ := v["data"].(map[string]any)
	inner, _ := v["request"].(map[string]any)["request"].(map[string]any)
	if v["status"] != 403.0 || v["message"] != "API rate limit exceeded (here's why)" || data["message"] != "it's" || data["n"] != 1.0 ||
		inner == nil || inner["hook"] != nil {
		t.Errorf("read as %v", v)
	}
	if _, ok := v["[cause]"]; ok {
		t.Errorf("the symbol key was read: %v", v)
	}
}

// The response's headers an SDK's error object holds are the exchange's;
// the request's never are.
func TestInspectedHeaders(t *testing.T) {
	h, _ := inspectedHeaders([]byte(`{"request": {"headers": {"authorization": "token x"}}, "response": {"headers": {"x-ratelimit-remaining": "0", "n": 1}}}`))
	if h.Get("X-Ratelimit-Remaining") != "0" || h.Get("Authorization") != "" || h.Get("N") != "" {
		t.Errorf("response.headers: %v", h)
	}
	if h, _ := inspectedHeaders([]byte(`{"headers": {"request-id": "req_1"}}`)); h.Get("Request-Id") != "req_1" {
		t.Errorf("headers: %v", h)
	}
	if h, _ := inspectedHeaders([]byte(`{"request": {"headers": {"authorization": "token x"}}}`)); h != nil {
		t.Errorf("the request's headers were read: %v", h)
	}
}

// Octokit's and stripe-node's errors, as Node prints them uncaught, are
// their API's by the body signature each catalog declares; a look-alike
// without the signature is an API errcode does not know.
func TestNodeSDKErrorsAttributed(t *testing.T) {
	octokit := func(doc string) string {
		return strings.Join([]string{"RequestError [HttpError]: API rate limit exceeded", "    at f (x.js:1:1) {", "  status: 403,",
			"  response: {", "    url: 'http://127.0.0.1:1/repos/o/r',", "    status: 403,", "    headers: {",
			"      date: 'Sun, 22 Nov 2026 10:00:00 GMT',", "      'x-github-request-id': 'C0DE:1',", "      'x-ratelimit-remaining': '0',", "      'x-ratelimit-reset': '1795341645'", "    },",
			"    data: {", "      message: 'API rate limit exceeded',", "      documentation_url: '" + doc + "'", "    }", "  },", "  [cause]: undefined", "}", ""}, "\n")
	}
	stripe := func(class string) string {
		return strings.Join([]string{class + ": Your card has insufficient funds.", "    at f (x.js:1:1) {", "  type: '" + class + "',",
			"  raw: {", "    code: 'card_declined',", "    decline_code: 'insufficient_funds',", "    doc_url: 'https://stripe.com/docs/error-codes/card-declined',",
			"    message: 'Your card has insufficient funds.',", "    type: 'card_error'", "  },", "  rawType: 'card_error',", "  requestId: 'req_1',", "  statusCode: 402,", "  code: 'card_declined'", "}", ""}, "\n")
	}
	for _, c := range []struct {
		name, in, catalog, first string
		status, wait             int
		id                       string
	}{
		{"octokit", octokit("https://docs.github.com/rest/overview/rate-limits"), "github", "primary-rate-limit", 403, 45, "C0DE:1"},
		{"octokit's shape, another API's docs", octokit("https://docs.example.com/rate-limits"), "", "", 403, 45, "C0DE:1"},
		{"stripe-node", stripe("StripeCardError"), "stripe", "card_declined", 402, -1, "req_1"},
		{"stripe-node's shape, another class", stripe("PaymentError"), "", "card_declined", 402, -1, "req_1"},
	} {
		d := diagnose(t, c.in)
		got, first := "", ""
		if d.Catalog != nil {
			got = d.Catalog.ID
		}
		if len(d.Findings) > 0 {
			first = cmp.Or(d.Findings[0].Code, d.Findings[0].Token)
		}
		wait := -1
		if d.RetryWait != nil {
			wait = *d.RetryWait
		}
		if got != c.catalog || c.first != "" && first != c.first || d.Status != c.status || wait != c.wait || d.RequestID != c.id {
			t.Errorf("%s: %q %q, status %d, wait %d, id %q; want %q %q, %d, %d, %q", c.name, got, first, d.Status, wait, d.RequestID, c.catalog, c.first, c.status, c.wait, c.id)
		}
	}
}

// inlineJSON: an object util.inspect printed on one line, as JSON; what
// JSON cannot say is null, and what it cannot read, all null.
func TestInlineJSON(t *testing.T) {
	for in, want := range map[string]string{
		`{ type: 'overloaded_error', message: 'Overloaded' }`:    `{ "type": "overloaded_error", "message": "Overloaded" }`,
		`{ hook: [Function: bound register], n: 1.5, ok: true }`: `{ "hook": null, "n": 1.5, "ok": true }`,
		`[ 'a', "it's", undefined ]`:                             `[ "a", "it's", null ]`,
		`{ s: Symbol(x) }`:                                       "null",
		`{ a: 'unterminated }`:                                   "null",
	} {
		if got := inlineJSON(in); got != want {
			t.Errorf("inlineJSON(%q) = %q, want %q", in, got, want)
		}
	}
}

// An SDK's error object in which no reader finds an error: the exception's
// line is the error shown, not an empty list.
func TestProgramErrorShownWhenTheBodyHasNone(t *testing.T) {
	// Anthropic's SDK object but for the requestID its catalog's row
	// asks for: no catalog claims it, and the generic reader finds no
	// error in {"type": "error", "error": {...}} nested under "error".
	in := "OverloadedError: 529 Overloaded (request_id: req_1)\n    at f (x.js:1:1) {\n  status: 529,\n" +
		"  error: {\n    type: 'error',\n    error: { type: 'overloaded_error', message: 'Overloaded' },\n    request_id: 'req_1'\n  },\n  apiMessage: 'Overloaded'\n}\n"
	d := diagnose(t, in)
	if d.Status != 529 || len(d.Findings) != 1 || d.Findings[0].Message != "OverloadedError: 529 Overloaded (request_id: req_1)" {
		t.Errorf("status %d, findings %+v", d.Status, d.Findings)
	}
}

// inlineJSON and nodeInspectJSON never panic, and what they give is JSON
// or nothing.
func FuzzInlineJSON(f *testing.F) {
	f.Add(`{ type: 'overloaded_error', message: 'Overloaded' }`)
	f.Add(`{ hook: [Function: bound register], s: "it's", n: [ 1, 2 ] }`)
	f.Add(`[ '\'', "\"", undefined ]`)
	f.Fuzz(func(t *testing.T, s string) {
		if out := inlineJSON(s); !json.Valid([]byte(out)) {
			t.Errorf("inlineJSON(%q) = %q: not JSON", s, out)
		}
		nodeInspectJSON([]string{"Error: x", "    at f (x.js:1:1) {", "  a: " + s, "}"}, "Error: x")
	})
}
