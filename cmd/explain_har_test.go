package cmd_test

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/cmd"
	"github.com/errcode-dev/errcode/explain"
)

// bigHAR writes a HAR of more than explain.MaxInput bytes, as a browser
// exports one: 200s (scripts, with their text), then one 429 at its very
// end. With cut, the file stops short of its last 100 bytes: not a HAR.
func bigHAR(t *testing.T, cut bool) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "session.har")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString(`{"log":{"version":"1.2","creator":{"name":"WebInspector","version":"537.36"},"pages":[],"entries":[`)
	entry := `{"startedDateTime":"2026-11-22T10:00:00.000Z","time":12.5,"request":{"method":"GET","url":"https://app.example/static/chunk.js","httpVersion":"http/2.0","headers":[{"name":"accept","value":"*/*"}],"queryString":[],"cookies":[],"headersSize":-1,"bodySize":0},` +
		`"response":{"status":200,"statusText":"","httpVersion":"http/2.0","headers":[{"name":"content-type","value":"application/javascript"}],"cookies":[],"content":{"size":900,"mimeType":"application/javascript","text":"` +
		strings.Repeat(`console.log(\"x\");`, 50) + `"},"redirectURL":"","headersSize":-1,"bodySize":-1},"cache":{},"timings":{"send":0.1,"wait":10,"receive":2}},`
	for n := 0; n < explain.MaxInput+1<<20; n += len(entry) {
		w.WriteString(entry)
	}
	last := `{"request":{"method":"POST","url":"https://api.wontopos.com/v1/subscriptions"},"response":{"status":429,"statusText":"Too Many Requests","httpVersion":"h2",` +
		`"headers":[{"name":"retry-after","value":"60"},{"name":"x-request-id","value":"req_late"}],` +
		`"content":{"mimeType":"application/json","text":"{\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"Too many requests.\"}}"}}}]}}` + "\n"
	if cut {
		last = last[:len(last)-100]
	}
	w.WriteString(last)
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// explainWays runs errcode explain with args on the file at path, each
// way a user gives it: as FILE; on standard input from the file (which can
// go back to its start) and through a pipe (which cannot), in process and
// through the binary. It returns each way's stdout.
func explainWays(t *testing.T, path string, args ...string) map[string]string {
	t.Helper()
	outs := map[string]string{}
	run := func(way string, in io.Reader, args ...string) {
		ios, _, out, errOut := cmd.Test()
		if in != nil {
			ios.In = in
		}
		if code := cmd.Run(ios, append([]string{"explain"}, args...)); code != 0 {
			t.Fatalf("%s: exit %d: %s", way, code, errOut)
		}
		outs[way] = out.String()
	}
	run("FILE", nil, append(args, path)...)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	run("stdin from the file", f, args...)
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		if g, err := os.Open(path); err == nil {
			io.Copy(w, g)
			g.Close()
		}
		w.Close()
	}()
	run("a pipe", r, args...)
	r.Close()
	if !testing.Short() {
		c := exec.Command(binary(t), append([]string{"explain"}, args...)...)
		g, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer g.Close()
		c.Stdin = io.MultiReader(g) // not an *os.File: exec makes a pipe
		out, err := c.Output()
		if err != nil {
			t.Fatalf("the binary through a pipe: %v", err)
		}
		outs["the binary through a pipe"] = string(out)
	}
	return outs
}

// A HAR larger than explain.MaxInput is read to its end, however it is
// given: the 429 at its end is found, and nothing says it was cut.
func TestExplainHARLargerThanMaxInput(t *testing.T) {
	path := bigHAR(t, false)
	for way, out := range explainWays(t, path) {
		for _, want := range []string{"── 1 of 1: POST https://api.wontopos.com/v1/subscriptions\n", "HTTP/2 429 Too Many Requests  retryable, after 60 seconds\n",
			"req_late (x-request-id)", "    • wontopos:rate_limit_exceeded\n", "  Input        har\n"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: output lacks %q:\n%.1500s", way, want, out)
			}
		}
		if strings.Contains(out, "cut at") {
			t.Errorf("%s: says the input was cut", way)
		}
	}
	ios, _, out, _ := cmd.Test()
	cmd.Run(ios, []string{"explain", "--json", path})
	for _, want := range []string{`"status": 429`, `"request_id": "req_late"`, `"truncated": false`, `"omitted": 0`} {
		if !strings.Contains(out.String(), want) || strings.Count(out.String(), `"method": `) != 1 {
			t.Errorf("JSON lacks %q, or has more than one entry:\n%.1500s", want, out)
		}
	}
}

// A large file that looks like a HAR but is not one whole (cut short) is
// read as any other input is, whichever way it came: its first 16 MiB, as
// a body, and the output says it was cut.
func TestExplainHARCutShort(t *testing.T) {
	outs := explainWays(t, bigHAR(t, true))
	want := "status unknown\n  Input        body, body cut at 256 KiB, cut at 16 MiB\n"
	for way, out := range outs {
		if out != want {
			t.Errorf("%s: %q, want %q", way, out, want)
		}
	}
}
