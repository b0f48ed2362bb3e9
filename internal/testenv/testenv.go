// Package testenv keeps the developer's own environment out of errcode's
// tests. A test that runs errcode as a program (a built binary, a shell
// completing, a testscript) passes it the test process's environment, so
// a broken catalog in the developer's $ERRCODE_CATALOG_PATH, NO_COLOR in
// their shell profile or a PAGER of their choosing would change what the
// test sees. Isolate, called from TestMain, removes every variable errcode
// reads and gives it an empty configuration directory.
//
// It is imported by tests only; errcode itself never links it.
package testenv

import (
	"fmt"
	"os"
	"path/filepath"
)

// Read are the variables errcode reads (grep Getenv in cmd and
// catalog/source) that a test must not inherit. A test that wants one sets
// it on the command it runs.
var Read = []string{
	"ERRCODE_CATALOG_PATH",                    // user catalogs
	"XDG_CONFIG_HOME",                         // ~/.config/errcode/catalogs (set again below, to an empty directory)
	"NO_COLOR", "CLICOLOR_FORCE", "COLORTERM", // colour
	"COLUMNS", "LINES", // width, and whether to page
	"ERRCODE_PAGER", "PAGER", "LESS", "LV", // the pager
}

// Isolate unsets the variables in Read for the rest of the process and
// points XDG_CONFIG_HOME at a new, empty directory, so that neither
// ~/.config/errcode/catalogs nor $ERRCODE_CATALOG_PATH is read. Go's own
// settings file, which lives under the configuration directory, is pinned
// first (GOENV), so a test that runs go build still uses the developer's
// Go settings. (XDG_CACHE_HOME, where errcode caches parsed user
// catalogs, is left alone: with no user catalogs it is not read, and Go's
// build cache lives there.) The returned function removes the directory.
func Isolate() (cleanup func(), err error) {
	if os.Getenv("GOENV") == "" {
		if dir, err := os.UserConfigDir(); err == nil {
			os.Setenv("GOENV", filepath.Join(dir, "go", "env"))
		}
	}
	for _, v := range Read {
		os.Unsetenv(v)
	}
	dir, err := os.MkdirTemp("", "errcode-test-config")
	if err != nil {
		return func() {}, err
	}
	os.Setenv("XDG_CONFIG_HOME", dir)
	return func() { os.RemoveAll(dir) }, nil
}

// Main is a TestMain for tests that run errcode as a program: it isolates
// the environment (Isolate), runs the tests, calls each of after, removes
// what Isolate made and exits with the tests' status.
func Main(m interface{ Run() int }, after ...func()) {
	cleanup, err := Isolate()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	for _, f := range after {
		f()
	}
	cleanup()
	os.Exit(code)
}
