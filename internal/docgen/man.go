package docgen

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/cpuguy83/go-md2man/v2/md2man"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// The man pages are written here rather than by cobra/doc, whose pages
// are all titled by the header's one title (every page was ERRCODE(1)),
// print every flag with its default in pflag's syntax (--help[=false],
// --catalog-file=[]), flow an indented table into one paragraph and have
// no place for EXIT STATUS or ENVIRONMENT. The page is markdown, turned
// into roff by go-md2man, as cobra/doc does.

// manDate is the date on every man page: fixed, so the pages are the same
// whenever and wherever they are generated.
var manDate = time.Date(2026, time.November, 22, 0, 0, 0, 0, time.UTC)

// ExitStatus is the README's "Exit codes" table, row by row, in markdown
// (a test keeps the two the same).
var ExitStatus = [][2]string{
	{"0", "found; for explain, explained (whatever the status)"},
	{"1", "nothing found (lookup, or list with filters that match nothing); for `explain --fail`, an error response"},
	{"2", "usage error: unknown command or flag, missing query, unknown catalog, bad `--status`; for explain, no input or unreadable input"},
}

// runExitStatus is errcode run's own rule, as the README says it.
const runExitStatus = "`errcode run` exits with the command's own status (128+N when signal N killed it; " +
	"127 when there is no such command, 126 when it cannot be run, as a shell says them); " +
	"2 is also a usage error of its own, before anything runs."

// Environment is every variable errcode reads, and what for.
var Environment = [][2]string{
	{"ERRCODE_CATALOG_PATH", "more user catalogs: files, and directories of `.yaml` files, separated by colons; " +
		"read after those in the configuration directory, a later file's entries replacing an earlier one's " +
		"(see **errcode-catalogs**(1))"},
	{"XDG_CONFIG_HOME", "user catalogs are the `.yaml` files in `$XDG_CONFIG_HOME/errcode/catalogs` " +
		"(default `~/.config/errcode/catalogs`)"},
	{"XDG_CACHE_HOME", "user catalogs are kept parsed in `$XDG_CACHE_HOME/errcode/catalogs` (default `~/.cache/errcode/catalogs`)"},
	{"HOME", "where the two defaults above are"},
	{"NO_COLOR", "any non-empty value: no colour, unless `--color always`"},
	{"CLICOLOR_FORCE", "non-empty and not `0`: colour even on a pipe, unless `--color never` or `NO_COLOR`"},
	{"TERM, COLORTERM", "the colours a terminal has, when neither `--color` nor the two above decide"},
	{"COLUMNS", "the width output is wrapped to on a terminal (default: the terminal's own)"},
	{"ERRCODE_PAGER, PAGER", "the pager for output taller than the terminal, run by `sh -c`: `$ERRCODE_PAGER`, " +
		"else `$PAGER`, else `less -FRX`; `cat` (or `--no-pager`) turns paging off"},
	{"LESS, LV", "given to the pager as `FRX` and `-c` when not set"},
}

// ManPages writes errcode.1 and a page per command (errcode-lookup.1,
// errcode-catalogs-init.1, ...) into dir.
func ManPages(root *cobra.Command, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	// cobra adds these only when a command runs.
	root.InitDefaultHelpCmd()
	root.InitDefaultVersionFlag()
	var err error
	walk(root, func(c *cobra.Command) {
		if err == nil {
			name := strings.ReplaceAll(c.CommandPath(), " ", "-") + ".1"
			err = os.WriteFile(filepath.Join(dir, name), ManPage(c), 0o644)
		}
	})
	return err
}

// walk calls fn with c and every command under it that has a page (not
// help, nor a hidden one), depth first.
func walk(c *cobra.Command, fn func(*cobra.Command)) {
	fn(c)
	for _, sub := range c.Commands() {
		if sub.IsAvailableCommand() && !sub.IsAdditionalHelpTopicCommand() {
			walk(sub, fn)
		}
	}
}

