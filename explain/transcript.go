package explain

import (
	"bytes"
	"net/textproto"
	"strconv"
	"strings"
)

// Transcript is what one input holds: one exchange for a tool's output, or
// every exchange of a HAR file.
type Transcript struct {
	Format    string // "http", "curl -v", "wget -S", "har" or "body"
	Truncated bool
	Exchanges []Exchange
	Omitted   int // exchanges past MaxExchanges, not read
}

// Exchange is one request and its response.
type Exchange struct {
	Method string // from a HAR entry or curl -v's request line; "" if unknown
	URL    string // from a HAR entry or wget's "--date--  URL" line
	Host   string // the request's host: a hint for which API answered
	// SentIDs are the request ids the request itself sent (curl -v's
	// "> X-Request-Id: ..."): a response header that echoes one is the
	// client's id, not the API's.
	SentIDs []string
	// ProgramLines are a program's error lines (a trace's exceptions, an
	// SDK's message), for the catalogs' line patterns; RequestID is an id
	// a program's message quotes, and RequestIDFrom where.
	ProgramLines             []string
	statusLine               string // the program's line that stated Status, one of ProgramLines
	RequestID, RequestIDFrom string
	// ProgramError is the program's own error line, the error shown when
	// the body it printed beside holds none that a reader finds.
	ProgramError Item
	Response
}

// Response is the final response of an exchange, with the responses that
// came before it (interim 1xx, redirects, a proxy's CONNECT answer).
type Response struct {
	Protocol string // "HTTP/1.1", "HTTP/2"; "" when only a body was given
	Status   int    // 0 when unknown
	Reason   string
	// StatusFrom says where a status came from that no status line
	// stated ("wget's output"); "" for a status line or curl -w's code.
	StatusFrom string
	Header     textproto.MIMEHeader
	names      spelling             // the headers' and trailers' names as the input spelled them
	Body       []byte               // decoded (de-chunked, decompressed), at most MaxBody bytes
	BodyCut    bool                 // more than MaxBody bytes of body arrived: Body is their start
	Trailer    textproto.MIMEHeader // trailers, where the tool shows them (curl -v, gRPC)
	Hops       []Hop
	// HopsOmitted counts the earlier responses past maxHops, not kept.
	HopsOmitted int
	Notes       []string // what the tool itself reported: wget's ERROR lines, curl's warnings
	Carried     []Item   // errors outside the body: the transfer's failure, a gRPC status

	moreNotes int // notes past maxNotes, not kept: Parse ends Notes with their count
	// secrets are the credentials the input shows being sent (S11),
	// hidden wherever the diagnosis repeats them.
	secrets []string
}

// Hop is a response that came before the final one.
type Hop struct {
	Protocol string
	Status   int
	Reason   string
	Location string
}

