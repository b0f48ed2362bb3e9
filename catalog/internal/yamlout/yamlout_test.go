package yamlout

import (
	"bytes"
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
