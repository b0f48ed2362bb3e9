package catalog

import (
	"math/bits"

	"github.com/errcode-dev/errcode/internal/textmask"
)

// EntryMasks are what the word search may skip an entry by: the letter
// pairs of the fields it reads (see scorer.score), and the letters of the
// short fields the typo search reads (shortFieldFuzzy). go generate writes
// them for each built-in entry, and errcode's cache for each user entry.
func EntryMasks(e *Entry) (words, letters uint64) {
	fields := append([]string{e.Code, e.Token, e.Title, e.Category, e.Message, e.Description}, e.Causes...)
	return textmask.Of(append(fields, e.Fixes...)...), textmask.Letters(e.Code, e.Token, e.Title)
}

// wordsMask is the letter pairs every one of words has.
func wordsMask(words []string) uint64 {
	var m uint64
	for _, w := range words {
		m |= textmask.Word(w)
	}
	return m
}

// mayHaveWords: entry i may contain every word of want (wordsMask). Only
// the built-in and cached catalogs have masks; every entry of another may.
func (c *Catalog) mayHaveWords(i int, want uint64) bool {
	if c.store != nil {
		words, _ := c.store.Masks(i)
		return textmask.Has(words, want)
	}
	return len(c.masks) != len(c.Entries) || textmask.Has(c.masks[i], want)
}

// mayContain: entry i may contain every one of words (see
// Store.MayContain), which a match of textSearch needs (scorer.score
// counts a word only where ContainsFold finds it). Asked only of a
// stored entry, where it saves a decode: for an entry in memory the
// scorer's first scan is the same test.
func (c *Catalog) mayContain(i int, words []string) bool {
	return c.store == nil || c.store.MayContain(i, words)
}

// typoMask is a query word's letter pairs and how many of them a word one
// or two edits away (closeWord) may lack: an edit breaks at most three
// pairs (a transposition), and closeWord allows two edits from 8 letters,
// one from 4, none below or for digits.
type typoMask struct {
	mask  uint64
	slack int
}

func typoMasks(words []string) []typoMask {
	out := make([]typoMask, len(words))
	for i, w := range words {
		out[i].mask = textmask.Word(w)
		switch {
		case IsDigits(w) || len(w) < 4:
		case len(w) < 8:
			out[i].slack = 3
		default:
			out[i].slack = 6
		}
	}
	return out
}

// mayHaveLetters: entry i's code, token or title may hold every letter of
// want (textmask.Letters), as a match in them (shortFieldFuzzy) needs.
func (c *Catalog) mayHaveLetters(i int, want uint64) bool {
	if c.store != nil {
		_, letters := c.store.Masks(i)
		return textmask.Has(letters, want)
	}
	return len(c.letters) != len(c.Entries) || textmask.Has(c.letters[i], want)
}

// mayHaveTypos: entry i may have every word of ws, or one close to it.
func (c *Catalog) mayHaveTypos(i int, ws []typoMask) bool {
	var words uint64
	switch {
	case c.store != nil:
		words, _ = c.store.Masks(i)
	case len(c.masks) != len(c.Entries):
		return true
	default:
		words = c.masks[i]
	}
	for _, w := range ws {
		if bits.OnesCount64(w.mask&^words) > w.slack {
			return false
		}
	}
	return true
}
