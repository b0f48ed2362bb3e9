package explain

import (
	"net/url"
	"strings"

	"github.com/errcode-dev/errcode/catalog"
)

// Redaction: what errcode echoes from its input (a URL, a tool's line, a
// shell prompt, a note, an error's message and details, in text and in
// --json) never shows a credential. One pass, redactText, runs over every
// such string of a Diagnosis (Diagnosis.redact); its rows are the
// redaction table below, the same in the README. A body's JSON is redacted
// by the same names before any reader sees it (redactJSON), since a value
// read out of it no longer says which key it was under.

// secretWord is a part of a name that marks its value as a secret.
type secretWord struct {
	word string
	// whole: only the whole name marks a secret ("sid" hides a session
	// id; "side" stays).
	whole bool
	// paramsOnly: only in a URL's parameters or a form body, where OAuth
	// puts its authorization code; in JSON and text, "code" is an error's
	// code.
	paramsOnly bool
}

// secretWords is the one list of names that mark a secret, in every
// context a name appears in: a URL's parameters, a form field, a header, a
// JSON or dict key, a name=value or name: value in text.
var secretWords = []secretWord{
	{word: "key"}, {word: "token"}, {word: "secret"}, {word: "password"}, {word: "passwd"}, {word: "passphrase"},
	{word: "signature"}, {word: "auth"}, {word: "credential"}, {word: "session"}, {word: "bearer"}, {word: "hmac"},
	{word: "jwt"}, {word: "cookie"}, {word: "private"},
	{word: "pw", whole: true}, {word: "pwd", whole: true}, {word: "pass", whole: true}, {word: "sid", whole: true},
	{word: "sig", whole: true}, {word: "apikey", whole: true}, {word: "otp", whole: true}, {word: "pin", whole: true},
	{word: "code", whole: true, paramsOnly: true},
}

// notSecretWords are parts of a name that say its value describes a
// secret rather than holds one: "token_type", "error_token" (an error's
// name), "key_expires_at", "x-ratelimit-remaining-tokens".
var notSecretWords = []string{"error", "type", "expire", "limit", "remaining", "reset", "count", "scope", "length", "url", "uri"}

// credentialHeaders carry a credential whatever their value looks like.
var credentialHeaders = []string{"authorization", "proxy-authorization", "cookie", "set-cookie"}

// secretName: name marks a secret in a URL's parameters or a form.
func secretName(name string) bool { return isSecret(name, true) }

// secretKey: name, a JSON key, a header or a name in text, marks a secret.
func secretKey(name string) bool { return isSecret(name, false) }

func isSecret(name string, params bool) bool {
	if strings.ContainsAny(name, "%+") {
		if n, err := url.QueryUnescape(name); err == nil {
			name = n
		}
	}
	n := strings.ToLower(strings.TrimSpace(name))
	if n == "" {
		return false
	}
	for _, h := range credentialHeaders {
		if n == h {
			return true
		}
	}
	for _, w := range notSecretWords {
		if strings.Contains(n, w) {
			return false
		}
	}
	for _, s := range secretWords {
		switch {
		case s.paramsOnly && !params:
		case s.whole && n == s.word, !s.whole && strings.Contains(n, s.word):
			return true
		}
	}
	return false
}

// oneWord: a value under a secret name is hidden when it is one word. A
// credential has no spaces; a message ("is too short", "The access token
// expired") has, and says what went wrong.
func oneWord(v string) bool {
	v = strings.TrimSpace(v)
	return v != "" && !strings.ContainsAny(v, " \t\n")
}

// redactJSON hides, in place, the one-word values of v's secret-named
// keys, at any depth: {"access_token": "..."}, an ErrorInfo's metadata
// {"api_key": "..."}. A list under such a key (Rails' {"password": ["is too
// short"]}) is a list of messages, each kept or hidden alone.
func redactJSON(v any) { redactTree(v, map[string]bool{}) }

