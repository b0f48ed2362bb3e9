package render

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/errcode-dev/errcode/explain"
)

// MaxLogGroupsShown is how many of a log's errors the text output shows
// with their cards; --json lists them all.
const MaxLogGroupsShown = 10

// Log writes what errcode concluded about a log: a line on the log, then
// each error (most actionable first) with its count, when it was first and
// last seen, and its diagnosis.
func (r *Renderer) Log(rep *explain.LogReport) error {
	errs := count(rep.ErrorRecords, "record") + " at error level or worse"
	if rep.Format == "access log" { // a record per response: the failed ones
		errs = count(rep.ErrorRecords, "response") + " with status 400 or more"
	}
	head := fmt.Sprintf("%s: %s, %s", rep.Format, count(rep.Lines, "line"), errs)
	if len(rep.Groups)+rep.GroupsOmitted > 1 {
		head += fmt.Sprintf(", %s (most actionable first)", count(int64(len(rep.Groups)+rep.GroupsOmitted), "distinct error"))
	}
	if rep.LinesCut > 0 {
		head += fmt.Sprintf("; %s longer than %d KiB read only in part", count(rep.LinesCut, "line"), explain.MaxRecordLine>>10)
	}
	if err := r.write(r.paint(r.st.faint, head) + "\n"); err != nil {
		return err
	}
	clock := sameDay(rep.Groups)
	for i := range rep.Groups[:min(len(rep.Groups), MaxLogGroupsShown)] {
		g := &rep.Groups[i]
		if err := r.write("\n"); err != nil {
			return err
		}
		in := ExplainInput{D: &g.Diagnosis, Format: rep.Format + " record", Index: i + 1, Of: len(rep.Groups), Heading: fmt.Sprintf("%d× %s", g.Count, groupName(&g.Diagnosis)), Seen: groupSeen(g, clock), NotesLabel: "Log said"}
		if err := r.Explain(in); err != nil {
			return err
		}
	}
	var rest []string
	if n := len(rep.Groups) - MaxLogGroupsShown; n > 0 {
		rest = append(rest, fmt.Sprintf("… and %s not shown: errcode explain --json lists them", count(int64(n), "more error")))
	}
	if rep.GroupsOmitted > 0 {
		rest = append(rest, fmt.Sprintf("… and %s in %s past the first %d, not explained", count(rep.RecordsOmitted, "error record"), count(int64(rep.GroupsOmitted), "more error"), len(rep.Groups)))
	}
	for _, l := range rest {
		if err := r.write("\n" + r.paint(r.st.faint, l) + "\n"); err != nil {
			return err
		}
	}
	return nil
}

// count says "no lines", "1 line", "2 lines", "12,345 lines".
func count(n int64, what string) string { return Count(n, what, what+"s") }

// Count says how many, in words: "no entries", "1 entry", "2 entries",
// "12,345 entries".
func Count(n int64, one, many string) string {
	switch n {
	case 0:
		return "no " + many
	case 1:
		return "1 " + one
	}
	return thousands(n) + " " + many
}

func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// groupSeen says when and where a log's error was seen: "first 10:02:11
// (line 12) · last 10:04:55 (line 873)". Its records may be anywhere
// between the two lines, not on all of them.
func groupSeen(g *explain.LogGroup, clock bool) string {
	var parts []string
	first, last := seenAt(g.FirstSeen, clock), seenAt(g.LastSeen, clock)
	switch {
	case g.Count == 1 && first != "":
		parts = append(parts, "at "+first)
	case first != "":
		return fmt.Sprintf("first %s (line %d) · last %s (line %d)", first, g.FirstLine, last, g.LastLine)
	}
	if g.FirstLine == g.LastLine {
		parts = append(parts, fmt.Sprintf("line %d", g.FirstLine))
	} else {
		parts = append(parts, fmt.Sprintf("first at line %d, last at line %d", g.FirstLine, g.LastLine))
	}
	return strings.Join(parts, " · ")
}

