package catalog_test

import (
	"slices"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

// The vocabulary order table, row by row: each vocabulary's meaning of a
// shared number comes before the next row's, and the last row's before a
// catalog the table does not name. The catalogs are listed in the opposite
// order, so a row that stopped holding would leave them in catalog order.
var vocabularyRows = []string{"http", "grpc", "curl", "errno", "postgres"}

func TestVocabularyOrderRows(t *testing.T) {
	if got := catalog.VocabularyOrder(); !slices.Equal(got, vocabularyRows) {
		t.Fatalf("the vocabulary order is %v, this test's %v: test every row", got, vocabularyRows)
	}
	next := append(vocabularyRows[1:], "vendor")
	for i, row := range vocabularyRows {
		for _, e := range []catalog.Entry{{Code: "14"}, {Code: "X", Token: "14"}} {
			later := &catalog.Catalog{ID: next[i], Entries: []catalog.Entry{{Code: "14"}}}
			this := &catalog.Catalog{ID: row, Entries: []catalog.Entry{e}}
			r := catalog.NewIndex([]*catalog.Catalog{later, this}).Lookup(catalog.Query{Text: "14"})
			if got := ids(r); len(got) != 2 || got[0] != row+":"+e.Code {
				t.Errorf("row %d: 14 in %s (as code %q) and in %s: %v, want %s first", i, row, e.Code, next[i], got, row)
			}
		}
	}
}

// The order on the built-in catalogs, and what it leaves alone.
func TestVocabularyOrderBuiltin(t *testing.T) {
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{"14", []string{"grpc:14", "curl:14", "errno:EFAULT"}},
		{"7", []string{"grpc:7", "curl:7", "errno:E2BIG"}},
		{"100", []string{"http:100", "curl:100", "errno:ENETDOWN"}},
		{"103", []string{"http:103", "errno:ECONNABORTED"}},
		{"28", []string{"curl:28", "errno:ENOSPC"}},
		// One catalog's own code stays exact.
		{"curl 14", []string{"curl:14"}},
		{"grpc 14", []string{"grpc:14"}},
		{"1405", []string{"emnify:1405"}},
	} {
		if got := ids(lookup(tc.query)); !slices.Equal(got, tc.want) {
			t.Errorf("lookup %s: %v, want %v", tc.query, got, tc.want)
		}
	}
	// A status: its meanings (the registry's, a vendor's code that is the
	// number), then the entries that only have it as their status.
	got := ids(lookup("409"))
	if len(got) < 3 || got[0] != "http:409" || got[1] != "ironwifi:409" {
		t.Errorf("lookup 409: %v", got)
	}
	c := []*catalog.Catalog{
		{ID: "vendor", Entries: []catalog.Entry{{Code: "CONFLICT", Status: 409}}},
		{ID: "errno", Entries: []catalog.Entry{{Code: "EX", Token: "409"}}},
		{ID: "http", Entries: []catalog.Entry{{Code: "409", Status: 409}}},
	}
	if got := ids(catalog.NewIndex(c).Lookup(catalog.Query{Text: "409"})); !slices.Equal(got, []string{"http:409", "errno:EX", "vendor:CONFLICT"}) {
		t.Errorf("409: %v, want the numbers' meanings before an entry with the status", got)
	}
}
