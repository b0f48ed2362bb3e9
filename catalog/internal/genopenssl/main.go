// Command genopenssl writes catalog/data/openssl.yaml: OpenSSL 3's reason
// codes of the libraries a developer meets (TLS, certificates, keys), each
// under the packed code OpenSSL prints ("error:0A000086:..."), from the
// fact file catalog/testdata/facts/openssl-err.h.txt (an extract of
// libssl-dev's headers) and errcode's own prose from prose.yaml. Run it
// with go generate ./catalog (before gencatalog), or with -extract DIR
// -from WHERE to rewrite the fact file from the headers in DIR
// (/usr/include/openssl).
package main

import (
	"github.com/errcode-dev/errcode/catalog/internal/yamlout"
)

const (
	factFile  = "testdata/facts/openssl-err.h.txt"
	proseFile = "internal/genopenssl/prose.yaml"
	dataFile  = "data/openssl.yaml"
)

// command is the command line: its flags, and what it writes.
var command = yamlout.Generator{
	Name: "genopenssl", FactFile: factFile, DataFile: dataFile,
	ExtractUsage: "rewrite the fact file from the headers in `DIR` (/usr/include/openssl)", PinFlag: "from",
	PinUsage: "where those headers came from (\"Debian bookworm's libssl-dev VERSION\"), with -extract",
	Extract:  extract, Generate: generate,
}

func main() { command.Main() }

// generate is openssl.yaml's content from the fact file and the prose.
func generate(dir string) ([]byte, error) {
	rs, ver, err := yamlout.ReadFacts(dir, factFile, parseFacts)
	if err != nil {
		return nil, err
	}
	prose, err := yamlout.ReadProse(dir, proseFile)
	if err != nil {
		return nil, err
	}
	return writeCatalog(rs, ver, prose)
}
