package explain

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/textproto"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A HAR file (HTTP Archive 1.2, as browsers' "Save all as HAR" writes it) is
// read as a stream: encoding/json's tokens down to log.entries, then one
// entry at a time, keeping of each only what errcode reads (request.method
// and url; response status, statusText, httpVersion, headers and
// content.text/encoding) and only for error responses. Browsers' exports
// run to hundreds of megabytes; what reading one costs is bounded whatever
// its size, and its time is linear in it.
//
// The bounds, and why each holds:
//   - No JSON string is ever held longer than maxHARToken bytes of its text:
//     harLimiter cuts longer ones before the decoder sees them, so the
//     decoder's buffer stays under about 2 MiB and the string it returns
//     under 1 MiB, however long a body or a data: URL is. Any other value (a
//     number) longer than maxHARScalar bytes, or nesting deeper than
//     maxHARDepth, makes the file not a HAR.
//   - An entry's fields are kept until the entry ends (its status may come
//     last): each string at most maxHARToken bytes, its headers at most
//     harFull.headers bytes.
//   - At most MaxExchanges error responses are kept, the rest counted. Kept
//     exchanges are charged against harBudget; once it is spent, each
//     further one keeps at most harLean's sizes. All kept exchanges together
//     hold at most about harBudget + 400 KiB + MaxExchanges × 14 KiB
//     (about 22 MiB), whatever the file.

// MaxExchanges bounds how many of a HAR file's error responses are
// explained; the rest are counted.
const MaxExchanges = 1000

// HARSniff is how many bytes of the start of an input LooksHAR needs to
// see: 4 KiB after a UTF-8 byte order mark.
const HARSniff = 4096 + len(utf8BOM)

const utf8BOM = "\xef\xbb\xbf"

const (
	maxHARToken  = 4 * MaxBody // a string's JSON text: MaxBody of body, even base64 with "\/" escapes
	maxHARScalar = 4 << 10     // a number's text
	maxHARDepth  = 10000       // encoding/json's own bound for Unmarshal
	harBudget    = 8 << 20     // bytes all kept exchanges may hold at full size
	harCost      = 512         // what an exchange costs beyond its strings and body
	harHeaderAdd = 64          // what a header costs beyond its name and value
)

// harCaps are the sizes an exchange keeps: each string field, its headers
// together (harHeaderAdd each beyond their text), its body.
type harCaps struct{ field, headers, body int }

var (
	harFull = harCaps{field: 16 << 10, headers: 64 << 10, body: MaxBody}
	harLean = harCaps{field: 1 << 10, headers: 4 << 10, body: 4 << 10}
)

type harHeader struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// harEntry is what errcode reads of one entry, kept until the entry ends.
type harEntry struct {
	method, url, reason, proto string
	status                     int
	headers                    []harHeader
	headerBytes                int
	text, encoding             string
}

// errHARType: a value of the wrong type (a string for an object...),
// already skipped. Inside an entry it is ignored, as if absent.
var errHARType = errors.New("a value of the wrong type")

// LooksHAR says whether an input starting with head (its first HARSniff
// bytes, or all of it when shorter) is worth reading as a HAR: a JSON
// object that names "log" near its start.
func LooksHAR(head []byte) bool {
	head = bytes.TrimPrefix(head, []byte(utf8BOM))
	head = bytes.TrimSpace(head[:min(len(head), HARSniff-len(utf8BOM))])
	return len(head) > 0 && head[0] == '{' && bytes.Contains(head, []byte(`"log"`))
}

// ParseHAR reads a HAR file from r as it arrives, to its end, in bounded
// memory whatever its size: every entry whose response is an error (status
// 400 to 599) becomes an exchange, up to MaxExchanges; Omitted counts the
// rest. Bodies are decoded (base64) and cut at MaxBody bytes, less once
// many large ones were kept. It returns an error, naming what it found, when
// r is not a whole HAR file (not JSON, cut short, no log.entries array):
// the caller may then read the input another way.
func ParseHAR(r io.Reader) (*Transcript, error) {
	out, omitted, err := readHAR(r)
	if err != nil {
		return nil, err
	}
	return &Transcript{Format: "har", Exchanges: out, Omitted: omitted}, nil
}

// parseHAR reads a HAR file held in memory (see ParseHAR). What is not
// JSON is refused at the speed of json.Valid, several times that of the
// token reader: a HAR cut short, which the caller may have streamed
// already, is not read twice.
func parseHAR(data []byte) (out []Exchange, omitted int, ok bool) {
	if !LooksHAR(data) || !json.Valid(bytes.TrimPrefix(data, []byte(utf8BOM))) {
		return nil, 0, false
	}
	out, omitted, err := readHAR(bytes.NewReader(data))
	return out, omitted, err == nil
}