// redactTree is redactJSON with the names already judged: a long list of
// objects repeats the same few keys.
func redactTree(v any, judged map[string]bool) {
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			secret, ok := judged[k]
			if !ok {
				secret = secretKey(k)
				judged[k] = secret
			}
			if secret {
				x[k] = redactValue(val)
				continue
			}
			redactTree(val, judged)
		}
	case []any:
		for _, e := range x {
			redactTree(e, judged)
		}
	}
}

// redactValue is what a secret-named key's value becomes.
func redactValue(v any) any {
	switch x := v.(type) {
	case string:
		if oneWord(x) {
			return "REDACTED"
		}
	case number:
		return "REDACTED"
	case []any:
		for i, e := range x {
			x[i] = redactValue(e)
		}
	case map[string]any:
		redactJSON(x)
	}
	return v
}

// redactURL hides the credentials in u: rows S1 to S3.
func redactURL(u string) string {
	if u == "" {
		return u
	}
	return urlPath(urlParams(redactUserinfo(u)))
}

// redactUserinfo replaces user:password@ before the host, after a scheme's
// :// or at the start of a scheme-relative //host.
func redactUserinfo(u string) string {
	start := -1
	if i := strings.Index(u, "://"); i >= 0 {
		start = i + 3
	} else if strings.HasPrefix(u, "//") {
		start = 2
	}
	if start < 0 {
		return u
	}
	rest := u[start:]
	hostEnd := strings.IndexAny(rest, "/?#")
	if hostEnd < 0 {
		hostEnd = len(rest)
	}
	if at := strings.LastIndexByte(rest[:hostEnd], '@'); at >= 0 {
		return u[:start] + "REDACTED@" + rest[at+1:]
	}
	return u
}

// redactParams hides the values of secret-named parameters in a query,
// fragment or form body, keeping its separators (& or ;) as they were.
func redactParams(q string) string {
	var b strings.Builder
	for q != "" {
		i := strings.IndexAny(q, "&;")
		param, sep := q, ""
		if i >= 0 {
			param, sep, q = q[:i], q[i:i+1], q[i+1:]
		} else {
			q = ""
		}
		if name, _, ok := strings.Cut(param, "="); ok && secretName(name) {
			param = name + "=REDACTED"
		}
		b.WriteString(param)
		b.WriteString(sep)
	}
	return b.String()
}

// Credentials some APIs put in the path itself: Telegram's bot token
// (/bot123456:AAH.../sendMessage), the secret of a Slack or Discord webhook
// (hooks.slack.com/services/T../B../SECRET, /api/webhooks/ID/TOKEN), and
// any segment that starts like a well-known key (sk_live_, xoxb-, ghp_...).
var keyPrefixes = []string{"sk_live_", "sk_test_", "rk_live_", "rk_test_", "sk-", "xoxb-", "xoxp-", "xoxa-", "xoxe-", "xapp-",
	"ghp_", "gho_", "ghs_", "ghu_", "ghr_", "github_pat_", "glpat-", "AKIA", "ASIA", "AIza", "ya29."}

// redactPath hides the credentials a URL's path carries.
func redactPath(path string) string {
	segs := strings.Split(path, "/")
	for i, s := range segs {
		switch {
		case strings.HasPrefix(s, "bot") && strings.Contains(s, ":") && catalog.IsDigits(s[3:strings.IndexByte(s, ':')]):
			segs[i] = "botREDACTED"
		case i >= 3 && segs[i-3] == "services" && strings.Contains(path, "hooks.slack.com"):
			segs[i] = "REDACTED"
		case i >= 2 && segs[i-2] == "webhooks" && i > 0 && catalog.IsDigits(segs[i-1]):
			segs[i] = "REDACTED"
		default:
			if knownKey(s) {
				segs[i] = "REDACTED"
			}
		}
	}
	return strings.Join(segs, "/")
}

// knownKey: s starts like a well-known key and is long enough to be one.
func knownKey(s string) bool {
	for _, p := range keyPrefixes {
		if strings.HasPrefix(s, p) && len(s) >= len(p)+8 {
			return true
		}
	}
	return false
}
