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
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/scanner"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
)

// Statuses, as gremlins spells them.
const (
	killed     = "KILLED"
	lived      = "LIVED"
	notCovered = "NOT COVERED"
	notViable  = "NOT VIABLE"
	timedOut   = "TIMED OUT"
	equivalent = "EQUIVALENT" // errcode's: lived, and argued harmless
	gone       = "GONE"       // errcode's: its line was rewritten since the run (--again)
)

type mutant struct {
	Pkg    string // module-relative directory: "explain", "catalog/source"
	File   string // module-relative path
	Line   int
	Col    int
	Type   string
	Status string
	By     string // the package whose tests killed it in the second pass
	Text   string // the source line, its mutated operator marked «thus»
}

func (m *mutant) key() string { return m.File + " | " + m.Type + " | " + m.Text }

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
		fail(errors.New("usage: mutate [-equivalent FILE] [-workers N] ROOT=REPORT.json..."))
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

func writeSaved(path string, all []*mutant) {
	b, _ := json.MarshalIndent(all, "", "\t")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		fail(err)
	}
}

// rerunSurvivors runs the mutants that lived in a saved run again, on the
// tree as it is now: for tests added since, without a whole new run. Each
// is found again by its marked line, which stays valid while only tests
// change; a mutant whose line is gone is reported and left as it was.
func rerunSurvivors(all []*mutant, recheck string, workers int, timeout time.Duration) {
	testers, err := dependents()
	if err != nil {
		fail(err)
	}
	var again []*mutant
	for _, m := range all {
		if m.Status != lived && m.Status != equivalent && !(recheck != "" && m.Status == killed && m.By == recheck) {
			continue
		}
		prev := m.Status
		m.Status = lived
		if err := m.relocate(); err != nil {
			// The code it mutated is not there any more: it is no mutant of
			// this tree. (Rewritten code wants a new full run.)
			fmt.Fprintf(os.Stderr, "mutate: %v: gone\n", err)
			if prev == killed {
				m.Status = prev
			} else {
				m.Status = gone
			}
			continue
		}
		m.Status = timedOut // so that try runs its own package's tests too
		again = append(again, m)
	}
	fmt.Fprintf(os.Stderr, "mutate: %d survivors to run again\n", len(again))
	if err := rerun(again, testers, workers, timeout); err != nil {
		fail(err)
	}
}

// relocate finds m's line in the file as it is now: the same text with the
// same operator marked, nearest its old line.
func (m *mutant) relocate() error {
	src, err := os.ReadFile(m.File)
	if err != nil {
		return err
	}
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(src))
	var sc scanner.Scanner
	sc.Init(file, src, nil, 0)
	best, bestLine, bestCol := -1, 0, 0
	for {
		pos, tok, _ := sc.Scan()
		if tok == token.EOF {
			break
		}
		if _, ok := swaps[m.Type][tok]; !ok {
			continue
		}
		p := fset.Position(pos)
		c := &mutant{File: m.File, Line: p.Line, Col: p.Column}
		if c.describe() != nil || c.Text != m.Text {
			continue
		}
		if d := abs(p.Line - m.Line); best < 0 || d < best {
			best, bestLine, bestCol = d, p.Line, p.Column
		}
	}
	if best < 0 {
		return fmt.Errorf("%s:%d: %q is no longer there", m.File, m.Line, m.Text)
	}
	m.Line, m.Col = bestLine, bestCol
	return nil
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
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

func fail(err error) {
	fmt.Fprintln(os.Stderr, "mutate:", err)
	os.Exit(2)
}

// readReport reads gremlins' -o output.
func readReport(root, path string) ([]*mutant, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var r struct {
		Files []struct {
			Name      string `json:"file_name"`
			Mutations []struct {
				Type   string `json:"type"`
				Status string `json:"status"`
				Line   int    `json:"line"`
				Col    int    `json:"column"`
			} `json:"mutations"`
		} `json:"files"`
	}
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var ms []*mutant
	for _, f := range r.Files {
		file := filepath.ToSlash(filepath.Join(root, f.Name))
		for _, x := range f.Mutations {
			ms = append(ms, &mutant{Pkg: filepath.ToSlash(filepath.Dir(file)), File: file,
				Line: x.Line, Col: x.Col, Type: x.Type, Status: x.Status})
		}
	}
	return ms, nil
}

