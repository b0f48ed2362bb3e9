package explain

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
)

// logRecord is what errcode reads of one error record of a log
// (GUIDE.md: recognise): its time, level and message as printed, the
// error's text (an error field, an exception, a traceback under it), and
// the facts loggers are commonly given as fields.
type logRecord struct {
	line         int64
	time, level  string
	msg          string
	errTexts     []string // each error, exception and stack field's text; a text record's message with the lines under it
	errObject    string   // the error logged as an object (pino's, bunyan's err): its properties, as JSON
	status       int
	statusKey    string
	method       string
	url          string
	requestID    string
	requestIDKey string
	body         string
}

// The field names loggers and their users commonly give each fact, as
// flattened keys ("err.message" for pino's {"err":{"message":...}}), most
// common first.
var (
	logTimeKeys   = []string{"time", "ts", "timestamp", "@timestamp", "t", "datetime", "asctime"}
	logMsgKeys    = []string{"msg", "message", "event", "@m"}
	logErrKeys    = []string{"error", "err", "exception", "exc_info", "error.message", "err.message", "error.stack_trace", "err.stack", "stack", "stacktrace", "stack_trace", "exc_text"}
	logStatusKeys = []string{"status", "status_code", "statusCode", "http.status_code", "http.response.status_code", "http_status", "response.status", "httpStatusCode"}
	logURLKeys    = []string{"url", "uri", "url.full", "http.url", "upstream", "endpoint"}
	logIDKeys     = []string{"request_id", "requestId", "requestID", "RequestId", "x_request_id", "x-request-id", "aws_request_id", "amzn_request_id"}
	logBodyKeys   = []string{"body", "response_body", "resp_body", "response.body", "response"}
)

