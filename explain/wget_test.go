package explain

import "testing"

// Without -S, wget states the status in its own lines: the last
// "awaiting response..." or ERROR line is the final answer's (a redirect's
// 302 came before it). -nv prints only the URL and the ERROR line.
func TestWgetStatusLines(t *testing.T) {
	for in, want := range map[string]struct {
		format, url string
		status      int
	}{
		"--2026-12-07 07:07:25--  http://h/moved\nConnecting to h... connected.\nHTTP request sent, awaiting response... 302 Found\nLocation: /x [following]\n--2026-12-07 07:07:25--  http://h/x\nHTTP request sent, awaiting response... 409 Conflict\n2026-12-07 07:07:25 ERROR 409: Conflict.\n": {"wget", "http://h/moved", 409},
		"http://h/text?a=1:\n2026-12-07 06:55:11 ERROR 503: Service Unavailable.":                           {"wget -nv", "http://h/text?a=1", 503},
		"  HTTP/1.1 404 Not Found\n  Content-Type: text/plain\n2026-12-07 06:55:11 ERROR 404: Not Found.\n": {"wget -S", "", 404},
	} {
		tr := Parse([]byte(in), false)
		ex := tr.Exchanges[0]
		if tr.Format != want.format || ex.URL != want.url || ex.Status != want.status {
			t.Errorf("%q: %s %q %d, want %v", in, tr.Format, ex.URL, ex.Status, want)
		}
	}
}
