package source

import (
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
	if lines := strings.Split(string(data), "\n"); line >= 1 && line <= len(lines) {
		p.Text = strings.ReplaceAll(strings.TrimRight(lines[line-1], "\r"), "\t", " ")
	}
	return p
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
