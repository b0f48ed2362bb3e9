package cmd

import (
	"strings"
	"testing"
)

// errcode explain - on a terminal reads what is pasted, after one line on
// stderr saying how to end it (without -, a terminal is still refused:
// TestExplainRefusesTerminalInput).
func TestExplainPasteOnATerminal(t *testing.T) {
	ios, in, out, errOut := Test()
	ios.IsStdinTTY = true
	in.WriteString("HTTP/1.1 429 Too Many Requests\nRetry-After: 3\n\n")
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
