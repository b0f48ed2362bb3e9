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
}
