package explain

import (
	"os"
	"testing"
)

// Parse keeps the richer of a program's reading and a body's reading of
// the same output (readOutput): one place, for explain and errcode run.
func TestReadOutputKeepsTheRicherReading(t *testing.T) {
	trace := "Traceback (most recent call last):\n  File \"sync.py\", line 12, in <module>\n    raise RuntimeError(\"sync failed\")\nRuntimeError: sync failed\n"
	print503, err := os.ReadFile("../cmd/testdata/programs/python-requests-print-503.txt")
	if err != nil {
		t.Fatal(err)
	}
	body := "{\"error\": {\"code\": \"rate_limit_exceeded\", \"message\": \"Rate limit reached\"}}\n"
	for name, c := range map[string]struct {
		in     string
		format string
		status int // the status Parse states, or the body's first line
		body   bool
	}{
		// The script printed the status it got, then raised: the body's
		// reading has a status, the trace's only an exception.
		"print-503 then a bare trace": {string(print503) + trace, "body", 0, true},
		// A bare trace beside the JSON error body the program printed.
		"trace then a printed body": {trace + body, "body", 0, true},
		"printed body then a trace": {body + trace, "body", 0, true},
		// A trace and nothing more: the program's reading (a tie).
		"bare trace": {trace + "done\n", "Python traceback", 0, false},
		// A trace that states its status keeps it over a body that adds
		// no more (requests' message, and the body it printed with no code).
		"trace with status beside a codeless body": {"Traceback (most recent call last):\n  File \"x.py\", line 1\nrequests.exceptions.HTTPError: 429 Client Error: Too Many Requests for url: https://api.example.com/v1\n{\"message\": \"slow down\"}\n",
			"Python traceback", 429, false},
	} {
		tr := Parse([]byte(c.in), false)
		ex := tr.Exchanges[0]
		if tr.Format != c.format || ex.Status != c.status {
			t.Errorf("%s: %s, status %d; want %s, %d", name, tr.Format, ex.Status, c.format, c.status)
		}
		if got := len(ex.ProgramLines) == 0; got != c.body {
			t.Errorf("%s: read as a body %v, want %v", name, got, c.body)
		}
	}
}

// richness counts a status, each coded error and a request id.
func TestRichness(t *testing.T) {
	for _, c := range []struct {
		ex   Exchange
		want int
	}{
		{Exchange{}, 0},
		{Exchange{Response: Response{Carried: []Item{{Message: "RuntimeError: x"}}}}, 0},
		{Exchange{Response: Response{Status: 503}}, 1},
		{Exchange{Response: Response{Body: []byte("Error: 503 Service Unavailable: down\n")}}, 1},
		{Exchange{Response: Response{Body: []byte(`{"error": {"code": "x", "request_id": "req_1"}, "status": 429}`)}}, 3},
		{Exchange{RequestID: "r", Response: Response{Carried: []Item{{Token: "UNAVAILABLE"}}}}, 2},
	} {
		if got := richness(c.ex); got != c.want {
			t.Errorf("richness(%+v) = %d, want %d", c.ex, got, c.want)
		}
	}
}
