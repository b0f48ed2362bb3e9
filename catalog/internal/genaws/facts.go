package main

import (
	"bufio"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// shape is one [shapes] row of the fact file.
type shape struct {
	service, name, code string
	status              int    // 0: none stated
	fault               string // sender, server or ""
	retryable           string // throttling, yes or ""
}

// facts is the fact file parsed.
type facts struct {
	version, commit string
	shapes          []shape
	// retried: code -> the services whose retrier retries it ("*": all).
	retried map[string][]string
	// statuses a retrier retries whatever the code.
	statuses map[int]bool
}

var sourceLine = regexp.MustCompile(`^# Source: boto/botocore (\S+), commit ([0-9a-f]{40}) `)

func parseFacts(text string) (*facts, error) {
	f := &facts{retried: map[string][]string{}, statuses: map[int]bool{}}
	section := ""
	sc := bufio.NewScanner(strings.NewReader(text))
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		if m := sourceLine.FindStringSubmatch(l); m != nil {
			f.version, f.commit = m[1], m[2]
		}
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if strings.HasPrefix(l, "[") {
			section = strings.Trim(l, "[]")
			continue
		}
		cols := strings.Split(l, "\t")
		var err error
		switch {
		case section == "shapes" && len(cols) == 6:
			err = f.addShape(cols)
		case section == "codes" && len(cols) == 3:
			f.retried[cols[2]] = append(f.retried[cols[2]], cols[1])
		case section == "statuses" && len(cols) == 2:
			var s int
			s, err = strconv.Atoi(cols[1])
			f.statuses[s] = true
		default:
			err = fmt.Errorf("not a row of [%s]", section)
		}
		if err != nil {
			return nil, fmt.Errorf("line %d: %w: %q", n, err, l)
		}
	}
	if f.commit == "" || len(f.shapes) == 0 || len(f.retried) == 0 || len(f.statuses) == 0 {
		return nil, fmt.Errorf("want a Source line with the commit, and shapes, codes and statuses")
	}
	return f, nil
}

func (f *facts) addShape(cols []string) error {
	s := shape{service: cols[0], name: cols[1], code: cols[2]}
	if s.code == "-" {
		s.code = s.name
	}
	if cols[3] != "-" {
		n, err := strconv.Atoi(cols[3])
		if err != nil || n < 100 || n > 599 {
			return fmt.Errorf("status %q", cols[3])
		}
		s.status = n
	}
	switch cols[4] {
	case "sender", "server":
		s.fault = cols[4]
	case "-":
	default:
		return fmt.Errorf("fault %q", cols[4])
	}
	switch cols[5] {
	case "throttling", "yes":
		s.retryable = cols[5]
	case "-":
	default:
		return fmt.Errorf("retryable %q", cols[5])
	}
	f.shapes = append(f.shapes, s)
	return nil
}