// groupName names a log's error as the list of errors names its lead
// finding ("aws:ThrottlingException (operation PutItem)"), else by its
// status, else by the start of its message.
func groupName(d *explain.Diagnosis) string {
	f := d.Lead()
	name := ""
	if f != nil {
		name = f.Code
		if f.Token != "" && f.Token != f.Code {
			name = strings.TrimSpace(name + " " + f.Token)
		}
		if f.Entry != nil {
			name = f.Catalog.ID + ":" + f.Entry.Code
			if f.Entry.Token != "" {
				name += " " + f.Entry.Token
			}
		}
		if name != "" && strings.HasPrefix(f.Detail, "operation ") {
			name += " (" + f.Detail + ")"
		}
	}
	switch {
	case name != "":
		return name
	case d.Status != 0:
		return strings.TrimSpace(fmt.Sprintf("HTTP %d %s", d.Status, d.Reason))
	case f != nil:
		return cutRunes(f.Message, 60)
	}
	return ""
}

func cutRunes(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// seenAt shows a record's time: the clock alone when every time errcode
// shows is on one day, else the date and the clock, or, for a time it
// cannot read (or klog's, which has no year), as the log printed it.
func seenAt(s string, clock bool) string {
	t, ok := logTime(s)
	switch {
	case ok && clock:
		return t.Format("15:04:05")
	case ok && t.Year() > 0:
		return t.Format("2006-01-02 15:04:05")
	}
	return s
}

func sameDay(gs []explain.LogGroup) bool {
	day := ""
	for _, g := range gs {
		for _, s := range []string{g.FirstSeen, g.LastSeen} {
			t, ok := logTime(s)
			if !ok {
				return false
			}
			if d := t.Format("2006-01-02"); day == "" {
				day = d
			} else if d != day {
				return false
			}
		}
	}
	return true
}

// logLayouts are the times loggers print, as Go layouts.
var logLayouts = []string{time.RFC3339Nano, "2006-01-02 15:04:05.999999999", "2006-01-02 15:04:05,999", "2006-01-02T15:04:05.999999999", "2006/01/02 15:04:05", "0102 15:04:05.999999", "02/Jan/2006:15:04:05 -0700"}

// logTime reads a record's time: a layout above, or seconds (zap) or
// milliseconds (pino) since 1970, in UTC.
func logTime(s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, false
	}
	for _, l := range logLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && f > 1e9 {
		if f > 1e12 {
			f /= 1000 // milliseconds
		}
		sec := int64(f)
		return time.Unix(sec, int64((f-float64(sec))*1e9)).UTC(), true
	}
	return time.Time{}, false
}

// LogJSON is a log's report for --json.
type LogJSON struct {
	Input          LogInputJSON   `json:"input"`
	ErrorRecords   int64          `json:"error_records"`
	Groups         []LogGroupJSON `json:"groups"`
	GroupsOmitted  int            `json:"groups_omitted"`
	RecordsOmitted int64          `json:"records_omitted"`
}

// LogInputJSON says how the log was read.
type LogInputJSON struct {
	Format   string `json:"format"`
	Lines    int64  `json:"lines"`
	LinesCut int64  `json:"lines_cut"`
}

// LogGroupJSON is one error of a log: how often, where, and its diagnosis.
type LogGroupJSON struct {
	Count       int64       `json:"count"`
	FirstLine   int64       `json:"first_line"`
	LastLine    int64       `json:"last_line"`
	FirstSeen   *string     `json:"first_seen"` // as the log printed it
	LastSeen    *string     `json:"last_seen"`
	Rank        string      `json:"rank"` // G1..G4
	Explanation ExplainJSON `json:"explanation"`
}

// Log converts a log's report for JSON output.
func Log(rep *explain.LogReport) LogJSON {
	j := LogJSON{Input: LogInputJSON{Format: rep.Format, Lines: rep.Lines, LinesCut: rep.LinesCut},
		ErrorRecords: rep.ErrorRecords, Groups: []LogGroupJSON{}, GroupsOmitted: rep.GroupsOmitted, RecordsOmitted: rep.RecordsOmitted}
	for i := range rep.Groups {
		g := &rep.Groups[i]
		j.Groups = append(j.Groups, LogGroupJSON{Count: g.Count, FirstLine: g.FirstLine, LastLine: g.LastLine,
			FirstSeen: nullable(strings.TrimSpace(g.FirstSeen)), LastSeen: nullable(strings.TrimSpace(g.LastSeen)), Rank: g.Rank,
			Explanation: Diagnosis(ExplainInput{D: &g.Diagnosis, Format: rep.Format + " record"})})
	}
	return j
}
