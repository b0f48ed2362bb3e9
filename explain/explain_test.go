package explain

import (
	"bytes"
	"encoding/json"
	"io"
	"net/textproto"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
	"time"
	"unicode/utf8"

	"github.com/errcode-dev/errcode/catalog"
)

func TestParseJSONLenient(t *testing.T) {
	for _, tc := range []struct {
		in          string
		ok, exact   bool
		code, token string
	}{
		{`{"error_code": 1405, "error_token": "Duplicated"}`, true, true, "1405", "Duplicated"},
		{"{\n \"error_code\" : 1406,\n \"error_token\" : \"NotAllowed\",\n}", true, false, "1406", "NotAllowed"},
		{`{"error_code":1400,"error_token":"Input`, true, false, "1400", "Input"},
		{`{"error_code":1400,"errors":[{"error_code":1`, true, false, "1400", ""},
		{`{"a":[1,2,],"error_code":"x\u00e9\ud83d\ude00"}`, true, false, "xé😀", ""},
		{`  [1, 2]`, true, true, "", ""},
		{`not json`, false, false, "", ""},
		{``, false, false, "", ""},
		{`{"error_code": tru`, true, false, "true", ""}, // cut off: true is the only value it can be
	} {
		v, ok, exact := parseJSON([]byte(tc.in))
		if ok != tc.ok || exact != tc.exact {
			t.Errorf("parseJSON(%q): ok %v exact %v, want %v %v", tc.in, ok, exact, tc.ok, tc.exact)
		}
		if got := str(get(v, "error_code")); got != tc.code {
			t.Errorf("parseJSON(%q): error_code %q, want %q", tc.in, got, tc.code)
		}
		if got := str(get(v, "error_token")); got != tc.token {
			t.Errorf("parseJSON(%q): error_token %q, want %q", tc.in, got, tc.token)
		}
	}
	deep := strings.Repeat("[", 100000)
	if _, ok, _ := parseJSON([]byte(deep)); !ok {
		t.Error("deep nesting should parse (bounded), not fail")
	}
}

func TestTrailingStatus(t *testing.T) {
	for _, tc := range []struct {
		body     string
		status   int
		wantBody string
		wantCode int
	}{
		{`{"a":1}409`, 0, `{"a":1}`, 409},
		{"{\"a\":1}\n429\n", 0, "{\"a\":1}\n", 429},
		{`{"a":1}409`, 409, `{"a":1}`, 409},
		{`{"a":1}409`, 500, `{"a":1}409`, 0}, // disagrees with the status line: not curl -w
		{"Error 404", 0, "Error 404", 0},
		{"503", 0, "", 503},
		{`{"a":1}`, 0, `{"a":1}`, 0},
		{`{"a":1}999`, 0, `{"a":1}999`, 0},
	} {
		b, code, _ := trailingStatus([]byte(tc.body), tc.status)
		if string(b) != tc.wantBody || code != tc.wantCode {
			t.Errorf("trailingStatus(%q, %d) = %q, %d; want %q, %d", tc.body, tc.status, b, code, tc.wantBody, tc.wantCode)
		}
	}
}

func TestDechunk(t *testing.T) {
	b, ok := dechunk([]byte("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"))
	if !ok || string(b) != "hello world" {
		t.Errorf("dechunk: %q %v", b, ok)
	}
	b, ok = dechunk([]byte("a;ext=1\r\n0123456789\r\n")) // cut off before the last chunk
	if !ok || string(b) != "0123456789" {
		t.Errorf("dechunk cut off: %q %v", b, ok)
	}
	if _, ok := dechunk([]byte(`{"not":"chunked"}`)); ok {
		t.Error("a JSON body is not chunked")
	}
}

func header(kv ...string) textproto.MIMEHeader {
	h := textproto.MIMEHeader{}
	for i := 0; i < len(kv); i += 2 {
		h.Add(textproto.CanonicalMIMEHeaderKey(kv[i]), kv[i+1])
	}
	return h
}

