package explain

import (
	"bytes"
	"cmp"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/errcode-dev/errcode/catalog"
)

// Explaining a log (GUIDE.md: segment, recognise, attribute, decide,
// group): every record at error level or worse is read as a program's
// failure and diagnosed; records that are the same error are one group,
// counted, with the first and last time it was seen; the groups come most
// actionable first (logRanks). The log streams through: what is kept is
// one record at a time, the groups, and the texts already diagnosed.

// LogReport is what errcode concluded about a log.
type LogReport struct {
	Format       string // "JSON log", "logfmt log", "klog", "nginx error log", "text log", "access log"
	Lines        int64
	ErrorRecords int64
	Groups       []LogGroup
	// GroupsOmitted and RecordsOmitted count the groups past maxLogGroups
	// and their records, which are not explained.
	GroupsOmitted  int
	RecordsOmitted int64
	LinesCut       int64 // lines longer than MaxRecordLine, read only in part
}

// LogGroup is one error of a log, and how often it was seen.
type LogGroup struct {
	Count               int64
	FirstLine, LastLine int64
	FirstSeen, LastSeen string // the records' times as printed; "" if they have none
	Rank                string // the logRanks row that placed it: G1..G4
	Diagnosis           Diagnosis
}

// Bounds: at most maxLogGroups groups are explained; a text already
// diagnosed is remembered (maxLogTexts of them) so that a repeated record
// is counted, not diagnosed again.
const (
	maxLogGroups = 1000
	maxLogTexts  = 1 << 14
)

// ErrNotLog is returned by ExplainLog for input that is not a log.
var ErrNotLog = errors.New("not a log")

// LogSniff is how much of its start ExplainLog needs to tell a log.
const LogSniff = logSniff

// LooksLog says whether head, the start of the input, is a log errcode
// reads record by record.
func LooksLog(head []byte) bool { return len(detectLogs(head)) > 0 }

// logRank is a row of the table that orders a log's groups: the first row
// that holds places a group; groups of one row come by count, then by
// where they were first seen.
type logRank struct {
	id, says string
	holds    func(d *Diagnosis) bool
}

// logRanks: what needs someone to act comes before what passes by itself.
var logRanks = []logRank{
	{"G1", "retrying cannot help: the request, its credentials or the account must change", func(d *Diagnosis) bool { return d.RetryKnown && !d.Retryable }},
	{"G2", "a retry succeeds only after doing something (refresh a token)", func(d *Diagnosis) bool { return d.RetryThen != "" }},
	{"G3", "nothing says whether a retry can succeed", func(d *Diagnosis) bool { return !d.RetryKnown }},
	{"G4", "retryable: waiting or backing off is the fix", func(d *Diagnosis) bool { return true }},
}

func rankOf(d *Diagnosis) (string, int) {
	for i, r := range logRanks {
		if r.holds(d) {
			return r.id, i
		}
	}
	return "", len(logRanks)
}

// ExplainLog reads a log from r to its end and explains its error
// records. It returns ErrNotLog, having read at most LogSniff bytes, when
// the input is not a log; r is then not usable for another reader unless
// the caller kept what was read.
func ExplainLog(r io.Reader, ix *catalog.Index, opts Options) (*LogReport, error) {
	lr := newLineReader(r)
	head, _ := lr.br.Peek(logSniff)
	shapes := detectLogs(head)
	if len(shapes) == 0 {
		return nil, ErrNotLog
	}
	var names []string
	for _, s := range shapes {
		names = append(names, s.name)
	}
	g := logGrouper{rep: &LogReport{Format: strings.Join(names, " and ")}, ix: ix, opts: opts, byText: map[string]int{}, byKey: map[string]int{}}
	var pending []byte // the first line of an error record whose lines are being gathered
	var pendingNo int64
	var pendingShape *logShape
	var more [][]byte
	flush := func() {
		if pending != nil {
			g.add(pendingShape.readRecord(pending, more, pendingNo))
			pending, more = nil, nil
		}
	}
	for {
		l, ok := lr.next()
		if !ok {
			break
		}
		if l.cut {
			g.rep.LinesCut++
		}
		// The line's format: the one format's (the common case, a test
		// of its level alone), or, of logs run together, the first that
		// starts it.
		s := &shapes[0]
		if len(shapes) > 1 {
			if i := slices.IndexFunc(shapes, func(s logShape) bool { return s.starts(l.text) }); i >= 0 {
				s = &shapes[i]
			} else {
				s = nil
			}
		}
		if pending != nil && pendingShape.textual() && (s == nil || !s.starts(l.text)) {
			if len(more) < maxRecordLines && len(bytes.TrimSpace(l.text)) > 0 {
				more = append(more, bytes.Clone(l.text))
			}
			continue
		}
		flush()
		if s != nil && s.isError(l.text) {
			g.rep.ErrorRecords++
			pending, pendingNo, pendingShape = bytes.Clone(l.text), l.no, s
			if !s.textual() {
				flush()
			}
		}
	}
	flush()
	g.rep.Lines = lr.no
	if lr.err != nil {
		return g.rep, lr.err
	}
	g.finish()
	return g.rep, nil
}

