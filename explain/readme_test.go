package explain

import (
	"os"
	"strings"
	"testing"
)

// The verdict tables in the README are the tables in the code: every row,
// in order, with the same words. Change one and this fails until the
// other says the same.
func TestREADMETables(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	check := func(table string, rows [][2]string) {
		at := 0
		for _, r := range rows {
			line := "| " + r[0] + " | " + r[1] + " |"
			i := strings.Index(readme[at:], line)
			if i < 0 {
				t.Errorf("%s: the README lacks (in order) the row %q", table, line)
				continue
			}
			at += i + len(line)
		}
	}
	var failed, retry, ids [][2]string
	for _, r := range failedRules {
		failed = append(failed, [2]string{r.id, r.says})
	}
	for _, r := range retryRules {
		retry = append(retry, [2]string{r.id, r.says})
	}
	for _, r := range requestIDRules {
		ids = append(ids, [2]string{r.id, r.says})
	}
	check("failed", failed)
	check("retry", retry)
	check("request id", ids)
	check("attribution", attributionRows[:])
	var redaction [][2]string
	for _, r := range redactRules {
		redaction = append(redaction, [2]string{r.id, r.says})
	}
	check("redaction", redaction)
	var ranks [][2]string
	for _, r := range logRanks {
		ranks = append(ranks, [2]string{r.id, r.says})
	}
	check("log ranks", ranks)
	// The README's words for secret names are the list's.
	words := readme[strings.Index(readme, "A name marks a secret when"):]
	words = words[:strings.Index(words, "\n\n")]
	var names []string
	for _, w := range secretWords {
		names = append(names, w.word)
	}
	for _, w := range append(names, notSecretWords...) {
		if !strings.Contains(words, "`"+w+"`") {
			t.Errorf("the README's paragraph on secret names lacks `%s`", w)
		}
	}
	if n := strings.Count(words, "`"); n != 2*(len(names)+len(notSecretWords)+3) { // + token_type, error_token, the file
		t.Errorf("the README's paragraph on secret names quotes %d names, the lists hold %d", n/2-3, len(names)+len(notSecretWords))
	}
}
