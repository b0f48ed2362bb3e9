package testenv

import (
	"fmt"
	"hash/fnv"
	"os"

	"github.com/errcode-dev/errcode/catalog"
)

// KeepBuiltin runs the tests (m.Run) and fails them when they leave the
// built-in catalogs changed: catalog.Builtin's entries are shared by every
// caller and read-only, and nothing in errcode may write to them.
func KeepBuiltin(run func() int) int {
	before := builtinPrint()
	code := run()
	if builtinPrint() != before {
		fmt.Fprintln(os.Stderr, "FAIL: the built-in catalogs were modified (catalog.Builtin's entries are read-only)")
		if code == 0 {
			code = 1
		}
	}
	return code
}

// builtinPrint is a hash of everything the built-in catalogs hold.
func builtinPrint() uint64 {
	h := fnv.New64a()
	for _, c := range catalog.Builtin() {
		fmt.Fprintf(h, "%#v\n", *c)
		for i := range c.Bodies {
			if n := c.Bodies[i].Nested; n != nil {
				fmt.Fprintf(h, "%#v\n", *n)
			}
		}
	}
	return h.Sum64()
}
