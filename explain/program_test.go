package explain

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

// One case per recogniser of what programs print, and the false positives.
func TestReadProgram(t *testing.T) {
	for name, c := range map[string]struct {
		in     string
		ok     bool
		format string
		status int
		first  string // the first item's vocab:code-or-token
	}{
		"python chain": {"Traceback (most recent call last):\n  File \"x.py\", line 1\nConnectionRefusedError: [Errno 111] Connection refused\n\nDuring handling of the above exception, another exception occurred:\n\nTraceback (most recent call last):\n  File \"x.py\", line 2\nurllib.error.URLError: <urlopen error [Errno 111] Connection refused>\n",
			true, "Python traceback", 0, "curl:7"},
		"java caused by": {"Exception in thread \"main\" java.io.UncheckedIOException: fetch\n\tat Main.main(Main.java:9)\nCaused by: java.net.ConnectException: Connection refused\n\tat java.base/sun.nio.ch.Net.pollConnect(Native Method)\n",
			true, "Java stack trace", 0, "curl:7"},
		"node cause":           {"TypeError: fetch failed\n    at async main (/x.mjs:1:1) {\n  [cause]: Error: getaddrinfo ENOTFOUND api.nonexistent.invalid\n", true, "Node.js error", 0, "curl:6"},
		"go":                   {"Get \"https://api.example.com/v1\": dial tcp: lookup api.example.com: no such host\n", true, "program output", 0, "curl:6"},
		"go timeout":           {"Get \"https://api.example.com/v1\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)\n", true, "program output", 0, "curl:28"},
		"x509":                 {"Get \"https://127.0.0.1:8443/\": tls: failed to verify certificate: x509: certificate signed by unknown authority\n", true, "program output", 0, "curl:60"},
		"httpx":                {"httpx.HTTPStatusError: Client error '429 Too Many Requests' for url 'https://api.example.com/v1'\n", true, "program output", 429, ""},
		"axios":                {"AxiosError: Request failed with status code 401\n    at settle (/x/axios.cjs:1:1)\n", true, "Node.js error", 401, ""},
		"grpc python":          {"Traceback (most recent call last):\n  File \"x.py\", line 1\ngrpc._channel._InactiveRpcError: <_InactiveRpcError of RPC that terminated with:\n\tstatus = StatusCode.UNAVAILABLE\n", true, "Python traceback", 0, ""},
		"psycopg2":             {"Traceback (most recent call last):\n  File \"x.py\", line 1\npsycopg2.errors.UniqueViolation: duplicate key value violates unique constraint \"u\"\n", true, "Python traceback", 0, "postgres:UniqueViolation"},
		"psql":                 {"ERROR:  42P01: relation \"nope\" does not exist\n", true, "program output", 0, "postgres:42P01"},
		"psql plain":           {"ERROR:  relation \"nope\" does not exist\nLINE 1: SELECT * FROM nope\n", true, "program output", 0, "postgres:"},
		"psql -f":              {"psql:q.sql:3: ERROR:  duplicate key value violates unique constraint \"k\"\n", true, "program output", 0, "postgres:"},
		"npm":                  {"npm error code E403\nnpm error 403 403 Forbidden - GET https://registry.example.com/left-pad\n", true, "program output", 403, ""},
		"npm 6":                {"npm ERR! code E404\nnpm ERR! 404 Not Found - GET https://registry.npmjs.org/left-padx - Not found\n", true, "program output", 404, ""},
		"pip http":             {"ERROR: HTTP error 403 while getting https://files.example.com/r-2.31.0-py3-none-any.whl\n", true, "program output", 403, ""},
		"pip no match":         {"Looking in indexes: https://pypi.example.com/simple\nERROR: No matching distribution found for requests\n", true, "program output", 0, ":"},
		"kubectl":              {"The connection to the server 127.0.0.1:1 was refused - did you specify the right host or port?\n", true, "program output", 0, "curl:7"},
		"urllib3":              {"HTTPConnectionPool(host='127.0.0.1', port=18392): Read timed out. (read timeout=1)\n", true, "program output", 0, "curl:28"},
		"undici abort":         {"TimeoutError: The operation was aborted due to timeout\n", true, "program output", 0, "curl:28"},
		"axios timeout":        {"timeout of 1000ms exceeded\n", true, "program output", 0, "curl:28"},
		"nginx refused":        {"connect() failed (111: Connection refused) while connecting to upstream\n", true, "program output", 0, "curl:7"},
		"nginx timeout":        {"upstream timed out (110: Connection timed out) while reading response header from upstream\n", true, "program output", 0, "curl:28"},
		"nginx tls":            {"upstream SSL certificate verify error: (18:self-signed certificate) while SSL handshaking to upstream\n", true, "program output", 0, "curl:60"},
		"aiohttp":              {"Traceback (most recent call last):\n  File \"x.py\", line 1\naiohttp.client_exceptions.ClientResponseError: 503, message='Service Unavailable', url=URL('http://h/x')\n", true, "Python traceback", 503, ""},
		"status, reason, body": {"Error: Request failed: 429 Too Many Requests: {\"error\":{\"code\":\"x\"}}\n    at f (x.mjs:1:1)\n", true, "Node.js error", 429, ""},
		"a count, no status":   {"Error: found 123 Items: {\"a\":1}\n    at f (x.mjs:1:1)\n", true, "Node.js error", 0, ""},
		"status, then body":    {"UserServiceError: could not create user: 409 {\"code\":\"23505\"}\n    at f (x.js:1:1)\n", true, "Node.js error", 409, ""},
		"a 2xx and a body":     {"Error: got 200 {\"ok\":true}\n    at f (x.js:1:1)\n", true, "Node.js error", 0, ""},
		// Not a program's failure.
		"a timeout in prose": {"the timeout of the job was raised\n", false, "", 0, ""},
		"npm's advice":       {"npm error code E403\nnpm error 403 In most cases, you or one of your dependencies are requesting a package version that is forbidden\n", false, "", 0, ""},
		"pip's words":        {"ERROR: Could not find a version that satisfies the requirement requests (from versions: none)\n", false, "", 0, ""},
		"log line":           {"level=info msg=\"retried after error\"\n", false, "", 0, ""},
		"body prose":         {"* connection refused by upstream\n", false, "", 0, ""},
		"not libpq's":        {"ERROR:  Build failed\n", false, "", 0, ""},
		"tool line":          {"curl: (7) Failed to connect to 127.0.0.1 port 1: Connection refused\n", false, "", 0, ""},
		"httpie line":        {"http: error: ConnectionError: [Errno 111] Connection refused while doing a GET request to URL: http://127.0.0.1:1/\n", false, "", 0, ""},
	} {
		p, ok := readProgram([]byte(c.in))
		if ok != c.ok {
			t.Errorf("%s: ok = %v, want %v", name, ok, c.ok)
			continue
		}
		if !ok {
			continue
		}
		first := ""
		if len(p.items) > 0 {
			first = p.items[0].Vocab + ":" + p.items[0].Code + p.items[0].Token
		}
		if p.format != c.format || p.status != c.status || c.first != "" && first != c.first {
			t.Errorf("%s: %s, status %d, first %q; want %s, %d, %q", name, p.format, p.status, first, c.format, c.status, c.first)
		}
	}
}

