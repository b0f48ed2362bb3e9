// Command genaws writes the generated part of catalog/data/aws.yaml: one
// entry for every error code in botocore's service models that the
// hand-written part above the marker does not already have. It reads the
// fact file catalog/testdata/facts/aws-botocore.tsv, a compact extract of a
// pinned botocore snapshot. Run it with go generate ./catalog (before
// gencatalog), or, to rewrite the fact file from a botocore checkout:
//
//	go run ./internal/genaws -extract DIR -commit SHA   (from catalog/)
package main

import (
	"fmt"
	"github.com/errcode-dev/errcode/catalog/internal/yamlout"
	"os"
	"path/filepath"
)

const (
	factFile = "testdata/facts/aws-botocore.tsv"
	dataFile = "data/aws.yaml"
)

// command is the command line: its flags, and what it writes.
var command = yamlout.Generator{
	Name: "genaws", FactFile: factFile, DataFile: dataFile,
	ExtractUsage: "rewrite the fact file from a botocore checkout `DIR`", PinFlag: "commit", PinUsage: "botocore's commit, with -extract",
	Extract: extract, Generate: generate,
}

func main() { command.Main() }

// generate is aws.yaml's content: the hand-written part as it is, then the
// entries made from the fact file.
func generate(dir string) ([]byte, error) {
	facts, err := os.ReadFile(filepath.Join(dir, factFile))
	if err != nil {
		return nil, err
	}
	f, err := parseFacts(string(facts))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", factFile, err)
	}
	data, err := os.ReadFile(filepath.Join(dir, dataFile))
	if err != nil {
		return nil, err
	}
	return writeCatalog(data, f)
}
