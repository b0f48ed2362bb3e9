package catalog

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// DisplayTitle is the title errcode shows for e, on its card and in a list
// row: the title its source writes; else its message, when that reads as a
// title (one line with no {placeholders}: errno's "no such process", not
// emnify's "{Object} - {field} is required"); else, for an entry with no
// token beside its code, its description (Wontopos's documents give only
// that), unless it is a note with a colon and the name makes a title
// (aws's "Statuses differ by service: ..."); else a title made from its name by TitleFromName (Stripe's
// facts-only card_declined: "Card declined"); else its code. It is "" only
// for an entry with no code. This is the one place a missing title is made
// up, so that every catalog, generated or a user's, reads the same with no
// title in its YAML.
func (e *Entry) DisplayTitle() string {
	if e.Title != "" {
		return e.Title
	}
	if m := e.Message; m != "" && !strings.ContainsAny(m, "{}\n") {
		return upperFirst(m)
	}
	name := e.name()
	if d := e.Description; d != "" && (e.Token == "" || !hasLetter(name)) && !(hasLetter(name) && strings.Contains(d, ": ")) {
		return d // but not a note ("Statuses differ by service: ...") beside a name that makes a title
	}
	if hasLetter(name) {
		return title(name, slices.Contains(severityNamed[:], e.Catalog))
	}
	return e.Code
}

// severityNamed are the catalogs whose constants carry words that only say
// they are errors or statuses: Windows' ERROR_FILE_NOT_FOUND and
// E_ACCESSDENIED, NTSTATUS's STATUS_ACCESS_VIOLATION (see
// dropConstantPrefix). Elsewhere those words mean something: OpenSSL's
// ERROR_IN_EXTENSION, RSA's BAD_E_VALUE.
var severityNamed = [...]string{"windows", "ntstatus"}

// name is what an entry is called in words: its code, or its token where
// the code is only a number ("1101" with token "InvalidCredentials", or a
// hex one: "0x80070005" with token "E_ACCESSDENIED").
func (e *Entry) name() string {
	if (!hasLetter(e.Code) || isHexNumber(e.Code)) && hasLetter(e.Token) {
		return e.Token
	}
	return e.Code
}

// TitleFromName turns an error's name into a title in sentence case:
// words split at _ - . / : and spaces and at camelCase humps, the first
// word capitalised, the others lower case unless an acronym errcode knows
// (API, ID, URL ...) or written in capitals inside a mixed-case name
// (InvalidARN); a type-name suffix dropped (Exception, Fault, and Error
// after a word that says a state: see typeSuffixes). A name with no letters ("404",
// "2200-2299") stays as it is.
//
//	NoSuchKey           -> No such key
//	card_declined       -> Card declined
//	ThrottlingException -> Throttling
//	RESOURCE_EXHAUSTED  -> Resource exhausted
//	invalid_api_key     -> Invalid API key
//	ER_NO_SUCH_TABLE    -> No such table
func TitleFromName(name string) string { return title(name, false) }

// title is TitleFromName; with constant, also without the words of an
// upper-case constant that only say it is an error (dropConstantPrefix:
// Windows' ERROR_FILE_NOT_FOUND -> File not found).
func title(name string, constant bool) string {
	name = strings.TrimSpace(name)
	if !hasLetter(name) {
		return name
	}
	name = dropNamePrefix(name)
	mixed := hasLower(name) && hasUpper(name)
	words := dropTypeSuffix(splitName(name))
	if constant && !hasLower(name) {
		words = dropConstantPrefix(words)
	}
	for i, w := range words {
		words[i] = titleWord(w, i == 0, mixed)
	}
	return strings.Join(words, " ")
}

// namePrefixes start every name of a vocabulary and say nothing a title
// needs: MySQL's server errors (ER_DUP_ENTRY) and client errors
// (CR_SERVER_LOST).
var namePrefixes = [...]string{"ER_", "CR_"}

// dropNamePrefix is name without its vocabulary's prefix, when a word
// follows it.
func dropNamePrefix(name string) string {
	for _, p := range namePrefixes {
		if rest, ok := strings.CutPrefix(name, p); ok && hasLetter(rest) {
			return rest
		}
	}
	return name
}

// acronyms are written this way wherever they are a word of a name, in
// whatever case the name has them. (Arrays, not maps: nothing to build at
// start-up.)
var acronyms = [...]string{
	"ACH", "ACL", "ACSS", "API", "ARN", "AWS", "BECS", "CPU", "CVC", "CVV", "DB", "DNS", "EC2", "ECS", "EKS",
	"GPU", "HTML", "HTTP", "HTTPS", "IAM", "IBAN", "ID", "IDs", "IO", "IP", "JSON", "JWT", "KMS", "MFA", "OAuth",
	"OTP", "PIN", "RDS", "S3", "SAML", "SEPA", "SMS", "SNS", "SQL", "SQS", "SSH", "SSL", "SSN", "SSO", "TLS",
	"TTL", "URI", "URL", "UUID", "VAT", "VPC", "XML",
}

