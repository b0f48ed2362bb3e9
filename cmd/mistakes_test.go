package cmd

import (
	"io"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// errcode explain - on a terminal reads what is pasted, after one line on
// stderr saying how to end it (without -, a terminal is still refused:
// TestExplainRefusesTerminalInput).
func TestExplainPasteOnATerminal(t *testing.T) {
	ios, _, out, errOut := Test()
	ios.IsStdinTTY = true
	// A terminal: Ctrl-D ends the input once, and a read after it waits
	// for more (here: fails the test).
	ios.In = &terminal{t: t, lines: []string{"HTTP/1.1 429 Too Many Requests\n", "Retry-After: 3\n", "\n"}}
	if code := Run(ios, []string{"explain", "-"}); code != 0 {
		t.Fatalf("explain -: exit %d\n%s", code, errOut)
	}
	if got := errOut.String(); got != pastePrompt()+"\n" || !strings.Contains(got, "paste the response, then Ctrl-D") {
		t.Errorf("explain -: stderr %q, want the prompt alone", got)
	}
	if !strings.HasPrefix(out.String(), "HTTP/1.1 429 Too Many Requests") {
		t.Errorf("explain -: stdout %q", out)
	}
}

func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"404": "404", "AUTH-401": "AUTH-401", "curl:6": "curl:6", "４０４": "４０４",
		"Too Many Requests": `"Too Many Requests"`, `a"b`: `'a"b'`, "it's": `"it's"`, "$HOME": `'$HOME'`, "": `""`,
	} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %s, want %s", in, got, want)
		}
	}
}

// Every flag's placeholder in help is upper case, as FILE, ID and N are:
// --color WHEN, --status STATUS.
func TestFlagPlaceholdersUpperCase(t *testing.T) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			name, _ := pflag.UnquoteUsage(f)
			if name == "" || name == strings.ToUpper(name) {
				return
			}
			t.Errorf("%s --%s: placeholder %q, want %q", c.CommandPath(), f.Name, name, strings.ToUpper(name))
		})
		for _, sc := range c.Commands() {
			walk(sc)
		}
	}
	walk(NewRootForDocs())
}

// terminal gives its lines one read each, then one io.EOF (Ctrl-D); a
// read after that would wait for the user forever.
type terminal struct {
	t     *testing.T
	lines []string
	eof   bool
}

func (r *terminal) Read(p []byte) (int, error) {
	switch {
	case len(r.lines) > 0:
		n := copy(p, r.lines[0])
		r.lines[0] = r.lines[0][n:]
		if r.lines[0] == "" {
			r.lines = r.lines[1:]
		}
		return n, nil
	case !r.eof:
		r.eof = true
		return 0, io.EOF
	}
	r.t.Fatal("read the terminal again after Ctrl-D: the user would have to press it again")
	return 0, io.EOF
}
