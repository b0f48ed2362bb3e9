package cmd

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"

	"github.com/spf13/cobra"
)

// mcpServerName is the binary that serves MCP: the SDK stays out of this
// one, whose every start it would slow (README, "Speed").
const mcpServerName = "errcode-mcp"

const mcpInstall = "install it with 'CGO_ENABLED=0 go install github.com/errcode-dev/errcode/cmd/errcode-mcp@latest' (release archives and packages include it)"

type mcpOptions struct {
	IO           *IOStreams
	CatalogFiles func() []string
}

func newMCPCmd(f *Factory, runF func(*mcpOptions) error) *cobra.Command {
	opts := &mcpOptions{IO: f.IO, CatalogFiles: func() []string { return f.CatalogFiles }}
	return &cobra.Command{
		Use:   "mcp",
		Short: "Serve errcode's tools to coding agents (Model Context Protocol, stdio)",
		Long: `Serve errcode to a coding agent or any other Model Context Protocol client
over standard input and output. The client starts errcode mcp itself; there
is nothing to run by hand.

Its tools are read-only and answer as the commands do, with the same JSON
(the schemas in the repository's schemas/ directory):
  lookup    errcode lookup --json: query, catalog, limit
  explain   errcode explain --json of a text: a response, an SDK's error, a log;
            optional status and catalog
  catalogs  errcode catalogs --json

User catalogs are read as the commands read them ($ERRCODE_CATALOG_PATH,
~/.config/errcode/catalogs, --catalog-file). A question errcode cannot answer
as asked is a tool error worded as the command's error.

The server is a second binary, errcode-mcp, beside errcode (release archives
and packages install both), so that the MCP library adds nothing to the
start-up of every other command.`,
		Example: `  claude mcp add errcode -- errcode mcp
  claude mcp add errcode -- errcode mcp --catalog-file ~/acme.yaml
  # other clients: {"mcpServers": {"errcode": {"command": "errcode", "args": ["mcp"]}}}`,
		Args:              cobra.NoArgs,
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runMCP(opts)
		},
	}
}

func runMCP(opts *mcpOptions) error {
	path, err := findMCPServer()
	if err != nil {
		return usageErrorf("errcode mcp needs %s, the MCP server, beside errcode or on PATH: %s", mcpServerName, mcpInstall)
	}
	args := []string{path}
	for _, f := range opts.CatalogFiles() {
		args = append(args, "--catalog-file", f)
	}
	return execServer(opts.IO, path, args)
}

// findMCPServer finds errcode-mcp beside this executable (as a release
// installs it), else on PATH.
func findMCPServer() (string, error) {
	name := mcpServerName
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	if self, err := os.Executable(); err == nil {
		if real, err := filepath.EvalSymlinks(self); err == nil {
			self = real
		}
		p := filepath.Join(filepath.Dir(self), name)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
	}
	return exec.LookPath(mcpServerName)
}

// runServer runs the server as a child on errcode's streams and exits
// with its status: where errcode cannot become it (exec).
func runServer(ios *IOStreams, path string, args []string) error {
	c := exec.Command(path, args[1:]...)
	c.Stdin, c.Stdout, c.Stderr, c.Env = ios.In, ios.Out, ios.ErrOut, ios.Environ
	err := c.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return &exitError{code: ee.ExitCode()}
	}
	if err != nil {
		return usageErrorf("cannot run %s: %v: %s", path, err, mcpInstall)
	}
	return nil
}
