package cmd

import (
	"cmp"
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/errcode-dev/errcode/explain"
)

// errcode run's retry policy, as a decision table in the style of
// explain's verdicts: the first row whose condition holds decides, and
// says why. It does not decide whether a failure is retryable: explain's
// Retry table (R1-R13) did, and these rows follow its verdict (Retryable,
// RetryKnown, RetryThen, RetryWait). They add only what running again
// needs: attempts left, how long to wait, and --max-wait. The README's
// "Explaining a failed command" lists the same rows (run_readme_test.go).

// runFacts are what the rows read, after an attempt failed.
type runFacts struct {
	d           *explain.Diagnosis // the failure errcode read; nil when it read none
	interrupted bool               // errcode was sent SIGINT or SIGTERM during the attempt
	attempt     int                // the attempt that failed, from 1
	attempts    int                // 1 + --retry
	maxWait     time.Duration
	now         time.Time // for a rate-limit reset stated as a time
	jitter      float64   // in [-1, 1]: where in ±20% this backoff falls
}

// runStep is a row's decision.
type runStep struct {
	rule  string
	retry bool
	wait  time.Duration
	why   string // for the line on stderr
}

type runRule struct {
	id, says string
	decide   func(f *runFacts) (runStep, bool)
}

// Backoff, when nothing names a wait: backoffBase, doubling each attempt,
// varied by up to backoffJitter either way so that many clients that
// failed together do not retry together.
const (
	backoffBase   = time.Second
	backoffJitter = 0.2
)

var runRules = []runRule{
	{"T1", "errcode was interrupted (SIGINT or SIGTERM, passed on to the command): stop", func(f *runFacts) (runStep, bool) {
		return runStep{why: "interrupted"}, f.interrupted
	}},
	{"T2", "nothing in the output is a failure errcode can read: stop (no verdict to follow)", func(f *runFacts) (runStep, bool) {
		return runStep{why: "nothing in the output that errcode can explain"}, f.d == nil
	}},
	{"T3", "the verdict says to do something first (R4: refresh the access token): stop, errcode cannot do it for the command", func(f *runFacts) (runStep, bool) {
		return runStep{why: "the verdict is to " + f.d.RetryThen + " first, which errcode cannot do for the command"}, f.d.Retryable && f.d.RetryThen != ""
	}},
	{"T4", "the verdict is not retryable: stop", func(f *runFacts) (runStep, bool) {
		return runStep{why: "not retryable (" + f.d.RetryReason + ")"}, f.d.RetryKnown && !f.d.Retryable
	}},
	{"T5", "the verdict does not say (R13): stop, errcode retries only when the failure says it may", func(f *runFacts) (runStep, bool) {
		return runStep{why: "the failure does not say whether a retry can succeed"}, !f.d.Retryable
	}},
	{"T6", "no attempts left (--retry N): stop", func(f *runFacts) (runStep, bool) {
		return runStep{why: "retries exhausted"}, f.attempt >= f.attempts
	}},
	{"T7", "the server names a wait (explain's RetryWait: Retry-After, the body's wait, the rate-limit reset) longer than --max-wait: stop rather than retry early", func(f *runFacts) (runStep, bool) {
		w, ok := namedWait(f)
		return runStep{why: fmt.Sprintf("the server asks for %s, more than --max-wait %s", wait(w), wait(f.maxWait))}, ok && w > f.maxWait
	}},
	{"T8", "the server names a wait within --max-wait: retry after it", func(f *runFacts) (runStep, bool) {
		w, ok := namedWait(f)
		return runStep{retry: true, wait: w, why: f.d.RetryReason}, ok
	}},
	{"T9", "retryable, no wait named: exponential backoff with jitter (1s, 2s, 4s... ±20%), at most --max-wait", func(f *runFacts) (runStep, bool) {
		w := backoffBase * time.Duration(1<<min(f.attempt-1, 30))
		w = time.Duration(float64(w) * (1 + backoffJitter*math.Max(-1, math.Min(1, f.jitter))))
		return runStep{retry: true, wait: min(w, f.maxWait), why: "backoff: " + cmp.Or(f.d.RetryReason, "retryable")}, true
	}},
}

// namedWait is the wait the verdict names: seconds (Retry-After, a body's
// wait, a rate-limit reset in seconds), or a reset stated as a time,
// measured from now.
func namedWait(f *runFacts) (time.Duration, bool) {
	d := f.d
	if d.RetryWait != nil {
		return time.Duration(*d.RetryWait) * time.Second, true
	}
	if d.RetryWaitIs == "reset" && d.RateLimit != nil && d.RateLimit.ResetAt != nil {
		return max(0, d.RateLimit.ResetAt.Sub(f.now)), true
	}
	return 0, false
}

func decideRunRetry(f *runFacts) runStep {
	for _, r := range runRules {
		if s, ok := r.decide(f); ok {
			s.rule = r.id
			return s
		}
	}
	return runStep{} // not reached: T9 always decides
}

// wait is a duration as the lines on stderr say it, in seconds as
// Retry-After does: 30s, 1.2s, 3600s.
func wait(d time.Duration) string {
	if d < 10*time.Second && d%time.Second != 0 {
		return strconv.FormatFloat(d.Seconds(), 'f', 1, 64) + "s"
	}
	return strconv.FormatInt(int64(d.Round(time.Second)/time.Second), 10) + "s"
}
