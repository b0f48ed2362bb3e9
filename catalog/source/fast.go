package source

import (
	"strings"
	"unicode/utf8"
)

// Most large catalogs write their entries one way: each key on its own
// line, each value plain or quoted on that line, lists in brackets or as
// "- " lines below their key. fastEntries reads a piece of items (see
// entryItems) written only that way straight into entries, with no syntax
// tree: the YAML library spends about 600 allocations an entry building
// one, and that was most of a cold start.
//
// It reads a strict subset of YAML, and gives up (ok false) at anything
// outside it: a text over several lines, a block text (| or >), an escape
// in a double-quoted text, an anchor, alias or tag, a flow mapping, a
// plain value the YAML library might read as something other than text
// (null, true, a number other than a code's or a status's digits, a value
// starting with a character YAML gives a meaning), an unknown or repeated
// key, a tab, a control character (a carriage return only ends a line, as
// Windows' CRLF does). The piece is then parsed by the YAML
// library, as before. Within the subset it gives exactly what the library
// gives (FuzzFastEntries compares the two on every input it accepts), so
// a catalog's problems are still found and placed by the library: build
// reports none here, and a piece with any is parsed again whole.

// entryKey is an entry's key as a bit, to find a key given twice; 0 for
// a key an entry does not have (or range, which fastEntries leaves to the
// YAML library). A switch, not a map: a map would be built at start-up.
func entryKey(key string) uint16 {
	for i, k := range [...]string{"code", "token", "status", "category", "title", "message", "description", "causes", "fixes", "retryable", "doc_url", "source", "reference", "kind"} {
		if k == key {
			return 1 << i
		}
	}
	return 0
}

// fastEntries reads s, a piece of a catalog's entries list that starts at
// an item's line, into at most want entries' worth of room.
func fastEntries(s string, want int) (out []fileEntry, ok bool) {
	out = make([]fileEntry, 0, want)
	itemIndent, keyIndent := -1, -1
	var (
		e          *fileEntry
		seen       uint16
		list       *[]string // the list whose "- " lines are being read
		listIndent = -1
		pending    bool // a list key with no value yet: its lines must follow
	)
	for pos := 0; pos < len(s); {
		end := strings.IndexByte(s[pos:], '\n')
		var line string
		if end < 0 {
			line, pos = s[pos:], len(s)
		} else {
			line, pos = s[pos:pos+end], pos+end+1
		}
		line = strings.TrimSuffix(line, "\r") // a file saved on Windows: CRLF ends its lines
		text := strings.TrimLeft(line, " ")
		if !cleanLine(line) {
			return nil, false
		}
		if text == "" || text[0] == '#' {
			continue
		}
		ind := len(line) - len(text)
		dash := text[0] == '-' && (len(text) == 1 || text[1] == ' ')
		switch {
		case dash && (itemIndent < 0 || ind == itemIndent): // an entry
			if pending {
				return nil, false
			}
			rest := strings.TrimLeft(text[1:], " ")
			if rest == "" || rest[0] == '#' {
				return nil, false
			}
			itemIndent, keyIndent = ind, ind+len(text)-len(rest)
			out = append(out, fileEntry{})
			e, seen, list, listIndent = &out[len(out)-1], 0, nil, -1
			if !e.set(rest, &seen, &list, &pending) {
				return nil, false
			}
		case dash && list != nil && ind >= keyIndent && (listIndent < 0 || ind == listIndent): // a list's item
			v, plain, ok := scalar(strings.TrimLeft(text[1:], " "))
			if !ok || plain && !plainText(v) {
				return nil, false
			}
			*list, listIndent, pending = append(*list, v), ind, false
		case !dash && e != nil && ind == keyIndent:
			if pending {
				return nil, false
			}
			list, listIndent = nil, -1
			if !e.set(text, &seen, &list, &pending) {
				return nil, false
			}
		default:
			return nil, false
		}
	}
	return out, !pending && len(out) > 0
}

// set reads one "key: value" line of an entry. A list key with nothing
// after it sets list to the list its "- " lines fill, and pending until
// the first.
func (fe *fileEntry) set(kv string, seen *uint16, list **[]string, pending *bool) bool {
	i := strings.IndexByte(kv, ':')
	if i <= 0 {
		return false
	}
	key, after := kv[:i], kv[i+1:]
	bit := entryKey(key)
	if bit == 0 || *seen&bit != 0 || after != "" && after[0] != ' ' {
		return false
	}
	*seen |= bit
	v := strings.TrimLeft(after, " ")
	if v == "" || v[0] == '#' { // a list's "- " lines follow, or nothing (null): only lists may
		switch key {
		case "causes":
			*list, *pending = &fe.Causes, true
		case "fixes":
			*list, *pending = &fe.Fixes, true
		default:
			return false
		}
		return true
	}
	switch key {
	case "causes":
		l, ok := flowList(v)
		fe.Causes = l
		return ok
	case "fixes":
		l, ok := flowList(v)
		fe.Fixes = l
		return ok
	}
	text, plain, ok := scalar(v)
	if !ok {
		return false
	}
	switch key {
	case "code":
		if plain {
			if n, isNum := digits(text, 18); isNum {
				fe.Code = n // as the YAML library reads a number
				return true
			}
			if !plainText(text) {
				return false
			}
		}
		fe.Code = text
		return true
	case "status":
		n, isNum := digits(text, 3)
		fe.Status = int(n)
		return plain && isNum
	case "retryable":
		b := text == "true"
		fe.Retryable = &b
		return plain && (b || text == "false")
	}
	if plain && !plainText(text) {
		return false
	}
	switch key {
	case "token":
		fe.Token = text
	case "category":
		fe.Category = text
	case "title":
		fe.Title = text
	case "message":
		fe.Message = text
	case "description":
		fe.Description = text
	case "doc_url":
		fe.DocURL = text
	case "source":
		fe.Source = text
	case "reference":
		fe.Reference = text
	case "kind":
		fe.Kind = text
	}
	return true
}

