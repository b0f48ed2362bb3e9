package explain

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"slices"
	"strconv"
)

// Reading a log (GUIDE.md: segment). A log is read line by line, as it
// streams, in bounded memory: each line is a record or, in the text
// formats, a line of the record above it (a traceback, a stack). Only the
// level of most records is read, with no allocation; the records at error
// level and above are read whole and explained (logs.go).

// logKind is a family of log formats.
type logKind uint8

const (
	logJSON    logKind = iota + 1 // zap, slog, pino, bunyan, structlog, ECS: one JSON object a line
	logfmt                        // logrus, slog's text handler, go-kit: key=value pairs
	logKlog                       // klog, glog: E1207 10:02:11.123456 12345 file.go:12] msg
	logNginx                      // nginx's error.log: 2026/12/07 10:02:11 [error] 12#12: *5 msg
	logLeveled                    // a timestamp, then the level: Python's logging, zap's console, log4j, logback
	logAccess                     // the common and combined access log (nginx, Apache): a record per response
)

// logShape is the format of one log, learnt from its first lines: its
// family, and the key that holds the level.
type logShape struct {
	kind logKind
	key  []byte // `"level"` or `level=`: the level's key, for logJSON and logfmt
	name string
}

// levelKeys are the names loggers give the level, most common first.
var levelKeys = []string{"level", "lvl", "severity", "levelname", "log.level", "loglevel"}

// errorLevels are the level words that mean an error or worse, lower-case;
// warnings and below are not errors. Numeric levels (pino, bunyan) are
// errors from 50 (error) up; klog's and glog's letters are E and F.
var errorLevels = []string{"error", "err", "eror", "fatal", "panic", "dpanic", "critical", "crit", "alert", "emerg", "emergency", "severe"}

func isErrorWord(w []byte) bool {
	if len(w) < 3 || len(w) > 9 {
		return false
	}
	var low [9]byte
	for i, c := range w {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	for _, e := range errorLevels {
		if string(low[:len(w)]) == e {
			return true
		}
	}
	return false
}

// levelWord is a word that names a level, of any severity, lower-case.
func isLevelWord(w []byte) bool {
	if isErrorWord(w) {
		return true
	}
	switch string(bytes.ToLower(w)) {
	case "trace", "debug", "info", "notice", "warn", "warning":
		return true
	}
	return false
}

// starts says whether l begins a record (rather than continuing one).
func (s *logShape) starts(l []byte) bool {
	switch s.kind {
	case logJSON:
		i := jsonStart(l)
		return i >= 0 && jsonValueAt(l[i:], s.key) != nil
	case logfmt:
		return logfmtValue(l, s.key) != nil
	case logKlog:
		return klogHead(l)
	case logNginx:
		return nginxLevel(l) != nil
	case logLeveled:
		return leveledLevel(l) != nil
	case logAccess:
		return accessStatus(l) != nil
	}
	return false
}

// isError says whether l is a record at error level or worse: the one
// question asked of every line, so it reads only the level.
func (s *logShape) isError(l []byte) bool {
	switch s.kind {
	case logJSON:
		v := jsonValueAt(l, s.key)
		if len(v) > 0 && v[0] >= '0' && v[0] <= '9' {
			n, err := strconv.Atoi(string(v))
			return err == nil && n >= 50
		}
		return v != nil && isErrorWord(bytes.Trim(v, `"`))
	case logfmt:
		return isErrorWord(bytes.Trim(logfmtValue(l, s.key), `"`))
	case logKlog:
		return klogHead(l) && (l[0] == 'E' || l[0] == 'F')
	case logNginx:
		return isErrorWord(nginxLevel(l))
	case logLeveled:
		return isErrorWord(leveledLevel(l))
	case logAccess:
		st := accessStatus(l) // a response that failed: 4xx or 5xx
		return st != nil && (st[0] == '4' || st[0] == '5')
	}
	return false
}

// jsonValueAt is the raw value after key (`"level"`) in a JSON line: a
// quoted string with its quotes, or a bare number or word; nil if absent.
func jsonValueAt(l, key []byte) []byte {
	i := bytes.Index(l, key)
	if i < 0 {
		return nil
	}
	v := bytes.TrimLeft(l[i+len(key):], " \t")
	if len(v) == 0 || v[0] != ':' {
		return nil
	}
	v = bytes.TrimLeft(v[1:], " \t")
	if len(v) > 0 && v[0] == '"' {
		if end := bytes.IndexByte(v[1:], '"'); end >= 0 {
			return v[:end+2]
		}
		return nil
	}
	end := bytes.IndexAny(v, ",} \t")
	if end <= 0 {
		return nil
	}
	return v[:end]
}

// logfmtValue is the value of key (`level=`) in a logfmt line, where the
// key starts the line or follows a space; nil if absent.
func logfmtValue(l, key []byte) []byte {
	for off := 0; ; {
		i := bytes.Index(l[off:], key)
		if i < 0 {
			return nil
		}
		i += off
		if i == 0 || l[i-1] == ' ' {
			v := l[i+len(key):]
			if len(v) > 0 && v[0] == '"' {
				if end := bytes.IndexByte(v[1:], '"'); end >= 0 {
					return v[:end+2]
				}
			}
			if end := bytes.IndexByte(v, ' '); end >= 0 {
				v = v[:end]
			}
			return v
		}
		off = i + len(key)
	}
}

func isDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(b) > 0
}

