package render

import (
	"io"
	"strings"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Renderer writes what a person sees. It styles freely: a colorprofile
// Writer around the output, set up once, reduces or strips the styling to
// what the output can show (nothing at all on a pipe).
type Renderer struct {
	w     io.Writer
	width int  // wrap text to this many columns; 0 means do not wrap
	plain bool // no styling at all (a pipe, --color never): skip it entirely
	st    styles
}

// Colours are the terminal's own ANSI palette, which terminal themes tune
// for their background, so they read on dark and light alike; errcode never
// queries the terminal for its background.
type styles struct {
	none, code, token, label, heading, faint, yes, no, status lipgloss.Style
}

// The ANSI palette's colours, by number.
const (
	red     = lipgloss.Color("1")
	green   = lipgloss.Color("2")
	yellow  = lipgloss.Color("3")
	magenta = lipgloss.Color("5")
	cyan    = lipgloss.Color("6")
)

// newStyles makes the styles, built only when output is styled. They come
// from a lipgloss renderer that writes nowhere and is told to emit every
// colour it is given: the colorprofile Writer reduces them to what the
// output can show. Left to itself, a renderer would examine stdout, and one
// asked about the background would query the terminal; errcode does
// neither (see README, Speed).
func newStyles() styles {
	lr := lipgloss.NewRenderer(io.Discard)
	lr.SetColorProfile(termenv.TrueColor)
	s := lr.NewStyle()
	return styles{
		none:    s,
		code:    s.Bold(true).Foreground(cyan),
		token:   s.Foreground(magenta),
		label:   s.Faint(true),
		heading: s.Bold(true),
		faint:   s.Faint(true),
		yes:     s.Foreground(green),
		no:      s.Foreground(red),
		status:  s.Foreground(yellow),
	}
}

// New returns a Renderer writing to w in colour profile p (colorprofile.NoTTY
// for plain text), wrapping at width columns (0: no wrapping).
func New(w io.Writer, p colorprofile.Profile, width int) *Renderer {
	if p <= colorprofile.NoTTY {
		// Styling only to strip it again would be wasted work.
		return &Renderer{w: w, width: width, plain: true}
	}
	return &Renderer{w: &colorprofile.Writer{Forward: w, Profile: p}, width: width, st: newStyles()}
}

// write sends one finished block of text to the output in a single write,
// so the colour profile writer sees whole escape sequences.
func (r *Renderer) write(s string) error {
	_, err := io.WriteString(r.w, s)
	return err
}

// paint styles s, each line on its own (lipgloss pads a multi-line string
// into a block, which would leave trailing spaces). Plain output is s.
func (r *Renderer) paint(st lipgloss.Style, s string) string {
	if r.plain {
		return s
	}
	if !strings.Contains(s, "\n") {
		return st.Render(s)
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = st.Render(l)
	}
	return strings.Join(lines, "\n")
}
