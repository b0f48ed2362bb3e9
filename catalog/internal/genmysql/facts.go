package main

import (
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
)

// code is one error number of the fact file: its name, its number, the
// SQLSTATE errmsg-utf8.txt states for it ("" where it states none), and
// whether it is the client library's (errmsg.h) rather than the server's.
type code struct {
	name     string
	number   int
	sqlstate string
	client   bool
	retry    string // "yes" or "no" where documentation states it
	retryDoc string // the page that states it
}

// The fact file's three sections, each after its marker line.
const (
	serverMark = "// == mysqld_error.h"
	clientMark = "// == errmsg.h"
	stateMark  = "// == errmsg-utf8.txt"
)

var (
	defineLine  = regexp.MustCompile(`^#define ([A-Z][A-Z0-9_]*)\s+(\d+)\b`)
	clientLine  = regexp.MustCompile(`^#define (CR_[A-Z0-9_]+)\s+(\d+)\b`)
	numberLine  = regexp.MustCompile(`^(?:start-error-number|skip-to-error-number) (\d+)$`)
	stateLine   = regexp.MustCompile(`^([A-Z][A-Z0-9_]*)(?: ([0-9A-Z]{5}))?$`)
	versionLine = regexp.MustCompile(`^// Version: (MariaDB \d+\.\d+\.\d+)$`)
	sourceState = regexp.MustCompile(`^([A-Z][A-Z0-9_]*)[ \t]*(?:([0-9A-Z]{5})\b)?`)
)

// markers are defines of mysqld_error.h and errmsg.h that bound a range
// rather than name an error (ER_LAST_MYSQL_ERROR_MESSAGE has an empty
// message in errmsg-utf8.txt: it marks the last number from MySQL).
var markers = regexp.MustCompile(`^(?:ER_ERROR_(?:FIRST|LAST)(?:_SECTION_\d+)?|ER_LAST_MYSQL_ERROR_MESSAGE|CR_MIN_ERROR|CR_MAX_ERROR)$`)

// unused: MariaDB's placeholders for numbers it no longer uses (MySQL may
// use some of them for other errors).
func unused(name string) bool { return strings.HasPrefix(name, "ER_UNUSED_") }

// parseFacts reads the fact file: the server's errors with their numbers
// from mysqld_error.h, the client library's from errmsg.h, and the
// SQLSTATEs from errmsg-utf8.txt, whose order numbers the errors the
// same way comp_err does. A name the two server sections number
// differently, or lack in one of them, or a number twice, is an error:
// the extract is wrong. Markers and unused placeholders are left out.
func parseFacts(text string) (codes []code, ver string, err error) {
	section := ""
	server := map[string]int{}
	var order []string
	var clients []code
	states := map[string]string{}
	numbered := map[string]int{}
	next := -1
	for _, l := range strings.Split(text, "\n") {
		if m := versionLine.FindStringSubmatch(l); m != nil {
			ver = m[1]
			continue
		}
		switch {
		case strings.HasPrefix(l, serverMark):
			section = "server"
			continue
		case strings.HasPrefix(l, clientMark):
			section = "client"
			continue
		case strings.HasPrefix(l, stateMark):
			section = "states"
			continue
		case l == "" || strings.HasPrefix(l, "//"):
			continue
		}
		switch section {
		case "server":
			m := defineLine.FindStringSubmatch(l)
			if m == nil {
				return nil, "", fmt.Errorf("mysqld_error.h: %q is not a #define of a number", l)
			}
			n, _ := strconv.Atoi(m[2])
			server[m[1]] = n
			order = append(order, m[1])
		case "client":
			m := clientLine.FindStringSubmatch(l)
			if m == nil {
				return nil, "", fmt.Errorf("errmsg.h: %q is not a #define of a CR_ number", l)
			}
			n, _ := strconv.Atoi(m[2])
			clients = append(clients, code{name: m[1], number: n, client: true})
		case "states":
			if m := numberLine.FindStringSubmatch(l); m != nil {
				next, _ = strconv.Atoi(m[1])
				continue
			}
			m := stateLine.FindStringSubmatch(l)
			if m == nil || next < 0 {
				return nil, "", fmt.Errorf("errmsg-utf8.txt: %q is not a name with an optional SQLSTATE after a numbering line", l)
			}
			numbered[m[1]] = next
			states[m[1]] = m[2]
			next++
		default:
			return nil, "", fmt.Errorf("%q before the first section", l)
		}
	}
	if ver == "" || len(order) == 0 || len(clients) == 0 || len(numbered) == 0 {
		return nil, "", fmt.Errorf("no version line, or a section missing or empty")
	}
	for _, name := range order {
		n, ok := numbered[name]
		if markers.MatchString(name) && !ok {
			continue // a range's bound, not in errmsg-utf8.txt
		}
		if !ok || n != server[name] {
			return nil, "", fmt.Errorf("%s is %d in mysqld_error.h, %d (found %v) by errmsg-utf8.txt's order", name, server[name], n, ok)
		}
		delete(numbered, name)
		if !unused(name) && !markers.MatchString(name) {
			codes = append(codes, code{name: name, number: n, sqlstate: states[name]})
		}
	}
	for name := range numbered {
		return nil, "", fmt.Errorf("errmsg-utf8.txt names %s, which mysqld_error.h does not define", name)
	}
	for _, c := range clients {
		if !markers.MatchString(c.name) {
			codes = append(codes, c)
		}
	}
	seen := map[int]string{}
	for _, c := range codes {
		if other, dup := seen[c.number]; dup {
			return nil, "", fmt.Errorf("%s and %s are both %d", other, c.name, c.number)
		}
		seen[c.number] = c.name
	}
	return codes, ver, nil
}

