// Command mutate finishes a gremlins run: gremlins tests each mutant against
// its own package's tests only, so every mutant that lived there (or that
// those tests never reached) is applied again here and run against every test
// in the module that links the mutated package, testscripts included. It then
// prints a score per package and each survivor not argued equivalent.
//
// It is run by scripts/mutate.sh; see there for the whole procedure.
//
//	go run ./internal/mutate [-equivalent FILE] [-workers N] ROOT=REPORT.json...
//
// ROOT is the directory gremlins was pointed at (its report names files
// relative to it), REPORT its -o output.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"
)

func main() {
	equivFile := flag.String("equivalent", "scripts/mutate-equivalent.txt", "equivalent mutants, one per line: FILE | TYPE | LINE | REASON")
	workers := flag.Int("workers", 2, "mutants tested at once, each in its own copy of the module")
	timeout := flag.Duration("timeout", time.Minute, "longest one package's tests may take on a mutant")
	save := flag.String("save", "", "write every mutant's final status to this file")
	load := flag.String("load", "", "score the mutants a -save wrote, with the equivalents as they are now; run nothing")
	again := flag.Bool("again", false, "with -load: run the survivors again on this tree (tests added since), then score")
	recheck := flag.String("recheck", "", "with -again: also run again the mutants this package's tests killed (a flaky package)")
	flag.Parse()
	if *load != "" {
		all, err := readSaved(*load)
		if err != nil {
			fail(err)
		}
		if *again {
			rerunSurvivors(all, *recheck, *workers, *timeout)
			if *save != "" {
				writeSaved(*save, all)
			}
		}
		os.Exit(score(all, *equivFile))
	}
	if flag.NArg() == 0 {
		fail(errors.New("usage: mutate [-equivalent FILE] [-workers N] ROOT=REPORT.json [ROOT=REPORT.json ...]"))
	}
	var all []*mutant
	for _, arg := range flag.Args() {
		root, report, ok := strings.Cut(arg, "=")
		if !ok {
			fail(fmt.Errorf("%q: want ROOT=REPORT.json", arg))
		}
		ms, err := readReport(root, report)
		if err != nil {
			fail(err)
		}
		all = append(all, ms...)
	}
	for _, m := range all {
		if err := m.describe(); err != nil {
			fail(err)
		}
	}
	testers, err := dependents()
	if err != nil {
		fail(err)
	}
	var todo []*mutant
	for _, m := range all {
		// gremlins' timeout is a multiple of one coverage run, which a
		// busy machine's compile alone can exceed: a timeout is tried again.
		if m.Status == lived || m.Status == notCovered || m.Status == timedOut {
			m.OwnRan = m.Status == lived
			todo = append(todo, m)
		}
	}
	fmt.Fprintf(os.Stderr, "mutate: %d mutants, %d to run against the whole module\n", len(all), len(todo))
	if err := rerun(todo, testers, *workers, *timeout); err != nil {
		fail(err)
	}
	if *save != "" {
		writeSaved(*save, all)
	}
	os.Exit(score(all, *equivFile))
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "mutate:", err)
	os.Exit(2)
}
