package explain

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/errcode-dev/errcode/catalog"
)

// What the trace readers keep of a stream's unbounded parts, in counts and
// lengths (memory and time are scripts/bench-explain.sh's to measure).

// repeatLines is n copies of line, each ended by "\n".
func repeatLines(line string, n int) string {
	return strings.Repeat(line+"\n", n)
}

// A body longer than MaxBody is kept to MaxBody bytes while it is read,
// with the end of its last line for curl -w's code.
func TestTraceBodyBounded(t *testing.T) {
	item := `{"id":12345,"name":"item","tags":["a","b","c"]},`
	lines := repeatLines(item, 2*MaxBody/len(item))
	bound := MaxBody + 1 + bodyTail // head, a line break, the last line's end
	for name, ex := range map[string]Exchange{
		"curl -v": parseCurlVerbose([]byte("< HTTP/1.1 500 x\n<\n" + lines)),
		"wget -S": parseWget([]byte("  HTTP/1.1 500 x\n\n" + lines)),
	} {
		if len(ex.Body) > bound || !strings.HasPrefix(string(ex.Body), item) {
			t.Errorf("%s: a body of %d bytes kept as %d, want at most %d", name, len(lines), len(ex.Body), bound)
		}
	}
	// The code curl -w prints after the body is still read past MaxBody,
	// glued to the body or on a line of its own; a line cut at MaxBody
	// is no code.
	for _, end := range []string{"{}]}404\n", "{}]}\n404\n\n\n"} {
		tr := Parse([]byte("*   Trying 10.0.0.1:443...\n"+lines+end), false)
		if ex := tr.Exchanges[0]; ex.Status != 404 || len(ex.Body) > MaxBody {
			t.Errorf("%q after a long body: status %d, body %d bytes", end, ex.Status, len(ex.Body))
		}
	}
	cutAt404 := strings.Repeat("x", MaxBody-4) + "\n404 not a code, a sentence\n\n"
	if ex := Parse([]byte("*   Trying 10.0.0.1:443...\n"+cutAt404), false).Exchanges[0]; ex.Status != 0 {
		t.Errorf("a line cut at MaxBody gave status %d", ex.Status)
	}
}

// Lines are joined as they came: no line break before the first byte.
func TestBodyLines(t *testing.T) {
	var b bodyLines
	for _, l := range []string{"", "", "a", "", "b", ""} {
		b.add(l)
	}
	if got := string(b.bytes()); got != "a\n\nb\n" {
		t.Errorf("bodyLines %q", got)
	}
	b = bodyLines{}
	b.add(strings.Repeat("x", MaxBody+10))
	b.add("")
	b.add(strings.Repeat("y", 100) + "}200")
	b.add("  ")
	if got := string(b.bytes()); got != strings.Repeat("x", MaxBody)+"\n"+strings.Repeat("y", bodyTail-4)+"}200" {
		t.Errorf("bodyLines past MaxBody: %d bytes, ending %q", len(got), got[max(0, len(got)-80):])
	}
}

// wget -S: at most maxTraceLines header lines, as the -i and curl -v
// readers keep.
func TestWgetHeaderLinesBounded(t *testing.T) {
	in := "  HTTP/1.1 503 Service Unavailable\n" + repeatLines("  X-A: b", maxTraceLines+5) + "\n"
	ex := parseWget([]byte(in))
	if ex.Status != 503 || len(ex.Header.Values("X-A")) != maxTraceLines-1 {
		t.Errorf("status %d, %d header lines kept, want %d", ex.Status, len(ex.Header.Values("X-A")), maxTraceLines-1)
	}
}

