package explain

import (
	"regexp"
	"slices"
	"strings"
)

// redactRule is a row of the redaction table: where a credential stands in
// what errcode echoes, and how it is hidden. The rows run in order over
// every string; each leaves "REDACTED" where the credential was.
type redactRule struct {
	id, says string
	apply    func(string) string
}

// redactRules is the redaction table, the same in the README.
var redactRules = []redactRule{
	{"S1", "the user and password before a URL's host (`https://user:pass@host`, `//user:pass@host`)", userinfoInText},
	{"S2", "a secret-named parameter in a URL's query, fragment or path parameters (`?api_key=`, `#access_token=`, `;jsessionid=`)", paramsInText},
	{"S3", "a credential in a URL's path (a Telegram bot token, a Slack or Discord webhook's secret, a segment that starts like a known key)", pathsInText},
	{"S4", "a form body's secret-named values, OAuth's `code` among them (`access_token=…&scope=…`)", redactForm},
	{"S5", "a credential header's value (Authorization, Proxy-Authorization, Cookie, Set-Cookie) wherever the header is written: a `-H` option, a request line, a note", redactHeaders},
	{"S6", "the credential after an auth scheme (`Bearer …`, `Basic …`)", redactSchemes},
	{"S7", "a command line's credential: `-u`, `--user`, `--proxy-user`, `-a`, `--auth` (`user:pass`), `--oauth2-bearer`, `-b` and `--cookie` (`name=value`)", redactFlags},
	{"S8", "a secret-named value in text: `name=value`, and `name: value`, `\"name\": \"value\"`, `'name': 'value'` when the value is one word (a message has spaces; a credential has none)", redactNamed},
	{"S9", "a word that starts like a well-known key (`sk_live_…`, `ghp_…`, `AKIA…`, `xoxb-…`, `AIza…`) or is a JSON Web Token", redactKeys},
	{"S10", "in a body's JSON, before any reader sees it, the one-word values of secret-named keys at any depth (an ErrorInfo's `metadata`, `access_token`)", nil},                                                                             // redactJSON
	{"S11", "a credential the input shows being sent (curl -v's `> Authorization:`, a `-H` API-key or Cookie header, `-u user:pass`), wherever else it appears, whatever it looks like (a body that says \"token abc123 is not valid\")", nil}, // hideSent
}

// redactText runs the redaction table over s.
func redactText(s string) string {
	if s == "" {
		return s
	}
	for _, r := range redactRules {
		if r.apply != nil {
			s = r.apply(s)
		}
	}
	return s
}

// The rows for URLs apply to each URL in a text, and to a path with a
// query as HTTPie quotes it ("with url: /x?api_key=..."). (Functions, not
// closures made at start-up: the table costs nothing until it runs.)
func userinfoInText(s string) string { return inURLs(s, redactUserinfo) }
func paramsInText(s string) string   { return inURLs(s, urlParams) }
func pathsInText(s string) string    { return inURLs(s, urlPath) }

func inURLs(s string, f func(string) string) string {
	if strings.Contains(s, "//") {
		s = urlInText.get().ReplaceAllStringFunc(s, f)
		s = schemeRelative.get().ReplaceAllStringFunc(s, f)
	}
	if strings.Contains(s, "?") || strings.Contains(s, ";") {
		s = pathInText.get().ReplaceAllStringFunc(s, f)
	}
	return s
}

// urlParams hides the secret-named parameters of a URL.
func urlParams(u string) string {
	base, frag, hasFrag := strings.Cut(u, "#")
	path, query, hasQuery := strings.Cut(base, "?")
	if p, params, ok := strings.Cut(path, ";"); ok {
		path = p + ";" + redactParams(params)
	}
	if hasQuery {
		path += "?" + redactParams(query)
	}
	if hasFrag {
		path += "#" + redactParams(frag)
	}
	return path
}

