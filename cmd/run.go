package cmd

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/explain"
	"github.com/errcode-dev/errcode/render"
	"github.com/spf13/cobra"
)

type runOptions struct {
	IO       *IOStreams
	Index    func() *catalog.Index
	Renderer func() *render.Renderer // on stderr
	Clock    Clock

	Args    []string
	Retry   int
	MaxWait time.Duration
	JSON    bool

	signals          chan os.Signal // nil: the process's own; tests give theirs
	headMax, tailMax int            // what is kept of the output (captureHead, captureTail)
}

func newRunCmd(f *Factory, runF func(*runOptions) error) *cobra.Command {
	opts := &runOptions{IO: f.IO, Index: f.Index, Renderer: f.ErrRenderer, MaxWait: 60 * time.Second, headMax: captureHead, tailMax: captureTail}
	cmd := &cobra.Command{
		Use:   "run [flags] -- CMD [ARG...]",
		Short: "Run a command and explain it when it fails",
		Long: `Run CMD with its standard input, output and error passed through unchanged,
keeping the first and last MiB of its output. When it exits 0, errcode says
nothing. When it fails, errcode explains the failure from that output, as
'errcode explain' would, on standard error (standard output stays the
command's), and exits with the command's own status (128+N for signal N).
When there is nothing in the output errcode can read, it says so in one line.

For curl, the exit status is itself a diagnosis: 'curl -s' prints nothing when
a request fails, and its exit status N is explained as curl's error N.

With --retry N, errcode runs CMD again, at most N more times, while the
failure is retryable by the verdict 'errcode explain' gives: after the wait
the server names (Retry-After, a rate-limit reset), else after exponential
backoff with jitter (1s, 2s, 4s... ±20%). No wait is longer than --max-wait: a
server that asks for more is not retried early; errcode stops and says so.
Each retry, and why errcode stopped, is a line on standard error.

SIGINT and SIGTERM are passed on to CMD, and errcode waits for it to exit. A
command that cannot be found exits 127, as in a shell.`,
		Example: `  errcode run -- curl -sf https://api.example.com/v1/things
  errcode run -- curl -si --fail-with-body https://api.example.com/v1/things > response.txt
  errcode run --retry 3 -- python3 sync.py
  errcode run --retry 5 --max-wait 2m -- ./deploy.sh
  errcode run --json -- curl -s https://api.example.com/v1/things 2>diagnosis.log`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageErrorf("no command to run: give one after --, e.g. errcode run -- curl -sf URL")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Args = args
			if opts.Retry < 0 {
				return usageErrorf("--retry %d: give a number of retries, 0 or more", opts.Retry)
			}
			if opts.MaxWait < 0 {
				return usageErrorf("--max-wait %s: give a duration, 0 or more (60s, 2m)", opts.MaxWait)
			}
			opts.Clock = f.clock()
			if runF != nil {
				return runF(opts)
			}
			return runRun(opts)
		},
	}
	// Flags after CMD are CMD's: errcode run curl -s URL works without --.
	cmd.Flags().SetInterspersed(false)
	cmd.Flags().IntVar(&opts.Retry, "retry", 0, "run the command again up to `N` more times while its failure is retryable")
	cmd.Flags().DurationVar(&opts.MaxWait, "max-wait", opts.MaxWait, "wait at most `D` before a retry; stop when the server asks for longer")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the diagnosis as JSON, on one line, last on stderr")
	return cmd
}

// attempt is how one run of the command ended.
type attempt struct {
	status      int      // the exit status errcode passes on: 128+N for signal N
	signal      int      // the signal that ended it, 0 if none
	out         *capture // stdout and stderr as they arrived
	stdout      *capture // each alone, for when the arrival order hid the failure
	stderr      *capture
	interrupted bool // errcode was sent SIGINT or SIGTERM while it ran
	errTail     byte // the last byte the command wrote to stderr, 0 if none
}

