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