func TestRetryAfter(t *testing.T) {
	date := "Sun, 22 Nov 2026 10:00:00 GMT"
	for _, tc := range []struct {
		h    textproto.MIMEHeader
		want int
		ok   bool
	}{
		{header("Retry-After", "45"), 45, true},
		{header("Retry-After", "0"), 0, true},   // now: a wait of nothing is still a wait stated
		{header("Retry-After", "-5"), 0, false}, // not a delay-seconds: says nothing
		{header("Retry-After", " 7 "), 7, true}, // field values are trimmed
		{header("Retry-After", "Sun, 22 Nov 2026 10:01:30 GMT", "Date", date), 90, true},
		{header("Retry-After", "Sunday, 22-Nov-26 10:00:10 GMT", "Date", date), 10, true}, // RFC 850
		{header("Retry-After", "Sun Nov 22 10:00:05 2026", "Date", date), 5, true},        // asctime
		{header("Retry-After", "Sun, 22 Nov 2026 09:00:00 GMT", "Date", date), 0, true},   // in the past
		{header("Retry-After", "Sun, 22 Nov 2026 10:01:30 GMT"), 0, false},                // no Date to measure from
		{header("Retry-After", "soon"), 0, false},
		{header("Retry-After", "2.0"), 2, true}, // decimal seconds, rounded up
		{header("Retry-After", "1.2"), 2, true},
		{header("Retry-After-Ms", "1500"), 2, true}, // milliseconds
		{header("Retry-After", "3", "Retry-After-Ms", "1500"), 3, true},
		{header(), 0, false},
	} {
		got, _, ok := retryAfter(tc.h, nil)
		if got != tc.want || ok != tc.ok {
			t.Errorf("retryAfter(%v) = %d, %v; want %d, %v", tc.h, got, ok, tc.want, tc.ok)
		}
	}
}

