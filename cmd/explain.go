package cmd

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime/debug"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/explain"
	"github.com/errcode-dev/errcode/internal/answer"
	"github.com/errcode-dev/errcode/render"
	"github.com/spf13/cobra"
)

type explainOptions struct {
	IO       *IOStreams
	Index    func() *catalog.Index
	Renderer func() *render.Renderer

	File    string // "" or "-" for stdin
	Catalog string
	Status  int
	JSON    bool
	Fail    bool
}

func newExplainCmd(f *Factory, runF func(*explainOptions) error) *cobra.Command {
	opts := &explainOptions{IO: f.IO, Index: f.Index, Renderer: f.Renderer}
	cmd := &cobra.Command{
		Use:   "explain [FILE]",
		Short: "Explain an HTTP response, a program's error or a log: which error, why, what to do",
		Long: `Explain an HTTP response as a tool printed it, read from FILE or standard
input: curl -i, -v or -D -, httpie, xh, wget -S, grpcurl, a browser's HAR
export (every response with status 400 or more), or just a body (give its
status with --status, or errcode takes it from the body).

A transfer that got no response is explained too: curl's "curl: (N) ..." line
or -v trace, and what wget and HTTPie print for the same failures (no DNS,
connection refused, timeout, TLS, empty reply, reset), as curl's exit code.

errcode finds the status, the errors the body carries (a catalog's own body
shapes; RFC 9457 problems, OAuth, gRPC and Google status, Kubernetes Status,
PostgREST's SQLSTATE, GraphQL, JSON:API, AWS, SOAP faults, HTML error pages;
and, for any other API, the code, message, fields, request id and wait under
the names APIs commonly use) and those in headers (grpc-status, a Bearer
challenge, an OAuth error in a redirect). A catalog answers only on evidence
(--catalog, the request's host, a body signature its catalog declares, or a
code specific to it whose status agrees); otherwise the response is from an API
errcode does not know, and errcode shows what it says. Whether it failed, when
to retry and which request id to quote are decided by tables the README lists;
--json says which row decided. Request credentials are never printed.

What a program printed is read too: an SDK's exception and its stack trace
(Python, Java, Node.js), the status and body an HTTP library's error states, a
runtime's transport failure (ECONNREFUSED, no such host, a timeout, TLS), a
gRPC status, a SQLSTATE, and the lines a CLI prints when a call fails (aws,
kubectl, gcloud, gh, psql, terraform, docker, npm, pip, git). errcode run
explains a failed command's output directly.

A log (JSON lines from zap, slog, pino, bunyan or structlog; logfmt; klog;
nginx's error.log or an access log; a text log of times and levels, with the
tracebacks under its records) is read record by record as it streams, whatever
its size: each record at error level or worse is explained, and records of the
same error are counted together, most actionable first.

Input is read up to 16 MiB; the rest is ignored and the output says so. A HAR
file and a log are read whole as they stream, whatever their size, in bounded
memory. FILE - on a terminal reads a pasted response until end of input
(Ctrl-D).`,
		Example: `  curl -si https://api.example.com/v1/things | errcode explain
  curl -sv https://api.example.com/v1/things 2>&1 | errcode explain
  curl -sS https://api.example.com/v1/things 2>&1 | errcode explain   # no response? why
  http --print=hb POST api.example.com/v1/things | errcode explain
  errcode explain response.txt
  errcode explain --json session.har
  kubectl logs deploy/api | errcode explain           # a log: its errors, counted
  echo '{"error_code":1405,"error_token":"Duplicated","message":"x"}' | errcode explain --status 409
  curl -s https://api.example.com/v1/x | errcode explain --fail >/dev/null || echo failed`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usageErrorf("explain reads one input: give one FILE, or none to read standard input (several logs: cat a.log b.log | errcode explain)")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.File = args[0]
			}
			if err := answer.CheckStatus(opts.Status); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runExplain(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Catalog, "catalog", "c", "", "attribute the response to this catalog `ID`")
	cmd.Flags().IntVarP(&opts.Status, "status", "s", 0, "the HTTP `STATUS`, for a body given alone")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON")
	cmd.Flags().BoolVar(&opts.Fail, "fail", false, "exit 1 when the response is an error (4xx, 5xx, errors in the body), the transfer or program failed, or a log has an error record")
	_ = cmd.RegisterFlagCompletionFunc("catalog", completeCatalogIDs(f))
	_ = cmd.RegisterFlagCompletionFunc("status", completeStatus(f, false))
	return cmd
}

