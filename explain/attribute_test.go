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
	}}
	other := &catalog.Catalog{ID: "other", Entries: []catalog.Entry{{Catalog: "other", Code: "SHARED", Status: 429}, {Catalog: "other", Code: "E1", Status: 500}, {Catalog: "other", Code: "2050", Status: 409}}}
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
		{"an entry with no status agrees with any", body(418, "ANY"), "", "acme", "code ANY", "acme:ANY", ""},
		{"a code two catalogs have", body(429, "SHARED"), "", "", "", "acme:SHARED", "also other:SHARED"},
		{"--catalog decides", body(429, "SHARED"), "other", "other", "--catalog", "other:SHARED", ""},
		{"a protocol's code says nothing of who answered", body(400, "P1"), "", "", "", "", ""},
		{"a range of the catalog", body(409, "2042"), "", "acme", "code 2042", "acme:2000-2099", ""},
		// A code of one catalog that falls in another's range: the code's
		// own entry, and a range is no second answer worth naming.
		{"a code in another's range", body(409, "2050"), "", "", "", "other:2050", ""},
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
		if len(d.Findings) > 0 && d.Findings[0].Entry != nil {
			entry = d.Findings[0].Catalog.ID + ":" + d.Findings[0].Entry.Code
			hint = d.Findings[0].Hint
		}
		if got != tc.catalog || d.CatalogFrom != tc.from || entry != tc.entry || !strings.Contains(hint, tc.hint) || tc.hint == "" && hint != "" {
			t.Errorf("%s: catalog %q (%s), entry %q, hint %q; want %q (%s), %q, %q", tc.name, got, d.CatalogFrom, entry, hint, tc.catalog, tc.from, tc.entry, tc.hint)
		}
	}
}

func itoa(n int) string {
	return string([]byte{byte('0' + n/100), byte('0' + n/10%10), byte('0' + n%10)})
}