func runRun(opts *runOptions) error {
	sup := newSupervisor(opts.signals)
	defer sup.stop()
	attempts := 1 + opts.Retry
	for n := 1; ; n++ {
		a, err := runAttempt(opts, sup)
		if err != nil {
			return err
		}
		if a.status == 0 {
			return nil
		}
		r := explainAttempt(opts, a)
		step := decideRunRetry(&runFacts{d: r.d, interrupted: a.interrupted, attempt: n, attempts: attempts,
			maxWait: opts.MaxWait, now: opts.Clock.Now(), jitter: opts.Clock.Jitter()})
		newLine(opts, a)
		if step.retry {
			fmt.Fprintf(opts.IO.ErrOut, "errcode: retrying in %s (%s), attempt %d of %d\n", wait(step.wait), render.Scrub(step.why), n+1, attempts)
			if sig := sup.sleep(opts.Clock, step.wait); sig != nil {
				fmt.Fprintf(opts.IO.ErrOut, "errcode: interrupted while waiting to retry (%s)\n", sig)
				return &exitError{code: 128 + signalNumber(sig)}
			}
			continue
		}
		if step.rule == "T1" {
			return &exitError{code: a.status} // the user stopped it: no card to read
		}
		if opts.Retry > 0 {
			fmt.Fprintf(opts.IO.ErrOut, "errcode: stopped after attempt %d of %d: %s\n", n, attempts, render.Scrub(step.why))
		}
		if err := reportFailure(opts, a, r, n, step); err != nil {
			return err
		}
		return &exitError{code: a.status}
	}
}

// runAttempt runs the command once, passing its streams through and
// keeping what capture keeps of its output.
func runAttempt(opts *runOptions, sup *supervisor) (*attempt, error) {
	if sig := sup.received(); sig != nil {
		return nil, &exitError{code: 128 + signalNumber(sig)} // sent before a retry could start
	}
	c := exec.Command(opts.Args[0], opts.Args[1:]...)
	if c.Err != nil {
		return nil, startError(opts.Args[0], c.Err)
	}
	out := newCapture(opts.headMax, opts.tailMax)
	stdout, stderr := newCapture(opts.headMax, opts.tailMax), newCapture(opts.headMax, opts.tailMax)
	errs := &lastByte{w: io.MultiWriter(opts.IO.ErrOut, out, stderr)}
	c.Stdin, c.Stdout, c.Stderr = opts.IO.In, io.MultiWriter(opts.IO.Out, out, stdout), errs
	c.Env = opts.IO.Environ
	// A command that leaves a background process holding its output open
	// has still ended: read on for a moment, then stop waiting.
	c.WaitDelay = 2 * time.Second
	if err := sup.start(c); err != nil {
		return nil, startError(opts.Args[0], err)
	}
	err := c.Wait()
	interrupted := sup.done()
	a := &attempt{out: out, stdout: stdout, stderr: stderr, interrupted: interrupted, errTail: errs.last}
	ps := c.ProcessState
	if ps == nil {
		return nil, usageErrorf("running %s: %v: run it alone to see why it did not run", opts.Args[0], err)
	}
	if ws, ok := ps.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		a.signal = int(ws.Signal())
		a.status = 128 + a.signal
	} else {
		a.status = ps.ExitCode()
	}
	return a, nil
}

