package source

import (
	"io"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/errcode-dev/errcode/catalog"
)

// store is a cached catalog's entries, read from its cache file when
// asked for (a catalog.Store): a lookup among 100,000 cached entries reads
// a header and a block of keys a file, and decodes the entries it finds.
//
// What it reads is checked as it is read: a row that points past the
// entries, an entry that breaks a rule a parse enforces, a key row whose
// entry has another key, two entries with one code. At the first such
// sign the file is parsed again (load), the cache entry rewritten, and
// from then on the store answers from the parse. Verify, before any scan
// of every entry, checks the whole file against what the writer would
// write for the entries it holds, so a scan reads only what a parse gives.
type store struct {
	mu     sync.Mutex
	f      *os.File
	id     string
	lay    *fileLayout
	at     [6]int64 // where keys, statuses, ranges, masks, offsets, entries start
	size   int64
	key    string
	load   func() *catalog.Catalog
	loaded map[int]string // sections read whole: secStatuses... -> bytes

	entries  []*catalog.Entry       // the entries read, once many are
	few      map[int]*catalog.Entry // the entries read, while few are
	singles  int                    // entries read one by one; past singleReads, all are read at once
	pool     []string               // where the entries' lists are cut from (decoder.pool)
	span     span                   // the last span of entries prefetched
	verified bool
	parsed   *catalog.Catalog // the file parsed again, after a sign of damage
}

// The sections, in file order.
const (
	secKeys = iota
	secStatuses
	secRanges
	secMasks
	secOffsets
	secEntries
)

// singleReads is how many entries are read one at a time (two reads
// each) before the rest of the entries are read at once.
const singleReads = 256

// openStore reads a cache file's header and gives its catalog, its
// entries left in the file (f stays open), or nil when the header is not
// one the writer would make for a catalog a parse could give.
func openStore(f *os.File, size int64, key string, load func() *catalog.Catalog) *catalog.Catalog {
	head, ok := readAt(f, 0, min(size, 8<<10))
	if !ok {
		return nil
	}
	d := decoder{s: head}
	if d.str() != cacheMagic || d.str() != key || d.bad {
		return nil
	}
	n := d.num()
	start := int64(len(head) - len(d.s))
	if d.bad || n < 0 || int64(n) > size-start {
		return nil
	}
	if len(d.s) < n {
		if d.s, ok = readAt(f, start, int64(n)); !ok {
			return nil
		}
	}
	hd := decoder{s: d.s[:n], chunk: 16}
	c := hd.header()
	lay := hd.layout()
	if c == nil || lay == nil || start+int64(n)+lay.size() != size || !trustworthy(c) {
		return nil
	}
	s := &store{f: f, id: c.ID, lay: lay, size: size, key: key, load: load, loaded: map[int]string{}}
	s.at[0] = start + int64(n)
	sizes := []int64{int64(lay.keyBytes), 8 * int64(lay.statusRows), 4 * int64(lay.rangeRows), 16 * int64(lay.entries), 4 * int64(lay.entries+1)}
	for i, sz := range sizes {
		s.at[i+1] = s.at[i] + sz
	}
	return catalog.NewStored(*c, s)
}

// section reads section sec whole, once ("" and false if it cannot).
func (s *store) section(sec int) (string, bool) {
	if b, ok := s.loaded[sec]; ok {
		return b, true
	}
	end := s.size
	if sec+1 < len(s.at) {
		end = s.at[sec+1]
	}
	b, ok := s.read(s.at[sec], end-s.at[sec])
	if ok {
		s.loaded[sec] = b
	}
	return b, ok
}

// read reads n bytes at off.
func (s *store) read(off, n int64) (string, bool) {
	return readAt(s.f, off, n)
}

// readAt reads n bytes at off, as a string that shares the bytes read
// (nothing writes them after).
func readAt(f io.ReaderAt, off, n int64) (string, bool) {
	if n == 0 {
		return "", true
	}
	b := make([]byte, n)
	if _, err := f.ReadAt(b, off); err != nil {
		return "", false
	}
	return unsafe.String(unsafe.SliceData(b), len(b)), true
}

// le32 and le64 read little-endian numbers in s at i.
func le32(s string, i int) uint32 {
	return uint32(s[i]) | uint32(s[i+1])<<8 | uint32(s[i+2])<<16 | uint32(s[i+3])<<24
}

func le64(s string, i int) uint64 { return uint64(le32(s, i)) | uint64(le32(s, i+4))<<32 }

// damaged parses the file again; from now on the store answers from the
// parse (an empty catalog if the file no longer parses).
func (s *store) damaged() {
	if s.parsed != nil {
		return
	}
	if s.parsed = s.load(); s.parsed == nil {
		s.parsed = &catalog.Catalog{ID: s.id}
	}
}

