package explain

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"io"
	"net/textproto"
	"strconv"
	"strings"
)

// stripANSI removes terminal escape sequences: CSI (colours, bold), OSC
// (titles, links) and two-byte escapes.
func stripANSI(data []byte) []byte {
	out := make([]byte, 0, len(data))
	for i := 0; i < len(data); i++ {
		if data[i] != 0x1b || i+1 >= len(data) {
			out = append(out, data[i])
			continue
		}
		switch data[i+1] {
		case '[': // CSI: parameters, then a final byte in 0x40-0x7e
			j := i + 2
			for j < len(data) && (data[j] < 0x40 || data[j] > 0x7e) {
				j++
			}
			i = j
		case ']': // OSC: up to BEL or ESC \
			j := i + 2
			for j < len(data) && data[j] != 0x07 && !(data[j] == 0x1b && j+1 < len(data) && data[j+1] == '\\') {
				j++
			}
			if j < len(data) && data[j] == 0x1b {
				j++
			}
			i = j
		default:
			i++
		}
	}
	return out
}

var curlError = &lazyRE{expr: `^curl: \(\d+\) .*`}

// cleanBody takes curl's own error lines (curl: (18) transfer closed ...)
// out of a body, as notes (the first maxNotes of them: a flood of them is
// hostile input, not more to say).
func cleanBody(body []byte) ([]byte, []string) {
	// script(1) ends its log with "Script done." (or "Script done on
	// DATE"), glued to the last line when the output had no newline.
	if i := bytes.LastIndex(body, []byte("Script done")); i >= 0 && !bytes.ContainsRune(bytes.TrimRight(body[i:], "\r\n"), '\n') {
		body = body[:i]
	}
	if !bytes.Contains(body, []byte("curl: (")) {
		return body, nil
	}
	var notes []string
	return filterLines(body, func(l []byte) bool {
		t := bytes.TrimRight(l, "\r")
		if !curlError.get().Match(t) {
			return true
		}
		if len(notes) < maxNotes {
			notes = append(notes, string(t))
		}
		return false
	}), notes
}

const maxNotes = 32

// filterLines is body with only the lines keep accepts (lines split at
// \n, given to keep with their \r), built in one pass and one buffer.
func filterLines(body []byte, keep func(line []byte) bool) []byte {
	out := make([]byte, 0, len(body))
	first := true
	for off := 0; off <= len(body); {
		end := bytes.IndexByte(body[off:], '\n')
		if end < 0 {
			end = len(body) - off
		}
		if l := body[off : off+end]; keep(l) {
			if !first {
				out = append(out, '\n')
			}
			out = append(out, l...)
			first = false
		}
		off += end + 1
	}
	return out
}

// finishBody undoes what a raw print of a body leaves: curl -w's status
// code glued to the end, raw chunk sizes (curl --raw), gzip or deflate
// bytes, terminal colours (httpie --pretty=all). It returns at most MaxBody
// bytes of body, whether more than that arrived (cut: anything but white
// space past MaxBody), and the status, which the -w code supplies when there
// was no status line.
func finishBody(r Response) ([]byte, int, bool) {
	body, status := r.Body, r.Status
	if b, code, ok := trailingStatus(body, status); ok {
		body = b
		if status == 0 {
			status = code
		}
	}
	// Only when the headers say so: a bare body such as "1405\n..." looks
	// like a chunk size too.
	if strings.Contains(strings.ToLower(r.Header.Get("Transfer-Encoding")), "chunked") {
		if b, ok := dechunk(body); ok {
			body = b
		}
	}
	if compressed(body, r.Header) {
		body = inflate(body, strings.ToLower(r.Header.Get("Content-Encoding")))
		return body[:min(len(body), MaxBody)], status, pastMax(body)
	}
	cut := pastMax(body)
	body = body[:min(len(body), MaxBody)]
	if bytes.IndexByte(body, 0x1b) >= 0 {
		body = stripANSI(body)
	}
	return body, status, cut
}

