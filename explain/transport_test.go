package explain

import (
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

// Each tool's words for a failure become curl's exit code.
func TestTransportFailureLines(t *testing.T) {
	for _, tc := range []struct {
		format, input, code string
	}{
		{"body", "curl: (6) Could not resolve host: x.invalid", "6"},
		{"body", "  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0curl: (7) Failed to connect", "7"},
		{"curl -v", "* Could not resolve host: x.invalid", "6"},
		{"curl -v", "* Could not resolve proxy: p.invalid", "5"},
		{"curl -v", "* Failed to connect to h port 1 after 0 ms: Couldn't connect to server", "7"},
		{"curl -v", "* Operation timed out after 1001 milliseconds with 0 bytes received", "28"},
		{"curl -v", "* Empty reply from server", "52"},
		{"curl -v", "* Recv failure: Connection reset by peer", "56"},
		{"curl -v", "* Send failure: Broken pipe", "55"},
		{"curl -v", "* SSL certificate problem: self-signed certificate", "60"},
		{"curl -v", "* OpenSSL/3.0.19: error:0A00010B:SSL routines::wrong version number", "35"},
		{"curl -v", "* HTTP/2 stream 1 was not closed cleanly: INTERNAL_ERROR (err 2)", "92"},
		{"curl -v", "* The requested URL returned error: 404", "22"},
		{"curl -v", "* Maximum (50) redirects followed", "47"},
		{"wget -S", "Resolving x.invalid (x.invalid)... failed: Name or service not known.", "6"},
		{"wget -S", "Resolving x.invalid (x.invalid)... failed: Temporary failure in name resolution.", "6"},
		{"wget -S", "Connecting to 127.0.0.1:1... failed: Connection refused.", "7"},
		{"wget -S", "Connecting to 10.1.2.3:80... failed: No route to host.", "7"},
		{"wget -S", "HTTP request sent, awaiting response... No data received.", "52"},
		{"wget -S", "HTTP request sent, awaiting response... Read error (Connection reset by peer) in headers.", "56"},
		{"wget -S", "Read error (Connection timed out) in headers.", "28"},
		{"wget -S", "ERROR: The certificate of ‘h’ is not trusted.", "60"},
		{"wget -S", "ERROR: cannot verify h's certificate, issued by ‘CN=x’:", "60"},
		{"wget -S", "Unable to establish SSL connection.", "35"},
		{"body", "http: error: ConnectionError: ... [Errno 111] Connection refused')) while doing a GET", "7"},
		{"body", "http: LogLevel.ERROR: gaierror: [Errno -2] Name or service not known", "6"},
		{"body", "http: LogLevel.ERROR: Request timed out (1.0s).", "28"},
		{"body", "http: error: SSLError: ... [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed", "60"},
		{"body", "http: error: SSLError: ... [SSL: WRONG_VERSION_NUMBER] wrong version number", "35"},
		{"body", "http: error: ConnectionError: ('Connection aborted.', RemoteDisconnected('Remote end closed connection without response'))", "52"},
		{"body", "http: error: TooManyRedirects: Exceeded 30 redirects.", "47"},
		{"body", `Failed to dial target host "127.0.0.1:1": context deadline exceeded`, "28"},
		// Coloured, as a terminal recording keeps it: from the first byte.
		{"body", "\x1b[1;31mcurl: (6) Could not resolve host: x.invalid\x1b[0m", "6"},
		{"body", "\x1b[31mhttp: error: ConnectionError: [Errno 111] Connection refused\x1b[0m", "7"},
	} {
		items := transportFailures([]byte(tc.input+"\n"), tc.format)
		if len(items) == 0 || items[0].Code != tc.code {
			t.Errorf("%q (%s): %+v, want curl %s", tc.input, tc.format, items, tc.code)
			continue
		}
		if !items[0].Fails || !items[0].VocabOnly || items[0].Vocab != "curl" {
			t.Errorf("%q: %+v: a failure of the transfer, in curl's vocabulary only", tc.input, items[0])
		}
	}
}

// Lines that only look like failures are not read as them.
// Each tool's failure lines count in its own output (HTTPie's and
// grpcurl's in any), and only there.
func TestFailureLineFormats(t *testing.T) {
	for _, tc := range []struct {
		line, format string
		want         bool
	}{
		{"* Could not resolve host: x", "curl -v", true},
		{"* Could not resolve host: x", "body", false},
		{"Resolving x (x)... failed: Name or service not known.", "wget -S", true},
		{"Resolving x (x)... failed: Name or service not known.", "HTTPie", false},
		{"HTTP request sent, awaiting response... No data received.", "wget -S", true},
		{"http: error: ConnectionError: x", "body", true},
		{"http: error: ConnectionError: x", "curl -v", true},
		{`Failed to dial target host "h": x`, "wget -S", true},
		{"curl: (7) Failed to connect", "wget -S", true}, // curl's own line, anywhere
		{"nothing of the sort", "body", false},
	} {
		if got := isFailureLine(tc.line, tc.format); got != tc.want {
			t.Errorf("isFailureLine(%q, %s) = %v, want %v", tc.line, tc.format, got, tc.want)
		}
	}
}

func TestTransportFailureFalsePositives(t *testing.T) {
	for _, tc := range []struct{ format, input string }{
		{"http", "* connection refused by upstream\n* request timed out\n"},     // a body's list, not a trace
		{"body", "Connecting to the database... failed: Connection refused.\n"}, // wget's words, but no wget
		{"wget -S", "ERROR 404: Not Found.\n"},                                  // an HTTP error, not a transport one
		{"curl -v", "* Closing connection 0\n"},
		{"body", "curl: (x) no number\n"},
		{"body", "* Could not resolve host: x.invalid\n"},                         // curl -v's words outside a trace
		{"curl -v", "Connecting to 127.0.0.1:1... failed: Connection refused.\n"}, // wget's inside one
		{"HTTPie", "Resolving x (x)... failed: Name or service not known.\n"},
	} {
		if items := transportFailures([]byte(tc.input), tc.format); len(items) > 0 {
			t.Errorf("%q (%s): read as failures %+v", tc.input, tc.format, items)
		}
	}
}

// curl's own line is authoritative; -v attempts before a response are not
// failures; one failure per code, the last word on it.
func TestTransportFailureChoice(t *testing.T) {
	both := "* Could not resolve host: a.invalid\ncurl: (6) Could not resolve host: a.invalid\n"
	if items := transportFailures([]byte(both), "curl -v"); len(items) != 1 || items[0].From != "curl's error line" {
		t.Errorf("curl's line and its trace: %+v, want the line alone", items)
	}
	attempts := "* connect to ::1 port 80 failed: Connection refused\n< HTTP/1.1 200 OK\n<\n"
	if items := transportFailures([]byte(attempts), "curl -v"); len(items) != 0 {
		t.Errorf("a failed attempt before a response: %+v", items)
	}
	after := "< HTTP/1.1 200 OK\n<\n* transfer closed with 10 bytes remaining to read\n"
	if items := transportFailures([]byte(after), "curl -v"); len(items) != 1 || items[0].Code != "18" {
		t.Errorf("a failure after the response: %+v", items)
	}
	twice := "* connect to ::1 port 1 failed: Connection refused\n* Failed to connect to localhost port 1 after 0 ms: Couldn't connect to server\n"
	if items := transportFailures([]byte(twice), "curl -v"); len(items) != 1 || !strings.HasPrefix(items[0].Message, "Failed to connect") {
		t.Errorf("two lines of one failure: %+v, want the last", items)
	}
}

func TestTransportFailureDetails(t *testing.T) {
	items := transportFailures([]byte("curl: (92) HTTP/2 stream 1 was not closed cleanly: REFUSED_STREAM (err 7)\n"), "body")
	if len(items) != 2 || items[1].Code != "0x7" || items[1].Token != "REFUSED_STREAM" || items[1].Vocab != "http2" || items[1].Depth != 1 {
		t.Errorf("HTTP/2 error in the message: %+v", items)
	}
	// curl 7.88 notes a GOAWAY as "recveived" (sic), 8.x as "received".
	for _, l := range []string{"* recveived GOAWAY, error=11, last_stream=1\n", "* received GOAWAY, error=11, last_stream=1\n"} {
		items = transportFailures([]byte(l+"curl: (16) Error in the HTTP2 framing layer\n"), "curl -v")
		if len(items) != 2 || items[1].Code != "0xb" || items[1].Vocab != "http2" || !items[1].Fails {
			t.Errorf("GOAWAY with ENHANCE_YOUR_CALM: %+v", items)
		}
	}
	if items := transportFailures([]byte("* received GOAWAY, error=0, last_stream=3\n"), "curl -v"); len(items) != 0 {
		t.Errorf("a graceful GOAWAY is no failure: %+v", items)
	}
	items = transportFailures([]byte("curl: (22) The requested URL returned error: 503\n"), "body")
	if len(items) != 1 || items[0].Status != 503 {
		t.Errorf("--fail's status: %+v", items)
	}
}

func TestCarriers(t *testing.T) {
	h := header("Www-Authenticate", `Basic realm="a", Bearer realm="b", error="insufficient_scope", scope="x:write"`)
	if its := bearerErrors(h); len(its) != 1 || its[0].Code != "insufficient_scope" || its[0].Field != "scope x:write" || !its[0].VocabOnly {
		t.Errorf("Bearer after Basic in one header: %+v", its)
	}
	h = header("Www-Authenticate", `Basic realm="a"`, "Www-Authenticate", `Bearer error="invalid_token"`)
	if its := bearerErrors(h); len(its) != 1 || its[0].Code != "invalid_token" {
		t.Errorf("Bearer in a second header: %+v", its)
	}
	if its := bearerErrors(header("Www-Authenticate", `Bearer realm="x"`)); its != nil {
		t.Errorf("a challenge without an error: %+v", its)
	}
	if its := grpcStatus(header("Grpc-Status", "0"), nil, nil, nil); its != nil {
		t.Errorf("grpc-status 0 is success: %+v", its)
	}
	its := grpcStatus(header("Content-Type", "application/grpc"), header("Grpc-Status", "8", "Grpc-Message", "quota%20gone"), nil, nil)
	if len(its) != 1 || its[0].Code != "8" || its[0].Message != "quota gone" || !its[0].Fails {
		t.Errorf("a trailer: %+v", its)
	}
	its = grpcStatus(header("Content-Type", "application/grpc"), nil, nil, []byte("\x00\x00\x00\x00\x00grpc-status: 13\r\ngrpc-message: boom\r\n"))
	if len(its) != 1 || its[0].Code != "13" || its[0].Message != "boom" {
		t.Errorf("curl -i's trailer lines after the body: %+v", its)
	}
	if its := grpcStatus(header("Grpc-Status", "x"), nil, nil, nil); its != nil {
		t.Errorf("a grpc-status that is no code: %+v", its)
	}
	its = redirectErrors("https://app/cb#error=access_denied&state=s", nil)
	if len(its) != 1 || its[0].Code != "access_denied" || !its[0].Fails {
		t.Errorf("an error in the fragment: %+v", its)
	}
	its = redirectErrors("", []Hop{{Location: "https://app/cb?code=abc&state=s"}, {Location: "https://app/cb?error=login_required"}})
	if len(its) != 1 || its[0].Code != "login_required" {
		t.Errorf("an error in a redirect on the way: %+v", its)
	}
	if its := redirectErrors("https://app/cb?code=abc", nil); its != nil {
		t.Errorf("a redirect with no error: %+v", its)
	}
}

func TestParseGRPCurl(t *testing.T) {
	ex := parseGRPCurl([]byte("Response trailers received:\nx-request-id: r-1\n\nERROR:\n  Code: ResourceExhausted\n  Message: quota\n"))
	if len(ex.Carried) != 1 || ex.Carried[0].Token != "ResourceExhausted" || ex.Carried[0].Message != "quota" {
		t.Fatalf("grpcurl: %+v", ex.Carried)
	}
	d := Diagnose(ex, catalog.NewIndex(catalog.Builtin()), Options{})
	if len(d.Findings) != 1 || d.Findings[0].Entry == nil || d.Findings[0].Entry.Code != "8" || !d.Failed || d.NoResponse {
		t.Errorf("grpcurl diagnosis: %+v", d)
	}
	if d.RequestID != "r-1" {
		t.Errorf("request id from grpcurl's trailers: %q", d.RequestID)
	}
}

// A protocol's code in a body never names a catalog by itself, and a
// carrier's code is looked up only in its own vocabulary.
func TestVocabularies(t *testing.T) {
	ix := catalog.NewIndex(catalog.Builtin())
	d := Diagnose(Exchange{Response: Response{Protocol: "HTTP/1.1", Status: 404, Body: []byte(`{"error":{"code":"5","message":"x"}}`)}}, ix, Options{})
	if d.Catalog != nil && d.Catalog.Protocol {
		t.Errorf("a bare code 5 named %s", d.Catalog.ID)
	}
	for _, f := range d.Findings {
		if f.Catalog != nil && f.Catalog.Protocol {
			t.Errorf("a bare code 5 found %s:%s", f.Catalog.ID, f.Entry.Code)
		}
	}
	// invalid_token from a Bearer challenge is OAuth's, though Wontopos
	// answered (host) and has codes of its own.
	ex := Exchange{Host: "api.wontopos.com", Response: Response{Protocol: "HTTP/1.1", Status: 401, Header: header("Www-Authenticate", `Bearer error="insufficient_scope"`)}}
	d = Diagnose(ex, ix, Options{})
	if len(d.Findings) != 1 || d.Findings[0].Catalog == nil || d.Findings[0].Catalog.ID != "oauth" {
		t.Errorf("Bearer's insufficient_scope under Wontopos: %+v", d.Findings)
	}
}
