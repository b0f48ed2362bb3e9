package source

import (
	"reflect"
	"testing"
)

// entryKey knows every key of fileEntry, each by its own bit, but range
// (which fastEntries leaves to the YAML library): a key added to an entry
// is read fast, or not at all, never taken for an unknown one.
func TestEntryKeysAreFileEntrys(t *testing.T) {
	seen := uint16(0)
	for _, k := range keysOf(reflect.TypeOf(fileEntry{})) {
		bit := entryKey(k)
		switch {
		case k == "range" && bit != 0:
			t.Errorf("range has bit %b; fastEntries leaves ranges to the library", bit)
		case k != "range" && (bit == 0 || seen&bit != 0):
			t.Errorf("key %s: bit %b (seen %b)", k, bit, seen)
		}
		seen |= bit
	}
}