func (s *store) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.parsed != nil {
		return len(s.parsed.Entries)
	}
	return s.lay.entries
}

func (s *store) Entry(i int) *catalog.Entry {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.entry(i)
}

// entry is Entry, with s.mu held.
func (s *store) entry(i int) *catalog.Entry {
	if s.parsed != nil {
		if i < 0 || i >= len(s.parsed.Entries) {
			return nil
		}
		return &s.parsed.Entries[i]
	}
	if i < 0 || i >= s.lay.entries {
		return nil
	}
	if e := s.decoded(i); e != nil {
		return e
	}
	b, ok := s.entryBytes(i)
	e := &catalog.Entry{}
	d := decoder{s: b, pool: s.pool, chunk: 64}
	d.entry(e, s.id)
	s.pool = d.pool
	if !ok || d.bad || d.s != "" || !entryOK(e) {
		s.damaged()
		return s.entry(i)
	}
	s.keep(i, e)
	return e
}

// decoded is entry i if it was read.
func (s *store) decoded(i int) *catalog.Entry {
	if s.entries != nil {
		return s.entries[i]
	}
	return s.few[i]
}

// keep records entry i as read: in a map while few are (a lookup reads
// one or two of 100,000), in a slice once many are.
func (s *store) keep(i int, e *catalog.Entry) {
	if s.entries == nil && len(s.few) >= singleReads {
		s.entries = make([]*catalog.Entry, s.lay.entries)
		for j, x := range s.few {
			s.entries[j] = x
		}
		s.few = nil
	}
	if s.entries != nil {
		s.entries[i] = e
		return
	}
	if s.few == nil {
		s.few = map[int]*catalog.Entry{}
	}
	s.few[i] = e
}

// span is entries lo to hi read at once: their offsets (one more than
// entries), and their bytes, which start at base in the entries section.
type span struct {
	lo, hi int
	offs   string
	base   int64
	data   string
}

// prefetch reads the entries of many rows in one read of their span, when
// they lie close together (the codes a prefix completes usually do), so
// that a completion of 100 codes costs two reads, not 200.
func (s *store) prefetch(rows []keyRow) {
	if len(rows) < 4 {
		return
	}
	if _, ok := s.loaded[secEntries]; ok {
		return
	}
	lo, hi := rows[0].entry, rows[0].entry
	for _, r := range rows {
		lo, hi = min(lo, r.entry), max(hi, r.entry)
	}
	if hi-lo+1 > 4*len(rows) {
		return
	}
	offs, ok := s.read(s.at[secOffsets]+4*int64(lo), 4*int64(hi-lo+2))
	if !ok {
		return
	}
	base, end := int64(le32(offs, 0)), int64(le32(offs, len(offs)-4))
	if base > end || end > int64(s.lay.entryBytes) {
		return
	}
	if data, ok := s.read(s.at[secEntries]+base, end-base); ok {
		s.span = span{lo, hi, offs, base, data}
	}
}

// entryBytes is entry i's encoding.
func (s *store) entryBytes(i int) (string, bool) {
	var lo, hi int64
	if sp := &s.span; sp.data != "" && sp.lo <= i && i <= sp.hi {
		lo, hi = int64(le32(sp.offs, 4*(i-sp.lo)))-sp.base, int64(le32(sp.offs, 4*(i-sp.lo+1)))-sp.base
		if lo < 0 || lo > hi || hi > int64(len(sp.data)) {
			return "", false
		}
		return sp.data[lo:hi], true
	}
	if _, ok := s.loaded[secEntries]; ok || s.singles >= singleReads {
		offs, ok1 := s.section(secOffsets)
		ents, ok2 := s.section(secEntries)
		if !ok1 || !ok2 {
			return "", false
		}
		lo, hi = int64(le32(offs, 4*i)), int64(le32(offs, 4*i+4))
		if lo > hi || hi > int64(len(ents)) {
			return "", false
		}
		return ents[lo:hi], true
	}
	s.singles++
	pair, ok := s.read(s.at[secOffsets]+4*int64(i), 8)
	if !ok {
		return "", false
	}
	lo, hi = int64(le32(pair, 0)), int64(le32(pair, 4))
	if lo > hi || hi > int64(s.lay.entryBytes) {
		return "", false
	}
	return s.read(s.at[secEntries]+lo, hi-lo)
}

