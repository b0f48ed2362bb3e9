package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Long output on a terminal goes through the pager; short output, a pipe,
// --no-pager and PAGER=cat do not.
func TestPager(t *testing.T) {
	paged := filepath.Join(t.TempDir(), "paged")
	run := func(env []string, args ...string) (string, bool) {
		os.Remove(paged)
		ios, _, out, errOut := Test(append([]string{"ERRCODE_PAGER=tee " + paged, "LINES=20"}, env...)...)
		ios.IsStdoutTTY = !strings.Contains(strings.Join(env, " "), "PIPE=1")
		if code := Run(ios, args); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		b, err := os.ReadFile(paged)
		if err == nil && string(b) != out.String() {
			t.Errorf("%v: the pager got %d bytes, the terminal %d", args, len(b), out.Len())
		}
		return out.String(), err == nil
	}
	if out, ok := run(nil, "list"); !ok || !strings.Contains(out, "http") {
		t.Errorf("list (158 lines) on a 20-line terminal was not paged")
	}
	if _, ok := run(nil, "list", "-c", "grpc"); ok {
		t.Errorf("list -c grpc (18 lines) was paged")
	}
	if out, ok := run(nil, "list", "--no-pager"); ok || !strings.Contains(out, "http") {
		t.Errorf("--no-pager: paged %v", ok)
	}
	if _, ok := run([]string{"PIPE=1"}, "list"); ok {
		t.Errorf("output to a pipe was paged")
	}
	if _, ok := run([]string{"ERRCODE_PAGER=", "PAGER=cat"}, "list"); ok {
		t.Errorf("PAGER=cat was paged")
	}
	// A pager that cannot start: the output is written directly.
	if out, _ := run([]string{"ERRCODE_PAGER=/nonexistent/pager"}, "list"); !strings.Contains(out, "http") {
		t.Errorf("with a missing pager the output was lost")
	}
	// The shell runs the pager, as git does: quotes and options work.
	if out, ok := run([]string{"ERRCODE_PAGER=tee '" + paged + "' | cat"}, "list"); !ok || !strings.Contains(out, "http") {
		t.Errorf("a quoted pager command with a pipeline did not run")
	}
}

// A pager that shows the output and exits non-zero (the user quit it, say)
// has shown it: errcode does not print it all again.
func TestPagerNeverPrintsTwice(t *testing.T) {
	paged := filepath.Join(t.TempDir(), "paged")
	ios, _, out, errOut := Test("ERRCODE_PAGER=cat > '"+paged+"'; exit 3", "LINES=20")
	ios.IsStdoutTTY = true
	if code := Run(ios, []string{"list"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if b, err := os.ReadFile(paged); err != nil || !strings.Contains(string(b), "http") {
		t.Fatalf("the pager did not get the output: %v", err)
	}
	if out.Len() != 0 {
		t.Errorf("after the pager exited 3, errcode printed %d bytes again", out.Len())
	}
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"version"}} {
		ios, _, out, _ := Test()
		if code := Run(ios, args); code != 0 || !strings.HasPrefix(out.String(), "errcode ") {
			t.Errorf("%v: exit %d, %q", args, code, out)
		}
	}
	version, commit, date = "1.2.3", "abcdef1234567890", "2026-11-22T10:00:00Z"
	defer func() { version, commit, date = "", "", "" }()
	if got := versionString(); got != "errcode 1.2.3 (commit abcdef123456, built 2026-11-22)" {
		t.Errorf("release version: %q", got)
	}
	commit, date = "none", "0001-01-01T00:00:00Z" // a snapshot without git information
	if got := versionString(); got != "errcode 1.2.3" {
		t.Errorf("snapshot version: %q", got)
	}
}
