package explain

import (
	"cmp"
	"fmt"
	"net/textproto"
	"slices"
	"strings"

	"github.com/errcode-dev/errcode/catalog"
)

// The verdicts, as decision tables: each is an ordered list of rows, the
// first row whose signal is present decides, and the diagnosis names that
// row, so that text and --json say why. The README's "Verdicts" section is
// the same tables; a test pins each row and each pair of rows that can
// disagree (verdict_test.go).

// facts are what the tables read.
type facts struct {
	d        *Diagnosis
	h        textproto.MIMEHeader
	names    spelling // h's names as the input spelled them: what the why says
	body     Body
	bodyErrs bool     // the body carries errors (items from it)
	hints    []string // the headers in which a server says whether to retry: the shared one, and every catalog's retry_headers
	sent     []string // request ids the request sent (curl -v)
}

// Outcome is the failed verdict.
type Outcome uint8

const (
	OutcomeUnknown Outcome = iota // no status, and nothing reports an error
	OutcomeOK                     // a 1xx, 2xx or 3xx status and no error reported
	OutcomeFailed
)

func (o Outcome) String() string { return [...]string{"unknown", "ok", "failed"}[o] }

type failedRule struct {
	id, says string
	decide   func(f *facts) (Outcome, string, bool)
}

// failedRules decide whether the exchange failed.
var failedRules = []failedRule{
	{"F1", "the transfer got no response", func(f *facts) (Outcome, string, bool) {
		return OutcomeFailed, "no response", f.d.NoResponse
	}},
	{"F2", "a protocol's own carrier reports an error (a tool's failure line, grpc-status, an OAuth error in a redirect), or a program's (an exception, a line its SDK prints, a log record at error level or worse)", func(f *facts) (Outcome, string, bool) {
		for _, x := range f.d.Findings {
			if x.Fails {
				return OutcomeFailed, cmp.Or(x.From, "a failure the tool reported"), true
			}
		}
		return 0, "", false
	}},
	{"F3", "the status is 4xx or 5xx", func(f *facts) (Outcome, string, bool) {
		return OutcomeFailed, fmt.Sprintf("status %d", f.d.Status), f.d.Status >= 400
	}},
	{"F4", "the body plainly reports an error (an error envelope or flag, a catalog's body signature), whatever the status", func(f *facts) (Outcome, string, bool) {
		return OutcomeFailed, "the body reports an error: " + f.body.ReportsWhy, f.body.Reports && f.bodyErrs
	}},
	{"F5", "the status is 1xx, 2xx or 3xx", func(f *facts) (Outcome, string, bool) {
		return OutcomeOK, fmt.Sprintf("status %d", f.d.Status), f.d.Status > 0
	}},
	{"F6", "no status, and nothing reports an error", func(f *facts) (Outcome, string, bool) {
		return OutcomeUnknown, "no status", true
	}},
}

func decideFailed(f *facts) {
	for _, r := range failedRules {
		if o, why, ok := r.decide(f); ok {
			f.d.Outcome, f.d.FailedRule, f.d.FailedWhy = o, r.id, why
			f.d.Failed = o == OutcomeFailed
			return
		}
	}
}

// retryAnswer is a retry row's verdict.
type retryAnswer struct {
	yes    bool
	wait   *int
	waitIs string // "wait": the server's; "reset": the rate-limit window's
	then   string // retry once, after doing this
	why    string
}

type retryRule struct {
	id, says string
	decide   func(f *facts) (retryAnswer, bool)
}

