package catalog

import (
	"testing"

	"github.com/errcode-dev/errcode/internal/textmask"
)

// The generated masks are what entryMask computes, and never rule out an
// entry for a word it has: each word of its text (as the search splits it)
// finds it.
func TestMasks(t *testing.T) {
	for _, c := range builtin {
		if len(c.masks) != len(c.Entries) {
			t.Fatalf("%s: %d masks for %d entries: run go generate ./catalog", c.ID, len(c.masks), len(c.Entries))
		}
		for i := range c.Entries {
			e := &c.Entries[i]
			if m := textmask.Letters(e.Code, e.Token, e.Title); c.letters[i] != m {
				t.Errorf("%s:%s: letters %#x, want %#x: run go generate ./catalog", c.ID, e.Code, c.letters[i], m)
			}
			if m := entryMask(e); c.masks[i] != m {
				t.Errorf("%s:%s: mask %#x, want %#x: run go generate ./catalog", c.ID, e.Code, c.masks[i], m)
			}
			fields := append([]string{e.Code, e.Token, e.Title, e.Category, e.Message, e.Description}, e.Causes...)
			for _, f := range append(fields, e.Fixes...) {
				for _, w := range Words(f) {
					if !c.mayHaveWords(i, wordsMask([]string{w})) {
						t.Errorf("%s:%s: the mask rules out %q, a word of %q", c.ID, e.Code, w, f)
					}
				}
			}
		}
	}
}
