// Command gencatalog compiles catalog/data/*.yaml into catalog/builtin_gen.go.
// Run it with go generate ./catalog.
package main

import (
	"fmt"
	"os"

	"github.com/errcode-dev/errcode/catalog/internal/codegen"
)

func main() {
	cats, err := codegen.Load("data")
	if err == nil {
		var src []byte
		if src, err = codegen.Generate(cats); err == nil {
			err = os.WriteFile("builtin_gen.go", src, 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencatalog:", err)
		os.Exit(1)
	}
}