// klogHead: "E1207 10:02:11.123456": a level letter, month and day, time.
func klogHead(l []byte) bool {
	return len(l) > 21 && bytes.IndexByte([]byte("IWEF"), l[0]) >= 0 && isDigits(l[1:5]) && l[5] == ' ' &&
		isDigits(l[6:8]) && l[8] == ':' && isDigits(l[9:11]) && l[11] == ':' && isDigits(l[12:14]) && l[14] == '.'
}

// nginxLevel: "2026/12/07 10:02:11 [error] ": the word in brackets.
func nginxLevel(l []byte) []byte {
	if len(l) < 24 || !isDigits(l[0:4]) || l[4] != '/' || l[7] != '/' || l[10] != ' ' || l[13] != ':' || l[19] != ' ' || l[20] != '[' {
		return nil
	}
	end := bytes.IndexByte(l[21:min(len(l), 30)], ']')
	if end < 0 || !isLevelWord(l[21:21+end]) {
		return nil
	}
	return l[21 : 21+end]
}

// accessStatus: the status of a common or combined log format line,
// `127.0.0.1 - - [07/Dec/2026:08:16:11 +0000] "GET /x HTTP/1.1" 200 38 ...`.
func accessStatus(l []byte) []byte {
	open := bytes.Index(l, []byte(` [`))
	if open <= 0 || bytes.Count(l[:open], []byte(" ")) != 2 {
		return nil
	}
	req := bytes.Index(l[open:], []byte(`] "`))
	if req < 0 {
		return nil
	}
	rest := l[open+req+3:]
	end := bytes.Index(rest, []byte(`" `))
	if end < 0 || len(rest) < end+5 {
		return nil
	}
	st := rest[end+2 : end+5]
	if !isDigits(st) || st[0] < '1' || st[0] > '5' || (len(rest) > end+5 && rest[end+5] != ' ') {
		return nil
	}
	return st
}

// leveledLevel: the level word after a leading timestamp
// ("2026-12-07 07:26:52,944 ERROR name: msg", zap's console
// "2026-12-07T07:27:03.668Z\tERROR\t..."), or a line that starts with the
// level and a colon (Python's default "ERROR:root:msg").
func leveledLevel(l []byte) []byte {
	if len(l) > 10 && isDigits(l[0:4]) && l[4] == '-' && isDigits(l[5:7]) && l[7] == '-' {
		i := 10
		for i < len(l) && i < 40 && bytes.IndexByte([]byte("0123456789-:T.,Z+ \t"), l[i]) >= 0 {
			i++
		}
		if i < len(l) && l[i] == '[' {
			i++
		}
		j := i
		for j < len(l) && j-i < 10 && ('A' <= l[j] && l[j] <= 'Z' || 'a' <= l[j] && l[j] <= 'z') {
			j++
		}
		if j < len(l) && bytes.IndexByte([]byte(" \t]:"), l[j]) >= 0 && isLevelWord(l[i:j]) {
			return l[i:j]
		}
		return nil
	}
	// Python's default: LEVEL:logger:message, the logger's name a word
	// with dots (psql's and grpcurl's "ERROR:  " are not logs).
	c := bytes.IndexByte(l[:min(len(l), 10)], ':')
	if c <= 0 || !isLevelWord(l[:c]) || l[0] < 'A' || l[0] > 'Z' {
		return nil
	}
	for i := c + 1; i < len(l); i++ {
		switch b := l[i]; {
		case b == ':' && i > c+1:
			return l[:c]
		case b != '.' && b != '_' && b != '-' && !('a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9'):
			return nil
		}
	}
	return nil
}

