package cmd

import (
	"strconv"
	"strings"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/render"
	"github.com/spf13/cobra"
)

type listOptions struct {
	IO       *IOStreams
	Index    func() *catalog.Index
	Renderer func() *render.Renderer

	Catalogs []string
	Status   string
	JSON     bool
}

func newListCmd(f *Factory, runF func(*listOptions) error) *cobra.Command {
	opts := &listOptions{IO: f.IO, Index: f.Index, Renderer: f.Renderer}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List catalog entries",
		Long: `List the entries of every catalog, or of those given with --catalog,
optionally only those with an HTTP status or status class.

On a terminal the list is a table fitted to its width: long codes and
titles are cut with an ellipsis, and an empty column is left out. On a
pipe it is tab-separated values (catalog, code, status, token, title)
with no header and nothing cut, for cut and awk.`,
		Example: `  errcode list
  errcode list --catalog emnify
  errcode list --status 4xx
  errcode list -c wontopos --status 429 --json
  errcode list --catalog http | cut -f2,5`,
		Args:              cobra.NoArgs,
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().Changed("status") && strings.TrimSpace(opts.Status) == "" {
				return usageErrorf("--status \"\": give a status such as 429 or a class such as 4xx")
			}
			if runF != nil {
				return runF(opts)
			}
			return runList(opts)
		},
	}
	cmd.Flags().StringSliceVarP(&opts.Catalogs, "catalog", "c", nil, "list only this catalog `ID` (repeatable)")
	cmd.Flags().StringVarP(&opts.Status, "status", "s", "", "only entries with this HTTP `STATUS` (429) or class (4xx)")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON")
	_ = cmd.RegisterFlagCompletionFunc("catalog", completeCatalogIDs(f))
	_ = cmd.RegisterFlagCompletionFunc("status", completeStatus(f, true))
	return cmd
}

// statusFilter parses --status: "" (any), "429", or a class "4xx".
func statusFilter(s string) (func(int) bool, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "":
		return func(int) bool { return true }, nil
	case len(s) == 3 && s[0] >= '1' && s[0] <= '5' && s[1:] == "xx":
		class := int(s[0]-'0') * 100
		return func(st int) bool { return st >= class && st < class+100 }, nil
	}
	if n, err := strconv.Atoi(s); err == nil && n >= 100 && n <= 599 {
		return func(st int) bool { return st == n }, nil
	}
	return nil, usageErrorf("--status %q: give a status such as 429 or a class such as 4xx", s)
}

func runList(opts *listOptions) error {
	ix := opts.Index()
	if err := catalogIDs(ix, opts.Catalogs); err != nil {
		return err
	}
	keep, err := statusFilter(opts.Status)
	if err != nil {
		return err
	}
	var rows []render.Row
	for _, c := range ix.Catalogs {
		if len(opts.Catalogs) > 0 && !containsFold(opts.Catalogs, c.ID) {
			continue
		}
		for _, e := range c.All() {
			if opts.Status == "" || keep(e.Status) {
				rows = append(rows, render.Row{Entry: e, Catalog: c})
			}
		}
	}
	if opts.JSON {
		if err := render.JSON(opts.IO.Out, render.List(rows)); err != nil {
			return err
		}
		if len(rows) == 0 {
			return errSilentNotFound
		}
		return nil
	}
	if len(rows) == 0 {
		return notFoundf("no entries match those filters: drop one, or see the catalogs with 'errcode catalogs'")
	}
	cells := make([][]string, len(rows))
	for i, row := range rows {
		e := row.Entry
		status := ""
		if e.Status != 0 {
			status = strconv.Itoa(e.Status)
		}
		cells[i] = []string{row.Catalog.ID, e.Code, status, e.Token, render.Title(e)}
	}
	cols := []render.Column{{Header: "CATALOG"}, {Header: "CODE"}, {Header: "STATUS"}, {Header: "TOKEN"}, {Header: "TITLE"}}
	return opts.Renderer().Table(opts.IO.IsStdoutTTY, cols, cells)
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
