package catalog

import (
	"testing"
)

// The generated masks are what EntryMasks computes, and never rule out an
// entry for a word it has: each word of its text (as the search splits it)
// finds it.
func TestMasks(t *testing.T) {
	for _, c := range builtin {
		if len(c.masks) != len(c.Entries) {
			t.Fatalf("%s: %d masks for %d entries: run go generate ./catalog", c.ID, len(c.masks), len(c.Entries))
		}
		for i := range c.Entries {
			e := &c.Entries[i]
			words, letters := EntryMasks(e)
			if c.letters[i] != letters {
				t.Errorf("%s:%s: letters %#x, want %#x: run go generate ./catalog", c.ID, e.Code, c.letters[i], letters)
			}
			if c.masks[i] != words {
				t.Errorf("%s:%s: mask %#x, want %#x: run go generate ./catalog", c.ID, e.Code, c.masks[i], words)
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
