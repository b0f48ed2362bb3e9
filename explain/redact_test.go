package explain

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

// Each row of the redaction table hides a credential that no other row
// hides: with the row taken out, the secret shows.
func TestRedactionRows(t *testing.T) {
	cases := map[string]struct{ in, secret, want string }{
		"S1": {"to http://bob:S1SECRETPW@h/x", "S1SECRETPW", "to http://REDACTED@h/x"},
		"S2": {"Location: https://app/cb?code=S2OAUTHCODE1&state=x", "S2OAUTHCODE1", "Location: https://app/cb?code=REDACTED&state=x"},
		"S3": {"POST https://api.telegram.org/bot123456:S3BOTTOKEN1/sendMessage", "S3BOTTOKEN1", "POST https://api.telegram.org/botREDACTED/sendMessage"},
		"S4": {"code=S4CODE12345&state=xyz", "S4CODE12345", "code=REDACTED&state=xyz"},
		"S5": {"> Cookie: theme=dark; sid_x=S5COOKIE2", "S5COOKIE2", "> Cookie: REDACTED"},
		"S6": {"failed with Bearer S6tokenXYZ123", "S6tokenXYZ123", "failed with Bearer REDACTED"},
		"S7": {"$ curl -u bob:S7PASSWORD1 https://h/x", "S7PASSWORD1", "$ curl -u bob:REDACTED https://h/x"},
		"S8": {`{"username": "ada", "password": "S8PASSWORD1"}`, "S8PASSWORD1", `{"username": "ada", "password": "REDACTED"}`},
		"S9": {"the key sk_live_S9KEYVALUE123 was revoked", "S9KEYVALUE123", "the key REDACTED was revoked"},
	}
	for _, r := range redactRules {
		if r.apply == nil {
			continue // S10 is structural: TestRedactJSON
		}
		c, ok := cases[r.id]
		if !ok {
			t.Errorf("%s has no case", r.id)
			continue
		}
		if got := redactText(c.in); got != c.want {
			t.Errorf("%s: redactText(%q) = %q, want %q", r.id, c.in, got, c.want)
		}
		without := c.in
		for _, o := range redactRules {
			if o.id != r.id && o.apply != nil {
				without = o.apply(without)
			}
		}
		if !strings.Contains(without, c.secret) {
			t.Errorf("%s is not needed: the other rows hide %q already (%q)", r.id, c.secret, without)
		}
	}
}

// Pairs of signals that disagree: a secret's name with a message for its
// value, a name that describes a secret, "code" in a URL and in text, a
// cookie file and a cookie, prose and a credential after "Bearer".
func TestRedactionPairs(t *testing.T) {
	for in, want := range map[string]string{
		"password: is too short": "password: is too short",
		"password: hunter2":      "password: REDACTED",
		// a pair right after another (a note's "before the response: "):
		// FuzzNoSecretEchoed found "token: …" shown there
		"before the response: token: 00000000A0":    "before the response: token: REDACTED",
		"Invalid token: The access token expired":   "Invalid token: The access token expired",
		"Authorization: Bearer abc def":             "Authorization: REDACTED",
		"X-Api-Key: k1, service: x":                 "X-Api-Key: REDACTED, service: x",
		"token_type=bearer&expires_in=3600":         "token_type=bearer&expires_in=3600",
		"x-ratelimit-remaining-tokens: 0":           "x-ratelimit-remaining-tokens: 0",
		"failed with code=1405":                     "failed with code=1405",
		`{"code": "1405", "session": "abcd1234"}`:   `{"code": "1405", "session": "REDACTED"}`,
		"https://app/cb?code=abc":                   "https://app/cb?code=REDACTED",
		"curl -b cookies.txt https://h":             "curl -b cookies.txt https://h",
		"curl -b 'theme=dark' https://h":            "curl -b 'REDACTED' https://h",
		"curl --oauth2-bearer abc https://h":        "curl --oauth2-bearer REDACTED https://h",
		"Bearer authentication failed":              "Bearer authentication failed",
		"Bearer eyJhbGciOi.abc":                     "Bearer REDACTED",
		"desk-1234567890ab":                         "desk-1234567890ab",
		"sk-1234567890ab":                           "REDACTED",
		"token eyJhbGciOiJIUzI1.eyJzdWIiOiIxMjM0.s": "token REDACTED",
		"{'password': 'p4ss', 'user': 'ada'}":       "{'password': 'REDACTED', 'user': 'ada'}",
		`{"password": null}`:                        `{"password": null}`,
		"wget --password=hunter2 https://h":         "wget --password=REDACTED https://h",
		"see jsessionid=abc?x=1":                    "see jsessionid=REDACTED?x=1",
	} {
		if got := redactText(in); got != want {
			t.Errorf("redactText(%q) = %q, want %q", in, got, want)
		}
	}
}

