// Command loggen writes a long zap JSON log to standard output, for
// scripts/bench-log.sh: loggen SIZE_IN_MIB.
package main

import (
	"fmt"
	"os"
	"strconv"

	"github.com/errcode-dev/errcode/internal/loggen"
)

func main() {
	mib, err := strconv.Atoi(os.Args[len(os.Args)-1])
	if len(os.Args) != 2 || err != nil || mib <= 0 {
		fmt.Fprintln(os.Stderr, "usage: loggen SIZE_IN_MIB")
		os.Exit(2)
	}
	if err := loggen.Write(os.Stdout, int64(mib)<<20); err != nil {
		fmt.Fprintln(os.Stderr, "loggen:", err)
		os.Exit(1)
	}
}
