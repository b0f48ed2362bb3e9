package explain

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// A JSON value as read by parseJSON: map[string]any, []any, string,
// number, bool or nil. Numbers keep their text, so that an error code such
// as 1405 stays "1405".
type number string

// maxDepth bounds nesting, so hostile input cannot exhaust the stack.
const maxDepth = 64

// parseJSON reads a JSON value leniently, the way error bodies arrive in
// real life: a trailing comma (emnify's own documented example has one) is
// skipped, and input cut off in the middle is closed where it ends, keeping
// every member read so far. ok is false if data does not start like JSON
// or nothing could be recovered; exact reports strictly valid JSON.
func parseJSON(data []byte) (v any, ok, exact bool) {
	p := &jsonParser{data: data, exact: true}
	p.space()
	if p.pos >= len(data) || (data[p.pos] != '{' && data[p.pos] != '[') {
		return nil, false, false
	}
	v = p.value(0)
	p.space()
	if p.pos < len(p.data) {
		p.exact = false // trailing bytes: curl -w output, a second document, noise
	}
	return v, v != nil, p.exact
}

type jsonParser struct {
	data  []byte
	pos   int
	exact bool
}

func (p *jsonParser) space() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *jsonParser) value(depth int) any {
	p.space()
	if p.pos >= len(p.data) {
		p.exact = false
		return nil
	}
	if depth > maxDepth {
		p.exact = false
		p.pos = len(p.data)
		return nil
	}
	switch c := p.data[p.pos]; {
	case c == '{':
		return p.object(depth)
	case c == '[':
		return p.array(depth)
	case c == '"':
		return p.string()
	case c == 't':
		return p.literal("true", true)
	case c == 'f':
		return p.literal("false", false)
	case c == 'n':
		return p.literal("null", nil)
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	}
	p.exact = false
	p.pos = len(p.data) // not JSON from here on: stop, keep what we have
	return nil
}

func (p *jsonParser) object(depth int) any {
	obj := map[string]any{}
	p.pos++     // {
	sep := true // at a place for a member: after { or a comma
	for {
		p.space()
		if p.pos >= len(p.data) {
			p.exact = false
			return obj
		}
		switch p.data[p.pos] {
		case '}':
			if sep && len(obj) > 0 {
				p.exact = false // a trailing comma
			}
			p.pos++
			return obj
		case ',':
			if sep {
				p.exact = false // a stray comma
			}
			p.pos++
			sep = true
			continue
		case '"':
			if !sep {
				p.exact = false // a missing comma
			}
		default:
			p.exact = false
			p.pos = len(p.data)
			return obj
		}
		key := p.string()
		p.space()
		if p.pos >= len(p.data) || p.data[p.pos] != ':' {
			p.exact = false
			p.pos = len(p.data)
			return obj
		}
		p.pos++
		obj[key] = p.value(depth + 1)
		sep = false
	}
}

func (p *jsonParser) array(depth int) any {
	arr := []any{}
	p.pos++     // [
	sep := true // at a place for an element: after [ or a comma
	for {
		p.space()
		if p.pos >= len(p.data) {
			p.exact = false
			return arr
		}
		switch p.data[p.pos] {
		case ']':
			if sep && len(arr) > 0 {
				p.exact = false // a trailing comma
			}
			p.pos++
			return arr
		case ',':
			if sep {
				p.exact = false // a stray comma
			}
			p.pos++
			sep = true
			continue
		}
		if !sep {
			p.exact = false // a missing comma
		}
		sep = false
		start := p.pos
		v := p.value(depth + 1)
		if p.pos == start { // no progress: give up here
			p.exact = false
			p.pos = len(p.data)
			return arr
		}
		arr = append(arr, v)
	}
}

func (p *jsonParser) string() string {
	p.pos++ // opening quote
	var b []byte
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		switch {
		case c == '"':
			p.pos++
			return string(b)
		case c == '\\' && p.pos+1 < len(p.data):
			p.pos++
			switch e := p.data[p.pos]; e {
			case 'n':
				b = append(b, '\n')
			case 't':
				b = append(b, '\t')
			case 'r':
				b = append(b, '\r')
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'u':
				r, n := p.unicodeEscape()
				b = utf8.AppendRune(b, r)
				p.pos += n
				continue
			case '"', '\\', '/':
				b = append(b, e)
			default: // not an escape JSON has: the character itself
				b = append(b, e)
				p.exact = false
			}
			p.pos++
		default:
			if c < 0x20 {
				p.exact = false // a control character must be escaped
			}
			b = append(b, c)
			p.pos++
		}
	}
	p.exact = false // cut off inside a string
	return string(b)
}

// unicodeEscape decodes \uXXXX (and a following low surrogate) at p.pos
// (the 'u'), returning the rune and how many bytes to skip.
func (p *jsonParser) unicodeEscape() (rune, int) {
	hex := func(at int) (rune, bool) {
		if at+4 > len(p.data) {
			return 0, false
		}
		v, err := strconv.ParseUint(string(p.data[at:at+4]), 16, 32)
		return rune(v), err == nil
	}
	r, ok := hex(p.pos + 1)
	if !ok {
		p.exact = false
		return utf8.RuneError, 1
	}
	if r >= 0xd800 && r < 0xdc00 && p.pos+6 < len(p.data) && p.data[p.pos+5] == '\\' && p.data[p.pos+6] == 'u' {
		if lo, ok := hex(p.pos + 7); ok && lo >= 0xdc00 && lo < 0xe000 {
			return (r-0xd800)<<10 + (lo - 0xdc00) + 0x10000, 11
		}
	}
	if r >= 0xd800 && r < 0xe000 {
		return utf8.RuneError, 5
	}
	return r, 5
}

func (p *jsonParser) number() any {
	start := p.pos
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		if c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E' || c >= '0' && c <= '9' {
			p.pos++
			continue
		}
		break
	}
	if !json.Valid(p.data[start:p.pos]) {
		p.exact = false // 01, 1., --1, 1e: read as written, but not JSON
	}
	return number(p.data[start:p.pos])
}

func (p *jsonParser) literal(word string, v any) any {
	end := min(p.pos+len(word), len(p.data))
	if string(p.data[p.pos:end]) != word[:end-p.pos] {
		p.exact = false
		p.pos = len(p.data)
		return nil
	}
	if end-p.pos < len(word) {
		p.exact = false // cut off inside the literal
	}
	p.pos = end
	return v
}
