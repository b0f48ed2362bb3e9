package mcpserver

import (
	"strconv"
	"strings"

	"github.com/errcode-dev/errcode/render"
)

func itoa(n int) string { return strconv.Itoa(n) }

func quote(s string) string { return strconv.Quote(s) }

// scrubLines is render.Scrub line by line: text from outside (a response,
// a user catalog) reaches a client's terminal no more raw than errcode's.
func scrubLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = render.Scrub(l)
	}
	return strings.Join(lines, "\n")
}
