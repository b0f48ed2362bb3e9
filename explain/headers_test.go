package explain

import (
	"strings"
	"testing"
)

// The header block reader: where headers end and the body begins.
func TestHeaderBlockEdges(t *testing.T) {
	for _, tc := range []struct {
		name, in      string
		status        int
		hops          int
		header, value string // one header it must hold ("" to skip)
		body          string
	}{
		{"folded line", "HTTP/1.1 400 Bad Request\r\nX-A: one\r\n  two\r\nX-B: b\r\n\r\nbody", 400, 0, "X-B", "b", "body"},
		{"a name with a space ends the headers", "HTTP/1.1 400 Bad Request\r\nX-A: a\r\nNot A: header\r\n\r\n", 400, 0, "X-A", "a", "Not A: header"},
		{"a line with no colon", "HTTP/1.1 400 Bad Request\r\nX-A: a\r\nplain text\r\n", 400, 0, "X-A", "a", "plain text"},
		{"an empty name", "HTTP/1.1 400 Bad Request\r\n: v\r\n\r\n", 400, 0, "", "", ": v"},
		{"a fold before any header is no fold", "HTTP/1.1 400 Bad Request\r\n  indented\r\n\r\n", 400, 0, "", "", "indented"},
		{"blocks with blank lines between", "HTTP/1.1 100 Continue\r\n\r\n\r\nHTTP/1.1 409 Conflict\r\nX-C: c\r\n\r\n{}", 409, 1, "X-C", "c", "{}"},
		{"a tab in a name", "HTTP/1.1 400 Bad Request\r\nX\tA: a\r\n\r\n", 400, 0, "", "", "X\tA: a"},
	} {
		tr := Parse([]byte(tc.in), false)
		if len(tr.Exchanges) != 1 {
			t.Errorf("%s: %d exchanges", tc.name, len(tr.Exchanges))
			continue
		}
		ex := tr.Exchanges[0]
		if ex.Status != tc.status || len(ex.Hops) != tc.hops {
			t.Errorf("%s: status %d, %d hops; want %d, %d", tc.name, ex.Status, len(ex.Hops), tc.status, tc.hops)
		}
		if tc.header != "" && ex.Header.Get(tc.header) != tc.value {
			t.Errorf("%s: %s is %q, want %q", tc.name, tc.header, ex.Header.Get(tc.header), tc.value)
		}
		if got := strings.TrimSpace(string(ex.Body)); got != tc.body {
			t.Errorf("%s: body %q, want %q", tc.name, got, tc.body)
		}
	}
	// Trailers after a body in curl -v, malformed lines skipped.
	tr := Parse([]byte("< HTTP/2 200\r\n< content-type: application/grpc\r\n<\r\n< grpc-status: 14\r\n< bad line\r\n< x y: z\r\n< : empty\r\n"), false)
	if ex := tr.Exchanges[0]; ex.Trailer.Get("Grpc-Status") != "14" || len(ex.Trailer) != 1 {
		t.Errorf("trailers: %v", ex.Trailer)
	}
	if ex := Parse([]byte("< HTTP/2 200\r\n< a: b\r\n<\r\n"), false).Exchanges[0]; ex.Trailer != nil {
		t.Errorf("no trailers: %v", ex.Trailer)
	}
}

// HAR versions and files that are not HAR after all.
func TestHAREdges(t *testing.T) {
	for in, want := range map[string]string{"HTTP/1.1": "HTTP/1.1", "http/2.0": "HTTP/2", "h2": "HTTP/2", "HTTP/2": "HTTP/2",
		"h3": "HTTP/3", "HTTP/3.0": "HTTP/3", "http/3": "HTTP/3", " ": "", "": "", "spdy/3": "SPDY/3"} {
		if got := harProtocol(in); got != want {
			t.Errorf("harProtocol(%q) = %q, want %q", in, got, want)
		}
	}
	for _, in := range []string{`{"log": {"entries": [}`, `{"log": {"version": "1.2"}}`, `{"other": "log"}`, `  ["log"]`} {
		if _, _, ok := parseHAR([]byte(in)); ok {
			t.Errorf("parseHAR(%s): read as HAR", in)
		}
	}
	// Only 400-599 are explained: 399 and 600 are not errors HAR can mean.
	got, _, ok := parseHAR([]byte(`{"log":{"entries":[{"response":{"status":399}},{"response":{"status":400}},{"response":{"status":599}},{"response":{"status":600}}]}}`))
	if !ok || len(got) != 2 || got[0].Status != 400 || got[1].Status != 599 {
		t.Errorf("statuses kept: %+v", got)
	}
	// A base64 body is decoded; one that is not base64 is kept as it is.
	got, _, _ = parseHAR([]byte(`{"log":{"entries":[{"response":{"status":500,"content":{"text":"eyJhIjoxfQ==","encoding":"base64"}}},{"response":{"status":500,"content":{"text":"not base64!","encoding":"base64"}}}]}}`))
	if string(got[0].Body) != `{"a":1}` || string(got[1].Body) != "not base64!" {
		t.Errorf("bodies: %q, %q", got[0].Body, got[1].Body)
	}
}

