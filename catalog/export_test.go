package catalog

// Test hooks.
var (
	WordsUnicode = wordsUnicode
)

var (
	CloseWord       = closeWord
	FoldWords       = foldWords
	ShortFieldFuzzy = shortFieldFuzzy
)

// TextMatches is how many entries of c the all-words text search finds.
func TextMatches(c *Catalog, q string) int { return len(textSearch([]*Catalog{c}, newQueryWords(q))) }

// VocabularyOrder is the vocabulary order table, a copy.
func VocabularyOrder() []string { return append([]string(nil), vocabularyOrder[:]...) }