// retryRules decide whether, and when, to retry a failed exchange.
var retryRules = []retryRule{
	{"R1", "the exchange did not fail: no retry verdict", func(f *facts) (retryAnswer, bool) {
		return retryAnswer{why: "not a failure"}, !f.d.Failed
	}},
	{"R2", "no response: the transport failure's own entry (curl's --retry rules)", func(f *facts) (retryAnswer, bool) {
		if !f.d.NoResponse {
			return retryAnswer{}, false
		}
		if e, c := stated(f.d, 0); e != nil {
			return retryAnswer{yes: e.Retryable == catalog.RetryYes, why: entryWhy(c, e)}, true
		}
		return retryAnswer{}, false
	}},
	{"R3", "the server's retry header (x-should-retry, Stripe-Should-Retry, a catalog's retry_headers)", func(f *facts) (retryAnswer, bool) {
		for _, name := range f.hints {
			switch v := strings.ToLower(strings.TrimSpace(f.h.Get(name))); v {
			case "true", "false":
				a := retryAnswer{yes: v == "true", why: f.names.of(name) + ": " + v}
				if a.yes && f.d.RetryAfter != nil {
					a.wait, a.waitIs = f.d.RetryAfter, "wait"
				}
				return a, true
			}
		}
		return retryAnswer{}, false
	}},
	{"R4", `a rejected access token (Bearer error="invalid_token"): retry once, with a fresh token`, func(f *facts) (retryAnswer, bool) {
		for _, x := range f.d.Findings {
			if strings.EqualFold(x.From, "the WWW-Authenticate header") && x.Code == "invalid_token" {
				return retryAnswer{yes: true, then: "refresh the access token", why: f.names.of("Www-Authenticate") + `: Bearer error="invalid_token"`}, true
			}
		}
		return retryAnswer{}, false
	}},
	{"R5", "the error's entry says it is not retryable (a quota, a bad key, a client fault)", func(f *facts) (retryAnswer, bool) {
		if e, c := stated(f.d, catalog.RetryNo); e != nil {
			return retryAnswer{why: entryWhy(c, e)}, true
		}
		return retryAnswer{}, false
	}},
	{"R6", "the body blames the request under a 5xx (field errors, a 4xx status in the body)", func(f *facts) (retryAnswer, bool) {
		return retryAnswer{why: "the body blames the request"}, f.d.Status >= 500 && f.body.ClientFault && f.bodyErrs
	}},
	{"R7", "the server names a wait (Retry-After: seconds, decimal or a date; retry-after-ms)", func(f *facts) (retryAnswer, bool) {
		return retryAnswer{yes: true, wait: f.d.RetryAfter, waitIs: "wait", why: f.d.retryAfterFrom}, f.d.RetryAfter != nil
	}},
	{"R8", "the body names a wait (RetryInfo, retryAfterSeconds, retry_after)", func(f *facts) (retryAnswer, bool) {
		return retryAnswer{yes: true, wait: f.body.RetryDelay, waitIs: "wait", why: f.body.RetryDelayFrom}, f.body.RetryDelay != nil
	}},
	{"R9", "the error's entry says it is retryable", func(f *facts) (retryAnswer, bool) {
		if e, c := stated(f.d, catalog.RetryYes); e != nil {
			a := retryAnswer{yes: true, why: entryWhy(c, e)}
			a.wait, a.waitIs = exhaustedReset(f.d)
			return a, true
		}
		return retryAnswer{}, false
	}},
	{"R10", "an exhausted rate limit (remaining 0) on a 403 or 429: when the window resets", func(f *facts) (retryAnswer, bool) {
		if rl := f.d.RateLimit; rl != nil && rl.Remaining != nil && *rl.Remaining == 0 && (f.d.Status == 403 || f.d.Status == 429) {
			wait, is := exhaustedReset(f.d)
			return retryAnswer{yes: true, wait: wait, waitIs: is, why: rl.RemainingFrom + " is 0"}, true
		}
		return retryAnswer{}, false
	}},
	{"R11", "a throttling error: its code, token or message names a rate limit or throttling", func(f *facts) (retryAnswer, bool) {
		for _, x := range f.d.Findings {
			byCode := throttling(x.Code) || throttling(x.Token)
			if byCode || throttlingText(x.Message) {
				a := retryAnswer{yes: true, why: "the error's message names a rate limit"}
				if byCode {
					a.why = cmp.Or(x.Code, x.Token) + " names a rate limit"
				}
				a.wait, a.waitIs = exhaustedReset(f.d)
				return a, true
			}
		}
		return retryAnswer{}, false
	}},
	{"R12", "the status in general (errcode's HTTP notes)", func(f *facts) (retryAnswer, bool) {
		if e := f.d.StatusEntry; e != nil && e.Retryable != catalog.RetryUnknown {
			a := retryAnswer{yes: e.Retryable == catalog.RetryYes, why: fmt.Sprintf("HTTP %d in general", f.d.Status)}
			if a.yes && f.d.Status == 429 { // a used-up window explains a 429, not a 503
				a.wait, a.waitIs = exhaustedReset(f.d)
			}
			return a, true
		}
		return retryAnswer{}, false
	}},
	{"R13", "nothing says: unknown", func(f *facts) (retryAnswer, bool) { return retryAnswer{}, true }},
}

