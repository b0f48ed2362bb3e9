// Package yamlout is what the generators that turn an upstream fact file
// into catalog/data/ID.yaml (generrno, gensqlite, genmysql, genopenssl,
// genwindows, genntstatus, genaws) share: their command line, their
// freshness check, a vocabulary's first lines, and one way to write an
// entry's fields, so that every generated file reads the same and parses
// back to the same strings.
package yamlout

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/goccy/go-yaml"
)

// ReadFacts reads dir's fact file and parses it into its rows and the
// source's version; a parse error names the file.
func ReadFacts[T any](dir, file string, parse func(string) (T, string, error)) (T, string, error) {
	var zero T
	data, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		return zero, "", err
	}
	rows, ver, err := parse(string(data))
	if err != nil {
		return zero, "", fmt.Errorf("%s: %w", file, err)
	}
	return rows, ver, nil
}

// EachFact calls each with every line of a fact file of one fact a line
// that is not blank or a comment, and gives the version that the first
// group of version finds in the file's comment lines. A name each gives
// twice, an error from each, or no fact or no version is an error: the
// extract is wrong.
func EachFact(text string, version *regexp.Regexp, each func(line string) (name string, err error)) (string, error) {
	ver, seen := "", map[string]bool{}
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSuffix(l, "\r")
		if m := version.FindStringSubmatch(l); m != nil {
			ver = m[1]
		}
		if l == "" || strings.HasPrefix(l, "//") {
			continue
		}
		name, err := each(l)
		if err != nil {
			return "", err
		}
		if seen[name] {
			return "", fmt.Errorf("constant %s twice", name)
		}
		seen[name] = true
	}
	if len(seen) == 0 || ver == "" {
		return "", fmt.Errorf("no constants or no version found")
	}
	return ver, nil
}

// Head writes the first lines of a generated vocabulary's catalog: its
// header comment (a format with the source's version in it), then its id,
// name, doc_url and source, and protocol: true.
func Head(b *bytes.Buffer, comment, version, id, name, docURL, source string) {
	fmt.Fprintf(b, comment, version)
	fmt.Fprintf(b, "id: %s\nname: %s\ndoc_url: %s\nsource: %s\nprotocol: true\n", id, name, docURL, Quote(source))
}

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

// Generator is one generator's command: it writes DataFile from the fact
// file, or, given -extract and its pin (a version or commit), rewrites the
// fact file from an upstream copy.
type Generator struct {
	Name               string // "generrno"
	FactFile, DataFile string // relative to the catalog package's directory
	ExtractUsage       string // what -extract's argument is
	PinFlag, PinUsage  string // "version", "x/sys's module version, with -extract"
	Extract            func(from, pin string) ([]byte, error)
	Generate           func(dir string) ([]byte, error)
}

// Main parses the command line, runs, and exits 1 on an error.
func (g Generator) Main() {
	dir := flag.String("dir", ".", "the catalog package's `directory`")
	from := flag.String("extract", "", g.ExtractUsage)
	pin := flag.String(g.PinFlag, "", g.PinUsage)
	flag.Parse()
	if err := g.Run(*dir, *from, *pin); err != nil {
		fmt.Fprintln(os.Stderr, g.Name+":", err)
		os.Exit(1)
	}
}

// Run writes the data file, or with from the fact file.
func (g Generator) Run(dir, from, pin string) error {
	if from != "" {
		if pin == "" {
			return fmt.Errorf("-extract needs -%s", g.PinFlag)
		}
		facts, err := g.Extract(from, pin)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, g.FactFile), facts, 0o644)
	}
	out, err := g.Generate(dir)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, g.DataFile), out, 0o644)
}

// Stale says whether the data file under dir differs from what Generate
// makes (rewriting it first when update is set): a generator's freshness
// test.
func (g Generator) Stale(dir string, update bool) (bool, error) {
	want, err := g.Generate(dir)
	if err != nil {
		return false, err
	}
	path := filepath.Join(dir, g.DataFile)
	if update {
		if err := os.WriteFile(path, want, 0o644); err != nil {
			return false, err
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		return false, err
	}
	return !bytes.Equal(got, want), nil
}

// Prose is what errcode writes about one code in a generator's prose.yaml;
// the facts (name, number, status) come from the fact file only.
type Prose struct {
	Category    string   `yaml:"category"`
	Title       string   `yaml:"title"`
	Description string   `yaml:"description"`
	Causes      []string `yaml:"causes"`
	Fixes       []string `yaml:"fixes"`
	Retryable   *bool    `yaml:"retryable"`
}

// ParseProse reads a prose.yaml: a map from a code's name to its prose,
// each with a title and a description, and no key it does not know. A
// title alone is prose too, for a name whose words run together in
// capitals (the title made from ERROR_OUTOFMEMORY would be "Outofmemory"):
// then nothing else is given.
func ParseProse(data []byte) (map[string]Prose, error) {
	var m map[string]Prose
	if err := yaml.UnmarshalWithOptions(data, &m, yaml.DisallowUnknownField()); err != nil {
		return nil, err
	}
	for name, p := range m {
		titleOnly := p.Title != "" && p.Description == "" && p.Category == "" && p.Causes == nil && p.Fixes == nil && p.Retryable == nil
		if (p.Title == "" || p.Description == "") && !titleOnly {
			return nil, fmt.Errorf("%s: a title and a description are both needed (or a title alone)", name)
		}
	}
	return m, nil
}

// Unused is an error for the first prose entry (by name) of a code the
// generator did not write, seen holding those it wrote (why says what
// such a name is not): a misspelt name would otherwise be prose no one
// reads. nil when every entry was used.
func Unused(pr map[string]Prose, seen map[string]bool, why string) error {
	for _, name := range slices.Sorted(maps.Keys(pr)) {
		if _, ok := seen[name]; !ok {
			return fmt.Errorf("prose for %s, which %s", name, why)
		}
	}
	return nil
}

// AlsoNamed is desc with the other names of an entry's value said after
// it ("Also named X and Y (the same value)."), or desc alone.
func AlsoNamed(desc string, aliases []string) string {
	if len(aliases) == 0 {
		return desc
	}
	return strings.TrimSpace(desc + " Also named " + strings.Join(aliases, " and ") + " (the same value).")
}

// ReadProse reads and parses the prose file at dir/file; an error names it.
func ReadProse(dir, file string) (map[string]Prose, error) {
	data, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		return nil, err
	}
	prose, err := ParseProse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return prose, nil
}