// readHAR is ParseHAR's work: the error responses, how many more there
// were, or why r is not a HAR.
func readHAR(r io.Reader) ([]Exchange, int, error) {
	br := bufio.NewReader(r)
	if b, _ := br.Peek(len(utf8BOM)); string(b) == utf8BOM {
		_, _ = br.Discard(len(utf8BOM))
	}
	dec := json.NewDecoder(&harLimiter{r: br})
	dec.UseNumber()
	h := &harReader{dec: dec, out: []Exchange{}}
	if err := h.object(h.topField); err != nil {
		return nil, 0, fmt.Errorf("not a HAR file: %w", err)
	}
	if !h.entries {
		return nil, 0, errors.New("not a HAR file: no log.entries array")
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, 0, errors.New("not a HAR file: something follows its JSON")
	}
	return h.out, h.omitted, nil
}

// harReader walks a HAR's tokens. Its methods each read one value.
type harReader struct {
	dec     *json.Decoder
	entries bool // log.entries was an array
	e       harEntry
	out     []Exchange
	omitted int
	kept    int // bytes the kept exchanges hold
}

// token is the next token; the stream's end inside a value is an error.
func (h *harReader) token() (json.Token, error) {
	tok, err := h.dec.Token()
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	return tok, err
}

// object reads an object, calling field for each key (field reads the
// value). null is an empty object; any other value is skipped and
// errHARType returned. Keys match as encoding/json matches them, ignoring
// case.
func (h *harReader) object(field func(key string) error) error {
	return h.container('{', func() error {
		tok, err := h.token()
		if err != nil {
			return err
		}
		key, _ := tok.(string) // the decoder allows only strings here
		return field(key)
	})
}

// array reads an array, calling elem for each element, as object does.
func (h *harReader) array(elem func() error) error {
	return h.container('[', elem)
}

func (h *harReader) container(open json.Delim, each func() error) error {
	tok, err := h.token()
	if err != nil {
		return err
	}
	return h.containerFrom(tok, open, each)
}

// containerFrom reads the rest of a container whose first token is tok.
func (h *harReader) containerFrom(tok json.Token, open json.Delim, each func() error) error {
	if tok == nil {
		return nil
	}
	if tok != open {
		if err := h.skipFrom(tok); err != nil {
			return err
		}
		return errHARType
	}
	for h.dec.More() {
		if err := each(); err != nil {
			return err
		}
	}
	_, err := h.token() // the closing delimiter: More saw it, or an error
	return err
}

// skip reads a value and drops it.
func (h *harReader) skip() error {
	tok, err := h.token()
	if err != nil {
		return err
	}
	return h.skipFrom(tok)
}

