package main

import (
	"flag"
	"github.com/errcode-dev/errcode/catalog/internal/yamlout"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite catalog/data/errno.yaml")

// errno.yaml must be what the fact file and prose.yaml make.
func TestErrnoYAMLIsFresh(t *testing.T) {
	stale, err := command.Stale("../..", *update)
	if err != nil {
		t.Fatal(err)
	}
	if stale {
		t.Fatal("catalog/data/errno.yaml is stale: run `go generate ./catalog` and commit the result")
	}
}

// The extract is refused when its two halves disagree.
func TestParseFactsRefusesAMismatch(t *testing.T) {
	const ok = "// Source:  golang.org/x/sys v0.0.1 (x)\n" +
		"\tEAGAIN      = syscall.Errno(0xb)\n\tEWOULDBLOCK = syscall.Errno(0xb)\n" +
		"\t{11, \"EAGAIN\", \"resource temporarily unavailable\"},\n"
	rows, ver, err := parseFacts(ok)
	if err != nil || ver != "v0.0.1" || len(rows) != 1 || strings.Join(rows[0].aliases, ",") != "EWOULDBLOCK" {
		t.Fatalf("parseFacts: %v %q %+v", err, ver, rows)
	}
	for name, text := range map[string]string{
		"a constant without a row":    ok + "\tEPERM = syscall.Errno(0x1)\n",
		"a row without its constant":  ok + "\t{1, \"EPERM\", \"operation not permitted\"},\n",
		"a row with another number":   strings.Replace(ok, "{11,", "{12,", 1),
		"a number twice in errorList": ok + "\t{11, \"EWOULDBLOCK\", \"x\"},\n",
		"no version":                  strings.Replace(ok, "golang.org/x/sys", "x/sys", 1),
	} {
		if _, _, err := parseFacts(text); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// Prose for an errno the fact file lacks, or without a title, is refused.
func TestProseIsChecked(t *testing.T) {
	rows := []errno{{name: "EPERM", number: 1, message: "operation not permitted"}}
	if _, err := writeCatalog(rows, "v0", map[string]yamlout.Prose{"EPREM": {Title: "x", Description: "y"}}); err == nil {
		t.Error("prose for a misspelt name was accepted")
	}
	if _, err := yamlout.ParseProse([]byte("EPERM:\n  description: y\n")); err == nil {
		t.Error("prose without a title was accepted")
	}
	if _, err := yamlout.ParseProse([]byte("EPERM:\n  title: x\n  description: y\n  retry: true\n")); err == nil {
		t.Error("an unknown field was accepted")
	}
}
