package render

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// wrapWords breaks plain text into lines of at most width columns at
// spaces. A word longer than the width (a link, say) gets a line of its
// own and is never split, so it still copies and pastes whole.
func wrapWords(s string, width int) []string {
	var lines []string
	line, lineW := "", 0
	for _, w := range strings.Fields(s) {
		ww := lipgloss.Width(w)
		switch {
		case lineW == 0:
			line, lineW = w, ww
		case lineW+1+ww <= width:
			line += " " + w
			lineW += 1 + ww
		default:
			lines = append(lines, line)
			line, lineW = w, ww
		}
	}
	return append(lines, line)
}

// wrap wraps plain text s to the renderer's width, for a line whose first
// part (indent's width) is already written; continuation lines start with
// indent. With no width, or text that fits, s comes back as it is.
func (r *Renderer) wrap(s, indent string) string {
	avail := r.width - lipgloss.Width(indent)
	if r.width == 0 || avail < 20 || lipgloss.Width(s) <= avail {
		return s
	}
	return strings.Join(wrapWords(s, avail), "\n"+indent)
}