func decideRetry(f *facts) {
	for _, r := range retryRules {
		a, ok := r.decide(f)
		if !ok {
			continue
		}
		d := f.d
		d.RetryRule, d.RetryReason, d.RetryThen = r.id, a.why, a.then
		d.Retryable = a.yes
		d.RetryKnown = r.id != "R13" && r.id != "R1"
		if a.yes {
			d.RetryWait, d.RetryWaitIs = a.wait, a.waitIs
		}
		return
	}
}

// stated is the first error's entry that states retryability (want: that
// answer; RetryUnknown: either), leaving out the HTTP registry (the
// status's general answer is its own row).
//
// An errno names the failure a transport's own code names (curl:7 and
// ECONNREFUSED are one refusal): the transport's rules decide, never the
// system's word for it.
func stated(d *Diagnosis, want catalog.Retry) (*catalog.Entry, *catalog.Catalog) {
	for _, x := range d.Findings {
		if x.Catalog != nil && x.Catalog.ID == "errno" {
			continue
		}
		if e := x.Entry; e != nil && x.Catalog.ID != catalog.HTTPCatalog && e.Retryable != catalog.RetryUnknown && (want == catalog.RetryUnknown || e.Retryable == want) {
			return e, x.Catalog
		}
	}
	return nil, nil
}

func entryWhy(c *catalog.Catalog, e *catalog.Entry) string {
	if e.Retryable == catalog.RetryYes {
		return c.ID + ":" + e.Code + " is retryable"
	}
	return c.ID + ":" + e.Code + " is not retryable"
}

// exhaustedReset is the rate-limit window's reset as a wait, only when the
// window is used up: with requests left, the reset is no reason to wait.
func exhaustedReset(d *Diagnosis) (*int, string) {
	if rl := d.RateLimit; rl != nil && rl.Remaining != nil && *rl.Remaining == 0 && (rl.ResetSeconds != nil || rl.ResetAt != nil) {
		return rl.ResetSeconds, "reset" // nil with ResetAt: when is known, not how long
	}
	return nil, ""
}

