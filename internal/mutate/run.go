package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
)

// rerunSurvivors runs the mutants that lived in a saved run again, on the
// tree as it is now: for tests added since, without a whole new run. Each
// is found again by its marked line, which stays valid while only tests
// change; a mutant whose line was rewritten since is gone.
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
		m.OwnRan = false // tests were added since: its own package's too
		again = append(again, m)
	}
	fmt.Fprintf(os.Stderr, "mutate: %d survivors to run again\n", len(again))
	if err := rerun(again, testers, workers, timeout); err != nil {
		fail(err)
	}
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
		if t == m.Pkg && m.OwnRan {
			continue
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
