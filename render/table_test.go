package render_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/lipgloss"
	"github.com/errcode-dev/errcode/render"
)

// Columns keep their natural widths while they fit; past that the widest
// give way to one level, never below their floors; below the floors the
// columns on the right are left out.
func TestFitColumns(t *testing.T) {
	for _, tc := range []struct {
		natural, floor []int
		width          int
		want           []int
	}{
		{[]int{10, 65, 6}, []int{7, 4, 6}, 0, []int{10, 65, 6}},    // no width: natural
		{[]int{10, 65, 6}, []int{7, 4, 6}, 85, []int{10, 65, 6}},   // exactly fits
		{[]int{10, 65, 6}, []int{7, 4, 6}, 84, []int{10, 64, 6}},   // one short: the widest gives
		{[]int{10, 30, 30}, []int{7, 4, 5}, 60, []int{10, 23, 23}}, // two wide ones share alike
		{[]int{10, 30, 31}, []int{7, 4, 5}, 61, []int{10, 24, 23}}, // the odd column goes left
		{[]int{10, 65, 6, 52, 71}, []int{7, 4, 6, 5, 5}, 80, []int{10, 19, 6, 19, 18}},
		{[]int{10, 65, 6, 52, 71}, []int{7, 4, 6, 5, 5}, 35, []int{7, 4, 6, 5, 5}}, // the floors exactly
		{[]int{10, 65, 6, 52, 71}, []int{7, 4, 6, 5, 5}, 34, []int{8, 7, 6, 7}},    // under them: TITLE left out, the rest share its room
		{[]int{10, 41}, []int{2, 41}, 40, []int{10}},                               // a floor wider than the width
	} {
		got := render.FitColumns(tc.natural, tc.floor, tc.width, 2)
		if !slices.Equal(got, tc.want) {
			t.Errorf("natural %v, floor %v, width %d: %v, want %v", tc.natural, tc.floor, tc.width, got, tc.want)
		}
	}
}

// Whatever the cells and the width, on a terminal every line of a table
// fits the width; a cell is whole or a prefix of itself and an ellipsis on
// its own row, never broken onto another line; a link is whole, in the row
// or on a line of its own. On a pipe nothing is cut.
func TestTableFits(t *testing.T) {
	rng := rand.New(rand.NewPCG(20, 20))
	words := []string{"a", "stripe", "financial_connections_account_unavailable_account_numbers", "中文", "Too Many Requests", "x y z", ""}
	links := []string{"https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/status/", "https://a.io/x", "generic page (example.com/docs/errors); no vendor", ""}
	for n := range 300 {
		cols := []render.Column{{Header: "CATALOG"}, {Header: "CODE"}, {Header: "TITLE"}}
		link := n%2 == 0
		if link {
			cols = append(cols, render.Column{Header: "SOURCE", Link: true})
		}
		var rows [][]string
		for range 1 + rng.IntN(6) {
			row := []string{words[rng.IntN(len(words))], words[rng.IntN(len(words))], words[rng.IntN(len(words))]}
			if link {
				row = append(row, links[rng.IntN(len(links))])
			}
			rows = append(rows, row)
		}
		width := 20 + rng.IntN(120)
		for _, p := range []colorprofile.Profile{colorprofile.NoTTY, colorprofile.ANSI} {
			var b bytes.Buffer
			if err := render.New(&b, p, width).Table(true, cols, slices.Clone(rows)); err != nil {
				t.Fatal(err)
			}
			out := stripANSI(b.String())
			checkTable(t, fmt.Sprintf("table %d at %d (%v)", n, width, p), out, cols, rows, width)
		}
	}
}

func checkTable(t *testing.T, name, out string, cols []render.Column, rows [][]string, width int) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	// Only a link may run past the width, alone on its line and whole.
	overLink := func(l string) bool {
		f := strings.TrimSpace(l)
		if strings.Contains(f, " ") || !cols[len(cols)-1].Link {
			return false
		}
		for _, row := range rows {
			if strings.Contains(row[len(row)-1], f) {
				return true
			}
		}
		return false
	}
	for _, l := range lines {
		if strings.HasSuffix(l, " ") {
			t.Errorf("%s: trailing space in %q", name, l)
		}
		if lipgloss.Width(l) > width && !overLink(l) {
			t.Errorf("%s: a line of %d columns: %q\n%s", name, lipgloss.Width(l), l, out)
		}
	}
	// Each row's first cell starts a line of its own; its other cells are
	// on that line, whole or cut with an ellipsis.
	for _, row := range rows {
		for i, cell := range row {
			if cell == "" {
				continue
			}
			if cols[i].Link {
				if !strings.Contains(strings.Join(strings.Fields(out), " "), cell) {
					t.Errorf("%s: link %q is not whole:\n%s", name, cell, out)
				}
				continue
			}
			if strings.Contains(out, cell) {
				continue
			}
			found := false
			for _, l := range lines {
				for _, f := range strings.Split(l, "  ") {
					f = strings.TrimSpace(f)
					if strings.HasSuffix(f, "…") && strings.HasPrefix(cell, strings.TrimSuffix(f, "…")) {
						found = true
					}
				}
			}
			if !found {
				t.Errorf("%s: cell %q neither whole nor cut on one line:\n%s", name, cell, out)
			}
		}
	}
}

// The tables errcode prints, at the widths people use.
func TestTableAtWidths(t *testing.T) {
	cols := []render.Column{{Header: "ID"}, {Header: "NAME"}, {Header: "ENTRIES"}, {Header: "SOURCE", Link: true}}
	rows := [][]string{
		{"kubernetes", "Kubernetes API status reasons", "19", "https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/status/"},
		{"acme", "ACME", "1", "/home/me/.config/errcode/catalogs/acme.yaml"},
	}
	var b bytes.Buffer
	for _, width := range []int{200, 120, 80, 40} {
		fmt.Fprintf(&b, "-- %d --\n", width)
		if err := render.New(&b, colorprofile.NoTTY, width).Table(true, cols, slices.Clone(rows)); err != nil {
			t.Fatal(err)
		}
	}
	golden(t, "table_widths.golden", b.Bytes())
}
