package explain

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

// detectLog is detectLogs when it finds one format, for the tests of
// one format.
func detectLog(head []byte) (logShape, bool) {
	shapes := detectLogs(head)
	if len(shapes) != 1 {
		return logShape{}, false
	}
	return shapes[0], true
}

func logIndex() *catalog.Index { return catalog.NewIndex(catalog.Builtin()) }

func explainLog(t *testing.T, log string) *LogReport {
	t.Helper()
	rep, err := ExplainLog(strings.NewReader(log), logIndex(), Options{})
	if err != nil {
		t.Fatalf("ExplainLog: %v\n%s", err, log)
	}
	return rep
}

// Which inputs are logs, and of which format; and which are not, though
// a line of them looks like one.
func TestDetectLog(t *testing.T) {
	for _, c := range []struct{ name, in, format string }{
		{"zap", `{"level":"info","ts":1796628423.66,"caller":"a.go:1","msg":"started"}` + "\n", "JSON log"},
		{"slog JSON", `{"time":"2026-12-07T10:02:11Z","level":"ERROR","msg":"x"}` + "\n", "JSON log"},
		{"pino", `{"level":30,"time":1796628423661,"pid":1,"hostname":"h","msg":"ok"}` + "\n", "JSON log"},
		{"structlog", `{"event": "sync failed", "level": "error", "timestamp": "2026-12-07T10:02:11Z"}` + "\n", "JSON log"},
		{"GCP", `{"severity":"ERROR","message":"x","time":"2026-12-07T10:02:11Z"}` + "\n", "JSON log"},
		{"logrus", `time="2026-12-07T10:02:11Z" level=info msg="started"` + "\n", "logfmt log"},
		{"slog text", `time=2026-12-07T10:02:11.000Z level=ERROR msg="request failed" err="boom"` + "\n", "logfmt log"},
		{"klog", "E1207 10:02:11.123456   12345 controller.go:12] \"Failed to sync\" err=\"boom\"\n", "klog"},
		{"nginx", "2026/12/07 10:02:11 [error] 12#12: *5 connect() failed (111: Connection refused) while connecting to upstream\n", "nginx error log"},
		{"python logging", "2026-12-07 07:26:52,944 ERROR billing.sync: sync failed\nTraceback (most recent call last):\n  File \"x.py\", line 1, in <module>\nValueError: x\n", "text log"},
		{"python default", "ERROR:root:sync failed\n", "text log"},
		{"zap console", "2026-12-07T07:27:03.668Z\tERROR\tzap/main.go:26\trequest failed\t{\"error\": \"x\"}\n", "text log"},
		{"nginx access", `127.0.0.1 - - [07/Dec/2026:08:16:11 +0000] "GET /orders/o-11 HTTP/1.1" 200 38 "-" "curl/7.88.1"` + "\n", "access log"},
		{"a request line alone", `GET /orders/o-11 HTTP/1.1` + "\n", ""},
		{"a banner, then a JSON log", "Listening on :8080\n" + strings.Repeat(`{"level":"info","ts":1,"msg":"ok"}`+"\n", 3), "JSON log"},
		{"docker compose's prefix", strings.Repeat(`api-1  | {"level":"info","ts":1,"msg":"ok"}`+"\n", 3), "JSON log"},
		{"kubectl logs --timestamps", strings.Repeat(`2026-12-07T10:02:11.123456789Z {"level":"info","ts":1,"msg":"ok"}`+"\n", 3), "JSON log"},
		{"a quoted prefix is no prefix", strings.Repeat(`"x" {"level":"info","ts":1,"msg":"ok"}`+"\n", 3), ""},
		{"psql", "ERROR:  23505: duplicate key value violates unique constraint \"users_email_key\"\n", ""},
		{"grpcurl", "ERROR:\n  Code: Unavailable\n  Message: x\n", ""},
		{"curl -i with a log record as its body", "HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\n\r\n{\"level\":\"error\",\"msg\":\"x\",\"time\":\"2026-12-07T10:02:11Z\"}\n", ""},
		{"a body with a level and nothing of a record", `{"level":"error","code":"E42","detail":"x"}` + "\n", ""},
		{"a pretty-printed body", "{\n  \"level\": \"error\",\n  \"msg\": \"x\"\n}\n", ""},
		{"JSON lines that are mostly not records", `{"level":"error","msg":"x"}` + "\n" + strings.Repeat(`{"id":1}`+"\n", 5), ""},
		{"a Go error", `Get "http://127.0.0.1:1/": dial tcp 127.0.0.1:1: connect: connection refused` + "\n", ""},
	} {
		s, ok := detectLog([]byte(c.in))
		if got := map[bool]string{true: s.name}[ok]; got != c.format {
			t.Errorf("%s: read as %q, want %q", c.name, got, c.format)
		}
	}
}

