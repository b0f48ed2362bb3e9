package render

import (
	"slices"
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// Column is one column of a table.
type Column struct {
	Header string
	// Link marks the last column as things a user copies whole: URLs and
	// file paths. Its cells are never cut. When the table does not fit the
	// width whole, every row's link goes on a line of its own under the
	// row (rather than cut the other columns to make room), wrapped only at
	// spaces (a URL has none), so a link stays whole and still copies with
	// a double click even where it is wider than the terminal.
	Link bool
}

// gap is the space between two columns.
const gap = 2

// Table writes rows of cells, one per column. On a terminal (tty true) it
// aligns the columns under a styled header and fits every line to the
// width, as gh and kubectl users expect: columns are as wide as their
// widest cell until the width runs short, then the widest are narrowed
// alike and their cells cut with an ellipsis; a row never takes two lines
// (see Column.Link for the one exception, a link on a line of its own). On
// a pipe it writes tab-separated values with no header and nothing cut, for
// cut and awk.
func (r *Renderer) Table(tty bool, cols []Column, rows [][]string) error {
	if !tty {
		return r.tsv(rows)
	}
	scrubbed := make([][]string, len(rows))
	for i, row := range rows {
		scrubbed[i] = make([]string, len(row))
		for j, cell := range row {
			scrubbed[i][j] = Scrub(cell)
		}
	}
	cols, scrubbed = dropEmpty(cols, scrubbed)
	if len(cols) == 0 {
		return nil
	}
	var link []string // the link of each row, when links go on lines of their own
	widths, natural := fitTable(cols, scrubbed, r.width)
	if n := len(cols); n > 1 && cols[n-1].Link && !slices.Equal(widths, natural) {
		link = make([]string, len(scrubbed))
		for i, row := range scrubbed {
			link[i], scrubbed[i] = row[n-1], row[:n-1]
		}
		widths, _ = fitTable(cols[:n-1], scrubbed, r.width)
	}

	var b strings.Builder
	header := make([]string, len(cols))
	for i, c := range cols {
		header[i] = c.Header
	}
	heading := make([]lipgloss.Style, len(cols))
	for i := range heading {
		heading[i] = r.st.heading
	}
	r.tableLine(&b, "", header, widths, heading...)
	linkIndent := strings.Repeat(" ", widths[0]+gap)
	if link != nil {
		b.WriteString(linkIndent + r.paint(r.st.heading, cols[len(cols)-1].Header) + "\n")
	}
	for i, row := range scrubbed {
		r.tableLine(&b, "", row, widths, r.st.code)
		if link != nil && link[i] != "" {
			lines := wrapWords(link[i], max(r.width-len(linkIndent), 1))
			b.WriteString(linkIndent + strings.Join(lines, "\n"+linkIndent) + "\n")
		}
	}
	return r.write(b.String())
}

// tsv writes rows as tab-separated values, whole.
func (r *Renderer) tsv(rows [][]string) error {
	var b strings.Builder
	for _, row := range rows {
		cells := make([]string, len(row))
		for i, cell := range row {
			cells[i] = strings.ReplaceAll(Scrub(cell), "\t", " ")
		}
		b.WriteString(strings.Join(cells, "\t") + "\n")
	}
	return r.write(b.String())
}

// dropEmpty leaves out the columns whose cells are all empty (a catalog
// with no tokens, say): on a terminal an empty column only takes room from
// the others. A pipe keeps every column, so that cut -f stays the same.
func dropEmpty(cols []Column, rows [][]string) ([]Column, [][]string) {
	keep := make([]bool, len(cols))
	for _, row := range rows {
		for i, cell := range row {
			keep[i] = keep[i] || cell != ""
		}
	}
	var kc []Column
	for i, c := range cols {
		if keep[i] {
			kc = append(kc, c)
		}
	}
	if len(kc) == 0 || len(kc) == len(cols) {
		return cols, rows
	}
	kr := make([][]string, len(rows))
	for j, row := range rows {
		for i, cell := range row {
			if keep[i] {
				kr[j] = append(kr[j], cell)
			}
		}
	}
	return kc, kr
}

// fitTable sizes a table's columns to the width, and says how wide they
// would be with no limit. A header is never cut: its width is a floor.
func fitTable(cols []Column, rows [][]string, width int) (widths, natural []int) {
	natural = make([]int, len(cols))
	floor := make([]int, len(cols))
	for i, c := range cols {
		natural[i] = lipgloss.Width(c.Header)
	}
	for _, row := range rows {
		for i, cell := range row {
			natural[i] = max(natural[i], lipgloss.Width(cell))
		}
	}
	for i, c := range cols {
		floor[i] = lipgloss.Width(c.Header)
	}
	return FitColumns(natural, floor, width, gap), natural
}

// FitColumns sizes columns to a width: each as wide as its widest cell
// (natural) when they all fit; when not, the widest are narrowed to one
// level, as far as their floors allow, and the columns left over after that
// get a column each, from the left. When even the floors do not fit, the
// columns on the right are left out: widths is then shorter than natural.
// A width of 0 means no limit.
func FitColumns(natural, floor []int, width, gap int) []int {
	n := len(natural)
	for n > 1 && sum(floor[:n])+gap*(n-1) > width && width > 0 {
		n--
	}
	w := append([]int(nil), natural[:n]...)
	avail := width - gap*(n-1)
	if width <= 0 || sum(w) <= avail {
		return w
	}
	at := func(level int) int {
		t := 0
		for i := range w {
			t += max(floor[i], min(natural[i], level))
		}
		return t
	}
	level := 0
	for at(level+1) <= avail && level < width {
		level++
	}
	for i := range w {
		w[i] = max(floor[i], min(natural[i], level))
	}
	for i, left := 0, avail-sum(w); i < n && left > 0; i++ {
		if w[i] < natural[i] {
			w[i]++
			left--
		}
	}
	return w
}

func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

// tableLine writes one line of cells cut to widths (a row may have more
// cells than widths: those columns were left out), after indent. Cell i is
// styled styles[i], if there is one. No spaces trail the line.
func (r *Renderer) tableLine(b *strings.Builder, indent string, cells []string, widths []int, styles ...lipgloss.Style) {
	b.WriteString(indent)
	pad := 0
	for i, w := range widths {
		cell := ""
		if i < len(cells) {
			cell = cut(cells[i], w)
		}
		if cell != "" {
			st := r.st.none
			if i < len(styles) {
				st = styles[i]
			}
			b.WriteString(strings.Repeat(" ", pad) + r.paint(st, cell))
			pad = 0
		}
		pad += w - lipgloss.Width(cell) + gap
	}
	b.WriteByte('\n')
}

// cut shortens s to w columns, ending it with an ellipsis when it was
// longer. Wide characters count two.
func cut(s string, w int) string {
	if lipgloss.Width(s) <= w {
		return s
	}
	if w <= 0 {
		return ""
	}
	var out strings.Builder
	used := 0
	for _, c := range s {
		cw := lipgloss.Width(string(c))
		if used+cw > w-1 {
			break
		}
		out.WriteRune(c)
		used += cw
	}
	return out.String() + "…"
}
