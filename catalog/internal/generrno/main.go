// Command generrno writes catalog/data/errno.yaml: the Linux errnos of the
// fact file catalog/testdata/facts/errno-zerrors_linux_amd64.go.txt (an
// extract of golang.org/x/sys/unix) with errcode's own prose from
// prose.yaml. Run it with go generate ./catalog (before gencatalog), or
// with -extract DIR -version V to rewrite the fact file from x/sys's module
// directory.
package main

import (
	"github.com/errcode-dev/errcode/catalog/internal/yamlout"
)

const (
	factFile  = "testdata/facts/errno-zerrors_linux_amd64.go.txt"
	proseFile = "internal/generrno/prose.yaml"
	dataFile  = "data/errno.yaml"
)

// command is the command line: its flags, and what it writes.
var command = yamlout.Generator{
	Name: "generrno", FactFile: factFile, DataFile: dataFile,
	ExtractUsage: "rewrite the fact file from x/sys's module `DIR`", PinFlag: "version", PinUsage: "x/sys's module version, with -extract",
	Extract: extract, Generate: generate,
}

func main() { command.Main() }

// generate is errno.yaml's content from the fact file and the prose.
func generate(dir string) ([]byte, error) {
	rows, ver, err := yamlout.ReadFacts(dir, factFile, parseFacts)
	if err != nil {
		return nil, err
	}
	prose, err := yamlout.ReadProse(dir, proseFile)
	if err != nil {
		return nil, err
	}
	return writeCatalog(rows, ver, prose)
}
