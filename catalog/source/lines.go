package source

import (
	"fmt"
	"regexp/syntax"
	"slices"
	"strings"
)

// LineGroups are the named groups a catalog's line pattern may use.
var LineGroups = []string{"code", "token", "message", "status", "request_id", "operation", "body", "field"}

// maxLinePattern bounds a line pattern: a signature is a sentence, not a
// program.
const maxLinePattern = 1024

// minLineLiteral is how many literal characters a line pattern needs
// outside its groups: what an SDK prints around the error ("An error
// occurred (", "Error from server ("), so that a pattern cannot claim any
// line at all.
const minLineLiteral = 8

// LineProblem says what is wrong with a line pattern of a catalog's
// `lines:`, "" if nothing: it must be RE2 syntax, name only LineGroups,
// capture a code, a token or a status, and carry a signature of literal
// text.
func LineProblem(pattern string) string {
	if len(pattern) > maxLinePattern {
		return fmt.Sprintf("a pattern of %d bytes; at most %d", len(pattern), maxLinePattern)
	}
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return fmt.Sprintf("%q is not a regular expression (RE2): %v", pattern, err)
	}
	names := map[string]bool{}
	literal := 0
	var walk func(r *syntax.Regexp, inGroup bool)
	walk = func(r *syntax.Regexp, inGroup bool) {
		switch r.Op {
		case syntax.OpCapture:
			if r.Name != "" {
				names[r.Name] = true
			}
			inGroup = true
		case syntax.OpLiteral:
			if !inGroup {
				literal += len(r.Rune)
			}
		}
		for _, s := range r.Sub {
			walk(s, inGroup || r.Op == syntax.OpStar || r.Op == syntax.OpQuest || r.Op == syntax.OpPlus || r.Op == syntax.OpRepeat || r.Op == syntax.OpAlternate)
		}
	}
	walk(re, false)
	for n := range names {
		if !slices.Contains(LineGroups, n) {
			return fmt.Sprintf("the group %q; a line's groups are %s", n, strings.Join(LineGroups, ", "))
		}
	}
	if !names["code"] && !names["token"] && !names["status"] {
		return fmt.Sprintf("%q captures neither (?P<code>...) nor (?P<token>...) nor (?P<status>...)", pattern)
	}
	if literal < minLineLiteral {
		return fmt.Sprintf("%q has %d characters of literal text outside its groups; a line's signature needs %d", pattern, literal, minLineLiteral)
	}
	return ""
}
