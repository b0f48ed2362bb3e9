package explain

import (
	"net/url"
	"strings"

	"github.com/errcode-dev/errcode/catalog"
)

// Credentials a URL may carry are hidden wherever a URL is shown: the
// userinfo (https://user:pass@host, //user:pass@host, at any depth of a
// redirect chain) and the values of parameters named like secrets, in the
// query and in the fragment (the OAuth implicit flow's #access_token=), with
// & or ; between them, and names percent-encoded (%74oken=) or not.

// secretWords are parameter-name parts that mark a secret wherever they
// stand in a name ("api_key", "X-Amz-Signature", "refresh_token").
var secretWords = []string{"key", "token", "secret", "password", "passwd", "passphrase", "signature", "auth", "credential", "session", "bearer", "hmac", "jwt", "cookie", "private"}

// secretNames are short names that mark a secret only as the whole name
// (so "sid" hides a session id, but "side" stays).
var secretNames = []string{"pw", "pwd", "pass", "sid", "sig", "code", "apikey", "otp", "pin"}

// redactURL hides the credentials in u.
func redactURL(u string) string {
	if u == "" {
		return u
	}
	u = redactUserinfo(u)
	base, frag, hasFrag := strings.Cut(u, "#")
	path, query, hasQuery := strings.Cut(base, "?")
	if p, params, ok := strings.Cut(path, ";"); ok { // path parameters: /x;jsessionid=...
		path = p + ";" + redactParams(params)
	}
	path = redactPath(path)
	base = path
	if hasQuery {
		base += "?" + redactParams(query)
	}
	if hasFrag {
		base += "#" + redactParams(frag)
	}
	return base
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

// redactParams hides the values of secret-named parameters in a query or
// fragment, keeping its separators (& or ;) as they were.
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

func secretName(name string) bool {
	if n, err := url.QueryUnescape(name); err == nil {
		name = n
	}
	n := strings.ToLower(strings.TrimSpace(name))
	for _, s := range secretNames {
		if n == s {
			return true
		}
	}
	for _, s := range secretWords {
		if strings.Contains(n, s) {
			return true
		}
	}
	return false
}

// Credentials some APIs put in the path itself: Telegram's bot token
// (/bot123456:AAH.../sendMessage), the secret of a Slack or Discord webhook
// (hooks.slack.com/services/T../B../SECRET, /api/webhooks/ID/TOKEN), and
// any segment that starts like a well-known key (sk_live_, xoxb-, ghp_...).
var keyPrefixes = []string{"sk_live_", "sk_test_", "rk_live_", "sk-", "xoxb-", "xoxp-", "xoxa-", "xapp-", "ghp_", "gho_", "ghs_", "github_pat_", "glpat-", "AKIA", "ASIA", "AIza"}

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
			for _, p := range keyPrefixes {
				if strings.HasPrefix(s, p) && len(s) >= len(p)+8 {
					segs[i] = "REDACTED"
				}
			}
		}
	}
	return strings.Join(segs, "/")
}
