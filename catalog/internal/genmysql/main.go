// Command genmysql writes catalog/data/mysql.yaml: MySQL's and MariaDB's
// error numbers from the fact file catalog/testdata/facts/mysql-errors.txt
// (an extract of MariaDB's mysqld_error.h and errmsg.h, and the SQLSTATE
// each server error states in MariaDB's errmsg-utf8.txt), retryability
// where MySQL's and MariaDB's documentation state it
// (catalog/testdata/facts/mysql-retry.tsv), the lines MySQL clients print
// (head.yaml) and errcode's own prose (prose.yaml). Run it with go
// generate ./catalog (before gencatalog), or with -extract
// MYSQLD_ERROR_H,ERRMSG_H,ERRMSG_UTF8_TXT -from WHERE to rewrite the fact
// file from those three files.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/errcode-dev/errcode/catalog/internal/yamlout"
)

const (
	factFile  = "testdata/facts/mysql-errors.txt"
	retryFile = "testdata/facts/mysql-retry.tsv"
	headFile  = "internal/genmysql/head.yaml"
	proseFile = "internal/genmysql/prose.yaml"
	dataFile  = "data/mysql.yaml"
)

// command is the command line: its flags, and what it writes.
var command = yamlout.Generator{
	Name: "genmysql", FactFile: factFile, DataFile: dataFile,
	ExtractUsage: "rewrite the fact file from `FILES`: mysqld_error.h,errmsg.h,errmsg-utf8.txt (comma-separated)",
	PinFlag:      "from", PinUsage: "where those files came from (packages and versions), with -extract",
	Extract: extract, Generate: generate,
}

func main() { command.Main() }

// generate is mysql.yaml's content from the fact files, head.yaml and the
// prose.
func generate(dir string) ([]byte, error) {
	codes, ver, err := yamlout.ReadFacts(dir, factFile, parseFacts)
	if err != nil {
		return nil, err
	}
	retry, err := os.ReadFile(filepath.Join(dir, retryFile))
	if err != nil {
		return nil, err
	}
	if err := addRetry(codes, string(retry)); err != nil {
		return nil, fmt.Errorf("%s: %w", retryFile, err)
	}
	head, err := os.ReadFile(filepath.Join(dir, headFile))
	if err != nil {
		return nil, err
	}
	prose, err := yamlout.ReadProse(dir, proseFile)
	if err != nil {
		return nil, err
	}
	return writeCatalog(codes, ver, string(head), prose)
}
