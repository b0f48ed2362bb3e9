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
entries and the documentation they come from.`,
		Example: `  errcode catalogs
  errcode catalogs --json`,
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
	return cmd
}

type catalogJSON struct {
	ID      string  `json:"id"`
	Name    string  `json:"name"`
	DocURL  *string `json:"doc_url"`
	Entries int     `json:"entries"`
	Source  string  `json:"source"`
}

func runCatalogs(opts *catalogsOptions) error {
	ix := opts.Index()
	if opts.JSON {
		out := struct {
			Catalogs []catalogJSON `json:"catalogs"`
		}{Catalogs: []catalogJSON{}}
		for _, c := range ix.Catalogs {
			j := catalogJSON{ID: c.ID, Name: c.Name, Entries: len(c.Entries), Source: c.Source}
			if c.DocURL != "" {
				j.DocURL = &c.DocURL
			}
			out.Catalogs = append(out.Catalogs, j)
		}
		return render.JSON(opts.IO.Out, out)
	}
	rows := make([][]string, len(ix.Catalogs))
	for i, c := range ix.Catalogs {
		link := c.DocURL
		if link == "" {
			link = c.Source
		}
		rows[i] = []string{c.ID, c.Name, strconv.Itoa(len(c.Entries)), link}
	}
	return opts.Renderer().Table(opts.IO.IsStdoutTTY, []string{"ID", "NAME", "ENTRIES", "SOURCE"}, rows)
}