// logSniff is how much of the input's start errcode looks at to tell a
// log: enough lines for the format to show.
const logSniff = 64 << 10

// detectLogs says whether head, the start of the input, is a log, and in
// which formats: one, or several when logs are run together (a service's
// JSON log, then another's text log), each of at least two records, that
// together are most of the lines; nil when it is no log. An HTTP
// transcript is not a log, though its body may hold log records.
func detectLogs(head []byte) []logShape {
	lines, shapes := sniffLines(head)
	if len(shapes) == 0 {
		return nil
	}
	// One format, with nothing of another among its lines; then several
	// run together; then one format with a stray line of another.
	if s, ok := oneFormat(lines, shapes, false); ok {
		return []logShape{s}
	}
	if mixed := severalFormats(lines, shapes); mixed != nil {
		return mixed
	}
	if s, ok := oneFormat(lines, shapes, true); ok {
		return []logShape{s}
	}
	return nil
}

// oneFormat is the first of shapes whose records are most of the lines:
// the lines of no record are a few (a banner, a tool's last words), and a
// record among other lines is not alone. A line another format starts
// rules a format out, unless strays are allowed.
func oneFormat(lines [][]byte, shapes []logShape, strays bool) (logShape, bool) {
	for _, s := range shapes {
		records, others, foreign := 0, 0, 0
		for _, l := range lines {
			switch {
			case s.starts(l):
				records++
			case slices.ContainsFunc(shapes, func(o logShape) bool { return !o.same(s) && o.starts(l) }):
				foreign++
				others++
			case !s.textual() || records == 0:
				// One record a line: anything else is not this log. A text
				// log's other lines are its records' (a traceback), but for
				// those before its first record.
				others++
			}
		}
		if records > 0 && (foreign == 0 || strays) && others <= records/4+3 && (others == 0 || records >= 2) {
			return s, true
		}
	}
	return logShape{}, false
}

// severalFormats: logs run together, each line the first format's that
// starts it, and a line no format starts, after a text record, that
// record's; each format has two records or more.
func severalFormats(lines [][]byte, shapes []logShape) []logShape {
	counts := make([]int, len(shapes))
	records, others, inText := 0, 0, false
	for _, l := range lines {
		i := slices.IndexFunc(shapes, func(s logShape) bool { return s.starts(l) })
		switch {
		case i >= 0:
			counts[i]++
			records++
			inText = shapes[i].textual()
		case !inText:
			others++
		}
	}
	var mixed []logShape
	for i, s := range shapes {
		if counts[i] >= 2 {
			mixed = append(mixed, s)
		}
	}
	if len(mixed) < 2 || others > records/4+3 {
		return nil
	}
	return mixed
}

// same: the same format (and level key).
func (s logShape) same(o logShape) bool { return s.kind == o.kind && bytes.Equal(s.key, o.key) }

// textual: a record of this format may go on over the lines under it.
func (s *logShape) textual() bool { return s.kind != logJSON && s.kind != logfmt }

// sniffLines are the first lines of head that are not blank, and the
// formats that lines near the start have.
func sniffLines(head []byte) ([][]byte, []logShape) {
	var lines [][]byte
	whole := len(head) < logSniff // all of the input, not its start
	for len(head) > 0 && len(lines) < 200 {
		i := bytes.IndexByte(head, '\n')
		if i < 0 {
			// The head's last line, if cut mid-line, says nothing.
			if whole {
				lines = append(lines, head)
			}
			break
		}
		if l := bytes.TrimRight(head[:i], "\r"); len(bytes.TrimSpace(l)) > 0 {
			lines = append(lines, l)
		}
		head = head[i+1:]
	}
	if len(lines) == 0 || isTranscript(lines) {
		return nil, nil
	}
	// The format is one a line near the start has: a log may open with a
	// banner ("Listening on :8080") or another log's last lines. Logs run
	// together show their second format later.
	var shapes []logShape
	for i, l := range lines {
		if i >= 10 && len(shapes) > 0 && i%8 != 0 {
			continue // past the start, a sample of the lines
		}
		for _, s := range logShapes(l) {
			if !slices.ContainsFunc(shapes, s.same) {
				shapes = append(shapes, s)
			}
		}
	}
	return lines, shapes
}