// A Python dict literal quoted in an SDK's message reads as the JSON it
// was.
func TestPyLiteralJSON(t *testing.T) {
	in := `{'error': {'message': "You can't", 'type': 'x', 'param': None, 'ok': False, 'n': [1, True]}}`
	var v any
	if err := json.Unmarshal([]byte(pyLiteralJSON(in)), &v); err != nil {
		t.Fatalf("pyLiteralJSON(%q) = %q: %v", in, pyLiteralJSON(in), err)
	}
	if m := v.(map[string]any)["error"].(map[string]any); m["message"] != "You can't" || m["param"] != nil || m["ok"] != false {
		t.Errorf("read as %v", v)
	}
}

// The errno a runtime names and curl's code for the same failure are one
// failure: the transport's rule decides (curl retries a refusal only when
// asked), and the errno's card says the same (TestErrnoCardsAgreeWithTheVerdict).
func TestErrnoNeverDecidesRetry(t *testing.T) {
	ix := catalog.NewIndex(catalog.Builtin())
	tr := Parse([]byte("Traceback (most recent call last):\n  File \"x.py\", line 2\nurllib.error.URLError: <urlopen error [Errno 111] Connection refused>\n"), false)
	d := Diagnose(tr.Exchanges[0], ix, Options{})
	hasErrno := false
	for _, f := range d.Findings {
		hasErrno = hasErrno || f.Catalog != nil && f.Catalog.ID == "errno"
	}
	if !d.NoResponse || !hasErrno || d.Retryable || d.RetryKnown {
		t.Errorf("no response %v, errno finding %v, retryable %v (known %v, %s); want true, true, false, false", d.NoResponse, hasErrno, d.Retryable, d.RetryKnown, d.RetryRule)
	}
}

