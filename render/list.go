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

// Summary is the one-line description of an entry: its token and the
// title its card shows; where the card shows only the token, its message
// (emnify's "Duplicated: {Object} - {field} already exists"), which a row
// has no field for.
func Summary(e *catalog.Entry) string {
	t := Title(e)
	if t == "" && !strings.Contains(e.Message, "\n") {
		t = e.Message
	}
	switch {
	case e.Token != "" && t != "" && t != e.Token:
		return e.Token + ": " + t
	case e.Token != "":
		return e.Token
	}
	return t
}

// MatchList writes the compact one-line-per-match list lookup shows before
// the best card: "catalog:code  status  summary", fitted to the width as a
// table's rows are (a long code or summary is cut with an ellipsis); the
// card under the list shows the best match whole.
func (r *Renderer) MatchList(rows []Row) error {
	cells := make([][]string, len(rows))
	natural := []int{0, 3, 0}
	for i, row := range rows {
		cells[i] = []string{Scrub(row.Catalog.ID + ":" + row.Entry.Code), statusCell(row.Entry.Status), Scrub(Summary(row.Entry))}
		for j, c := range cells[i] {
			natural[j] = max(natural[j], lipgloss.Width(c))
		}
	}
	// The code is what tells the matches apart: the summary gives way first,
	// down to ten columns (less says little), then the code is cut too, to
	// no less than ten; past that the summary is left out.
	avail := max(r.width-len(listIndent), 0)
	floor := []int{0, 3, min(natural[2], 10)}
	floor[0] = min(natural[0], max(avail-floor[1]-floor[2]-2*gap, 10))
	widths := FitColumns(natural, floor, avail, gap)
	var b strings.Builder
	for _, c := range cells {
		r.tableLine(&b, listIndent, c, widths, r.st.code, r.st.status)
	}
	return r.write(b.String())
}

const listIndent = "  "

func statusCell(s int) string {
	if s == 0 {
		return "  -"
	}
	return strconv.Itoa(s)
}
