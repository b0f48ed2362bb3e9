package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/scanner"
	"go/token"
	"os"
	"path/filepath"
	"strings"
)

// Statuses, as gremlins spells them.
const (
	killed     = "KILLED"
	lived      = "LIVED"
	notCovered = "NOT COVERED"
	notViable  = "NOT VIABLE"
	timedOut   = "TIMED OUT"
	equivalent = "EQUIVALENT" // errcode's: lived, and argued harmless
	gone       = "GONE"       // errcode's: its line was rewritten since the run (--again)
)

type mutant struct {
	Pkg    string // module-relative directory: "explain", "catalog/source"
	File   string // module-relative path
	Line   int
	Col    int
	Type   string
	Status string
	By     string // the package whose tests killed it in the second pass
	Text   string // the source line, its mutated operator marked «thus»
	// OwnRan: its own package's tests ran on it and it lived (gremlins'
	// pass), so the second pass need not run them again.
	OwnRan bool
}

func (m *mutant) key() string { return m.File + " | " + m.Type + " | " + m.Text }

// relocate finds m's line in the file as it is now: the same text with the
// same operator marked, nearest its old line.
func (m *mutant) relocate() error {
	src, err := os.ReadFile(m.File)
	if err != nil {
		return err
	}
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(src))
	var sc scanner.Scanner
	sc.Init(file, src, nil, 0)
	best, bestLine, bestCol := -1, 0, 0
	for {
		pos, tok, _ := sc.Scan()
		if tok == token.EOF {
			break
		}
		if _, ok := swaps[m.Type][tok]; !ok {
			continue
		}
		p := fset.Position(pos)
		if text, err := describe(src, p.Line, p.Column); err != nil || text != m.Text {
			continue
		}
		if d := abs(p.Line - m.Line); best < 0 || d < best {
			best, bestLine, bestCol = d, p.Line, p.Column
		}
	}
	if best < 0 {
		return fmt.Errorf("%s:%d: %q is no longer there", m.File, m.Line, m.Text)
	}
	m.Line, m.Col = bestLine, bestCol
	return nil
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// readReport reads gremlins' -o output.
func readReport(root, path string) ([]*mutant, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var r struct {
		Files []struct {
			Name      string `json:"file_name"`
			Mutations []struct {
				Type   string `json:"type"`
				Status string `json:"status"`
				Line   int    `json:"line"`
				Col    int    `json:"column"`
			} `json:"mutations"`
		} `json:"files"`
	}
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var ms []*mutant
	for _, f := range r.Files {
		file := filepath.ToSlash(filepath.Join(root, f.Name))
		for _, x := range f.Mutations {
			ms = append(ms, &mutant{Pkg: filepath.ToSlash(filepath.Dir(file)), File: file,
				Line: x.Line, Col: x.Col, Type: x.Type, Status: x.Status})
		}
	}
	return ms, nil
}

// describe fills in the mutant's line, its operator marked, so that the
// equivalents file names it by what it is rather than by a line number that
// moves with every edit.
func (m *mutant) describe() error {
	src, err := os.ReadFile(m.File)
	if err != nil {
		return err
	}
	m.Text, err = describe(src, m.Line, m.Col)
	if err != nil {
		return fmt.Errorf("%s:%d:%d: %w", m.File, m.Line, m.Col, err)
	}
	return nil
}

// describe is the line of src holding the token at line:col, the token
// marked, whitespace collapsed.
func describe(src []byte, line, col int) (string, error) {
	off, tok, err := find(src, line, col)
	if err != nil {
		return "", err
	}
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	end := off + bytes.IndexByte(src[off:], '\n')
	if end < off {
		end = len(src)
	}
	text := string(src[start:off]) + "«" + tok.String() + "»" + string(src[off+len(tok.String()):end])
	return strings.Join(strings.Fields(text), " "), nil
}

// find returns the offset and token of the operator at line:col.
func find(src []byte, line, col int) (int, token.Token, error) {
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(src))
	var s scanner.Scanner
	s.Init(file, src, nil, 0)
	for {
		pos, tok, _ := s.Scan()
		if tok == token.EOF {
			return 0, 0, errors.New("no token there: is the report from this tree?")
		}
		p := fset.Position(pos)
		if p.Line == line && p.Column == col {
			return p.Offset, tok, nil
		}
	}
}

// swaps is gremlins' table (internal/engine/mappings.go at v0.6.0) for the
// mutators scripts/mutate.sh enables.
var swaps = map[string]map[token.Token]token.Token{
	"ARITHMETIC_BASE": {token.ADD: token.SUB, token.MUL: token.QUO, token.QUO: token.MUL,
		token.REM: token.MUL, token.SUB: token.ADD},
	"CONDITIONALS_BOUNDARY": {token.GEQ: token.GTR, token.GTR: token.GEQ, token.LEQ: token.LSS,
		token.LSS: token.LEQ},
	"CONDITIONALS_NEGATION": {token.EQL: token.NEQ, token.GEQ: token.LSS, token.GTR: token.LEQ,
		token.LEQ: token.GTR, token.LSS: token.GEQ, token.NEQ: token.EQL},
	"INCREMENT_DECREMENT": {token.DEC: token.INC, token.INC: token.DEC},
	"INVERT_NEGATIVES":    {token.SUB: token.ADD},
	"INVERT_LOGICAL":      {token.LAND: token.LOR, token.LOR: token.LAND},
	"INVERT_LOOPCTRL":     {token.BREAK: token.CONTINUE, token.CONTINUE: token.BREAK},
}

// mutated returns src with the mutant applied.
func (m *mutant) mutated(src []byte) ([]byte, error) {
	off, tok, err := find(src, m.Line, m.Col)
	if err != nil {
		return nil, err
	}
	to, ok := swaps[m.Type][tok]
	if !ok {
		return nil, fmt.Errorf("%s:%d:%d: %s does not apply to %s", m.File, m.Line, m.Col, m.Type, tok)
	}
	out := append([]byte{}, src[:off]...)
	out = append(out, to.String()...)
	return append(out, src[off+len(tok.String()):]...), nil
}
