// Command gensqlite writes catalog/data/sqlite.yaml: SQLite's result codes,
// primary and extended, from the fact file
// catalog/testdata/facts/sqlite-sqlite3.h.txt (an extract of sqlite3.h),
// their messages from catalog/testdata/facts/sqlite-errstr.tsv (what
// sqlite3_errstr returns, scripts/facts/sqlite-errstr.py) and errcode's own
// prose from prose.yaml. Run it with go generate
// ./catalog (before gencatalog), or with -extract FILE -from WHERE to
// rewrite the fact file from a copy of sqlite3.h.
package main

import (
	"fmt"
	"github.com/errcode-dev/errcode/catalog/internal/yamlout"
	"os"
	"path/filepath"
)

const (
	factFile   = "testdata/facts/sqlite-sqlite3.h.txt"
	errstrFile = "testdata/facts/sqlite-errstr.tsv"
	proseFile  = "internal/gensqlite/prose.yaml"
	dataFile   = "data/sqlite.yaml"
)

// command is the command line: its flags, and what it writes.
var command = yamlout.Generator{
	Name: "gensqlite", FactFile: factFile, DataFile: dataFile,
	ExtractUsage: "rewrite the fact file from sqlite3.h at `FILE`", PinFlag: "from", PinUsage: "where that sqlite3.h came from (a package and its version), with -extract",
	Extract: extract, Generate: generate,
}

func main() { command.Main() }

// generate is sqlite.yaml's content from the fact file and the prose.
func generate(dir string) ([]byte, error) {
	codes, ver, err := yamlout.ReadFacts(dir, factFile, parseFacts)
	if err != nil {
		return nil, err
	}
	errstr, err := os.ReadFile(filepath.Join(dir, errstrFile))
	if err != nil {
		return nil, err
	}
	if err := addMessages(codes, string(errstr)); err != nil {
		return nil, fmt.Errorf("%s: %w", errstrFile, err)
	}
	prose, err := yamlout.ReadProse(dir, proseFile)
	if err != nil {
		return nil, err
	}
	return writeCatalog(codes, ver, prose)
}