// Only records at error level or worse are errors: a record that merely
// says "error" is not one.
func TestLogErrorLevels(t *testing.T) {
	for _, c := range []struct {
		log   string
		error []bool // per line
	}{
		{`{"level":"info","ts":1,"msg":"retrying after error","error":null}` + "\n" +
			`{"level":"warn","ts":1,"msg":"error budget low"}` + "\n" +
			`{"level":"error","ts":1,"msg":"x"}` + "\n" +
			`{"level":"fatal","ts":1,"msg":"x"}` + "\n" +
			`{"level":"DPANIC","ts":1,"msg":"x"}`, []bool{false, false, true, true, true}},
		{`{"level":40,"time":1,"msg":"error count 3"}` + "\n" + `{"level":50,"time":1,"msg":"x"}` + "\n" + `{"level":60,"time":1,"msg":"x"}`, []bool{false, true, true}},
		{`time=1 level=info msg="error_count=0"` + "\n" + `time=1 level=warning msg=x` + "\n" + `time=1 level=error msg=x` + "\n" + `time=1 level="critical" msg=x`, []bool{false, false, true, true}},
		{"I1207 10:02:11.123456 1 a.go:1] error seen\nW1207 10:02:11.123456 1 a.go:1] x\nE1207 10:02:11.123456 1 a.go:1] x\nF1207 10:02:11.123456 1 a.go:1] x", []bool{false, false, true, true}},
		{"2026/12/07 10:02:11 [warn] 1#1: error x\n2026/12/07 10:02:11 [error] 1#1: x\n2026/12/07 10:02:11 [crit] 1#1: x\n2026/12/07 10:02:11 [notice] 1#1: x", []bool{false, true, true, false}},
		{`127.0.0.1 - - [07/Dec/2026:08:16:11 +0000] "GET /error HTTP/1.1" 200 38 "-" "curl/7.88.1"` + "\n" +
			`127.0.0.1 - - [07/Dec/2026:08:16:11 +0000] "GET /x HTTP/1.1" 304 0 "-" "curl/7.88.1"` + "\n" +
			`127.0.0.1 - - [07/Dec/2026:08:16:11 +0000] "GET /x HTTP/1.1" 404 10 "-" "curl/7.88.1"` + "\n" +
			`127.0.0.1 - - [07/Dec/2026:08:16:11 +0000] "GET /x HTTP/1.1" 502 10 "-" "curl/7.88.1"`, []bool{false, false, true, true}},
		{"2026-12-07 10:02:11,000 INFO a: error handled\n2026-12-07 10:02:11,000 WARNING a: x\n2026-12-07 10:02:11,000 ERROR a: x\n2026-12-07 10:02:11,000 CRITICAL a: x", []bool{false, false, true, true}},
	} {
		s, ok := detectLog([]byte(c.log))
		if !ok {
			t.Fatalf("not a log:\n%s", c.log)
		}
		for i, l := range strings.Split(c.log, "\n") {
			if got := s.isError([]byte(l)); got != c.error[i] {
				t.Errorf("%s: %q is error: %v, want %v", s.name, l, got, c.error[i])
			}
		}
	}
}

