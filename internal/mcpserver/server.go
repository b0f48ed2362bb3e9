// Package mcpserver is errcode's Model Context Protocol server (errcode
// mcp): read-only tools that answer as the command line does, from the
// same code (internal/answer) and with the same values (render's --json
// types, under the published schemas):
//
//	lookup    errcode lookup --json: query, catalog, limit
//	explain   errcode explain --json of a text: a response, an SDK's error, a log
//	catalogs  errcode catalogs --json
//
// Each result is structured content, with a short text summary and the
// JSON as text for clients that read only text. A question errcode cannot
// answer as asked (an unknown catalog, an empty query) is a tool error
// worded as the command line words it.
//
// It is linked only into the errcode-mcp binary: the SDK would add to
// every start of errcode (README, "Speed").
package mcpserver

import (
	"context"
	"fmt"
	"os"
	"sync"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/explain"
	"github.com/errcode-dev/errcode/internal/answer"
	"github.com/errcode-dev/errcode/render"
	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// Options configure a server as errcode's flags and environment
// configure the command line.
type Options struct {
	Version      string
	Getenv       func(string) string // where user catalogs are found (ERRCODE_CATALOG_PATH, XDG_CONFIG_HOME); nil: os.Getenv
	CatalogFiles []string            // --catalog-file
	Warn         func(string)        // a user catalog errcode skips; nil: a line on stderr
}

// server holds the index, loaded at the first call, once.
type server struct {
	opts  Options
	once  sync.Once
	index *catalog.Index
}

func (s *server) ix() *catalog.Index {
	s.once.Do(func() { s.index = answer.LoadIndex(s.opts.Getenv, s.opts.CatalogFiles, s.opts.Warn) })
	return s.index
}

// New returns the server, its tools added.
func New(opts Options) (*mcp.Server, error) {
	if opts.Getenv == nil {
		opts.Getenv = os.Getenv
	}
	if opts.Warn == nil {
		opts.Warn = func(msg string) { fmt.Fprintln(os.Stderr, "errcode: warning: "+render.Scrub(msg)) }
	}
	if opts.Version == "" {
		opts.Version = "(devel)"
	}
	s := &server{opts: opts}
	srv := mcp.NewServer(&mcp.Implementation{Name: "errcode", Title: "errcode: API errors explained, offline", Version: opts.Version}, &mcp.ServerOptions{
		Instructions: "errcode explains API errors offline: look up an error code, token or HTTP status (lookup), " +
			"explain a raw HTTP response, an SDK's error output or a log (explain), and list the catalogs it knows (catalogs). " +
			"Answers come from errcode's catalogs, not from the network.",
	})
	if err := s.addTools(srv); err != nil {
		return nil, err
	}
	return srv, nil
}

// MaxMessage bounds one message from the client: twice what explain reads
// of a response (explain.MaxInput), so that a text of that size fits even
// when JSON escapes much of it, and the reader, as on the command line,
// reads 16 MiB and says the rest was cut. The SDK ends the session on a
// longer message.
const MaxMessage = 2 * explain.MaxInput

// Run serves on standard input and output until the client goes.
func Run(ctx context.Context, opts Options) error {
	srv, err := New(opts)
	if err != nil {
		return err
	}
	return srv.Run(ctx, &mcp.StdioTransport{MaxLineLength: MaxMessage})
}
