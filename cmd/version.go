package cmd

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// Set by release builds: -ldflags "-X github.com/errcode-dev/errcode/cmd.version=1.2.3 ...".
// Plain strings: nothing is computed at start-up.
var (
	version = ""
	commit  = ""
	date    = ""
)

// versionString is "errcode 1.2.3 (commit abc1234, built 2026-11-22)",
// from the release's ldflags, else from the build info Go embeds (module
// version for go install, VCS revision and time for a build in a checkout).
func versionString() string {
	v, c, d, dirty := version, commit, date, false
	if c == "none" { // a snapshot release without git information
		c = ""
	}
	if strings.HasPrefix(d, "0001-01-01") {
		d = ""
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		if v == "" {
			v = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				if c == "" {
					c = s.Value
				}
			case "vcs.time":
				if d == "" {
					d = s.Value
				}
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
	}
	if v == "" || v == "(devel)" {
		v = "(devel)"
	}
	var parts []string
	if c != "" {
		if len(c) > 12 {
			c = c[:12]
		}
		if dirty {
			c += "-dirty"
		}
		parts = append(parts, "commit "+c)
	}
	if d != "" {
		if len(d) >= 10 {
			d = d[:10]
		}
		parts = append(parts, "built "+d)
	}
	s := "errcode " + strings.TrimPrefix(v, "v")
	if len(parts) > 0 {
		s += " (" + strings.Join(parts, ", ") + ")"
	}
	return s
}

func newVersionCmd(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:               "version",
		Short:             "Print errcode's version",
		Example:           "  errcode version\n  errcode --version",
		Args:              cobra.NoArgs,
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := fmt.Fprintln(f.IO.Out, versionString())
			return err
		},
	}
}