// describe fills in the mutant's line, its operator marked, so that the
// equivalents file names it by what it is rather than by a line number that
// moves with every edit.
func (m *mutant) describe() error {
	src, err := os.ReadFile(m.File)
	if err != nil {
		return err
	}
	off, tok, err := find(src, m.Line, m.Col)
	if err != nil {
		return fmt.Errorf("%s:%d:%d: %w", m.File, m.Line, m.Col, err)
	}
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	end := off + bytes.IndexByte(src[off:], '\n')
	if end < off {
		end = len(src)
	}
	line := string(src[start:off]) + "«" + tok.String() + "»" + string(src[off+len(tok.String()):end])
	m.Text = strings.Join(strings.Fields(line), " ")
	return nil
}

// find returns the offset and token of the operator at line:col.
func find(src []byte, line, col int) (int, token.Token, error) {
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(src))
	var s scanner.Scanner
	s.Init(file, src, nil, 0)
	for {
		pos, tok, _ := s.Scan()
		if tok == token.EOF {
			return 0, 0, errors.New("no token there: is the report from this tree?")
		}
		p := fset.Position(pos)
		if p.Line == line && p.Column == col {
			return p.Offset, tok, nil
		}
	}
}

// swaps is gremlins' table (internal/engine/mappings.go at v0.6.0) for the
// mutators scripts/mutate.sh enables.
var swaps = map[string]map[token.Token]token.Token{
	"ARITHMETIC_BASE": {token.ADD: token.SUB, token.MUL: token.QUO, token.QUO: token.MUL,
		token.REM: token.MUL, token.SUB: token.ADD},
	"CONDITIONALS_BOUNDARY": {token.GEQ: token.GTR, token.GTR: token.GEQ, token.LEQ: token.LSS,
		token.LSS: token.LEQ},
	"CONDITIONALS_NEGATION": {token.EQL: token.NEQ, token.GEQ: token.LSS, token.GTR: token.LEQ,
		token.LEQ: token.GTR, token.LSS: token.GEQ, token.NEQ: token.EQL},
	"INCREMENT_DECREMENT": {token.DEC: token.INC, token.INC: token.DEC},
	"INVERT_NEGATIVES":    {token.SUB: token.ADD},
	"INVERT_LOGICAL":      {token.LAND: token.LOR, token.LOR: token.LAND},
	"INVERT_LOOPCTRL":     {token.BREAK: token.CONTINUE, token.CONTINUE: token.BREAK},
}

// mutated returns src with the mutant applied.
func (m *mutant) mutated(src []byte) ([]byte, error) {
	off, tok, err := find(src, m.Line, m.Col)
	if err != nil {
		return nil, err
	}
	to, ok := swaps[m.Type][tok]
	if !ok {
		return nil, fmt.Errorf("%s:%d:%d: %s does not apply to %s", m.File, m.Line, m.Col, m.Type, tok)
	}
	out := append([]byte{}, src[:off]...)
	out = append(out, to.String()...)
	return append(out, src[off+len(tok.String()):]...), nil
}

