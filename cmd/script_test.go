package cmd_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/errcode-dev/errcode/cmd"
	"github.com/errcode-dev/errcode/internal/testenv"
	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/script")

func TestMain(m *testing.M) {
	testscript.Main(isolated{m}, map[string]func(){
		// errcode run's retries do not wait in the scripts, and their
		// backoff has no jitter: each retry's line says the wait it would
		// have made, and the scripts check those lines.
		"errcode": func() { os.Exit(cmd.RunWithClock(cmd.System(), &noWait, os.Args[1:])) },
		// errcode-tty is errcode writing to a terminal $COLUMNS wide.
		"errcode-tty": func() { os.Exit(cmd.RunWithClock(cmd.TerminalSystem(), &noWait, os.Args[1:])) },
		// status runs a command with the script's streams and writes its
		// exit status to status.txt ("exit 7"): testscript's ! exec says
		// only that it failed, and errcode run passes a status through.
		"status": func() {
			c := exec.Command(os.Args[1], os.Args[2:]...)
			c.Stdin, c.Stdout, c.Stderr = os.Stdin, os.Stdout, os.Stderr
			_ = c.Run()
			if c.ProcessState == nil {
				os.Exit(100)
			}
			line := fmt.Sprintf("exit %d\n", c.ProcessState.ExitCode())
			if err := os.WriteFile("status.txt", []byte(line), 0o666); err != nil {
				os.Exit(101)
			}
		},
	})
}

// isolated runs the tests without the developer's environment (their
// catalogs, NO_COLOR, PAGER...: see internal/testenv), and fails them if
// they leave the built-in catalogs changed. Only the test
// process isolates itself: a command a script runs (testscript re-runs
// this binary as errcode) keeps the environment the script gives it.
type isolated struct{ m *testing.M }

func (i isolated) Run() int {
	cleanup, err := testenv.Isolate()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer cleanup()
	return testenv.KeepBuiltin(i.m.Run)
}

var noWait = cmd.Clock{
	Now:    time.Now,
	Sleep:  func(context.Context, time.Duration) {},
	Jitter: func() float64 { return 0 },
}

// TestScript runs the end-to-end scripts in testdata/script: the real
// command line, real bytes in and out. Run with -update to rewrite their
// golden files, then review the diff.
func TestScript(t *testing.T) {
	responses, err := filepath.Abs("testdata/responses")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		// $RESPONSES holds what real tools printed, $PROGRAMS what real
		// programs printed, $LOGS what real loggers wrote (see their
		// README.md).
		Setup: func(env *testscript.Env) error {
			env.Setenv("RESPONSES", responses)
			env.Setenv("PROGRAMS", filepath.Join(filepath.Dir(responses), "programs"))
			env.Setenv("LOGS", filepath.Join(filepath.Dir(responses), "logs"))
			return nil
		},
		Cmds:                map[string]func(*testscript.TestScript, bool, []string){"serve": serveReplies},
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
	})
}
