package catalog

// Test hooks.
var (
	Words        = words
	WordsUnicode = wordsUnicode
)

var (
	CloseWord       = closeWord
	FoldWords       = foldWords
	ShortFieldFuzzy = shortFieldFuzzy
)
