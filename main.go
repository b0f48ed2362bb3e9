// Command errcode explains API error codes, offline.
package main

import (
	"os"

	"github.com/errcode-dev/errcode/cmd"
)

func main() { os.Exit(cmd.Main()) }
