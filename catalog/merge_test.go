package catalog_test

import (
	"reflect"
	"slices"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

// A user catalog with a base catalog's id extends it: given fields
// replace, empty ones keep the base's, entries replace by folded code and
// the rest are added; a new id is a catalog of its own. The base is left
// as it was.
func TestMerge(t *testing.T) {
	base := []*catalog.Catalog{
		{ID: "a", Name: "A", DocURL: "https://a/doc", Source: "A's page", Hosts: []string{"a.example"},
			Bodies: []catalog.BodyShape{{Code: "code"}}, RequestIDHeaders: []string{"X-A-Id"}, Path: "",
			Entries: []catalog.Entry{{Catalog: "a", Code: "E-1", Title: "one"}, {Catalog: "a", Code: "E-2", Title: "two"}}},
		{ID: "b", Name: "B", Protocol: true},
	}
	before := []catalog.Catalog{*base[0], *base[1]}
	beforeEntries := slices.Clone(base[0].Entries)
	ext := &catalog.Catalog{ID: "a", Name: "A (ours)", Hosts: []string{"a2.example"}, Path: "/u/a.yaml",
		Entries: []catalog.Entry{{Catalog: "a", Code: "e_2", Title: "ours"}, {Catalog: "a", Code: "E-3", Title: "three"}}}
	again := &catalog.Catalog{ID: "a", DocURL: "https://ours/doc", Source: "ours", Bodies: []catalog.BodyShape{{Token: "t"}}, RequestIDHeaders: []string{"X-Ours"}, Protocol: true, Path: "/u/a2.yaml"}
	fresh := &catalog.Catalog{ID: "c", Name: "C"}
	out := catalog.Merge(base, []*catalog.Catalog{ext, again, fresh})

	if len(out) != 3 || out[0].ID != "a" || out[1] != base[1] || out[2] != fresh {
		t.Fatalf("merged ids: %v", catalog.NewIndex(out).IDs())
	}
	m := out[0]
	if m.Name != "A (ours)" || m.DocURL != "https://ours/doc" || m.Source != "ours" {
		t.Errorf("fields: name %q, doc %q, source %q", m.Name, m.DocURL, m.Source)
	}
	// The user's shapes and headers are tried before the base's.
	if len(m.Bodies) != 2 || m.Bodies[0].Token != "t" || m.Bodies[1].Code != "code" || !slices.Equal(m.RequestIDHeaders, []string{"X-Ours", "X-A-Id"}) || !m.Protocol {
		t.Errorf("bodies %+v, headers %v, protocol %v", m.Bodies, m.RequestIDHeaders, m.Protocol)
	}
	if !slices.Equal(m.Hosts, []string{"a.example", "a2.example"}) || m.Path != "/u/a.yaml, /u/a2.yaml" {
		t.Errorf("hosts %v, path %q", m.Hosts, m.Path)
	}
	var titles []string
	for _, e := range m.Entries {
		titles = append(titles, e.Code+"="+e.Title)
	}
	if !slices.Equal(titles, []string{"E-1=one", "e_2=ours", "E-3=three"}) {
		t.Errorf("entries %v", titles)
	}
	if !reflect.DeepEqual(*base[0], before[0]) || !reflect.DeepEqual(base[0].Entries, beforeEntries) || !reflect.DeepEqual(*base[1], before[1]) {
		t.Error("Merge modified the base catalogs")
	}
	// An extension with nothing but entries keeps every base field.
	kept := catalog.Merge(base, []*catalog.Catalog{{ID: "a", Path: "/u/x.yaml"}})[0]
	if kept.Name != "A" || kept.DocURL != "https://a/doc" || kept.Source != "A's page" || len(kept.Bodies) != 1 || kept.Protocol || kept.Path != "/u/x.yaml" {
		t.Errorf("an empty extension changed %+v", kept)
	}
	// A merged catalog answers from its entries, not the base's tables.
	builtin := catalog.Builtin()
	merged := catalog.NewIndex(catalog.Merge(builtin, []*catalog.Catalog{{ID: "emnify", Entries: []catalog.Entry{{Catalog: "emnify", Code: "1405", Title: "Ours"}}}}))
	if e := merged.Catalog("emnify").Find("1405", "", 0); e == nil || e.Title != "Ours" {
		t.Errorf("emnify 1405 after the merge: %+v", e)
	}
}

// Find: the code first; else the token, preferring the entry with the
// response's status; else the range a number falls in.
func TestFind(t *testing.T) {
	c := &catalog.Catalog{ID: "t", Entries: []catalog.Entry{
		{Code: "T-1", Token: "Dup", Status: 400},
		{Code: "T-2", Token: "Dup", Status: 409},
		{Code: "Dup", Status: 500},
		{Code: "100-199", Kind: catalog.Range, From: 100, To: 199},
		{Code: "150"},
	}}
	for _, tc := range []struct {
		code, token string
		status      int
		want        string
	}{
		{"T-2", "", 0, "T-2"},
		{"t2", "Dup", 400, "T-2"}, // the code wins over the token
		{"", "Dup", 409, "T-2"},   // the token, with the status
		{"", "Dup", 400, "T-1"},
		{"", "Dup", 0, "T-1"},     // no status: the first
		{"", "Dup", 503, "T-1"},   // none with it: the first
		{"Dup", "", 0, "Dup"},     // as a code it is the code's
		{"100", "", 0, "100-199"}, // a range's first
		{"199", "", 0, "100-199"}, // and last
		{"150", "", 0, "150"},     // its own entry before the range
		{"200", "", 0, ""},
		{"nope", "Nope", 0, ""},
		{"120", "Nope", 0, "100-199"}, // an unknown token does not hide the range
		{"", "", 0, ""},
	} {
		got := ""
		if e := c.Find(tc.code, tc.token, tc.status); e != nil {
			got = e.Code
		}
		if got != tc.want {
			t.Errorf("Find(%q, %q, %d) = %q, want %q", tc.code, tc.token, tc.status, got, tc.want)
		}
	}
}

func TestStatusEntry(t *testing.T) {
	ix := catalog.NewIndex(catalog.Builtin())
	if e := ix.StatusEntry(404); e == nil || e.Code != "404" || e.Title != "Not Found" {
		t.Errorf("StatusEntry(404) = %+v", e)
	}
	if e := ix.StatusEntry(0); e != nil {
		t.Errorf("StatusEntry(0) = %+v", e)
	}
	if e := catalog.NewIndex(nil).StatusEntry(404); e != nil {
		t.Errorf("no http catalog: %+v", e)
	}
	if k := catalog.Kind(4).String(); k != "unknown" {
		t.Errorf("the kind after Range is %q", k)
	}
	if k := catalog.Kind(200).String(); k != "unknown" {
		t.Errorf("an unknown kind is %q", k)
	}
	if k := catalog.Range.String(); k != "range" {
		t.Errorf("Range is %q", k)
	}
	e := catalog.Entry{}
	if l := e.Link(&catalog.Catalog{DocURL: "https://c"}); l != "https://c" {
		t.Errorf("an entry without a link: %q", l)
	}
	if l := e.Link(nil); l != "" {
		t.Errorf("no catalog: %q", l)
	}
	e.DocURL = "https://e"
	if l := e.Link(&catalog.Catalog{DocURL: "https://c"}); l != "https://e" {
		t.Errorf("an entry's own link: %q", l)
	}
}

func TestHasHost(t *testing.T) {
	c := &catalog.Catalog{Hosts: []string{"api.acme.example", "::1"}}
	for host, want := range map[string]bool{
		"api.acme.example": true, "eu.api.acme.example": true, "API.Acme.Example.": true, "api.acme.example:443": true,
		"xapi.acme.example": false, "acme.example": false, "api.acme.example.evil": false, "": false,
		"[::1]:8080": false, // a bracketed address keeps its brackets; hosts are names
	} {
		if got := c.HasHost(host); got != want {
			t.Errorf("HasHost(%q) = %v, want %v", host, got, want)
		}
	}
}
