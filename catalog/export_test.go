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

// ConceptRows is the concept table: each row's phrases and answers.
func ConceptRows() (phrases, answers [][]string) {
	for _, c := range concepts {
		phrases, answers = append(phrases, c.phrases), append(answers, c.answers)
	}
	return phrases, answers
}

// ConceptRow is the concept table's row whose phrase is key, -1 if none.
func ConceptRow(key string) int {
	c := conceptOf(key)
	for i := range concepts {
		if c == &concepts[i] {
			return i
		}
	}
	return -1
}