// Parse reads what a tool printed. It never fails: what it cannot place is
// taken as a body.
func Parse(data []byte, truncated bool) *Transcript {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	t := &Transcript{Truncated: truncated}
	if ex, omitted, ok := parseHAR(data); ok {
		t.Format, t.Exchanges, t.Omitted = "har", ex, omitted
		return t
	}
	var ex Exchange
	head := data[:min(len(data), maxHead)]
	switch {
	case hasLineStarting(head, "< HTTP/"):
		t.Format = "curl -v"
		ex = parseCurlVerbose(data)
	case hasLineStarting(head, "  HTTP/") && wgetHeaders.get().Match(head):
		t.Format = "wget -S"
		ex = parseWget(data)
	case looksCurlVerbose(head): // a trace with no response in it
		t.Format = "curl -v"
		ex = parseCurlVerbose(data)
	case wgetURL.get().Match(firstLines(head, 5)): // wget that got no response, or without -S
		t.Format = "wget -S"
		ex = parseWget(data)
	case wgetBrief.get().Match(firstLines(head, 3)):
		t.Format = "wget -nv"
		ex = parseWget(data)
	case hasLineStarting(head, "ERROR:\n  Code: ") || bytes.Contains(head, []byte("\nERROR:\n  Code: ")) || bytes.Contains(head, []byte("\nERROR:\r\n  Code: ")):
		t.Format = "grpcurl"
		ex = parseGRPCurl(data)
	default:
		if e, ok := parsePlain(data); ok {
			t.Format, ex = "http", e
		} else {
			t.Format, ex = readOutput(data)
		}
	}
	ex.Body, ex.Status, ex.BodyCut = finishBody(ex.Response)
	family := t.Format
	if strings.HasPrefix(family, "wget") {
		family = "wget -S" // the same tool's failure lines
		if t.Format == "wget -S" && ex.StatusFrom != "" {
			t.Format = "wget" // no header block: its status was in wget's own lines
		}
	}
	if failures := transportFailures(data, family); len(failures) > 0 {
		ex.Carried = append(failures, ex.Carried...)
		ex.Notes = withoutFailures(ex.Notes)
		if tool := failureTool(failures[0].From); t.Format == "body" && tool != "" {
			t.Format = tool // what printed it: there was no response
		}
		if ex.Protocol == "" {
			ex.Body = stripToolLines(ex.Body, family)
		}
	}
	if ex.moreNotes > 0 && len(ex.Notes) > 0 {
		// Said once the failures took theirs out; when they took all that
		// was kept, the rest were more of the same, shown as the failures.
		ex.Notes = append(ex.Notes, moreNotes(ex.moreNotes))
	}
	if ex.Protocol == "" && len(ex.Carried) == 0 && bytes.Equal(bytes.TrimSpace(data), []byte("000")) {
		// All there is: curl -s -w '%{http_code}', whose 000 means that
		// no response came (-s hid why); finishBody took it off the body.
		t.Format = "curl -w"
		ex.Carried = []Item{{Message: "curl -w printed 000: no HTTP response arrived; run curl with -sS to see why", From: "curl -w", Vocab: "curl", VocabOnly: true, Fails: true}}
	}
	ex.secrets = sentSecrets(data)
	t.Exchanges = []Exchange{ex}
	return t
}

// withoutFailures drops the notes that are failure lines: the failures
// are shown as errors of their own.
func withoutFailures(notes []string) []string {
	var out []string
	for _, n := range notes {
		if !curlFailure.get().MatchString(n) && reasonCode(n) == "" {
			out = append(out, n)
		}
	}
	return out
}

// looksCurlVerbose: lines only curl -v prints, even when the transfer
// failed before any response.
func looksCurlVerbose(head []byte) bool {
	for _, p := range []string{"*   Trying ", "* Could not resolve host", "* Could not resolve proxy", "* Connected to ", "* Closing connection", "* Failed to connect to ", "* Connection #", "* Using Stream ID", "* ALPN", "* TLSv1"} {
		if hasLineStarting(head, p) {
			return true
		}
	}
	return false
}

// firstLines is the start of data up to its n-th line.
func firstLines(data []byte, n int) []byte {
	end := 0
	for i := 0; i < n && end < len(data); i++ {
		j := bytes.IndexByte(data[end:], '\n')
		if j < 0 {
			return data
		}
		end += j + 1
	}
	return data[:end]
}

// hasLineStarting: some line of data starts with prefix. (A literal
// search: a multi-line regexp is slow over a megabyte.)
func hasLineStarting(data []byte, prefix string) bool {
	if bytes.HasPrefix(data, []byte(prefix)) {
		return true
	}
	return bytes.Contains(data, []byte("\n"+prefix))
}

// maxHead bounds where header blocks are looked for: the start of the
// input, not all 16 MiB of it.
const maxHead = 1 << 20

// maxTraceLines bounds the header lines kept from a trace (the -i reader
// reads at most as many lines of the head).
const maxTraceLines = 10000

// MaxBody is how much of a body errcode decodes and reads for errors.
// Error bodies are small; reading only the start of a large one (the
// lenient JSON reader keeps what it gets) keeps memory bounded.
const MaxBody = 256 << 10

var (
	statusLine  = &lazyRE{expr: `^HTTP/([1-3](?:\.\d)?) +([1-5]\d\d)(?: +(.*?))? *$`}
	requestLine = &lazyRE{expr: `^([A-Z]+) +(\S+) +HTTP/\d(?:\.\d)?$`}
	wgetHeaders = &lazyRE{expr: `(?m)^  HTTP/\d(?:\.\d)? \d{3}`}
)

// eachLine calls fn with each line of data, without its line ending (\n,
// \r\n, \r\r\n), and the offset of the next line. It copies nothing.
func eachLine(data []byte, fn func(line []byte, next int) bool) {
	for off := 0; off < len(data); {
		end := bytes.IndexByte(data[off:], '\n')
		next := off + end + 1
		if end < 0 {
			end, next = len(data)-off, len(data)
		}
		if !fn(bytes.TrimRight(data[off:off+end], "\r"), next) {
			return
		}
		off = next
	}
}

