package yamlout

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
)

// What is written parses back to the same strings, whatever they hold.
func TestRoundTrip(t *testing.T) {
	for _, s := range []string{"plain", "a: colon", "quote \" and \\ back", "<html> & co", "tab\there", "ünïcödé", "- dash", "#hash", "null", "true", "0x7"} {
		var b bytes.Buffer
		b.WriteString("x:\n")
		Field(&b, "v", s)
		List(&b, "l", []string{s, s})
		var got struct {
			X struct {
				V string
				L []string
			}
		}
		if err := yaml.Unmarshal(b.Bytes(), &got); err != nil || got.X.V != s || len(got.X.L) != 2 || got.X.L[1] != s {
			t.Errorf("%q: %+v, %v\n%s", s, got, err, b.String())
		}
	}
}

// A prose entry has a title and a description, or a title alone (a name
// whose words run together); anything else is refused.
func TestParseProse(t *testing.T) {
	for in, ok := range map[string]bool{
		"A:\n  title: T\n  description: D\n":                true,
		"A:\n  title: Out of memory\n":                      true,
		"A:\n  description: D\n":                            false,
		"A:\n  title: T\n  causes: [c]\n":                   false,
		"A:\n  title: T\n  retryable: true\n":               false,
		"A:\n  title: T\n  description: D\n  colour: red\n": false,
	} {
		if _, err := ParseProse([]byte(in)); (err == nil) != ok {
			t.Errorf("%q: error %v, want ok %v", in, err, ok)
		}
	}
}

// EachFact walks a fact file's facts and finds its version; a name twice,
// an error from the caller, or no facts or no version is an error.
func TestEachFact(t *testing.T) {
	version := regexp.MustCompile(`^// Source: x (v\S+)`)
	name := func(l string) (string, error) {
		if l == "bad" {
			return "", errors.New("not a constant")
		}
		return strings.Fields(l)[0], nil
	}
	for in, want := range map[string]string{
		"// Source: x v1.2\n\nA = 1\r\nB = 2\n": "v1.2",
		"// Source: x v1.2\nA = 1\nA = 2\n":     "constant A twice",
		"// Source: x v1.2\nA = 1\nbad\n":       "not a constant",
		"A = 1\n":                               "no constants or no version found",
		"// Source: x v1.2\n// only comments\n": "no constants or no version found",
	} {
		ver, err := EachFact(in, version, name)
		got := ver
		if err != nil {
			got = err.Error()
		}
		if got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}
