package main

import (
	"flag"
	"github.com/errcode-dev/errcode/catalog/internal/yamlout"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite catalog/data/sqlite.yaml")

// sqlite.yaml must be what the fact file and prose.yaml make.
func TestSQLiteYAMLIsFresh(t *testing.T) {
	stale, err := command.Stale("../..", *update)
	if err != nil {
		t.Fatal(err)
	}
	if stale {
		t.Fatal("catalog/data/sqlite.yaml is stale: run `go generate ./catalog` and commit the result")
	}
}

// An extended code is its primary's number plus k<<8; an extract that
// defines an extended code before its primary, or a number twice, is
// refused.
func TestParseFacts(t *testing.T) {
	const ok = "#define SQLITE_VERSION        \"3.0.1\"\n" +
		"#define SQLITE_BUSY         5   /* x */\n" +
		"#define SQLITE_BUSY_TIMEOUT            (SQLITE_BUSY   |  (3<<8))\n" +
		"#define SQLITE_CONSTRAINT  19   /* y */\n" +
		"#define SQLITE_CONSTRAINT_ROWID        (SQLITE_CONSTRAINT |(10<<8))\n"
	codes, ver, err := parseFacts(ok)
	if err != nil || ver != "3.0.1" || len(codes) != 4 {
		t.Fatalf("parseFacts: %v %q %+v", err, ver, codes)
	}
	if c := codes[1]; c.name != "SQLITE_BUSY_TIMEOUT" || c.number != 773 || c.primary != "SQLITE_BUSY" {
		t.Errorf("BUSY_TIMEOUT: %+v", c)
	}
	if c := codes[3]; c.number != 2579 || c.primary != "SQLITE_CONSTRAINT" {
		t.Errorf("CONSTRAINT_ROWID: %+v", c)
	}
	for name, text := range map[string]string{
		"an extended code before its primary": strings.Replace(ok, "#define SQLITE_BUSY         5   /* x */\n", "", 1) + "#define SQLITE_BUSY 5\n",
		"a number twice":                      ok + "#define SQLITE_LOCKED 5\n",
		"no version":                          strings.Replace(ok, "SQLITE_VERSION", "SQLITE_VERSIONX", 1),
		"no extended codes":                   "#define SQLITE_VERSION \"3\"\n#define SQLITE_BUSY 5\n",
	} {
		if _, _, err := parseFacts(text); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// Prose for a code the fact file lacks, or for a success code, or without
// a title, is refused.
func TestProseIsChecked(t *testing.T) {
	codes := []result{{name: "SQLITE_OK", number: 0, primary: "SQLITE_OK"}, {name: "SQLITE_BUSY", number: 5, primary: "SQLITE_BUSY"}}
	for _, name := range []string{"SQLITE_BSUY", "SQLITE_OK"} {
		if _, err := writeCatalog(codes, "3", map[string]yamlout.Prose{name: {Title: "x", Description: "y"}}); err == nil {
			t.Errorf("prose for %s was accepted", name)
		}
	}
	if _, err := yamlout.ParseProse([]byte("SQLITE_BUSY:\n  description: y\n")); err == nil {
		t.Error("prose without a title was accepted")
	}
	if _, err := yamlout.ParseProse([]byte("SQLITE_BUSY:\n  title: x\n  description: y\n  retry: true\n")); err == nil {
		t.Error("an unknown field was accepted")
	}
}

// A primary code takes sqlite3_errstr's message, an extended code only a
// message of its own, and "unknown error" is no message; the two fact
// files must name the same codes with the same numbers.
func TestAddMessages(t *testing.T) {
	codes := func() []result {
		return []result{
			{name: "SQLITE_INTERNAL", number: 2, primary: "SQLITE_INTERNAL"},
			{name: "SQLITE_BUSY", number: 5, primary: "SQLITE_BUSY"},
			{name: "SQLITE_BUSY_TIMEOUT", number: 773, primary: "SQLITE_BUSY"},
			{name: "SQLITE_ABORT", number: 4, primary: "SQLITE_ABORT"},
			{name: "SQLITE_ABORT_ROLLBACK", number: 516, primary: "SQLITE_ABORT"},
		}
	}
	const tsv = "# header\n2\tSQLITE_INTERNAL\tunknown error\n5\tSQLITE_BUSY\tdatabase is locked\n773\tSQLITE_BUSY_TIMEOUT\tdatabase is locked\n" +
		"4\tSQLITE_ABORT\tquery aborted\n516\tSQLITE_ABORT_ROLLBACK\tabort due to ROLLBACK\n"
	cs := codes()
	if err := addMessages(cs, tsv); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range cs {
		got = append(got, c.message)
	}
	if want := []string{"", "database is locked", "", "query aborted", "abort due to ROLLBACK"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("messages %q, want %q", got, want)
	}
	for name, bad := range map[string]string{
		"a code without a row":   strings.Replace(tsv, "773\tSQLITE_BUSY_TIMEOUT\tdatabase is locked\n", "", 1),
		"a row the header lacks": tsv + "6\tSQLITE_LOCKED\tdatabase table is locked\n",
		"another number":         strings.Replace(tsv, "773\t", "774\t", 1),
		"a short row":            tsv + "7\tSQLITE_NOMEM\n",
	} {
		if err := addMessages(codes(), bad); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