// headLines are the lines of the start of data, with terminal styling
// removed (httpie --pretty, curl's bold header names), and where each
// following line starts.
func headLines(data []byte) (ls []string, next []int) {
	eachLine(data[:min(len(data), maxHead)], func(l []byte, n int) bool {
		if bytes.IndexByte(l, 0x1b) >= 0 {
			l = stripANSI(l)
		}
		ls, next = append(ls, string(l)), append(next, n)
		return len(ls) < maxTraceLines
	})
	return ls, next
}

// maxHops is how many responses before the final one are kept: curl's
// default --max-redirs. A longer chain is hostile, or a loop.
const maxHops = 50

// readBlocks reads header blocks (a status line, header lines, a blank
// line) from ls, as many as follow one another. It returns the final
// response, the earlier ones as hops, and how many lines it used.
func readBlocks(ls []string) (resp Response, used int, ok bool) {
	i := 0
	for {
		for i < len(ls) && strings.TrimSpace(ls[i]) == "" && ok {
			i++ // blank lines between blocks
		}
		if i >= len(ls) {
			break
		}
		m := statusLine.get().FindStringSubmatch(ls[i])
		if m == nil {
			break
		}
		if ok {
			if len(resp.Hops) == maxHops { // keep the last ones: they led to the answer
				resp.Hops = append(resp.Hops[:0], resp.Hops[1:]...)
				resp.HopsOmitted++
			}
			resp.Hops = append(resp.Hops, Hop{Protocol: resp.Protocol, Status: resp.Status, Reason: resp.Reason, Location: resp.Header.Get("Location")})
		}
		ok = true
		resp.Protocol = "HTTP/" + m[1]
		resp.Status, _ = strconv.Atoi(m[2])
		resp.Reason = m[3]
		resp.Header, resp.names = textproto.MIMEHeader{}, spelling{}
		i++
		for i < len(ls) {
			l := ls[i]
			if strings.TrimSpace(l) == "" {
				i++
				break
			}
			if (l[0] == ' ' || l[0] == '\t') && len(resp.Header) > 0 { // obsolete line folding
				i++
				continue
			}
			name, value, found := strings.Cut(l, ":")
			if !found || strings.ContainsAny(name, " \t") || name == "" {
				break // not a header: the body starts here
			}
			resp.Header.Add(resp.names.add(name), strings.TrimSpace(value))
			i++
		}
	}
	return resp, i, ok
}

// parsePlain reads curl -i / -D -, httpie, xh: an optional request (httpie
// --print=HBhb: request line, headers, perhaps a body), header blocks, then
// the body as raw bytes.
func parsePlain(data []byte) (Exchange, bool) {
	var ex Exchange
	ls, next := headLines(data)
	i := 0
	var notes []string
	for ; i < len(ls); i++ { // stderr may come first: curl -sS errors, the progress meter
		l := lastCR(ls[i])
		if curlError.get().MatchString(l) {
			notes = append(notes, l)
		} else if strings.TrimSpace(l) != "" && !isProgress(l) {
			break
		}
	}
	i, notes = skipPreamble(ls, i, notes)
	if i < len(ls) && requestLine.get().MatchString(ls[i]) {
		ex.Method = requestLine.get().FindStringSubmatch(ls[i])[1]
		for i++; i < len(ls) && strings.TrimSpace(ls[i]) != ""; i++ {
			if name, value, ok := strings.Cut(ls[i], ":"); ok && strings.EqualFold(name, "Host") {
				ex.Host = strings.TrimSpace(value)
			}
		}
		for i < len(ls) && !statusLine.get().MatchString(ls[i]) {
			i++ // the request's body
		}
	}
	resp, used, ok := readBlocks(ls[i:])
	if !ok {
		return ex, false
	}
	ex.Response = resp
	off := len(data)
	if i+used > 0 && i+used <= len(next) {
		off = next[i+used-1]
	}
	ex.Body, ex.Notes = cleanBody(data[off:])
	ex.Notes = append(notes, ex.Notes...)
	return ex, true
}

