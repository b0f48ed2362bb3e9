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

// Which TLS fault a tool's or a runtime's words name: an expired
// certificate, a self-signed one and one for another name are all curl's
// 60 (CURLE_PEER_FAILED_VERIFICATION; curl's docs: "unified with
// CURLE_SSL_CACERT since 7.62.0. Its previous value was 51"), never 35 (the
// handshake failed) nor the obsolete 51; a failed handshake is 35.
func TestTLSCauses(t *testing.T) {
	for _, tc := range []struct{ line, want string }{
		{"curl: (60) SSL certificate problem: certificate has expired", "60"},
		{"* SSL certificate problem: certificate has expired", "60"},
		{"curl: (60) SSL certificate problem: self-signed certificate", "60"},
		{"* SSL: no alternative certificate subject name matches target host name '127.0.0.1'", "60"},
		{"ERROR: The certificate of ‘127.0.0.1’ has expired.", "60"},
		{"ERROR: The certificate of '127.0.0.1' has expired.", "60"},
		{"The certificate's owner does not match hostname ‘127.0.0.1’", "60"},
		{"ERROR: The certificate of ‘127.0.0.1’ is not trusted.", "60"},
		{`http: LogLevel.ERROR: SSLError: HTTPSConnectionPool(host='127.0.0.1', port=1): Max retries exceeded with url: / (Caused by SSLError(CertificateError("hostname '127.0.0.1' doesn't match 'other.example'")))`, "60"},
		{`http: LogLevel.ERROR: SSLError: HTTPSConnectionPool(host='h', port=1): Max retries exceeded with url: / (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:992)')))`, "60"},
		{`http: LogLevel.ERROR: SSLError: HTTPSConnectionPool(host='h', port=1): Max retries exceeded with url: / (Caused by SSLError(SSLError(1, '[SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:992)')))`, "35"},
		{"Get \"https://h/\": tls: failed to verify certificate: x509: certificate has expired or is not yet valid", "60"},
		{"Get \"https://h/\": tls: failed to verify certificate: x509: certificate is valid for other.example, not h", "60"},
		{"Error: certificate has expired", "60"},
		{`Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:992)'))`, "60"},
		{"curl: (35) OpenSSL/3.0.19: error:0A00010B:SSL routines::wrong version number", "35"},
	} {
		if got := reasonCode(tc.line); got != tc.want {
			t.Errorf("%q: curl %q, want %q", tc.line, got, tc.want)
		}
	}
	// What wget prints under its ERROR line is its chatter, not a body.
	tr := Parse([]byte("--2026-12-07 08:46:52--  https://127.0.0.1:1/\nConnecting to 127.0.0.1:1... connected.\nERROR: The certificate of ‘127.0.0.1’ is not trusted.\nERROR: The certificate of ‘127.0.0.1’ has expired.\nThe certificate has expired\n"), false)
	if ex := tr.Exchanges[0]; len(bytes.TrimSpace(ex.Body)) != 0 || len(ex.Carried) != 1 || ex.Carried[0].Code != "60" || !strings.HasSuffix(ex.Carried[0].Message, "has expired.") {
		t.Errorf("wget's expired certificate: body %q, carried %+v", ex.Body, ex.Carried)
	}
}

// HTTP/2 error numbers as curl prints them ("PROTOCOL_ERROR (err 1)") are
// the HTTP/2 catalog's codes in hex, with the name as the token: err 11 is
// 0xb, not 0x11.
func TestHTTP2ErrorNumbers(t *testing.T) {
	for _, tc := range []struct{ line, code, token string }{
		{"curl: (92) HTTP/2 stream 1 was not closed cleanly: PROTOCOL_ERROR (err 1)", "0x1", "PROTOCOL_ERROR"},
		{"curl: (92) HTTP/2 stream 1 was not closed cleanly: INTERNAL_ERROR (err 2)", "0x2", "INTERNAL_ERROR"},
		{"curl: (92) HTTP/2 stream 1 was not closed cleanly: ENHANCE_YOUR_CALM (err 11)", "0xb", "ENHANCE_YOUR_CALM"},
		{"curl: (92) HTTP/2 stream 3 was not closed cleanly: HTTP_1_1_REQUIRED (err 13)", "0xd", "HTTP_1_1_REQUIRED"},
	} {
		its := Parse([]byte(tc.line+"\n"), false).Exchanges[0].Carried
		if len(its) != 2 || its[0].Code != "92" || its[1].Vocab != "http2" || its[1].Code != tc.code || its[1].Token != tc.token || its[1].Depth != 1 {
			t.Errorf("%q: %+v, want curl 92 and http2 %s %s", tc.line, its, tc.code, tc.token)
		}
		d := diagnose(t, tc.line)
		if len(d.Findings) != 2 || d.Findings[1].Entry == nil || d.Findings[1].Catalog.ID != "http2" || d.Findings[1].Entry.Code != tc.code {
			t.Errorf("%q: the HTTP/2 catalog's %s was not found", tc.line, tc.code)
		}
	}
}

// curl's (56) can carry a status: a proxy's answer to CONNECT (its, not the
// server's: no request reached the server), or --fail's "returned error".
func TestCurl56Status(t *testing.T) {
	for _, tc := range []struct {
		line   string
		status int
		proxy  bool
	}{
		{"curl: (56) CONNECT tunnel failed, response 407", 407, true},
		{"curl: (56) CONNECT tunnel failed, response 502", 502, true},
		{"curl: (56) The requested URL returned error: 502", 502, false},
		{"curl: (22) The requested URL returned error: 404", 404, false},
		{"curl: (56) Recv failure: Connection reset by peer", 0, false},
	} {
		d := diagnose(t, tc.line)
		if d.Status != tc.status || !d.NoResponse || d.Findings[0].Proxy != tc.proxy || d.Findings[0].Code != tc.line[7:9] {
			t.Errorf("%q: status %d, no response %v, proxy %v; want %d, true, %v", tc.line, d.Status, d.NoResponse, d.Findings[0].Proxy, tc.status, tc.proxy)
		}
	}
}

// A lower-case auth scheme is read as the scheme: the credential after
// "bearer" and in "authorization:" is hidden wherever text is echoed, and
// a "bearer" challenge's error is OAuth's.
func TestLowerCaseAuthScheme(t *testing.T) {
	for in, want := range map[string]string{
		"$ curl -H 'authorization: bearer PINLOWERbearer0123456789' https://h/": "$ curl -H 'authorization: REDACTED' https://h/",
		"request failed with bearer PINLOWERbearer0123456789":                   "request failed with bearer REDACTED",
		"proxy-authorization: basic dXNlcjpwYXNzd29yZA==":                       "proxy-authorization: REDACTED",
		"BEARER PINLOWERbearer0123456789 was rejected":                          "BEARER REDACTED was rejected",
	} {
		if got := redactText(in); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
	d := diagnose(t, "$ curl -si -H 'authorization: bearer PINLOWERbearer0123456789' https://h/\nHTTP/1.1 401 Unauthorized\r\nwww-authenticate: bearer realm=\"api\", ERROR=\"invalid_token\", error_description=\"expired\"\r\n\r\n")
	if len(d.Findings) != 1 || d.Findings[0].Vocab != "oauth" || d.Findings[0].Code != "invalid_token" || d.RetryRule != "R4" || d.Findings[0].Message != "expired" {
		t.Errorf("a lower-case bearer challenge: %+v, retry %s", d.Findings, d.RetryRule)
	}
	if len(d.Notes) != 1 || strings.Contains(d.Notes[0], "PINLOWER") {
		t.Errorf("the prompt's credential was echoed: %q", d.Notes)
	}
}
