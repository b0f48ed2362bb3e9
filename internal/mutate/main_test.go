package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const src = `package p

func f(a, b int) bool {
	return a < b && b >= 0
}
`

func inDir(t *testing.T) {
	t.Helper()
	t.Chdir(t.TempDir())
	os.MkdirAll("p", 0o755)
	if err := os.WriteFile(filepath.Join("p", "p.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A mutant is described by its line with the operator marked, applied by
// gremlins' table, and found again by its description after the file moves.
func TestMutant(t *testing.T) {
	inDir(t)
	m := &mutant{Pkg: "p", File: "p/p.go", Line: 4, Col: 11, Type: "CONDITIONALS_BOUNDARY"}
	if err := m.describe(); err != nil {
		t.Fatal(err)
	}
	if m.Text != "return a «<» b && b >= 0" {
		t.Errorf("described as %q", m.Text)
	}
	out, err := m.mutated([]byte(src))
	if err != nil || !strings.Contains(string(out), "return a <= b && b >= 0") {
		t.Errorf("mutated: %v\n%s", err, out)
	}
	neg := &mutant{File: "p/p.go", Line: 4, Col: 20, Type: "CONDITIONALS_NEGATION"}
	if out, err := neg.mutated([]byte(src)); err != nil || !strings.Contains(string(out), "b < 0") {
		t.Errorf("negation: %v\n%s", err, out)
	}
	if _, err := (&mutant{Line: 4, Col: 11, Type: "INCREMENT_DECREMENT"}).mutated([]byte(src)); err == nil {
		t.Error("a type that does not apply to the token was applied")
	}
	if _, err := (&mutant{Line: 4, Col: 12, Type: "CONDITIONALS_BOUNDARY"}).mutated([]byte(src)); err == nil {
		t.Error("a position with no token was applied")
	}
	// Two lines added above: found again, nearest its old line.
	os.WriteFile("p/p.go", []byte(strings.Replace(src, "package p\n", "package p\n\n// moved\n", 1)), 0o644)
	if err := m.relocate(); err != nil || m.Line != 6 || m.Col != 11 {
		t.Errorf("relocated to %d:%d (%v), want 6:11", m.Line, m.Col, err)
	}
	os.WriteFile("p/p.go", []byte(strings.Replace(src, "a < b", "a > b", 1)), 0o644)
	if err := m.relocate(); err == nil {
		t.Error("a changed line was found again")
	}
}

func TestEquivalents(t *testing.T) {
	inDir(t)
	os.WriteFile("eq.txt", []byte("# comment\n\np/p.go | CONDITIONALS_BOUNDARY | return a «<» b && b >= 0 | why not\n"), 0o644)
	eq, err := readEquivalents("eq.txt")
	if err != nil || eq["p/p.go | CONDITIONALS_BOUNDARY | return a «<» b && b >= 0"] != "why not" {
		t.Errorf("%v %v", eq, err)
	}
	os.WriteFile("bad.txt", []byte("p/p.go | CONDITIONALS_BOUNDARY | return a «<» b && b >= 0 |  \n"), 0o644)
	if _, err := readEquivalents("bad.txt"); err == nil {
		t.Error("a line without a reason was accepted")
	}
	if eq, err := readEquivalents("none.txt"); err != nil || len(eq) != 0 {
		t.Errorf("no file: %v %v", eq, err)
	}
}

// The score counts equivalents against it, and the run passes only at 90%
// with every survivor explained.
func TestReport(t *testing.T) {
	ms := func(killedN, livedN, equivN int) []*mutant {
		var out []*mutant
		for i := 0; i < killedN; i++ {
			out = append(out, &mutant{Pkg: "p", Status: killed})
		}
		for i := 0; i < livedN; i++ {
			out = append(out, &mutant{Pkg: "p", Status: lived})
		}
		for i := 0; i < equivN; i++ {
			out = append(out, &mutant{Pkg: "p", Status: equivalent})
		}
		return out
	}
	for _, tc := range []struct {
		k, l, e int
		ok      bool
	}{{9, 0, 1, true}, {9, 1, 0, false}, {8, 0, 2, false}, {10, 0, 0, true}} {
		if got := report(ms(tc.k, tc.l, tc.e)); got != tc.ok {
			t.Errorf("%d killed, %d lived, %d equivalent: ok %v, want %v", tc.k, tc.l, tc.e, got, tc.ok)
		}
	}
}