func TestRateLimitEdges(t *testing.T) {
	// 1,000,000,000 is still seconds; past it, an epoch time.
	if rl := rateLimit(header("X-RateLimit-Reset", "1000000000"), nil); rl == nil || rl.ResetSeconds == nil || *rl.ResetSeconds != 1_000_000_000 {
		t.Errorf("a reset of 1e9: %+v", rl)
	}
	if rl := rateLimit(header("X-RateLimit-Reset", "1000000001", "X-RateLimit-Remaining", "0"), nil); rl == nil || rl.ResetAt == nil || rl.ResetSeconds != nil {
		t.Errorf("a reset past 1e9, no Date: %+v", rl)
	}
	// The policy's quota, wherever it stands among its parameters.
	if rl := rateLimit(header("RateLimit-Policy", `"default";w=60;q=100`), nil); rl == nil || rl.Limit == nil || *rl.Limit != 100 {
		t.Errorf("a policy with q last: %+v", rl)
	}
	if rl := rateLimit(header("X-RateLimit-Policy", `q=5;w=1`), nil); rl == nil || rl.Limit == nil || *rl.Limit != 5 || rl.Policy != "q=5;w=1" {
		t.Errorf("X-RateLimit-Policy: %+v", rl)
	}
	// "100, 100;w=60" is a list: its first figure.
	if rl := rateLimit(header("RateLimit-Limit", "100, 100;w=60"), nil); rl == nil || rl.Limit == nil || *rl.Limit != 100 {
		t.Errorf("a list: %+v", rl)
	}
}

func TestSmallWords(t *testing.T) {
	for s, want := range map[string]bool{"0": true, "99": true, "100": false, "-1": false, "x": false} {
		if got := isSmallNumber(s); got != want {
			t.Errorf("isSmallNumber(%q) = %v, want %v", s, got, want)
		}
	}
	for _, tc := range []struct {
		s    string
		want int
	}{
		{"bearer", 0}, {"Basic realm=a, Bearer", 15}, {"a,Bearer x", 2}, {"xbearer", -1}, {"bear", -1}, {"", -1}, {"a bearer", 2},
	} {
		if got := indexFold(tc.s, "bearer"); got != tc.want {
			t.Errorf("indexFold(%q) = %d, want %d", tc.s, got, tc.want)
		}
	}
}

