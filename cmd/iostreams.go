package cmd

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"
)

// IOStreams is where a command reads and writes, and what it knows of the
// terminal. Commands never touch os.Stdout or os.Getenv directly, so tests
// can give them buffers and an environment of their own.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	Environ     []string
	IsStdoutTTY bool
	IsStdinTTY  bool
	IsStderrTTY bool // errcode run writes its diagnosis there

	// process says the streams are the process's own standard input,
	// output and error (System), which a program errcode execs inherits.
	process bool

	// detectProfile is the colour profile of Out when neither a flag nor
	// the environment decides it.
	detectProfile func() colorprofile.Profile
	// termWidth and termHeight are the terminal's size, asked only when
	// output is laid out for a terminal, or might be paged.
	termWidth    func() int
	termHeight   func() int
	errTermWidth func() int // stderr's

	direct io.Writer     // the real Out while paged output is buffered
	paged  *bytes.Buffer // output waiting to be paged

	notices []string // lines for stderr once the output is written (Notice)
}

// Notice writes a line on stderr after the command's output: a note about
// the output ("3 more matches") belongs below it, and stdout may be
// buffered for the pager until the command ends.
func (s *IOStreams) Notice(line string) { s.notices = append(s.notices, line) }

// flushNotices writes the lines Notice kept.
func (s *IOStreams) flushNotices() {
	for _, l := range s.notices {
		fmt.Fprintln(s.ErrOut, l)
	}
	s.notices = nil
}

// System returns the process's own streams.
func System() *IOStreams {
	tty := term.IsTerminal(os.Stdout.Fd())
	return &IOStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr, process: true,
		Environ:     os.Environ(),
		IsStdoutTTY: tty,
		IsStdinTTY:  term.IsTerminal(os.Stdin.Fd()),
		IsStderrTTY: term.IsTerminal(os.Stderr.Fd()),
		// From the environment alone (TERM, COLORTERM): errcode styles with
		// the 16 ANSI colours, which every colour terminal has, so it needs
		// neither terminfo nor `tmux info` (a subprocess) to decide.
		detectProfile: func() colorprofile.Profile { return colorprofile.Env(os.Environ()) },
		termWidth: func() int {
			w, _, err := term.GetSize(os.Stdout.Fd())
			if err != nil {
				return 0
			}
			return w
		},
		termHeight: func() int {
			_, h, err := term.GetSize(os.Stdout.Fd())
			if err != nil {
				return 0
			}
			return h
		},
		errTermWidth: func() int {
			w, _, err := term.GetSize(os.Stderr.Fd())
			if err != nil {
				return 0
			}
			return w
		},
	}
}

// Test returns streams on buffers with the given environment. They are not
// a terminal; a test that sets IsStdoutTTY gets a terminal whose colours
// TERM and COLORTERM describe, 80 columns wide unless COLUMNS says otherwise,
// and as tall as LINES says (no paging without it).
func Test(env ...string) (ios *IOStreams, in, out, errOut *bytes.Buffer) {
	in, out, errOut = &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	ios = &IOStreams{
		In: in, Out: out, ErrOut: errOut, Environ: env,
		detectProfile: func() colorprofile.Profile { return colorprofile.Env(env) },
		termWidth:     func() int { return 80 },
		errTermWidth:  func() int { return 80 },
	}
	ios.termHeight = func() int {
		h, _ := strconv.Atoi(ios.Getenv("LINES"))
		return h
	}
	return ios, in, out, errOut
}

// Getenv looks a variable up in the streams' environment.
func (s *IOStreams) Getenv(key string) string {
	for i := len(s.Environ) - 1; i >= 0; i-- {
		if k, v, ok := strings.Cut(s.Environ[i], "="); ok && k == key {
			return v
		}
	}
	return ""
}

// ColorProfile decides, once per command, how much styling stdout gets:
// --color always|never, then NO_COLOR (any non-empty value, per
// no-color.org), then CLICOLOR_FORCE, then what the terminal supports.
func (s *IOStreams) ColorProfile(mode colorMode) colorprofile.Profile {
	return s.colorProfile(mode, s.IsStdoutTTY)
}

// ErrColorProfile is ColorProfile for stderr, where errcode run writes.
func (s *IOStreams) ErrColorProfile(mode colorMode) colorprofile.Profile {
	return s.colorProfile(mode, s.IsStderrTTY)
}

func (s *IOStreams) colorProfile(mode colorMode, tty bool) colorprofile.Profile {
	switch mode {
	case colorNever:
		return colorprofile.NoTTY
	case colorAlways:
		return forced(s.Environ)
	}
	if s.Getenv("NO_COLOR") != "" {
		if tty {
			return colorprofile.ASCII // bold and faint, no colour
		}
		return colorprofile.NoTTY
	}
	if v := s.Getenv("CLICOLOR_FORCE"); v != "" && v != "0" {
		return forced(s.Environ)
	}
	if !tty {
		return colorprofile.NoTTY
	}
	return s.detectProfile()
}

// forced is the profile for colour on demand: what TERM and COLORTERM
// promise, and at least the 16 ANSI colours.
func forced(env []string) colorprofile.Profile {
	return max(colorprofile.Env(env), colorprofile.ANSI)
}

// Width is the width to lay text out for: the terminal's (or $COLUMNS) on a
// terminal, 0 (no wrapping) on a pipe.
func (s *IOStreams) Width() int { return s.width(s.IsStdoutTTY, s.termWidth) }

// ErrWidth is Width for stderr.
func (s *IOStreams) ErrWidth() int { return s.width(s.IsStderrTTY, s.errTermWidth) }

func (s *IOStreams) width(tty bool, term func() int) int {
	if !tty {
		return 0
	}
	if c, err := strconv.Atoi(s.Getenv("COLUMNS")); err == nil && c > 0 {
		return c
	}
	return term()
}
