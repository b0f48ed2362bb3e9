package source

import (
	"bytes"
	"strings"
)

// The YAML parser's messages are written for people who know its
// grammar; plainSyntax says the same in words a catalog's author uses,
// with what to do. A message not in the table keeps the parser's words,
// with the advice that fits most syntax errors.
var syntaxWords = []struct {
	parser, plain string
}{
	{"mapping value is not allowed in this context", `": " inside a value, or a line indented deeper than the key above it: quote the value (title: "Error: bad") or fix the indentation`},
	{"value is not allowed in this context", "this line is not lined up with the keys around it: indent it with as many spaces as the others of its level"},
	{"could not find end character of double-quoted text", `a " opens text here that no " closes: close it, or write \" for a quote inside it`},
	{"could not find end character of single-quoted text", `a ' opens text here that no ' closes: close it, or write '' for an apostrophe inside it`},
	{"sequence end token ']' not found", "a [ opens a list here that no ] closes: close it on the same line, or quote the text"},
	{"could not find flow mapping end token '}'", "a { opens keys here that no } closes: close it, or quote the text"},
	{"is a reserved character", "a value cannot start with @ or `: quote it"},
	{"that cannot start any token", "a character no YAML value starts with: quote the value"},
	{"did not find expected key", "this line is not lined up with the keys around it: indent it with as many spaces as the others of its level"},
}

// plainSyntax is the parser's message msg in plain words.
func plainSyntax(msg string) string {
	// mapping key "id" already defined at [1:1]
	if rest, ok := strings.CutPrefix(msg, `mapping key "`); ok {
		if key, at, ok := strings.Cut(rest, `" already defined at [`); ok {
			line, _, _ := strings.Cut(at, ":")
			return `the key "` + key + `" is given twice (first at line ` + line + "): keep one"
		}
	}
	for _, w := range syntaxWords {
		if strings.Contains(msg, w.parser) {
			return w.plain
		}
	}
	return "the YAML cannot be read here (" + msg + "): check this line's indentation and quotes"
}

// tabs finds the tabs in lines' indentation: YAML indents with spaces
// only, and the parser stops at the first with a message about a
// character that "cannot start any token". Each is reported, at its line
// and column.
func tabs(data []byte) (lines, cols []int) {
	for n, line := 1, data; len(line) > 0 || n == 1; n++ {
		next := []byte(nil)
		if i := bytes.IndexByte(line, '\n'); i >= 0 {
			line, next = line[:i], line[i+1:]
		}
		for c, b := range line {
			if b == '\t' {
				lines, cols = append(lines, n), append(cols, c+1)
				break
			}
			if b != ' ' && b != '-' {
				break
			}
		}
		if next == nil {
			break
		}
		line = next
	}
	return lines, cols
}

// plainDecode is the decoder's message in plain words, for what checkTree
// did not place (it places every unknown key and value of the wrong kind
// it knows of, so this is a backstop): no Go type names.
func plainDecode(msg string) string {
	switch {
	case strings.HasPrefix(msg, "unknown field "):
		return "unknown key " + strings.TrimPrefix(msg, "unknown field ")
	case strings.HasSuffix(msg, "where sequence is expected"):
		return "a list is expected here: write [one, two], or each on its own \"- \" line"
	case strings.HasSuffix(msg, "where mapping is expected"):
		return "keys are expected here (key: value, one a line)"
	}
	return "a value of the wrong kind here: compare it with the starter that errcode catalogs init writes"
}
