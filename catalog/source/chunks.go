package source

import (
	"bytes"
	"runtime"
	"sync"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/parser"
)

// A large catalog is parsed in pieces of chunkEntries entries, a few at a
// time (one a core), rather than whole: the YAML parser holds about 1.2 KB
// a node, so a 10,000-entry file's tree is about 145 MB, and the garbage
// collector spent most of a cold start marking it. A piece's tree is a
// few MB and is dropped as soon as its entries are decoded.
//
// The pieces are cut only where a line at the entries' indentation starts
// an item ("  - "), and only when the file is a header ending in a
// top-level "entries:" line with nothing after the list. A cut in the
// wrong place (inside a quoted text or a bracket that spans lines) leaves
// a piece that does not parse. Whatever goes wrong in a piece (it does not
// parse, decode strictly, or pass every check the whole file would), the
// whole file is parsed again the ordinary way, so a problem is reported
// exactly as before, with its line and column: the pieces only ever give a
// catalog the whole parse would give.
const chunkEntries = 500

// chunking is false only in tests that compare the pieces with the whole,
// and fastReading in those that compare fastEntries with the YAML library.
var chunking, fastReading = true, true

// entryItems gives the offsets of the lines that start the entries list's
// items, or nil when the file is not a header, a top-level "entries:"
// line and the list to the end of the file, or holds one piece's worth.
func entryItems(data []byte) []int {
	var items []int
	inList, indent := false, -1
	for start := 0; start < len(data); {
		end := bytes.IndexByte(data[start:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += start
		}
		line := data[start:end]
		text := bytes.TrimLeft(line, " ")
		ind := len(line) - len(text)
		blank := len(bytes.TrimSpace(text)) == 0 || text[0] == '#'
		switch {
		case blank:
		case !inList:
			inList = ind == 0 && isEntriesKey(text)
		case indent < 0 && !isItem(text):
			return nil // entries: followed by something else than a list
		case indent < 0:
			indent = ind
			items = append(items, start)
		case ind == indent && isItem(text):
			items = append(items, start)
		case ind <= indent:
			return nil // something after the list, or a text spanning lines
		}
		start = end + 1
	}
	if len(items) <= chunkEntries {
		return nil
	}
	return items
}

// isEntriesKey: text is "entries:", then nothing but a comment.
func isEntriesKey(text []byte) bool {
	rest, ok := bytes.CutPrefix(text, []byte("entries:"))
	rest = bytes.TrimSpace(rest)
	return ok && (len(rest) == 0 || rest[0] == '#')
}

// isItem: text starts a sequence item ("- ", or a "-" alone).
func isItem(text []byte) bool {
	return len(text) > 0 && text[0] == '-' && blankAfter(text, 0)
}

// parseChunks parses data in pieces at items (see entryItems) and gives
// the catalog, or nil: parse the file whole. The header is parsed alone;
// each piece of items is read by fastEntries when it is written in its
// subset, and parsed by the YAML library when not.
func parseChunks(name string, data []byte, items []int) *catalog.Catalog {
	text := string(data) // one copy: the entries' texts are slices of it
	type span struct{ from, to, n int }
	spans := []span{{0, items[0], 0}} // the header, down to entries:
	for i := 0; i < len(items); i += chunkEntries {
		end := len(data)
		if i+chunkEntries < len(items) {
			end = items[i+chunkEntries]
		}
		spans = append(spans, span{items[i], end, min(chunkEntries, len(items)-i)})
	}
	results := make([]chunkResult, len(spans))
	var wg sync.WaitGroup
	next := make(chan int, len(spans))
	for i := range spans {
		next <- i
	}
	close(next)
	for range min(runtime.GOMAXPROCS(0), len(spans)) {
		wg.Go(func() {
			for i := range next {
				sp := spans[i]
				if i == 0 {
					results[i] = parseChunk(data[:sp.to], true)
					continue
				}
				if fastReading {
					if es, ok := fastEntries(text[sp.from:sp.to], sp.n); ok {
						results[i] = chunkResult{fc: fileCatalog{Entries: es}, ok: true}
						continue
					}
				}
				results[i] = parseChunk(append([]byte("entries:\n"), data[sp.from:sp.to]...), false)
			}
		})
	}
	wg.Wait()
	fc := results[0].fc
	var all size
	for _, r := range results {
		if !r.ok {
			return nil
		}
		all.add(r.added)
	}
	if all.nodes > maxExpansion || all.bytes > maxExpansionBytes {
		return nil
	}
	fc.Entries = make([]fileEntry, 0, len(items))
	for _, r := range results[1:] {
		fc.Entries = append(fc.Entries, r.fc.Entries...)
	}
	p := &parsed{name: name, data: data}
	return p.build(&fc, nil)
}

// chunkResult is one piece decoded: ok only if it passed every check of
// the whole parse's before the catalog is built; added is what its
// aliases add.
type chunkResult struct {
	fc    fileCatalog
	added size
	ok    bool
}

// parseChunk parses one piece: the first is a catalog's header and
// entries, each other one "entries:" and items.
func parseChunk(piece []byte, first bool) (r chunkResult) {
	defer func() {
		if recover() != nil {
			r = chunkResult{}
		}
	}()
	f, err := parser.ParseBytes(piece, 0)
	if err != nil || len(f.Docs) != 1 || documents(f) != 1 || unsupportedTag(f) != nil {
		return r
	}
	nodes, bytes := expansion(f, maxExpansion)
	r.added = size{nodes, bytes}
	if first {
		err = yaml.NodeToValue(f.Docs[0].Body, &r.fc, yaml.Strict(), yaml.DisallowUnknownField())
	} else {
		var rest struct {
			Entries []fileEntry `yaml:"entries"`
		}
		err = yaml.NodeToValue(f.Docs[0].Body, &rest, yaml.Strict(), yaml.DisallowUnknownField())
		r.fc.Entries = rest.Entries
	}
	r.ok = err == nil
	return r
}