// urlPath hides the credentials in a URL's path.
func urlPath(u string) string {
	end := strings.IndexAny(u, "?#")
	if end < 0 {
		end = len(u)
	}
	return redactPath(u[:end]) + u[end:]
}

var (
	schemeRelative = &lazyRE{expr: `(?:^|[\s'"(=])//[^\s'"/)]*@[^\s'")]+`}
	formBody       = &lazyRE{expr: `^[A-Za-z0-9_.\-%\[\]]+=[^&\s]*(?:&[A-Za-z0-9_.\-%\[\]]+=[^&\s]*)*$`}
	headerInText   = &lazyRE{expr: `(?i)\b(proxy-authorization|authorization|set-cookie|cookie)(\s*:[ \t]*)([^\r\n'"]+)`}
	authScheme     = &lazyRE{expr: `(?i)\b(bearer|basic)(\s+)([A-Za-z0-9._~+/-]{8,}=*)`}
	userFlag       = &lazyRE{expr: `(^|\s)(-u|--user|-U|--proxy-user|-a|--auth)(\s+|=)(['"]?)([^\s'":]*):([^\s'"]+)`}
	valueFlag      = &lazyRE{expr: `(^|\s)(--oauth2-bearer|-b|--cookie)(\s+|=)("[^"]*"|'[^']*'|[^\s'"]+)`}
	assignment     = &lazyRE{expr: `([A-Za-z0-9_.\-\[\]%]{1,64})=("[^"\n]*"|'[^'\n]*'|[^\s&;,?#"'<>)\]}]*[^\s&;,?#"'<>)\]}:.])`} // not the sentence's colon or full stop after it
	quotedKey      = &lazyRE{expr: `(["'])([^"'\s]{1,64})(["'])(\s*:\s*)("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^\s,{}\[\]"']+)`}
	bareKey        = &lazyRE{expr: `(^|[^A-Za-z0-9_.\-])([A-Za-z0-9_][A-Za-z0-9_.\-]{0,63}):[ \t]+`}
	jwt            = &lazyRE{expr: `\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*`}
	knownKeyWord   = &lazyRE{build: knownKeyExpr}
)

func knownKeyExpr() string {
	var alts []string
	for _, p := range keyPrefixes {
		alts = append(alts, regexp.QuoteMeta(p))
	}
	return `\b(?:` + strings.Join(alts, "|") + `)[A-Za-z0-9_\-.]{8,}`
}

// redactForm: a whole string of name=value pairs is a form body, read by
// the rules of a URL's query.
func redactForm(s string) string {
	t := strings.TrimSpace(s)
	if !strings.Contains(t, "=") || !formBody.get().MatchString(t) {
		return s
	}
	return strings.Replace(s, t, redactParams(t), 1)
}

func redactHeaders(s string) string {
	if !strings.Contains(s, ":") {
		return s
	}
	return headerInText.get().ReplaceAllString(s, "${1}${2}REDACTED")
}

func redactSchemes(s string) string {
	if !containsFold(s, "bearer") && !containsFold(s, "basic") {
		return s // the regexp's prefilter: most strings name no scheme
	}
	return authScheme.get().ReplaceAllStringFunc(s, func(m string) string {
		sub := authScheme.get().FindStringSubmatch(m)
		cred := sub[3]
		// A credential is a long string or has digits or punctuation;
		// "Bearer authentication" is prose.
		if len(cred) < 20 && !strings.ContainsAny(cred, "0123456789._~+/-=") {
			return m
		}
		return sub[1] + sub[2] + "REDACTED"
	})
}

func redactFlags(s string) string {
	if !strings.Contains(s, "-") {
		return s
	}
	s = userFlag.get().ReplaceAllString(s, "${1}${2}${3}${4}${5}:REDACTED")
	return valueFlag.get().ReplaceAllStringFunc(s, func(m string) string {
		sub := valueFlag.get().FindStringSubmatch(m)
		v := sub[4]
		if sub[2] != "--oauth2-bearer" && !strings.Contains(v, "=") {
			return m // -b FILE reads cookies from a file
		}
		q := ""
		if v[0] == '"' || v[0] == '\'' {
			q = v[:1]
		}
		return sub[1] + sub[2] + sub[3] + q + "REDACTED" + q
	})
}