func TestRateLimit(t *testing.T) {
	date := "Sun, 22 Nov 2026 10:00:00 GMT"
	for _, tc := range []struct {
		h                       textproto.MIMEHeader
		limit, remaining, reset int // -1: absent
	}{
		{header("X-RateLimit-Limit", "100", "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "1795341645", "Date", date), 100, 0, 45},
		{header("RateLimit-Limit", "100", "RateLimit-Remaining", "7", "RateLimit-Reset", "30"), 100, 7, 30},
		{header("RateLimit", `"default";r=0;t=30`, "RateLimit-Policy", `"default";q=100;w=60`), 100, 0, 30},
		{header("RateLimit", "limit=100, remaining=50, reset=5"), 100, 50, 5},
		{header("RateLimit-Limit", "100, 100;w=60"), 100, -1, -1},
		{header("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "1795341645000", "Date", date), -1, 0, 45}, // an epoch in milliseconds
		{header("X-RateLimit-Remaining", "0", "X-RateLimit-Reset-After", "1.5"), -1, 0, 2},                    // Discord: seconds from now
	} {
		rl := rateLimit(tc.h, nil)
		if rl == nil {
			t.Errorf("rateLimit(%v) = nil", tc.h)
			continue
		}
		for name, got := range map[string]struct {
			p    *int
			want int
		}{"limit": {rl.Limit, tc.limit}, "remaining": {rl.Remaining, tc.remaining}, "reset": {rl.ResetSeconds, tc.reset}} {
			if (got.p == nil) != (got.want == -1) || got.p != nil && *got.p != got.want {
				t.Errorf("rateLimit(%v) %s = %v, want %d", tc.h, name, got.p, got.want)
			}
		}
	}
	if rateLimit(header("Content-Type", "x"), nil) != nil {
		t.Error("no rate-limit headers: want nil")
	}
	if rl := rateLimit(header("X-RateLimit-Reset", "1795341645"), nil); rl != nil {
		t.Errorf("an epoch reset with no Date to measure from says nothing: %+v", rl)
	}
}

func TestRedactURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://api.example.com/v1/x?api_key=sk_live_1&page=2": "https://api.example.com/v1/x?api_key=REDACTED&page=2",
		"https://user:pass@host/x":                              "https://REDACTED@host/x",
		"/moved?access_token=abc#frag":                          "/moved?access_token=REDACTED#frag",
		"https://h/x?limit=10":                                  "https://h/x?limit=10",
		"https://h/x?X-Amz-Signature=abc&X-Amz-Credential=def":  "https://h/x?X-Amz-Signature=REDACTED&X-Amz-Credential=REDACTED",
		// The implicit flow's token in the fragment; ; as a separator; a
		// percent-encoded name; short names; userinfo without a scheme.
		"https://app/cb#access_token=AT1&token_type=bearer&state=s": "https://app/cb#access_token=REDACTED&token_type=bearer&state=s",
		"https://h/x;jsessionid=1?a=1;token=T2;b=2":                 "https://h/x;jsessionid=REDACTED?a=1;token=REDACTED;b=2",
		"https://h/x?%74oken=T3&page=1":                             "https://h/x?%74oken=REDACTED&page=1",
		"https://h/x?pw=1&pass=2&pwd=3&jwt=4&sid=5&bearer=6&hmac=7": "https://h/x?pw=REDACTED&pass=REDACTED&pwd=REDACTED&jwt=REDACTED&sid=REDACTED&bearer=REDACTED&hmac=REDACTED",
		"//alice:s3cr3t@host/x":                                     "//REDACTED@host/x",
		"https://u:p@host":                                          "https://REDACTED@host",
		"https://@host/x":                                           "https://REDACTED@host/x", // empty userinfo is userinfo
		"https://host/users/a@b.com":                                "https://host/users/a@b.com",
		"https://h/cb?error=access_denied&error_code=1&side=left":   "https://h/cb?error=access_denied&error_code=1&side=left",
		// No authority, no userinfo: an address is not a password.
		"mailto:bob@example.com": "mailto:bob@example.com",
		"bob@example.com/x":      "bob@example.com/x",
		"file:///tmp/a@b":        "file:///tmp/a@b",
		"://u:p@h/x":             "://REDACTED@h/x",
		// A separator first, then a short secret name.
		"https://h/x?&sid=S1": "https://h/x?&sid=REDACTED",
	} {
		if got := redactURL(in); got != want {
			t.Errorf("redactURL(%q) = %q, want %q", in, got, want)
		}
	}
}

// ReadInput stops at MaxInput, says so, and does not read on.
func TestReadInputBounded(t *testing.T) {
	r := &countingReader{r: io.LimitReader(zeros{}, 3*MaxInput)}
	data, truncated, err := ReadInput(iotest.HalfReader(r))
	if err != nil || !truncated || len(data) != MaxInput {
		t.Fatalf("len %d, truncated %v, err %v", len(data), truncated, err)
	}
	if r.n > MaxInput+1 {
		t.Errorf("read %d bytes, want at most %d", r.n, MaxInput+1)
	}
	// A reader that fills every buffer it is given, and input of exactly
	// MaxInput bytes, which is whole, not truncated.
	if data, truncated, err := ReadInput(io.LimitReader(zeros{}, 2*MaxInput)); err != nil || !truncated || len(data) != MaxInput {
		t.Errorf("a reader that fills each buffer: len %d, truncated %v, err %v", len(data), truncated, err)
	}
	exact := strings.Repeat("x", MaxInput)
	if data, truncated, err := ReadInput(strings.NewReader(exact)); err != nil || truncated || len(data) != MaxInput {
		t.Errorf("exactly MaxInput bytes: len %d, truncated %v, err %v", len(data), truncated, err)
	}
	// Files are read into one buffer of their size: one byte, none.
	dir := t.TempDir()
	for content, wantErr := range map[string]error{"x": nil, "": ErrNoInput, "{}\n": nil} {
		p := filepath.Join(dir, "f")
		os.WriteFile(p, []byte(content), 0o644)
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		data, _, err := ReadInput(f)
		f.Close()
		if err != wantErr || wantErr == nil && string(data) != content {
			t.Errorf("a file of %q: %q, %v", content, data, err)
		}
	}
	if _, _, err := ReadInput(strings.NewReader("")); err != ErrNoInput {
		t.Errorf("empty input: %v", err)
	}
	if _, _, err := ReadInput(iotest.ErrReader(io.ErrUnexpectedEOF)); err == nil {
		t.Error("a read error must be returned")
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

func TestStatusLines(t *testing.T) {
	for line, want := range map[string]int{
		"HTTP/1.1 404 Not Found": 404, "HTTP/2 429 ": 429, "HTTP/3 503": 503, "HTTP/2.0 403 Forbidden": 403,
		"HTTP/1.0 200": 200, "HTTP/1.1 999 x": 0, "HTTP/0 001 000": 0, "HTTP/x 200 OK": 0, "HTTP/1.1 20 OK": 0,
	} {
		m := statusLine.get().FindStringSubmatch(line)
		got := 0
		if m != nil {
			got = int(m[2][0]-'0')*100 + int(m[2][1]-'0')*10 + int(m[2][2]-'0')
		}
		if got != want {
			t.Errorf("status line %q: %d, want %d", line, got, want)
		}
	}
}

func TestDiagnoseRetryAndRequestID(t *testing.T) {
	ix := catalog.NewIndex(catalog.Builtin())
	in := "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 7\r\nX-Amzn-RequestId: amzn-1\r\nRequest-Id: plain-1\r\n\r\n"
	tr := Parse([]byte(in), false)
	d := Diagnose(tr.Exchanges[0], ix, Options{})
	if !d.Retryable || d.RetryAfter == nil || *d.RetryAfter != 7 || !d.Failed {
		t.Errorf("retry: %+v", d)
	}
	if d.RequestID != "plain-1" || d.RequestIDFrom != "Request-Id" {
		t.Errorf("request id %q from %q: Request-Id comes before X-Amzn-RequestId", d.RequestID, d.RequestIDFrom)
	}
}

// The request-id headers support desks ask for, each found.
func TestRequestIDHeaders(t *testing.T) {
	ix := catalog.NewIndex(catalog.Builtin())
	for _, h := range []string{"x-slack-req-id", "x-ms-request-id", "Twilio-Request-Id", "Audit-Id", "request-id", "X-GitHub-Request-Id", "x-amz-request-id"} {
		tr := Parse([]byte("HTTP/1.1 500 Internal Server Error\r\n"+h+": id-1\r\n\r\n"), false)
		d := Diagnose(tr.Exchanges[0], ix, Options{})
		if d.RequestID != "id-1" {
			t.Errorf("%s: request id %q", h, d.RequestID)
		}
	}
}

// seedResponses are the recorded responses, the fuzzers' starting points.
func seedResponses(f *testing.F) [][]byte {
	files, _ := filepath.Glob("../cmd/testdata/responses/*")
	var out [][]byte
	for _, name := range files {
		if strings.HasSuffix(name, "README.md") {
			continue
		}
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		out = append(out, b)
	}
	if len(out) < 40 {
		f.Fatalf("only %d seed responses", len(out))
	}
	return out
}

// FuzzRead: whatever arrives, reading and diagnosing it ends, without a
// panic, and what it reports is bounded by what came in.
func FuzzRead(f *testing.F) {
	for _, b := range seedResponses(f) {
		f.Add(b)
	}
	f.Add([]byte("HTTP/1.1 302 Found\r\nLocation: https://u:pw@h/cb;sid=1?code=C&session=S#access_token=T\r\n\r\nHTTP/1.1 401 Unauthorized\r\n\r\n"))
	f.Add([]byte(`{"log":{"entries":[{"request":{"method":"GET","url":"https://bob:pw@h/x?api_key=K&page=2"},"response":{"status":500}}]}}`))
	ix := catalog.NewIndex(catalog.Builtin())
	f.Fuzz(func(t *testing.T, data []byte) {
		done := make(chan struct{})
		go func() {
			defer close(done)
			tr := Parse(data, false)
			for _, ex := range tr.Exchanges {
				d := Diagnose(ex, ix, Options{})
				if d.Status != 0 && (d.Status < 100 || d.Status > 599) {
					t.Errorf("status %d", d.Status)
				}
				if len(ex.Body) > MaxBody {
					t.Errorf("body of %d bytes, over MaxBody", len(ex.Body))
				}
				// No credential survives in a URL shown.
				for _, u := range append([]string{d.URL}, hopLocations(d)...) {
					if leak := secretIn(u); leak != "" {
						t.Errorf("%q shows %q", u, leak)
					}
				}
				// The verdict never contradicts what the input says.
				if d.NoResponse && (!d.Failed || d.Protocol != "") {
					t.Errorf("no response, yet failed=%v protocol=%q", d.Failed, d.Protocol)
				}
				// The verdict tables' invariants: one outcome; no retry
				// verdict without a failure; a wait only with a yes; every
				// decision names its row; no API's card without evidence.
				if d.Failed != (d.Outcome == OutcomeFailed) || d.FailedRule == "" || d.RetryRule == "" || d.CatalogRule == "" {
					t.Errorf("outcome %v failed %v, rules %q %q %q", d.Outcome, d.Failed, d.FailedRule, d.RetryRule, d.CatalogRule)
				}
				if !d.Failed && (d.Retryable || d.RetryWait != nil || d.RetryRule != "R1") {
					t.Errorf("not failed, yet a retry verdict: %s %v", d.RetryRule, d.Retryable)
				}
				if d.RetryWait != nil && (!d.Retryable || *d.RetryWait < 0) {
					t.Errorf("a wait of %d with retryable=%v", *d.RetryWait, d.Retryable)
				}
				if d.Outcome == OutcomeOK && d.Status == 0 {
					t.Error("not an error, with no status")
				}
				if d.RequestID != "" && d.RequestIDRule == "" {
					t.Error("a request id with no row")
				}
				for _, f := range d.Findings {
					if d.Catalog == nil && f.Entry != nil && !f.Catalog.Protocol && f.Catalog.ID != catalog.HTTPCatalog {
						t.Errorf("no API attributed, yet %s:%s's card", f.Catalog.ID, f.Entry.Code)
					}
					if f.Fails && !d.Failed {
						t.Errorf("%s (%s) reports a failure, yet the diagnosis is not failed", f.Code, f.From)
					}
					if f.VocabOnly && f.Entry != nil && f.Catalog.ID != f.Vocab {
						t.Errorf("%s from %s found in %s, not its own vocabulary %s", f.Code, f.From, f.Catalog.ID, f.Vocab)
					}
					if f.Entry == nil && f.Catalog != nil {
						t.Errorf("%s: a catalog without an entry", f.Code)
					}
				}
			}
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("no answer in 10 s for %d bytes", len(data))
		}
	})
}

// FuzzLenientJSON: the lenient parser and the body reader end on any
// input, without a panic (the depth bound keeps the stack small).
func hopLocations(d Diagnosis) []string {
	var out []string
	for _, h := range d.Hops {
		out = append(out, h.Location)
	}
	return out
}

// secretIn returns a credential u still shows: userinfo before its host, or
// the value of a secret-named parameter in its path parameters, query or
// fragment. It splits u its own way, not redactURL's.
func secretIn(u string) string {
	if i := strings.Index(u, "//"); i >= 0 {
		rest := u[i+2:]
		host := rest
		if end := strings.IndexAny(rest, "/?#"); end >= 0 {
			host = rest[:end]
		}
		if at := strings.LastIndexByte(host, '@'); at >= 0 && host[:at] != "REDACTED" {
			return host[:at]
		}
	}
	i := strings.IndexAny(u, "?#;") // parameters start here: what comes before is the path
	if i < 0 {
		return ""
	}
	for _, param := range strings.FieldsFunc(u[i:], func(r rune) bool { return r == '?' || r == '#' || r == '&' || r == ';' }) {
		if name, value, ok := strings.Cut(param, "="); ok && secretName(name) && value != "REDACTED" && value != "" {
			return param
		}
	}
	return ""
}

func FuzzLenientJSON(f *testing.F) {
	for _, s := range []string{`{"a":1}`, `{"a":[1,2,],}`, `{"a":"\u00`, `[[[[`, `{"a":tru`, `{"a":"x"} 429`,
		`{"a":{"b":[true,false,null,-1.5e3,"\ud83d\ude00\n"]},"a":2}`, `[{}, [], "", 0]`,
		`["\t\r\b\f\/\\\"\u00e9\uD83D\uDE00", " x "]`,
		// The surrogate edges: pairs at both ends of the range, lone
		// halves, a high half before something else.
		`["\ud800\udc00", "\udbff\udfff", "\ud7ff", "\ue000", "\udc00", "\udfff", "\ud800", "\ud800\u0041", "\ud800\ud800\udc00", "\udbff\ue000", "\udc00\udc00"]`,
		`{"t": true, "f": false, "n": null, "e": [], "o": {}, "num": [-0, 1e5, 2.5E-3, 10]}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		v, ok, exact := parseJSON(data)
		readBody(data)
		if exact && !json.Valid(data) {
			t.Fatalf("parseJSON(%q) calls invalid JSON exact", data)
		}
		// On valid JSON the lenient reader is encoding/json: the same
		// value, numbers as their text, and no repair reported. (Invalid
		// UTF-8 and nesting past maxDepth are where it is allowed to differ.)
		trimmed := bytes.TrimSpace(data)
		if !json.Valid(data) || !utf8.Valid(data) || len(trimmed) == 0 || trimmed[0] != '{' && trimmed[0] != '[' ||
			bytes.Count(data, []byte("{"))+bytes.Count(data, []byte("[")) >= maxDepth {
			return
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		var want any
		if err := dec.Decode(&want); err != nil {
			t.Fatalf("encoding/json: %v", err)
		}
		if !ok || !exact {
			t.Fatalf("valid JSON read with ok=%v exact=%v", ok, exact)
		}
		if got := asEncodingJSON(v); !reflect.DeepEqual(got, want) {
			t.Fatalf("parseJSON(%q)\n = %#v\nwant %#v", data, got, want)
		}
	})
}

// The lenient reader's own edges: nesting up to its bound is read exactly,
// past it the value is cut; a literal cut off is still the only value it
// can be, but not exact; a trailing comma is repaired.
func TestLenientEdges(t *testing.T) {
	nest := func(n int) []byte { return []byte(strings.Repeat("[", n) + strings.Repeat("]", n)) }
	if _, ok, exact := parseJSON(nest(maxDepth + 1)); !ok || !exact {
		t.Errorf("%d nested arrays: ok %v, exact %v", maxDepth+1, ok, exact)
	}
	if _, ok, exact := parseJSON(nest(maxDepth + 2)); !ok || exact {
		t.Errorf("%d nested arrays: ok %v, exact %v; want cut", maxDepth+2, ok, exact)
	}
	// Cut off right after a high surrogate's escape and the next backslash.
	if _, ok, exact := parseJSON([]byte(`["\ud800\`)); !ok || exact {
		t.Errorf("cut after a high surrogate: ok %v, exact %v", ok, exact)
	}
	// An escape cut off where the input ends is not read from whatever
	// follows in memory (a body is part of a larger buffer).
	buf := []byte(`["\u00` + `41"]`)
	if v, _, _ := parseJSON(buf[:len(buf)-4]); !reflect.DeepEqual(v, []any{"\ufffd00"}) {
		t.Errorf("a cut escape read past its end: %#v", v)
	}
	// Objects count toward the bound as arrays do.
	objects := strings.Repeat(`{"a":`, maxDepth+2) + "1" + strings.Repeat("}", maxDepth+2)
	if _, ok, exact := parseJSON([]byte(objects)); !ok || exact {
		t.Errorf("%d nested objects: ok %v, exact %v; want cut", maxDepth+2, ok, exact)
	}
	for in, want := range map[string]struct {
		v     any
		exact bool
	}{
		`["\u0041`:  {[]any{"A"}, false}, // an escape that ends the input is read
		`[true]`:    {[]any{true}, true},
		`[tru`:      {[]any{true}, false},
		`[t`:        {[]any{true}, false},
		`[fals`:     {[]any{false}, false},
		`[nul`:      {[]any{nil}, false},
		`[trux]`:    {[]any{nil}, false},
		`[1,]`:      {[]any{number("1")}, false},
		`{"a":1,}`:  {map[string]any{"a": number("1")}, false},
		`{"a":1,,}`: {map[string]any{"a": number("1")}, false},
		`{"a" 1}`:   {map[string]any{}, false},
		`{"a":`:     {map[string]any{"a": nil}, false},
		`{"a"`:      {map[string]any{}, false},
		`{1:2}`:     {map[string]any{}, false},
		`["a\`:      {[]any{`a\`}, false},
		`["\u12"]`:  {[]any{"\ufffd12"}, false},
		`[1] x`:     {[]any{number("1")}, false},
	} {
		v, ok, exact := parseJSON([]byte(in))
		if !ok || exact != want.exact || !reflect.DeepEqual(v, want.v) {
			t.Errorf("parseJSON(%s) = %#v, ok %v, exact %v; want %#v, exact %v", in, v, ok, exact, want.v, want.exact)
		}
	}
}

// asEncodingJSON is a parseJSON value as encoding/json with UseNumber
// gives it.
func asEncodingJSON(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[k] = asEncodingJSON(x)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = asEncodingJSON(x)
		}
		return out
	case number:
		return json.Number(v)
	}
	return v
}
