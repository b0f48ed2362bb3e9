// Package source reads catalogs from their YAML form (catalog/data/*.yaml,
// and the same schema for user catalogs). It is strict: unknown keys, wrong
// types and inconsistent values are errors with a line and column.
//
// The errcode binary does not parse the built-in catalogs at start-up: they
// are compiled to Go by go generate. This package serves the generator (and
// the test that keeps the generated code fresh).
package source

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/goccy/go-yaml"
)

type fileCatalog struct {
	ID      string      `yaml:"id"`
	Name    string      `yaml:"name"`
	DocURL  string      `yaml:"doc_url"`
	Source  string      `yaml:"source"`
	Hosts   []string    `yaml:"hosts"`
	Entries []fileEntry `yaml:"entries"`
}

type fileEntry struct {
	Code        string     `yaml:"code"`
	Token       string     `yaml:"token"`
	Status      int        `yaml:"status"`
	Category    string     `yaml:"category"`
	Title       string     `yaml:"title"`
	Message     string     `yaml:"message"`
	Description string     `yaml:"description"`
	Causes      []string   `yaml:"causes"`
	Fixes       []string   `yaml:"fixes"`
	Retryable   *bool      `yaml:"retryable"`
	DocURL      string     `yaml:"doc_url"`
	Source      string     `yaml:"source"`
	Reference   string     `yaml:"reference"`
	Kind        string     `yaml:"kind"`
	Range       *fileRange `yaml:"range"`
}

type fileRange struct {
	From int `yaml:"from"`
	To   int `yaml:"to"`
}

var idPattern = regexp.MustCompile(`^[a-z][a-z0-9_-]*$`)

// Parse reads one catalog. name is used in error messages.
func Parse(name string, data []byte) (*catalog.Catalog, error) {
	var fc fileCatalog
	dec := yaml.NewDecoder(bytes.NewReader(data), yaml.Strict(), yaml.DisallowUnknownField())
	if err := dec.Decode(&fc); err != nil {
		return nil, fmt.Errorf("%s: %s", name, yaml.FormatError(err, false, true))
	}
	if !idPattern.MatchString(fc.ID) {
		return nil, fmt.Errorf("%s: id %q must be lower-case letters, digits, '-' or '_', starting with a letter", name, fc.ID)
	}
	c := &catalog.Catalog{ID: fc.ID, Name: fc.Name, DocURL: fc.DocURL, Source: fc.Source}
	for _, h := range fc.Hosts {
		h = strings.ToLower(strings.TrimSpace(h))
		if h == "" || strings.ContainsAny(h, "/: ") {
			return nil, fmt.Errorf("%s: host %q must be a bare host name, such as api.example.com", name, h)
		}
		c.Hosts = append(c.Hosts, h)
	}
	seen := map[string]string{}
	for i, fe := range fc.Entries {
		e, err := fe.entry(fc.ID)
		if err != nil {
			return nil, fmt.Errorf("%s: entry %d (%q): %w", name, i+1, fe.Code, err)
		}
		key := catalog.Key(e.Code)
		if prev, dup := seen[key]; dup {
			return nil, fmt.Errorf("%s: entry %d: code %q duplicates %q", name, i+1, e.Code, prev)
		}
		seen[key] = e.Code
		c.Entries = append(c.Entries, e)
	}
	return c, nil
}

func (fe fileEntry) entry(catalogID string) (catalog.Entry, error) {
	e := catalog.Entry{
		Catalog: catalogID, Code: fe.Code, Token: fe.Token, Status: fe.Status,
		Category: fe.Category, Title: fe.Title, Message: fe.Message,
		Description: fe.Description, Causes: fe.Causes, Fixes: fe.Fixes,
		DocURL: fe.DocURL, Source: fe.Source, Reference: fe.Reference,
	}
	if catalog.Key(fe.Code) == "" {
		return e, fmt.Errorf("code is missing")
	}
	if fe.Status != 0 && (fe.Status < 100 || fe.Status > 599) {
		return e, fmt.Errorf("status %d is outside 100-599", fe.Status)
	}
	if fe.Retryable != nil {
		e.Retryable = catalog.RetryNo
		if *fe.Retryable {
			e.Retryable = catalog.RetryYes
		}
	}
	switch fe.Kind {
	case "", "documented":
		e.Kind = catalog.Documented
	case "supplement":
		e.Kind = catalog.Supplement
	case "unofficial":
		e.Kind = catalog.Unofficial
	case "range":
		e.Kind = catalog.Range
	default:
		return e, fmt.Errorf("kind %q is not one of documented, supplement, unofficial, range", fe.Kind)
	}
	if (e.Kind == catalog.Range) != (fe.Range != nil) {
		return e, fmt.Errorf("kind: range and a range: {from, to} go together")
	}
	if fe.Range != nil {
		if fe.Range.From > fe.Range.To {
			return e, fmt.Errorf("range from %d is after to %d", fe.Range.From, fe.Range.To)
		}
		e.From, e.To = fe.Range.From, fe.Range.To
	}
	if (e.Kind == catalog.Supplement || e.Kind == catalog.Unofficial) && fe.Source == "" {
		return e, fmt.Errorf("a %s entry must say its source", e.Kind)
	}
	return e, nil
}
