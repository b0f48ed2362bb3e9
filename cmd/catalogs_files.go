package cmd

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/catalog/source"
	"github.com/errcode-dev/errcode/render"
	"github.com/spf13/cobra"
)

func newCatalogsValidateCmd(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "validate [FILE...]",
		Short: "Check user catalog files and print every problem",
		Long: `Check user catalog files: the FILEs given, or every one errcode would load
(~/.config/errcode/catalogs, $ERRCODE_CATALOG_PATH, --catalog-file). Every
problem of a file is printed, in the order of the file, with file:line:column,
the line and a caret. Exit status 1 if any file has a problem.`,
		Example: `  errcode catalogs validate
  errcode catalogs validate ~/.config/errcode/catalogs/acme.yaml`,
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return []string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			files := args
			var dirProblems []source.Problem
			if len(files) == 0 {
				files, dirProblems = source.Discover(f.IO.Getenv, f.CatalogFiles)
			}
			for _, p := range dirProblems {
				fmt.Fprintln(f.IO.Out, scrubLines(p.Error()))
			}
			if len(files) == 0 && len(dirProblems) > 0 {
				return &exitError{code: exitNotFound, msg: directories(len(dirProblems)) + " cannot be read"}
			}
			if len(files) == 0 {
				fmt.Fprintf(f.IO.ErrOut, "errcode: no user catalogs in %s, $ERRCODE_CATALOG_PATH or --catalog-file (see 'errcode catalogs init')\n", source.ConfigDir(f.IO.Getenv))
				return nil
			}
			bad := 0
			for _, file := range files {
				// No cache: validating means reading the file itself.
				c, problems := source.Load(file, "")
				if problems == nil {
					entries := render.Count(int64(c.Len()), "entry", "entries")
					if c.Len() == 0 {
						entries = "no entries yet"
					}
					fmt.Fprintf(f.IO.Out, "%s: ok (%s, %s)\n", render.Scrub(file), render.Scrub(c.ID), entries)
					continue
				}
				bad++
				for _, p := range problems {
					fmt.Fprintln(f.IO.Out, scrubLines(p.Error()))
				}
			}
			switch {
			case bad > 0 && len(dirProblems) > 0:
				return &exitError{code: exitNotFound, msg: fmt.Sprintf("%d of %d catalog files %s problems, and %s cannot be read", bad, len(files), haveOrHas(bad), directories(len(dirProblems)))}
			case bad > 0:
				return &exitError{code: exitNotFound, msg: fmt.Sprintf("%d of %d catalog files %s problems", bad, len(files), haveOrHas(bad))}
			case len(dirProblems) > 0:
				return &exitError{code: exitNotFound, msg: directories(len(dirProblems)) + " cannot be read"}
			}
			return nil
		},
	}
}

func directories(n int) string {
	if n == 1 {
		return "1 catalog directory"
	}
	return fmt.Sprintf("%d catalog directories", n)
}

// scrubLines scrubs each line of a multi-line message.
func scrubLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = render.Scrub(l)
	}
	return strings.Join(lines, "\n")
}

func newCatalogsInitCmd(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "init ID",
		Short: "Write a starter user catalog to edit",
		Long: `Write a commented starter catalog, ID.yaml, into the user catalog directory
(~/.config/errcode/catalogs, or $XDG_CONFIG_HOME/errcode/catalogs). An
existing file is never overwritten. With a built-in catalog's id, the file
extends that catalog, and as written changes nothing: everything but its id
is commented out, with instructions.`,
		Example: `  errcode catalogs init acme
  $EDITOR ~/.config/errcode/catalogs/acme.yaml
  errcode catalogs validate`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageErrorf("catalogs init needs one catalog id, e.g. 'errcode catalogs init acme'")
			}
			return nil
		},
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(cmd *cobra.Command, args []string) error {
			id := args[0]
			if !source.ValidID(id) {
				return usageErrorf("catalog id %q must be lower-case letters, digits, '-' or '_', starting with a letter", id)
			}
			dir := source.ConfigDir(f.IO.Getenv)
			if dir == "" {
				return usageErrorf("cannot tell where user catalogs go: set HOME or XDG_CONFIG_HOME")
			}
			path := filepath.Join(dir, id+".yaml")
			text := starterCatalog(id)
			for _, c := range catalog.Builtin() {
				if c.ID == id {
					text = extensionCatalog(c)
				}
			}
			if err := writeNew(path, []byte(text)); err != nil {
				if errors.Is(err, fs.ErrExist) {
					return &exitError{code: exitNotFound, msg: fmt.Sprintf("%s already exists: edit it, or remove it first", path)}
				}
				return &exitError{code: exitNotFound, msg: fmt.Sprintf("cannot write %s: %v", path, err)}
			}
			fmt.Fprintf(f.IO.Out, "wrote %s\nedit it, then check it with: errcode catalogs validate %s\n", path, path)
			return nil
		},
	}
}

// writeNew writes data to path atomically and never over an existing file:
// the data goes to a temporary file in the same directory, which is then
// linked to path (a link fails if path exists, where a rename would not).
func writeNew(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".errcode-init-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Link(tmp.Name(), path)
}

// haveOrHas agrees with a count: "1 of 3 catalog files has problems".
func haveOrHas(n int) string {
	if n == 1 {
		return "has"
	}
	return "have"
}