// What each format's fields give: the error's text, the status, the URL,
// the request id, the body.
func TestLogRecordFields(t *testing.T) {
	for _, c := range []struct {
		name, line                       string
		msg, err, status, url, rid, body string
	}{
		{"pino's err object", `{"level":50,"time":1796628423661,"msg":"call failed","err":{"type":"Error","message":"connect ECONNREFUSED 127.0.0.1:1","stack":"Error: connect ECONNREFUSED 127.0.0.1:1\n    at x (node:net:1:1)"}}`,
			"call failed", "connect ECONNREFUSED 127.0.0.1:1", "0", "", "", ""},
		{"ECS", `{"@timestamp":"2026-12-07T10:02:11Z","log.level":"error","message":"x","http":{"response":{"status_code":503}},"url":{"full":"https://api.example.com/v1"}}`,
			"x", "", "503", "https://api.example.com/v1", "", ""},
		{"structlog", `{"event": "sync failed", "level": "error", "status": 429, "request_id": "req_1", "timestamp": "2026-12-07T10:02:11Z"}`,
			"sync failed", "", "429", "", "req_1", ""},
		{"slog's body", `{"time":"2026-12-07T10:02:11Z","level":"ERROR","msg":"upstream","status":429,"body":"{\"error\":\"x\"}"}`,
			"upstream", "", "429", "", "", `{"error":"x"}`},
		{"a status that is no HTTP status", `{"time":"t","level":"error","msg":"x","status":"failed"}`, "x", "", "0", "", "", ""},
		{"logrus", `time="2026-12-07T10:02:11Z" level=error msg="request failed" error="Get \"http://h/\": EOF" status=502`,
			"request failed", `Get "http://h/": EOF`, "502", "", "", ""},
		{"klog", `E1207 10:02:11.123456   12345 controller.go:12] "Failed to sync" err="the server could not find the requested resource" key="default/x"`,
			"Failed to sync", "the server could not find the requested resource", "0", "", "", ""},
		{"nginx", `2026/12/07 10:02:11 [error] 12#12: *5 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: localhost, request: "GET /v1 HTTP/1.1", upstream: "http://127.0.0.1:1/v1", host: "localhost:8080"`,
			"", "connect() failed (111: Connection refused) while connecting to upstream", "0", "http://127.0.0.1:1/v1", "", ""},
	} {
		s, ok := detectLog([]byte(c.line + "\n"))
		if !ok {
			t.Fatalf("%s: not a log", c.name)
		}
		r := s.readRecord([]byte(c.line), nil, 1)
		if c.msg != "" && r.msg != c.msg {
			t.Errorf("%s: msg %q, want %q", c.name, r.msg, c.msg)
		}
		if c.err != "" && (len(r.errTexts) == 0 || firstLine(r.errTexts[0]) != c.err) {
			t.Errorf("%s: error text %q, want %q first", c.name, r.errTexts, c.err)
		}
		if got := fmt.Sprint(r.status); got != c.status {
			t.Errorf("%s: status %s, want %s", c.name, got, c.status)
		}
		if r.url != c.url || r.requestID != c.rid || r.body != c.body {
			t.Errorf("%s: url %q rid %q body %q, want %q %q %q", c.name, r.url, r.requestID, r.body, c.url, c.rid, c.body)
		}
	}
}