// dependents maps each package directory to the directories of the packages
// whose tests link it, its own first.
func dependents() (map[string][]string, error) {
	out, err := exec.Command("go", "list", "-test", "-f", "{{.ImportPath}}|{{.Dir}}|{{join .Deps \",\"}}", "./...").Output()
	if err != nil {
		return nil, fmt.Errorf("go list: %w", err)
	}
	mod, err := exec.Command("go", "list", "-m", "-f", "{{.Path}}|{{.Dir}}").Output()
	if err != nil {
		return nil, fmt.Errorf("go list -m: %w", err)
	}
	modPath, modDir, _ := strings.Cut(strings.TrimSpace(string(mod)), "|")
	rel := func(imp string) string {
		if imp == modPath {
			return "."
		}
		return strings.TrimPrefix(imp, modPath+"/")
	}
	users := map[string][]string{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		imp, rest, _ := strings.Cut(sc.Text(), "|")
		dir, deps, _ := strings.Cut(rest, "|")
		if !strings.HasSuffix(imp, ".test") { // a test main lists all its tests link
			continue
		}
		tester, err := filepath.Rel(modDir, dir)
		if err != nil {
			return nil, err
		}
		tester = filepath.ToSlash(tester)
		for _, d := range strings.Split(deps, ",") {
			d, _, _ = strings.Cut(d, " ") // "p [p.test]" is p, recompiled with its tests
			if d == modPath || strings.HasPrefix(d, modPath+"/") {
				users[rel(d)] = appendOnce(users[rel(d)], tester)
			}
		}
	}
	for p, ts := range users {
		sort.SliceStable(ts, func(i, j int) bool { return rank(ts[i], p) < rank(ts[j], p) })
	}
	return users, sc.Err()
}

// rank orders the packages whose tests try a mutant of p: p's own first,
// then cmd, whose end-to-end scripts reach most code, then the rest.
func rank(tester, p string) int {
	switch tester {
	case p:
		return 0
	case "cmd":
		return 1
	}
	return 2
}

func appendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// rerun tests each mutant in one of several copies of the module.
func rerun(ms []*mutant, testers map[string][]string, workers int, timeout time.Duration) error {
	tmp, err := os.MkdirTemp("", "errcode-mutate-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	jobs := make(chan *mutant)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for w := 0; w < workers; w++ {
		dir := filepath.Join(tmp, fmt.Sprint(w))
		if err := copyTree(".", dir); err != nil {
			return err
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for m := range jobs {
				status, by := try(dir, m, testers[m.Pkg], timeout)
				mu.Lock()
				m.Status, m.By = status, by
				done++
				fmt.Fprintf(os.Stderr, "[%d/%d] %-11s %s:%d:%d %s %s\n", done, len(ms), status, m.File, m.Line, m.Col, m.Type, by)
				mu.Unlock()
			}
		}()
	}
	for _, m := range ms {
		jobs <- m
	}
	close(jobs)
	wg.Wait()
	return nil
}

// try applies m in dir, runs the tests of each package that links it until
// one fails, and puts the file back.
func try(dir string, m *mutant, testers []string, timeout time.Duration) (status, by string) {
	path := filepath.Join(dir, m.File)
	orig, err := os.ReadFile(path)
	if err != nil {
		return notViable, err.Error()
	}
	src, err := m.mutated(orig)
	if err != nil {
		return notViable, err.Error()
	}
	if err := os.WriteFile(path, src, 0o644); err != nil {
		return notViable, err.Error()
	}
	defer os.WriteFile(path, orig, 0o644)
	// gremlins never built a mutant it calls not covered; nor are its own
	// package's tests sure to miss it: v0.6.0 calls every mutant in a case
	// clause's expressions not covered, reached or not.
	if m.Status == notCovered {
		if err := goCmd(dir, timeout, "build", "./"+m.Pkg); err != nil {
			return notViable, ""
		}
	}
	for _, t := range testers {
		if t == m.Pkg && m.Status == lived {
			continue // gremlins ran these, and it lived
		}
		err := goCmd(dir, timeout, "test", "-count=1", "-vet=off", "-failfast", "-timeout", timeout.String(), "./"+t)
		if errors.Is(err, context.DeadlineExceeded) {
			return timedOut, t
		}
		if err != nil {
			return killed, t
		}
	}
	return lived, ""
}

func goCmd(dir string, timeout time.Duration, args ...string) error {
	ctx, cancel := context.WithTimeout(context.Background(), timeout+10*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	err := cmd.Run()
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return err
}

// copyTree copies the module (not .git, not dist) to dst.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "dist") {
			return filepath.SkipDir
		}
		target := filepath.Join(dst, p)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, info.Mode().Perm())
	})
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
