package cmd

import (
	"fmt"
	"strings"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/answer"
	"github.com/errcode-dev/errcode/render"
	"github.com/spf13/cobra"
)

type lookupOptions struct {
	IO       *IOStreams
	Index    func() *catalog.Index
	Renderer func() *render.Renderer

	Query    string
	Catalogs []string
	Limit    int
	JSON     bool
}

func newLookupCmd(f *Factory, runF func(*lookupOptions) error) *cobra.Command {
	opts := &lookupOptions{IO: f.IO, Index: f.Index, Renderer: f.Renderer}
	cmd := &cobra.Command{
		Use:   "lookup QUERY...",
		Short: "Look up an error code, token, HTTP status or words",
		Long: `Look up an error code, token, HTTP status or words in the catalogs.

The words of QUERY are joined. In order, errcode tries:
  catalog:code    restrict to one catalog (wontopos:not_found)
  a code          case and separators do not matter (AUTH-401, auth401, auth 401)
  a token         Duplicated; TooManyRequests gives both emnify 1105 and 1501
  an HTTP status  409 lists the registry's meaning and every entry with that status
  a code range    2205 falls in emnify's 2200-2299 (SIM) range
  a concept       rate limit: HTTP 429 first, then every vendor's (see the README)
  words           every word present, then fuzzy matches (api key expired, duplcated)

A number several vocabularies share lists HTTP's meaning, then gRPC's,
curl's, errno's: 14 is gRPC's UNAVAILABLE first; curl 14 is curl's alone.
One match prints its card; several print a list, then the best match's card.`,
		Example: `  errcode lookup 1405
  errcode lookup AUTH-401
  errcode lookup 409 --catalog emnify
  errcode lookup wontopos:rate_limit_exceeded
  errcode lookup errno 111
  errcode lookup rate limit
  errcode lookup TooManyRequests --json`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageErrorf("lookup needs a query, e.g. 'errcode lookup 1405' (see 'errcode lookup --help')")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Query = strings.Join(args, " ")
			if runF != nil {
				return runF(opts)
			}
			return runLookup(opts)
		},
	}
	cmd.Flags().StringSliceVarP(&opts.Catalogs, "catalog", "c", nil, "search only this catalog `ID` (repeatable)")
	cmd.Flags().IntVarP(&opts.Limit, "limit", "n", 10, "list at most `N` matches (0: all)")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON")
	cmd.ValidArgsFunction = completeLookupArgs(f)
	_ = cmd.RegisterFlagCompletionFunc("catalog", completeCatalogIDs(f))
	_ = cmd.RegisterFlagCompletionFunc("limit", cobra.NoFileCompletions)
	return cmd
}

func runLookup(opts *lookupOptions) error {
	ix := opts.Index()
	l, err := answer.Lookup(ix, answer.LookupRequest{Query: opts.Query, Catalogs: opts.Catalogs, Limit: opts.Limit})
	if err != nil {
		return err
	}
	if opts.JSON {
		if err := render.JSON(opts.IO.Out, l.JSON()); err != nil {
			return err
		}
		if len(l.Shown) == 0 {
			return errSilentNotFound
		}
		return nil
	}
	if len(l.Shown) == 0 {
		return notFoundf("%s", answer.NotFoundMessage(ix, l))
	}
	res, shown := l.Result, l.Shown
	r := opts.Renderer()
	best := shown[0]
	if len(shown) > 1 {
		rows := make([]render.Row, len(shown))
		for i, m := range shown {
			rows[i] = render.Row{Entry: m.Entry, Catalog: m.Catalog}
		}
		if err := r.MatchList(rows); err != nil {
			return err
		}
		fmt.Fprintln(opts.IO.Out)
	}
	if more := len(res.Matches) - len(shown); more > 0 {
		noun := "matches"
		if more == 1 {
			noun = "match"
		}
		// After the output, paged or not: on a terminal stderr is not
		// buffered, and the line printed above what it counts.
		opts.IO.Notice(fmt.Sprintf("errcode: %d more %s; show them all with --limit 0", more, noun))
	}
	return r.Card(cardInput(ix, best.Entry, best.Catalog))
}

func cardInput(ix *catalog.Index, e *catalog.Entry, c *catalog.Catalog) render.CardInput {
	return render.CardInput{Entry: e, Catalog: c, Status: ix.StatusEntry(e.Status)}
}