// Records that are one error are one group, counted, with where and when
// it was first and last seen; what tells errors apart keeps them apart.
func TestLogGroups(t *testing.T) {
	log := `{"level":"info","time":"2026-12-07T10:00:00Z","msg":"started"}
{"level":"error","time":"2026-12-07T10:02:11Z","msg":"call failed","status":429,"request_id":"req_1","url":"https://api.example.com/v1"}
{"level":"error","time":"2026-12-07T10:03:00Z","msg":"user 42 not found"}
{"level":"error","time":"2026-12-07T10:03:30Z","msg":"call failed","status":429,"request_id":"req_2","url":"https://api.example.com/v1"}
{"level":"error","time":"2026-12-07T10:04:00Z","msg":"call failed","status":503,"request_id":"req_3","url":"https://api.example.com/v1"}
{"level":"error","time":"2026-12-07T10:04:30Z","msg":"user 7 not found"}
{"level":"info","time":"2026-12-07T10:04:40Z","msg":"error count 5"}
{"level":"error","time":"2026-12-07T10:04:55Z","msg":"call failed","status":429,"request_id":"req_4","url":"https://api.example.com/v1"}
`
	rep := explainLog(t, log)
	if rep.Lines != 8 || rep.ErrorRecords != 6 || rep.Format != "JSON log" {
		t.Fatalf("lines %d, errors %d, format %q", rep.Lines, rep.ErrorRecords, rep.Format)
	}
	type want struct {
		count               int64
		first, last         int64
		firstSeen, lastSeen string
		status              int
	}
	got := map[string]want{}
	for _, g := range rep.Groups {
		got[groupKey(&g.Diagnosis)] = want{g.Count, g.FirstLine, g.LastLine, g.FirstSeen, g.LastSeen, g.Diagnosis.Status}
	}
	if len(rep.Groups) != 3 {
		t.Fatalf("%d groups, want 3 (429, 503, not found): %v", len(rep.Groups), got)
	}
	var n429, n503, notFound bool
	for _, g := range rep.Groups {
		d := g.Diagnosis
		switch {
		case d.Status == 429:
			n429 = g.Count == 3 && g.FirstLine == 2 && g.LastLine == 8 && g.FirstSeen == "2026-12-07T10:02:11Z" && g.LastSeen == "2026-12-07T10:04:55Z" && d.RequestID == "req_1"
		case d.Status == 503:
			n503 = g.Count == 1 && g.FirstLine == 5 && g.LastLine == 5
		default:
			notFound = g.Count == 2 && g.FirstLine == 3 && g.LastLine == 6 && d.Failed && d.FailedRule == "F2"
		}
	}
	if !n429 || !n503 || !notFound {
		t.Errorf("groups: %+v", got)
	}
}

// A traceback under a text log's error record is the record's: the
// exception it ends with is what failed.
func TestLogTextRecordKeepsItsTrace(t *testing.T) {
	log := "2026-12-07 07:26:52,944 INFO billing.sync: started\n" +
		"2026-12-07 07:26:52,944 ERROR billing.sync: sync of invoices failed\n" +
		"Traceback (most recent call last):\n" +
		"  File \"/tmp/x.py\", line 13, in <module>\n" +
		"    resp.raise_for_status()\n" +
		"requests.exceptions.HTTPError: 429 Client Error: Too Many Requests for url: https://api.example.com/v1\n" +
		"2026-12-07 07:26:52,946 INFO billing.sync: next run in 300s\n"
	rep := explainLog(t, log)
	if rep.ErrorRecords != 1 || len(rep.Groups) != 1 {
		t.Fatalf("%d error records, %d groups", rep.ErrorRecords, len(rep.Groups))
	}
	d := rep.Groups[0].Diagnosis
	if d.Status != 429 || d.Host != "api.example.com" || rep.Groups[0].FirstLine != 2 {
		t.Errorf("status %d host %q line %d", d.Status, d.Host, rep.Groups[0].FirstLine)
	}
}

// A record at error level with nothing else in it has failed: its level
// says so (F2), never "not an error".
func TestLogLevelAloneFails(t *testing.T) {
	rep := explainLog(t, `time=2026-12-07T10:02:11Z level=error msg="cache refresh failed"`+"\n")
	d := rep.Groups[0].Diagnosis
	if !d.Failed || d.FailedRule != "F2" || d.FailedWhy != "the log's level error" {
		t.Errorf("failed %v by %s (%s)", d.Failed, d.FailedRule, d.FailedWhy)
	}
	// A 2xx status in the record does not make it "not an error".
	rep = explainLog(t, `{"level":"error","time":"t","msg":"unexpected body","status":200}`+"\n")
	if d := rep.Groups[0].Diagnosis; !d.Failed || d.FailedRule != "F2" {
		t.Errorf("a 200 at error level: failed %v by %s", d.Failed, d.FailedRule)
	}
}

