package main

import (
	"bufio"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// result is one result code of sqlite3.h: its name, its number, and the
// primary code it extends (its own name for a primary code).
type result struct {
	name    string
	number  int
	primary string
	message string // sqlite3_errstr's, where the code has one of its own
}

var (
	primaryDef  = regexp.MustCompile(`^#define (SQLITE_[A-Z]+)\s+(\d+)\b`)
	extendedDef = regexp.MustCompile(`^#define (SQLITE_[A-Z]+_[A-Z_]+)\s+\((SQLITE_[A-Z]+)\s*\|\s*\((\d+)<<8\)\)`)
	versionDef  = regexp.MustCompile(`^#define SQLITE_VERSION\s+"([0-9.]+)"`)
)

// success names the result codes that report success, not an error: no
// entry of the catalog (SQLITE_OK_SYMLINK is internal to SQLite too).
var success = map[string]bool{"SQLITE_OK": true, "SQLITE_OK_LOAD_PERMANENTLY": true, "SQLITE_OK_SYMLINK": true}

// parseFacts reads the fact file: the primary result codes, then the
// extended ones, each numbered as sqlite3.h computes it (primary | k<<8).
// An extended code of a primary the file does not define, or a number
// twice, is an error: the extract is wrong.
func parseFacts(text string) (codes []result, ver string, err error) {
	primary := map[string]int{}
	seen := map[int]string{}
	add := func(r result) error {
		if other, dup := seen[r.number]; dup {
			return fmt.Errorf("%s and %s are both %d", other, r.name, r.number)
		}
		seen[r.number] = r.name
		codes = append(codes, r)
		return nil
	}
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		l := sc.Text()
		if m := versionDef.FindStringSubmatch(l); m != nil {
			ver = m[1]
			continue
		}
		if m := extendedDef.FindStringSubmatch(l); m != nil {
			p, ok := primary[m[2]]
			if !ok {
				return nil, "", fmt.Errorf("%s extends %s, which is not defined before it", m[1], m[2])
			}
			k, _ := strconv.Atoi(m[3])
			if err := add(result{name: m[1], number: p | k<<8, primary: m[2]}); err != nil {
				return nil, "", err
			}
			continue
		}
		if m := primaryDef.FindStringSubmatch(l); m != nil {
			n, _ := strconv.Atoi(m[2])
			primary[m[1]] = n
			if err := add(result{name: m[1], number: n, primary: m[1]}); err != nil {
				return nil, "", err
			}
		}
	}
	if len(primary) == 0 || len(codes) == len(primary) || ver == "" {
		return nil, "", fmt.Errorf("no primary or extended result codes, or no SQLITE_VERSION, found")
	}
	return codes, ver, nil
}

// extract writes the fact file from sqlite3.h: its SQLITE_VERSION line,
// and its "Result Codes" and "Extended Result Codes" sections, unchanged.
func extract(header, where string) ([]byte, error) {
	const (
		start = "/*\n** CAPI3REF: Result Codes\n"
		end   = "/*\n** CAPI3REF: Flags For File Open Operations\n"
	)
	i := strings.Index(header, start)
	j := strings.Index(header, end)
	if i < 0 || j < i {
		return nil, fmt.Errorf("sqlite3.h: no Result Codes section followed by Flags For File Open Operations")
	}
	var version string
	for _, l := range strings.Split(header, "\n") {
		if versionDef.MatchString(l) {
			version = l
			break
		}
	}
	if version == "" {
		return nil, fmt.Errorf("sqlite3.h: no SQLITE_VERSION")
	}
	var b strings.Builder
	fmt.Fprintf(&b, `// errcode fact file: SQLite's result codes, primary and extended.
// Source:  sqlite3.h, SQLite's public C API header (made from src/sqlite.h.in; https://sqlite.org/rescode.html
//          lists the same codes), from %s.
// Licence: public domain ("The author disclaims copyright to this source code").
// Extract: its SQLITE_VERSION line, and its "Result Codes" and "Extended Result Codes" sections, unchanged.
//          Written by: go run ./catalog/internal/gensqlite -extract FILE -from WHERE

%s

%s`, where, version, strings.TrimRight(header[i:j], "\n")+"\n")
	return []byte(b.String()), nil
}

// addMessages reads sqlite-errstr.tsv ("NUMBER\tNAME\tMESSAGE" for every
// code of the header) and gives each code its message: a primary code the
// one sqlite3_errstr returns, an extended code only one that differs from
// its primary's (SQLITE_ABORT_ROLLBACK's), and no code "unknown error",
// SQLite's word for a code it has no message for. A row the header does
// not have, or a code without a row, is an error.
func addMessages(codes []result, tsv string) error {
	rows := map[string]string{}
	for _, l := range strings.Split(tsv, "\n") {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) != 3 {
			return fmt.Errorf("%q: want NUMBER, NAME and MESSAGE", l)
		}
		rows[f[1]] = f[0] + "\t" + f[2]
	}
	msg := map[string]string{}
	for _, c := range codes {
		row, ok := rows[c.name]
		if !ok {
			return fmt.Errorf("no message row for %s", c.name)
		}
		number, m, _ := strings.Cut(row, "\t")
		if number != strconv.Itoa(c.number) {
			return fmt.Errorf("%s is %s here, %d in the header", c.name, number, c.number)
		}
		msg[c.name] = m
		delete(rows, c.name)
	}
	for name := range rows {
		return fmt.Errorf("a message for %s, which the header does not have", name)
	}
	for i := range codes {
		c := &codes[i]
		if m := msg[c.name]; m != "unknown error" && (c.primary == c.name || m != msg[c.primary]) {
			c.message = m
		}
	}
	return nil
}
