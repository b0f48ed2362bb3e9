package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/errcode-dev/errcode/catalog/internal/yamlout"
)

// constant is one line of the fact file: an NTStatus constant.
type constant struct {
	name  string
	value uint32
}

var (
	factLine = regexp.MustCompile(`^(STATUS_\w+) NTStatus = (0x[0-9A-F]{8})$`)
	version  = regexp.MustCompile(`^// Source:\s+golang\.org/x/sys (v\S+)`)
	// sourceLine is a line of zerrors_windows.go the extract keeps.
	sourceLine = regexp.MustCompile(`^\t(STATUS_\w+)\s+NTStatus\s+= (0x[0-9A-Fa-f]{8})$`)
)

// parseFacts reads the fact file's constants, in order, and its version.
// A line that is not a comment, blank or a constant, or a name twice, is
// an error: the extract is wrong.
func parseFacts(text string) (consts []constant, ver string, err error) {
	ver, err = yamlout.EachFact(text, version, func(l string) (string, error) {
		m := factLine.FindStringSubmatch(l)
		if m == nil {
			return "", fmt.Errorf("not a constant: %q", l)
		}
		v, _ := strconv.ParseUint(m[2], 0, 32) // 8 hex digits: always fits
		consts = append(consts, constant{name: m[1], value: uint32(v)})
		return m[1], nil
	})
	if err != nil {
		return nil, "", err
	}
	return consts, ver, nil
}

// code is one entry of ntstatus.yaml: a value, its first name in the
// source, and the other names of the same value.
type code struct {
	code    string // "0xC0000005"
	name    string
	warning bool
	aliases []string
}

// codesOf selects the entries: every constant whose severity (the top two
// bits) is error (0xC0000000) or warning (0x80000000); success
// (0x0xxxxxxx) and informational (0x4xxxxxxx) codes are not failures and
// are left out. A later constant of the same value is another name of the
// first one's entry.
func codesOf(consts []constant) []code {
	var out []code
	byValue := map[uint32]int{}
	for _, c := range consts {
		if c.value < 0x80000000 {
			continue
		}
		if i, ok := byValue[c.value]; ok {
			out[i].aliases = append(out[i].aliases, c.name)
			continue
		}
		byValue[c.value] = len(out)
		out = append(out, code{code: fmt.Sprintf("0x%08X", c.value), name: c.name, warning: c.value < 0xC0000000})
	}
	return out
}

// extract writes the fact file from x/sys's module directory: every line
// of windows/zerrors_windows.go that declares a STATUS_ constant of type
// NTStatus, in the file's order, with the alignment spaces collapsed and
// the value's hex digits in upper case.
func extract(dir, ver string) ([]byte, error) {
	data, err := os.ReadFile(filepath.Join(dir, "windows", "zerrors_windows.go"))
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	fmt.Fprintf(&b, `// errcode fact file: Windows NTSTATUS codes and their names.
// Source:  golang.org/x/sys %s (the Go module proxy: go mod download golang.org/x/sys@%s),
//          windows/zerrors_windows.go (generated there by mkerrors.bash from the Windows SDK's ntstatus.h).
// Licence: BSD-3-Clause, Copyright 2009 The Go Authors.
// Extract: every STATUS_ constant of type NTStatus (success, informational, warning and error
//          codes alike), in the file's order, one a line, with the file's alignment spaces
//          collapsed to one and the hex digits in upper case; only names and values.
//          Written by: go run ./catalog/internal/genntstatus -extract DIR -version %s

`, ver, ver, ver)
	n := 0
	for _, l := range strings.Split(string(data), "\n") {
		m := sourceLine.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		fmt.Fprintf(&b, "%s NTStatus = 0x%s\n", m[1], strings.ToUpper(m[2][2:]))
		n++
	}
	if n < 2000 {
		return nil, fmt.Errorf("zerrors_windows.go: only %d NTStatus constants found", n)
	}
	return []byte(b.String()), nil
}