// Each row of the ranking table, and the pairs that disagree: the row
// beats the count, the count beats the line.
func TestLogRanks(t *testing.T) {
	for _, c := range []struct {
		d    Diagnosis
		rank string
	}{
		{Diagnosis{Failed: true, RetryKnown: true, Retryable: false}, "G1"},
		{Diagnosis{Failed: true, RetryKnown: true, Retryable: true, RetryThen: "refresh the access token"}, "G2"},
		{Diagnosis{Failed: true}, "G3"},
		{Diagnosis{Failed: true, RetryKnown: true, Retryable: true}, "G4"},
	} {
		if got, _ := rankOf(&c.d); got != c.rank {
			t.Errorf("%+v: rank %s, want %s", c.d, got, c.rank)
		}
	}
	log := strings.Repeat(`{"level":"error","time":"t","msg":"a","status":503}`+"\n", 5) + // G4, 5×
		`{"level":"error","time":"t","msg":"b","status":404}` + "\n" + // G1, once
		`{"level":"error","time":"t","msg":"c","status":502}` + "\n" + // G4, once, later
		strings.Repeat(`{"level":"error","time":"t","msg":"d","status":500}`+"\n", 2) // G4, twice
	rep := explainLog(t, log)
	var order []string
	for _, g := range rep.Groups {
		order = append(order, fmt.Sprintf("%d:%s×%d", g.Diagnosis.Status, g.Rank, g.Count))
	}
	if got, want := strings.Join(order, " "), "404:G1×1 503:G4×5 500:G4×2 502:G4×1"; got != want {
		t.Errorf("order %s, want %s", got, want)
	}
	log = `{"level":"error","time":"t","msg":"c","status":502}` + "\n" + `{"level":"error","time":"t","msg":"e","status":504}` + "\n"
	if rep := explainLog(t, log); rep.Groups[0].Diagnosis.Status != 502 {
		t.Errorf("equal rank and count: the first seen comes first, got %d", rep.Groups[0].Diagnosis.Status)
	}
}

// A line longer than a record may be is read in part and counted; the
// lines after it are read as before.
func TestLogLongLine(t *testing.T) {
	log := `{"level":"info","time":"t","msg":"before"}` + "\n" +
		`{"level":"info","time":"t","msg":"` + strings.Repeat("x", 3*MaxRecordLine) + `"}` + "\n" +
		`{"level":"error","time":"t","msg":"after","status":503}` + "\n"
	rep := explainLog(t, log)
	if rep.Lines != 3 || rep.LinesCut != 1 || rep.ErrorRecords != 1 || rep.Groups[0].FirstLine != 3 {
		t.Errorf("lines %d, cut %d, errors %d", rep.Lines, rep.LinesCut, rep.ErrorRecords)
	}
}

// Past maxLogGroups distinct errors, the rest are counted, not explained.
func TestLogGroupsBounded(t *testing.T) {
	var b strings.Builder
	for i := range maxLogGroups + 5 {
		fmt.Fprintf(&b, `{"level":"error","time":"t","msg":"E%c%c%c"}`+"\n", 'a'+i%26, 'a'+i/26%26, 'a'+i/676%26)
	}
	rep := explainLog(t, b.String())
	if len(rep.Groups) != maxLogGroups || rep.GroupsOmitted != 5 || rep.RecordsOmitted != 5 {
		t.Errorf("%d groups, %d omitted (%d records)", len(rep.Groups), rep.GroupsOmitted, rep.RecordsOmitted)
	}
}

func TestExplainLogNotALog(t *testing.T) {
	if _, err := ExplainLog(strings.NewReader("HTTP/1.1 404 Not Found\r\n\r\n"), logIndex(), Options{}); !errors.Is(err, ErrNotLog) {
		t.Errorf("err %v, want ErrNotLog", err)
	}
}

