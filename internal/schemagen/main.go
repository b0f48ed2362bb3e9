// Command schemagen writes the JSON Schemas of errcode's --json outputs
// (see package schemas): go generate ./schemas.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/errcode-dev/errcode/schemas"
)

func main() {
	dir := flag.String("o", ".", "write the schemas into `DIR`")
	flag.Parse()
	files, err := schemas.Files()
	if err != nil {
		fmt.Fprintln(os.Stderr, "schemagen:", err)
		os.Exit(1)
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(*dir, name), b, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "schemagen:", err)
			os.Exit(1)
		}
	}
}