// wget's ERROR lines: the first maxNotes, each at most maxNoteLen bytes,
// and a line saying how many more there were.
func TestWgetNotesBounded(t *testing.T) {
	line := "2026-12-07 10:00:00 ERROR 503: Service Unavailable."
	long := "2026-12-07 10:00:00 ERROR 503: " + strings.Repeat("é", maxNoteLen)
	in := "--2026-12-07 10:00:00--  https://api.example.com/x\n" + long + "\n" + repeatLines(line, maxNotes+10)
	ex := Parse([]byte(in), false).Exchanges[0]
	if len(ex.Notes) != maxNotes+1 || ex.Notes[1] != line {
		t.Fatalf("%d notes, want %d and a count", len(ex.Notes), maxNotes)
	}
	if n := ex.Notes[0]; len(n) > maxNoteLen || !utf8.ValidString(n) || !strings.HasPrefix(long, n) {
		t.Errorf("a long note kept as %d bytes, valid UTF-8 %v", len(n), utf8.ValidString(n))
	}
	if got, want := ex.Notes[maxNotes], "… and 11 more lines like these, not shown (errcode keeps the first 32)"; got != want {
		t.Errorf("last note %q, want %q", got, want)
	}
	// A few notes: all of them, no count.
	if ex := Parse([]byte("--2026-12-07 10:00:00--  https://api.example.com/x\n"+repeatLines(line, 3)), false).Exchanges[0]; len(ex.Notes) != 3 {
		t.Errorf("3 ERROR lines: notes %q", ex.Notes)
	}
	// A flood of failure lines: the failure says it; no count of notes
	// that are all taken out.
	fail := "wget: unable to resolve host address 'api.example.com'"
	tr := Parse([]byte("--2026-12-07 10:00:00--  https://api.example.com/x\n"+repeatLines(fail, maxNotes+10)), false)
	if ex := tr.Exchanges[0]; len(ex.Notes) != 0 || len(ex.Carried) != 1 {
		t.Errorf("a flood of failures: notes %q, carried %+v", ex.Notes, ex.Carried)
	}
}

// grpcurl -v: at most maxTraceLines header and trailer lines; a message at
// most MaxBody bytes.
func TestGRPCurlBounded(t *testing.T) {
	in := "Response headers received:\n" + repeatLines("x-a: b", maxTraceLines) + "\nResponse trailers received:\n" +
		repeatLines("x-b: c", 10) + "\nERROR:\n  Code: Unavailable\n  Message: " + strings.Repeat("m", MaxBody+10) + "\n"
	ex := parseGRPCurl([]byte(in))
	if n := len(ex.Header.Values("X-A")) + len(ex.Header.Values("X-B")); n != maxTraceLines {
		t.Errorf("%d header lines kept, want %d", n, maxTraceLines)
	}
	if len(ex.Carried) != 1 || ex.Carried[0].Token != "Unavailable" || len(ex.Carried[0].Message) != MaxBody {
		t.Errorf("carried %d items, message %d bytes", len(ex.Carried), len(ex.Carried[0].Message))
	}
}

// A HAR body, text or base64, is cut at MaxBody as a raw response's body
// is, and so marked alike: its JSON, cut, is read leniently (Repaired).
func TestHARBodyCutAsRaw(t *testing.T) {
	item := `{"id":12345,"name":"item"},`
	body := `{"error":{"code":"internal_error","message":"boom"},"items":[` + strings.Repeat(item, 2*MaxBody/len(item)) + `{}]}`
	har := func(text, encoding string) []byte {
		content, _ := json.Marshal(map[string]string{"text": text, "encoding": encoding})
		return []byte(`{"log":{"entries":[{"response":{"status":500,"content":` + string(content) + `}}]}}`)
	}
	ix := catalog.NewIndex(catalog.Builtin())
	raw := Parse([]byte("HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\n\r\n"+body), false).Exchanges[0]
	for name, in := range map[string][]byte{
		"raw":        nil,
		"HAR text":   har(body, ""),
		"HAR base64": har(base64.StdEncoding.EncodeToString([]byte(body)), "base64"),
	} {
		ex := raw
		if in != nil {
			ex = Parse(in, false).Exchanges[0]
		}
		if string(ex.Body) != body[:MaxBody] {
			t.Errorf("%s: body of %d bytes, want the first %d", name, len(ex.Body), MaxBody)
		}
		if d := Diagnose(ex, ix, Options{}); !d.Repaired || len(d.Findings) == 0 {
			t.Errorf("%s: repaired %v, %d findings", name, d.Repaired, len(d.Findings))
		}
	}
}

// A chain of responses keeps the last maxHops before the final one, and
// counts the others.
func TestHopsBounded(t *testing.T) {
	var b strings.Builder
	for i := range maxHops + 7 {
		fmt.Fprintf(&b, "HTTP/1.1 302 Found\r\nLocation: /%d\r\n\r\n", i)
	}
	b.WriteString("HTTP/1.1 404 Not Found\r\n\r\n")
	ex := Parse([]byte(b.String()), false).Exchanges[0]
	if len(ex.Hops) != maxHops || ex.HopsOmitted != 7 || ex.Hops[0].Location != "/7" || ex.Status != 404 {
		t.Errorf("%d hops kept (first %q), %d omitted, status %d; want %d from /7, 7, 404", len(ex.Hops), ex.Hops[0].Location, ex.HopsOmitted, ex.Status, maxHops)
	}
}