// Node's inspected properties read as JSON, with the thrown line's message
// where the object has none; what a JSON literal cannot say gives nothing.
func TestNodeInspectJSON(t *testing.T) {
	ls := []string{"ThrottlingException: Rate exceeded", "    at f (x.js:1:1) {", "  '$fault': 'client',", "  '$retryable': undefined,",
		"  '$metadata': {", "    httpStatusCode: 400,", "    requestId: 'r1'", "  },", "  headers: Headers {},", "  __type: 'x#ThrottlingException'", "}"}
	var v map[string]any
	if err := json.Unmarshal([]byte(nodeInspectJSON(ls, ls[0])), &v); err != nil {
		t.Fatalf("%q: %v", nodeInspectJSON(ls, ls[0]), err)
	}
	if v["message"] != "Rate exceeded" || v["$retryable"] != nil || v["$metadata"].(map[string]any)["requestId"] != "r1" {
		t.Errorf("read as %v", v)
	}
	split := []string{"Error: x", "    at f (x.js:1:1) {", "  data: 'a' +", "    'b'", "}"}
	if s := nodeInspectJSON(split, split[0]); s != "" {
		t.Errorf("a string split over lines read as %q", s)
	}
}

// psql's ERROR line without a SQLSTATE: its message, libpq's DETAIL line
// as the detail, a hint that no SQLSTATE was printed, and no code guessed.
func TestPsqlWithoutSQLSTATE(t *testing.T) {
	p, ok := readProgram([]byte("ERROR:  duplicate key value violates unique constraint \"users_email_key\"\nDETAIL:  Key (email)=(ada@example.com) already exists.\n"))
	if !ok || len(p.items) != 1 {
		t.Fatalf("read %v: %+v", ok, p.items)
	}
	it := p.items[0]
	if it.Code != "" || it.Token != "" || it.Vocab != "postgres" || it.Message != `duplicate key value violates unique constraint "users_email_key"` ||
		it.Detail != "Key (email)=(ada@example.com) already exists." || it.Hint != pgNoCode {
		t.Errorf("%+v", it)
	}
	// A DETAIL line with no PostgreSQL error above it details nothing.
	if p, ok := readProgram([]byte("DETAIL:  Key (email)=(a) already exists.\n")); ok {
		t.Errorf("a DETAIL line alone: %+v", p)
	}
}

// The URL a CLI names with the status (or the index pip looked in) is the
// exchange's: its host is evidence of who answered.
func TestProgramURL(t *testing.T) {
	for in, want := range map[string]string{
		"npm error 403 403 Forbidden - GET https://registry.npmjs.org/left-pad\n":                                   "registry.npmjs.org",
		"ERROR: HTTP error 404 while getting https://files.pythonhosted.org/p/x.whl\n":                              "files.pythonhosted.org",
		"Looking in indexes: https://pypi.example.com/simple\nERROR: No matching distribution found for requests\n": "pypi.example.com",
	} {
		p, ok := readProgram([]byte(in))
		if ex := p.exchange(); !ok || ex.Host != want {
			t.Errorf("%q: host %q, want %q", in, ex.Host, want)
		}
	}
}

