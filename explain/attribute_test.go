package explain

import (
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

// Which catalog answered, on small catalogs beside the HTTP registry: the
// rules attribute() and findEntry() follow, each on its own.
func TestAttribution(t *testing.T) {
	var http *catalog.Catalog
	for _, c := range catalog.Builtin() {
		if c.ID == catalog.HTTPCatalog {
			http = c
		}
	}
	acme := &catalog.Catalog{ID: "acme", Hosts: []string{"api.acme.example"}, Entries: []catalog.Entry{
		{Catalog: "acme", Code: "E1", Status: 409, Title: "acme's E1"},
		{Catalog: "acme", Code: "ANY", Title: "no status"},
		{Catalog: "acme", Code: "SHARED", Status: 429},
		{Catalog: "acme", Code: "2000-2099", Kind: catalog.Range, From: 2000, To: 2099},
		{Catalog: "acme", Code: "A-LOCK", Token: "Locked"},
	}}
	other := &catalog.Catalog{ID: "other", Entries: []catalog.Entry{{Catalog: "other", Code: "SHARED", Status: 429}, {Catalog: "other", Code: "E1", Status: 500}, {Catalog: "other", Code: "2050", Status: 409}, {Catalog: "other", Code: "O-LOCK", Token: "Locked"}}}
	byStatus := &catalog.Catalog{ID: "bystatus", Hosts: []string{"api.bystatus.example"}, Entries: []catalog.Entry{
		{Catalog: "bystatus", Code: "404", Status: 404, Title: "not here"},
		{Catalog: "bystatus", Code: "410", Status: 0},
	}}
	proto := &catalog.Catalog{ID: "proto", Protocol: true, Entries: []catalog.Entry{{Catalog: "proto", Code: "P1"}}}
	ix := catalog.NewIndex([]*catalog.Catalog{http, acme, other, byStatus, proto})
	body := func(status int, code string) string {
		return "HTTP/1.1 " + itoa(status) + " X\r\nContent-Type: application/json\r\n\r\n{\"code\":\"" + code + "\",\"message\":\"m\"}"
	}
	for _, tc := range []struct {
		name, in, forced string
		catalog, from    string // the attributed catalog and why
		entry            string // the first finding's catalog:code, "" for none
		hint             string // part of its hint, "" for none
	}{
		{"a code whose status agrees", body(409, "E1"), "", "acme", "code E1", "acme:E1", ""},
		{"the same code under another status is another catalog's", body(500, "E1"), "", "other", "code E1", "other:E1", ""},
		{"a code under a status neither has", body(400, "E1"), "", "", "", "", ""},
		{"an entry with no status is no evidence", body(418, "ANY"), "", "", "", "", "looks like acme:ANY"},
		{"a code two catalogs have", body(429, "SHARED"), "", "", "", "", "looks like acme:SHARED, other:SHARED"},
		{"--catalog decides", body(429, "SHARED"), "other", "other", "--catalog", "other:SHARED", ""},
		{"a protocol's code says nothing of who answered", body(400, "P1"), "", "", "", "", ""},
		{"a range is no evidence", body(409, "2042"), "", "", "", "", ""},
		// A code of one catalog that falls in another's range: the code's
		// own entry is evidence, and a range is no second answer.
		{"a code in another's range", body(409, "2050"), "", "other", "code 2050", "other:2050", ""},
		{"a token two catalogs have", "HTTP/1.1 423 Locked\r\n\r\n{\"error_code\":\"\",\"error_token\":\"Locked\",\"message\":\"m\"}", "", "", "", "", ""}, // "Locked" is a common word: no hint either
		// A catalog that documents its errors by status: the status names
		// the entry of a top-level error whose own code it lacks.
		{"by status", "GET /x HTTP/1.1\r\nHost: api.bystatus.example\r\n\r\n" + body(404, "whatever"), "", "bystatus", "host api.bystatus.example", "bystatus:404", ""},
		{"by status, not one without it", "GET /x HTTP/1.1\r\nHost: api.bystatus.example\r\n\r\n" + body(410, "whatever"), "", "bystatus", "host api.bystatus.example", "", ""},
		{"the host decides", "GET /x HTTP/1.1\r\nHost: eu.api.acme.example\r\n\r\n" + body(500, "SHARED"), "", "acme", "host eu.api.acme.example", "acme:SHARED", ""},
	} {
		d := Diagnose(Parse([]byte(tc.in), false).Exchanges[0], ix, Options{Catalog: tc.forced})
		got, entry, hint := "", "", ""
		if d.Catalog != nil {
			got = d.Catalog.ID
		}
		if len(d.Findings) > 0 {
			hint = d.Findings[0].Hint
		}
		if len(d.Findings) > 0 && d.Findings[0].Entry != nil {
			entry = d.Findings[0].Catalog.ID + ":" + d.Findings[0].Entry.Code
		}
		if got != tc.catalog || d.CatalogFrom != tc.from || entry != tc.entry || !strings.Contains(hint, tc.hint) || tc.hint == "" && hint != "" {
			t.Errorf("%s: catalog %q (%s), entry %q, hint %q; want %q (%s), %q, %q", tc.name, got, d.CatalogFrom, entry, hint, tc.catalog, tc.from, tc.entry, tc.hint)
		}
	}
}

func itoa(n int) string {
	return string([]byte{byte('0' + n/100), byte('0' + n/10%10), byte('0' + n%10)})
}

// A catalog's own body paths: its when: conditions make the body its
// envelope (the shape is its id), and its request_id path gives the id.
func TestBodyPathsDiagnosis(t *testing.T) {
	c := &catalog.Catalog{ID: "acme", Bodies: []catalog.BodyShape{{Code: "fault.id", Token: "fault.kind", RequestID: "meta.trace", When: []string{"fault"}}},
		Entries: []catalog.Entry{{Catalog: "acme", Code: "F1", Status: 409}, {Catalog: "acme", Code: "F2", Token: "OnlyToken"}}}
	plain := &catalog.Catalog{ID: "plain", Bodies: []catalog.BodyShape{{Token: "err.kind"}}, Entries: []catalog.Entry{{Catalog: "plain", Code: "P9", Token: "LockedUp", Status: 423}}}
	ix := catalog.NewIndex(append(catalog.Builtin(), c, plain))
	d := Diagnose(Parse([]byte("HTTP/1.1 409 Conflict\r\n\r\n{\"fault\":{\"id\":\"F1\"},\"meta\":{\"trace\":\"tr-7\"}}"), false).Exchanges[0], ix, Options{})
	if d.Catalog == nil || d.Catalog.ID != "acme" || d.Shape != "acme" || d.RequestID != "tr-7" || d.RequestIDFrom != "meta.trace in the body" {
		t.Errorf("when: catalog %v, shape %q, request id %q from %q", d.Catalog, d.Shape, d.RequestID, d.RequestIDFrom)
	}
	// No conditions: the paths explain the body when they lead to a code or
	// token that is evidence (a token alone, here, whose status agrees), and
	// the shape stays.
	d = Diagnose(Parse([]byte("HTTP/1.1 423 Locked\r\n\r\n{\"err\":{\"kind\":\"LockedUp\"}}"), false).Exchanges[0], ix, Options{})
	if d.Catalog == nil || d.Catalog.ID != "plain" || d.Shape == "plain" || len(d.Findings) == 0 || d.Findings[0].Entry == nil || d.Findings[0].Entry.Code != "P9" {
		t.Errorf("token only: catalog %v, shape %q, findings %+v", d.Catalog, d.Shape, d.Findings)
	}
}

// A code in a header names the error the body only describes; a code the
// body has already is one error, not two; another is a second.
func TestHeaderCodes(t *testing.T) {
	ix := catalog.NewIndex(catalog.Builtin())
	for _, tc := range []struct {
		name, in string
		want     []string // code: message of each finding
	}{
		{"the body says what, the header which",
			"HTTP/1.1 400 Bad Request\r\nx-amzn-ErrorType: ValidationException:http://internal.amazon.com/coral/\r\n\r\n{\"message\":\"1 validation error\"}",
			[]string{"ValidationException: 1 validation error"}},
		{"both carry the code",
			"HTTP/1.1 400 Bad Request\r\nx-amzn-ErrorType: ValidationException\r\nContent-Type: application/x-amz-json-1.0\r\n\r\n{\"__type\":\"com.amazon#ValidationException\",\"message\":\"bad\"}",
			[]string{"ValidationException: bad"}},
		{"another code besides",
			"HTTP/1.1 400 Bad Request\r\nx-amzn-ErrorType: ThrottlingException\r\n\r\n{\"__type\":\"com.amazon#ValidationException\",\"message\":\"bad\"}",
			[]string{"ValidationException: bad", "ThrottlingException: "}},
		{"a header code and no body",
			"HTTP/1.1 400 Bad Request\r\nx-amzn-ErrorType: ValidationException\r\n\r\n",
			[]string{"ValidationException: "}},
	} {
		d := Diagnose(Parse([]byte(tc.in), false).Exchanges[0], ix, Options{})
		var got []string
		for _, f := range d.Findings {
			got = append(got, f.Code+": "+f.Message)
		}
		if strings.Join(got, " | ") != strings.Join(tc.want, " | ") {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// When no API claims a response, the protocol whose carrier explains its
// first error does, and says how it knew.
func TestVocabAttribution(t *testing.T) {
	ix := catalog.NewIndex(catalog.Builtin())
	for _, tc := range []struct{ in, catalog, from string }{
		{"HTTP/1.1 503 Service Unavailable\r\n\r\n{\"error\":{\"code\":503,\"message\":\"m\",\"status\":\"UNAVAILABLE\"}}", "grpc", "status in a Google API error"},
		{"HTTP/1.1 409 Conflict\r\n\r\n{\"code\":\"23505\",\"details\":null,\"hint\":null,\"message\":\"duplicate key\"}", "postgres", "SQLSTATE in the body's code"},
		{"HTTP/1.1 503 Service Unavailable\r\n\r\n{\"code\":14,\"message\":\"unavailable\"}", "grpc", "body shape"}, // the shape is the catalog's id
		{"HTTP/1.1 400 Bad Request\r\n\r\n{\"error\":\"invalid_grant\",\"error_description\":\"expired\"}", "oauth", "body shape"},
	} {
		d := Diagnose(Parse([]byte(tc.in), false).Exchanges[0], ix, Options{})
		if d.Catalog == nil || d.Catalog.ID != tc.catalog || d.CatalogFrom != tc.from {
			t.Errorf("%q: catalog %v (%s), want %s (%s)", tc.in, d.Catalog != nil, d.CatalogFrom, tc.catalog, tc.from)
		}
	}
}
