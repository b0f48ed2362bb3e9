package main

import (
	"flag"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog/internal/yamlout"
)

var update = flag.Bool("update", false, "rewrite catalog/data/mysql.yaml")

// mysql.yaml must be what the fact files, head.yaml and prose.yaml make.
func TestMySQLYAMLIsFresh(t *testing.T) {
	stale, err := command.Stale("../..", *update)
	if err != nil {
		t.Fatal(err)
	}
	if stale {
		t.Fatal("catalog/data/mysql.yaml is stale: run `go generate ./catalog` and commit the result")
	}
}

const okFacts = "// Version: MariaDB 1.2.3\n" +
	"// == mysqld_error.h: every #define\n#define ER_ERROR_FIRST 1000\n#define ER_HASHCHK 1000\n#define ER_DUP_ENTRY 1001\n#define ER_UNUSED_1 1002\n#define ER_ERROR_LAST 1002\n" +
	"// == errmsg.h: its CR_ numbers\n#define CR_MIN_ERROR 2000\n#define CR_UNKNOWN_ERROR 2000\n" +
	"// == errmsg-utf8.txt: numbering lines, names and SQLSTATEs\nstart-error-number 1000\nER_HASHCHK\nER_DUP_ENTRY 23000\nER_UNUSED_1\n"

// The header's numbers must be the ones errmsg-utf8.txt's order gives;
// markers and unused placeholders make no code.
func TestParseFacts(t *testing.T) {
	codes, ver, err := parseFacts(okFacts)
	if err != nil || ver != "MariaDB 1.2.3" || len(codes) != 3 {
		t.Fatalf("parseFacts: %v %q %+v", err, ver, codes)
	}
	if c := codes[1]; c.name != "ER_DUP_ENTRY" || c.number != 1001 || c.sqlstate != "23000" || c.client {
		t.Errorf("ER_DUP_ENTRY: %+v", c)
	}
	if c := codes[2]; c.name != "CR_UNKNOWN_ERROR" || !c.client || category(c) != "client library" {
		t.Errorf("CR_UNKNOWN_ERROR: %+v", c)
	}
	if category(codes[0]) != "SQLSTATE HY000" || category(codes[1]) != "SQLSTATE 23000" {
		t.Errorf("categories: %q %q", category(codes[0]), category(codes[1]))
	}
	for name, text := range map[string]string{
		"another number":          strings.Replace(okFacts, "ER_DUP_ENTRY 1001", "ER_DUP_ENTRY 1003", 1),
		"a name the list lacks":   strings.Replace(okFacts, "ER_HASHCHK\nER_DUP_ENTRY 23000", "ER_HASHCHK\nER_DUP_ENTRY_X 23000", 1),
		"a number twice":          strings.Replace(okFacts, "CR_UNKNOWN_ERROR 2000", "CR_UNKNOWN_ERROR 1000", 1),
		"no version":              strings.Replace(okFacts, "// Version: MariaDB 1.2.3\n", "", 1),
		"a line of no section":    "x\n" + okFacts,
		"no numbering line first": strings.Replace(okFacts, "start-error-number 1000\n", "", 1),
	} {
		if _, _, err := parseFacts(text); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// Prose for a code the facts lack, or prose saying retryable, is refused;
// retry rows must name a code with its number and a page.
func TestProseAndRetryAreChecked(t *testing.T) {
	codes, _, _ := parseFacts(okFacts)
	yes := true
	for name, p := range map[string]yamlout.Prose{"ER_DUP_ENTRI": {Title: "x", Description: "y"}, "ER_UNUSED_1": {Title: "x", Description: "y"}} {
		if _, err := writeCatalog(codes, "v", "", map[string]yamlout.Prose{name: p}); err == nil {
			t.Errorf("prose for %s was accepted", name)
		}
	}
	if _, err := writeCatalog(codes, "v", "", map[string]yamlout.Prose{"ER_DUP_ENTRY": {Title: "x", Description: "y", Retryable: &yes}}); err == nil {
		t.Error("retryable in prose was accepted")
	}
	if err := addRetry(codes, "ER_DUP_ENTRY\t1001\tno\thttps://example.com/\n"); err != nil || codes[1].retry != "no" {
		t.Errorf("addRetry: %v %+v", err, codes[1])
	}
	for _, bad := range []string{"ER_DUP_ENTRY\t1002\tno\thttps://x/", "ER_DUP\t1001\tno\thttps://x/", "ER_DUP_ENTRY\t1001\tmaybe\thttps://x/", "ER_DUP_ENTRY\t1001\tno"} {
		if err := addRetry(codes, bad); err == nil {
			t.Errorf("retry row %q accepted", bad)
		}
	}
}
