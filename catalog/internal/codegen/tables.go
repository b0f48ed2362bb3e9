package codegen

import (
	"cmp"
	"slices"

	"github.com/errcode-dev/errcode/catalog"
)

// tables are a catalog's lookup tables, which the generated code declares
// as the catalog's unexported keys, statuses and ranges (see
// catalog/table.go, which reads them). They are computed here, not in
// package catalog, so that catalog's API says nothing of its own layout.
type tables struct {
	keys     []keyRow
	statuses []statusRow
	ranges   []uint16
	masks    []uint64
	letters  []uint64
}

// keyRow is a folded code or token and its entry's index (catalog.keyRef).
type keyRow struct {
	key   string
	entry uint16
	token bool // the key is the entry's token, not its code
}

// statusRow is a status and its entry's index (catalog.statusRef).
type statusRow struct {
	status, entry uint16
}

// buildTables computes the lookup tables for c's entries.
func buildTables(c *catalog.Catalog) tables {
	var t tables
	for i := range c.Entries {
		e := &c.Entries[i]
		if k := catalog.Key(e.Code); k != "" {
			t.keys = append(t.keys, keyRow{key: k, entry: uint16(i)})
		}
		if k := catalog.Key(e.Token); k != "" {
			t.keys = append(t.keys, keyRow{key: k, entry: uint16(i), token: true})
		}
		if e.Status != 0 {
			t.statuses = append(t.statuses, statusRow{status: uint16(e.Status), entry: uint16(i)})
		}
		if e.Kind == catalog.Range {
			t.ranges = append(t.ranges, uint16(i))
		}
		words, letters := catalog.EntryMasks(e)
		t.masks = append(t.masks, words)
		t.letters = append(t.letters, letters)
	}
	slices.SortStableFunc(t.keys, func(a, b keyRow) int { return cmp.Compare(a.key, b.key) })
	slices.SortStableFunc(t.statuses, func(a, b statusRow) int { return cmp.Compare(a.status, b.status) })
	return t
}
