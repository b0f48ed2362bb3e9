package render_test

import (
	"strings"
	"testing"
	"time"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/explain"
	"github.com/errcode-dev/errcode/render"
)

func ptr(n int) *int { return &n }

// The Retry line, for each way a verdict can stand.
func TestRetryAdvice(t *testing.T) {
	reset := ptr(30)
	at := time.Date(2026, 11, 22, 10, 1, 0, 0, time.UTC)
	for _, tc := range []struct {
		name string
		d    explain.Diagnosis
		want string
	}{
		{"not failed", explain.Diagnosis{Retryable: true, RetryKnown: true}, ""},
		{"the window's wait", explain.Diagnosis{Failed: true, Retryable: true, RetryKnown: true, RetryWait: reset, RetryWaitIs: "reset", RateLimit: &explain.RateLimit{ResetSeconds: reset}, RetryReason: "x-ratelimit-remaining is 0"},
			"yes, when the rate-limit window resets in 30 seconds (x-ratelimit-remaining is 0)"},
		{"a stated wait of 1", explain.Diagnosis{Failed: true, Retryable: true, RetryKnown: true, RetryWait: ptr(1), RateLimit: &explain.RateLimit{ResetSeconds: ptr(1)}, RetryReason: "Retry-After header"},
			"yes, wait 1 second before the next request (Retry-After header)"},
		{"a reset time, the window used up", explain.Diagnosis{Failed: true, Retryable: true, RetryKnown: true, RetryWaitIs: "reset", RateLimit: &explain.RateLimit{Remaining: ptr(0), ResetAt: &at}},
			"yes, once the rate-limit window resets at 2026-11-22 10:01:00 UTC"},
		{"a reset time, requests left: no wait for it", explain.Diagnosis{Failed: true, Retryable: true, RetryKnown: true, RateLimit: &explain.RateLimit{Remaining: ptr(4999), ResetAt: &at}},
			"yes, with exponential backoff"},
		{"a reset in seconds that is no wait", explain.Diagnosis{Failed: true, Retryable: true, RetryKnown: true, RateLimit: &explain.RateLimit{Remaining: ptr(4999), ResetSeconds: ptr(3600)}, RetryReason: "HTTP 503 in general"},
			"yes, with exponential backoff (HTTP 503 in general)"},
		{"retry once, after", explain.Diagnosis{Failed: true, Retryable: true, RetryKnown: true, RetryThen: "refresh the access token", RetryReason: "r"},
			"yes, once: refresh the access token, then retry (r)"},
		{"a rate limit saying nothing of when", explain.Diagnosis{Failed: true, Retryable: true, RetryKnown: true, RateLimit: &explain.RateLimit{Limit: ptr(10)}},
			"yes, with exponential backoff"},
		{"no response", explain.Diagnosis{Failed: true, Retryable: true, RetryKnown: true, NoResponse: true, RetryReason: "curl:28 is retryable"},
			"yes, with backoff: the failure is often transient (curl:28 is retryable)"},
		{"unknown", explain.Diagnosis{Failed: true}, "not stated: see what to check below before trying again"},
		{"no", explain.Diagnosis{Failed: true, RetryKnown: true, RetryReason: "HTTP 400 in general"},
			"no: retrying the same request will fail the same way (HTTP 400 in general)"},
		{"a reason with escapes", explain.Diagnosis{Failed: true, RetryKnown: true, RetryReason: "a\x1b[2Jb"},
			`no: retrying the same request will fail the same way (a\x1b[2Jb)`},
	} {
		if got := render.RetryAdvice(&tc.d); got != tc.want {
			t.Errorf("%s: %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

func TestRateText(t *testing.T) {
	at := time.Date(2026, 11, 22, 10, 1, 0, 0, time.UTC)
	for _, tc := range []struct {
		rl   *explain.RateLimit
		want string
	}{
		{nil, ""},
		{&explain.RateLimit{Remaining: ptr(0), Limit: ptr(60), ResetSeconds: ptr(1)}, "0 of 60 left, resets in 1 second"},
		{&explain.RateLimit{Remaining: ptr(7)}, "7 left"},
		{&explain.RateLimit{Limit: ptr(100), Policy: `"default";q=100;w=60`}, `limit 100, policy "default";q=100;w=60`},
		{&explain.RateLimit{ResetAt: &at}, "resets at 2026-11-22 10:01:00 UTC"},
	} {
		if got := render.RateText(tc.rl); got != tc.want {
			t.Errorf("rateText(%+v) = %q, want %q", tc.rl, got, tc.want)
		}
	}
}

// The headline's verdict: a failure under 2xx says it failed, at both ends
// of the range and not past them.
func TestHeadlineVerdict(t *testing.T) {
	for status, want := range map[int]string{199: "not retryable", 200: "failed, not retryable", 299: "failed, not retryable", 300: "not retryable"} {
		d := explain.Diagnosis{Status: status, Failed: true, Outcome: explain.OutcomeFailed, RetryKnown: true}
		if got := render.Headline(&d); !strings.HasSuffix(got, "  "+want) {
			t.Errorf("status %d: %q, want it to end %q", status, got, want)
		}
	}
}

// The headline never says "not an error" unless the verdict is OK: with
// no status and nothing reported it says "status unknown".
func TestHeadlineOutcome(t *testing.T) {
	for _, tc := range []struct {
		d    explain.Diagnosis
		want string
	}{
		{explain.Diagnosis{Status: 200, Outcome: explain.OutcomeOK}, "200 OK  not an error"},
		{explain.Diagnosis{Outcome: explain.OutcomeUnknown}, "status unknown"},
		{explain.Diagnosis{Outcome: explain.OutcomeFailed, Failed: true}, "status unknown  failed"},
		{explain.Diagnosis{Status: 401, Outcome: explain.OutcomeFailed, Failed: true, Retryable: true, RetryKnown: true, RetryThen: "refresh the access token"}, "401  retryable once, after you refresh the access token"},
	} {
		if tc.d.Status == 200 {
			tc.d.Reason = "OK"
		}
		if got := render.Headline(&tc.d); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.d.Outcome, got, tc.want)
		}
	}
}

// What the response said beside the entry it was found under.
func TestAside(t *testing.T) {
	rng := &catalog.Entry{Code: "2200-2299", Kind: catalog.Range}
	grpc := &catalog.Entry{Code: "8", Token: "RESOURCE_EXHAUSTED"}
	stripe := &catalog.Entry{Code: "card_declined"}
	byStatus := &catalog.Entry{Code: "404"}
	for _, tc := range []struct {
		code, token string
		e           *catalog.Entry
		want        string
	}{
		{"2205", "", rng, "2205"}, // its own code within a range
		{"RATE_LIMIT_EXCEEDED", "RESOURCE_EXHAUSTED", grpc, "RATE_LIMIT_EXCEEDED"}, // a reason beside the status found
		{"X", "card_declined", stripe, "X"},                                        // the token is the entry's code
		{"card_declined", "card_error", stripe, "card_error"},                      // the kind beside the code
		{"card_declined", "", stripe, ""},
		{"card_declined", "card_declined", stripe, ""},
		{"whatever", "", byStatus, ""}, // found by the status: nothing to set beside it
		{"8", "RESOURCE_EXHAUSTED", grpc, ""},
	} {
		f := explain.Finding{Item: explain.Item{Code: tc.code, Token: tc.token}, Entry: tc.e}
		if got := render.Aside(f); got != tc.want {
			t.Errorf("code %q, token %q beside %s: %q, want %q", tc.code, tc.token, tc.e.Code, got, tc.want)
		}
	}
}
