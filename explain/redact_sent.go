package explain

import (
	"bytes"
	"strings"
)

// S11: a credential the input shows a request sending (curl -v's
// "> Authorization: Bearer ...", a Cookie, an API-key header, `-u
// user:pass`) is hidden wherever else it appears: a server that answers
// "token abc123 is not valid" repeats it in a body errcode would
// otherwise quote. The other rows find credentials by their look; this
// one by what the input itself says is one.

// sentSecretMarks: the input holds nothing S11 reads unless it holds one
// of these (a cheap test before the patterns run).
var sentSecretMarks = [][]byte{[]byte("uthorization"), []byte("UTHORIZATION"), []byte("earer "), []byte("EARER "), []byte("ookie:"), []byte("OOKIE:"), []byte("pi-key"), []byte("pi-Key"), []byte("PI-KEY"), []byte("uth-Token"), []byte("uth-token"), []byte("oken: "), []byte("pi_key"), []byte("-u "), []byte("--user "), []byte("oken:"), []byte("OKEN:")}

var (
	// sentHeader: a credential header's value, as a request line or a
	// command line writes it.
	sentHeader = &lazyRE{expr: `(?im)(?:^> |-H ['"]?|^)(authorization|proxy-authorization|cookie|x-api-key|api-key|x-auth-token|private-token|x-access-token)\s*:\s*([^\r\n'"]+)`}
	// sentUser: curl's -u user:password.
	sentUser = &lazyRE{expr: `(?:^|\s)(?:-u|--user)\s+['"]?[^:\s'"]*:([^\s'"]+)`}
)

// sentSecrets are the credentials data shows being sent, at least 6
// bytes each, at most 16 of them.
func sentSecrets(data []byte) []string {
	hit := false
	for _, m := range sentSecretMarks {
		if bytes.Contains(data, m) {
			hit = true
			break
		}
	}
	if !hit {
		return nil
	}
	var out []string
	add := func(v string) {
		v = strings.TrimSpace(v)
		if len(v) >= 6 && len(out) < 16 && !strings.EqualFold(v, "REDACTED") {
			out = append(out, v)
		}
	}
	for _, m := range sentHeader.get().FindAllSubmatch(data, 64) {
		name, value := strings.ToLower(string(m[1])), string(m[2])
		switch name {
		case "cookie":
			for _, kv := range strings.Split(value, ";") {
				if _, v, ok := strings.Cut(kv, "="); ok {
					add(v)
				}
			}
		case "authorization", "proxy-authorization":
			if _, cred, ok := strings.Cut(strings.TrimSpace(value), " "); ok {
				add(cred) // after the scheme
			} else {
				add(value)
			}
		default:
			add(value)
		}
	}
	for _, m := range sentUser.get().FindAllSubmatch(data, 16) {
		add(string(m[1]))
	}
	return out
}

// hideSent replaces each of the secrets in s.
func hideSent(s string, secrets []string) string {
	for _, v := range secrets {
		if strings.Contains(s, v) {
			s = strings.ReplaceAll(s, v, "REDACTED")
		}
	}
	return s
}
