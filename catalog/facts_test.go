package catalog_test

import (
	"bufio"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

// The protocol catalogs carry facts (codes, names, statuses) from upstream
// files shipped in testdata/facts, each read here in its own format. Every
// test checks both directions: each upstream code is in the catalog with its
// exact name and status, and each catalog entry is upstream.

// fact is one upstream row: a code, its name (token), its status, for
// SQLSTATE the class it sits under, for errno the message.
type fact struct {
	code, token string
	status      int
	category    string
	message     string
}

func readFacts(t *testing.T, name string, parse func(lines []string) []fact) []fact {
	t.Helper()
	f, err := os.Open("testdata/facts/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	facts := parse(lines)
	if len(facts) == 0 {
		t.Fatalf("testdata/facts/%s: no facts parsed", name)
	}
	return facts
}

// checkFacts compares a catalog with upstream's facts in both directions.
// Entries are matched by code exactly as written (not folded). stated
// names the codes whose status upstream states (nil: all of them; a
// stated status may be 0, "none"), taking the highest any fact gives; an
// entry whose status no fact states must have none. Entries errcode adds
// (kind: supplement) need a source instead of a fact.
func checkFacts(t *testing.T, id string, facts []fact, skip map[string]string, stated map[string]bool) {
	t.Helper()
	c := catalog.NewIndex(catalog.Builtin()).Catalog(id)
	if c == nil {
		t.Fatalf("no built-in catalog %q", id)
	}
	byCode := map[string]*catalog.Entry{}
	for i := range c.Entries {
		byCode[c.Entries[i].Code] = &c.Entries[i]
	}
	hasStatus := func(code string) bool { return stated == nil || stated[code] }
	status := map[string]int{}
	for _, f := range facts {
		status[f.code] = max(status[f.code], f.status)
	}
	upstream := map[string]bool{}
	for _, f := range facts {
		if upstream[f.code] {
			continue // a code in two fact files is one entry
		}
		upstream[f.code] = true
		if _, skipped := skip[f.code]; skipped {
			if byCode[f.code] != nil {
				t.Errorf("%s:%s is on the skip list (%s) but in the catalog", id, f.code, skip[f.code])
			}
			continue
		}
		e := byCode[f.code]
		if e == nil {
			t.Errorf("%s: upstream code %s (%s) is missing", id, f.code, f.token)
			continue
		}
		if e.Token != f.token {
			t.Errorf("%s:%s token %q, upstream %q", id, f.code, e.Token, f.token)
		}
		if hasStatus(f.code) && e.Status != status[f.code] {
			t.Errorf("%s:%s status %d, upstream %d", id, f.code, e.Status, status[f.code])
		}
		if f.category != "" && e.Category != f.category {
			t.Errorf("%s:%s category %q, upstream %q", id, f.code, e.Category, f.category)
		}
	}
	for code, e := range byCode {
		switch {
		case e.Kind == catalog.Supplement:
			if e.Source == "" {
				t.Errorf("%s:%s is a supplement without a source", id, code)
			}
		case !upstream[code]:
			t.Errorf("%s:%s is not in the upstream fact file", id, code)
		case !hasStatus(code) && e.Status != 0:
			t.Errorf("%s:%s has status %d, which no upstream file states", id, code, e.Status)
		}
	}
	for code := range skip {
		if !upstream[code] {
			t.Errorf("%s: skip list names %s, which upstream does not have", id, code)
		}
	}
}

// checkRetryable: exactly the codes named have a stated retryability,
// each as given; the source is silent on the rest.
func checkRetryable(t *testing.T, id string, want map[string]catalog.Retry) {
	t.Helper()
	c := catalog.NewIndex(catalog.Builtin()).Catalog(id)
	for i := range c.Entries {
		e := &c.Entries[i]
		if got, w := e.Retryable, want[e.Code]; got != w {
			t.Errorf("%s:%s retryable %v, want %v (the source's word)", id, e.Code, got, w)
		}
	}
}

var curlHeading = regexp.MustCompile(`^## (CURLE_[A-Z0-9_]+) \((\d+)\)"?$`)

// libcurl-errors.md: "## CURLE_NAME (N)" headings in its CURLcode part;
// "## Obsolete error (N)" headings are codes no longer in use.
func parseCurl(lines []string) []fact {
	var out []fact
	in := false
	for _, l := range lines {
		switch {
		case l == "# CURLcode":
			in = true
		case strings.HasPrefix(l, "# "):
			in = false
		case in:
			if m := curlHeading.FindStringSubmatch(l); m != nil {
				out = append(out, fact{code: m[2], token: m[1]})
			}
		}
	}
	return out
}

func TestCurlFacts(t *testing.T) {
	facts := readFacts(t, "curl-libcurl-errors.md", parseCurl)
	checkFacts(t, "curl", facts, map[string]string{
		"0":  "CURLE_OK is success, not an exit code to explain",
		"89": "CURLE_NO_CONNECTION_AVAILABLE is internal and never returned",
	}, nil)
	// Obsolete codes have no CURLE_ heading upstream, so they cannot be in
	// the catalog; name them to be sure the parser saw them as obsolete.
	for _, obsolete := range []string{"20", "24", "29", "32", "34", "40", "41", "44", "46", "57", "62"} {
		if slices.ContainsFunc(facts, func(f fact) bool { return f.code == obsolete }) {
			t.Errorf("curl %s is obsolete upstream but parsed as in use", obsolete)
		}
	}
	// curl's --retry retries these always (src/tool_operate.c); connection
	// refused (7) only with --retry-connrefused, so it is not stated.
	checkRetryable(t, "curl", map[string]catalog.Retry{
		"5": catalog.RetryYes, "6": catalog.RetryYes, "12": catalog.RetryYes, "28": catalog.RetryYes,
	})
}

var (
	protoMapping = regexp.MustCompile(`^\s*// HTTP Mapping: (\d{3}) `)
	protoValue   = regexp.MustCompile(`^\s*([A-Z_]+) = (\d+);$`)
)

// code.proto: each enum value follows its "// HTTP Mapping: NNN Reason".
func parseGRPC(lines []string) []fact {
	var out []fact
	status := 0
	for _, l := range lines {
		if m := protoMapping.FindStringSubmatch(l); m != nil {
			status, _ = strconv.Atoi(m[1])
		}
		if m := protoValue.FindStringSubmatch(l); m != nil {
			out = append(out, fact{code: m[2], token: m[1], status: status})
			status = 0
		}
	}
	return out
}

func TestGRPCFacts(t *testing.T) {
	facts := readFacts(t, "grpc-code.proto", parseGRPC)
	if len(facts) != 17 {
		t.Errorf("code.proto: %d codes, want the 17 of google.rpc.Code", len(facts))
	}
	checkFacts(t, "grpc", facts, nil, nil)
	// code.proto: retry UNAVAILABLE with backoff, ABORTED at a higher level;
	// do not retry FAILED_PRECONDITION until the state is fixed.
	checkRetryable(t, "grpc", map[string]catalog.Retry{
		"14": catalog.RetryYes, "10": catalog.RetryYes, "9": catalog.RetryNo,
	})
}

var (
	oauthBlock = regexp.MustCompile(`^\[(.+)\] (redirect|\d{3})$`)
	oauthCode  = regexp.MustCompile(`^([a-z_]+)(?: (\d{3}))?$`)
)

// oauth-errors.txt: blocks of "[section] STATUS-or-redirect" then codes,
// each perhaps with a status of its own. A code defined in several
// sections takes the status of those that state one; they must agree.
func parseOAuth(lines []string) []fact {
	status := map[string]int{}
	var order []string
	block := ""
	for _, l := range lines {
		if m := oauthBlock.FindStringSubmatch(l); m != nil {
			block = m[2]
			continue
		}
		m := oauthCode.FindStringSubmatch(l)
		if m == nil || block == "" {
			continue
		}
		s := 0
		if block != "redirect" {
			s, _ = strconv.Atoi(block)
		}
		if m[2] != "" {
			s, _ = strconv.Atoi(m[2])
		}
		prev, seen := status[m[1]]
		if !seen {
			order = append(order, m[1])
		}
		switch {
		case !seen || prev == 0:
			status[m[1]] = s
		case s != 0 && s != prev:
			status[m[1]] = -1 // the sections disagree: the test reports it
		}
	}
	var out []fact
	for _, code := range order {
		out = append(out, fact{code: code, status: status[code]})
	}
	return out
}

func TestOAuthFacts(t *testing.T) {
	facts := readFacts(t, "oauth-errors.txt", parseOAuth)
	checkFacts(t, "oauth", facts, nil, nil)
	checkRetryable(t, "oauth", map[string]catalog.Retry{
		"temporarily_unavailable": catalog.RetryYes, // RFC 6749 4.1.2.1: may retry later
		"authorization_pending":   catalog.RetryYes, // RFC 8628 3.5: keep polling
		"slow_down":               catalog.RetryYes, // RFC 8628 3.5: keep polling, slower
	})
}

var (
	k8sCode   = regexp.MustCompile(`^\s*// Status code (\d{3})`)
	k8sReason = regexp.MustCompile(`^\s*StatusReason\w+ StatusReason = "(\w*)"$`)
)

// types.go: each StatusReason constant follows a "// Status code NNN"
// comment line.
func parseKubernetes(lines []string) []fact {
	var out []fact
	status := 0
	for _, l := range lines {
		if m := k8sCode.FindStringSubmatch(l); m != nil {
			status, _ = strconv.Atoi(m[1])
		}
		if m := k8sReason.FindStringSubmatch(l); m != nil {
			code := m[1]
			if code == "" {
				code = `""`
			}
			out = append(out, fact{code: code, status: status})
			status = 0
		}
	}
	return out
}

func TestKubernetesFacts(t *testing.T) {
	facts := readFacts(t, "kubernetes-types.go.txt", parseKubernetes)
	checkFacts(t, "kubernetes", facts, map[string]string{
		`""`: "StatusReasonUnknown is the empty reason: nothing to look up",
	}, nil)
	// The comments say a retry may succeed, or that the call can never succeed.
	checkRetryable(t, "kubernetes", map[string]catalog.Retry{
		"ServerTimeout": catalog.RetryYes, "Timeout": catalog.RetryYes, "TooManyRequests": catalog.RetryYes, "ServiceUnavailable": catalog.RetryYes,
		"BadRequest": catalog.RetryNo, "MethodNotAllowed": catalog.RetryNo, "NotAcceptable": catalog.RetryNo, "UnsupportedMediaType": catalog.RetryNo,
	})
}

// errcodes.txt: "Section: Class NN - Name" lines, then
// "sqlstate E/W/S ERRCODE_MACRO [spec_name]" lines; a line without a spec
// name is another macro for a code listed elsewhere.
func parsePostgres(lines []string) []fact {
	var out []fact
	class := ""
	for _, l := range lines {
		if c, ok := strings.CutPrefix(l, "Section: "); ok {
			class = c
			continue
		}
		f := strings.Fields(l)
		if len(f) == 4 && len(f[0]) == 5 && strings.HasPrefix(f[2], "ERRCODE_") {
			out = append(out, fact{code: f[0], token: f[3], category: class})
		}
	}
	return out
}

func TestPostgresFacts(t *testing.T) {
	facts := readFacts(t, "postgres-errcodes.txt", parsePostgres)
	if len(facts) < 250 {
		t.Errorf("errcodes.txt: only %d codes parsed", len(facts))
	}
	checkFacts(t, "postgres", facts, nil, nil)
	want := map[string]catalog.Retry{"53300": catalog.RetryYes, "57P01": catalog.RetryYes}
	for _, f := range facts {
		if strings.HasPrefix(f.code, "40") || strings.HasPrefix(f.code, "08") {
			want[f.code] = catalog.RetryYes // transaction rollback, connection exception
		}
	}
	checkRetryable(t, "postgres", want)
}

var h2Code = regexp.MustCompile(`^\s+([A-Z0-9_]+) \(0x([0-9a-f]{2})\):$`)

// RFC 9113 Section 7: "NAME (0xNN):" definition headings.
func parseHTTP2(lines []string) []fact {
	var out []fact
	for _, l := range lines {
		if m := h2Code.FindStringSubmatch(l); m != nil {
			n, _ := strconv.ParseUint(m[2], 16, 8)
			out = append(out, fact{code: "0x" + strconv.FormatUint(n, 16), token: m[1]})
		}
	}
	return out
}

func TestHTTP2Facts(t *testing.T) {
	facts := readFacts(t, "http2-rfc9113-section7.txt", parseHTTP2)
	if len(facts) != 14 {
		t.Errorf("RFC 9113: %d codes, want 14", len(facts))
	}
	checkFacts(t, "http2", facts, nil, nil)
	checkRetryable(t, "http2", map[string]catalog.Retry{"0x7": catalog.RetryYes})
}

// Every entry of a protocol catalog says errcode wrote its prose.
func TestProtocolProseIsMarked(t *testing.T) {
	for _, c := range catalog.Builtin() {
		if !c.Protocol {
			continue
		}
		for i := range c.Entries {
			e := &c.Entries[i]
			src := c.Source
			if e.Source != "" {
				src = e.Source
			}
			if !strings.Contains(src, "written by errcode") {
				t.Errorf("%s:%s: source %q does not say the prose is errcode's", c.ID, e.Code, src)
			}
		}
	}
}

var (
	errnoRow   = regexp.MustCompile(`^\s*\{(\d+), "(E[A-Z0-9]+)", "([^"]*)"\},$`)
	errnoConst = regexp.MustCompile(`^\s*(E[A-Z0-9]+)\s*= syscall\.Errno\(0x([0-9a-f]+)\)$`)
)

// errno-zerrors_linux_amd64.go.txt (x/sys): errorList's {number, "NAME",
// "message"} rows. The name is the code, the number the token.
func parseErrno(lines []string) []fact {
	var out []fact
	for _, l := range lines {
		if m := errnoRow.FindStringSubmatch(l); m != nil {
			out = append(out, fact{code: m[2], token: m[1], message: m[3]})
		}
	}
	return out
}

func TestErrnoFacts(t *testing.T) {
	facts := readFacts(t, "errno-zerrors_linux_amd64.go.txt", parseErrno)
	if len(facts) < 130 {
		t.Errorf("errorList: only %d errnos parsed", len(facts))
	}
	checkFacts(t, "errno", facts, nil, nil)
	// The message is upstream's, exactly.
	ix := catalog.NewIndex(catalog.Builtin())
	c := ix.Catalog("errno")
	number := map[string]string{} // number -> errorList name
	for _, f := range facts {
		number[f.token] = f.code
		if e := c.Find(f.code, "", 0); e != nil && e.Message != f.message {
			t.Errorf("errno:%s message %q, upstream %q", f.code, e.Message, f.message)
		}
	}
	// Every Errno constant is an entry, or another name of one: that entry
	// names it, and looking the name up finds that entry first.
	consts := readFacts(t, "errno-zerrors_linux_amd64.go.txt", func(lines []string) []fact {
		var out []fact
		for _, l := range lines {
			if m := errnoConst.FindStringSubmatch(l); m != nil {
				n, _ := strconv.ParseInt(m[2], 16, 32)
				out = append(out, fact{code: m[1], token: strconv.Itoa(int(n))})
			}
		}
		return out
	})
	for _, k := range consts {
		name, ok := number[k.token]
		if !ok {
			t.Errorf("Errno constant %s (%s) has no errorList row", k.code, k.token)
			continue
		}
		if name == k.code {
			continue
		}
		e := c.Find(name, "", 0)
		if e == nil || !strings.Contains(e.Description, k.code) {
			t.Errorf("errno:%s does not name %s, its other name", name, k.code)
		}
		if r := ix.Lookup(catalog.Query{Text: k.code}); len(r.Matches) == 0 || r.Matches[0].Entry != e {
			t.Errorf("lookup %s does not find errno:%s first", k.code, name)
		}
	}
	// errcode's judgement (the sources do not speak of retrying): a
	// transient network or scheduling state is worth a retry with backoff;
	// a wrong path, permission or argument fails the same way again. A
	// refusal (the service down, or the wrong port), an unreachable host
	// and a reset (the request may have been processed) are left unknown,
	// as curl leaves 7 and 56, whose rule decides when both are shown.
	yes, no, unknown := catalog.RetryYes, catalog.RetryNo, catalog.RetryUnknown
	checkRetryable(t, "errno", map[string]catalog.Retry{
		"ECONNREFUSED": unknown, "ECONNRESET": unknown, "ETIMEDOUT": yes, "EAGAIN": yes, "EINTR": yes,
		"EHOSTUNREACH": unknown, "ENETUNREACH": unknown, "ECONNABORTED": yes,
		"ENOENT": no, "EACCES": no, "EINVAL": no, "EPERM": no, "EEXIST": no, "ENOTDIR": no, "EISDIR": no,
		"ENOTEMPTY": no, "EROFS": no, "ENOSPC": no, "EBADF": no,
	})
}
