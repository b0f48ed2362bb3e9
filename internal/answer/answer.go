// Package answer computes what errcode answers, for its command line
// (package cmd) and its MCP server (internal/mcpserver) alike: the
// catalogs to search, a lookup, an explanation of what was piped in. One
// code path, so the two give the same answers; neither styles nor prints.
//
// Data flows as elsewhere: cmd and mcpserver -> answer -> render -> explain
// -> catalog.
package answer

import (
	"fmt"
	"strings"

	"github.com/errcode-dev/errcode/catalog"
)

// Exit statuses an Error carries, as the command line exits.
const (
	NotFound = 1 // nothing found
	Usage    = 2 // bad arguments or input
)

// Error is a question errcode cannot answer as asked, worded for a person:
// what went wrong and what to do. Code is the command line's exit status.
// The MCP server returns Msg as a tool error.
type Error struct {
	Code int
	Msg  string
}

func (e *Error) Error() string { return e.Msg }

func usagef(format string, a ...any) error {
	return &Error{Code: Usage, Msg: fmt.Sprintf(format, a...)}
}

// CheckCatalogs checks catalog ids against the index: an unknown id is a
// usage error naming the known ones.
func CheckCatalogs(ix *catalog.Index, ids []string) error {
	for _, id := range ids {
		if ix.Catalog(id) == nil {
			return usagef("unknown catalog %q: choose from %s (see 'errcode catalogs')", id, strings.Join(ix.IDs(), ", "))
		}
	}
	return nil
}
