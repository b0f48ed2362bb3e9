package explain

import (
	"bytes"
	"cmp"
	"encoding/json"
	"net/textproto"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// What programs print when an API call fails: a stack trace, an SDK's
// exception, a runtime's error. The structures every runtime shares are
// read here, as ordered tables (GUIDE.md: recognise); what one vendor's SDK
// or CLI prints is its catalog's `lines:` (claimByLines, in diagnose).
//
// A program's output is no response: the facts come from its words. The
// status an SDK states in its message ("429 Client Error", "Error code:
// 429 - {...}"), the body it quotes (read as a body), the URL it names
// (the host is evidence of who answered), a transport failure in the
// runtime's words (read as curl's exit code, the same "no response"
// diagnosis a curl run gets), a gRPC status, a SQLSTATE.

// traceShape recognises the frame of a stack trace: which lines are the
// exceptions, and which one is the error.
type traceShape struct {
	format string
	// detect: data holds a trace of this shape (its header or frame lines).
	detect func(lines []string) bool
	// errorLines are the exception lines, outermost first, root cause last.
	errorLines func(lines []string) []string
}

var traceShapes = []traceShape{
	{"Python traceback", func(ls []string) bool { return hasLine(ls, "Traceback (most recent call last):") }, pythonErrors},
	{"Java stack trace", func(ls []string) bool { return countPrefix(ls, "\tat ") > 0 || countPrefix(ls, "        at ") > 0 }, javaErrors},
	{"Node.js error", func(ls []string) bool { return countPrefix(ls, "    at ") > 0 }, nodeErrors},
}

var (
	// pyException: "requests.exceptions.HTTPError: 429 Client Error: ..."
	// or "botocore.errorfactory.ThrottlingException: ...": a dotted name
	// ending in a class, at the start of an unindented line.
	pyException = &lazyRE{expr: `^((?:[A-Za-z_][\w]*\.)*_?[A-Z][\w]*(?:Error|Exception|Exit|Interrupt|Fault|Failure|Timeout|Warning|Refused|Reset|Violation)?)(?:: (.*))?$`}
	// javaException: "java.net.ConnectException: Connection refused", with
	// "Caused by: " before a cause.
	javaException = &lazyRE{expr: `^(?:Caused by: |Exception in thread "[^"]*" )?((?:[a-z_$][\w$]*\.)+[A-Z][\w$]*)(?:: (.*))?$`}
	// nodeException: "TypeError: fetch failed", "AxiosError: Request failed
	// with status code 401", "[cause]: Error: connect ECONNREFUSED ...".
	nodeThrown    = &lazyRE{expr: `^[A-Za-z_$][\w$.]*(?: \[\w+\])?: \S`}
	nodeException = &lazyRE{expr: `^\s*(?:\[cause\]: )?\[?((?:[A-Z]\w*)?(?:Error|Exception)(?: \[\w+\])?): (.*)$`}
)

func hasLine(ls []string, l string) bool {
	for _, x := range ls {
		if strings.TrimSpace(x) == l {
			return true
		}
	}
	return false
}

func countPrefix(ls []string, p string) int {
	n := 0
	for _, l := range ls {
		if strings.HasPrefix(l, p) {
			n++
		}
	}
	return n
}

// pythonErrors: each traceback's exception line (a chained exception
// prints one traceback per exception; the last is what was raised).
// An exception's message may run on over indented lines (grpcio's
// "\tstatus = StatusCode.UNAVAILABLE"): they are kept with it.
func pythonErrors(ls []string) []string {
	var out []string
	in, after := false, false
	for _, l := range ls {
		switch {
		case l == "Traceback (most recent call last):":
			in, after = true, false
		case in && !strings.HasPrefix(l, " ") && pyException.get().MatchString(l):
			out = append(out, l)
			in, after = false, true
		case after && strings.HasPrefix(l, "\t") && len(out) < maxProgramLines:
			out = append(out, l)
		default:
			after = false
		}
	}
	return out
}

func javaErrors(ls []string) []string {
	var out []string
	for _, l := range ls {
		if !strings.HasPrefix(l, "\t") && !strings.HasPrefix(l, " ") && javaException.get().MatchString(l) {
			out = append(out, l)
		}
	}
	return out
}

// nodeErrors: the lines naming an Error, and the line above the first
// frame, whatever the error's class is called (AWS's "AccessDenied: ...").
func nodeErrors(ls []string) []string {
	var out []string
	for i, l := range ls {
		switch {
		case nodeException.get().MatchString(l):
			out = append(out, strings.TrimSpace(l))
		case i+1 < len(ls) && strings.HasPrefix(ls[i+1], "    at ") && !strings.HasPrefix(l, " ") && nodeThrown.get().MatchString(l):
			out = append(out, l)
		}
	}
	return out
}

// statusPattern is how an HTTP client library states a response's status in
// its error, with the URL or the body it quotes.
type statusPattern struct {
	who string
	re  *lazyRE // groups: status, then optionally url or body (named)
}

var statusPatterns = []statusPattern{
	// openai-python, anthropic-sdk-python (Stainless SDKs): the body follows.
	{"the SDK's message", &lazyRE{expr: `Error code: (?P<status>[1-5]\d\d) - (?P<body>[\[{].*)$`}},
	// requests' raise_for_status.
	{"requests' message", &lazyRE{expr: `\b(?P<status>[45]\d\d) (?:Client|Server) Error: .*? for url: (?P<url>\S+)`}},
	// httpx's raise_for_status.
	{"httpx's message", &lazyRE{expr: `(?:Client|Server) error '(?P<status>[45]\d\d) [^']*' for url '(?P<url>[^']+)'`}},
	// aiohttp's raise_for_status: "ClientResponseError: 503, message='...', url=URL('...')".
	{"aiohttp's message", &lazyRE{expr: `ClientResponseError: (?P<status>[1-5]\d\d), message='[^']*'(?:, url=URL\('(?P<url>[^']+)'\))?`}},
	// A program's own message with a status, its reason phrase and the
	// body: "Error: Request failed: 429 Too Many Requests: {...}". Only
	// the registry's phrases: "123 Items: {" is no status.
	{"the program's message", &lazyRE{expr: `\b(?P<status>[1-5]\d\d) (?:Bad Request|Unauthorized|Payment Required|Forbidden|Not Found|Method Not Allowed|Not Acceptable|Request Timeout|Conflict|Gone|Payload Too Large|Content Too Large|Unprocessable Entity|Unprocessable Content|Too Many Requests|Internal Server Error|Not Implemented|Bad Gateway|Service Unavailable|Gateway Timeout): (?P<body>[\[{].*)$`}},
	// A program's own message with an error status and the body after it
	// ("could not create user: 409 {...}"): a 4xx or 5xx, and a whole object.
	{"the program's message", &lazyRE{expr: `\b(?P<status>[45]\d\d):? (?P<body>\{.*\})$`}},
	// urllib.error.HTTPError.
	{"urllib's message", &lazyRE{expr: `HTTP Error (?P<status>[1-5]\d\d): `}},
	// axios.
	{"axios' message", &lazyRE{expr: `Request failed with status code (?P<status>[1-5]\d\d)\b`}},
	// aws-sdk-go-v2 and smithy-go.
	{"the SDK's message", &lazyRE{expr: `StatusCode: (?P<status>[1-5]\d\d), RequestID: (?P<request_id>[\w-]*)`}},
	// AWS SDK for Java: "(Service: S3, Status Code: 403, Request ID: ...)".
	{"the SDK's message", &lazyRE{expr: `Status Code: (?P<status>[1-5]\d\d)[,;] (?:Error Code: \w+[,;] )?Request ID: (?P<request_id>[\w-]+)`}},
	// gh and other Go CLIs: "HTTP 404: Not Found (https://api.github.com/...)".
	{"the CLI's message", &lazyRE{expr: `\bHTTP (?P<status>[1-5]\d\d): [^(]*\((?P<url>https?://[^)\s]+)\)`}},
	// npm (npm-registry-fetch): "npm error 403 403 Forbidden - GET https://...",
	// "npm ERR! 404 Not Found - GET https://..." before npm 10.
	{"npm's message", &lazyRE{expr: `^npm (?:ERR!|error) (?:[1-5]\d\d )?(?P<status>[1-5]\d\d) [^-]*- [A-Z]+ (?P<url>https?://\S+)`}},
	// pip, when a download fails: "HTTP error 403 while getting https://...".
	{"pip's message", &lazyRE{expr: `\bHTTP error (?P<status>[1-5]\d\d) while getting (?P<url>https?://\S+)`}},
	// git (libcurl's words): "The requested URL returned error: 403".
	{"the program's message", &lazyRE{expr: `^fatal: unable to access '(?P<url>[^']+)': The requested URL returned error: (?P<status>[1-5]\d\d)`}},
	// Go: "unexpected status 429 Too Many Requests: {...}", with the body.
	{"the program's message", &lazyRE{expr: `unexpected status (?P<status>[1-5]\d\d)[^{]*?: (?P<body>\{.*)$`}},
	// Go: `unexpected status 429 Too Many Requests`, "status code 503".
	{"the program's message", &lazyRE{expr: `(?i)\b(?:unexpected )?status(?: code)?:? (?P<status>[45]\d\d)\b`}},
	// openai-node and others: "RateLimitError: 429 Rate limit reached".
	{"the SDK's message", &lazyRE{expr: `^\w*Error: (?P<status>[45]\d\d) (?P<body>[\[{].*)?`}},
	// "Unexpected HTTP response code 404" (terraform's http and s3 state
	// backends, oras-go), "unexpected response code: 403" (Consul's and
	// Nomad's Go clients, and many a program's own fmt.Errorf): a phrase
	// shared by many tools, no vendor's, so a shared row and not a
	// catalog's line.
	{"the program's message", &lazyRE{expr: `(?i)\bunexpected (?:HTTP )?response code:? (?P<status>[45]\d\d)\b`}},
}

// toolFailures are a tool's words for a failure that states no status
// and no code: the message (group 1) is all there is.
var toolFailures = []*lazyRE{
	{expr: `^ERROR: (No matching distribution found for \S+)`}, // pip
	{expr: `^(no such manifest: \S+)$`},                        // docker manifest inspect, whatever the registry answered
}

// cliError is a CLI's own failure line: terraform's ("│ Error: ..." in
// its box), cobra's for every command built on it (kubectl, gh, helm).
var cliError = &lazyRE{expr: `^(?:│ )?Error: (\S.*)$`}

// indexURL is the package index pip names before it fails ("Looking in
// indexes: URL"): the host that answered, when nothing else names one.
var indexURL = &lazyRE{expr: `^Looking in indexes: (https?://[^\s,]+)`}

var (
	grpcGo     = &lazyRE{expr: `rpc error: code = (\w+) desc = (.*)$`}
	grpcPython = &lazyRE{expr: `\bStatusCode\.([A-Z_]+)\b`}
	sqlstate   = &lazyRE{expr: `(?:\(SQLSTATE ([0-9A-Z]{5})\)|SQL ?[Ss]tate: ([0-9A-Z]{5})\b|^(?:psql:[^:]*:\d+: )?ERROR:  ([0-9A-Z]{5}): )`}
	pgClass    = &lazyRE{expr: `\bpsycopg2?\.errors\.([A-Z]\w+)`}
	// libpq's report without VERBOSITY verbose: "ERROR:  <message>" (two
	// spaces after the severity), no SQLSTATE; PostgreSQL's messages start
	// in lower case.
	pgError   = &lazyRE{expr: `^(?:psql:[^:]*:\d+: )?ERROR:  ([a-z].*)$`}
	pgDetail  = &lazyRE{expr: `^DETAIL:  (.+)$`}
	goRequest = &lazyRE{expr: `\b(?:Get|Post|Put|Patch|Delete|Head|Options) "(https?://[^"]+)": `}
)

// runtimeMarks are words only a runtime or an SDK prints, which make a
// line outside a trace a program's error: a literal, found fast, and where
// the literal alone is too common, a pattern that confirms it (the
// patterns run only on the few lines that hold their literal, so a 16 MiB
// text costs a few substring searches a line, not a regular expression).
var runtimeMarks = []struct {
	lit     string
	confirm *lazyRE
}{
	{"dial tcp", nil},
	{"dial udp", nil},
	{"ECONN", &lazyRE{expr: `\bECONN[A-Z]+\b`}},
	{"ENOTFOUND", nil},
	{"EAI_AGAIN", nil},
	{"ETIMEDOUT", nil},
	{"EHOSTUNREACH", nil},
	{"ENETUNREACH", nil},
	{"[Errno ", &lazyRE{expr: `\[Errno -?\d+\]`}},
	{"[WinError ", &lazyRE{expr: `\[WinError \d+\]`}},               // Python on Windows
	{"SocketException (", &lazyRE{expr: `SocketException \(\d+\)`}}, // .NET
	{"Client.Timeout", nil},
	{"x509: ", nil},
	{"context deadline exceeded", nil},
	{"rpc error: code = ", nil},
	{"(SQLSTATE ", &lazyRE{expr: `\(SQLSTATE [0-9A-Z]{5}\)`}},
	{"SQL state: ", nil},
	{"SQLState: ", nil},
	{"SQL State: ", nil},
	{"SQLstate: ", nil},
	{"ERROR:  ", &lazyRE{expr: `^(?:psql:[^:]*:\d+: )?ERROR:  (?:[0-9A-Z]{5}: |[a-z])`}}, // libpq: a SQLSTATE (verbose), or the message, lower case by PostgreSQL's style
	{"StatusCode.", &lazyRE{expr: `StatusCode\.[A-Z_]+`}},
	{"Error code: ", &lazyRE{expr: `Error code: [1-5]\d\d - `}},
	{" Error: ", &lazyRE{expr: `(?:Client|Server) Error: `}},
	{" error '", &lazyRE{expr: `(?:Client|Server) error '`}},
	{"Request failed with status code", nil},
	{"StatusCode: ", &lazyRE{expr: `StatusCode: [1-5]\d\d, RequestID`}},
	{"Status Code: ", &lazyRE{expr: `Status Code: [1-5]\d\d[,;]`}},
	{"HTTP Error ", &lazyRE{expr: `HTTP Error [1-5]\d\d: `}},
	{"HTTP ", &lazyRE{expr: `\bHTTP [1-5]\d\d: `}},
	{` "http`, &lazyRE{expr: `(?:Get|Post|Put|Patch|Delete|Head) "https?://`}},
	{"psycopg", &lazyRE{expr: `psycopg2?\.errors\.`}},
	{"UND_ERR_", nil},
	{"PKIX path building failed", nil},
	{"CERTIFICATE_VERIFY_FAILED", nil},
	{"unexpected status ", nil},
	{"fatal: unable to access '", nil}, // git, in libcurl's words
	{"npm ", &lazyRE{expr: `^npm (?:ERR!|error) (?:[1-5]\d\d )?[1-5]\d\d [^-]*- [A-Z]+ https?://`}},
	{"HTTP error ", &lazyRE{expr: `\bHTTP error [1-5]\d\d while getting https?://`}},                 // pip
	{"ERROR: No matching distribution found for ", nil},                                              // pip, after an index that failed or had nothing
	{"The connection to the server ", &lazyRE{expr: `The connection to the server \S+ was refused`}}, // kubectl
	{"Could not connect to the endpoint URL", nil},                                                   // botocore, the aws CLI
	{`connection to server at "`, nil},                                                               // libpq (psql, psycopg2)
	{"HTTPConnectionPool(", nil},                                                                     // urllib3 (requests)
	{"HTTPSConnectionPool(", nil},
	{"aborted due to timeout", nil},                               // fetch with AbortSignal.timeout (undici)
	{"timeout of ", &lazyRE{expr: `\btimeout of \d+ms exceeded`}}, // axios
	{"while connecting to upstream", nil},                         // nginx, of its upstream
	{"upstream timed out (", nil},                                 // nginx
	{"upstream SSL certificate verify error", nil},                // nginx
	{"upstream prematurely closed connection", nil},               // nginx
	{"no such manifest: ", nil},                                   // docker
	{"Cannot connect to the Docker daemon", nil},                  // docker's client, no engine at its socket
	{"response code", &lazyRE{expr: `(?i)\bunexpected (?:HTTP )?response code:? [45]\d\d\b`}},
}

// runtimeLine: l holds a word only a runtime or an SDK prints.
func runtimeLine(l string) bool {
	for _, m := range runtimeMarks {
		if strings.Contains(l, m.lit) && (m.confirm == nil || m.confirm.get().MatchString(l)) {
			return true
		}
	}
	return false
}

// program is what the recognisers found in a program's output.
type program struct {
	format     string
	status     int
	statusFrom string
	statusLine string // the line that stated the status
	headers    string // the response's headers an error object holds (axios'), as JSON
	url        string
	requestID  string
	body       []byte
	items      []Item
	message    string   // the error line, for the finding
	lines      []string // the error lines, for the catalogs' line patterns
}

// readProgram reads data as a program's output; ok is false when nothing in
// it is a program's failure.
func readProgram(data []byte) (program, bool) {
	var ls []string
	eachLine(data, func(b []byte, _ int) bool {
		ls = append(ls, withoutEscapes(strings.TrimRight(string(b), "\r")))
		return len(ls) < maxTraceLines
	})
	p := program{format: "program output"}
	errs := ls
	for _, t := range traceShapes {
		if t.detect(ls) {
			if e := t.errorLines(ls); len(e) > 0 {
				p.format, errs = t.format, e
				break
			}
		}
	}
	if p.format != "program output" {
		for _, l := range errs { // the last exception, not a line of its message
			if !strings.HasPrefix(l, "\t") && !strings.HasPrefix(l, " ") {
				p.message = l
			}
		}
	}
	for _, l := range errs {
		if isFailureLine(strings.TrimSpace(l), "body") {
			continue // a tool's own line (curl's, HTTPie's): the transport reader's
		}
		if len(p.lines) < maxProgramLines {
			p.lines = append(p.lines, cut(l, maxNoteLen))
		}
		// Outside a trace, only a runtime's own words count: a body
		// that says "connection refused by upstream" is no failure of
		// the caller's.
		if p.format != "program output" || runtimeLine(l) {
			p.read(l)
		} else {
			p.detail(l)
		}
	}
	if p.format == "program output" && p.status == 0 && len(p.items) == 0 {
		// Nothing a runtime says: a CLI's own failure line, if it printed
		// one (terraform's, in its box or not; every cobra CLI's), is all
		// there is. It states no status.
		for _, l := range ls {
			if m := cliError.get().FindStringSubmatch(l); m != nil {
				p.add(Item{Message: m[1], From: p.format, Fails: true})
				p.lines = append(p.lines, cut(l, maxNoteLen))
				p.message = l
				return p, true
			}
		}
		return p, false
	}
	if p.url == "" {
		for _, l := range ls[:min(len(ls), 8)] {
			if m := indexURL.get().FindStringSubmatch(l); m != nil {
				p.url = m[1]
				break
			}
		}
	}
	if p.status != 0 && len(p.body) == 0 {
		p.body = []byte(loggedObject(ls))
		p.message = strings.TrimSuffix(p.message, " {")
	}
	if p.message == "" && len(p.items) > 0 {
		p.message = p.items[0].Message
	}
	if p.format == "Node.js error" && len(p.items) == 0 && len(p.body) == 0 {
		p.body = []byte(nodeInspectJSON(ls, p.message)) // the error's properties are its body
		// Properties JSON cannot say (axios' dump: its config, socket and
		// request): of the response they hold, the data is the body and
		// the headers the response's (the request's, in config, never are).
		if data, headers, status := axiosResponse(ls); len(p.body) == 0 && data != "" {
			p.body, p.headers = []byte(data), headers
			if p.status == 0 && status != 0 {
				p.status, p.statusFrom = status, "the error's response.status"
			}
		}
	}
	return p, true
}

// axiosResponse reads, of an error as Node prints it with the response
// it got (axios', Octokit's), the response's data, headers and status:
// the objects at "    data: {" and "    headers: ... {" inside
// "  response: {", as JSON ("" when absent or not a literal JSON can
// say), and "    status: 403,".
func axiosResponse(ls []string) (data, headers string, status int) {
	start := slices.Index(ls, "  response: {")
	if start < 0 {
		return "", "", 0
	}
	sub := func(i int) string { // the object opened on ls[i], at indent 4
		var lines []string
		for _, l := range ls[i+1:] {
			if l == "    }" || l == "    }," {
				return nodeObject(append(lines, "}"), 0, "")
			}
			if !strings.HasPrefix(l, "    ") {
				return ""
			}
			lines = append(lines, l[4:])
		}
		return ""
	}
	for i := start + 1; i < len(ls) && ls[i] != "  }" && ls[i] != "  },"; i++ {
		l := ls[i]
		switch {
		case l == "    data: {" && data == "":
			data = sub(i)
		case strings.HasPrefix(l, "    headers: ") && strings.HasSuffix(l, "{") && headers == "":
			headers = sub(i)
		case strings.HasPrefix(l, "    status: ") && status == 0:
			status = asStatus(strings.TrimSuffix(strings.TrimPrefix(l, "    status: "), ","))
		}
	}
	return data, headers, status
}

// withoutEscapes drops the terminal escape sequences a program printed
// for colour (terraform's, unless -no-color): CSI sequences (ESC [ ...
// final byte) and OSC ones (ESC ] ... BEL or ESC \\). What a person saw is
// what the patterns read.
func withoutEscapes(l string) string {
	if !strings.Contains(l, "\x1b") {
		return l
	}
	var b strings.Builder
	for i := 0; i < len(l); i++ {
		if l[i] != 0x1b || i+1 >= len(l) {
			b.WriteByte(l[i])
			continue
		}
		switch l[i+1] {
		case '[':
			j := i + 2
			for j < len(l) && (l[j] < 0x40 || l[j] > 0x7e) {
				j++
			}
			i = j
		case ']':
			j := i + 2
			for j < len(l) && l[j] != 0x07 && !(l[j] == 0x1b && j+1 < len(l) && l[j+1] == '\\') {
				j++
			}
			if j < len(l) && l[j] == 0x1b {
				j++
			}
			i = j
		default:
			i++ // a two-byte escape
		}
	}
	return b.String()
}

// group is the text of re's group name in the match m, "" if re has no
// such group: the named groups of the shared patterns and of a catalog's
// lines are read the same way.
func group(re *regexp.Regexp, m []string, name string) string {
	if i := re.SubexpIndex(name); i > 0 {
		return strings.TrimSpace(m[i])
	}
	return ""
}

// read takes the facts of one error line.
func (p *program) read(l string) {
	for _, sp := range statusPatterns {
		re := sp.re.get()
		m := re.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		if p.status == 0 {
			p.status, p.statusFrom = asStatus(group(re, m, "status")), sp.who
			p.statusLine = cut(l, maxNoteLen)
			if p.message == "" {
				p.message = strings.TrimSpace(l) // the line that states it: what errcode knows of the response
			}
			p.url = cmp.Or(p.url, group(re, m, "url"))
			p.body = []byte(pyLiteralJSON(group(re, m, "body")))
			p.requestID = group(re, m, "request_id")
		} else if len(p.body) == 0 && asStatus(group(re, m, "status")) == p.status {
			// A chained exception's later line with the same status
			// quotes the body the first did not.
			p.body = []byte(pyLiteralJSON(group(re, m, "body")))
		}
		break
	}
	if m := goRequest.get().FindStringSubmatch(l); m != nil && p.url == "" {
		p.url = m[1]
	}
	for _, f := range toolFailures {
		if m := f.get().FindStringSubmatch(l); m != nil {
			p.add(Item{Message: m[1], From: p.format, Fails: true})
		}
	}
	grpc := false
	if m := grpcGo.get().FindStringSubmatch(l); m != nil {
		grpc = true
		p.add(Item{Token: m[1], Message: m[2], From: p.format, Vocab: "grpc", VocabOnly: true, Fails: true})
	} else if m := grpcPython.get().FindStringSubmatch(l); m != nil {
		grpc = true
		p.add(Item{Token: m[1], Message: l, From: p.format, Vocab: "grpc", VocabOnly: true, Fails: true})
	}
	if m := sqlstate.get().FindStringSubmatch(l); m != nil {
		p.add(Item{Code: m[1] + m[2] + m[3], Message: l, From: p.format, Vocab: "postgres", VocabOnly: true, Fails: true})
	} else if m := pgClass.get().FindStringSubmatch(l); m != nil {
		p.add(Item{Token: m[1], Message: l, From: p.format, Vocab: "postgres", VocabOnly: true, Fails: true})
	} else if m := pgError.get().FindStringSubmatch(l); m != nil {
		// PostgreSQL's error with no SQLSTATE printed: the message is all
		// the output says; the code is not guessed from its words.
		p.add(Item{Message: m[1], Hint: pgNoCode, From: p.format, Vocab: "postgres", VocabOnly: true, Fails: true})
	}
	if p.status == 0 {
		if code := reasonCode(l); code != "" && code != "22" {
			it := Item{Code: code, Message: l, From: p.format, Vocab: "curl", VocabOnly: true, Fails: true}
			if grpc {
				it.Depth = 1 // why the call had its status: a detail of it
			}
			p.add(it)
			if e := errnoIn(l); e.Code != "" || e.Token != "" {
				e.From, e.Depth = p.format, it.Depth+1
				p.add(e) // the system's own word for it, under curl's
			}
			if o, ok := opensslIn(l); ok {
				o.From, o.Depth = p.format, it.Depth+1
				p.add(o) // the TLS library's own word for it, under curl's
			}
			if w := winErrorIn(l); w.Code != "" {
				w.From, w.Depth = p.format, it.Depth+1
				p.add(w) // Windows' number for it, under curl's
			}
		}
	}
}

// pgNoCode says why a PostgreSQL error has no code.
const pgNoCode = "no SQLSTATE printed: psql shows it with \\set VERBOSITY verbose"

// detail takes libpq's DETAIL line, which follows the ERROR line it
// details, into that PostgreSQL error.
func (p *program) detail(l string) {
	m := pgDetail.get().FindStringSubmatch(l)
	if m == nil || len(p.items) == 0 {
		return
	}
	if it := &p.items[len(p.items)-1]; it.Vocab == "postgres" {
		it.Detail = cut(m[1], maxNoteLen)
	}
}

var (
	errnoName   = &lazyRE{expr: `\b(E(?:CONNREFUSED|CONNRESET|CONNABORTED|TIMEDOUT|HOSTUNREACH|NETUNREACH|PIPE|ADDRINUSE|ADDRNOTAVAIL))\b`}
	errnoNumber = &lazyRE{expr: `\[Errno (\d{1,3})\]`}
)

// errnoIn is the errno a transport failure's line names (Node's
// ECONNREFUSED, Python's [Errno 111]), as an item of the errno vocabulary.
func errnoIn(l string) Item {
	it := Item{Vocab: "errno", VocabOnly: true, Fails: true}
	if m := errnoName.get().FindStringSubmatch(l); m != nil {
		it.Code = m[1]
	} else if m := errnoNumber.get().FindStringSubmatch(l); m != nil {
		it.Token = m[1] // the errno catalog's tokens are Linux's numbers
	}
	return it
}

// winError is Windows' error number where a runtime prints it with its
// own carrier: Python's [WinError 10061], .NET's SocketException (10061).
var winError = &lazyRE{expr: `(?:\[WinError |SocketException \()(\d{1,5})[\])]`}

// winErrorIn is that number as an item of the windows vocabulary.
func winErrorIn(l string) Item {
	it := Item{Vocab: "windows", VocabOnly: true, Fails: true}
	if m := winError.get().FindStringSubmatch(l); m != nil {
		it.Code = m[1]
	}
	return it
}

// add keeps one item per code: the last line that says it (the root
// cause, in a chain of exceptions).
func (p *program) add(it Item) {
	for i := range p.items {
		if p.items[i].Vocab == it.Vocab && p.items[i].Code == it.Code && p.items[i].Token == it.Token {
			p.items[i] = it
			return
		}
	}
	p.items = append(p.items, it)
}

// exchange is the program's facts as an exchange: no response line, its
// status from the message, its quoted body as the body.
func (p program) exchange() Exchange {
	ex := Exchange{URL: p.url, Host: hostOf(p.url), ProgramLines: p.lines, statusLine: p.statusLine}
	if p.format == "Node.js error" {
		ex.Header, ex.names = inspectedHeaders(p.body)
		if p.headers != "" {
			ex.Header, ex.names = inspectedHeaders([]byte(`{"headers":` + p.headers + `}`))
		}
	}
	ex.Status, ex.StatusFrom, ex.Body, ex.Carried = p.status, p.statusFrom, p.body, p.items
	if p.requestID != "" {
		ex.RequestID, ex.RequestIDFrom = p.requestID, p.statusFrom
	}
	switch {
	case p.status != 0 && len(p.body) == 0:
		ex.Body = []byte(p.message) // the SDK's words are what errcode knows of the response
	case p.status == 0 && len(p.items) == 0 && len(p.body) == 0:
		// A trace and nothing more: the program failed, with this error.
		ex.Carried = []Item{{Message: p.message, From: p.format, Fails: true}}
	case len(p.items) == 0 && p.message != "":
		// A body of the SDK's own: when nothing in it is an error a
		// reader finds, the exception's words are (Diagnose).
		ex.ProgramError = Item{Message: p.message, From: p.format, Fails: p.status == 0}
	}
	return ex
}

// pyLiteralJSON turns a Python dict literal ({'error': {'message': 'x',
// 'code': None}}) into JSON, as the lenient reader needs it; JSON passes
// through unchanged.
func pyLiteralJSON(s string) string {
	if !strings.Contains(s, "'") && !strings.Contains(s, "None") && !strings.Contains(s, "True") && !strings.Contains(s, "False") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\'' || c == '"':
			q := c
			b.WriteByte('"')
			for i++; i < len(s) && s[i] != q; i++ {
				switch {
				case s[i] == '\\' && i+1 < len(s):
					if s[i+1] == '\'' {
						b.WriteByte('\'')
					} else {
						b.WriteByte('\\')
						b.WriteByte(s[i+1])
					}
					i++
				case s[i] == '"':
					b.WriteString(`\"`)
				default:
					b.WriteByte(s[i])
				}
			}
			b.WriteByte('"')
		case strings.HasPrefix(s[i:], "None"):
			b.WriteString("null")
			i += 3
		case strings.HasPrefix(s[i:], "True"):
			b.WriteString("true")
			i += 3
		case strings.HasPrefix(s[i:], "False"):
			b.WriteString("false")
			i += 4
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// Node prints an uncaught error with util.inspect: after the stack, " {",
// the error's own properties (status, code, requestID, an SDK's error
// body, AWS's $metadata) as a JavaScript literal, up to a "}" of its own.
// nodeInspectJSON reads that literal as JSON, or "" when it has none or
// holds what a literal cannot say as JSON (a string split over lines).
var (
	nodeProperty  = &lazyRE{expr: `^(\s*)([A-Za-z_$][\w$]*|'[^']*'): (.*?)(,?)$`}
	nodeSymbolKey = &lazyRE{expr: `^\s*\[[\w.()]+\]: (?:undefined|null),?$`}
	nodeInline    = &lazyRE{expr: `^(?:\{ .* \}|\[ .* \])$`}
	nodeSkipped   = &lazyRE{expr: `^(?:undefined|\[(?:Object|Array|Function[^\]]*|Getter[^\]]*|Circular[^\]]*)\]|Symbol\(.*\)|<ref \*\d+>.*|\w+ \{\})$`}
)

// The thrown line's message ("ThrottlingException: Rate of requests ...")
// is the object's message when it holds none: util.inspect leaves it out.
func nodeInspectJSON(ls []string, thrown string) string {
	for i, l := range ls {
		if strings.HasPrefix(l, "    at ") && strings.HasSuffix(l, " {") {
			return nodeObject(ls, i+1, thrown)
		}
	}
	return ""
}

// loggedObject is the object a program logged after the line that states
// its status, as console.error('Error:', err.message, err.response.data)
// prints it ("Error: Request failed with status code 404 {" and the
// object's lines): the response's body, in util.inspect's notation.
func loggedObject(ls []string) string {
	for i, l := range ls {
		if strings.HasSuffix(l, " {") && runtimeLine(l) {
			return nodeObject(ls, i+1, "")
		}
	}
	return ""
}

// nodeObject reads the literal whose properties start at ls[start], up to
// its closing "}", as JSON.
func nodeObject(ls []string, start int, thrown string) string {
	var b bytes.Buffer
	b.WriteString("{")
	closing := func(c string) { // a property left out may leave a comma before it
		if n := b.Len(); n > 0 && b.Bytes()[n-1] == ',' {
			b.Truncate(n - 1)
		}
		b.WriteString(c)
	}
	for _, l := range ls[start:] {
		if l == "}" {
			closing("}")
			s := b.String()
			if _, msg, ok := strings.Cut(thrown, ": "); ok && !strings.Contains(s, `"message":`) {
				s = `{"message": ` + strconv.Quote(msg) + ", " + s[1:]
			}
			return s
		}
		if t := strings.TrimSpace(l); t == "}" || t == "}," || t == "]" || t == "]," {
			closing(t)
			continue
		}
		m := nodeProperty.get().FindStringSubmatch(l)
		if m == nil {
			if nodeSymbolKey.get().MatchString(l) {
				continue // [cause]: undefined, [Symbol(x)]: ...: not the object's data
			}
			return ""
		}
		key, v := strings.Trim(m[2], "'"), m[3]
		switch {
		case v == "{" || v == "[":
		case nodeInline.get().MatchString(v): // { type: 'overloaded_error', message: 'Overloaded' }
			v = inlineJSON(v)
		case strings.HasPrefix(v, `"`) && strings.HasSuffix(v, `"`) && len(v) >= 2:
			// A string holding a single quote, which util.inspect writes
			// in double quotes.
			u, err := strconv.Unquote(v)
			if err != nil {
				return ""
			}
			v = strconv.Quote(u)
		case strings.HasSuffix(v, " {"): // Headers {, a class's instance
			v = "{"
		case nodeSkipped.get().MatchString(v):
			v = "null"
		case strings.HasPrefix(v, "'") && strings.HasSuffix(v, "'") && len(v) >= 2:
			v = pyLiteralJSON(v) // a single-quoted string, as Python writes one
		case v == "true", v == "false", v == "null", v == "{}", v == "[]":
		default:
			if _, err := strconv.ParseFloat(v, 64); err != nil {
				return "" // a string split over lines, a Map, a Buffer: not a literal JSON can say
			}
		}
		b.WriteString(strconv.Quote(key) + ": " + v + m[4])
	}
	return ""
}

// inspectedHeaders are the response's headers an SDK's error object holds
// and Node prints with it (Octokit's response.headers, stripe-node's
// headers): the exchange's headers, for the retry and request id tables.
// Only the response's: a request's headers (request.headers, config) are
// the client's own.
func inspectedHeaders(body []byte) (textproto.MIMEHeader, spelling) {
	if len(body) == 0 {
		return nil, nil
	}
	v, ok, _ := parseJSON(body)
	top, _ := v.(map[string]any)
	if !ok || top == nil {
		return nil, nil
	}
	hs, _ := top["headers"].(map[string]any)
	if r, _ := top["response"].(map[string]any); r != nil {
		if rh, _ := r["headers"].(map[string]any); rh != nil {
			hs = rh
		}
	}
	if len(hs) == 0 {
		return nil, nil
	}
	h, names := textproto.MIMEHeader{}, spelling{}
	for k, x := range hs {
		if s, ok := x.(string); ok {
			h.Add(names.add(k), s)
		}
	}
	return h, names
}

// inlineJSON turns an object or array util.inspect printed on one line
// ({ type: 'x', n: 1, hook: [Function: f] }) into JSON: keys quoted,
// strings in JSON's quotes, what JSON cannot say (undefined, a function, a
// class's instance) null; "null" when it holds anything else.
func inlineJSON(v string) string {
	var b strings.Builder
	for i := 0; i < len(v); {
		c := v[i]
		switch {
		case c == '\'' || c == '"':
			j := i + 1
			for j < len(v) && v[j] != c {
				if v[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(v) {
				return "null"
			}
			lit := v[i : j+1]
			if c == '"' {
				u, err := strconv.Unquote(lit)
				if err != nil {
					return "null"
				}
				b.WriteString(strconv.Quote(u))
			} else {
				b.WriteString(pyLiteralJSON(lit))
			}
			i = j + 1
		case c == '[' && i+1 < len(v) && v[i+1] >= 'A' && v[i+1] <= 'Z': // [Function: f], [Object], [Getter]
			j := strings.IndexByte(v[i:], ']')
			if j < 0 {
				return "null"
			}
			b.WriteString("null")
			i += j + 1
		case c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			j := i
			for j < len(v) && (v[j] == '_' || v[j] == '$' || v[j] >= 'a' && v[j] <= 'z' || v[j] >= 'A' && v[j] <= 'Z' || v[j] >= '0' && v[j] <= '9') {
				j++
			}
			switch w := v[i:j]; {
			case strings.HasPrefix(strings.TrimLeft(v[j:], " "), ":"):
				b.WriteString(strconv.Quote(w))
			case w == "true" || w == "false" || w == "null":
				b.WriteString(w)
			case w == "undefined":
				b.WriteString("null")
			default:
				return "null" // Symbol(x), a class's name before its braces: not data JSON can say
			}
			i = j
		default:
			b.WriteByte(c)
			i++
		}
	}
	if out := b.String(); json.Valid([]byte(out)) {
		return out
	}
	return "null"
}
