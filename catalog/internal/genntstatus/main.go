// Command genntstatus writes catalog/data/ntstatus.yaml: the NTSTATUS
// error and warning codes of the fact file
// catalog/testdata/facts/ntstatus-zerrors_windows.go.txt (an extract of
// golang.org/x/sys/windows), with errcode's own prose from prose.yaml.
// Run it with go generate ./catalog (before gencatalog), or with -extract
// DIR -version V to rewrite the fact file from x/sys's module directory.
package main

import "github.com/errcode-dev/errcode/catalog/internal/yamlout"

const (
	factFile  = "testdata/facts/ntstatus-zerrors_windows.go.txt"
	proseFile = "internal/genntstatus/prose.yaml"
	dataFile  = "data/ntstatus.yaml"
)

// command is the command line: its flags, and what it writes.
var command = yamlout.Generator{
	Name: "genntstatus", FactFile: factFile, DataFile: dataFile,
	ExtractUsage: "rewrite the fact file from x/sys's module `DIR`", PinFlag: "version", PinUsage: "x/sys's module version, with -extract",
	Extract: extract, Generate: generate,
}

func main() { command.Main() }

// generate is ntstatus.yaml's content from the fact file and the prose.
func generate(dir string) ([]byte, error) {
	consts, ver, err := yamlout.ReadFacts(dir, factFile, parseFacts)
	if err != nil {
		return nil, err
	}
	prose, err := yamlout.ReadProse(dir, proseFile)
	if err != nil {
		return nil, err
	}
	return writeCatalog(codesOf(consts), ver, prose)
}
