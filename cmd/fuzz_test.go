package cmd

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/errcode-dev/errcode/render"
)

// What errcode prints never carries a raw control or invisible character
// from its input, whichever command prints it, and its JSON is valid. The
// input is a response for explain and a user catalog for lookup and
// completion.
func FuzzCommandOutput(f *testing.F) {
	responses, _ := filepath.Glob("testdata/responses/*")
	for i, p := range responses {
		if i%4 == 0 { // a sample: the fuzzer mutates them
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	f.Add([]byte("id: evil\nname: \"\\e]52;c;aGk=\\a\\u202e\"\nentries:\n  - code: \"E\\x1b[2J1\"\n    token: \"T\\u0085ok\"\n    title: \"\\b\\b\\rX\\u200bY\"\n  - code: E2\n    title: \"\\u009b31m red\"\n"))
	f.Add([]byte("HTTP/1.1 500 \x1b]0;x\x07\r\nX-Request-Id: \xc2\x9b2J\r\n\r\n{\"error\":{\"code\":\"\\u202ex\",\"message\":\"a\\u0000b\\u009bc\"}}"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		cat := filepath.Join(dir, "fuzz.yaml")
		if err := os.WriteFile(cat, data, 0o644); err != nil {
			t.Fatal(err)
		}
		env := []string{"XDG_CONFIG_HOME=" + dir + "/none"} // no HOME: no cache to write
		for _, args := range [][]string{
			{"explain"},
			{"explain", "--json"},
			{"--catalog-file", cat, "lookup", "E"},
			{"--catalog-file", cat, "lookup", "E", "--json"},
			{"--catalog-file", cat, "catalogs", "--json"},
			{"--catalog-file", cat, "__complete", "lookup", ""},
			{"--catalog-file", cat, "__complete", "lookup", "--catalog", ""},
			{"--catalog-file", cat, "__complete", "lookup", "T"},
			{"--catalog-file", cat, "__complete", "explain", "--status", "4"},
		} {
			ios, in, out, _ := Test(env...)
			in.Write(data)
			code := Run(ios, args)
			s := out.String()
			if code == 2 && s != "" {
				t.Fatalf("errcode %v failed with exit 2 yet printed to stdout:\n%q", args, s)
			}
			for i, r := range s {
				if r == '\n' || r == '\t' {
					continue
				}
				if render.Unsafe(r) || r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD") {
					t.Fatalf("errcode %v printed U+%04X raw at %d:\n%q", args, r, i, s)
				}
			}
			if args[len(args)-1] == "--json" && code != 2 && !json.Valid(out.Bytes()) {
				t.Fatalf("errcode %v printed invalid JSON:\n%s", args, s)
			}
		}
	})
}

// No credential is echoed, wherever it stands in what errcode is given.
// The oracle knows nothing of errcode's list of secret names: each template
// puts a secret where a person knows one is (a header, a URL, a form, a
// JSON key, a command line), among whatever the fuzzer adds around it, and
// the secret must not appear in the text or JSON errcode prints.
func FuzzNoSecretEchoed(f *testing.F) {
	templates := []string{
		"$ curl -si -H 'Authorization: Bearer %s' https://api.example.com/v1\n",
		"$ curl -s -u ada:%s https://api.example.com/v1\n",
		"$ curl -s -H 'X-Api-Key: %s' -b 'session=x' https://api.example.com/v1\n",
		"Location: https://ada:%s@api.example.com/next\n",
		"https://api.example.com/v1/things?access_token=%s:\n",
		"{\"username\": \"ada\", \"password\": \"%s\"}\n",
		"{\"error\":{\"message\":\"denied\",\"details\":[{\"metadata\":{\"api_key\":\"%s\"}}]}}\n",
		"access_token=%s&scope=repo&token_type=bearer\n",
		"http: error: ConnectionError: while doing a GET request to URL: http://ada:%s@127.0.0.1:1/x\n",
		"> Cookie: theme=dark; sid=%s\n",
		"token: %s\n",
		"Authorization: Basic %s\n",
		"HTTP/1.1 401 Unauthorized\r\n\r\n{\"error\": \"sk_live_%s\"}\n",
		// S11: the body repeats the credential the request sent.
		"> Authorization: Bearer %[1]s\n< HTTP/1.1 401 Unauthorized\n<\n{\"message\":\"token %[1]s is not valid\"}\n",
		// Logs: a record's URL, error text and message are shown.
		"{\"level\":\"error\",\"ts\":1796628423.66,\"msg\":\"call failed\",\"url\":\"https://api.example.com/v1?api_key=%s\",\"error\":\"unexpected status 401 Unauthorized\"}\n",
		"2026-12-07 10:02:11,000 ERROR app: auth failed with Authorization: Bearer %s\n",
		"time=2026-12-07T10:02:11Z level=error msg=\"login failed\" err=\"Post \\\"https://ada:%s@api.example.com/login\\\": EOF\"\n",
	}
	f.Add([]byte("HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\n\r\n"), []byte("{\"error\":\"x\"}"), uint8(0), "s3cretValue42")
	f.Add([]byte(""), []byte("HTTP/1.1 403 Forbidden\r\n\r\n"), uint8(3), "Zq7pW2xKe9")
	f.Add([]byte("HTTP/1.1 400 Bad Request\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n"), []byte(""), uint8(7), "gho16C7e42F292c6912E")
	f.Add([]byte("2026-12-07 10:00:00 ERROR 503: Service Unavailable.\n"), []byte(""), uint8(4), "tok3nAbcdefgh")
	f.Add([]byte("* Connected\n> GET /v1 HTTP/1.1\n"), []byte(""), uint8(13), "plainLook1ngVal")
	f.Fuzz(func(t *testing.T, before, after []byte, which uint8, secret string) {
		if len(before)+len(after) > 1<<14 || !credentialLike(secret) || strings.Contains(string(before)+string(after), secret) {
			return
		}
		tmpl := templates[int(which)%len(templates)]
		other := strings.Repeat("Q", len(secret)) // the same input with another secret
		for _, args := range [][]string{{"explain"}, {"explain", "--json"}} {
			run := func(s string) string {
				ios, in, out, _ := Test("XDG_CONFIG_HOME=/nonexistent")
				in.Write(before)
				fmt.Fprintf(in, tmpl, s)
				in.Write(after)
				Run(ios, args)
				return out.String()
			}
			if strings.Contains(run(other), secret) {
				return // errcode's own words contain it
			}
			if got := run(secret); strings.Contains(got, secret) {
				t.Fatalf("errcode %v echoed the secret %q of %q:\n%s", args, secret, tmpl, got)
			}
		}
	})
}

// credentialLike: s is a plausible secret: 10 to 40 letters and digits,
// both, so it cannot be a word errcode prints anyway.
func credentialLike(s string) bool {
	if len(s) < 10 || len(s) > 40 {
		return false
	}
	letters, digits := false, false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits = true
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
			letters = true
		default:
			return false
		}
	}
	return letters && digits
}
