package source

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/goccy/go-yaml"
)

// Problem is one thing wrong with a catalog file, with where it is.
type Problem struct {
	File      string
	Line, Col int // 1-based; 0 when the problem has no one place
	Msg       string
	Text      string // the offending line
	Omitted   int    // on the last problem of a long list: how many more were not placed
}

// Count is how many problems a list reports, those omitted included.
func Count(problems []Problem) int {
	n := len(problems)
	for _, p := range problems {
		if p.Omitted > 0 {
			n += p.Omitted - 1 // the summary line stands for them
		}
	}
	return n
}

// Short is "file:line:col: message", one line, for warnings.
func (p Problem) Short() string {
	if p.Line == 0 {
		return p.File + ": " + p.Msg
	}
	return fmt.Sprintf("%s:%d:%d: %s", p.File, p.Line, p.Col, p.Msg)
}

// Error is the short form, then the offending line and a caret under the
// column.
func (p Problem) Error() string {
	if p.Line == 0 || p.Text == "" {
		return p.Short()
	}
	num := fmt.Sprintf("%4d | ", p.Line)
	return p.Short() + "\n" + num + p.Text + "\n" + strings.Repeat(" ", len(num)-2) + "| " + strings.Repeat(" ", max(p.Col-1, 0)) + "^"
}

// at makes a problem at a line and column of data.
func at(file string, data []byte, line, col int, msg string) Problem {
	p := Problem{File: file, Line: line, Col: col, Msg: msg}
	if text, ok := lineOf(data, line); ok {
		p.Text = strings.ReplaceAll(strings.TrimRight(text, "\r"), "\t", " ")
	}
	return p
}

// lineOf is line n (from 1) of data, found without splitting all of it.
func lineOf(data []byte, n int) (string, bool) {
	if n < 1 {
		return "", false
	}
	for ; n > 1; n-- {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			return "", false
		}
		data = data[i+1:]
	}
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		data = data[:i]
	}
	return string(data), true
}

// fromYAML turns the YAML library's error into a problem at its token.
func fromYAML(file string, data []byte, err error) Problem {
	var ye yaml.Error
	if errors.As(err, &ye) {
		if tok := ye.GetToken(); tok != nil && tok.Position != nil {
			return at(file, data, tok.Position.Line, tok.Position.Column, ye.GetMessage())
		}
		return Problem{File: file, Msg: ye.GetMessage()}
	}
	return Problem{File: file, Msg: err.Error()}
}
