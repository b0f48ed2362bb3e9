package explain

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"
)

// Rules an audit found no test pinned (issue 20). Each test here fails
// with its rule broken by hand.

// capBody is a JSON error body of exactly n bytes (n >= 64).
func capBody(n int) string {
	head, tail := `{"error":{"code":"too_long","message":"`, `"}}`
	return head + strings.Repeat("x", n-len(head)-len(tail)) + tail
}

func gz(s string) string {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.String()
}

// The body cap: a body exactly MaxBody bytes long is read whole and is
// valid JSON; one byte more is cut at MaxBody, and said to be (not called
// invalid JSON), whichever tool printed it and however it was encoded.
func TestBodyCap(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   func(body string) string
	}{
		{"curl -i", func(b string) string { return "HTTP/1.1 413 x\r\nContent-Type: application/json\r\n\r\n" + b }},
		{"curl -i, -w's code after a newline", func(b string) string { return "HTTP/1.1 413 x\r\n\r\n" + b + "\n413" }},
		{"curl -v", func(b string) string {
			return "< HTTP/1.1 413 x\r\n< Content-Type: application/json\r\n<\r\n" + b + "\n* Connection #0 left intact\n"
		}},
		{"wget -S", func(b string) string { return "  HTTP/1.1 413 x\n  Content-Type: application/json\n" + b + "\n" }},
		{"gzip", func(b string) string { return "HTTP/1.1 413 x\r\nContent-Encoding: gzip\r\n\r\n" + gz(b) }},
		{"chunked", func(b string) string {
			return "HTTP/1.1 413 x\r\nTransfer-Encoding: chunked\r\n\r\n" + "20000\r\n" + b[:0x20000] + "\r\n" + strings.ToLower(strings.TrimLeft(hex(len(b)-0x20000), "0")) + "\r\n" + b[0x20000:] + "\r\n0\r\n\r\n"
		}},
	} {
		for _, n := range []int{MaxBody, MaxBody + 1} {
			ex := Parse([]byte(tc.in(capBody(n))), false).Exchanges[0]
			body := readBody(ex.Body)
			cut := n > MaxBody
			if ex.BodyCut != cut || len(ex.Body) != MaxBody || body.Repaired != cut || ex.Status != 413 {
				t.Errorf("%s, a body of %d bytes: cut %v, %d bytes kept, repaired %v, status %d; want cut %v, %d bytes, repaired %v",
					tc.name, n, ex.BodyCut, len(ex.Body), body.Repaired, ex.Status, cut, MaxBody, cut)
			}
		}
	}
}

func hex(n int) string {
	const digits = "0123456789abcdef"
	s := ""
	for ; n > 0; n /= 16 {
		s = string(digits[n%16]) + s
	}
	return s
}