// skipFrom drops the rest of the value tok starts.
func (h *harReader) skipFrom(tok json.Token) error {
	for depth := 0; ; {
		switch tok {
		case json.Delim('{'), json.Delim('['):
			if depth++; depth > maxHARDepth {
				return fmt.Errorf("nested deeper than %d", maxHARDepth)
			}
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
		if depth == 0 {
			return nil
		}
		var err error
		if tok, err = h.token(); err != nil {
			return err
		}
	}
}

// str reads a string into dst; a value of another type is skipped.
func (h *harReader) str(dst *string) error {
	tok, err := h.token()
	if err != nil {
		return err
	}
	if s, ok := tok.(string); ok {
		*dst = s
	}
	return h.skipFrom(tok)
}

// integer reads a number into dst when it is an int, as Unmarshal would.
func (h *harReader) integer(dst *int) error {
	tok, err := h.token()
	if err != nil {
		return err
	}
	if n, ok := tok.(json.Number); ok {
		if v, err := strconv.Atoi(string(n)); err == nil {
			*dst = v
		}
	}
	return h.skipFrom(tok)
}

// tolerate ignores a value of the wrong type inside an entry.
func tolerate(err error) error {
	if err == errHARType {
		return nil
	}
	return err
}

func (h *harReader) topField(key string) error {
	if strings.EqualFold(key, "log") {
		return h.object(h.logField)
	}
	return h.skip()
}

func (h *harReader) logField(key string) error {
	if !strings.EqualFold(key, "entries") {
		return h.skip()
	}
	tok, err := h.token()
	if err != nil {
		return err
	}
	// A later "entries" replaces an earlier one, and null is as if absent,
	// as with Unmarshal; any other type fails.
	h.entries = tok == json.Delim('[')
	h.out, h.omitted, h.kept = h.out[:0], 0, 0
	return h.containerFrom(tok, '[', h.entry)
}

// entry reads one entry and keeps it if its response is an error.
func (h *harReader) entry() error {
	h.e = harEntry{headers: h.e.headers[:0]}
	if err := tolerate(h.object(h.entryField)); err != nil {
		return err
	}
	h.keep()
	return nil
}

func (h *harReader) entryField(key string) error {
	switch is := keyIs(key); {
	case is("request"):
		return tolerate(h.object(h.requestField))
	case is("response"):
		return tolerate(h.object(h.responseField))
	}
	return h.skip()
}

func (h *harReader) requestField(key string) error {
	switch is := keyIs(key); {
	case is("method"):
		return h.str(&h.e.method)
	case is("url"):
		return h.str(&h.e.url)
	}
	return h.skip()
}

func (h *harReader) responseField(key string) error {
	switch is := keyIs(key); {
	case is("status"):
		return h.integer(&h.e.status)
	case is("statusText"):
		return h.str(&h.e.reason)
	case is("httpVersion"):
		return h.str(&h.e.proto)
	case is("headers"):
		h.e.headers, h.e.headerBytes = h.e.headers[:0], 0 // a later one replaces it
		return tolerate(h.array(h.header))
	case is("content"):
		return tolerate(h.object(h.contentField))
	}
	return h.skip()
}

func (h *harReader) contentField(key string) error {
	switch is := keyIs(key); {
	case is("text"):
		return h.str(&h.e.text)
	case is("encoding"):
		return h.str(&h.e.encoding)
	}
	return h.skip()
}

// keyIs matches a key to a field's name as Unmarshal does: ignoring case.
func keyIs(key string) func(name string) bool {
	return func(name string) bool { return strings.EqualFold(key, name) }
}

// header reads one {"name", "value"}, kept while the entry's headers are
// within harFull.headers bytes.
func (h *harReader) header() error {
	var kv harHeader
	err := h.object(func(key string) error {
		switch is := keyIs(key); {
		case is("name"):
			return h.str(&kv.Name)
		case is("value"):
			return h.str(&kv.Value)
		}
		return h.skip()
	})
	if err == errHARType {
		return nil // not a header; null is one with no name or value, as with Unmarshal
	}
	if err != nil {
		return err
	}
	kv.Name, kv.Value = cut(kv.Name, harFull.field), cut(kv.Value, harFull.field)
	if n := len(kv.Name) + len(kv.Value) + harHeaderAdd; h.e.headerBytes+n <= harFull.headers {
		h.e.headerBytes += n
		h.e.headers = append(h.e.headers, kv)
	}
	return nil
}

// keep makes the entry just read an exchange if its response is an error
// (400 to 599: 399 and 600 are not errors HAR can mean), or counts it once
// MaxExchanges are kept.
func (h *harReader) keep() {
	e := &h.e
	if e.status < 400 || e.status > 599 {
		return
	}
	if len(h.out) == MaxExchanges {
		h.omitted++
		return
	}
	caps := harFull
	if h.kept >= harBudget {
		caps = harLean
	}
	ex, cost := e.exchange(caps)
	h.kept += cost
	h.out = append(h.out, ex)
}

// exchange is the entry as an exchange within caps, and what it holds.
// Browsers store content already decoded: the body needs no further work.
func (e *harEntry) exchange(caps harCaps) (Exchange, int) {
	hdr, names := textproto.MIMEHeader{}, spelling{}
	size := 0
	for _, kv := range e.headers {
		name, value := cut(kv.Name, caps.field), cut(kv.Value, caps.field)
		n := len(name) + len(value) + harHeaderAdd
		if size+n > caps.headers {
			break
		}
		size += n
		hdr.Add(names.add(name), value)
	}
	ex := Exchange{Method: cut(e.method, caps.field), URL: cut(e.url, caps.field)}
	ex.Host = hostOf(ex.URL)
	ex.Response = Response{Protocol: harProtocol(cut(e.proto, caps.field)), Status: e.status,
		Reason: cut(e.reason, caps.field), Header: hdr, names: names, Body: harBody(e.text, e.encoding, caps.body)}
	size += harCost + len(ex.Method) + len(ex.URL) + len(ex.Host) + len(ex.Protocol) + len(ex.Reason) + len(ex.Body)
	return ex, size
}

// harBody is content.text decoded, at most limit bytes. A base64 body is
// decoded only as far as limit (what lies past it is not checked); one
// that is not base64 there is kept as it is.
func harBody(text, encoding string, limit int) []byte {
	if encoding == "base64" {
		d := base64.NewDecoder(base64.StdEncoding, strings.NewReader(text))
		if b, err := io.ReadAll(io.LimitReader(d, int64(limit))); err == nil {
			return b
		}
	}
	return []byte(text[:min(len(text), limit)])
}

// cut is s in at most n bytes, not splitting a UTF-8 character, and a
// copy when cut, so that the long string is not kept alive.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := n
	for j := 0; j < utf8.UTFMax-1 && i > 0 && !utf8.RuneStart(s[i]); j++ {
		i--
	}
	return strings.Clone(s[:i])
}

