package cmd

import (
	"slices"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/internal/answer"
)

// Flags and arguments become the options struct, without running anything.
func TestLookupFlags(t *testing.T) {
	for _, tc := range []struct {
		args     []string
		query    string
		catalogs []string
		limit    int
		json     bool
	}{
		{[]string{"1405"}, "1405", nil, 10, false},
		{[]string{"rate", "limit"}, "rate limit", nil, 10, false},
		{[]string{"-c", "emnify", "--catalog", "wontopos", "409"}, "409", []string{"emnify", "wontopos"}, 10, false},
		{[]string{"--catalog=emnify,http", "409"}, "409", []string{"emnify", "http"}, 10, false},
		{[]string{"-n", "3", "--json", "not", "found"}, "not found", nil, 3, true},
		{[]string{"--", "-1"}, "-1", nil, 10, false},
	} {
		ios, _, _, _ := Test()
		var got *lookupOptions
		cmd := newLookupCmd(&Factory{IO: ios}, func(o *lookupOptions) error { got = o; return nil })
		cmd.SetArgs(tc.args)
		if err := cmd.Execute(); err != nil {
			t.Fatalf("%v: %v", tc.args, err)
		}
		if got.Query != tc.query || !slices.Equal(got.Catalogs, tc.catalogs) || got.Limit != tc.limit || got.JSON != tc.json {
			t.Errorf("%v: got %+v", tc.args, *got)
		}
	}
}

func TestLookupRejectsHugeQuery(t *testing.T) {
	ios, _, out, errOut := Test()
	code := Run(ios, []string{"lookup", strings.Repeat("a", answer.MaxQuery+1)})
	if code != exitUsage || out.Len() != 0 || !strings.HasPrefix(errOut.String(), "errcode: the query is 513 bytes long") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestColorProfileOrder(t *testing.T) {
	for _, tc := range []struct {
		mode colorMode
		tty  bool
		env  []string
		want string
	}{
		{colorAuto, false, nil, "NoTTY"},
		{colorAuto, false, []string{"CLICOLOR_FORCE=1"}, "ANSI"},
		{colorAuto, false, []string{"CLICOLOR_FORCE=0"}, "NoTTY"},
		{colorAuto, false, []string{"CLICOLOR_FORCE=1", "NO_COLOR=x"}, "NoTTY"},
		{colorAuto, true, []string{"NO_COLOR=1"}, "Ascii"},
		{colorAuto, true, []string{"TERM=xterm-256color"}, "ANSI256"}, // from the detector
		{colorAlways, false, []string{"NO_COLOR=1"}, "ANSI"},
		{colorAlways, false, []string{"TERM=xterm-256color"}, "ANSI256"},
		{colorAlways, false, []string{"COLORTERM=truecolor", "TERM=xterm"}, "TrueColor"},
		{colorNever, true, []string{"CLICOLOR_FORCE=1"}, "NoTTY"},
	} {
		ios, _, _, _ := Test(tc.env...)
		ios.IsStdoutTTY = tc.tty
		if got := ios.ColorProfile(tc.mode).String(); got != tc.want {
			t.Errorf("--color %s, tty %v, env %v: profile %s, want %s", tc.mode, tc.tty, tc.env, got, tc.want)
		}
	}
}

// On a terminal: list is an aligned table under a header (devdocs has no
// tokens: no TOKEN column), cards wrap to the width, and styling follows TERM.
func TestTerminalOutput(t *testing.T) {
	ios, _, out, _ := Test("TERM=xterm-256color", "COLUMNS=60")
	ios.IsStdoutTTY = true
	if code := Run(ios, []string{"list", "-c", "devdocs"}); code != 0 {
		t.Fatalf("list: exit %d", code)
	}
	plain := stripStyle(out.String())
	if !strings.HasPrefix(plain, "CATALOG  CODE            STATUS  TITLE\ndevdocs  AUTH-401        401     Authentication Failed\n") {
		t.Errorf("list on a terminal:\n%s", plain)
	}
	if !strings.Contains(out.String(), "\x1b[") {
		t.Error("no styling on a 256-colour terminal")
	}

	out.Reset()
	if code := Run(ios, []string{"lookup", "AUTH-401"}); code != 0 {
		t.Fatalf("lookup: exit %d", code)
	}
	for _, line := range strings.Split(stripStyle(out.String()), "\n") {
		if len([]rune(line)) > 60 && !strings.Contains(line, "://") {
			t.Errorf("line wider than COLUMNS=60: %q", line)
		}
	}
}

func stripStyle(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b {
			for i < len(s) && s[i] != 'm' {
				i++
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// On a terminal, stdout is held for the pager until the command ends, and
// stderr is not: the "N more matches" line comes after the output it
// counts, whatever the limit.
func TestLookupMoreAfterOutput(t *testing.T) {
	for _, limit := range []string{"1", "2"} {
		ios, _, _, _ := Test("LINES=1000", "TERM=dumb")
		var both strings.Builder
		ios.Out, ios.ErrOut, ios.IsStdoutTTY = &both, &both, true
		if code := Run(ios, []string{"lookup", "404", "-n", limit}); code != 0 {
			t.Fatalf("-n %s: exit %d\n%s", limit, code, both.String())
		}
		out := strings.TrimRight(both.String(), "\n")
		last := out[strings.LastIndexByte(out, '\n')+1:]
		if !strings.HasPrefix(last, "errcode: ") || !strings.HasSuffix(last, " more matches; show them all with --limit 0") {
			t.Errorf("-n %s: the last line is %q, not the count of the rest:\n%s", limit, last, out)
		}
	}
}
