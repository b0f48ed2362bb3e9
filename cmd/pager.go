package cmd

import (
	"bytes"
	"errors"
	"os/exec"
	"strings"
)

// Paging, as git does it: on a terminal, output longer than the screen goes
// through $ERRCODE_PAGER, else $PAGER, else "less -FRX"; "cat" (or
// --no-pager) turns it off. errcode buffers the command's output and starts
// the pager only when the output will not fit, so a short lookup never pays
// for starting less.

// startPaging sends Out to a buffer, if paging can happen at all.
func (s *IOStreams) startPaging() {
	if !s.IsStdoutTTY || s.pagerCommand() == "" || s.paged != nil {
		return
	}
	s.direct, s.paged = s.Out, &bytes.Buffer{}
	s.Out = s.paged
}

// stopPaging writes what was buffered: through the pager if it is taller
// than the terminal, else directly.
func (s *IOStreams) stopPaging() error {
	if s.paged == nil {
		return nil
	}
	out := s.paged.Bytes()
	s.Out, s.paged = s.direct, nil
	if h := s.termHeight(); h > 0 && bytes.Count(out, []byte("\n")) >= h {
		if ran := s.page(out); ran {
			return nil // shown, whatever the pager's exit status: never twice
		}
		// The pager could not be run: write it all.
	}
	_, err := s.Out.Write(out)
	return err
}

// pagerCommand is the pager to run, "" for none.
func (s *IOStreams) pagerCommand() string {
	p := strings.TrimSpace(s.Getenv("ERRCODE_PAGER"))
	if p == "" {
		p = strings.TrimSpace(s.Getenv("PAGER"))
	}
	if p == "" {
		p = "less -FRX"
	}
	if p == "cat" {
		return ""
	}
	return p
}

// page runs the pager as git does, by the shell ($PAGER may hold quotes,
// options, a pipeline), and reports whether it ran: a pager that started
// has shown the output even if it exits non-zero (the user quit, say); one
// the shell could not find or run (exit 126 or 127) has shown nothing.
func (s *IOStreams) page(out []byte) (ran bool) {
	c := exec.Command("sh", "-c", s.pagerCommand())
	c.Stdin = bytes.NewReader(out)
	c.Stdout = s.Out
	c.Stderr = s.ErrOut
	c.Env = s.Environ
	if s.Getenv("LESS") == "" {
		c.Env = append(c.Env, "LESS=FRX") // quit if one screen, keep colours, keep the text on exit
	}
	if s.Getenv("LV") == "" {
		c.Env = append(c.Env, "LV=-c")
	}
	err := c.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code := exit.ExitCode()
		return code != 126 && code != 127
	}
	return err == nil
}
