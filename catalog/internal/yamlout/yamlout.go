// Package yamlout writes the fields of a catalog entry as YAML, for the
// generators that turn an upstream fact file into catalog/data/ID.yaml
// (generrno, gensqlite, genaws): one way to quote, so that every generated
// file reads the same and parses back to the same strings.
package yamlout

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// Field writes "    key: value" when value is not empty.
func Field(b *bytes.Buffer, key, value string) {
	if value != "" {
		fmt.Fprintf(b, "    %s: %s\n", key, Quote(value))
	}
}

// List writes "    key: [a, b]" when items is not empty.
func List(b *bytes.Buffer, key string, items []string) {
	if len(items) == 0 {
		return
	}
	q := make([]string, len(items))
	for i, it := range items {
		q[i] = Quote(it)
	}
	fmt.Fprintf(b, "    %s: [%s]\n", key, strings.Join(q, ", "))
}

// Quote is s as a YAML double-quoted scalar (JSON's string syntax is
// YAML's).
func Quote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}