// ManPage is c's page, in roff.
func ManPage(c *cobra.Command) []byte {
	c.InitDefaultHelpFlag()
	dashed := strings.ReplaceAll(c.CommandPath(), " ", "-")
	var b strings.Builder
	fmt.Fprintf(&b, "%% \"%s\" \"1\" \"%s\" \"errcode\" \"errcode manual\"\n", strings.ToUpper(dashed), manDate.Format("Jan 2006"))
	fmt.Fprintf(&b, "# NAME\n%s \\- %s\n\n", dashed, c.Short)
	fmt.Fprintf(&b, "# SYNOPSIS\n**%s**\n\n", c.UseLine())
	desc := c.Long
	if desc == "" {
		desc = c.Short
	}
	fmt.Fprintf(&b, "# DESCRIPTION\n%s\n\n", fenceIndented(desc))
	if fs := c.NonInheritedFlags(); fs.HasAvailableFlags() {
		b.WriteString("# OPTIONS\n" + flags(fs))
	}
	if fs := c.InheritedFlags(); fs.HasAvailableFlags() {
		b.WriteString("# OPTIONS INHERITED FROM PARENT COMMANDS\n" + flags(fs))
	}
	b.WriteString("# EXIT STATUS\n")
	if c.Name() != "run" {
		for _, row := range ExitStatus {
			fmt.Fprintf(&b, "**%s**\n: %s\n\n", row[0], row[1])
		}
	}
	if !c.HasParent() || c.Name() == "run" {
		b.WriteString(runExitStatus + "\n\n")
	}
	b.WriteString("# ENVIRONMENT\n")
	for _, row := range Environment {
		fmt.Fprintf(&b, "%s\n: %s\n\n", boldEach(row[0]), row[1])
	}
	if c.Example != "" {
		fmt.Fprintf(&b, "# EXAMPLES\n```\n%s\n```\n\n", c.Example)
	}
	b.WriteString("# SEE ALSO\n" + strings.Join(seeAlso(c), ", ") + "\n")
	return noHyphenation(md2man.Render([]byte(b.String())))
}

// noHyphenation turns hyphenation off and justification to the left after
// .TH, which turns hyphenation back on (md2man's .nh comes before it):
// "$ER-RCODE_PAGER" broken over two lines cannot be copied.
func noHyphenation(roff []byte) []byte {
	s := string(roff)
	if i := strings.Index(s, "\n.TH "); i >= 0 {
		if j := strings.IndexByte(s[i+1:], '\n'); j >= 0 {
			at := i + 1 + j + 1
			s = s[:at] + ".nh\n.ad l\n" + s[at:]
		}
	}
	return []byte(s)
}

// flags is a definition list of a flag set: "**-n**, **--limit**=*N*"
// and its usage, with the default when it is not the zero value.
func flags(fs *pflag.FlagSet) string {
	var b strings.Builder
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden || f.Deprecated != "" {
			return
		}
		arg, usage := pflag.UnquoteUsage(f)
		term := "**--" + f.Name + "**"
		if f.Shorthand != "" && f.ShorthandDeprecated == "" {
			term = "**-" + f.Shorthand + "**, " + term
		}
		if arg != "" {
			term += "=*" + arg + "*"
		}
		if !slices.Contains([]string{"", "0", "false", "[]", "0s", "<nil>"}, f.DefValue) {
			usage += " (default " + f.DefValue + ")"
		}
		fmt.Fprintf(&b, "%s\n: %s\n\n", term, usage)
	})
	return b.String()
}

// fenceIndented keeps a help text's indented blocks (lookup's table of
// what a query can be) as they are: markdown would flow them into the
// paragraph.
func fenceIndented(s string) string {
	lines := strings.Split(s, "\n")
	var out []string
	in := false
	for _, l := range lines {
		indented := strings.HasPrefix(l, "  ") || strings.HasPrefix(l, "\t")
		switch {
		case indented && !in:
			if len(out) > 0 && out[len(out)-1] != "" {
				out = append(out, "")
			}
			out = append(out, "```")
			in = true
		case !indented && in:
			out = append(out, "```")
			if l != "" {
				out = append(out, "")
			}
			in = false
		}
		out = append(out, l)
	}
	if in {
		out = append(out, "```")
	}
	return strings.Join(out, "\n")
}

// boldEach makes each of "A, B" bold.
func boldEach(names string) string {
	parts := strings.Split(names, ", ")
	for i, p := range parts {
		parts[i] = "**" + p + "**"
	}
	return strings.Join(parts, ", ")
}

// seeAlso names the parent's page and the subcommands' pages.
func seeAlso(c *cobra.Command) []string {
	var out []string
	if c.HasParent() {
		out = append(out, "**"+strings.ReplaceAll(c.Parent().CommandPath(), " ", "-")+"**(1)")
	}
	subs := slices.Clone(c.Commands())
	slices.SortFunc(subs, func(a, b *cobra.Command) int { return strings.Compare(a.Name(), b.Name()) })
	for _, s := range subs {
		if s.IsAvailableCommand() && !s.IsAdditionalHelpTopicCommand() {
			out = append(out, "**"+strings.ReplaceAll(s.CommandPath(), " ", "-")+"**(1)")
		}
	}
	return out
}
