package catalog_test

import (
	"os"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/testenv"
)

// The tests fail if they leave the built-in catalogs changed: Builtin's
// entries are shared and read-only.
func TestMain(m *testing.M) { os.Exit(testenv.KeepBuiltin(m.Run)) }

// Builtin gives each caller catalogs of its own: what one caller does to
// its slice or its catalogs' fields, another does not see.
func TestBuiltinIsACopy(t *testing.T) {
	a := catalog.Builtin()
	name, entries := a[0].Name, len(a[0].Entries)
	a[0].Name = "changed"
	a[0].Entries = append(a[0].Entries, catalog.Entry{Code: "X"})
	a[1] = nil
	b := catalog.Builtin()
	if b[0].Name != name || len(b[0].Entries) != entries || b[1] == nil {
		t.Fatal("a change to one caller's Builtin() shows in another's")
	}
	// The slices are clipped: the append copied rather than wrote past the
	// shared entries.
	if &a[0].Entries[0] == &b[0].Entries[0] {
		t.Fatal("an append to Builtin()'s entries wrote into the shared array")
	}
}
