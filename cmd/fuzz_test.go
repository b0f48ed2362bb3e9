package cmd

import (
	"encoding/json"
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
