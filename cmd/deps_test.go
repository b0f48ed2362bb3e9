package cmd_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// Generator-only code stays out of the binary: go-md2man (man pages come
// from internal/docgen), cobra/doc, the test helpers (internal/testenv)
// and the built-in catalogs' code generator; so do
// packages whose initialisation detects the terminal (lipgloss v2 reads
// terminfo and runs `tmux info`; errcode uses lipgloss v1) and crypto
// (Go's FIPS packages initialise at every start). The YAML parser is
// linked, for user catalogs, but runs only when there are some. The MCP
// server, its SDK and the schemas live in errcode-mcp: linked here they
// cost every start (README, "Speed").
func TestBinaryLeavesOutGenerators(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "github.com/errcode-dev/errcode").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, pkg := range strings.Fields(string(out)) {
		for _, banned := range []string{"github.com/spf13/cobra/doc", "github.com/cpuguy83/go-md2man", "github.com/errcode-dev/errcode/catalog/internal", "github.com/errcode-dev/errcode/internal/docgen", "github.com/errcode-dev/errcode/internal/testenv", "charm.land/lipgloss/v2", "crypto",
			"github.com/modelcontextprotocol/go-sdk", "github.com/google/jsonschema-go", "github.com/errcode-dev/errcode/internal/mcpserver", "github.com/errcode-dev/errcode/schemas"} {
			if pkg == banned || strings.HasPrefix(pkg, banned+"/") {
				t.Errorf("the errcode binary links %s", pkg)
			}
		}
	}
}

// Nothing of errcode's own runs at start-up: no package of it has
// initialisation work (compiled regexps, maps, computed tables), so the
// binary starts as fast as its libraries let it. GODEBUG=inittrace=1 lists
// every package whose initialisation did something.
func TestNoInitWork(t *testing.T) {
	bin := binary(t)
	cmd := exec.Command(bin, "lookup", "1405")
	cmd.Env = append(cmd.Environ(), "GODEBUG=inittrace=1")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("errcode lookup 1405: %v\n%s", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "init ") {
		t.Fatal("GODEBUG=inittrace=1 printed nothing: cannot check")
	}
	for _, line := range strings.Split(stderr.String(), "\n") {
		if strings.HasPrefix(line, "init github.com/errcode-dev/errcode") {
			t.Errorf("work at start-up: %s", line)
		}
	}
}

var built struct {
	once sync.Once
	path string
	err  error
	out  []byte
}

// binary builds errcode once for the tests that need a real process.
func binary(t *testing.T) string {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	built.once.Do(func() {
		dir, err := os.MkdirTemp("", "errcode-test")
		if err != nil {
			built.err = err
			return
		}
		built.path = filepath.Join(dir, "errcode")
		built.out, built.err = exec.Command("go", "build", "-o", built.path, "github.com/errcode-dev/errcode").CombinedOutput()
	})
	if built.err != nil {
		t.Fatalf("go build: %v\n%s", built.err, built.out)
	}
	return built.path
}

// errcode ... | head -1 ends quietly, and the same way for text and JSON:
// no "broken pipe" on stderr and exit 0 (not 141, SIGPIPE's), whether or
// not the shell ignores SIGPIPE.
func TestBrokenPipeIsQuiet(t *testing.T) {
	bin := binary(t)
	// These are larger than a pipe's buffer, so errcode is still writing
	// when head has gone.
	for _, script := range []string{
		`"$ERRCODE" list --json`,
		`trap '' PIPE; "$ERRCODE" list --json`,
		`"$ERRCODE" list --json --color always`,
		`"$ERRCODE" lookup a -n 0 --json`,
		`"$ERRCODE" lookup a -n 0`,
		`"$ERRCODE" list --color always`,
	} {
		// The status errcode exits with, not head's: status.txt.
		status := filepath.Join(t.TempDir(), "status.txt")
		cmd := exec.Command("sh", "-c", `{ `+script+`; echo $? >"$STATUS"; } | head -c 10`)
		cmd.Env = append(os.Environ(), "ERRCODE="+bin, "STATUS="+status)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		out, _ := cmd.Output()
		code, _ := os.ReadFile(status)
		if stderr.Len() > 0 || len(out) == 0 || string(code) != "0\n" {
			t.Errorf("%s | head: exit %q, stdout %q, stderr %q", script, code, out, stderr.String())
		}
	}
}

// On a terminal inside tmux, errcode styles its output without running
// anything: no `tmux info` (colour detection done by a subprocess), no
// query of the terminal. A tmux that records being run stands first on
// PATH; script(1) gives errcode a terminal.
func TestNoSubprocessOnATerminal(t *testing.T) {
	bin := binary(t)
	script, err := exec.LookPath("script")
	if err != nil {
		t.Skip("needs script(1) (Debian: bsdutils) for a terminal")
	}
	dir := t.TempDir()
	marker := filepath.Join(dir, "ran")
	fake := "#!/bin/sh\necho \"$@\" >>" + marker + "\n"
	for _, name := range []string{"tmux", "infocmp", "tput"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(fake), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(script, "-qec", bin+" lookup 1405", "/dev/null")
	cmd.Env = append(os.Environ(), "PATH="+dir+":"+os.Getenv("PATH"), "TMUX=/tmp/tmux-0/default,1,0",
		"TERM=tmux-256color", "COLORTERM=", "NO_COLOR=", "CLICOLOR_FORCE=", "ERRCODE_PAGER=cat")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("script: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "\x1b[") || !strings.Contains(string(out), "emnify:1405") {
		t.Fatalf("errcode did not style its output on the terminal, so this proves nothing:\n%q", out)
	}
	if ran, err := os.ReadFile(marker); err == nil {
		t.Errorf("errcode ran a subprocess at start-up: %s", ran)
	}
}
