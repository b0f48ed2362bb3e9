package explain

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"
)

// Rules an audit found no test pinned (issue 20). Each test here fails
// with its rule broken by hand.

// capBody is a JSON error body of exactly n bytes (n >= 64).
func capBody(n int) string {
	head, tail := `{"error":{"code":"too_long","message":"`, `"}}`
	return head + strings.Repeat("x", n-len(head)-len(tail)) + tail
}

func gz(s string) string {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.String()
}

// The body cap: a body exactly MaxBody bytes long is read whole and is
// valid JSON; one byte more is cut at MaxBody, and said to be (not called
// invalid JSON), whichever tool printed it and however it was encoded.
func TestBodyCap(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   func(body string) string
	}{
		{"curl -i", func(b string) string { return "HTTP/1.1 413 x\r\nContent-Type: application/json\r\n\r\n" + b }},
		{"curl -i, -w's code after a newline", func(b string) string { return "HTTP/1.1 413 x\r\n\r\n" + b + "\n413" }},
		{"curl -v", func(b string) string {
			return "< HTTP/1.1 413 x\r\n< Content-Type: application/json\r\n<\r\n" + b + "\n* Connection #0 left intact\n"
		}},
		{"wget -S", func(b string) string { return "  HTTP/1.1 413 x\n  Content-Type: application/json\n" + b + "\n" }},
		{"gzip", func(b string) string { return "HTTP/1.1 413 x\r\nContent-Encoding: gzip\r\n\r\n" + gz(b) }},
		{"chunked", func(b string) string {
			return "HTTP/1.1 413 x\r\nTransfer-Encoding: chunked\r\n\r\n" + "20000\r\n" + b[:0x20000] + "\r\n" + strings.ToLower(strings.TrimLeft(hex(len(b)-0x20000), "0")) + "\r\n" + b[0x20000:] + "\r\n0\r\n\r\n"
		}},
	} {
		for _, n := range []int{MaxBody, MaxBody + 1} {
			ex := Parse([]byte(tc.in(capBody(n))), false).Exchanges[0]
			body := readBody(ex.Body)
			cut := n > MaxBody
			if ex.BodyCut != cut || len(ex.Body) != MaxBody || body.Repaired != cut || ex.Status != 413 {
				t.Errorf("%s, a body of %d bytes: cut %v, %d bytes kept, repaired %v, status %d; want cut %v, %d bytes, repaired %v",
					tc.name, n, ex.BodyCut, len(ex.Body), body.Repaired, ex.Status, cut, MaxBody, cut)
			}
		}
	}
}

func hex(n int) string {
	const digits = "0123456789abcdef"
	s := ""
	for ; n > 0; n /= 16 {
		s = string(digits[n%16]) + s
	}
	return s
}

// Header names are matched in any case and shown as the input spelled
// them: curl -i's mixed case, HTTP/2's lower case, a HAR's, a trace's,
// grpcurl's and a Node error object's, in the request id's source, the
// retry reason and where an error was found.
func TestHeaderNamesAsReceived(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		get      func(d Diagnosis) string
		want     string
	}{
		{"request id, curl -i", "HTTP/1.1 400 X\r\nX-Amzn-RequestId: r1\r\n\r\n", func(d Diagnosis) string { return d.RequestIDFrom }, "X-Amzn-RequestId"},
		{"request id, HTTP/2", "HTTP/2 400 \r\nx-amzn-requestid: r1\r\n\r\n", func(d Diagnosis) string { return d.RequestIDFrom }, "x-amzn-requestid"},
		{"a CDN's id", "HTTP/1.1 520 X\r\nCF-RAY: 8c1e-AMS\r\n\r\n", func(d Diagnosis) string { return d.RequestIDFrom }, "CF-RAY"},
		{"a trace header, curl -v", "< HTTP/2 500\r\n< traceparent: 00-a-b-01\r\n<\r\n", func(d Diagnosis) string { return d.RequestIDFrom }, "traceparent"},
		{"an id the request sent", "> GET / HTTP/1.1\n> x-request-id: mine\n>\n< HTTP/1.1 500 X\n< x-REQUEST-id: mine\n<\n", func(d Diagnosis) string { return d.RequestIDFrom }, "x-REQUEST-id"},
		{"a HAR's", `{"log":{"entries":[{"request":{"method":"GET","url":"https://a.example/"},"response":{"status":503,"statusText":"","httpVersion":"h2","headers":[{"name":"retry-after","value":"7"},{"name":"x-request-id","value":"h1"}],"content":{"text":""}}}]}}`,
			func(d Diagnosis) string { return d.RequestIDFrom + " / " + d.RetryReason }, "x-request-id / retry-after header"},
		{"Retry-After", "HTTP/1.1 503 X\r\nRETRY-AFTER: 5\r\n\r\n", func(d Diagnosis) string { return d.RetryReason }, "RETRY-AFTER header"},
		{"retry-after-ms", "HTTP/1.1 503 X\r\nretry-after-ms: 1500\r\n\r\n", func(d Diagnosis) string { return d.RetryReason }, "retry-after-ms header"},
		{"a used-up limit", "HTTP/1.1 429 X\r\nX-RateLimit-Remaining: 0\r\nX-RateLimit-Reset: 9\r\n\r\n", func(d Diagnosis) string { return d.RetryReason }, "X-RateLimit-Remaining is 0"},
		{"the RateLimit field", "HTTP/1.1 429 X\r\nratelimit: \"default\";r=0;t=9\r\n\r\n", func(d Diagnosis) string { return d.RetryReason }, "the ratelimit header's remaining count is 0"},
		{"the server's retry header", "HTTP/1.1 500 X\r\nx-should-retry: false\r\n\r\n", func(d Diagnosis) string { return d.RetryReason }, "x-should-retry: false"},
		{"a rejected token", "HTTP/2 401 \r\nwww-authenticate: Bearer error=\"invalid_token\"\r\n\r\n", func(d Diagnosis) string { return d.RetryRule + " " + d.RetryReason + " / " + d.Findings[0].From },
			`R4 www-authenticate: Bearer error="invalid_token" / the www-authenticate header`},
		{"a code header", "HTTP/1.1 429 X\r\nx-amzn-ErrorType: TooManyRequestsException:http://x/\r\n\r\n{\"message\":\"Too Many Requests\"}", func(d Diagnosis) string { return d.Findings[0].From + " / " + d.CatalogFrom },
			"the x-amzn-ErrorType header / the x-amzn-ErrorType header"},
		{"grpc-status", "HTTP/2 200 \r\ncontent-type: application/grpc\r\ngrpc-status: 14\r\n\r\n", func(d Diagnosis) string { return d.Findings[0].From }, "the grpc-status header"},
		{"a trailer, curl -v", "< HTTP/2 200\r\n< content-type: application/grpc\r\n<\r\n< GRPC-STATUS: 4\r\n", func(d Diagnosis) string { return d.Findings[0].From }, "the GRPC-STATUS trailer"},
		{"a redirect's error", "HTTP/1.1 302 Found\r\nlocation: https://app/cb?error=access_denied\r\n\r\n", func(d Diagnosis) string { return d.Findings[0].From }, "the location header"},
	} {
		d := diagnose(t, tc.in)
		if got := tc.get(d); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}
