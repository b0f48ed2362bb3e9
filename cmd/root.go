// Package cmd is errcode's command line: flags become an options struct,
// a run function computes with catalog (and explain), render writes.
package cmd

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"io"
	"os"
	"slices"
	"strings"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/answer"
	"github.com/errcode-dev/errcode/render"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Factory carries what every command shares, built lazily: nothing is
// computed before a command needs it.
type Factory struct {
	IO           *IOStreams
	Color        colorMode
	NoPager      bool
	CatalogFiles []string // --catalog-file
	quiet        bool     // no warnings (shell completion)
	Clock        *Clock   // how errcode run waits; nil: the real one

	index *catalog.Index
}

// Index returns the catalogs to search: the built-in ones and the user's
// (see catalog/source). A user file with problems is skipped with one line
// on stderr. With no user files this costs one look at a directory.
func (f *Factory) Index() *catalog.Index {
	if f.index == nil {
		f.index = answer.LoadIndex(f.IO.Getenv, f.CatalogFiles, f.warn)
	}
	return f.index
}

// warn writes one warning line on stderr, unless completion is asking.
func (f *Factory) warn(msg string) {
	if !f.quiet {
		fmt.Fprintf(f.IO.ErrOut, "errcode: warning: %s\n", render.Scrub(msg))
	}
}

// Renderer returns a renderer for stdout, styled as --color and the
// environment decide.
func (f *Factory) Renderer() *render.Renderer {
	return render.New(f.IO.Out, f.IO.ColorProfile(f.Color), f.IO.Width())
}

// ErrRenderer is Renderer for stderr, where errcode run explains.
func (f *Factory) ErrRenderer() *render.Renderer {
	return render.New(f.IO.ErrOut, f.IO.ErrColorProfile(f.Color), f.IO.ErrWidth())
}

// Clock is how errcode run waits between attempts. Tests give one that
// never waits and never varies.
type Clock struct {
	Now   func() time.Time
	Sleep func(ctx context.Context, d time.Duration) // returns early when ctx is done
	// Jitter is where a backoff falls in its ±20%: a number in [-1, 1].
	Jitter func() float64
}

func (f *Factory) clock() Clock {
	if f.Clock != nil {
		return *f.Clock
	}
	return Clock{
		Now: time.Now,
		Sleep: func(ctx context.Context, d time.Duration) {
			t := time.NewTimer(d)
			defer t.Stop()
			select {
			case <-t.C:
			case <-ctx.Done():
			}
		},
		Jitter: func() float64 { return 2*rand.Float64() - 1 },
	}
}

// Main runs errcode with the process's arguments and streams and returns
// the exit status.
func Main() int {
	ios := System()
	quietBrokenPipe(ios)
	return Run(ios, os.Args[1:])
}

// Run runs errcode with the given streams and arguments.
func Run(ios *IOStreams, args []string) int { return RunWithClock(ios, nil, args) }

// RunWithClock is Run with errcode run's clock given (nil: the real one):
// for tests, whose retries must not wait.
func RunWithClock(ios *IOStreams, clock *Clock, args []string) int {
	f := &Factory{IO: ios, Color: colorAuto, Clock: clock}
	root := newRootCmd(f)
	// cobra writes help, usage, --version and completion scripts itself
	// and ignores failed writes: out remembers the first.
	out := &checkedWriter{w: ios.Out}
	root.SetArgs(negativeNumbers(args))
	root.SetIn(ios.In)
	root.SetOut(out)
	root.SetErr(ios.ErrOut)
	strictHelpAndCompletion(root) // after SetOut: cobra's completion command keeps the writer it sees
	err := root.Execute()
	if perr := ios.stopPaging(); err == nil {
		err = perr
	}
	ios.flushNotices()
	if err == nil && out.err != nil {
		err = out.err
	}
	if err == nil {
		return exitOK
	}
	code, msg := exitCode(err)
	if msg != "" {
		fmt.Fprintln(ios.ErrOut, "errcode: "+render.Scrub(msg))
	}
	return code
}

// checkedWriter passes writes through and keeps the first error.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	if err != nil && c.err == nil {
		c.err = err
	}
	return n, err
}

// NewRootForDocs returns the command tree, for generating completion
// scripts and man pages: nothing runs, so its streams are buffers.
func NewRootForDocs() *cobra.Command {
	ios, _, _, _ := Test()
	root := newRootCmd(&Factory{IO: ios, Color: colorAuto})
	strictHelpAndCompletion(root) // cobra adds these only when executing
	return root
}