func TestLastCRAndHost(t *testing.T) {
	for in, want := range map[string]string{"a\rb": "b", "\rb": "b", "ab": "ab", "a\r": "", "x\ry\rz": "z"} {
		if got := lastCR(in); got != want {
			t.Errorf("lastCR(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"https://api.example.com/v1/x": "api.example.com", "https://u:p@h:8443/x": "h:8443", "https://@h/x": "h",
		"http://h": "h", "h/x": "", "": "", "https://a@b@c/x": "c",
	} {
		if got := hostOf(in); got != want {
			t.Errorf("hostOf(%q) = %q, want %q", in, got, want)
		}
	}
}

// A file saved with a byte order mark (Notepad, PowerShell's utf8) is read
// as it would be without it.
func TestBOM(t *testing.T) {
	for _, in := range []string{"\xef\xbb\xbfHTTP/1.1 404 Not Found\r\n\r\n", "\xef\xbb\xbf< HTTP/2 404\r\n< a: b\r\n<\r\n"} {
		tr := Parse([]byte(in), false)
		if len(tr.Exchanges) != 1 || tr.Exchanges[0].Status != 404 || tr.Format == "body" {
			t.Errorf("%q: format %q, %+v", in, tr.Format, tr.Exchanges)
		}
	}
}

func TestFirstAndHeadLines(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"a\nb\nc\n", 2, "a\nb\n"},
		{"a\nb", 5, "a\nb"},
		{"a\nb\n", 2, "a\nb\n"},
		{"\n\nx\ny", 2, "\n\n"},
		{"a\nb", 0, ""},
	} {
		if got := string(firstLines([]byte(tc.in), tc.n)); got != tc.want {
			t.Errorf("firstLines(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
	ls, next := headLines([]byte(strings.Repeat("x\n", maxTraceLines+5)))
	if len(ls) != maxTraceLines || len(next) != maxTraceLines {
		t.Errorf("headLines keeps %d lines, want %d", len(ls), maxTraceLines)
	}
}

// What stands before a response: curl's error lines and progress meter,
// up to maxPreamble lines of tool chatter (blank ones not noted), an
// HTTPie request with its headers and body.
func TestPlainPreamble(t *testing.T) {
	pre := func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString("chatter " + string(rune('a'+i)) + "\n")
		}
		return b.String()
	}
	for _, tc := range []struct {
		name, in string
		status   int
		notes    int
		method   string
		body     string
	}{
		{"seven lines before", pre(7) + "HTTP/1.1 404 Not Found\r\n\r\nx", 404, 7, "", "x"},
		{"eight lines before", pre(8) + "HTTP/1.1 404 Not Found\r\n\r\nx", 404, 8, "", "x"},
		{"nine lines before: a body", pre(9) + "HTTP/1.1 404 Not Found\r\n\r\nx", 0, 0, "", ""},
		{"a blank line among them", "chatter\n\nHTTP/1.1 404 Not Found\r\n\r\nx", 404, 1, "", "x"},
		{"curl's error line first", "curl: (18) transfer closed\nHTTP/1.1 500 Internal Server Error\r\n\r\nx", 500, 1, "", "x"},
		{"an HTTPie request with a body", "POST /v1/x HTTP/1.1\r\nHost: api.example.com\r\nContent-Type: application/json\r\n\r\n{\"a\":1}\r\n\r\nHTTP/1.1 422 Unprocessable Entity\r\n\r\n{\"error\":\"bad\"}", 422, 0, "POST", `{"error":"bad"}`},
		{"a request and nothing after", "GET /x HTTP/1.1\r\nHost: h\r\n", 0, 0, "", ""},
		{"only a status line", "HTTP/1.1 204 No Content", 204, 0, "", ""},
	} {
		ex, ok := parsePlain([]byte(tc.in))
		if tc.status == 0 {
			if ok {
				t.Errorf("%s: read as a response: %+v", tc.name, ex.Response)
			}
			continue
		}
		if !ok || ex.Status != tc.status || len(ex.Notes) != tc.notes || ex.Method != tc.method || strings.TrimSpace(string(ex.Body)) != tc.body {
			t.Errorf("%s: ok %v, status %d, notes %q, method %q, body %q", tc.name, ok, ex.Status, ex.Notes, ex.Method, ex.Body)
		}
	}
}

// curl's own lines before a response are notes as curl wrote them; its
// progress meter is no note at all.
func TestPlainCurlLines(t *testing.T) {
	in := "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n" +
		"curl: (18) transfer closed with 10 bytes remaining to read\nHTTP/1.1 500 Internal Server Error\r\n\r\nx"
	ex, ok := parsePlain([]byte(in))
	if !ok || len(ex.Notes) != 1 || ex.Notes[0] != "curl: (18) transfer closed with 10 bytes remaining to read" {
		t.Errorf("notes %q (ok %v)", ex.Notes, ok)
	}
	// A flood of header lines: the reader keeps maxTraceLines of them, and
	// the body after them is still the body.
	var b strings.Builder
	b.WriteString("HTTP/1.1 500 Internal Server Error\r\n")
	for range maxTraceLines - 1 {
		b.WriteString("X-A: b\r\n")
	}
	b.WriteString("\r\n{\"error\":{\"code\":\"x\",\"message\":\"m\"}}")
	ex, ok = parsePlain([]byte(b.String()))
	if !ok || !strings.Contains(string(ex.Body), `"code":"x"`) {
		t.Errorf("the body after %d header lines: %q", maxTraceLines, ex.Body)
	}
}

// curl -v on a terminal: bold header names, a body in colour, lines of a
// body joined as they came; at most maxTraceLines header lines.
func TestCurlVerboseLines(t *testing.T) {
	ex := parseCurlVerbose([]byte("< HTTP/2 429\r\n< \x1b[1mretry-after\x1b[0m: 30\r\n<\r\n\x1b[1;39mfirst line\x1b[0m\r\nsecond line\r\n"))
	if ex.Header.Get("Retry-After") != "30" {
		t.Errorf("a bold header name: %v", ex.Header)
	}
	if string(ex.Body) != "first line\nsecond line" {
		t.Errorf("body %q", ex.Body)
	}
	var b strings.Builder
	b.WriteString("< HTTP/1.1 500 Internal Server Error\r\n")
	for range maxTraceLines + 5 {
		b.WriteString("< X-A: b\r\n")
	}
	if ex := parseCurlVerbose([]byte(b.String())); len(ex.Header.Values("X-A")) != maxTraceLines-1 {
		t.Errorf("%d header lines kept, want %d", len(ex.Header.Values("X-A")), maxTraceLines-1)
	}
	// wget's body lines are joined the same way.
	w := parseWget([]byte("  HTTP/1.1 500 Internal Server Error\n  Content-Type: text/plain\none\ntwo\n"))
	if string(w.Body) != "one\ntwo" {
		t.Errorf("wget body %q", w.Body)
	}
}