// S10: a body's JSON loses its secret-named values before any reader
// takes one out (the reader would not know which key it was under), and
// keeps what only describes a secret.
func TestRedactJSON(t *testing.T) {
	b := readBody([]byte(`{"error":{"message":"bad","details":{"metadata":{"access_token":"S10TOKEN1","pin":1234}}}}`))
	if s := itemsText(b.Items); strings.Contains(s, "S10TOKEN1") || strings.Contains(s, "1234") || !strings.Contains(s, "REDACTED") {
		t.Errorf("a secret under a nested key: %s", s)
	}
	b = readBody([]byte(`{"errors":{"password":["is too short"]},"error_token":"AUTH_FAILED","token_type":"bearer"}`))
	if s := itemsText(b.Items); !strings.Contains(s, "is too short") {
		t.Errorf("a message under a secret's name is kept: %s", s)
	}
	v := b.Value.(map[string]any)
	if v["error_token"] != "AUTH_FAILED" || v["token_type"] != "bearer" {
		t.Errorf("names that describe a secret are kept: %v", v)
	}
}

func itemsText(items []Item) string {
	b, _ := json.Marshal(items)
	return string(b)
}

// The secret-name list decides the same way in every context it is used
// in, but "code" is a secret only among a URL's or a form's parameters.
func TestSecretNames(t *testing.T) {
	for name, want := range map[string][2]bool{ // {params, elsewhere}
		"api_key": {true, true}, "X-Amz-Signature": {true, true}, "%74oken": {true, true}, "sid": {true, true},
		"side": {false, false}, "code": {true, false}, "token_type": {false, false}, "error_token": {false, false},
		"Authorization": {true, true}, "Cookie": {true, true}, "page": {false, false}, "": {false, false},
	} {
		if got := [2]bool{secretName(name), secretKey(name)}; got != want {
			t.Errorf("secret %q = %v, want %v", name, got, want)
		}
	}
}

// Every string of a Diagnosis that echoes the input is redacted, on the
// responses recorded from real tools with credentials in them.
func TestDiagnosisRedacted(t *testing.T) {
	secret := regexp.MustCompile(`PROMPT[A-Z]+\d|HTTPIE[A-Z]+\d|WGETNV[A-Z]+\d|gho_16C7|AIzaSyD4|ya29\.a0|c5e1d2f3|4f1b0e6a`)
	files, _ := filepath.Glob("../cmd/testdata/responses/*")
	ix := catalog.NewIndex(catalog.Builtin())
	n := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil || !secret.Match(data) {
			continue
		}
		n++
		for _, ex := range Parse(data, false).Exchanges {
			d := Diagnose(ex, ix, Options{})
			b, _ := json.Marshal(d)
			if m := secret.Find(b); m != nil {
				t.Errorf("%s: %q is echoed: %s", filepath.Base(f), m, b)
			}
		}
	}
	if n < 7 {
		t.Errorf("%d recordings with credentials, want the 7 recorded for this test", n)
	}
}

func TestRedactNotesAndHops(t *testing.T) {
	d := Diagnosis{Notes: []string{"x Authorization: Bearer abc.def.ghi"}, Hops: []Hop{{Location: "https://u:p@h/", Reason: "ok"}}}
	notes := d.Notes
	d.redact()
	if d.Notes[0] != "x Authorization: REDACTED" || d.Hops[0].Location != "https://REDACTED@h/" {
		t.Errorf("redact: %q %q", d.Notes, d.Hops[0].Location)
	}
	if !slices.Equal(notes, []string{"x Authorization: Bearer abc.def.ghi"}) {
		t.Errorf("redact changed the exchange's own notes: %q", notes)
	}
}

// S11: a credential the request sent is hidden where the response repeats
// it, though nothing in the repeat marks it as one; one too short to be
// told from a word is not.
func TestRedactSent(t *testing.T) {
	in := "> GET /v1 HTTP/1.1\n> Authorization: Bearer S11plainlooking\n> Cookie: theme=dark; sid=S11cookieval\n>\n< HTTP/1.1 401 Unauthorized\n< Content-Type: application/json\n<\n" +
		`{"message":"token S11plainlooking is not valid; session S11cookieval expired; theme dark"}` + "\n"
	d := Diagnose(Parse([]byte(in), false).Exchanges[0], catalog.NewIndex(catalog.Builtin()), Options{})
	msg := d.Findings[0].Message
	if strings.Contains(msg, "S11plainlooking") || strings.Contains(msg, "S11cookieval") || !strings.Contains(msg, "theme dark") {
		t.Errorf("message %q", msg)
	}
	for in, want := range map[string][]string{
		"$ curl -u ada:S11passw0rd https://h/x\n":        {"S11passw0rd"},
		"curl -H 'X-Api-Key: S11apikey99' https://h/x\n": {"S11apikey99"},
		"> Authorization: Basic QWxhZGRpbjpvcGVu\n":      {"QWxhZGRpbjpvcGVu"},
		"> Cookie: a=b\n": nil, // too short to hide safely
		"the body says authorization is needed: ask for a token\n": nil,
	} {
		if got := sentSecrets([]byte(in)); !slices.Equal(got, want) {
			t.Errorf("sentSecrets(%q) = %q, want %q", in, got, want)
		}
	}
}

// What follows a secret in a sentence stays: the colon after a URL's
// hidden parameter, a full stop after a hidden assignment.
func TestRedactKeepsPunctuation(t *testing.T) {
	for in, want := range map[string]string{
		"Get https://h/x?access_token=abc123secret: unexpected EOF": "Get https://h/x?access_token=REDACTED: unexpected EOF",
		"sent password=hunter2secret.":                              "sent password=REDACTED.",
	} {
		if got := redactText(in); got != want {
			t.Errorf("redactText(%q) = %q, want %q", in, got, want)
		}
	}
}