// FuzzExplainLog: whatever the bytes, reading a log never fails or
// panics, and its counts add up: every error record is in a group or
// counted as past the groups kept, and a group's lines are lines of it.
func FuzzExplainLog(f *testing.F) {
	for _, name := range []string{"go-zap-dev-refused.txt", "go-slog-json-429.txt", "go-slog-text-refused.txt", "python-logging-exception-429.txt"} {
		if b, err := os.ReadFile("../cmd/testdata/programs/" + name); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("E1207 10:02:11.123456 1 a.go:1] x\n\tgoroutine\nI1207 10:02:11.123456 1 a.go:1] y\n"))
	f.Add([]byte("2026/12/07 10:02:11 [error] 1#1: *1 upstream timed out (110: Connection timed out)\n"))
	ix := logIndex()
	f.Fuzz(func(t *testing.T, data []byte) {
		rep, err := ExplainLog(bytes.NewReader(data), ix, Options{})
		if errors.Is(err, ErrNotLog) {
			if LooksLog(data[:min(len(data), LogSniff)]) {
				t.Fatal("LooksLog, but ExplainLog says it is not a log")
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		n := rep.RecordsOmitted
		for _, g := range rep.Groups {
			n += g.Count
			if g.Count < 1 || g.FirstLine < 1 || g.FirstLine > g.LastLine || g.LastLine > rep.Lines || g.Rank == "" {
				t.Fatalf("group %+v of %d lines", g, rep.Lines)
			}
			if !g.Diagnosis.Failed {
				t.Fatalf("an error record diagnosed as not failed: %+v", g.Diagnosis)
			}
		}
		if n != rep.ErrorRecords || rep.ErrorRecords > rep.Lines {
			t.Fatalf("%d error records, groups count %d, %d lines", rep.ErrorRecords, n, rep.Lines)
		}
	})
}

// A record's ids are not what makes it one error: records that differ
// only in them are diagnosed once. Codes, statuses and words stay.
func TestWriteWithoutIDs(t *testing.T) {
	for in, want := range map[string]string{
		"RequestID: 8JH2K4Q0SGV5VMB3AEMVJF66Q3VV4KQNSO5AEMVJF66Q9ASUAAJG, api error ThrottlingException": "RequestID: #, api error ThrottlingException",
		"request 3f2a9c1e-5b7d-4e2a-9c1e-5b7d4e2a9c1e failed at 1796628423661":                           "request # failed at #",
		"HRESULT 0x80070005 SQLSTATE 23505 status 429 rate_limit_exceeded_for_org_2024":                  "HRESULT 0x80070005 SQLSTATE 23505 status 429 rate_limit_exceeded_for_org_2024",
		"UnrecognizedClientException ECONNREFUSED 127.0.0.1:18399":                                       "UnrecognizedClientException ECONNREFUSED 127.0.0.1:18399",
	} {
		var b strings.Builder
		writeWithoutIDs(&b, in)
		if b.String() != want {
			t.Errorf("writeWithoutIDs(%q) = %q, want %q", in, b.String(), want)
		}
	}
}

// Logs run together are read each in its format; one format with a
// stray line of another is that format.
func TestDetectSeveralLogs(t *testing.T) {
	json := `{"level":"error","ts":1,"msg":"x"}` + "\n"
	text := "2026-12-07 10:02:11,000 ERROR a: x\nTraceback (most recent call last):\n  File \"x.py\", line 1\nValueError: x\n"
	if got := detectLogs([]byte(strings.Repeat(json, 3) + strings.Repeat(text, 3))); len(got) != 2 {
		t.Errorf("JSON then text: %d formats, want 2", len(got))
	}
	if got := detectLogs([]byte(json + strings.Repeat(text, 4))); len(got) != 1 || got[0].kind != logLeveled {
		t.Errorf("a stray JSON line in a text log: %+v, want the text log", got)
	}
	rep := explainLog(t, strings.Repeat(json, 3)+strings.Repeat(text, 3))
	if rep.ErrorRecords != 6 || rep.Format != "JSON log and text log" {
		t.Errorf("%d error records in %q, want 6 in both", rep.ErrorRecords, rep.Format)
	}
}
