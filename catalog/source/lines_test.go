package source

import (
	"strings"
	"testing"
)

func TestLineProblem(t *testing.T) {
	for pattern, want := range map[string]string{
		`An error occurred \((?P<code>\w+)\) when calling the (?P<operation>\w+) operation`: "",
		`Error from server \((?P<code>\w+)\): (?P<message>.*)`:                              "",
		`(?P<code>.*)`:                            "literal text",
		`error: (?P<code>\w+)`:                    "literal text", // 7 characters: "error: "
		`An error occurred \((?P<what>\w+)\)`:     `the group "what"`,
		`An error occurred \((\w+)\)`:             "captures neither",
		`An error occurred \((?P<token>\w+)\)`:    "",
		`An error occurred \((?P<code>\w+`:        "not a regular expression",
		`(?:An error occurred)? (?P<code>\w+)`:    "literal text", // optional text is no signature
		strings.Repeat("a", 1100) + `(?P<code>x)`: "at most 1024",
	} {
		got := LineProblem(pattern)
		if want == "" && got != "" || want != "" && !strings.Contains(got, want) {
			t.Errorf("LineProblem(%.60q) = %q, want %q", pattern, got, want)
		}
	}
}
