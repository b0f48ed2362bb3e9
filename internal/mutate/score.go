package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"
)

func writeSaved(path string, all []*mutant) {
	b, _ := json.MarshalIndent(all, "", "\t")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		fail(err)
	}
}

func readSaved(path string) ([]*mutant, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var all []*mutant
	return all, json.Unmarshal(b, &all)
}

// score marks the survivors argued equivalent, prints the report and
// returns the exit code: 0 when every package made its target.
func score(all []*mutant, equivFile string) int {
	equiv, err := readEquivalents(equivFile)
	if err != nil {
		fail(err)
	}
	used := map[string]bool{}
	for _, m := range all {
		if m.Status == lived {
			if _, ok := equiv[m.key()]; ok {
				m.Status = equivalent
				used[m.key()] = true
			}
		}
	}
	ok := report(all)
	files := map[string]bool{}
	for _, m := range all {
		files[m.File] = true
	}
	var stale []string
	for k := range equiv {
		if file, _, _ := strings.Cut(k, " | "); files[file] && !used[k] {
			stale = append(stale, k)
		}
	}
	sort.Strings(stale)
	for _, k := range stale {
		fmt.Printf("stale equivalent (no such survivor now): %s\n", k)
	}
	if !ok {
		return 1
	}
	return 0
}

// readEquivalents reads FILE | TYPE | LINE | REASON lines; # starts a comment.
func readEquivalents(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]string{}, nil
	}
	if err != nil {
		return nil, err
	}
	eq := map[string]string{}
	for i, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.SplitN(line, " | ", 4)
		if len(f) != 4 || strings.TrimSpace(f[3]) == "" {
			return nil, fmt.Errorf("%s:%d: want FILE | TYPE | LINE | REASON, with a reason", path, i+1)
		}
		eq[f[0]+" | "+f[1]+" | "+f[2]] = f[3]
	}
	return eq, nil
}

// report prints the score per package, then every survivor not argued
// equivalent. A package's score is its killed mutants over all viable ones,
// equivalents counted as survivors: arguing a mutant harmless explains it but
// does not raise the score. It reports whether every package reached 90% with
// every survivor explained.
func report(all []*mutant) bool {
	type tally struct{ killed, lived, equiv, notViable, gone int }
	per := map[string]*tally{}
	var pkgs []string
	for _, m := range all {
		t := per[m.Pkg]
		if t == nil {
			t = &tally{}
			per[m.Pkg] = t
			pkgs = append(pkgs, m.Pkg)
		}
		switch m.Status {
		case killed, timedOut:
			t.killed++
		case lived:
			t.lived++
		case equivalent:
			t.equiv++
		case gone:
			t.gone++
		default:
			t.notViable++
		}
	}
	sort.Strings(pkgs)
	ok := true
	fmt.Printf("%-16s %7s %7s %7s %7s %7s %7s\n", "package", "killed", "lived", "equiv", "n/v", "gone", "score")
	for _, p := range pkgs {
		t := per[p]
		viable := t.killed + t.lived + t.equiv
		score := 100.0
		if viable > 0 {
			score = 100 * float64(t.killed) / float64(viable)
		}
		if score < 90 || t.lived > 0 {
			ok = false
		}
		fmt.Printf("%-16s %7d %7d %7d %7d %7d %6.1f%%\n", p, t.killed, t.lived, t.equiv, t.notViable, t.gone, score)
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].File != all[j].File {
			return all[i].File < all[j].File
		}
		return all[i].Line < all[j].Line
	})
	for _, m := range all {
		if m.Status == lived {
			fmt.Printf("survivor %s:%d:%d %s\n    %s\n", m.File, m.Line, m.Col, m.Type, m.key())
		}
	}
	return ok
}