// Keys reads the block where k would start, and the next while its rows
// may match.
func (s *store) Keys(k string, prefix bool) []catalog.KeyHit {
	s.mu.Lock()
	rows := s.keyRows(k, prefix)
	s.mu.Unlock()
	if rows == nil {
		rows = s.scan(func(e *catalog.Entry, token bool) bool {
			key := catalog.Key(e.Code)
			if token {
				key = catalog.Key(e.Token)
			}
			return key != "" && (key == k || prefix && strings.HasPrefix(key, k))
		}, true)
	}
	hits := make([]catalog.KeyHit, len(rows))
	for i, r := range rows {
		hits[i] = catalog.KeyHit{Entry: r.entry, Token: r.token}
	}
	return hits
}

// keyRows finds k's rows in the key table and checks them against their
// entries; nil, with the store parsed again, at a sign of damage (or
// when it already was).
func (s *store) keyRows(k string, prefix bool) []keyRow {
	if s.parsed != nil {
		return nil
	}
	f := s.lay.fence
	j := sort.Search(len(f), func(j int) bool { return f[j].key >= k }) // the first block at or past k
	j = max(j-1, 0)                                                     // rows equal to k may end the block before
	out := []keyRow{}
	codes := 0
	for prev := ""; j < len(f); j++ {
		block, ok := s.block(j)
		if !ok {
			s.damaged()
			return nil
		}
		d := decoder{s: block}
		for first := true; d.s != ""; first = false {
			key, ref := d.str(), d.num()
			if first && key != f[j].key {
				s.damaged()
				return nil
			}
			if d.bad || ref < 0 || ref>>1 >= s.lay.entries || key < prev {
				s.damaged()
				return nil
			}
			prev = key
			switch {
			case key == k || prefix && strings.HasPrefix(key, k):
				r := keyRow{key, ref >> 1, ref&1 == 1}
				if !r.token && key == k {
					codes++
				}
				out = append(out, r)
			case key > k:
				return s.checkRows(out, codes)
			}
		}
	}
	return s.checkRows(out, codes)
}

// block is block j of the key table.
func (s *store) block(j int) (string, bool) {
	f := s.lay.fence
	end := s.lay.keyBytes
	if j+1 < len(f) {
		end = f[j+1].off
	}
	if keys, ok := s.loaded[secKeys]; ok {
		return keys[f[j].off:end], true
	}
	return s.read(s.at[secKeys]+int64(f[j].off), int64(end-f[j].off))
}

// checkRows: at most one entry has a given code, and each row's entry
// has the row's key.
func (s *store) checkRows(rows []keyRow, codes int) []keyRow {
	if codes > 1 {
		s.damaged()
		return nil
	}
	s.prefetch(rows)
	for _, r := range rows {
		e := s.entry(r.entry)
		if s.parsed != nil {
			return nil
		}
		got := catalog.Key(e.Code)
		if r.token {
			got = catalog.Key(e.Token)
		}
		if got != r.key {
			s.damaged()
			return nil
		}
	}
	return rows
}

// scan is the rows of the parsed catalog's entries that keep, the code's
// row and (with tokens) the token's of each: the answer once the store was
// parsed again.
func (s *store) scan(keep func(e *catalog.Entry, token bool) bool, tokens bool) []keyRow {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []keyRow
	for i := range s.parsed.Entries {
		e := &s.parsed.Entries[i]
		if keep(e, false) {
			out = append(out, keyRow{entry: i})
		}
		if tokens && keep(e, true) {
			out = append(out, keyRow{entry: i, token: true})
		}
	}
	return out
}

// rows reads a section of fixed-size rows of little-endian numbers.
func (s *store) rows(sec, width int) (string, bool) {
	b, ok := s.section(sec)
	return b, ok && len(b)%width == 0
}

func (s *store) Statuses(status int) []int {
	s.mu.Lock()
	var out []int
	ok := s.parsed == nil
	if ok {
		out, ok = s.statusRows(status)
		if !ok {
			s.damaged()
		}
	}
	s.mu.Unlock()
	if !ok {
		for _, r := range s.scan(func(e *catalog.Entry, _ bool) bool { return e.Status == status }, false) {
			out = append(out, r.entry)
		}
	}
	return out
}

// statusRows finds status's rows, checked against their entries.
func (s *store) statusRows(status int) ([]int, bool) {
	b, ok := s.rows(secStatuses, 8)
	if !ok {
		return nil, false
	}
	n := len(b) / 8
	at := func(j int) (int, int) { return int(le32(b, 8*j)), int(le32(b, 8*j+4)) }
	j := sort.Search(n, func(j int) bool { st, _ := at(j); return st >= status })
	var out []int
	for ; j < n; j++ {
		st, i := at(j)
		if st != status {
			break
		}
		if i >= s.lay.entries || len(out) > 0 && i <= out[len(out)-1] {
			return nil, false
		}
		if e := s.entry(i); s.parsed != nil || e.Status != status {
			return nil, false
		}
		out = append(out, i)
	}
	return out, true
}