// harLimiter passes JSON text through, cutting every string after
// maxHARToken bytes of its text (at a character or escape's start, so what
// is left is still a JSON string), and failing on any other value longer
// than maxHARScalar bytes. encoding/json's Decoder holds a whole token in
// memory; behind harLimiter no token is large. It does not check the JSON:
// the decoder does, on what it passes.
type harLimiter struct {
	r      io.Reader
	inStr  bool // inside a string
	slash  bool // after a backslash
	hex    int  // hex digits of a \u escape still to come
	high   int  // 1, 2: the escape's first hex digits may make a high surrogate; 3: they did
	cont   int  // UTF-8 continuation bytes since a character's start
	n      int  // bytes of the string passed on
	drop   bool // the rest of the string is dropped
	scalar int  // bytes since the last space or structural character, outside strings
}

var errHARScalar = errors.New("a number or word longer than 4 KiB") // maxHARScalar

func (l *harLimiter) Read(p []byte) (int, error) {
	for {
		n, err := l.r.Read(p)
		w, ferr := l.filter(p[:n])
		if ferr != nil {
			return w, ferr
		}
		if w > 0 || err != nil {
			return w, err
		}
	}
}

// filter drops in place what is cut from b and returns how much is left.
func (l *harLimiter) filter(b []byte) (int, error) {
	w := 0
	for _, c := range b {
		if !l.inStr {
			switch c {
			case '"':
				l.inStr, l.slash, l.hex, l.high, l.cont, l.n, l.drop = true, false, 0, 0, 0, 0, false
				l.scalar = 0
			case ' ', '\t', '\n', '\r', '{', '}', '[', ']', ',', ':':
				l.scalar = 0
			default:
				if l.scalar++; l.scalar > maxHARScalar {
					return w, errHARScalar
				}
			}
			b[w] = c
			w++
			continue
		}
		start := false // c starts a character or an escape
		switch {
		case l.slash:
			l.slash = false
			if c == 'u' {
				l.hex, l.high = 4, 1
			}
		case l.hex > 0:
			l.hex--
			l.high = surrogateDigit(l.high, c)
		case c == '"':
			l.inStr = false
			b[w] = c
			w++
			continue
		case c == '\\':
			// The low half of a surrogate pair stays with its high half.
			l.slash, l.cont, start, l.high = true, 0, l.high != 3, 0
		case c >= 0x80 && c < 0xc0 && l.cont < utf8.UTFMax-1:
			l.cont, l.high = l.cont+1, 0
		default:
			l.cont, start, l.high = 0, true, 0
		}
		if start && l.n >= maxHARToken {
			l.drop = true
		}
		if !l.drop {
			b[w] = c
			w++
			l.n++
		}
	}
	return w, nil
}

// surrogateDigit follows a \u escape's hex digits: state 1 before the
// first, 2 after a "d", 3 once "d8" to "db" made a high surrogate (the
// rest do not matter), 0 when they cannot.
func surrogateDigit(state int, c byte) int {
	switch {
	case state == 1 && (c == 'd' || c == 'D'):
		return 2
	case state == 2 && strings.IndexByte("89abAB", c) >= 0:
		return 3
	case state == 3:
		return 3
	}
	return 0
}

// harProtocol normalises HAR's httpVersion ("HTTP/1.1", "http/2.0", "h2", "h3").
func harProtocol(v string) string {
	switch u := strings.ToUpper(strings.TrimSpace(v)); {
	case u == "":
		return ""
	case u == "H2" || u == "HTTP/2.0" || u == "HTTP/2":
		return "HTTP/2"
	case u == "H3" || u == "HTTP/3.0" || u == "HTTP/3":
		return "HTTP/3"
	default:
		return u
	}
}
