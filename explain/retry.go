package explain

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/errcode-dev/errcode/catalog"
)

// One retry verdict, from everything the response says, in the order the
// signals are trusted: what the server says about this very request first,
// then what the error's entry knows, then what the status means in
// general. The first signal that speaks decides, and the diagnosis says
// which (RetryReason), so the verdict never contradicts what is shown.

// retrySignal is one source of a verdict: ok is false when it is silent.
type retrySignal func(d *Diagnosis, h headerGetter, b Body) (yes bool, after *int, reason string, ok bool)

type headerGetter interface{ Get(string) string }

// hintHeaders are servers' explicit word on retrying this request.
var hintHeaders = []string{"Stripe-Should-Retry", "X-Should-Retry"}

var retrySignals = []retrySignal{
	// The server says so: Stripe-Should-Retry, x-should-retry (OpenAI,
	// Anthropic).
	func(d *Diagnosis, h headerGetter, b Body) (bool, *int, string, bool) {
		for _, name := range hintHeaders {
			switch v := strings.ToLower(strings.TrimSpace(h.Get(name))); v {
			case "true", "false":
				return v == "true", d.RetryAfter, strings.ToLower(name) + ": " + v, true
			}
		}
		return false, nil, "", false
	},
	// Retry-After, on any status: the server names the wait.
	func(d *Diagnosis, h headerGetter, b Body) (bool, *int, string, bool) {
		if d.RetryAfter != nil {
			return true, d.RetryAfter, "Retry-After header", true
		}
		return false, nil, "", false
	},
	// A wait the body states: Google's RetryInfo.retryDelay, Kubernetes'
	// details.retryAfterSeconds.
	func(d *Diagnosis, h headerGetter, b Body) (bool, *int, string, bool) {
		if b.RetryDelay != nil {
			return true, b.RetryDelay, b.RetryDelayFrom, true
		}
		return false, nil, "", false
	},
	// The error's own entry, where its source states it (throttling codes
	// yes; a billing quota no), before the status's general answer.
	func(d *Diagnosis, h headerGetter, b Body) (bool, *int, string, bool) {
		for _, f := range d.Findings {
			if f.Entry != nil && f.Entry.Retryable != catalog.RetryUnknown && f.Catalog.ID != catalog.HTTPCatalog {
				yes := f.Entry.Retryable == catalog.RetryYes
				var after *int
				if rl := d.RateLimit; yes && rl != nil && rl.Remaining != nil && *rl.Remaining == 0 {
					after = rl.ResetSeconds // a throttling error's wait is the window's reset
				}
				return yes, after, fmt.Sprintf("%s:%s is %s", f.Catalog.ID, f.Entry.Code, map[bool]string{true: "retryable", false: "not retryable"}[yes]), true
			}
		}
		return false, nil, "", false
	},
	// An exhausted rate limit on a 403 or 429 (GitHub's primary limit is a
	// 403): retry once the window resets.
	func(d *Diagnosis, h headerGetter, b Body) (bool, *int, string, bool) {
		if rl := d.RateLimit; rl != nil && rl.Remaining != nil && *rl.Remaining == 0 && (d.Status == 403 || d.Status == 429) {
			return true, rl.ResetSeconds, rateLimitName(h) + " is 0", true
		}
		return false, nil, "", false
	},
	// The status in general.
	func(d *Diagnosis, h headerGetter, b Body) (bool, *int, string, bool) {
		if e := d.StatusEntry; e != nil && e.Retryable != catalog.RetryUnknown {
			return e.Retryable == catalog.RetryYes, nil, "HTTP " + strconv.Itoa(d.Status) + " in general", true
		}
		return false, nil, "", false
	},
}

// rateLimitName is the remaining-requests header the response used.
func rateLimitName(h headerGetter) string {
	for _, name := range []string{"X-Ratelimit-Remaining", "Ratelimit-Remaining", "X-Rate-Limit-Remaining"} {
		if h.Get(name) != "" {
			return strings.ToLower(name)
		}
	}
	return "the RateLimit header's remaining count"
}

// decideRetry sets the diagnosis's verdict from the first signal that
// speaks; with none, it is unknown.
func decideRetry(d *Diagnosis, h headerGetter, b Body) {
	for _, s := range retrySignals {
		if yes, after, reason, ok := s(d, h, b); ok {
			d.Retryable, d.RetryKnown, d.RetryReason = yes, true, reason
			if yes && after != nil {
				d.RetryWait = after
			}
			return
		}
	}
	d.Retryable, d.RetryKnown, d.RetryReason = false, false, ""
}
