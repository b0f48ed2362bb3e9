package cmd

import (
	"bytes"
	"context"
	"errors"
	"os"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The capture keeps the head and the tail, and nothing else, however the
// writes fall.
func TestCaptureKeepsHeadAndTail(t *testing.T) {
	var all bytes.Buffer
	for i := range 1000 {
		all.WriteString(strings.Repeat(string(rune('a'+i%26)), i%7) + "\n")
	}
	in := all.Bytes()
	for _, chunk := range []int{1, 3, 64, 100, 4096} {
		c := newCapture(100, 50)
		for p := in; len(p) > 0; {
			n := min(chunk, len(p))
			c.Write(p[:n])
			p = p[n:]
		}
		if len(c.head) != 100 || !bytes.Equal(c.head, in[:100]) {
			t.Errorf("chunk %d: head %q", chunk, c.head)
		}
		if cap(c.head) > 100 || len(c.tail) != 50 {
			t.Errorf("chunk %d: head capacity %d, tail %d: more than the bounds", chunk, cap(c.head), len(c.tail))
		}
		data, cut := c.kept()
		tail := in[len(in)-50:]
		tail = tail[bytes.IndexByte(tail, '\n')+1:] // from its first whole line
		want := append(append(append([]byte{}, in[:100]...), '\n'), tail...)
		if !cut || !bytes.Equal(data, want) {
			t.Errorf("chunk %d: kept %q (cut %v), want %q", chunk, data, cut, want)
		}
		if n, last := c.written(); n != int64(len(in)) || last != '\n' {
			t.Errorf("chunk %d: written %d, last %q", chunk, n, last)
		}
	}
	// Output within the bounds is kept whole, in order.
	c := newCapture(100, 50)
	c.Write(in[:120])
	if data, cut := c.kept(); cut || !bytes.Equal(data, in[:120]) {
		t.Errorf("120 bytes: kept %q, cut %v", data, cut)
	}
}

// A command printing far more than the bound: errcode passes all of it
// through and keeps only the bound.
func TestRunKeepsBoundedOutput(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("sh")
	}
	ios, _, out, errOut := Test("PATH=" + os.Getenv("PATH"))
	opts := &runOptions{IO: ios, Index: (&Factory{IO: ios}).Index, Renderer: (&Factory{IO: ios, Color: colorAuto}).ErrRenderer, Clock: Clock{Now: time.Now, Sleep: func(context.Context, time.Duration) {}, Jitter: func() float64 { return 0 }},
		// 8 MiB of lines, then how it ended.
		Args:    []string{"sh", "-c", `yes 0123456789abcdef0123456789abcdef | head -c 8388608; echo "curl: (56) Recv failure: Connection reset by peer" >&2; exit 56`},
		headMax: captureHead, tailMax: captureTail, MaxWait: time.Minute, signals: make(chan os.Signal)}
	a, err := runAttempt(opts, newSupervisor(opts.signals))
	if err != nil {
		t.Fatal(err)
	}
	if out.Len() != 8<<20 {
		t.Errorf("passed through %d bytes, want all 8 MiB", out.Len())
	}
	if cap(a.out.head) != captureHead || len(a.out.tail) != captureTail {
		t.Errorf("kept a head of %d and a tail of %d bytes; the bound is %d and %d", cap(a.out.head), len(a.out.tail), captureHead, captureTail)
	}
	for _, c := range []*capture{a.stdout, a.stderr} {
		if cap(c.head) > captureHead || len(c.tail) > captureTail {
			t.Errorf("a stream's own capture holds %d and %d bytes; the bound is %d and %d", cap(c.head), len(c.tail), captureHead, captureTail)
		}
	}
	// Two pipes do not keep the order of their writes: the line is in the
	// merged tail, and at the end of standard error's own capture.
	data, cut := a.out.kept()
	errData, _ := a.stderr.kept()
	line := []byte("curl: (56) Recv failure: Connection reset by peer\n")
	if !cut || len(data) > captureHead+captureTail+1 || !bytes.Contains(data[len(data)-captureTail:], line) || !bytes.HasSuffix(errData, line) {
		t.Errorf("kept %d bytes (cut %v), ending %q", len(data), cut, data[max(0, len(data)-80):])
	}
	r := explainAttempt(opts, a)
	if r.d == nil || r.d.Findings[0].Code != "56" || !r.t.Truncated {
		t.Fatalf("the failure at the end of 8 MiB was not read: %+v", r.d)
	}
	if err := reportFailure(opts, a, r, 1, runStep{rule: "T6"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errOut.String(), "errcode kept the first 1 MiB and the last 1 MiB of 8 MiB") {
		t.Errorf("the card does not say what was kept:\n%s", errOut)
	}
}

// SIGTERM sent to errcode reaches the command; errcode waits and exits with
// the command's status, and does not retry.
func TestRunForwardsSignals(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("signals")
	}
	dir := t.TempDir()
	ready := dir + "/ready"
	ios, _, out, errOut := Test("PATH=" + os.Getenv("PATH"))
	sigs := make(chan os.Signal, 1)
	opts := &runOptions{IO: ios, Index: (&Factory{IO: ios}).Index, Renderer: (&Factory{IO: ios, Color: colorAuto}).ErrRenderer, Clock: Clock{Now: time.Now, Sleep: func(context.Context, time.Duration) {}, Jitter: func() float64 { return 0 }},
		Args:  []string{"sh", "-c", `trap 'echo got TERM; exit 143' TERM; touch "$0"; while :; do sleep 0.05; done`, ready},
		Retry: 3, MaxWait: time.Minute, headMax: 1 << 10, tailMax: 1 << 10, signals: sigs}
	go func() {
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
			if _, err := os.Stat(ready); err == nil {
				sigs <- syscall.SIGTERM
				return
			}
		}
	}()
	err := runRun(opts)
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != 143 || ee.msg != "" {
		t.Fatalf("runRun: %v, want the command's status 143 and no message", err)
	}
	if out.String() != "got TERM\n" || errOut.Len() != 0 {
		t.Errorf("stdout %q, stderr %q: want the command's output and nothing of errcode's", out, errOut)
	}
}

