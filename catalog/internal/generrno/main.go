// Command generrno writes catalog/data/errno.yaml: the Linux errnos of the
// fact file catalog/testdata/facts/errno-zerrors_linux_amd64.go.txt (an
// extract of golang.org/x/sys/unix) with errcode's own prose from
// prose.yaml. Run it with go generate ./catalog (before gencatalog), or
// with -extract DIR -version V to rewrite the fact file from x/sys's module
// directory.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

const (
	factFile  = "testdata/facts/errno-zerrors_linux_amd64.go.txt"
	proseFile = "internal/generrno/prose.yaml"
	dataFile  = "data/errno.yaml"
)

func main() {
	dir := flag.String("dir", ".", "the catalog package's `directory`")
	from := flag.String("extract", "", "rewrite the fact file from x/sys's module `DIR`")
	ver := flag.String("version", "", "x/sys's module version, with -extract")
	flag.Parse()
	if err := run(*dir, *from, *ver); err != nil {
		fmt.Fprintln(os.Stderr, "generrno:", err)
		os.Exit(1)
	}
}

func run(dir, from, ver string) error {
	if from != "" {
		if ver == "" {
			return fmt.Errorf("-extract needs -version")
		}
		facts, err := extract(from, ver)
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

// generate is errno.yaml's content from the fact file and the prose.
func generate(dir string) ([]byte, error) {
	facts, err := os.ReadFile(filepath.Join(dir, factFile))
	if err != nil {
		return nil, err
	}
	rows, ver, err := parseFacts(string(facts))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", factFile, err)
	}
	data, err := os.ReadFile(filepath.Join(dir, proseFile))
	if err != nil {
		return nil, err
	}
	prose, err := parseProse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", proseFile, err)
	}
	return writeCatalog(rows, ver, prose)
}
