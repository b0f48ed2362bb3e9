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
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

const (
	factFile = "testdata/facts/aws-botocore.tsv"
	dataFile = "data/aws.yaml"
)

func main() {
	dir := flag.String("dir", ".", "the catalog package's `directory`")
	from := flag.String("extract", "", "rewrite the fact file from a botocore checkout `DIR`")
	commit := flag.String("commit", "", "botocore's commit, with -extract")
	flag.Parse()
	if err := run(*dir, *from, *commit); err != nil {
		fmt.Fprintln(os.Stderr, "genaws:", err)
		os.Exit(1)
	}
}

func run(dir, from, commit string) error {
	if from != "" {
		if commit == "" {
			return fmt.Errorf("-extract needs -commit")
		}
		facts, err := extract(from, commit)
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
