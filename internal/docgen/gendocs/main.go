// Command gendocs writes errcode's completion scripts and man pages:
//
//	go run ./internal/docgen/gendocs -completions completions -man man
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/errcode-dev/errcode/cmd"
	"github.com/errcode-dev/errcode/internal/docgen"
)

func main() {
	completions := flag.String("completions", "", "write the completion scripts into this `dir`")
	man := flag.String("man", "", "write the man pages into this `dir`")
	flag.Parse()
	if *completions == "" && *man == "" {
		fmt.Fprintln(os.Stderr, "gendocs: give -completions DIR, -man DIR or both")
		os.Exit(2)
	}
	if *completions != "" {
		if err := docgen.WriteCompletions(cmd.NewRootForDocs(), *completions); err != nil {
			fmt.Fprintln(os.Stderr, "gendocs:", err)
			os.Exit(1)
		}
	}
	if *man != "" {
		if err := docgen.ManPages(cmd.NewRootForDocs(), *man); err != nil {
			fmt.Fprintln(os.Stderr, "gendocs:", err)
			os.Exit(1)
		}
	}
}