// throttling: a code that names a rate limit or throttling.
func throttling(code string) bool {
	k := catalog.Key(code)
	for _, w := range []string{"ratelimit", "throttl", "toomanyrequests", "slowdown"} {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}

// throttlingText: a message that says the caller is being rate-limited.
func throttlingText(msg string) bool {
	l := strings.ToLower(msg)
	for _, w := range []string{"rate limit", "rate-limit", "too many requests", "throttl", "slow down"} {
		if strings.Contains(l, w) && !strings.Contains(l, "quota") {
			return true
		}
	}
	return false
}

// cdnOwners are the CDNs whose id header is the request id of their own
// APIs.
var cdnOwners = []struct{ header, domain string }{{"Cf-Ray", "cloudflare.com"}, {"X-Served-By", "fastly.com"}}

// catalogIDHeaders are every catalog's request_id_headers: an API's own id,
// whichever API answered.
func catalogIDHeaders(ix *catalog.Index) []string {
	var out []string
	for _, c := range ix.Catalogs {
		out = append(out, c.RequestIDHeaders...)
	}
	return out
}

type idRule struct {
	id, says string
	decide   func(f *facts, c *catalog.Catalog, claim *shapeClaim, ix *catalog.Index) (id, from, note string, ok bool)
}

// requestIDRules decide which id to quote to support.
var requestIDRules = []idRule{
	{"Q1", "a header the answering API's catalog names (request_id_headers)", func(f *facts, c *catalog.Catalog, _ *shapeClaim, _ *catalog.Index) (string, string, string, bool) {
		if c == nil {
			return "", "", "", false
		}
		n, v := firstHeader(f.h, c.RequestIDHeaders, f.sent...)
		return v, f.names.of(n), "", v != ""
	}},
	{"Q2", "the request id at the answering API's body path", func(f *facts, c *catalog.Catalog, claim *shapeClaim, _ *catalog.Index) (string, string, string, bool) {
		if claim == nil || claim.c != c {
			return "", "", "", false
		}
		return claim.read.requestID, claim.read.idAt, "", claim.read.requestID != ""
	}},
	{"Q3", "an API's own request-id header (the shared table, and every catalog's request_id_headers)", func(f *facts, _ *catalog.Catalog, _ *shapeClaim, ix *catalog.Index) (string, string, string, bool) {
		names := slices.Concat(originIDHeaders, catalogIDHeaders(ix))
		for _, cdn := range cdnOwners { // Cloudflare's own API: its ray id is its request id
			if catalog.HostIn(f.d.Host, cdn.domain) {
				names = append(names, cdn.header)
			}
		}
		n, v := firstHeader(f.h, names, f.sent...)
		return v, f.names.of(n), "", v != ""
	}},
	{"Q4", "a request id in the body, under a common name (request_id, correlationId, debug_id, traceId...)", func(f *facts, _ *catalog.Catalog, _ *shapeClaim, _ *catalog.Index) (string, string, string, bool) {
		return f.body.RequestID, f.body.IDFrom, "", f.body.RequestID != "" && !strings.HasPrefix(f.body.IDFrom, "the page")
	}},
	{"Q5", "a tracing header (traceparent, X-B3-TraceId, X-Cloud-Trace-Context)", func(f *facts, _ *catalog.Catalog, _ *shapeClaim, _ *catalog.Index) (string, string, string, bool) {
		n, v := firstHeader(f.h, traceHeaders, f.sent...)
		return v, f.names.of(n), "a trace id", v != ""
	}},
	{"Q6", "a CDN's or proxy's id (CF-Ray, X-Amz-Cf-Id, X-Served-By, an error page's reference): for the CDN's support, not the API's", func(f *facts, _ *catalog.Catalog, _ *shapeClaim, _ *catalog.Index) (string, string, string, bool) {
		if n, v := firstHeader(f.h, cdnIDHeaders); v != "" {
			return v, f.names.of(n), "the CDN's id, not the API's", true
		}
		return f.body.RequestID, f.body.IDFrom, "the CDN's id, not the API's", f.body.RequestID != ""
	}},
	{"Q7", "an id the request itself sent, echoed back in a header", func(f *facts, _ *catalog.Catalog, _ *shapeClaim, ix *catalog.Index) (string, string, string, bool) {
		names := slices.Concat(originIDHeaders, traceHeaders, catalogIDHeaders(ix))
		n, v := firstHeader(f.h, names)
		return v, f.names.of(n), "the id your request sent", v != ""
	}},
}

func decideRequestID(f *facts, c *catalog.Catalog, claim *shapeClaim, ix *catalog.Index) {
	for _, r := range requestIDRules {
		if id, from, note, ok := r.decide(f, c, claim, ix); ok {
			f.d.RequestID, f.d.RequestIDFrom, f.d.RequestIDNote, f.d.RequestIDRule = id, from, note, r.id
			return
		}
	}
}