// A signal during the wait before a retry ends the wait and the run.
func TestRunInterruptedWhileWaiting(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("sh")
	}
	ios, _, _, errOut := Test("PATH=" + os.Getenv("PATH"))
	sigs := make(chan os.Signal, 1)
	slept := make(chan time.Duration, 1)
	clock := Clock{Now: time.Now, Jitter: func() float64 { return 0 },
		Sleep: func(ctx context.Context, d time.Duration) {
			slept <- d
			<-ctx.Done() // waits until the signal cuts it short
		}}
	go func() { <-slept; sigs <- syscall.SIGINT }()
	opts := &runOptions{IO: ios, Index: (&Factory{IO: ios}).Index, Renderer: (&Factory{IO: ios, Color: colorAuto}).ErrRenderer, Clock: clock,
		Args:  []string{"sh", "-c", `echo "curl: (28) Operation timed out after 1001 milliseconds with 0 bytes received" >&2; exit 28`},
		Retry: 3, MaxWait: time.Minute, headMax: 1 << 10, tailMax: 1 << 10, signals: sigs}
	err := runRun(opts)
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != 130 {
		t.Fatalf("runRun: %v, want 130 (128+SIGINT)", err)
	}
	if !strings.Contains(errOut.String(), "errcode: retrying in 1s (backoff: curl:28 is retryable), attempt 2 of 4\nerrcode: interrupted while waiting to retry (interrupt)\n") {
		t.Errorf("stderr:\n%s", errOut)
	}
}

// A program's error body on stdout that arrived after its traceback on
// stderr is still read: stdout, then stderr, when the arrival order holds
// no failure.
func TestRunReadsStdoutFirstWhenArrivalHidesIt(t *testing.T) {
	ios, _, _, _ := Test()
	opts := &runOptions{IO: ios, Index: (&Factory{IO: ios}).Index, Args: []string{"python3", "sync.py"}, headMax: 1 << 10, tailMax: 1 << 10}
	body := "{\"error\": {\"code\": \"rate_limit_exceeded\", \"message\": \"Rate limit reached\"}}\n"
	trace := "Traceback (most recent call last):\n  File \"sync.py\", line 12, in <module>\nRuntimeError: sync failed\n"
	a := &attempt{status: 1, out: newCapture(1<<10, 1<<10), stdout: newCapture(1<<10, 1<<10), stderr: newCapture(1<<10, 1<<10)}
	a.out.Write([]byte(trace + body)) // the order two pipes happened to give
	a.stderr.Write([]byte(trace))
	a.stdout.Write([]byte(body))
	r := explainAttempt(opts, a)
	if r.d == nil || len(r.d.Findings) == 0 || r.d.Findings[0].Code != "rate_limit_exceeded" || !r.d.Retryable {
		t.Fatalf("the error body was not read: %+v", r.d)
	}
	// A traceback and nothing else is the program's failure, its exception
	// the error.
	a = &attempt{status: 1, out: newCapture(1<<10, 1<<10), stdout: newCapture(1<<10, 1<<10), stderr: newCapture(1<<10, 1<<10)}
	a.out.Write([]byte(trace + "done\n"))
	a.stderr.Write([]byte(trace))
	a.stdout.Write([]byte("done\n"))
	if r := explainAttempt(opts, a); r.d == nil || len(r.d.Findings) != 1 || r.d.Findings[0].Message != "RuntimeError: sync failed" {
		t.Errorf("a bare traceback: %+v", r.d)
	}
}
