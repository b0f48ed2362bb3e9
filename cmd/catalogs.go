package cmd

import (
	"strconv"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/render"
	"github.com/spf13/cobra"
)

type catalogsOptions struct {
	IO       *IOStreams
	Index    func() *catalog.Index
	Renderer func() *render.Renderer

	JSON bool
}

func newCatalogsCmd(f *Factory, runF func(*catalogsOptions) error) *cobra.Command {
	opts := &catalogsOptions{IO: f.IO, Index: f.Index, Renderer: f.Renderer}
	cmd := &cobra.Command{
		Use:   "catalogs",
		Short: "List the catalogs errcode knows",
		Long: `List the catalogs: id (for --catalog and catalog:code), name, number of
entries and the documentation they come from; for a user catalog, the file.
A link or file is never cut: on a terminal too narrow for it beside the
rest, it goes on a line of its own under its catalog. On a pipe the
columns are tab-separated.

User catalogs are YAML files in ~/.config/errcode/catalogs (or
$XDG_CONFIG_HOME/errcode/catalogs), in each directory or file of
$ERRCODE_CATALOG_PATH (colon-separated), and given with --catalog-file.
One with a built-in catalog's id extends it. See 'errcode catalogs init'.`,
		Example: `  errcode catalogs
  errcode catalogs --json
  errcode catalogs init acme
  errcode catalogs validate`,
		Args:              cobra.NoArgs,
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runCatalogs(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON")
	cmd.AddCommand(newCatalogsValidateCmd(f), newCatalogsInitCmd(f))
	return cmd
}

func runCatalogs(opts *catalogsOptions) error {
	ix := opts.Index()
	if opts.JSON {
		return render.JSON(opts.IO.Out, render.Catalogs(ix.Catalogs))
	}
	rows := make([][]string, len(ix.Catalogs))
	for i, c := range ix.Catalogs {
		link := c.DocURL
		if link == "" {
			link = c.Source
		}
		if c.Path != "" {
			link = c.Path // where a user catalog (or extension) comes from
		}
		rows[i] = []string{c.ID, c.Name, strconv.Itoa(c.Len()), link}
	}
	// SOURCE is a link to copy (or a file to open): never cut, so it is the
	// last column, on a line of its own under each row when the terminal is
	// too narrow for it beside the others.
	cols := []render.Column{{Header: "ID"}, {Header: "NAME"}, {Header: "ENTRIES"}, {Header: "SOURCE", Link: true}}
	return opts.Renderer().Table(opts.IO.IsStdoutTTY, cols, rows)
}
