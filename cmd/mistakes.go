package cmd

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/answer"
)

// lookupWould reports whether words given where a command belongs
// ("errcode 404", "errcode rate limit") are a lookup's query: a code (a
// short word with a digit), or words lookup finds as a code, token, status
// or range. Loose text matches do not count: nearly any word has some.
func lookupWould(ix *catalog.Index, args []string) bool {
	q := strings.Join(args, " ")
	if len(q) > answer.MaxQuery || catalog.Key(q) == "" {
		return false
	}
	if len(args) == 1 && len(q) <= 40 && strings.ContainsAny(foldDigits(q), "0123456789") {
		return true
	}
	m := ix.Lookup(catalog.Query{Text: q}).Matches
	return len(m) > 0 && m[0].Kind != catalog.MatchText
}

// foldDigits reads full-width digits as ASCII ones.
func foldDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s)
}

// shellJoin writes args as a shell would need them typed: a word with
// anything but letters, digits and -_.:/@%+=, in quotes, double ones when
// nothing in it is special inside them (the hint itself is in single
// quotes).
func shellJoin(args []string) string {
	out := make([]string, len(args))
	for i, a := range args {
		out[i] = shellQuote(a)
	}
	return strings.Join(out, " ")
}

func shellQuote(s string) string {
	plain := s != "" && !strings.ContainsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("-_.:/@%+=,", r)
	})
	switch {
	case plain:
		return s
	case !strings.ContainsAny(s, "\"$`!\\"):
		return `"` + s + `"`
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// parseFailure is what strconv and time say of a value they cannot read,
// inside pflag's "invalid argument" message. Compiled when needed: nothing
// runs at start-up.
const parseFailure = (`(strconv\.Parse(Int|Uint|Float|Bool): parsing "[^"]*": (invalid syntax|value out of range))|time: (invalid duration|unknown unit|missing unit in duration) .*$`)

// plainFlagError rewrites Go's words for a value it could not parse
// ("strconv.ParseInt: parsing "abc": invalid syntax") into what to give.
func plainFlagError(msg string) string {
	return regexp.MustCompile(parseFailure).ReplaceAllStringFunc(msg, func(m string) string {
		switch {
		case strings.HasPrefix(m, "time:"):
			return "give a duration such as 60s or 2m"
		case strings.Contains(m, "ParseBool"):
			return "give true or false"
		case strings.HasSuffix(m, "value out of range"):
			return "the number is too large; give a smaller one"
		case strings.Contains(m, "ParseFloat"):
			return "give a number"
		}
		return "give a whole number"
	})
}
