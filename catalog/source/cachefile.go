package source

import (
	"cmp"
	"encoding/binary"
	"slices"

	"github.com/errcode-dev/errcode/catalog"
)

// A cache file, format 6, is laid out so that a start reads its header
// and the one block of keys a lookup needs, not its entries:
//
//	str(magic) str(key) str(header)
//	keys      key rows in blocks of blockRows: str(folded code or token) num(entry<<1 | token), sorted by key
//	statuses  8 bytes a row: status, entry (little-endian uint32s), sorted by status
//	ranges    4 bytes a row: the index of each Range entry
//	masks     16 bytes an entry: its catalog.EntryMasks
//	offsets   4 bytes an entry and one more: where each entry starts in entries, and where they end
//	entries   each entry as encoder.entry writes it
//
// The header is the catalog but for its entries (encoder.header), then
// num(entries) num(key rows) num(key bytes) num(status rows) num(range
// rows) num(entry bytes) and the fence: for each block of keys its first
// key and where it starts, str(key) num(offset). The sections' sizes add
// up to the file's exactly. The rows are sorted as catalog/internal/codegen
// sorts the built-in catalogs' tables.

// blockRows is how many key rows a block holds: a lookup reads one block
// (or two, when its key starts a block), about 4 KiB, and a start decodes
// a fence row for every block of every file.
const blockRows = 256

// fileLayout is what the header says of the sections.
type fileLayout struct {
	entries, keyRows, keyBytes, statusRows, rangeRows, entryBytes int
	fence                                                         []fenceRow
}

// fenceRow is a block of keys: its first key and its offset in keys.
type fenceRow struct {
	key string
	off int
}

// size is the bytes of the sections after the header.
func (l *fileLayout) size() int64 {
	n := int64(l.entries)
	return int64(l.keyBytes) + 8*int64(l.statusRows) + 4*int64(l.rangeRows) + 16*n + 4*(n+1) + int64(l.entryBytes)
}

// keyRow is a row of the key table.
type keyRow struct {
	key   string
	entry int
	token bool
}

// keyRows are c's key rows, sorted.
func keyRows(c *catalog.Catalog) []keyRow {
	var rows []keyRow
	for i := range c.Entries {
		e := &c.Entries[i]
		if k := catalog.Key(e.Code); k != "" {
			rows = append(rows, keyRow{k, i, false})
		}
		if k := catalog.Key(e.Token); k != "" {
			rows = append(rows, keyRow{k, i, true})
		}
	}
	slices.SortStableFunc(rows, func(a, b keyRow) int { return cmp.Compare(a.key, b.key) })
	return rows
}

// encodeFile is c's cache file under key, in parts to be written one
// after another (not joined: the entries alone are as large as the file),
// and whether it stays within limit bytes (0: none).
func encodeFile(key string, c *catalog.Catalog, limit int) ([][]byte, bool) {
	n := len(c.Entries)
	ents := encoder{limit: limit}
	offsets := make([]byte, 0, 4*(n+1))
	var statuses, ranges, masks []byte
	for i := range c.Entries {
		x := &c.Entries[i]
		offsets = binary.LittleEndian.AppendUint32(offsets, uint32(len(ents.b)))
		ents.entry(x)
		if ents.over() {
			return nil, false
		}
		if x.Kind == catalog.Range {
			ranges = binary.LittleEndian.AppendUint32(ranges, uint32(i))
		}
		words, letters := catalog.EntryMasks(x)
		masks = binary.LittleEndian.AppendUint64(masks, words)
		masks = binary.LittleEndian.AppendUint64(masks, letters)
	}
	offsets = binary.LittleEndian.AppendUint32(offsets, uint32(len(ents.b)))
	order := make([]int, 0, n)
	for i := range c.Entries {
		if c.Entries[i].Status != 0 {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(c.Entries[a].Status, c.Entries[b].Status) })
	for _, i := range order {
		statuses = binary.LittleEndian.AppendUint32(statuses, uint32(c.Entries[i].Status))
		statuses = binary.LittleEndian.AppendUint32(statuses, uint32(i))
	}
	rows := keyRows(c)
	var keys encoder
	var fence []fenceRow
	for j, r := range rows {
		if j%blockRows == 0 {
			fence = append(fence, fenceRow{r.key, len(keys.b)})
		}
		keys.str(r.key)
		keys.num(r.entry<<1 | btoi(r.token))
	}
	var h encoder
	h.header(c)
	for _, x := range []int{n, len(rows), len(keys.b), len(order), len(ranges) / 4, len(ents.b)} {
		h.num(x)
	}
	for _, f := range fence {
		h.str(f.key)
		h.num(f.off)
	}
	var head encoder
	head.str(cacheMagic)
	head.str(key)
	head.str(string(h.b))
	parts := [][]byte{head.b, keys.b, statuses, ranges, masks, offsets, ents.b}
	size := 0
	for _, b := range parts {
		size += len(b)
	}
	if limit > 0 && size > limit {
		return nil, false
	}
	return parts, true
}

// layout reads the header's counts and fence, after encoder.header's
// part; nil if they cannot describe a file.
func (d *decoder) layout() *fileLayout {
	l := &fileLayout{}
	for _, p := range []*int{&l.entries, &l.keyRows, &l.keyBytes, &l.statusRows, &l.rangeRows, &l.entryBytes} {
		if *p = d.num(); *p < 0 || *p > 1<<31 {
			return nil
		}
	}
	blocks := (l.keyRows + blockRows - 1) / blockRows
	if l.keyRows > 2*l.entries || l.statusRows > l.entries || l.rangeRows > l.entries || l.entries > l.entryBytes/minEntry ||
		blocks > len(d.s)/2 || l.keyBytes < 2*l.keyRows || l.keyRows == 0 && l.keyBytes != 0 {
		return nil
	}
	l.fence = make([]fenceRow, blocks)
	for j := range l.fence {
		l.fence[j] = fenceRow{d.str(), d.num()}
		if f := l.fence[j]; f.off < 0 || f.off >= l.keyBytes || j == 0 && f.off != 0 || j > 0 && f.off <= l.fence[j-1].off {
			return nil
		}
	}
	if d.bad || d.s != "" {
		return nil
	}
	return l
}