// maxPreamble is how many lines of tool chatter may stand before a
// response: xh's "xh: warning: HTTP 403 Forbidden", script(1)'s "Script
// started ..." banner, a shell prompt with the command.
const maxPreamble = 8

// skipPreamble moves i past lines printed before the response, when a
// status or request line follows within maxPreamble lines; they become
// notes. Otherwise i stays: the input is a body.
func skipPreamble(ls []string, i int, notes []string) (int, []string) {
	if i >= len(ls) || statusLine.get().MatchString(ls[i]) || requestLine.get().MatchString(ls[i]) {
		return i, notes
	}
	for j := i + 1; j < len(ls) && j <= i+maxPreamble; j++ {
		if statusLine.get().MatchString(ls[j]) || requestLine.get().MatchString(ls[j]) {
			for _, l := range ls[i:j] {
				if l = strings.TrimSpace(l); l != "" {
					notes = append(notes, "before the response: "+l)
				}
			}
			return j, notes
		}
	}
	return i, notes
}

// parseCurlVerbose reads curl -v (-sv, --trace-ascii-like) output: "< "
// response headers, "> " request lines (only the method, Host and request-id
// headers are kept: credentials are never read), "* " notes, and the body
// between and after.
func parseCurlVerbose(data []byte) Exchange {
	var ex Exchange
	var hdr []string
	var body bodyLines
	eachLine(data, func(b []byte, _ int) bool {
		if bytes.IndexByte(b, 0x1b) >= 0 {
			b = stripANSI(b)
		}
		l := lastCR(string(b))
		switch {
		case strings.HasPrefix(l, "< "), l == "<":
			if len(hdr) < maxTraceLines { // as the -i reader: enough for any real header blocks
				hdr = append(hdr, strings.TrimPrefix(strings.TrimPrefix(l, "<"), " "))
			}
		case strings.HasPrefix(l, "> "):
			r := l[2:]
			if m := requestLine.get().FindStringSubmatch(r); m != nil {
				ex.Method = m[1]
			} else if name, value, ok := strings.Cut(r, ":"); ok && strings.EqualFold(name, "Host") {
				ex.Host = strings.TrimSpace(value)
			} else if ok && sentIDHeader(name) && len(ex.SentIDs) < 8 {
				ex.SentIDs = append(ex.SentIDs, strings.TrimSpace(value))
			}
		case strings.HasPrefix(l, "* "), l == "*", l == ">", strings.HasPrefix(l, "{ ["), strings.HasPrefix(l, "} ["):
			// trace lines
		case isProgress(l):
		default:
			body.add(l)
		}
		return true
	})
	resp, used, _ := readBlocks(hdr)
	if resp.names == nil {
		resp.names = spelling{}
	}
	resp.Trailer = readTrailer(hdr[used:], resp.names)
	ex.Response = resp
	ex.Body, ex.Notes = cleanBody(body.bytes())
	return ex
}

// readTrailer reads the header lines curl -v shows after the body,
// recording their names' spelling in names.
func readTrailer(ls []string, names spelling) textproto.MIMEHeader {
	var h textproto.MIMEHeader
	for _, l := range ls {
		name, value, ok := strings.Cut(l, ":")
		if !ok || name == "" || strings.ContainsAny(name, " \t") {
			continue
		}
		if h == nil {
			h = textproto.MIMEHeader{}
		}
		h.Add(names.add(name), strings.TrimSpace(value))
	}
	return h
}

// wget -nv prints a failed request's URL, a colon, and the ERROR line;
// without -S, wget states the status in "awaiting response... 503 ..." and
// in its ERROR line.
var (
	wgetBrief    = &lazyRE{expr: `(?m)^[a-zA-Z][a-zA-Z0-9+.-]*://\S+:\r?\n\d{4}-\d\d-\d\d \d\d:\d\d:\d\d ERROR \d{3}: `}
	wgetBriefURL = &lazyRE{expr: `^[a-zA-Z][a-zA-Z0-9+.-]*://\S+:$`}
	wgetStatus   = &lazyRE{expr: `(?:^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d ERROR |awaiting response\.\.\. )([1-5]\d\d):? (.*?)\.?$`}
)

var wgetURL = &lazyRE{expr: `^--\d{4}-\d\d-\d\d \d\d:\d\d:\d\d--  (\S+)`}