// isTranscript: the input starts as an HTTP transcript does (a status
// line, curl -v's trace, wget's): its body may hold log records, but it
// is one response.
func isTranscript(lines [][]byte) bool {
	for _, l := range lines[:min(len(lines), 8)] {
		for _, p := range []string{"HTTP/", "< HTTP/", "> ", "* ", "--20", "HTTP request sent"} {
			if bytes.HasPrefix(l, []byte(p)) {
				return true
			}
		}
	}
	return false
}

// jsonStart is where a JSON record starts in l: at its start, or after a
// short prefix a tool put before every record (docker compose's "api-1  |
// ", kubectl logs --timestamps' time); -1 if l is no JSON object.
func jsonStart(l []byte) int {
	if len(l) < 2 || l[len(l)-1] != '}' {
		return -1
	}
	i := bytes.IndexByte(l[:min(len(l), 65)], '{')
	if i < 0 || bytes.IndexByte(l[:i], '"') >= 0 {
		return -1
	}
	return i
}

// logShapes are the formats the first line could start, most specific first.
func logShapes(first []byte) []logShape {
	var out []logShape
	if i := jsonStart(first); i >= 0 {
		first := first[i:]
		for _, k := range levelKeys {
			key := []byte(`"` + k + `"`)
			// A record has its level and its message or time: a body
			// that has a "level" is not a log on that alone.
			if jsonValueAt(first, key) != nil && (jsonValueAt(first, []byte(`"msg"`)) != nil || jsonValueAt(first, []byte(`"message"`)) != nil ||
				jsonValueAt(first, []byte(`"event"`)) != nil || jsonValueAt(first, []byte(`"time"`)) != nil || jsonValueAt(first, []byte(`"ts"`)) != nil ||
				jsonValueAt(first, []byte(`"timestamp"`)) != nil || jsonValueAt(first, []byte(`"@timestamp"`)) != nil) {
				out = append(out, logShape{kind: logJSON, key: key, name: "JSON log"})
				break
			}
		}
	}
	for _, k := range levelKeys[:3] {
		key := []byte(k + "=")
		if v := logfmtValue(first, key); v != nil && isLevelWord(bytes.Trim(v, `"`)) && (logfmtValue(first, []byte("msg=")) != nil || logfmtValue(first, []byte("time=")) != nil) {
			out = append(out, logShape{kind: logfmt, key: key, name: "logfmt log"})
			break
		}
	}
	if klogHead(first) {
		out = append(out, logShape{kind: logKlog, name: "klog"})
	}
	if nginxLevel(first) != nil {
		out = append(out, logShape{kind: logNginx, name: "nginx error log"})
	}
	if leveledLevel(first) != nil {
		out = append(out, logShape{kind: logLeveled, name: "text log"})
	}
	if accessStatus(first) != nil {
		out = append(out, logShape{kind: logAccess, name: "access log"})
	}
	return out
}

// Bounds of one record: a line is kept up to MaxRecordLine bytes (the rest
// of it is skipped as it streams), and a record of a text format keeps at
// most maxRecordLines lines after its first. MaxRecordLine is exported for
// the output, which says when a line was read only in part.
const (
	MaxRecordLine  = 64 << 10
	maxRecordLines = 200
)

// logLine is one line read from the stream.
type logLine struct {
	text []byte // valid until the next line is read
	no   int64  // 1-based
	cut  bool   // longer than MaxRecordLine: text is its start
}

// lineReader reads lines of any length in bounded memory.
type lineReader struct {
	br  *bufio.Reader
	buf []byte
	no  int64
	err error
}

func newLineReader(r io.Reader) *lineReader {
	return &lineReader{br: bufio.NewReaderSize(r, MaxRecordLine)}
}

// next reads the next line; false at the end of the input or on an error
// (in lr.err, nil at the end).
func (lr *lineReader) next() (logLine, bool) {
	if lr.err != nil {
		return logLine{}, false
	}
	l, err := lr.br.ReadSlice('\n')
	cut := false
	if errors.Is(err, bufio.ErrBufferFull) {
		// A line longer than the buffer: keep its start, skip the rest.
		lr.buf = append(lr.buf[:0], l...)
		l, cut = lr.buf, true
		for errors.Is(err, bufio.ErrBufferFull) {
			_, err = lr.br.ReadSlice('\n')
		}
	}
	if len(l) == 0 && err != nil {
		if err != io.EOF {
			lr.err = err
		}
		return logLine{}, false
	}
	if err != nil && err != io.EOF {
		lr.err = err
	}
	lr.no++
	l = bytes.TrimRight(l, "\r\n")
	return logLine{text: l, no: lr.no, cut: cut}, true
}