// typeSuffixes end the names of exception classes (AWS's
// ThrottlingException, RDS's DBInstanceNotFoundFault) and say nothing a
// title needs, unless the word before them needs them (keepSuffixAfter:
// "Internal server exception"). Error is an English word too: it goes only
// after a word that says a state ("not_found_error": "Not found"), and stays
// after a noun ("Validation error", "Storage read error", "Invalid request
// error").
var typeSuffixes = [...]string{"exception", "fault", "error"}

var keepSuffixAfter = [...]string{
	"api", "client", "database", "generic", "internal", "network", "parse", "runtime", "server", "service",
	"system", "unexpected", "unknown",
}

// statesOf: a word before Error that says a state, besides a past
// participle's -ed ("denied", "exceeded").
var statesOf = [...]string{"found", "exists", "unavailable", "invalid"}

// among reports whether w is one of list, ignoring case, and how list
// spells it.
func among(w string, list []string) (string, bool) {
	for _, x := range list {
		if strings.EqualFold(w, x) {
			return x, true
		}
	}
	return "", false
}

func dropTypeSuffix(words []string) []string {
	n := len(words)
	if n < 2 {
		return words
	}
	last, suffix := among(words[n-1], typeSuffixes[:])
	before := strings.ToLower(words[n-2])
	if _, keep := among(before, keepSuffixAfter[:]); !suffix || keep {
		return words
	}
	if _, state := among(before, statesOf[:]); last == "error" && !(n > 2 && (state || strings.HasSuffix(before, "ed"))) {
		return words
	}
	return words[:n-1]
}

// dropConstantPrefix drops the words of an upper-case constant's name
// that only say it is an error: a leading ERROR (Windows'
// ERROR_FILE_NOT_FOUND) or STATUS (NTSTATUS's STATUS_ACCESS_VIOLATION), and an HRESULT's severity E, first or after its
// facility (E_ACCESSDENIED, RPC_E_DISCONNECTED; RPC_S_ for a status). A
// name left with no other word keeps them.
func dropConstantPrefix(words []string) []string {
	if len(words) > 1 && (words[0] == "ERROR" || words[0] == "STATUS") {
		words = words[1:]
	}
	switch {
	case len(words) > 1 && words[0] == "E":
		words = words[1:]
	case len(words) > 2 && (words[1] == "E" || words[1] == "S"):
		words = append([]string{words[0]}, words[2:]...)
	}
	return words
}

// isHexNumber: s is a number written in hex ("0x80070005").
func isHexNumber(s string) bool {
	if len(s) < 3 || s[0] != '0' || s[1] != 'x' && s[1] != 'X' {
		return false
	}
	for _, c := range s[2:] {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// splitName splits at separators and at camelCase humps: before an upper
// case letter that follows a lower case letter or a digit (NoSuch,
// S3Bucket), and before the last capital of a run followed by a lower case
// letter (SSLError -> SSL Error). Digits stay with their word (S3, EC2).
func splitName(s string) []string {
	var words []string
	rs := []rune(s)
	start := -1
	for i := 0; i <= len(rs); i++ {
		if i == len(rs) || !unicode.IsLetter(rs[i]) && !unicode.IsDigit(rs[i]) {
			if start >= 0 {
				words = append(words, string(rs[start:i]))
			}
			start = -1
			continue
		}
		if start < 0 {
			start = i
			continue
		}
		prev, r := rs[i-1], rs[i]
		hump := unicode.IsUpper(r) && (unicode.IsLower(prev) || unicode.IsDigit(prev))
		acronymEnd := unicode.IsUpper(r) && unicode.IsUpper(prev) && i+1 < len(rs) && unicode.IsLower(rs[i+1])
		if hump || acronymEnd {
			words = append(words, string(rs[start:i]))
			start = i
		}
	}
	return words
}

// titleWord writes one word of a title: an acronym as the table has it,
// capitals kept where a mixed-case name wrote a word in capitals,
// otherwise lower case, the first word capitalised.
func titleWord(w string, first, mixed bool) string {
	if a, ok := among(w, acronyms[:]); ok {
		return a
	}
	if mixed && len([]rune(w)) > 1 && !hasLower(w) {
		return w // InvalidARN's ARN, known or not
	}
	w = strings.ToLower(w)
	if first {
		return upperFirst(w)
	}
	return w
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

func hasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }
func hasLower(s string) bool  { return strings.IndexFunc(s, unicode.IsLower) >= 0 }
func hasUpper(s string) bool  { return strings.IndexFunc(s, unicode.IsUpper) >= 0 }
