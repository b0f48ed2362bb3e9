package cmd

import (
	"bytes"
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
		if err := s.page(out); err == nil {
			return nil
		}
		// The pager did not run: fall back to writing it all.
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

func (s *IOStreams) page(out []byte) error {
	args := strings.Fields(s.pagerCommand())
	c := exec.Command(args[0], args[1:]...)
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
	return c.Run()
}