// digits reads s as a number of at most max digits, written without a
// leading zero (which YAML might read as octal).
func digits(s string, max int) (uint64, bool) {
	if s == "" || len(s) > max || s[0] == '0' && len(s) > 1 {
		return 0, false
	}
	var n uint64
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + uint64(s[i]-'0')
	}
	return n, true
}

// scalar reads one value that ends its line: a quoted text (see quoted)
// or a plain one (plain true), each perhaps followed by a comment.
func scalar(v string) (text string, plain, ok bool) {
	if v == "" {
		return "", false, false
	}
	if v[0] == '"' || v[0] == '\'' {
		text, rest, ok := quoted(v)
		return text, false, ok && endsLine(rest)
	}
	if j := strings.Index(v, " #"); j >= 0 {
		v = v[:j]
	}
	return strings.TrimRight(v, " "), true, true
}

// quoted reads the quoted text at the start of v, and gives what follows
// it: a double-quoted one with no escapes (an escape is the library's to
// read), or a single-quoted one, where two quotes together stand for one.
func quoted(v string) (text, rest string, ok bool) {
	if v[0] == '"' {
		j := strings.IndexByte(v[1:], '"')
		if j < 0 || strings.IndexByte(v[1:1+j], '\\') >= 0 {
			return "", "", false
		}
		return v[1 : 1+j], v[2+j:], true
	}
	var b []byte // the text so far, once a '' is met
	start := 1
	for i := 1; i < len(v); i++ {
		if v[i] != '\'' {
			continue
		}
		if i+1 < len(v) && v[i+1] == '\'' {
			b = append(b, v[start:i+1]...)
			i++
			start = i + 1
			continue
		}
		if b == nil {
			return v[1:i], v[i+1:], true
		}
		return string(append(b, v[start:i]...)), v[i+1:], true
	}
	return "", "", false
}

// endsLine: what follows a quoted value is nothing, or spaces and a
// comment.
func endsLine(rest string) bool {
	t := strings.TrimLeft(rest, " ")
	return t == "" || t[0] == '#' && len(t) < len(rest)
}

// plainText: the YAML library reads the plain value s as this text: it
// is not empty, does not start with a character YAML gives a meaning (an
// indicator, a digit, a sign, '.', '~', '<', '='), holds no ": " (a
// mapping) and is not null, true or false in any of their spellings.
func plainText(s string) bool {
	if s == "" || strings.IndexByte("-?:,[]{}#&*!|>'\"%@`<.~+=0123456789", s[0]) >= 0 {
		return false
	}
	if s[len(s)-1] == ':' || strings.Contains(s, ": ") {
		return false
	}
	switch s {
	case "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE":
		return false
	}
	return true
}

// flowList reads a list written in brackets on one line, of quoted or
// plain texts ([] is an empty list, not none).
func flowList(v string) ([]string, bool) {
	if v[0] != '[' {
		return nil, false
	}
	out := []string{}
	i := 1
	for {
		for i < len(v) && v[i] == ' ' {
			i++
		}
		if i < len(v) && v[i] == ']' && len(out) == 0 {
			return out, endsLine(v[i+1:])
		}
		if i >= len(v) {
			return nil, false
		}
		var item string
		if v[i] == '"' || v[i] == '\'' {
			text, rest, ok := quoted(v[i:])
			if !ok {
				return nil, false
			}
			item, i = text, len(v)-len(rest)
		} else {
			j := strings.IndexAny(v[i:], ",]")
			if j < 0 {
				return nil, false
			}
			item = strings.TrimRight(v[i:i+j], " ")
			if !plainText(item) || strings.ContainsAny(item, "[]{}#:") {
				return nil, false
			}
			i += j
		}
		out = append(out, item)
		for i < len(v) && v[i] == ' ' {
			i++
		}
		switch {
		case i >= len(v):
			return nil, false
		case v[i] == ']':
			return out, endsLine(v[i+1:])
		case v[i] != ',':
			return nil, false
		}
		i++
	}
}

// cleanLine: line holds no tab, carriage return or other control
// character, and is UTF-8 without the characters YAML treats as line
// breaks or marks (NEL, the line and paragraph separators, a byte-order
// mark).
func cleanLine(line string) bool {
	wide := false
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c < ' ' || c == 0x7f:
			return false
		case c >= utf8.RuneSelf:
			wide = true
		}
	}
	if !wide {
		return true
	}
	for _, r := range line {
		if r == utf8.RuneError || r >= 0x80 && r <= 0x9f || r == 0x2028 || r == 0x2029 || r == 0xfeff || r >= 0xfffe && r <= 0xffff {
			return false
		}
	}
	return true
}