type logGrouper struct {
	rep    *LogReport
	ix     *catalog.Index
	opts   Options
	byText map[string]int // a record's text -> its group; -1: a group not kept
	byKey  map[string]int // a diagnosis's identity -> its group
}

func (g *logGrouper) add(r logRecord) {
	r.time = cut(redactText(r.time), 64) // shown as printed: bounded, and never a secret
	text := r.text()
	gi, seen := g.byText[text]
	if !seen {
		d := Diagnose(r.exchange(), g.ix, g.opts)
		key := groupKey(&d)
		var ok bool
		if gi, ok = g.byKey[key]; !ok {
			gi = -1
			if len(g.rep.Groups) < maxLogGroups {
				gi = len(g.rep.Groups)
				g.rep.Groups = append(g.rep.Groups, LogGroup{FirstLine: r.line, FirstSeen: r.time, Diagnosis: d})
			} else {
				g.rep.GroupsOmitted++
			}
			g.byKey[key] = gi
		}
		if len(g.byText) < maxLogTexts {
			g.byText[text] = gi
		}
	}
	if gi < 0 {
		g.rep.RecordsOmitted++
		return
	}
	grp := &g.rep.Groups[gi]
	grp.Count++
	grp.LastLine, grp.LastSeen = r.line, r.time
}

// finish ranks the groups, most actionable first.
func (g *logGrouper) finish() {
	gs := g.rep.Groups
	order := make([]int, len(gs))
	for i := range gs {
		gs[i].Rank, order[i] = rankOf(&gs[i].Diagnosis)
	}
	idx := make([]int, len(gs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		return cmp.Or(cmp.Compare(order[a], order[b]), cmp.Compare(gs[b].Count, gs[a].Count), cmp.Compare(gs[a].FirstLine, gs[b].FirstLine))
	})
	sorted := make([]LogGroup, len(gs))
	for i, j := range idx {
		sorted[i] = gs[j]
	}
	g.rep.Groups = sorted
}

// text is what makes two records the same error, for counting one
// without diagnosing it again: all it says but its time, its request id
// and the ids in its words (an SDK's "RequestID: 8JH2K4Q0...", a UUID),
// which differ in every record of one error.
func (r *logRecord) text() string {
	var b strings.Builder
	for _, s := range append([]string{r.level, r.msg, strconv.Itoa(r.status), r.url, r.body, r.errObject}, r.errTexts...) {
		writeWithoutIDs(&b, s)
		b.WriteByte(0)
	}
	return b.String()
}

// writeWithoutIDs writes s with each id-like word as "#": a run of
// letters, digits and hyphens at least 16 long with two digits or more
// and a letter, or ten digits or more. Codes are words (snake_case,
// CamelCase) or short: they stay.
func writeWithoutIDs(b *strings.Builder, s string) {
	start := -1
	flush := func(end int) {
		w := s[start:end]
		digits, letters := 0, 0
		for i := 0; i < len(w); i++ {
			switch c := w[i]; {
			case c >= '0' && c <= '9':
				digits++
			case c != '-':
				letters++
			}
		}
		if len(w) >= 16 && digits >= 2 && letters > 0 || letters == 0 && digits >= 10 {
			b.WriteByte('#')
		} else {
			b.WriteString(w)
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		word := c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-'
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			flush(i)
			start = -1
			b.WriteByte(c)
		case !word:
			b.WriteByte(c)
		}
	}
	if start >= 0 {
		flush(len(s))
	}
}