// parseWget reads wget -S (--server-response) output: two-space indented
// header blocks among wget's own lines, and its ERROR line.
func parseWget(data []byte) Exchange {
	var ex Exchange
	var hdr []string
	var body bodyLines
	var notes noteList
	inBlock := false
	status, reason := 0, ""
	eachLine(data, func(b []byte, _ int) bool {
		l := lastCR(string(b))
		header := strings.HasPrefix(l, "  ") && (inBlock || isStatusLine(l[2:]))
		if !header && (strings.Contains(l, "ERROR ") || strings.Contains(l, "awaiting response... ")) {
			if m := wgetStatus.get().FindStringSubmatch(l); m != nil {
				status, reason = asStatus(m[1]), m[2] // the last one: after redirects, the final answer's
			}
		}
		switch {
		case header:
			if len(hdr) >= maxTraceLines { // as the -i and curl -v readers
				break
			}
			if isStatusLine(l[2:]) && len(hdr) > 0 {
				hdr = append(hdr, "")
			}
			hdr = append(hdr, l[2:])
		case wgetURL.get().MatchString(l):
			if ex.URL == "" {
				ex.URL = wgetURL.get().FindStringSubmatch(l)[1]
			}
		case wgetBriefURL.get().MatchString(l): // -nv: "URL:" above its ERROR line
			if ex.URL == "" {
				ex.URL = strings.TrimSuffix(l, ":")
			}
		case strings.Contains(l, " ERROR ") || strings.HasPrefix(l, "wget: ") || wgetAuthNote.get().MatchString(l):
			notes.add(strings.TrimSpace(l))
		case isWgetChatter(l), isProgress(l):
		default:
			body.add(l)
		}
		inBlock = header
		return true
	})
	ex.Response, _, _ = readBlocks(hdr)
	if ex.Status == 0 && status != 0 { // no -S: wget's own line states the status
		ex.Status, ex.Reason, ex.StatusFrom = status, reason, "wget's output"
	}
	ex.Notes, ex.moreNotes = notes.kept, notes.more
	ex.Host = hostOf(ex.URL)
	ex.Body, _ = cleanBody(body.bytes())
	return ex
}

// isStatusLine is statusLine's match, its regexp run only on a line that
// starts as one does.
func isStatusLine(l string) bool {
	return strings.HasPrefix(l, "HTTP/") && statusLine.get().MatchString(l)
}

var wgetChatter = &lazyRE{expr: `^(Loaded CA certificate |WARNING: |Resolving |Connecting to |HTTP request sent|Proxy request sent|Reusing existing connection|Location: .*\[following\]|Length: |Saving to: |Remote file |Spider mode|Warning: |\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(|\s*\d+K[ .]|Giving up|Retrying|ERROR: (The certificate of|cannot verify|no certificate subject)|Read error \(|Unable to establish SSL|GnuTLS: |OpenSSL: |To connect to .* insecurely|\s+(Self-signed certificate|Issued certificate|Unable to locally verify))`}

// wgetAuthNote: wget's own words when it gives up on a 401, printed where a
// body would be (it never shows the body of a 401 it could not answer).
var wgetAuthNote = &lazyRE{expr: `^(Unknown authentication scheme\.|Username/Password Authentication Failed\.|Authorization failed\.)$`}

func isWgetChatter(l string) bool { return wgetChatter.get().MatchString(l) }

var progress = &lazyRE{expr: `^\s*(% Total|Dload +Upload|\d+ +[\d.]+[kMG]? +\d+ +[\d.]+[kMG]? +\d+ +[\d.]+[kMG]? +[\d.]+[kMG]? +[\d.]+[kMG]? +[-:\d]+ +[-:\d]+ +[-:\d]+ +[\d.]+[kMG]?)`}

func isProgress(l string) bool { return progress.get().MatchString(l) }

// lastCR is what a terminal shows of a line with bare CRs: the part after
// the last one (curl's progress meter redraws itself that way).
func lastCR(l string) string {
	if i := strings.LastIndexByte(l, '\r'); i >= 0 {
		return l[i+1:]
	}
	return l
}

func hostOf(url string) string {
	_, rest, ok := strings.Cut(url, "://")
	if !ok {
		return ""
	}
	host, _, _ := strings.Cut(rest, "/")
	if at := strings.LastIndexByte(host, '@'); at >= 0 {
		host = host[at+1:] // never keep user:password@
	}
	return host
}
