package render

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/errcode-dev/errcode/catalog"
)

// Row is one entry in a list.
type Row struct {
	Entry   *catalog.Entry
	Catalog *catalog.Catalog
}

// Summary is the one-line description of an entry: its token and the first
// of title, message and description.
func Summary(e *catalog.Entry) string {
	t := headTitle(e)
	switch {
	case e.Token != "" && t != "" && t != e.Token:
		return e.Token + ": " + t
	case e.Token != "":
		return e.Token
	}
	return t
}

// MatchList writes the compact one-line-per-match list lookup shows before
// the best card: "catalog:code  status  summary".
func (r *Renderer) MatchList(rows []Row) error {
	idw := 0
	for _, row := range rows {
		idw = max(idw, lipgloss.Width(Scrub(row.Catalog.ID+":"+row.Entry.Code)))
	}
	var b strings.Builder
	for _, row := range rows {
		id := Scrub(row.Catalog.ID + ":" + row.Entry.Code)
		line := "  " + r.paint(r.st.code, id) + strings.Repeat(" ", idw-lipgloss.Width(id)) +
			"  " + r.paint(r.st.status, statusCell(row.Entry.Status)) + "  "
		b.WriteString(line + r.truncate(Scrub(Summary(row.Entry)), 2+idw+2+3+2) + "\n")
	}
	return r.write(b.String())
}

func statusCell(s int) string {
	if s == 0 {
		return "  -"
	}
	return strconv.Itoa(s)
}

// truncate cuts s to fit the width after used columns, with an ellipsis.
func (r *Renderer) truncate(s string, used int) string {
	avail := r.width - used
	if r.width == 0 || avail < 10 || lipgloss.Width(s) <= avail {
		return s
	}
	out := []rune{}
	w := 0
	for _, c := range s {
		cw := lipgloss.Width(string(c))
		if w+cw > avail-1 {
			break
		}
		out = append(out, c)
		w += cw
	}
	return string(out) + "…"
}

// Table writes rows of cells. On a terminal (TTY true) it aligns columns
// under a styled header and truncates the last column to the width; on a
// pipe it writes tab-separated values with no header, for cut and awk.
func (r *Renderer) Table(tty bool, header []string, rows [][]string) error {
	var b strings.Builder
	if !tty {
		for _, row := range rows {
			for i, cell := range row {
				row[i] = strings.ReplaceAll(Scrub(cell), "\t", " ")
			}
			b.WriteString(strings.Join(row, "\t") + "\n")
		}
		return r.write(b.String())
	}
	widths := make([]int, len(header))
	for i, h := range header {
		widths[i] = lipgloss.Width(h)
	}
	for _, row := range rows {
		for i := range row[:len(row)-1] {
			row[i] = Scrub(row[i])
			widths[i] = max(widths[i], lipgloss.Width(row[i]))
		}
	}
	line := func(cells []string, style func(int, string) string) {
		used := 0
		for i, cell := range cells {
			if i == len(cells)-1 {
				b.WriteString(style(i, r.truncate(Scrub(cell), used)))
				break
			}
			b.WriteString(style(i, cell) + strings.Repeat(" ", widths[i]-lipgloss.Width(cell)+2))
			used += widths[i] + 2
		}
		b.WriteByte('\n')
	}
	line(header, func(_ int, s string) string { return r.paint(r.st.heading, s) })
	for _, row := range rows {
		line(row, func(i int, s string) string {
			if i == 0 {
				return r.paint(r.st.code, s)
			}
			return s
		})
	}
	return r.write(b.String())
}
