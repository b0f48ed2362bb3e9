package explain

import (
	"strings"
)

// redactURL hides credentials a URL may carry: user:password@ and the
// values of query parameters named like keys, tokens or signatures.
func redactURL(u string) string {
	if u == "" {
		return u
	}
	if scheme, rest, ok := strings.Cut(u, "://"); ok {
		hostEnd := strings.IndexAny(rest, "/?#")
		if hostEnd < 0 {
			hostEnd = len(rest)
		}
		if at := strings.LastIndexByte(rest[:hostEnd], '@'); at >= 0 {
			rest = "REDACTED@" + rest[at+1:]
		}
		u = scheme + "://" + rest
	}
	base, query, ok := strings.Cut(u, "?")
	if !ok {
		return u
	}
	query, frag, hasFrag := strings.Cut(query, "#")
	params := strings.Split(query, "&")
	for i, p := range params {
		name, _, hasValue := strings.Cut(p, "=")
		if hasValue && secretName(name) {
			params[i] = name + "=REDACTED"
		}
	}
	u = base + "?" + strings.Join(params, "&")
	if hasFrag {
		u += "#" + frag
	}
	return u
}

func secretName(name string) bool {
	n := strings.ToLower(name)
	for _, s := range []string{"key", "token", "secret", "password", "passwd", "signature", "sig", "auth", "credential", "session", "code"} {
		if strings.Contains(n, s) {
			return true
		}
	}
	return false
}
