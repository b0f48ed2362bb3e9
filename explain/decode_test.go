package explain

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"slices"
	"strings"
	"testing"
)

func TestDechunkEdges(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"5\r\nhello\r\n0\r\n\r\n", "hello", true},
		{"5\nhello\n0\n\n", "hello", true},                      // bare newlines
		{"5\r\nhel", "hel", true},                               // cut inside a chunk: what arrived
		{"5\r\nhello\r\n", "hello", true},                       // ends after a chunk
		{"5\r\nhello\r\nzz\r\n", "5\r\nhello\r\nzz\r\n", false}, // then no chunk size: not chunked after all
		{"ffffffff\r\nx", "x", true},                            // a huge size, cut off
		{"0\r\n\r\n", "", true},
		{"hello", "hello", false},
	} {
		got, ok := dechunk([]byte(tc.in))
		if string(got) != tc.want || ok != tc.ok {
			t.Errorf("dechunk(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
	// It stops soon after MaxBody however many chunks follow (past it, to
	// tell a body cut there from one exactly that long).
	var b strings.Builder
	for b.Len() < 2*MaxBody {
		b.WriteString("400\r\n" + strings.Repeat("a", 0x400) + "\r\n")
	}
	if got, ok := dechunk([]byte(b.String())); !ok || len(got) <= MaxBody || len(got) > readMax+0x400 {
		t.Errorf("a long chunked body: %d bytes, %v; want just past %d", len(got), ok, MaxBody)
	}
}

func TestDecompress(t *testing.T) {
	text := `{"error":{"code":"x"}}`
	var gz, zl, fl bytes.Buffer
	w := gzip.NewWriter(&gz)
	w.Write([]byte(text))
	w.Close()
	z := zlib.NewWriter(&zl)
	z.Write([]byte(text))
	z.Close()
	f, _ := flate.NewWriter(&fl, flate.DefaultCompression)
	f.Write([]byte(text))
	f.Close()
	for _, tc := range []struct {
		name, encoding string
		body           []byte
		want           string
	}{
		{"gzip", "gzip", gz.Bytes(), text},
		{"gzip, no header said", "", gz.Bytes(), text},
		{"zlib deflate", "deflate", zl.Bytes(), text},
		{"raw deflate", "deflate", fl.Bytes(), text},
		{"gzip cut off", "gzip", gz.Bytes()[:len(gz.Bytes())-8], text}, // the trailer lost: the text is there
		{"not gzip after all", "gzip", []byte("plain"), "plain"},
		{"br is not read", "br", []byte("\x0b\x02abc"), "\x0b\x02abc"},
		{"bad deflate", "deflate", []byte("\xff\xff\xff"), "\xff\xff\xff"},
		{"bad gzip header", "", []byte("\x1f\x8b\x00"), "\x1f\x8b\x00"},
	} {
		if got := string(decompress(tc.body, tc.encoding)); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
	// A bomb stops at MaxBody.
	var bomb bytes.Buffer
	w = gzip.NewWriter(&bomb)
	w.Write(bytes.Repeat([]byte("a"), 4*MaxBody))
	w.Close()
	if got := decompress(bomb.Bytes(), "gzip"); len(got) != MaxBody {
		t.Errorf("a gzip bomb: %d bytes, want %d", len(got), MaxBody)
	}
	if got := decompress(bytes.Repeat([]byte("b"), 2*MaxBody), ""); len(got) != MaxBody {
		t.Errorf("an uncompressed body: %d bytes, want %d", len(got), MaxBody)
	}
}

func TestStripANSI(t *testing.T) {
	for in, want := range map[string]string{
		"\x1b[1;31mred\x1b[0m":                  "red",
		"\x1b]8;;https://x\x07link\x1b]8;;\x07": "link",
		"\x1b]0;title\x1b\\after":               "after",
		"\x1bMx":                                "x", // a two-byte escape
		"end\x1b":                               "end\x1b",
		"\x1b[":                                 "",
		"\x1b]unterminated":                     "",
		"\x1b]0;t\x1b":                          "", // ESC at the very end of an OSC
		"a\x1b[38;5;196mb":                      "ab",
		"\x1b[~x":                               "x", // ~ (0x7e) ends a CSI
		"\x1b[?25hx":                            "x",
		"\x1b[@x":                               "x", // @ (0x40) ends one too
		"\x1b[\x7fx":                            "",  // DEL is no final byte: the CSI runs on to the end
	} {
		if got := string(stripANSI([]byte(in))); got != want {
			t.Errorf("stripANSI(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCleanBody(t *testing.T) {
	for _, tc := range []struct {
		in, body string
		notes    []string
	}{
		{"{}\nScript done on 2026-11-22 10:00:00+00:00 [COMMAND_EXIT_CODE=\"0\"]\n", "{}\n", nil},
		{"{}Script done.\n", "{}", nil},                                           // glued to the last line
		{"Script done twice\nthen more\n", "Script done twice\nthen more\n", nil}, // not the end: text
		{"x\nScript done.\r\n\n", "x\n", nil},                                     // the last line, however it ends
		{"Script done on 2026-11-22 10:00:00+00:00\n", "", nil},                   // an empty body in a script(1) log
		{"a\r\ncurl: (18) transfer closed\r\nb", "a\r\nb", []string{"curl: (18) transfer closed"}},
		{"curl: (56) x\n", "", []string{"curl: (56) x"}},
		{"text curl: (7) inside a line\n", "text curl: (7) inside a line\n", nil},
	} {
		body, notes := cleanBody([]byte(tc.in))
		if string(body) != tc.body || !slices.Equal(notes, tc.notes) {
			t.Errorf("cleanBody(%q) = %q, %q; want %q, %q", tc.in, body, notes, tc.body, tc.notes)
		}
	}
	// A flood of error lines: all taken out, the first 32 kept as notes.
	flood := strings.Repeat("curl: (28) timed out\n", 100)
	if body, notes := cleanBody([]byte(flood)); strings.TrimSpace(string(body)) != "" || len(notes) != maxNotes {
		t.Errorf("a flood: body %q, %d notes", body, len(notes))
	}
	for in, want := range map[string]string{"a\nb\nc": "a\nc", "b": "", "": "", "a\n": "a\n", "\nb\n": "\n"} {
		if got := string(filterLines([]byte(in), func(l []byte) bool { return string(l) != "b" })); got != want {
			t.Errorf("filterLines(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTrailingStatusEdges(t *testing.T) {
	for _, tc := range []struct {
		in, body string
		code     int
		ok       bool
	}{
		{`{"a":1}404`, `{"a":1}`, 404, true},
		{"{\"a\":1}\n500\n", "{\"a\":1}\n", 500, true},
		{"<html></html>100", "<html></html>", 100, true},
		{"]599", "]", 599, true},
		{"}099", "}099", 0, false}, // not a status
		{"}600", "}600", 0, false},
		{"}-99", "}-99", 0, false},
		{"x404", "x404", 0, false}, // glued to a word: part of it
		{"404", "", 404, true},     // alone: curl -s -o /dev/null -w
		{"40", "40", 0, false},
		{"000", "", 0, true}, // curl -w when nothing came back
		{"partial\n000\n", "partial\n", 0, true},
		{"+00", "+00", 0, false},
	} {
		body, code, ok := trailingStatus([]byte(tc.in), 0)
		if tc.in == "000" { // with a status line, 000 is a body
			if b, _, ok := trailingStatus([]byte("{}000"), 200); ok || string(b) != "{}000" {
				t.Errorf("000 after a status line was taken off: %q", b)
			}
		}
		if string(body) != tc.body || code != tc.code || ok != tc.ok {
			t.Errorf("trailingStatus(%q) = %q, %d, %v; want %q, %d, %v", tc.in, body, code, ok, tc.body, tc.code, tc.ok)
		}
	}
}

// readXML reads 10,000 tokens at most: a code past them is not read.
func TestXMLBound(t *testing.T) {
	doc := func(fill int) []byte { // <Error>, fill <a/> (two tokens each), then the code
		return []byte("<Error>" + strings.Repeat("<a/>", fill) + "<Code>X</Code></Error>")
	}
	if b := readXML(doc(4998)); len(b.Items) != 1 || b.Items[0].Code != "X" { // X is token 9,998
		t.Errorf("a code within the bound: %+v", b)
	}
	if b := readXML(doc(4999)); len(b.Items) != 0 { // X is token 10,000
		t.Errorf("a code past the bound: %+v", b)
	}
}

// A body of one byte is no gzip stream, whatever it is.
func TestCompressedEdges(t *testing.T) {
	for _, tc := range []struct {
		body     string
		encoding string
		want     bool
	}{
		{"\x1f", "", false}, {"\x1f\x8b", "", true}, {"\x1f\x8c", "", false}, {"\x1e\x8b", "", false},
		{"abc", "gzip", true}, {"abc", "", false}, {"", "", false},
	} {
		h := header()
		if tc.encoding != "" {
			h = header("Content-Encoding", tc.encoding)
		}
		if got := compressed([]byte(tc.body), h); got != tc.want {
			t.Errorf("compressed(%q, %q) = %v, want %v", tc.body, tc.encoding, got, tc.want)
		}
	}
}

// A body in terminal colours (HTTPie --pretty=all) is read without them,
// from its first byte.
func TestColouredBody(t *testing.T) {
	body, _, _ := finishBody(Response{Body: []byte("\x1b[1m{\x1b[0m\"error\": \"bad\"}"), Header: header()})
	if string(body) != `{"error": "bad"}` {
		t.Errorf("coloured body: %q", body)
	}
}
