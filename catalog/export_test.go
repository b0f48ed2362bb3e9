package catalog

// Test hooks.
var (
	Words        = words
	WordsUnicode = wordsUnicode
)
