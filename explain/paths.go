package explain

import (
	"cmp"
	"net/textproto"
	"strings"

	"github.com/errcode-dev/errcode/catalog"
)

// A catalog may say how its API lays out errors in a JSON body (bodies:
// in its YAML, the same for built-in and user catalogs): where the code,
// message, fields, status, request id and wait are, and the conditions that
// tell its envelope from others'. The path language is catalog's
// (catalog/bodypath.go); this file evaluates it.

// shapeRead is what one body shape found in a body.
type shapeRead struct {
	items            []Item
	status           int
	statusFrom       string
	requestID, idAt  string
	docURL           string
	wait             *int
	waitFrom         string
	hasCode, matched bool
}

// values are the texts at path p in v.
func values(v any, p string) []string {
	var out []string
	for _, x := range catalog.MustPath(p).Values(v) {
		if s := str(x); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// found is the first text at path p in v and where it was: the
// alternative of p that had it ("$metadata.requestId in the body", not
// the whole "a|b").
func found(v any, p string) (string, string) {
	if p == "" {
		return "", ""
	}
	for _, alt := range strings.Split(p, "|") {
		if l := values(v, alt); len(l) > 0 {
			return l[0], alt + " in the body"
		}
	}
	return "", ""
}

// readShape reads v with shape s (its conditions are checked by the
// caller).
func readShape(v any, s *catalog.BodyShape) shapeRead {
	var r shapeRead
	codes, tokens, msgs, fields := values(v, s.Code), values(v, s.Token), values(v, s.Message), values(v, s.Field)
	at := func(l []string, i int) string {
		switch {
		case i < len(l):
			return l[i]
		case len(l) == 1:
			return l[0] // one message for all
		}
		return ""
	}
	n := max(len(codes), len(tokens))
	if n == 0 && (s.Names != "" || len(msgs) > 0) {
		n = 1
	}
	for i := 0; i < min(n, maxItems); i++ {
		it := Item{Code: at(codes, i), Token: at(tokens, i), Message: at(msgs, i), Field: at(fields, i)}
		if it.Code == "" && it.Token == "" {
			it.Code = s.Names
		}
		if d := values(v, s.Detail); len(d) > 0 && i == 0 {
			it.Detail = d[0]
		}
		r.items = append(r.items, it)
	}
	if ns := s.Nested; ns != nil {
		for _, e := range catalog.MustPath(ns.Each).Values(v) {
			if len(r.items) >= maxItems {
				break
			}
			it := Item{Code: firstOf(e, ns.Code), Token: firstOf(e, ns.Token), Message: firstOf(e, ns.Message), Field: firstOf(e, ns.Field), Depth: 1}
			if it.Code == r.first().Code && it.Message == "" { // Stripe's decline_code equal to its code: one error
				continue
			}
			if it.Code != "" || it.Token != "" || it.Message != "" {
				r.items = append(r.items, it)
			}
		}
	}
	for _, it := range r.items {
		r.hasCode = r.hasCode || it.Code != "" || it.Token != ""
	}
	if st, at := found(v, s.Status); st != "" {
		r.status, r.statusFrom = asStatus(st), at
	}
	if id, at := found(v, s.RequestID); id != "" {
		r.requestID, r.idAt = id, at
	}
	if u := values(v, s.DocURL); len(u) > 0 {
		r.docURL = u[0]
	}
	if w, at := found(v, s.Wait); w != "" {
		if n, ok := ceilSeconds(w, 1); ok {
			r.wait, r.waitFrom = &n, at
		}
	}
	return r
}

func (r *shapeRead) first() Item {
	if len(r.items) == 0 {
		return Item{}
	}
	return r.items[0]
}

// firstOf is the first text at path p in v ("" for an empty path, except
// that a bare string error is its own message when p is ".").
func firstOf(v any, p string) string {
	if p == "" {
		return ""
	}
	if l := values(v, p); len(l) > 0 {
		return l[0]
	}
	return ""
}

// shapeClaim is a catalog whose body shape explains a body, why, and the
// attribution row that evidence is (A1, A2, A3 or A4).
type shapeClaim struct {
	c         *catalog.Catalog
	read      shapeRead
	why, rule string
}

// claimByShape finds the catalog whose body shape explains v: the one
// forced with --catalog, else the host's, else one whose declared
// signature (its when and any conditions, with a code it has where it says
// known_codes) the body meets. Shapes without conditions claim nothing by
// themselves: their code must be evidence (attribute.go).
func claimByShape(ix *catalog.Index, host, forced string, v any, status int, h textproto.MIMEHeader) (shapeClaim, bool) {
	get := func(name string) string { return h.Get(name) }
	try := func(c *catalog.Catalog, signatureOnly bool) (shapeRead, bool) {
		for i := range c.Bodies {
			s := &c.Bodies[i]
			if signatureOnly && !s.Signature() || !s.Matches(v, str, get) {
				continue
			}
			r := readShape(v, s)
			if len(r.items) == 0 {
				continue
			}
			if s.KnownCodes && !knownCode(c, r.items, status) {
				continue
			}
			r.matched = s.Signature()
			return r, true
		}
		return shapeRead{}, false
	}
	if forced != "" {
		if c := ix.Catalog(forced); c != nil {
			if r, ok := try(c, false); ok {
				return shapeClaim{c, r, "--catalog", "A1"}, true
			}
		}
		return shapeClaim{}, false
	}
	if host != "" {
		for _, c := range ix.Catalogs {
			if c.HasHost(host) {
				if r, ok := try(c, false); ok {
					return shapeClaim{c, r, "host " + host, "A2"}, true
				}
			}
		}
	}
	for _, c := range ix.Catalogs {
		if r, ok := try(c, true); ok && !otherHost(c, host) {
			return shapeClaim{c, r, "body shape", "A3"}, true
		}
	}
	// Shapes without conditions: their paths may lead to a code that is
	// evidence on its own.
	for _, c := range ix.Catalogs {
		for i := range c.Bodies {
			s := &c.Bodies[i]
			if s.Signature() || len(s.Headers) > 0 {
				continue
			}
			r := readShape(v, s)
			for _, it := range r.items {
				if e := specificEntry(ix, c, it, status); e != nil && !otherHost(c, host) {
					return shapeClaim{c, r, "code " + cmp.Or(it.Code, it.Token), "A4"}, true
				}
			}
		}
	}
	return shapeClaim{}, false
}

// knownCode: one of the items' codes or tokens is an entry of c (a range
// counts) whose status does not contradict the response's.
func knownCode(c *catalog.Catalog, items []Item, status int) bool {
	for _, it := range items {
		if e := c.Find(it.Code, it.Token, status); e != nil && agrees(e, status) {
			return true
		}
	}
	return false
}

// canonical is a header's name as Go writes it (X-Request-Id).
func canonical(name string) string { return textproto.CanonicalMIMEHeaderKey(strings.TrimSpace(name)) }