// addRetry reads mysql-retry.tsv ("NAME\tNUMBER\tRETRY\tPAGE" rows, RETRY
// yes or no, as a documentation page states it) and marks those codes. A
// row whose name and number are not a code of the fact file is an error.
func addRetry(codes []code, tsv string) error {
	byName := map[string]*code{}
	for i := range codes {
		byName[codes[i].name] = &codes[i]
	}
	for _, l := range strings.Split(tsv, "\n") {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) != 4 || f[2] != "yes" && f[2] != "no" || !strings.HasPrefix(f[3], "https://") {
			return fmt.Errorf("%q: want NAME, NUMBER, yes or no, and the page's address", l)
		}
		c := byName[f[0]]
		if c == nil || strconv.Itoa(c.number) != f[1] {
			return fmt.Errorf("%s %s is not a code of the fact file", f[0], f[1])
		}
		c.retry, c.retryDoc = f[2], f[3]
	}
	return nil
}

// extract writes the fact file from mysqld_error.h (every #define,
// unchanged), errmsg.h (its CR_ numbers, name and number only) and
// errmsg-utf8.txt (its numbering lines, and each error's name with the
// SQLSTATE it states: no message, no ODBC state). where must start with
// "MariaDB X.Y.Z".
func extract(files, where string) ([]byte, error) {
	paths := strings.Split(files, ",")
	if len(paths) != 3 {
		return nil, fmt.Errorf("-extract wants three files: mysqld_error.h,errmsg.h,errmsg-utf8.txt")
	}
	ver := regexp.MustCompile(`^MariaDB \d+\.\d+\.\d+`).FindString(where)
	if ver == "" {
		return nil, fmt.Errorf("-from must start with the MariaDB version (\"MariaDB 10.11.18 ...\")")
	}
	var text [3]string
	for i, p := range paths {
		b, err := readFile(p)
		if err != nil {
			return nil, err
		}
		text[i] = b
	}
	var b strings.Builder
	fmt.Fprintf(&b, `// errcode fact file: MySQL's and MariaDB's error numbers, their names, and the SQLSTATE of each server error.
// Source:  %s.
//          mysqld_error.h (generated by MariaDB's comp_err from sql/share/errmsg-utf8.txt) and errmsg.h
//          (MariaDB Connector/C's client errors) as libmariadb-dev installs them in /usr/include/mariadb/,
//          and sql/share/errmsg-utf8.txt from the MariaDB server source of the same version.
// Licence: mysqld_error.h and errmsg-utf8.txt: GPL-2 (MariaDB server); errmsg.h: LGPL-2.1+ (MariaDB
//          Connector/C). Only names, numbers and SQLSTATEs are taken: no message, no comment.
// Extract: mysqld_error.h's #define lines, unchanged; errmsg.h's CR_ number defines, name and number only;
//          errmsg-utf8.txt's numbering lines and each error's name with the SQLSTATE it states.
//          Written by: go run ./catalog/internal/genmysql -extract MYSQLD_ERROR_H,ERRMSG_H,ERRMSG_UTF8_TXT -from WHERE
// Version: %s
`, where, ver)
	b.WriteString("\n" + serverMark + ": every #define\n")
	for _, l := range strings.Split(text[0], "\n") {
		if defineLine.MatchString(l) {
			b.WriteString(l + "\n")
		}
	}
	b.WriteString("\n" + clientMark + ": its CR_ numbers\n")
	for _, l := range strings.Split(text[1], "\n") {
		if m := clientLine.FindStringSubmatch(l); m != nil {
			fmt.Fprintf(&b, "#define %s %s\n", m[1], m[2])
		}
	}
	b.WriteString("\n" + stateMark + ": numbering lines, names and SQLSTATEs\n")
	for _, l := range strings.Split(text[2], "\n") {
		switch {
		case strings.HasPrefix(l, "start-error-number ") || strings.HasPrefix(l, "skip-to-error-number "):
			b.WriteString(strings.TrimSpace(l) + "\n")
		case strings.HasPrefix(l, "ER_") || strings.HasPrefix(l, "WARN_"):
			m := sourceState.FindStringSubmatch(l)
			if m[2] != "" {
				fmt.Fprintf(&b, "%s %s\n", m[1], m[2])
			} else {
				b.WriteString(m[1] + "\n")
			}
		}
	}
	out := b.String()
	if _, _, err := parseFacts(out); err != nil {
		return nil, fmt.Errorf("the extract does not read back: %w", err)
	}
	return []byte(out), nil
}

func readFile(path string) (string, error) {
	b, err := os.ReadFile(path)
	return string(b), err
}