func newRootCmd(f *Factory) *cobra.Command {
	root := &cobra.Command{
		Use:   "errcode",
		Short: "Explain API error codes, offline",
		Long: `errcode answers "what does this error mean, and what do I do now?" in the
terminal, offline: error codes, tokens and HTTP statuses from vendors' error
documentation and the IANA HTTP status registry, with causes and fixes. Pipe a
raw HTTP response into 'errcode explain' and it says which error it is, why,
when to retry and which request id to quote.

Add your own APIs with 'errcode catalogs init'.`,
		Example: `  errcode lookup 1405
  errcode lookup AUTH-401
  errcode lookup 409
  errcode lookup rate limit
  curl -si https://api.example.com/v1/things | errcode explain
  errcode list --catalog emnify --status 4xx
  errcode catalogs`,
		SilenceErrors: true,
		SilenceUsage:  true,
		// Without this, cobra would show help for "errcode lokup": say
		// what is wrong instead.
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return nil
			}
			msg := fmt.Sprintf("unknown command %q", args[0])
			if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
				msg += fmt.Sprintf("; did you mean %q?", s[0])
			} else if lookupWould(f.Index(), args) {
				what := "it"
				if len(args) > 1 {
					what = fmt.Sprintf("%q", strings.Join(args, " "))
				}
				return usageErrorf("%s: to look %s up, run 'errcode lookup %s'", msg, what, shellJoin(args))
			}
			return usageErrorf("%s (see 'errcode --help')", msg)
		},
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() },
		// --version: cobra adds the flag when Version is set; the template
		// computes the real string only when asked.
		Version: "set by the template",
	}
	// The function runs only when --version is asked for.
	cobra.AddTemplateFunc("errcodeVersion", versionString)
	root.SetVersionTemplate(`{{errcodeVersion}}` + "\n")
	root.SuggestionsMinimumDistance = 2
	root.PersistentFlags().Var(&f.Color, "color", "when to use colour: auto, always or never")
	root.PersistentFlags().BoolVar(&f.NoPager, "no-pager", false, "do not page long output on a terminal ($ERRCODE_PAGER, $PAGER, less -FRX)")
	root.PersistentFlags().StringArrayVar(&f.CatalogFiles, "catalog-file", nil, "also read the user catalog in `FILE` (repeatable)")
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		if cmd.Name() == cobra.ShellCompRequestCmd || cmd.Name() == cobra.ShellCompNoDescRequestCmd {
			f.quiet = true
			return nil
		}
		for _, file := range f.CatalogFiles {
			if _, err := os.Stat(file); err != nil {
				return usageErrorf("--catalog-file %s: no such file: give the path of a user catalog (see 'errcode catalogs init --help')", file)
			}
		}
		if !f.NoPager && cmd.Name() != "run" && cmd.Name() != "mcp" { // run's output is the command's, as it comes; mcp's the protocol's
			f.IO.startPaging()
		}
		return nil
	}
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return usageErrorf("%s%s (see '%s --help')", plainFlagError(err.Error()), suggestFlag(cmd, err.Error()), cmd.CommandPath())
	})
	_ = root.RegisterFlagCompletionFunc("color", completeColor)
	root.AddCommand(newLookupCmd(f, nil), newExplainCmd(f, nil), newListCmd(f, nil), newCatalogsCmd(f, nil), newRunCmd(f, nil), newMCPCmd(f, nil), newVersionCmd(f))
	return root
}

// negativeNumbers lets `errcode lookup -1073741819` look the number up, as
// Windows' tools print an exit code or an HRESULT: pflag reads any word
// that starts with "-" as flags, and no flag of errcode's is a digit. Such
// numbers (five digits or more, so never a flag's value) move after a
// "--"; the other words and flags keep their places. Only for lookup, and
// only where no "--" is given already.
func negativeNumbers(args []string) []string {
	i := slices.IndexFunc(args, func(a string) bool { return !strings.HasPrefix(a, "-") })
	if i < 0 || args[i] != "lookup" || slices.Contains(args, "--") {
		return args
	}
	var rest, nums []string
	for _, a := range args {
		if len(a) > 5 && a[0] == '-' && catalog.IsDigits(a[1:]) {
			nums = append(nums, a)
		} else {
			rest = append(rest, a)
		}
	}
	if nums == nil {
		return args
	}
	return append(append(rest, "--"), nums...)
}

// strictHelpAndCompletion makes cobra's own help and completion commands
// fail like errcode's: "errcode help nope" and "errcode completion tcsh"
// printed help and exited 0; they are usage errors.
func strictHelpAndCompletion(root *cobra.Command) {
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		switch c.Name() {
		case "help":
			run := c.Run
			c.Args = func(cmd *cobra.Command, args []string) error {
				if len(args) == 0 {
					return nil
				}
				if found, rest, err := root.Find(args); err != nil || found == root || len(rest) > 0 {
					return usageErrorf("unknown help topic %q (see 'errcode --help')", strings.Join(args, " "))
				}
				return nil
			}
			c.Run = run
		case "completion":
			shells := make([]string, 0, 4)
			for _, sc := range c.Commands() {
				shells = append(shells, sc.Name())
				if long := completionHelp(sc.Name()); long != "" {
					sc.Long = long
				}
			}
			c.Args = func(cmd *cobra.Command, args []string) error {
				if len(args) > 0 {
					return usageErrorf("unknown shell %q: choose %s (see 'errcode completion --help')", args[0], strings.Join(shells, ", "))
				}
				return nil
			}
			c.RunE = func(cmd *cobra.Command, args []string) error { return cmd.Help() }
		}
	}
}

// catalogIDs checks --catalog values against the index: an unknown id is a
// usage error naming the known ones.
func catalogIDs(ix *catalog.Index, ids []string) error { return answer.CheckCatalogs(ix, ids) }

// suggestFlag turns "unknown flag: --jsn" into "; did you mean --json?".
func suggestFlag(cmd *cobra.Command, msg string) string {
	// "unknown shorthand flag: '1' in -1": a negative number, read as flags.
	if _, word, ok := strings.Cut(msg, "' in -"); ok && cmd.Name() == "lookup" && strings.HasPrefix(msg, "unknown shorthand flag: ") && catalog.IsDigits(word) {
		return fmt.Sprintf(": to look -%s up, put -- before it: errcode %s -- -%s", word, cmd.Name(), word)
	}
	name, ok := strings.CutPrefix(msg, "unknown flag: --")
	if !ok {
		return ""
	}
	best, bestD := "", 3
	visit := func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		if d := catalog.EditDistance(name, f.Name, 2); d < bestD || (d == bestD && strings.HasPrefix(f.Name, name)) {
			best, bestD = f.Name, d
		}
		if strings.HasPrefix(f.Name, name) && bestD > 1 {
			best, bestD = f.Name, 1
		}
	}
	cmd.Flags().VisitAll(visit)
	cmd.InheritedFlags().VisitAll(visit)
	if best == "" {
		return ""
	}
	return "; did you mean --" + best + "?"
}
