package render_test

import (
	"io"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/render"
)

func BenchmarkCard(b *testing.B) {
	ix := catalog.NewIndex(catalog.Builtin())
	in := card(ix, "emnify:1405")
	for _, p := range []struct {
		name    string
		profile colorprofile.Profile
		width   int
	}{{"plain", colorprofile.NoTTY, 0}, {"tty", colorprofile.ANSI256, 100}} {
		b.Run(p.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := render.New(io.Discard, p.profile, p.width).Card(in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
