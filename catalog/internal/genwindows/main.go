// Command genwindows writes catalog/data/windows.yaml: the Win32 and
// WinSock error numbers and the HRESULTs of the fact file
// catalog/testdata/facts/windows-zerrors_windows.go.txt (an extract of
// golang.org/x/sys/windows), with errcode's own prose from prose.yaml.
// Run it with go generate ./catalog (before gencatalog), or with -extract
// DIR -version V to rewrite the fact file from x/sys's module directory.
package main

import (
	"github.com/errcode-dev/errcode/catalog/internal/yamlout"
	"os"
	"path/filepath"
)

const (
	factFile  = "testdata/facts/windows-zerrors_windows.go.txt"
	errnoFile = "testdata/facts/errno-zerrors_linux_amd64.go.txt"
	proseFile = "internal/genwindows/prose.yaml"
	dataFile  = "data/windows.yaml"
)

// command is the command line: its flags, and what it writes.
var command = yamlout.Generator{
	Name: "genwindows", FactFile: factFile, DataFile: dataFile,
	ExtractUsage: "rewrite the fact file from x/sys's module `DIR`", PinFlag: "version", PinUsage: "x/sys's module version, with -extract",
	Extract: extract, Generate: generate,
}

func main() { command.Main() }

// generate is windows.yaml's content from the fact files and the prose.
func generate(dir string) ([]byte, error) {
	consts, ver, err := yamlout.ReadFacts(dir, factFile, parseFacts)
	if err != nil {
		return nil, err
	}
	errno, err := os.ReadFile(filepath.Join(dir, errnoFile))
	if err != nil {
		return nil, err
	}
	prose, err := yamlout.ReadProse(dir, proseFile)
	if err != nil {
		return nil, err
	}
	return writeCatalog(codesOf(consts), ver, errnoMessages(string(errno)), prose)
}
