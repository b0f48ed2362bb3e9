package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// errno is one row of x/sys's errorList, with the other constants of the
// same number (EWOULDBLOCK for EAGAIN).
type errno struct {
	name    string
	number  int
	message string
	aliases []string
}

var (
	errorRow   = regexp.MustCompile(`^\s*\{(\d+), "(E[A-Z0-9]+)", "([^"\\]*)"\},$`)
	errnoConst = regexp.MustCompile(`^\s*(E[A-Z0-9]+)\s*= syscall\.Errno\(0x([0-9a-f]+)\)$`)
	version    = regexp.MustCompile(`^// Source:\s+golang\.org/x/sys (v\S+)`)
)

// parseFacts reads the fact file: its errorList rows, in order, each with
// the Errno constants that share its number. A constant whose number no row
// has, or a row without its constant, is an error: the extract is wrong.
func parseFacts(text string) (rows []errno, ver string, err error) {
	consts := map[string]int{}
	var names []string
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		l := sc.Text()
		if m := version.FindStringSubmatch(l); m != nil {
			ver = m[1]
		}
		if m := errorRow.FindStringSubmatch(l); m != nil {
			n, _ := strconv.Atoi(m[1])
			rows = append(rows, errno{name: m[2], number: n, message: m[3]})
		}
		if m := errnoConst.FindStringSubmatch(l); m != nil {
			n, _ := strconv.ParseInt(m[2], 16, 32)
			if _, dup := consts[m[1]]; dup {
				return nil, "", fmt.Errorf("constant %s twice", m[1])
			}
			consts[m[1]] = int(n)
			names = append(names, m[1])
		}
	}
	if len(rows) == 0 || len(consts) == 0 || ver == "" {
		return nil, "", fmt.Errorf("no errorList rows, Errno constants or version found")
	}
	byNumber := map[int]int{}
	for i, r := range rows {
		if _, dup := byNumber[r.number]; dup {
			return nil, "", fmt.Errorf("errorList has %d twice", r.number)
		}
		byNumber[r.number] = i
		if n, ok := consts[r.name]; !ok || n != r.number {
			return nil, "", fmt.Errorf("errorList's %s (%d) has no Errno constant of that number", r.name, r.number)
		}
	}
	for _, name := range names {
		i, ok := byNumber[consts[name]]
		if !ok {
			return nil, "", fmt.Errorf("constant %s (%d) has no errorList row", name, consts[name])
		}
		if name != rows[i].name {
			rows[i].aliases = append(rows[i].aliases, name)
		}
	}
	return rows, ver, nil
}

// extract writes the fact file from x/sys's module directory: the "Errors"
// const blocks of unix/zerrors_linux.go (the errnos every architecture
// shares) and unix/zerrors_linux_amd64.go, and the latter's errorList,
// each unchanged.
func extract(dir, ver string) ([]byte, error) {
	var b strings.Builder
	fmt.Fprintf(&b, `// errcode fact file: Linux errno names, numbers and messages.
// Source:  golang.org/x/sys %s (the Go module proxy: go mod download golang.org/x/sys@%s),
//          unix/zerrors_linux.go and unix/zerrors_linux_amd64.go (generated there by mkerrors.sh
//          from the Linux headers; the messages are glibc's strerror text).
// Licence: BSD-3-Clause, Copyright 2009 The Go Authors.
// Extract: the "Errors" const block of each file and the amd64 file's errorList, unchanged.
//          Written by: go run ./catalog/internal/generrno -extract DIR -version %s
`, ver, ver, ver)
	for _, part := range []struct{ file, start, end string }{
		{"zerrors_linux.go", "// Errors\n", "\n)\n"},
		{"zerrors_linux_amd64.go", "// Errors\n", "\n)\n"},
		{"zerrors_linux_amd64.go", "// Error table\n", "\n}\n"},
	} {
		data, err := os.ReadFile(filepath.Join(dir, "unix", part.file))
		if err != nil {
			return nil, err
		}
		s := string(data)
		i := strings.Index(s, part.start)
		if i < 0 {
			return nil, fmt.Errorf("%s: no %q", part.file, strings.TrimSpace(part.start))
		}
		j := strings.Index(s[i:], part.end)
		if j < 0 {
			return nil, fmt.Errorf("%s: %q has no end", part.file, strings.TrimSpace(part.start))
		}
		fmt.Fprintf(&b, "\n// unix/%s:\n%s", part.file, s[i:i+j+len(part.end)])
	}
	return []byte(b.String()), nil
}