const noInputHelp = "pipe a response, e.g. curl -si URL | errcode explain (or run 'errcode explain -' and paste one)"

// emptyPipeHelp: something was piped but said nothing, most often curl -s,
// which is silent when the request itself fails.
const emptyPipeHelp = "nothing was piped (curl -s prints nothing when a request fails: use curl -sSi URL 2>&1 | errcode explain)"

// explainMemoryLimit is a soft limit on the heap while explaining: input
// is read up to 16 MiB (a HAR streams, in bounded memory), and the limit
// makes the garbage collector return the buffers outgrown on the way
// instead of letting them pile up.
const explainMemoryLimit = 40 << 20

func runExplain(opts *explainOptions) error {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(explainMemoryLimit))
	ix := opts.Index()
	if opts.Catalog != "" {
		if err := catalogIDs(ix, []string{opts.Catalog}); err != nil {
			return err
		}
	}
	e, err := readExplainInput(opts, ix)
	if err != nil {
		return err
	}
	switch {
	case opts.JSON:
		err = render.JSON(opts.IO.Out, e.JSON())
	case e.Log != nil:
		err = opts.Renderer().Log(e.Log)
	default:
		err = explainText(opts, e.Transcript, e.Diagnoses)
	}
	if err != nil {
		return err
	}
	if opts.Fail && e.Failed() {
		return errSilentNotFound
	}
	return nil
}

// readExplainInput opens the input (FILE, standard input, or what is
// pasted on a terminal) and explains it: a log record by record as it
// streams (see answer.Explain).
func readExplainInput(opts *explainOptions, ix *catalog.Index) (*answer.Explained, error) {
	var r io.Reader = opts.IO.In
	name := "standard input"
	if opts.File != "" && opts.File != "-" {
		f, err := os.Open(opts.File)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, noSuchFile(ix, opts.File)
			}
			return nil, usageErrorf("cannot read %s: %v: give a file you can read, or pipe the response in", opts.File, errors.Unwrap(err))
		}
		defer f.Close()
		r, name = f, opts.File
	} else if opts.IO.IsStdinTTY {
		if opts.File != "-" {
			return nil, usageErrorf("no input: %s", noInputHelp)
		}
		// Asked for: read what is pasted, to its end. A terminal's end of
		// input (Ctrl-D) is not sticky, and the readers below read again
		// after it: one Ctrl-D must end it all.
		fmt.Fprintln(opts.IO.ErrOut, pastePrompt())
		r = &stickyEOF{r: r}
	}
	warn := func(msg string) { fmt.Fprintf(opts.IO.ErrOut, "errcode: warning: %s\n", msg) }
	e, err := answer.Explain(r, ix, answer.ExplainRequest{Catalog: opts.Catalog, Status: opts.Status}, warn)
	switch {
	case errors.Is(err, explain.ErrNoInput):
		if name == "standard input" {
			return nil, usageErrorf("no input: %s", emptyPipeHelp)
		}
		return nil, usageErrorf("%s is empty: give a file holding a response", opts.File)
	case err != nil:
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // "is a directory", not "read x: is a directory"
		}
		return nil, usageErrorf("cannot read %s: %v: give a file holding a response, or pipe one in", name, err)
	}
	return e, nil
}

func explainText(opts *explainOptions, t *explain.Transcript, ds []explain.Diagnosis) error {
	r := opts.Renderer()
	if t.Format == "har" && len(ds) == 0 {
		return r.ExplainEmpty("the HAR file")
	}
	for i := range ds {
		in := render.ExplainInput{D: &ds[i], Format: t.Format, Truncated: t.Truncated}
		if t.Format == "har" {
			in.Index, in.Of = i+1, len(ds)
			if i > 0 {
				fmt.Fprintln(opts.IO.Out)
			}
		}
		if err := r.Explain(in); err != nil {
			return err
		}
	}
	if t.Omitted > 0 {
		return r.ExplainOmitted(t.Omitted, explain.MaxExchanges)
	}
	return nil
}
