package main

import (
	"flag"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog/internal/yamlout"
)

var update = flag.Bool("update", false, "rewrite catalog/data/windows.yaml")

// windows.yaml must be what the fact files and prose.yaml make.
func TestWindowsYAMLIsFresh(t *testing.T) {
	stale, err := command.Stale("../..", *update)
	if err != nil {
		t.Fatal(err)
	}
	if stale {
		t.Fatal("catalog/data/windows.yaml is stale: run `go generate ./catalog` and commit the result")
	}
}

// An extract with a line that is no constant, a name twice or no version
// is refused.
func TestParseFactsRefusesABadExtract(t *testing.T) {
	const ok = "// Source:  golang.org/x/sys v0.0.1 (x)\n" +
		"ERROR_ACCESS_DENIED syscall.Errno = 5\nE_ACCESSDENIED Handle = 0x80070005\nE_X = ERROR_ACCESS_DENIED\n"
	consts, ver, err := parseFacts(ok)
	if err != nil || ver != "v0.0.1" || len(consts) != 3 || consts[1].value != 0x80070005 || consts[2].target != "ERROR_ACCESS_DENIED" {
		t.Fatalf("parseFacts: %v %q %+v", err, ver, consts)
	}
	for name, text := range map[string]string{
		"a line that is no constant": ok + "ERROR_X syscall.Errno = ERROR_Y + 1\n",
		"a name twice":               ok + "ERROR_ACCESS_DENIED syscall.Errno = 6\n",
		"no version":                 strings.Replace(ok, "golang.org/x/sys", "x/sys", 1),
		"a value beyond 32 bits":     ok + "E_BIG Handle = 0x180070005\n",
	} {
		if _, _, err := parseFacts(text); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// What becomes an entry: errors only, markers and success codes left
// out, a value's later names and the names defined as another noted on
// its entry.
func TestCodesOf(t *testing.T) {
	consts, _, err := parseFacts("// Source:  golang.org/x/sys v0.0.1 (x)\n" +
		"ERROR_SUCCESS syscall.Errno = 0\nSEC_E_OK Handle = 0x00000000\nERROR_INVALID_FUNCTION syscall.Errno = 1\n" +
		"SEVERITY_ERROR syscall.Errno = 1\nWSABASEERR syscall.Errno = 10000\nWSAECONNREFUSED syscall.Errno = 10061\n" +
		"DNS_ERROR_MASK syscall.Errno = 0x00002328\nS_FALSE Handle = 1\nOLE_S_USEREG Handle = 0x00040000\n" +
		"MK_E_FIRST syscall.Errno = 0x800401E0\nMK_E_CONNECTMANUALLY Handle = 0x800401E0\n" +
		"E_OUTOFMEMORY Handle = 0x8007000E\nE_OTHER Handle = 0x8007000E\nERROR_VOLMGR_DATABASE_FULL syscall.Errno = 0xC0380001\n" +
		"E_NOT_SET = ERROR_INVALID_FUNCTION\nDS_S_SUCCESS = ERROR_SUCCESS\n")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, k := range codesOf(consts) {
		got = append(got, k.code+" "+k.name+" "+strings.Join(k.aliases, ","))
	}
	want := []string{"1 ERROR_INVALID_FUNCTION E_NOT_SET", "10061 WSAECONNREFUSED ", "0x800401E0 MK_E_CONNECTMANUALLY ",
		"0x8007000E E_OUTOFMEMORY E_OTHER", "0xC0380001 ERROR_VOLMGR_DATABASE_FULL "}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("codesOf:\n got %q\nwant %q", got, want)
	}
}

// Prose for a name that is no entry, or that sets what the facts decide,
// is refused; a WinSock name that is an errno's gets that errno's message.
func TestProseIsChecked(t *testing.T) {
	errno := map[string]string{"ECONNREFUSED": "connection refused"}
	for i := 0; i < 100; i++ {
		errno[strings.Repeat("E", i+2)] = "x"
	}
	codes := []code{{code: "10061", name: "WSAECONNREFUSED"}, {code: "5", name: "ERROR_ACCESS_DENIED"}}
	out, err := writeCatalog(codes, "v0", errno, nil)
	if err != nil || !strings.Contains(string(out), `title: "Connection refused"`) {
		t.Errorf("WinSock title from errno: %v\n%s", err, out)
	}
	if _, err := writeCatalog(codes, "v0", errno, map[string]yamlout.Prose{"ERROR_ACCES_DENIED": {Title: "x", Description: "y"}}); err == nil {
		t.Error("prose for a misspelt name was accepted")
	}
	yes := true
	for name, p := range map[string]yamlout.Prose{
		"a category": {Title: "x", Description: "y", Category: "Files"},
		"retryable":  {Title: "x", Description: "y", Retryable: &yes},
	} {
		if _, err := writeCatalog(codes, "v0", errno, map[string]yamlout.Prose{"ERROR_ACCESS_DENIED": p}); err == nil {
			t.Errorf("prose with %s was accepted", name)
		}
	}
}
