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
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

const (
	factFile   = "testdata/facts/sqlite-sqlite3.h.txt"
	errstrFile = "testdata/facts/sqlite-errstr.tsv"
	proseFile  = "internal/gensqlite/prose.yaml"
	dataFile   = "data/sqlite.yaml"
)

func main() {
	dir := flag.String("dir", ".", "the catalog package's `directory`")
	from := flag.String("extract", "", "rewrite the fact file from sqlite3.h at `FILE`")
	where := flag.String("from", "", "where that sqlite3.h came from (a package and its version), with -extract")
	flag.Parse()
	if err := run(*dir, *from, *where); err != nil {
		fmt.Fprintln(os.Stderr, "gensqlite:", err)
		os.Exit(1)
	}
}

func run(dir, from, where string) error {
	if from != "" {
		if where == "" {
			return fmt.Errorf("-extract needs -from")
		}
		header, err := os.ReadFile(from)
		if err != nil {
			return err
		}
		facts, err := extract(string(header), where)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, factFile), facts, 0o644)
	}
	out, err := generate(dir)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, dataFile), out, 0o644)
}

// generate is sqlite.yaml's content from the fact file and the prose.
func generate(dir string) ([]byte, error) {
	facts, err := os.ReadFile(filepath.Join(dir, factFile))
	if err != nil {
		return nil, err
	}
	codes, ver, err := parseFacts(string(facts))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", factFile, err)
	}
	errstr, err := os.ReadFile(filepath.Join(dir, errstrFile))
	if err != nil {
		return nil, err
	}
	if err := addMessages(codes, string(errstr)); err != nil {
		return nil, fmt.Errorf("%s: %w", errstrFile, err)
	}
	data, err := os.ReadFile(filepath.Join(dir, proseFile))
	if err != nil {
		return nil, err
	}
	prose, err := parseProse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", proseFile, err)
	}
	return writeCatalog(codes, ver, prose)
}
