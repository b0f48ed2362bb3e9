package cmd

import (
	"os"
	"strings"
	"testing"
)

// errcode run's retry table in the README is the table in the code: every
// row, in order, with the same words, and no other row.
func TestREADMERunRetryTable(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	start := strings.Index(readme, "## Explaining a failed command")
	if start < 0 {
		t.Fatal(`the README has no "Explaining a failed command" section`)
	}
	section := readme[start:]
	section = section[:strings.Index(section[3:], "\n## ")+3]
	var got []string
	for _, l := range strings.Split(section, "\n") {
		if strings.HasPrefix(l, "| T") {
			got = append(got, l)
		}
	}
	var want []string
	for _, r := range runRules {
		want = append(want, "| "+r.id+" | "+r.says+" |")
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the README's retry table for errcode run is\n%s\nthe code's is\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