// An object a program logged after the line stating its status is the
// response's body; with no such line, an object is nobody's body.
func TestLoggedObject(t *testing.T) {
	ls := []string{"Error: Request failed with status code 404 {", "  kind: 'Status',", "  metadata: {},", "  details: { name: 'web-0', kind: 'pods' },", "  code: 404", "}"}
	var v map[string]any
	if err := json.Unmarshal([]byte(loggedObject(ls)), &v); err != nil || v["kind"] != "Status" || v["code"] != 404.0 {
		t.Errorf("loggedObject = %q (%v)", loggedObject(ls), err)
	}
	ls[0] = "config loaded {"
	if got := loggedObject(ls); got != "" {
		t.Errorf("an object after a line no runtime prints: %q", got)
	}
}

// Colour a program printed is not part of its words.
func TestWithoutEscapes(t *testing.T) {
	for in, want := range map[string]string{
		"\x1b[31m│\x1b[0m \x1b[0m\x1b[1m\x1b[31mError: \x1b[0mboom": "│ Error: boom",
		"\x1b]8;;https://x.example\x07link\x1b]8;;\x07":             "link",
		"\x1b]0;title\x1b\\text":                                    "text",
		"no escapes":                                                "no escapes",
		"a lone \x1b":                                               "a lone \x1b",
	} {
		if got := withoutEscapes(in); got != want {
			t.Errorf("withoutEscapes(%q) = %q, want %q", in, got, want)
		}
	}
}

// Two failures in one output are not one: the later line's is explained,
// the other named in a note, and no fact of one (the 429, its URL) is
// given to the other (AWS's throttling, a 400).
func TestTwoFailuresNotMixed(t *testing.T) {
	status := "requests.exceptions.HTTPError: 429 Client Error: Too Many Requests for url: https://api.example.com/v1"
	aws := "botocore.errorfactory.ThrottlingException: An error occurred (ThrottlingException) when calling the PutItem operation (reached max retries: 3): Rate of requests exceeds the allowed throughput."
	ix := catalog.NewIndex(catalog.Builtin())
	d := Diagnose(Parse([]byte(status+"\n"+aws+"\n"), false).Exchanges[0], ix, Options{})
	if d.Status != 0 || d.Host != "" || d.Catalog == nil || d.Catalog.ID != "aws" || len(d.Notes) != 1 || !strings.Contains(d.Notes[0], "429 Client Error") {
		t.Errorf("429 then AWS: status %d, host %q, catalog %v, notes %q", d.Status, d.Host, d.Catalog, d.Notes)
	}
	d = Diagnose(Parse([]byte(aws+"\n"+status+"\n"), false).Exchanges[0], ix, Options{})
	if d.Status != 429 || d.Catalog != nil || len(d.Notes) != 1 || !strings.Contains(d.Notes[0], "ThrottlingException") {
		t.Errorf("AWS then 429: status %d, catalog %v, notes %q", d.Status, d.Catalog, d.Notes)
	}
}

// A CLI's own "Error: " line is its failure when nothing a runtime says
// is in the output; a line that states a status stays the status's.
func TestCLIErrorLine(t *testing.T) {
	for in, want := range map[string]string{
		"Initializing the backend...\n\nError: Error refreshing state: HTTP remote state endpoint requires auth\n": "Error refreshing state: HTTP remote state endpoint requires auth",
		"╷\n│ Error: Error acquiring the state lock\n│ \n╵\n":                                                      "Error acquiring the state lock",
		"Error: unknown flag: --foo\n": "unknown flag: --foo",
		"No Error: here\n":             "",
	} {
		p, ok := readProgram([]byte(in))
		got := ""
		if ok && len(p.items) > 0 && p.items[0].Fails {
			got = p.items[0].Message
		}
		if got != want {
			t.Errorf("readProgram(%q): failure %q, want %q", in, got, want)
		}
	}
}

