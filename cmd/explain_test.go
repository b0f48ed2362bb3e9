package cmd

import (
	"io"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/explain"
)

// bigResponse is a curl -i response whose JSON body runs to n bytes.
func bigResponse(n int) io.Reader {
	head := "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nX-Request-Id: big-1\r\n\r\n" +
		`{"error":{"code":"invalid_parameter","message":"too big","status":400,"request_id":"req_big"},"padding":"`
	return io.MultiReader(strings.NewReader(head), io.LimitReader(repeat('x'), int64(n-len(head))))
}

type repeat byte

func (r repeat) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}

// Input past 16 MiB is cut there; the diagnosis still comes, and says so.
func TestExplainTruncatesLargeInput(t *testing.T) {
	ios, in, out, errOut := Test()
	in.ReadFrom(bigResponse(explain.MaxInput + 1<<20))
	if code := Run(ios, []string{"explain"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"HTTP/1.1 400 Bad Request", "cut at 16 MiB", "req_big (error.request_id in the body)", "wontopos:invalid_parameter"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	ios, in, out, _ = Test()
	in.ReadFrom(bigResponse(explain.MaxInput + 10))
	Run(ios, []string{"explain", "--json"})
	if !strings.Contains(out.String(), `"truncated": true`) {
		t.Errorf("JSON does not say truncated:\n%.2000s", out)
	}
}

// With a terminal on standard input and no FILE, explain says how to give
// it a response instead of waiting for one.
func TestExplainRefusesTerminalInput(t *testing.T) {
	ios, in, out, errOut := Test()
	ios.IsStdinTTY = true
	in.WriteString("HTTP/1.1 500 Internal Server Error\r\n\r\n") // must not be read
	if code := Run(ios, []string{"explain"}); code != exitUsage || out.Len() != 0 {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
	if want := "errcode: no input: pipe a response, e.g. curl -si URL | errcode explain (or run 'errcode explain -' and paste one)\n"; errOut.String() != want {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
	if in.Len() == 0 {
		t.Error("explain read the terminal")
	}
}

// A HAR of very many failed requests: the first MaxExchanges are explained,
// the rest counted, in text and JSON.
func TestExplainHARCapsEntries(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"log":{"entries":[`)
	n := explain.MaxExchanges + 250
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`{"request":{"method":"GET","url":"https://api.example.com/x"},"response":{"status":503,"httpVersion":"HTTP/1.1","headers":[],"content":{"text":"down"}}}`)
	}
	b.WriteString(`]}}`)
	for _, args := range [][]string{{"explain"}, {"explain", "--json"}} {
		ios, in, out, errOut := Test()
		in.WriteString(b.String())
		if code := Run(ios, args); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		if args[len(args)-1] == "--json" {
			if !strings.Contains(out.String(), `"omitted": 250`) || strings.Count(out.String(), `"method": "GET"`) != explain.MaxExchanges {
				t.Errorf("--json: %d entries, or no omitted count", strings.Count(out.String(), `"method": "GET"`))
			}
			continue
		}
		if got := strings.Count(out.String(), "HTTP/1.1 503 Service Unavailable  retryable"); got != explain.MaxExchanges {
			t.Errorf("%d entries explained, want %d", got, explain.MaxExchanges)
		}
		if !strings.Contains(out.String(), "… and 250 more error responses, not shown (errcode explains the first 1000)") {
			t.Errorf("no count of the rest:\n%s", out.String()[len(out.String())-300:])
		}
	}
}
