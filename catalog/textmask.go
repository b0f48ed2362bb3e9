package catalog

import (
	"math/bits"

	"github.com/errcode-dev/errcode/internal/textmask"
)

// entryMask is the letter pairs of the fields the word search reads (see
// scorer.score); go generate writes it for each built-in entry.
func entryMask(e *Entry) uint64 {
	fields := append([]string{e.Code, e.Token, e.Title, e.Category, e.Message, e.Description}, e.Causes...)
	return textmask.Of(append(fields, e.Fixes...)...)
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
// the built-in catalogs have masks; every entry of another may.
func (c *Catalog) mayHaveWords(i int, want uint64) bool {
	return len(c.masks) != len(c.Entries) || textmask.Has(c.masks[i], want)
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
	return len(c.letters) != len(c.Entries) || textmask.Has(c.letters[i], want)
}

// mayHaveTypos: entry i may have every word of ws, or one close to it.
func (c *Catalog) mayHaveTypos(i int, ws []typoMask) bool {
	if len(c.masks) != len(c.Entries) {
		return true
	}
	for _, w := range ws {
		if bits.OnesCount64(w.mask&^c.masks[i]) > w.slack {
			return false
		}
	}
	return true
}
