// Command errcode-mcp is errcode's Model Context Protocol server, over
// standard input and output (see internal/mcpserver). `errcode mcp` runs
// it; it is a binary of its own so that the MCP SDK adds nothing to the
// start-up of errcode's other commands.
//
//	errcode-mcp [--catalog-file FILE]...
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/errcode-dev/errcode/internal/mcpserver"
	"github.com/spf13/pflag"
)

// Set by release builds: -ldflags "-X main.version=1.2.3".
var version = ""

// memoryLimit is errcode explain's soft limit on the heap: explain reads
// up to 16 MiB of a response, and the buffers it outgrows go back.
const memoryLimit = 40 << 20

func main() {
	flags := pflag.NewFlagSet("errcode-mcp", pflag.ContinueOnError)
	files := flags.StringArray("catalog-file", nil, "also read the user catalog in `FILE` (repeatable)")
	flags.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: errcode mcp [--catalog-file FILE]...\n\nerrcode's MCP server, over standard input and output (see 'errcode mcp --help').\n\n%s", flags.FlagUsages())
	}
	if err := flags.Parse(os.Args[1:]); err != nil {
		if err == pflag.ErrHelp {
			os.Exit(0)
		}
		fmt.Fprintf(os.Stderr, "errcode: %v (see 'errcode mcp --help')\n", err)
		os.Exit(2)
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "errcode: mcp takes no arguments, not %q (see 'errcode mcp --help')\n", flags.Arg(0))
		os.Exit(2)
	}
	for _, f := range *files {
		if _, err := os.Stat(f); err != nil {
			fmt.Fprintf(os.Stderr, "errcode: --catalog-file %s: no such file: give the path of a user catalog (see 'errcode catalogs init --help')\n", f)
			os.Exit(2)
		}
	}
	debug.SetMemoryLimit(memoryLimit)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	v := version
	if bi, ok := debug.ReadBuildInfo(); ok && v == "" {
		v = bi.Main.Version
	}
	if err := mcpserver.Run(ctx, mcpserver.Options{Version: v, CatalogFiles: *files}); err != nil && ctx.Err() == nil {
		fmt.Fprintf(os.Stderr, "errcode: mcp: %v\n", err)
		os.Exit(1)
	}
}
