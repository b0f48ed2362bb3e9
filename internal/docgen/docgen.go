// Package docgen writes errcode's shell completion scripts and man pages
// from its command tree. It is used by go generate (internal/docgen/gendocs)
// and by the tests that fail when the committed files are stale; it is not
// linked into errcode itself, and neither is go-md2man.
package docgen

import (
	"bytes"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"
)

// Completions returns the four completion scripts by file name, as the
// shells' conventions name them.
func Completions(root *cobra.Command) (map[string][]byte, error) {
	out := map[string][]byte{}
	for name, gen := range map[string]func(*bytes.Buffer) error{
		"errcode.bash": func(b *bytes.Buffer) error { return root.GenBashCompletionV2(b, true) },
		"_errcode":     func(b *bytes.Buffer) error { return root.GenZshCompletion(b) },
		"errcode.fish": func(b *bytes.Buffer) error { return root.GenFishCompletion(b, true) },
		"errcode.ps1":  func(b *bytes.Buffer) error { return root.GenPowerShellCompletionWithDesc(b) },
	} {
		var b bytes.Buffer
		if err := gen(&b); err != nil {
			return nil, err
		}
		out[name] = b.Bytes()
	}
	return out, nil
}

// WriteCompletions writes the completion scripts into dir.
func WriteCompletions(root *cobra.Command, dir string) error {
	scripts, err := Completions(root)
	if err != nil {
		return err
	}
	for name, b := range scripts {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}