// readRecord reads an error record: its first line, and for the text
// formats the lines under it.
func (s *logShape) readRecord(first []byte, more [][]byte, no int64) logRecord {
	r := logRecord{line: no}
	switch s.kind {
	case logJSON:
		r.fields(jsonFields(first[max(jsonStart(first), 0):]))
	case logfmt:
		r.fields(logfmtFields(first))
	case logKlog:
		// E1207 10:02:11.123456   12345 file.go:12] msg key="value"
		r.level, r.time = string(first[:1]), string(first[1:min(len(first), 21)])
		if i := bytes.Index(first, []byte("] ")); i > 0 {
			rest := string(first[i+2:])
			fs := logfmtFields([]byte(rest))
			r.fields(fs)
			if r.msg == "" {
				r.msg = klogMessage(rest)
			}
		}
	case logNginx:
		// 2026/12/07 10:02:11 [error] 12#12: *5 msg, client: ..., upstream: "http://...", host: "..."
		r.time, r.level = string(first[:19]), string(nginxLevel(first))
		msg := string(first[min(len(first), 22+len(r.level)):])
		if i := strings.Index(msg, ": "); i > 0 && strings.Contains(msg[:i], "#") {
			msg = msg[i+2:]
		}
		if strings.HasPrefix(msg, "*") {
			if sp := strings.IndexByte(msg, ' '); sp > 0 {
				msg = msg[sp+1:]
			}
		}
		r.msg = msg
		if i := strings.Index(msg, `upstream: "`); i >= 0 {
			u := msg[i+len(`upstream: "`):]
			if end := strings.IndexByte(u, '"'); end > 0 {
				r.url = u[:end]
			}
		}
		if i := strings.Index(msg, ", client: "); i > 0 {
			msg = msg[:i] // the rest names the connection, not the error
		}
		r.errTexts = []string{msg}
	case logAccess:
		// 127.0.0.1 - - [07/Dec/2026:08:16:11 +0000] "GET /x HTTP/1.1" 429 38 "-" "curl/7.88.1"
		l := string(first)
		open := strings.Index(l, " [")
		closeAt := strings.Index(l[open:], `] "`) + open
		r.time = l[open+2 : closeAt]
		req := l[closeAt+3:]
		end := strings.Index(req, `" `)
		r.status, r.statusKey = atoi(req[end+2:end+5]), "the access log's status"
		r.level = req[end+2 : end+5]
		if f := strings.Fields(req[:end]); len(f) >= 2 {
			r.method, r.url = f[0], f[1] // a path: the server's own
		}
	case logLeveled:
		lvl := leveledLevel(first)
		i := bytes.Index(first, lvl)
		rest := strings.TrimLeft(string(first[i+len(lvl):]), "]: \t")
		r.msg = rest
		// zap's console encoder: CALLER\tMSG\t{fields as JSON}.
		if tab := strings.LastIndexByte(rest, '\t'); tab >= 0 && strings.HasPrefix(rest[tab+1:], "{") {
			r.fields(jsonFields([]byte(rest[tab+1:])))
			r.msg = rest[:tab]
			if c := strings.IndexByte(r.msg, '\t'); c >= 0 {
				r.msg = r.msg[c+1:]
			}
		}
		r.time, r.level = strings.TrimSpace(strings.Trim(string(first[:i]), "[ \t")), string(lvl)
		// The message and the lines under it (a traceback) are one text.
		text := []string{r.msg}
		for _, l := range more {
			text = append(text, string(l))
		}
		r.errTexts = append(r.errTexts, strings.Join(text, "\n"))
	}
	return r
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// fields takes a structured record's facts from its flattened fields.
func (r *logRecord) fields(fs map[string]string) {
	// A nested object is read by its flattened keys ("err.message"), not
	// as the text of the whole.
	scalar := func(v string) bool { return v != "" && v != "null" && v[0] != '{' && v[0] != '[' }
	first := func(keys []string) (string, string) {
		for _, k := range keys {
			if v, ok := fs[k]; ok && scalar(v) {
				return v, k
			}
		}
		return "", ""
	}
	// Or, failing the names above, a nested key ending in one of them
	// ("err.response.status", "err.$metadata.requestId"), the first in
	// sorted order, so that the choice is the same every time.
	nested := func(names []string) (string, string) {
		var keys []string
		for k, v := range fs {
			if i := strings.LastIndexByte(k, '.'); i > 0 && slices.Contains(names, k[i+1:]) && scalar(v) {
				keys = append(keys, k)
			}
		}
		if len(keys) == 0 {
			return "", ""
		}
		slices.Sort(keys)
		return fs[keys[0]], keys[0]
	}
	orNested := func(names []string) (string, string) {
		if v, k := first(names); v != "" {
			return v, k
		}
		return nested(names)
	}
	if v, _ := first(logTimeKeys); v != "" {
		r.time = v
	}
	if v, _ := first(levelKeys); v != "" {
		r.level = v
	}
	if v, _ := first(logMsgKeys); v != "" {
		r.msg = v
	}
	for _, k := range logErrKeys {
		if v, ok := fs[k]; ok && scalar(v) && v != "true" && v != "false" {
			r.errTexts = append(r.errTexts, v)
		}
	}
	for _, k := range []string{"err", "error", "exception"} {
		if v := strings.TrimSpace(fs[k]); strings.HasPrefix(v, "{") {
			r.errObject = v
			break
		}
	}
	if v, k := orNested(logStatusKeys); v != "" {
		if n, err := strconv.Atoi(v); err == nil && n >= 100 && n <= 599 {
			r.status, r.statusKey = n, k
		}
	}
	if v, _ := first(logURLKeys); strings.Contains(v, "://") {
		r.url = v
	}
	r.requestID, r.requestIDKey = orNested(logIDKeys)
	// A body logged as a string or as the object itself, under its own
	// name or nested in the error ("err.response.body").
	for _, name := range logBodyKeys {
		keys := []string{name}
		for k := range fs {
			if name != "response" && strings.HasSuffix(k, "."+name) { // "http.response" is no body
				keys = append(keys, k)
			}
		}
		slices.Sort(keys[1:])
		for _, k := range keys {
			if v := strings.TrimSpace(fs[k]); strings.HasPrefix(v, "{") || strings.HasPrefix(v, "<") {
				r.body = v
				return
			}
		}
	}
}

// jsonFields flattens a JSON record's fields: nested objects' keys joined
// with dots, scalars as text, arrays and deeper objects as their JSON.
func jsonFields(l []byte) map[string]string {
	var m map[string]json.RawMessage
	if json.Unmarshal(l, &m) != nil {
		return nil
	}
	out := make(map[string]string, len(m))
	flattenJSON(out, "", m, 0)
	return out
}

func flattenJSON(out map[string]string, prefix string, m map[string]json.RawMessage, depth int) {
	for k, raw := range m {
		key := prefix + k
		raw = bytes.TrimSpace(raw)
		switch {
		case len(raw) > 0 && raw[0] == '"':
			var s string
			if json.Unmarshal(raw, &s) == nil {
				out[key] = s
			}
		case len(raw) > 0 && raw[0] == '{' && depth < 3:
			var sub map[string]json.RawMessage
			if json.Unmarshal(raw, &sub) == nil {
				flattenJSON(out, key+".", sub, depth+1)
			}
			out[key] = string(raw)
		default:
			out[key] = string(raw)
		}
	}
}

// logfmtFields reads key=value pairs, values bare or quoted with Go's
// escapes (logrus, slog): "msg=\"x y\" err=\"dial tcp: ...\"".
func logfmtFields(l []byte) map[string]string {
	out := map[string]string{}
	s := string(l)
	for s != "" {
		s = strings.TrimLeft(s, " ")
		if strings.HasPrefix(s, `"`) {
			s = skipQuoted(s) // klog's quoted message: no pair
			continue
		}
		eq := strings.IndexByte(s, '=')
		sp := strings.IndexByte(s, ' ')
		if eq <= 0 || (sp >= 0 && sp < eq) {
			if sp < 0 {
				break
			}
			s = s[sp:] // a word that is no pair
			continue
		}
		key, rest := s[:eq], s[eq+1:]
		var val string
		if strings.HasPrefix(rest, `"`) {
			end := quotedEnd(rest)
			if v, err := strconv.Unquote(rest[:end]); err == nil {
				val = v
			} else {
				val = strings.Trim(rest[:end], `"`)
			}
			rest = rest[end:]
		} else if sp := strings.IndexByte(rest, ' '); sp >= 0 {
			val, rest = rest[:sp], rest[sp:]
		} else {
			val, rest = rest, ""
		}
		out[key] = val
		s = rest
	}
	return out
}

// quotedEnd is the index after the closing quote of the string s starts
// with (escapes skipped), or len(s).
func quotedEnd(s string) int {
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return len(s)
}

func skipQuoted(s string) string { return s[quotedEnd(s):] }

// klogMessage: klog's structured records quote the message
// ("Failed to sync" key="v"); older ones print it bare.
func klogMessage(rest string) string {
	if strings.HasPrefix(rest, `"`) {
		if v, err := strconv.Unquote(rest[:quotedEnd(rest)]); err == nil {
			return v
		}
	}
	return rest
}
