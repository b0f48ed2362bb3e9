package explain

import (
	"strings"

	"github.com/errcode-dev/errcode/catalog"
)

// A catalog may say where its API puts errors in a JSON body (body: in a
// user catalog): dot paths such as error.code, where a step written
// errors[] goes through each element of an array.

// evalPath returns the non-empty string values at path in v.
func evalPath(v any, path string) []string {
	if path == "" {
		return nil
	}
	var out []string
	var walk func(v any, steps []string)
	walk = func(v any, steps []string) {
		if len(steps) == 0 {
			if s := str(v); s != "" {
				out = append(out, s)
			}
			return
		}
		name, each := strings.CutSuffix(steps[0], "[]")
		v = get(v, name)
		if !each {
			walk(v, steps[1:])
			return
		}
		for _, e := range list(v) {
			walk(e, steps[1:])
		}
	}
	walk(v, strings.Split(path, "."))
	return out
}

// holds reports whether every one of a catalog's body conditions holds
// for v.
func holds(v any, when []string) bool {
	for _, w := range when {
		path, absent, want, hasValue := catalog.WhenPath(w)
		got, present := keyAt(v, path)
		switch {
		case absent && present, !absent && !present:
			return false
		case hasValue && (got == nil || str(got) != want):
			return false
		}
	}
	return true
}

// keyAt is the value at a plain dot path, and whether its last key is
// there (a null value is there).
func keyAt(v any, path string) (any, bool) {
	for _, name := range strings.Split(path, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		if v, ok = m[name]; !ok {
			return nil, false
		}
	}
	return v, true
}

// pathItems reads the errors a catalog's body paths point at.
func pathItems(v any, b *catalog.BodyPaths) (items []Item, requestID string) {
	if !holds(v, b.When) {
		return nil, ""
	}
	codes, tokens, msgs := evalPath(v, b.Code), evalPath(v, b.Token), evalPath(v, b.Message)
	at := func(s []string, i int) string {
		switch {
		case i < len(s):
			return s[i]
		case len(s) == 1:
			return s[0] // one message for all
		}
		return ""
	}
	for i := 0; i < max(len(codes), len(tokens)); i++ {
		items = append(items, Item{Code: at(codes, i), Token: at(tokens, i), Message: at(msgs, i)})
	}
	if ids := evalPath(v, b.RequestID); len(ids) > 0 {
		requestID = ids[0]
	}
	return items, requestID
}

// byBodyPaths finds a catalog with body paths that explain this body: the
// one forced with --catalog, one whose host sent it, one whose when:
// conditions single out its envelope, or any whose paths lead to a code or
// token it has.
func byBodyPaths(ix *catalog.Index, host, forced string, v any, status int) (c *catalog.Catalog, items []Item, requestID, why string) {
	for _, c := range ix.Catalogs {
		if c.Body == nil {
			continue
		}
		items, requestID := pathItems(v, c.Body)
		if len(items) == 0 {
			continue
		}
		switch {
		case forced != "" && c.ID == forced:
			return c, items, requestID, "--catalog"
		case forced == "" && host != "" && c.HasHost(host):
			return c, items, requestID, "host " + host
		case forced == "" && len(c.Body.When) > 0:
			return c, items, requestID, "body shape" // its when: conditions tell its envelope from others'
		}
		if forced == "" {
			for _, it := range items {
				if c.Find(it.Code, it.Token, status) != nil {
					return c, items, requestID, "body paths, code " + firstNonEmpty(it.Code, it.Token)
				}
			}
		}
	}
	return nil, nil, "", ""
}