// startError is a command that could not be started, as a shell says it:
// 127 when there is no such command, 126 when it cannot be run.
func startError(name string, err error) error {
	name = render.Scrub(name)
	switch {
	case errors.Is(err, exec.ErrNotFound), errors.Is(err, fs.ErrNotExist):
		return &exitError{code: 127, msg: fmt.Sprintf("%s: command not found: check its name, or give its path", name)}
	case errors.Is(err, exec.ErrDot):
		return &exitError{code: 127, msg: fmt.Sprintf("%s: found only in the current directory, which $PATH names: give its path (./%s)", name, name)}
	case errors.Is(err, fs.ErrPermission):
		return &exitError{code: 126, msg: fmt.Sprintf("%s: permission denied: check that it is an executable file (chmod +x)", name)}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &exitError{code: 126, msg: fmt.Sprintf("cannot run %s: %v", name, err)}
}

// runReading is what errcode read of a failed attempt's output.
type runReading struct {
	t   *explain.Transcript
	d   *explain.Diagnosis // the last failure in it; nil when there is none
	log bool               // the output is a log: d is its most actionable error
}

// explainAttempt reads the output as errcode explain reads its input,
// adding, for curl, the failure its exit status states. It reads stdout and
// stderr as they arrived (what 2>&1 gives explain), and, when that holds no
// failure, stdout and then stderr: two pipes cannot say which of two writes
// came first, and a program's error body on stdout read after its stack
// trace on stderr is a body no longer.
func explainAttempt(opts *runOptions, a *attempt) runReading {
	data, cut := a.out.kept()
	r := readAttempt(opts, a, data, cut)
	if r.d != nil {
		return r
	}
	if n, _ := a.stdout.written(); n == 0 {
		return r
	}
	if n, _ := a.stderr.written(); n == 0 {
		return r
	}
	out, outCut := a.stdout.kept()
	errs, errCut := a.stderr.kept()
	if len(out) > 0 && out[len(out)-1] != '\n' {
		out = append(out, '\n')
	}
	if again := readAttempt(opts, a, append(out, errs...), outCut || errCut); again.d != nil {
		return again
	}
	return r
}

func readAttempt(opts *runOptions, a *attempt, data []byte, cut bool) runReading {
	if r, ok := readLogAttempt(opts, data, cut); ok {
		return r
	}
	t := explain.Parse(data, cut)
	if commandName(opts.Args[0]) == "curl" && a.signal == 0 {
		t.CurlExit(a.status)
	}
	r := runReading{t: t}
	ix := opts.Index()
	for _, ex := range t.Exchanges {
		if d := explain.Diagnose(ex, ix, explain.Options{}); d.Failed {
			r.d = &d
		}
	}
	return r
}

// readLogAttempt reads output that is a log as explain reads a log: its
// error records grouped, most actionable first. The first group is the
// failure: if anything in the log cannot be fixed by retrying, a retry
// will not help.
func readLogAttempt(opts *runOptions, data []byte, cut bool) (runReading, bool) {
	if !explain.LooksLog(data[:min(len(data), explain.LogSniff)]) {
		return runReading{}, false
	}
	rep, err := explain.ExplainLog(bytes.NewReader(data), opts.Index(), explain.Options{})
	if err != nil || len(rep.Groups) == 0 {
		return runReading{}, false // no error records: read as any output
	}
	format := rep.Format + " record"
	if n := len(rep.Groups) + rep.GroupsOmitted; n > 1 {
		format += fmt.Sprintf(", the most actionable of %d distinct errors (errcode explain on the output shows each)", n)
	}
	return runReading{t: &explain.Transcript{Format: format, Truncated: cut}, d: &rep.Groups[0].Diagnosis, log: true}, true
}

// commandName is the command's base name, the only part of its command
// line errcode repeats: its arguments may hold credentials (curl -u, -H
// "Authorization: ...", a URL's api_key).
func commandName(arg0 string) string {
	return strings.TrimSuffix(filepath.Base(arg0), ".exe")
}

// ended says how the command ended: "exited with status 3", "was killed
// by signal 15 (terminated)".
func ended(a *attempt) string {
	if a.signal != 0 {
		return fmt.Sprintf("was killed by signal %d (%s)", a.signal, syscall.Signal(a.signal))
	}
	return fmt.Sprintf("exited with status %d", a.status)
}

// newLine starts errcode's lines on a line of their own, after a command
// whose last output on stderr (or on a terminal both share) did not end one.
func newLine(opts *runOptions, a *attempt) {
	n, last := a.out.written()
	shared := opts.IO.IsStdoutTTY && opts.IO.IsStderrTTY && n > 0 && last != '\n'
	if (a.errTail != 0 && a.errTail != '\n') || shared {
		fmt.Fprintln(opts.IO.ErrOut)
	}
}

// reportFailure writes the diagnosis of the last attempt on stderr: a card,
// one line when there is nothing to explain, or JSON.
func reportFailure(opts *runOptions, a *attempt, r runReading, attempts int, step runStep) error {
	name := render.Scrub(commandName(opts.Args[0]))
	n, _ := a.out.written()
	in := render.ExplainInput{D: r.d, Format: r.t.Format, Truncated: r.t.Truncated,
		Command: name + " " + ended(a)}
	if r.log {
		in.NotesLabel = "Log said"
	}
	if r.t.Truncated {
		in.Cut = cutNote(opts.headMax, opts.tailMax, n)
	}
	if opts.JSON {
		j := render.RunJSON{Command: commandName(opts.Args[0]), ExitStatus: a.status, Attempts: attempts,
			Stopped: render.StopJSON{Rule: step.rule, Reason: step.why}, Output: render.OutputJSON{Bytes: n, Cut: r.t.Truncated}}
		if a.signal != 0 {
			j.Signal = &a.signal
		}
		if r.d != nil {
			dj := render.Diagnosis(in)
			j.Diagnosis = &dj
		}
		return render.JSONLine(opts.IO.ErrOut, j)
	}
	if r.d == nil {
		_, err := fmt.Fprintf(opts.IO.ErrOut, "errcode: %s %s; nothing in its output that errcode can explain\n", name, ended(a))
		return err
	}
	return opts.Renderer().Explain(in)
}

// lastByte passes writes through and remembers the last byte written.
type lastByte struct {
	w    io.Writer
	last byte
}

func (l *lastByte) Write(p []byte) (int, error) {
	if len(p) > 0 {
		l.last = p[len(p)-1]
	}
	return l.w.Write(p)
}

// supervisor passes the signals errcode is sent on to the running command,
// and cuts short a wait between attempts.
type supervisor struct {
	mu      sync.Mutex
	ch      chan os.Signal
	own     bool // ch is errcode's own, registered with signal.Notify
	quit    chan struct{}
	proc    *os.Process
	got     os.Signal          // the last signal sent to errcode
	during  bool               // one arrived while the command ran
	waiting context.CancelFunc // ends the wait between attempts
}

func newSupervisor(ch chan os.Signal) *supervisor {
	s := &supervisor{ch: ch, quit: make(chan struct{})}
	if ch == nil {
		s.ch, s.own = make(chan os.Signal, 4), true
		signal.Notify(s.ch, forwardedSignals...)
	}
	go s.loop()
	return s
}

func (s *supervisor) loop() {
	for {
		select {
		case sig := <-s.ch:
			s.mu.Lock()
			s.got = sig
			if s.proc != nil {
				s.during = true
				forward(s.proc, sig)
			}
			if s.waiting != nil {
				s.waiting()
			}
			s.mu.Unlock()
		case <-s.quit:
			return
		}
	}
}

func (s *supervisor) stop() {
	if s.own {
		signal.Stop(s.ch)
	}
	close(s.quit)
}

// start starts c; signals from now on go to it.
func (s *supervisor) start(c *exec.Cmd) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := c.Start(); err != nil {
		return err
	}
	s.proc, s.during = c.Process, false
	return nil
}

// done: the command has exited; it reports whether a signal came while
// it ran.
func (s *supervisor) done() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.proc = nil
	return s.during
}

func (s *supervisor) received() os.Signal {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.got
}

// sleep waits d by the clock, and returns the signal that cut it short,
// if one did.
func (s *supervisor) sleep(c Clock, d time.Duration) os.Signal {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s.mu.Lock()
	if s.got != nil {
		s.mu.Unlock()
		return s.got
	}
	s.waiting = cancel
	s.mu.Unlock()
	c.Sleep(ctx, d)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.waiting = nil
	return s.got
}

// signalNumber is sig's number, for the 128+N exit status.
func signalNumber(sig os.Signal) int {
	if n, ok := sig.(syscall.Signal); ok {
		return int(n)
	}
	return 2 // os.Interrupt where signals have no numbers
}