// exchange is the record as an exchange: the first of its error texts
// that says something read as a program's output (a status in an SDK's
// message, a transport failure, a trace), and the facts its fields state
// where the text states none. An error logged as an object is its body
// when nothing else is (as Node's inspected properties are: the AWS SDK's
// $metadata). When nothing says the call failed, the record's level does
// (F2).
func (r *logRecord) exchange() Exchange {
	texts := r.errTexts
	if r.msg != "" && !slices.ContainsFunc(texts, func(t string) bool { return strings.HasPrefix(t, r.msg) }) {
		texts = append(slices.Clone(texts), r.msg)
	}
	var ex Exchange
	read := ""
	for _, text := range texts {
		if t := Parse([]byte(strings.TrimSpace(text)), false); t.Format != "body" || len(t.Exchanges[0].Carried) > 0 {
			ex, read = t.Exchanges[0], text
			for i := range ex.Carried {
				if ex.Carried[i].From == "program output" {
					ex.Carried[i].From = "log record" // what read it: a log's record, not a program's whole output
				}
			}
			break
		}
	}
	textStatus := ex.Status
	if ex.Status == 0 && r.status != 0 {
		ex.Status, ex.StatusFrom = r.status, strconv.Quote(r.statusKey)+" in the log record"
		if strings.HasPrefix(r.statusKey, "the ") {
			ex.StatusFrom = r.statusKey // not a field's name
		}
	}
	if ex.URL == "" && r.url != "" {
		ex.URL, ex.Host = r.url, hostOf(r.url)
	}
	if ex.Method == "" {
		ex.Method = r.method
	}
	if ex.RequestID == "" && r.requestID != "" {
		ex.RequestID, ex.RequestIDFrom = r.requestID, strconv.Quote(r.requestIDKey)+" in the log record"
	}
	body := r.body
	if body == "" && textStatus == 0 && !carriesCode(ex.Carried) {
		body = r.errObject
	}
	if body != "" && (len(ex.Body) == 0 || !looksJSON(ex.Body)) {
		ex.Body = []byte(cut(body, MaxBody))
	}
	msg := r.msg
	if msg == "" && len(texts) > 0 {
		msg = firstLine(texts[0])
	}
	switch {
	case ex.Status < 400 && !carriesFailure(ex.Carried):
		ex.Carried = append(ex.Carried, Item{Message: msg, From: "the log's level " + r.level, Fails: true})
		if o, ok := opensslIn(msg); ok { // nginx's "(SSL: error:0480006C:PEM routines::no start line...)"
			o.From, o.Depth = "the log record", 1
			ex.Carried = append(ex.Carried, o)
		}
	case r.msg != "" && strings.TrimSpace(read) != r.msg:
		ex.Notes = append(ex.Notes, r.msg)
	}
	return ex
}

func carriesCode(items []Item) bool {
	for _, it := range items {
		if it.Code != "" || it.Token != "" {
			return true
		}
	}
	return false
}

func carriesFailure(items []Item) bool {
	for _, it := range items {
		if it.Fails {
			return true
		}
	}
	return false
}

func looksJSON(b []byte) bool {
	b = bytes.TrimSpace(b)
	return len(b) > 0 && (b[0] == '{' || b[0] == '[')
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// groupKey is a diagnosis's identity in a log: what answered and how
// (status, host, catalog, no response), and its first error's code, token
// and operation, or, for an error with no code, its message with the
// numbers in it taken out.
func groupKey(d *Diagnosis) string {
	parts := []string{strconv.Itoa(d.Status), d.Host, strconv.FormatBool(d.NoResponse)}
	if d.Catalog != nil {
		parts = append(parts, d.Catalog.ID)
	}
	if f := d.Lead(); f != nil {
		code := f.Code
		if f.Entry != nil {
			code = f.Catalog.ID + ":" + f.Entry.Code
		}
		parts = append(parts, code, f.Token)
		if strings.HasPrefix(f.Detail, "operation ") {
			parts = append(parts, f.Detail)
		}
		if code == "" && f.Token == "" {
			parts = append(parts, withoutNumbers(f.Message))
		}
	}
	return strings.Join(parts, "\x00")
}

// Lead is the finding that names the error: the first with a code or
// token (a trace's exception line may come before the API's error), else
// the first; nil when there is none.
func (d *Diagnosis) Lead() *Finding {
	for i, f := range d.Findings {
		if f.Entry != nil || f.Code != "" || f.Token != "" {
			return &d.Findings[i]
		}
	}
	if len(d.Findings) > 0 {
		return &d.Findings[0]
	}
	return nil
}

// withoutNumbers replaces each run of digits with one '#': "user 42 not
// found" and "user 7 not found" are one error.
func withoutNumbers(s string) string {
	var b strings.Builder
	digits := false
	for _, c := range s {
		if c >= '0' && c <= '9' {
			if !digits {
				b.WriteByte('#')
			}
			digits = true
			continue
		}
		digits = false
		b.WriteRune(c)
	}
	return b.String()
}
