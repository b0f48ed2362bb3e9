package source

import (
	"os"
	"strings"
	"testing"
)

// The README's example catalog is a valid catalog, `lines:` and all: a
// newcomer copies it first.
func TestREADMEExampleCatalog(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	start := strings.Index(s, "```yaml\n# yaml-language-server")
	if start < 0 {
		t.Fatal("the README has no example catalog (```yaml and the schema line)")
	}
	s = s[start+len("```yaml\n"):]
	s = s[:strings.Index(s, "```")]
	c, problems := Parse("README.md", []byte(s))
	if len(problems) > 0 {
		t.Fatalf("the README's example catalog: %v", problems)
	}
	if len(c.Lines) != 1 || len(c.Entries) == 0 || len(c.Bodies) == 0 {
		t.Errorf("the README's example lost a part: %d lines, %d entries, %d bodies", len(c.Lines), len(c.Entries), len(c.Bodies))
	}
}