// pastMax: body holds more than MaxBody bytes, and more than white space
// past them (a newline before curl -w's code is no cut).
func pastMax(body []byte) bool {
	return len(body) > MaxBody && len(bytes.TrimLeft(body[MaxBody:], " \t\r\n")) > 0
}

// readMax is how much the decoders keep: MaxBody, and enough past it to
// tell a body cut at MaxBody from one exactly that long.
const readMax = MaxBody + 64

// trailingStatus finds the three digits curl -w '%{http_code}' prints after
// the body: glued to a closing } ] or >, or alone on the last line. Its
// 000, when there was no status line, says that no response came: it is
// taken off as well, and gives no status.
func trailingStatus(body []byte, status int) ([]byte, int, bool) {
	b := bytes.TrimRight(body, " \t\r\n")
	if len(b) < 3 {
		return body, 0, false
	}
	tail := b[len(b)-3:]
	code, err := strconv.Atoi(string(tail))
	noResponse := status == 0 && string(tail) == "000"
	if err != nil || (code < 100 && !noResponse) || code > 599 || tail[0] == '-' {
		return body, 0, false
	}
	rest := b[:len(b)-3]
	if len(rest) == 0 {
		return rest, code, true // nothing but the code
	}
	switch rest[len(rest)-1] {
	case '}', ']', '>', '\n':
		if status != 0 && status != code {
			return body, 0, false
		}
		return rest, code, true
	}
	return body, 0, false
}

var chunkSize = &lazyRE{expr: `^[0-9a-fA-F]{1,8}(;[^\r\n]*)?\r?\n`}

// dechunk undoes chunked transfer coding, if body is in it.
func dechunk(body []byte) ([]byte, bool) {
	if !chunkSize.get().Match(body) {
		return body, false
	}
	var out []byte
	rest := body
	for len(out) < readMax {
		m := chunkSize.get().Find(rest)
		if m == nil {
			return body, false
		}
		hex, _, _ := strings.Cut(strings.TrimRight(string(m), "\r\n"), ";")
		n, err := strconv.ParseUint(hex, 16, 32)
		if err != nil {
			return body, false
		}
		rest = rest[len(m):]
		if n == 0 {
			return out, true
		}
		if int(n) > len(rest) { // cut off: keep what arrived
			return append(out, rest...), true
		}
		out = append(out, rest[:n]...)
		rest = bytes.TrimLeft(rest[n:], "\r\n")
		if len(rest) == 0 {
			return out, true
		}
	}
	return out, true
}

// compressed: the body is gzip or deflate bytes, not text.
func compressed(body []byte, h textproto.MIMEHeader) bool {
	return len(body) > 1 && body[0] == 0x1f && body[1] == 0x8b || h.Get("Content-Encoding") != ""
}

// decompress inflates a gzip, zlib or raw deflate body, up to MaxBody
// bytes (a compression bomb stops there). Anything else is returned as is.
func decompress(body []byte, encoding string) []byte {
	out := inflate(body, encoding)
	return out[:min(len(out), MaxBody)]
}

// inflate is decompress keeping up to readMax bytes, so that finishBody
// can tell whether the body went on past MaxBody.
func inflate(body []byte, encoding string) []byte {
	var r io.Reader
	var err error
	switch {
	case len(body) > 2 && body[0] == 0x1f && body[1] == 0x8b:
		r, err = gzip.NewReader(bytes.NewReader(body))
	case strings.Contains(encoding, "deflate") && len(body) > 2 && body[0]&0x0f == 8 && (uint(body[0])<<8|uint(body[1]))%31 == 0:
		r, err = zlib.NewReader(bytes.NewReader(body))
	case strings.Contains(encoding, "deflate"):
		r = flate.NewReader(bytes.NewReader(body))
	default:
		return body[:min(len(body), readMax)]
	}
	if err != nil {
		return body[:min(len(body), readMax)]
	}
	out, err := io.ReadAll(io.LimitReader(r, readMax))
	if len(out) == 0 && err != nil {
		return body[:min(len(body), readMax)]
	}
	return out // a truncated stream still gives what it had
}