// Of an axios error's dump, the response's data and headers are read; the
// request's (config.headers) never are.
func TestAxiosResponse(t *testing.T) {
	ls := []string{"AxiosError: Request failed with status code 401", "    at settle (x.js:1:1) {", "  config: {", "    headers: Object [AxiosHeaders] {",
		"      Authorization: 'Bearer secret-1'", "    }", "  },", "  response: {", "    status: 401,", "    headers: Object [AxiosHeaders] {",
		"      'retry-after': '30'", "    },", "    data: {", "      error: { code: 'api_key_expired', message: 'expired' }", "    }", "  },", "  status: 401", "}"}
	data, headers, status := axiosResponse(ls)
	if status != 401 {
		t.Errorf("status %d", status)
	}
	if data != `{"error": {"code":"api_key_expired","message":"expired"}}` && !strings.Contains(data, "api_key_expired") {
		t.Errorf("data %q", data)
	}
	if !strings.Contains(headers, "retry-after") || strings.Contains(headers, "secret-1") {
		t.Errorf("headers %q", headers)
	}
}

// Windows' number, where a runtime prints it with its own carrier, is
// the windows vocabulary's; other numbers in brackets are not.
func TestWinErrorIn(t *testing.T) {
	for l, want := range map[string]string{
		"ConnectionRefusedError: [WinError 10061] No connection could be made":    "10061",
		"---> System.Net.Sockets.SocketException (10054): An existing connection": "10054",
		"ConnectionRefusedError: [Errno 111] Connection refused":                  "",
		"dial tcp 127.0.0.1:1: connectex: No connection could be made":            "",
		"[WinError 1234567]": "",
	} {
		if it := winErrorIn(l); it.Code != want || it.Vocab != "windows" {
			t.Errorf("%q: %+v, want code %q of windows", l, it, want)
		}
	}
}

// No card contradicts the verdict above it: for every errno with a stated
// retryability, a Python traceback naming it ([Errno N] and its message)
// either shows no errno card, or a verdict that says the same. (errno
// said ECONNREFUSED and ECONNRESET were retryable while curl's 7 and 56,
// which decide, say nothing: "Retry not stated" above "Retryable yes".)
func TestErrnoCardsAgreeWithTheVerdict(t *testing.T) {
	ix := catalog.NewIndex(catalog.Builtin())
	var errno *catalog.Catalog
	for _, c := range catalog.Builtin() {
		if c.ID == "errno" {
			errno = c
		}
	}
	checked := 0
	for _, e := range errno.All() {
		if e.Retryable == catalog.RetryUnknown {
			continue
		}
		for _, line := range []string{
			fmt.Sprintf("urllib.error.URLError: <urlopen error [Errno %s] %s>", e.Token, e.Message),
			fmt.Sprintf("Error: connect %s 127.0.0.1:1", e.Code),
		} {
			tr := Parse([]byte("Traceback (most recent call last):\n  File \"x.py\", line 2\n"+line+"\n"), false)
			if len(tr.Exchanges) == 0 {
				continue
			}
			d := Diagnose(tr.Exchanges[0], ix, Options{})
			for _, f := range d.Findings {
				if f.Entry == nil || f.Catalog.ID != "errno" || f.Entry.Retryable == catalog.RetryUnknown {
					continue
				}
				checked++
				if want := f.Entry.Retryable == catalog.RetryYes; !d.RetryKnown || d.Retryable != want {
					t.Errorf("%q: errno:%s says retryable %v; the verdict: known %v, retryable %v (%s)", line, f.Entry.Code, want, d.RetryKnown, d.Retryable, d.RetryRule)
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no errno card with a stated retryability was shown: the test reads nothing")
	}
}