func redactNamed(s string) string {
	if strings.Contains(s, "=") {
		s = assignment.get().ReplaceAllStringFunc(s, func(m string) string {
			name, v, _ := strings.Cut(m, "=")
			if !secretKey(strings.TrimLeft(name, "-")) || strings.Trim(v, `"'`) == "REDACTED" {
				return m
			}
			return name + "=" + requote(v)
		})
	}
	if !strings.Contains(s, ":") {
		return s
	}
	s = quotedKey.get().ReplaceAllStringFunc(s, func(m string) string {
		sub := quotedKey.get().FindStringSubmatch(m)
		if sub[1] != sub[3] || !hidden(sub[2], sub[5]) {
			return m
		}
		return sub[1] + sub[2] + sub[3] + sub[4] + requote(sub[5])
	})
	return redactBareKeys(s)
}

// redactBareKeys hides the one-word values of secret-named "name: value"
// pairs in text. A value runs to a comma, semicolon, brace or the line's
// end, or to the closing quote when the name follows one (-H 'X-Api-Key:
// ...'), and never past the next name: pairs are found first, so one
// pair's value cannot swallow the next.
func redactBareKeys(s string) string {
	idx := bareKeys(s)
	if idx == nil {
		return s
	}
	var b strings.Builder
	last := 0
	for i, m := range idx {
		start := m[1] // after "name: "
		end := len(s)
		if i+1 < len(idx) {
			end = max(start, idx[i+1][0]) // the next pair may start in this one's spaces
		}
		stop := ",;}\n"
		if m[3] > m[2] && (s[m[2]] == '\'' || s[m[2]] == '"') {
			stop = s[m[2]:m[3]] + "\n"
		}
		if j := strings.IndexAny(s[start:end], stop); j >= 0 {
			end = start + j
		}
		if !hidden(s[m[4]:m[5]], s[start:end]) {
			continue
		}
		b.WriteString(s[last:start])
		b.WriteString("REDACTED")
		last = end
	}
	b.WriteString(s[last:])
	return b.String()
}

// bareKeys finds every "name: " pair of s. Each search starts again right
// after the last name, not after its match: the space that ends one pair
// ("before the response: token: ...") is what lets the next one start.
func bareKeys(s string) [][]int {
	var out [][]int
	for pos := 0; pos < len(s); {
		m := bareKey.get().FindStringSubmatchIndex(s[pos:])
		if m == nil {
			break
		}
		for i := range m {
			if m[i] >= 0 {
				m[i] += pos
			}
		}
		out = append(out, m)
		pos = m[5] + 1 // past the name and its colon
	}
	return out
}

// hidden: the value v of a key named name in text is a credential.
func hidden(name, v string) bool {
	if !secretKey(name) {
		return false
	}
	v = strings.Trim(strings.TrimSpace(v), `"'`)
	if v == "REDACTED" || v == "" || v == "null" || v == "None" || v == "true" || v == "false" {
		return false
	}
	for _, h := range credentialHeaders {
		if strings.EqualFold(name, h) {
			return true
		}
	}
	return oneWord(v)
}

// requote is REDACTED in v's quotes, if v was quoted.
func requote(v string) string {
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') {
		return v[:1] + "REDACTED" + v[:1]
	}
	return "REDACTED"
}

func redactKeys(s string) string {
	if slices.ContainsFunc(keyPrefixes, func(p string) bool { return strings.Contains(s, p) }) {
		s = knownKeyWord.get().ReplaceAllString(s, "REDACTED")
	}
	if strings.Contains(s, "eyJ") {
		s = jwt.get().ReplaceAllString(s, "REDACTED")
	}
	return s
}

// containsFold: s contains sub, ASCII letters matched in either case.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}