func (s *store) Ranges() []int {
	s.mu.Lock()
	var out []int
	ok := s.parsed == nil
	if ok {
		var b string
		if b, ok = s.rows(secRanges, 4); ok {
			for j := 0; j < len(b); j += 4 {
				i := int(le32(b, j))
				if i >= s.lay.entries {
					ok = false
					break
				}
				if e := s.entry(i); s.parsed != nil || e.Kind != catalog.Range {
					ok = false
					break
				}
				out = append(out, i)
			}
		}
		if !ok {
			s.damaged()
			out = nil
		}
	}
	s.mu.Unlock()
	if !ok {
		for _, r := range s.scan(func(e *catalog.Entry, _ bool) bool { return e.Kind == catalog.Range }, false) {
			out = append(out, r.entry)
		}
	}
	return out
}

// Masks are read with the first; after a sign of damage, every entry may
// have every word.
func (s *store) Masks(i int) (words, letters uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.parsed == nil {
		if b, ok := s.rows(secMasks, 16); ok && 16*i+16 <= len(b) {
			return le64(b, 16*i), le64(b, 16*i+8)
		}
	}
	return ^uint64(0), ^uint64(0)
}

// MayContain: see catalog.Store. It reads entry i's bytes, which hold
// each of its texts verbatim, and decodes nothing: a word search that
// most entries fail costs a scan of each rather than a decode and a
// score.
func (s *store) MayContain(i int, words []string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.parsed != nil || i < 0 || i >= s.lay.entries || s.decoded(i) != nil {
		return true
	}
	b, ok := s.entryBytes(i)
	if !ok {
		return true // reading it finds the damage
	}
	for _, w := range words {
		if !catalog.ContainsFold(b, w) {
			return s.wideText(b)
		}
	}
	return true
}

// wideText: entry bytes b hold a text with a byte outside ASCII, or are
// not what the writer makes (reading them for the entry finds that). It
// decodes them as the entry is decoded (its numbers may hold such bytes;
// its texts are what count), into scratch with the store's pool.
func (s *store) wideText(b string) bool {
	var e catalog.Entry
	d := decoder{s: b, pool: s.pool, chunk: 64}
	d.entry(&e, s.id)
	s.pool = d.pool
	if d.bad || d.s != "" {
		return true
	}
	for _, t := range [...]string{e.Code, e.Token, e.Category, e.Title, e.Message, e.Description, e.DocURL, e.Source, e.Reference} {
		if !isASCII(t) {
			return true
		}
	}
	return slices.ContainsFunc(e.Causes, notASCII) || slices.ContainsFunc(e.Fixes, notASCII)
}

func notASCII(s string) bool { return !isASCII(s) }

// Verify reads the whole file and checks it is exactly what the writer
// makes of the entries it holds; else the file is parsed again.
func (s *store) Verify() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.verified || s.parsed != nil {
		return
	}
	s.verified = true
	whole, ok := s.read(0, s.size)
	c := &catalog.Catalog{}
	if ok {
		c = decodeFile(whole)
	}
	if c == nil || !trustworthy(c) {
		s.damaged()
		return
	}
	if parts, _ := encodeFile(s.key, c, 0); !sameBytes(parts, whole) {
		s.damaged()
		return
	}
	for i := range c.Entries {
		if s.decoded(i) == nil {
			s.keep(i, &c.Entries[i])
		}
	}
}

// decodeFile decodes a whole cache file to a catalog with its entries in
// memory, nil if it does not decode (the tables are not checked: see
// Verify).
func decodeFile(whole string) *catalog.Catalog {
	d := decoder{s: whole}
	d.str() // magic
	d.str() // key
	hd := decoder{s: d.str()}
	c := hd.header()
	lay := hd.layout()
	if d.bad || c == nil || lay == nil || int64(len(d.s)) != lay.size() {
		return nil
	}
	ents := d.s[len(d.s)-lay.entryBytes:]
	c.Entries = make([]catalog.Entry, lay.entries)
	ed := decoder{s: ents}
	for i := range c.Entries {
		ed.entry(&c.Entries[i], c.ID)
	}
	if ed.bad || ed.s != "" {
		return nil
	}
	return c
}

// sameBytes: parts, one after another, are s.
func sameBytes(parts [][]byte, s string) bool {
	for _, b := range parts {
		if len(b) > len(s) || string(b) != s[:len(b)] {
			return false
		}
		s = s[len(b):]
	}
	return s == ""
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
