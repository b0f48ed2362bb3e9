package explain

import (
	"bytes"
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// A transfer can fail before any response arrives (no DNS, a refused
// connection, a bad certificate) or part-way through one (a reset, a
// stream error). curl says so in a "curl: (N) ..." line, in its -v trace
// ("* Could not resolve host: x", printed even under -s), and wget and
// HTTPie in words of their own. errcode reads all of them as curl's exit
// code, since the curl catalog describes each failure once.

// failureLine picks out the lines of one tool that report a failure.
type failureLine struct {
	format   string // only in input of this format ("" for any)
	tool     string // who prints it, as the diagnosis names it
	prefix   string // the line starts with this...
	contains string // ...or contains this
}

// failureLines are the tools' failure lines, as these tools print them
// (recorded in cmd/testdata/responses: curl 7.88, wget 1.21, HTTPie 3.2).
// curl's own "curl: (N)" line carries its code and is read first.
var failureLines = []failureLine{
	{format: "curl -v", tool: "curl -v", prefix: "* "},                   // the prefix is dropped from the message
	{format: "wget -S", tool: "wget", contains: "... failed: "},          // Resolving x... / Connecting to x... failed: reason.
	{format: "wget -S", tool: "wget", contains: "awaiting response... "}, // HTTP request sent, awaiting response... No data received.
	{format: "wget -S", tool: "wget", prefix: "wget: unable to resolve host"},
	{format: "wget -S", tool: "wget", prefix: "Read error ("},
	{format: "wget -S", tool: "wget", prefix: "ERROR: The certificate of "},
	{format: "wget -S", tool: "wget", prefix: "ERROR: cannot verify "},
	{format: "wget -S", tool: "wget", prefix: "ERROR: no certificate subject alternative name"},
	{format: "wget -S", tool: "wget", prefix: "The certificate's owner does not match hostname"}, // wget with GnuTLS, no ERROR: before it
	{format: "wget -S", tool: "wget", prefix: "Unable to establish SSL connection"},
	{tool: "HTTPie", prefix: "http: error: "},
	{tool: "HTTPie", prefix: "http: LogLevel.ERROR: "}, // HTTPie 3.2's spelling of the same
	{tool: "grpcurl", prefix: "Failed to dial target host "},
}

// failureReason maps what a failure line says, a tool's or a program's,
// to curl's exit code. The first match wins, so the specific come before
// the general.
type failureReason struct{ text, curl string }

var failureReasons = []failureReason{
	{"The requested URL returned error", "22"},
	// In the words of runtimes and libraries (what programs print, read
	// by program.go), before the tools' more general phrases.
	{"UND_ERR_CONNECT_TIMEOUT", "28"},
	{"aborted due to timeout", "28"},                 // fetch with AbortSignal.timeout
	{"timeout of ", "28"},                            // axios: "timeout of 1000ms exceeded"
	{"upstream prematurely closed connection", "52"}, // nginx
	{"Client.Timeout exceeded", "28"},
	{"i/o timeout", "28"},
	{"ETIMEDOUT", "28"},
	{"SocketTimeoutException", "28"},
	{"HttpTimeoutException", "28"},
	{"x509: certificate", "60"},
	{"PKIX path building failed", "60"},
	{"SELF_SIGNED_CERT_IN_CHAIN", "60"},
	{"DEPTH_ZERO_SELF_SIGNED_CERT", "60"},
	{"UNABLE_TO_VERIFY_LEAF_SIGNATURE", "60"},
	{"unable to verify the first certificate", "60"},
	{"self-signed certificate", "60"},
	{"self signed certificate", "60"},
	{"certificate has expired", "60"}, // OpenSSL's words, in Python's, Node's and curl's messages
	{"CertificateError", "60"},        // urllib3 (requests, HTTPie): the certificate is for another host name
	{"ENOTFOUND", "6"},
	{"EAI_AGAIN", "6"},
	{"no such host", "6"},
	{"UnknownHostException", "6"},
	{"getaddrinfo failed", "6"},
	{"[Errno -2]", "6"},
	{"[Errno -3]", "6"},
	{"[Errno 8]", "6"},
	{"Name or service not known", "6"},            // glibc's EAI_NONAME, after openssl's "system lib"
	{"Temporary failure in name resolution", "6"}, // glibc's EAI_AGAIN
	{"ECONNRESET", "56"},
	{"connection reset by peer", "56"},
	{"socket hang up", "52"},
	{"RemoteDisconnected", "52"},
	{"ECONNREFUSED", "7"},
	{"connection refused", "7"},
	{"[Errno 111]", "7"},
	{"actively refused", "7"},
	{"EHOSTUNREACH", "7"},
	{"ENETUNREACH", "7"},
	{"no route to host", "7"},
	{"Could not connect to the endpoint URL", "7"},         // botocore
	{" was refused - did you specify the right host", "7"}, // kubectl
	{"other side closed", "52"},                            // undici
	{`": EOF`, "52"},                                       // Go's net/http: closed before a response
	// The tools' own.
	{"was not closed cleanly", "92"},
	{"Error in the HTTP2 framing layer", "16"},
	{"transfer closed with", "18"},
	{"Could not resolve proxy", "5"},
	{"SSL certificate problem", "60"},
	{"CERTIFICATE_VERIFY_FAILED", "60"},
	{"certificate verify failed", "60"},
	{"is not trusted", "60"},
	{"doesn't have a known issuer", "60"},
	{"ERROR: cannot verify", "60"},
	{"no certificate subject alternative name", "60"},
	{"no alternative certificate subject name", "60"}, // curl -v: the certificate is for another name
	{"does not match hostname", "60"},                 // wget (GnuTLS): the same
	{"’ has expired.", "60"},                          // wget: "ERROR: The certificate of ‘host’ has expired."
	{"' has expired.", "60"},                          // the same, in the C locale's quotes
	{"WRONG_VERSION_NUMBER", "35"},
	{"wrong version number", "35"},
	{"Unable to establish SSL connection", "35"},
	{"SSL_connect", "35"},
	{"SSLError", "35"},
	{"Could not resolve host", "6"},
	{"Name or service not known", "6"},
	{"Temporary failure in name resolution", "6"},
	{"unable to resolve host", "6"},
	{"NameResolutionError", "6"},
	{"nodename nor servname", "6"},
	{"timed out", "28"},
	{"Timeout was reached", "28"},
	{"ConnectTimeout", "28"},
	{"ReadTimeout", "28"},
	{"Empty reply from server", "52"},
	{"No data received", "52"},
	{"Remote end closed connection without response", "52"},
	{"Send failure", "55"},
	{"Failed sending data to the peer", "55"},
	{"Connection reset by peer", "56"},
	{"Recv failure", "56"},
	{"Failure when receiving data", "56"},
	{"Connection refused", "7"},
	{"Couldn't connect to server", "7"},
	{"Could not connect to server", "7"},
	{"No route to host", "7"},
	{"Network is unreachable", "7"},
	{"context deadline exceeded", "28"}, // grpcurl gave up connecting
	{"Maximum (", "47"},
	{"TooManyRedirects", "47"},
	{"redirections exceeded", "47"},
	// docker's client when no engine listens at its socket (unix:// or
	// tcp://): nothing answered, as a refused connection.
	{"Cannot connect to the Docker daemon", "7"},
}

var (
	// Anywhere in a line: after curl's progress meter, the error follows
	// the meter's last redraw on the same line.
	curlFailure = &lazyRE{expr: `curl: \((\d+)\) (.*)`}
	h2Error     = &lazyRE{expr: `\b([A-Z][A-Z0-9_]+) \(err (\d+)\)`}
	// curl -v's note of a GOAWAY frame ("recveived", sic, in curl 7.88).
	h2GoAway  = &lazyRE{expr: `^\* rec(?:ei|ie|vei)ved GOAWAY, error=(\d+)`}
	urlInText = &lazyRE{expr: `[a-zA-Z][a-zA-Z0-9+.-]*://[^\s'")]*[^\s'").,:;]`} // not the sentence's punctuation after it
	// A path with a query, as HTTPie quotes it ("with url: /x?api_key=..."):
	// its parameters may hold credentials too.
	pathInText  = &lazyRE{expr: `(?:^|[\s(:])/[^\s'")?]*\?[^\s'")]*[^\s'").,:;]`}
	returnedErr = &lazyRE{expr: `returned error: ([1-5]\d\d)\b`}
	// A proxy's answer to curl's CONNECT, in curl's (56) line.
	connectFailed = &lazyRE{expr: `CONNECT tunnel failed, response ([1-5]\d\d)\b`}
)

// toolChatter are lines the tools print around a failure that are neither
// a response nor a body: curl's paragraph after a certificate error, and
// HTTPie's hint after a DNS error.
var toolChatter = []string{
	"More details here: https://curl.se/docs/sslcerts.html",
	"curl failed to verify the legitimacy of the server",
	"establish a secure connection to it. To learn more",
	"how to fix it, please visit the web page mentioned above.",
	"Couldn’t resolve the given hostname.",
	"Couldn't resolve the given hostname.",
	"The certificate has expired",                // wget's line under its ERROR line
	"The certificate has not yet been activated", // the same
}

// hasChatter: some line of body may be the tools' chatter.
func hasChatter(body []byte) bool {
	for _, c := range toolChatter {
		if bytes.Contains(body, []byte(c)) {
			return true
		}
	}
	return false
}

func isToolChatter(l string) bool {
	for _, c := range toolChatter {
		if strings.HasPrefix(l, c) {
			return true
		}
	}
	return false
}

// transportFailures reads the failures the tools printed anywhere in data.
// curl's own "curl: (N)" lines are authoritative; failing those, its -v
// trace lines after the last response it shows (earlier ones are
// attempts that a later connection made good), and wget's and HTTPie's
// lines. One failure per code: the last line that says it.
func transportFailures(data []byte, format string) []Item {
	if !mayHaveFailure(data, format) {
		return nil
	}
	var curl, traced, goaway []Item
	eachLine(data, func(b []byte, _ int) bool {
		if !lineMayFail(b, format) {
			return true // the common case, decided without copying the line
		}
		if bytes.IndexByte(b, 0x1b) >= 0 {
			b = stripANSI(b)
		}
		l := strings.TrimSpace(lastCR(string(b)))
		if m := curlFailure.get().FindStringSubmatch(l); m != nil {
			curl = keepLast(curl, failureItem("curl", m[1], "curl: ("+m[1]+") "+m[2]))
			return true
		}
		if strings.HasPrefix(l, "< HTTP/") {
			traced = nil // a response came after the trace so far
			return true
		}
		if m := h2GoAway.get().FindStringSubmatch(l); m != nil && m[1] != "0" && format == "curl -v" {
			goaway = keepLast(goaway, goAwayItem(m[1], strings.TrimPrefix(l, "* ")))
			return true
		}
		for _, fl := range failureLines {
			if fl.matches(l, format) {
				if code := reasonCode(l); code != "" {
					msg := l
					if fl.prefix == "* " || strings.HasPrefix(fl.prefix, "http: ") {
						msg = strings.TrimPrefix(l, fl.prefix) // the tool's marker, not its message
					}
					traced = keepLast(traced, failureItem(fl.tool, code, msg))
				}
				break
			}
		}
		return true
	})
	if len(curl) == 0 {
		curl = traced
	}
	return append(withOpenSSL(withHTTP2(curl)), goaway...)
}

// goAwayItem: the peer closed the connection with an HTTP/2 error code
// (error=0, NO_ERROR, is a graceful shutdown and no failure).
func goAwayItem(code, line string) Item {
	n, _ := strconv.ParseUint(code, 10, 32)
	return Item{Code: "0x" + strconv.FormatUint(n, 16), Message: line, From: failureFrom("curl -v"), Vocab: "http2", VocabOnly: true, Fails: true}
}

// stripToolLines takes the tools' failure lines and chatter out of what
// would otherwise be read as a body.
func stripToolLines(body []byte, format string) []byte {
	if !mayHaveFailure(body, format) && !hasChatter(body) && !bytes.Contains(body, []byte("% Total")) {
		return body
	}
	return filterLines(body, func(b []byte) bool {
		l := strings.TrimSpace(lastCR(string(b)))
		return !isToolChatter(l) && !isFailureLine(l, format) && !isProgress(l)
	})
}

func isFailureLine(l, format string) bool {
	if curlFailure.get().MatchString(l) {
		return true
	}
	for _, fl := range failureLines {
		if fl.matches(l, format) {
			return true
		}
	}
	return false
}

// matches: l is this tool's failure line, in input of that format.
func (fl failureLine) matches(l, format string) bool {
	return (fl.format == "" || fl.format == format) &&
		(fl.prefix != "" && strings.HasPrefix(l, fl.prefix) || fl.contains != "" && strings.Contains(l, fl.contains))
}

// lineMayFail: b may be a line transportFailures reads (a superset, cheap
// to test: most lines are decided by their first byte and one search).
func lineMayFail(b []byte, format string) bool {
	if t := bytes.TrimLeft(b, " \t\r"); len(t) > 0 && (t[0] == '*' || t[0] == '<') {
		// its trace, or a response's status line after it
		return format == "curl -v" && (t[0] == '*' || bytes.HasPrefix(t, []byte("< HTTP/")))
	}
	if bytes.Contains(b, []byte("curl: (")) || bytes.Contains(b, []byte("http: ")) || bytes.Contains(b, []byte("Failed to dial")) {
		return true
	}
	if format != "wget -S" {
		return false
	}
	for _, fl := range failureLines {
		if fl.format == format && bytes.Contains(b, []byte(cmp.Or(fl.prefix, fl.contains))) {
			return true
		}
	}
	return false
}

// mayHaveFailure is a quick look before reading every line: the markers
// that can occur in input of this format.
func mayHaveFailure(data []byte, format string) bool {
	markers := []string{"curl: (", "http: ", "Failed to dial"}
	switch format {
	case "curl -v":
		markers = append(markers, "* ")
	case "wget -S":
		markers = append(markers, "failed: ", "awaiting response", "wget: ", "Read error", "ERROR: ", "Unable to establish", "does not match hostname")
	}
	for _, m := range markers {
		if bytes.Contains(data, []byte(m)) {
			return true
		}
	}
	return false
}

func reasonCode(l string) string {
	for _, r := range failureReasons {
		if strings.Contains(l, r.text) {
			return r.curl
		}
	}
	return ""
}

// failureFrom says where each tool's failure was read.
func failureFrom(tool string) string {
	switch tool {
	case "curl":
		return "curl's error line"
	case "curl -v":
		return "curl -v trace"
	case "wget":
		return "wget's output"
	}
	return tool + "'s error"
}

// failureTool is the tool failureFrom named.
func failureTool(from string) string {
	for _, tool := range []string{"curl -v", "curl", "wget", "HTTPie", "grpcurl"} {
		if from == failureFrom(tool) {
			return tool
		}
	}
	return ""
}

// failureItem is one failure as an error of the response. (URLs in the
// message, which HTTPie quotes, lose their credentials with every other
// echoed line: Diagnosis.redact.)
func failureItem(tool, code, line string) Item {
	it := Item{Code: code, Message: line, From: failureFrom(tool), Vocab: "curl", VocabOnly: true, Fails: true}
	if m := returnedErr.get().FindStringSubmatch(line); m != nil { // --fail's (22); curl says it with (56) too
		it.Status, _ = strconv.Atoi(m[1])
	} else if m := connectFailed.get().FindStringSubmatch(line); m != nil {
		it.Status, _ = strconv.Atoi(m[1])
		it.Proxy = true
	}
	return it
}

// keepLast adds it to items, dropping an earlier failure with its code:
// one failure per code, the last line that says it. items stays as small
// as the number of codes, whatever the input repeats.
func keepLast(items []Item, it Item) []Item {
	for i := range items {
		if items[i].Code == it.Code {
			items = append(items[:i], items[i+1:]...)
			break
		}
	}
	return append(items, it)
}

// withHTTP2 adds, after each failure that names one, the HTTP/2 error
// code the peer sent: "... INTERNAL_ERROR (err 2)".
func withHTTP2(items []Item) []Item {
	var out []Item
	for _, it := range items {
		out = append(out, it)
		if m := h2Error.get().FindStringSubmatch(it.Message); m != nil {
			n, err := strconv.ParseUint(m[2], 10, 32)
			if err != nil {
				continue
			}
			out = append(out, Item{Code: "0x" + strconv.FormatUint(n, 16), Token: m[1], Message: it.Message, From: it.From, Vocab: "http2", VocabOnly: true, Depth: 1})
		}
	}
	return out
}

// fromCurlExit is where a failure read from curl's exit status was found.
const fromCurlExit = "curl's exit status"

// CurlExit adds the failure curl's exit status states, for output that does
// not state it: curl -s prints no "curl: (N)" line, only its exit status
// says what failed. The failure is the one that line would give (the curl
// catalog's entry for the code, read as every transport failure is), its
// message and From saying it was read from the status, not from the output.
// Nothing is added when the output already carries that code, or, for
// --fail's 22, when it holds the HTTP status that made curl fail (curl
// -sfv, -w '%{http_code}'): the status is then the diagnosis.
func (t *Transcript) CurlExit(code int) {
	if code <= 0 || len(t.Exchanges) != 1 {
		return
	}
	ex := &t.Exchanges[0]
	c := strconv.Itoa(code)
	for _, it := range ex.Carried {
		if it.Vocab == "curl" && it.Code == c {
			return
		}
	}
	if code == 22 && ex.Status >= 400 {
		return
	}
	// curl -w's 000 said only that no response came: the status says why.
	carried := slices.DeleteFunc(slices.Clone(ex.Carried), func(it Item) bool { return it.Vocab == "curl" && it.Code == "" })
	it := failureItem("curl", c, "curl exited with status "+c+" and printed no error line (curl -s hides it)")
	it.From = fromCurlExit
	ex.Carried = append([]Item{it}, carried...)
	if t.Format == "body" && len(bytes.TrimSpace(ex.Body)) == 0 {
		t.Format = "curl" // what there is to read came from curl
	}
}
