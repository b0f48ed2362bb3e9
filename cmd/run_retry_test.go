package cmd

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/errcode-dev/errcode/explain"
)

func secs(n int) *int { return &n }

// A retryable verdict with nothing else said: the base of most rows' cases.
func retryable() *explain.Diagnosis {
	return &explain.Diagnosis{Failed: true, Retryable: true, RetryKnown: true, RetryRule: "R12", RetryReason: "HTTP 503 in general"}
}

// Each row of the retry table decides its case, and the cases of the rows
// before it are not taken by a later one: change a row and its case fails.
func TestRunRetryRows(t *testing.T) {
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	reset := now.Add(90 * time.Second)
	base := func(d *explain.Diagnosis) *runFacts {
		return &runFacts{d: d, attempt: 1, attempts: 4, maxWait: 60 * time.Second, now: now}
	}
	for _, tc := range []struct {
		rule  string
		facts *runFacts
		retry bool
		wait  time.Duration
		why   string
	}{
		{"T1", func() *runFacts { f := base(retryable()); f.interrupted = true; return f }(), false, 0, "interrupted"},
		{"T1", func() *runFacts { f := base(nil); f.interrupted = true; return f }(), false, 0, "interrupted"},
		{"T2", base(nil), false, 0, "nothing in the output that errcode can explain"},
		{"T3", base(&explain.Diagnosis{Failed: true, Retryable: true, RetryKnown: true, RetryRule: "R4", RetryThen: "refresh the access token"}), false, 0,
			"the verdict is to refresh the access token first, which errcode cannot do for the command"},
		{"T4", base(&explain.Diagnosis{Failed: true, RetryKnown: true, RetryRule: "R5", RetryReason: "emnify:1405 is not retryable"}), false, 0, "not retryable (emnify:1405 is not retryable)"},
		{"T5", base(&explain.Diagnosis{Failed: true, RetryRule: "R13"}), false, 0, "the failure does not say whether a retry can succeed"},
		{"T6", func() *runFacts { f := base(retryable()); f.attempt = 4; return f }(), false, 0, "retries exhausted"},
		{"T6", func() *runFacts { f := base(retryable()); f.attempts = 1; return f }(), false, 0, "retries exhausted"}, // --retry 0
		{"T7", func() *runFacts {
			d := retryable()
			d.RetryWait, d.RetryReason = secs(3600), "Retry-After header"
			return base(d)
		}(), false, 0, "the server asks for 3600s, more than --max-wait 60s"},
		{"T7", func() *runFacts { // a reset stated as a time, 90 s away
			d := retryable()
			d.RetryWaitIs, d.RateLimit = "reset", &explain.RateLimit{ResetAt: &reset}
			return base(d)
		}(), false, 0, "the server asks for 90s, more than --max-wait 60s"},
		{"T8", func() *runFacts {
			d := retryable()
			d.RetryWait, d.RetryReason = secs(30), "Retry-After header"
			return base(d)
		}(), true, 30 * time.Second, "Retry-After header"},
		{"T8", func() *runFacts { // exactly --max-wait is within it
			d := retryable()
			d.RetryWait, d.RetryWaitIs, d.RetryReason = secs(60), "reset", "x-ratelimit-remaining is 0"
			return base(d)
		}(), true, 60 * time.Second, "x-ratelimit-remaining is 0"},
		{"T8", func() *runFacts {
			d := retryable()
			d.RetryWaitIs, d.RateLimit = "reset", &explain.RateLimit{ResetAt: &reset}
			f := base(d)
			f.maxWait = 2 * time.Minute
			return f
		}(), true, 90 * time.Second, "HTTP 503 in general"},
		{"T9", base(retryable()), true, time.Second, "backoff: HTTP 503 in general"},
		{"T9", func() *runFacts { f := base(retryable()); f.attempt = 3; return f }(), true, 4 * time.Second, "backoff: HTTP 503 in general"},
		{"T9", func() *runFacts { f := base(retryable()); f.attempt, f.jitter = 2, 1; return f }(), true, 2400 * time.Millisecond, "backoff: HTTP 503 in general"},
		{"T9", func() *runFacts { f := base(retryable()); f.attempt, f.jitter = 2, -1; return f }(), true, 1600 * time.Millisecond, "backoff: HTTP 503 in general"},
		{"T9", func() *runFacts {
			f := base(retryable())
			f.attempt, f.attempts, f.maxWait = 9, 20, 10*time.Second
			return f
		}(), true, 10 * time.Second, "backoff: HTTP 503 in general"},
	} {
		s := decideRunRetry(tc.facts)
		if s.rule != tc.rule || s.retry != tc.retry || s.wait != tc.wait || s.why != tc.why {
			t.Errorf("%s: got %s retry=%v wait=%s %q; want retry=%v wait=%s %q", tc.rule, s.rule, s.retry, s.wait, s.why, tc.retry, tc.wait, tc.why)
		}
	}
}

// Every row has an id, in order, and words for the README.
func TestRunRetryRuleIDs(t *testing.T) {
	for i, r := range runRules {
		if want := "T" + strconv.Itoa(i+1); r.id != want || strings.TrimSpace(r.says) == "" {
			t.Errorf("row %d: %q %q, want id %s and words", i, r.id, r.says, want)
		}
	}
}

func TestWaitText(t *testing.T) {
	for d, want := range map[time.Duration]string{
		0: "0s", time.Second: "1s", 1200 * time.Millisecond: "1.2s", 1500 * time.Millisecond: "1.5s",
		30 * time.Second: "30s", 3600 * time.Second: "3600s", 12400 * time.Millisecond: "12s",
	} {
		if got := wait(d); got != want {
			t.Errorf("wait(%s) = %q, want %q", d, got, want)
		}
	}
}
