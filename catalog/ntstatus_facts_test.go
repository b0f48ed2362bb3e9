package catalog_test

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

var ntstatusLine = regexp.MustCompile(`^(STATUS_\w+) NTStatus = (0x[0-9A-F]{8})$`)

// ntstatusFacts reads ntstatus-zerrors_windows.go.txt (x/sys): each error
// and warning constant as a fact (the value in 8-digit hex as the code,
// the name as the token, the severity as the category), the names left out
// and why, and the other names of a value (a later constant of the same
// value).
func ntstatusFacts(t *testing.T) (facts []fact, left map[string]string, others map[string][]string) {
	t.Helper()
	left, others = map[string]string{}, map[string][]string{}
	first := map[string]string{} // code -> the name of its entry
	readFacts(t, "ntstatus-zerrors_windows.go.txt", func(lines []string) []fact {
		for _, l := range lines {
			m := ntstatusLine.FindStringSubmatch(l)
			if m == nil {
				if l != "" && !strings.HasPrefix(l, "//") {
					t.Errorf("fact file: unread line %q", l)
				}
				continue
			}
			v, _ := strconv.ParseUint(m[2], 0, 32)
			f := fact{code: m[2], token: m[1]}
			switch v >> 30 {
			case 0:
				left[m[1]] = "success"
				continue
			case 1:
				left[m[1]] = "informational"
				continue
			case 2:
				f.category = "NTSTATUS warning"
			case 3:
				f.category = "NTSTATUS error"
			}
			if name, dup := first[f.code]; dup {
				others[name] = append(others[name], m[1])
				continue
			}
			first[f.code] = m[1]
			facts = append(facts, f)
		}
		return facts
	})
	return facts, left, others
}

func TestNTStatusFacts(t *testing.T) {
	facts, left, others := ntstatusFacts(t)
	checkFacts(t, "ntstatus", facts, nil, nil)
	// Pinned facts people quote, and the counts of x/sys v0.47.0.
	checkPinned(t, "fact file", facts, map[string]string{
		"0xC0000005": "STATUS_ACCESS_VIOLATION", "0xC0000409": "STATUS_STACK_BUFFER_OVERRUN", "0xC0000135": "STATUS_DLL_NOT_FOUND",
		"0xC0000139": "STATUS_ENTRYPOINT_NOT_FOUND", "0xC000013A": "STATUS_CONTROL_C_EXIT", "0xC00000FD": "STATUS_STACK_OVERFLOW",
		"0xC0000374": "STATUS_HEAP_CORRUPTION", "0xC000007B": "STATUS_INVALID_IMAGE_FORMAT", "0xC0000017": "STATUS_NO_MEMORY",
		"0x80000005": "STATUS_BUFFER_OVERFLOW",
	})
	kinds := map[string]int{}
	for _, f := range facts {
		kinds[f.category]++
	}
	if len(facts) != 2417 || kinds["NTSTATUS error"] != 2341 || kinds["NTSTATUS warning"] != 76 || len(left) != 153 || len(others) != 0 {
		t.Errorf("fact file: %d codes (%v), %d names left out, %d with other names; x/sys v0.47.0 has 2417 (2341 errors, 76 warnings), 153 left out, none",
			len(facts), kinds, len(left), len(others))
	}
	ix := catalog.NewIndex(catalog.Builtin())
	c := ix.Catalog("ntstatus")
	if !c.Protocol || len(c.Hosts) != 0 || !strings.Contains(c.Source, "written by errcode") {
		t.Errorf("ntstatus: a vocabulary, with errcode's words said to be errcode's: protocol %v, hosts %v, source %q", c.Protocol, c.Hosts, c.Source)
	}
	tokens := map[string]bool{}
	for i := range c.Entries {
		e := &c.Entries[i]
		tokens[e.Token] = true
		if e.DocURL != "https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-erref/596a1078-e883-4972-9bbc-49e60bebca55" {
			t.Errorf("ntstatus:%s: doc_url %q, want MS-ERREF 2.3's", e.Code, e.DocURL)
		}
	}
	// The names left out are nobody's token.
	for name, why := range left {
		if tokens[name] {
			t.Errorf("ntstatus: %s is an entry, but is left out (%s)", name, why)
		}
	}
	// Every other name of a value is named on its entry (v0.47.0 has
	// none among its failures; genntstatus's TestCodesOf pins the rule).
	for name, alts := range others {
		e := c.Find(byToken(facts, name), "", 0)
		for _, a := range alts {
			if e == nil || !strings.Contains(e.Description, a) {
				t.Errorf("ntstatus:%s does not name %s, its other name", name, a)
			}
		}
	}
	checkRetryable(t, "ntstatus", nil)
}

// A described code's description names the forms a shell or CI log prints
// it in: the exit code as a signed and as an unsigned 32-bit number.
func TestNTStatusDescriptionsNameExitCodes(t *testing.T) {
	c := catalog.NewIndex(catalog.Builtin()).Catalog("ntstatus")
	n := 0
	for i := range c.Entries {
		e := &c.Entries[i]
		if len(e.Causes) == 0 {
			continue
		}
		n++
		v, _ := strconv.ParseUint(e.Code, 0, 32)
		for _, form := range []string{fmt.Sprint(int32(uint32(v))), fmt.Sprint(v), e.Code} {
			if !strings.Contains(e.Description, form) {
				t.Errorf("ntstatus:%s (%s): the description does not say it shows as %s", e.Code, e.Token, form)
			}
		}
	}
	if n != 9 {
		t.Errorf("%d described codes, want the 9 met most as exit codes", n)
	}
}

// The value in hex (any case, with or without 0x, with separators), the
// name, and the value after "ntstatus" each find their one entry; an exit
// code as an unsigned number finds the described entry.
func TestNTStatusLookup(t *testing.T) {
	ix := catalog.NewIndex(catalog.Builtin())
	for q, want := range map[string]string{
		"0xC0000005": "ntstatus:0xC0000005", "0xc0000005": "ntstatus:0xC0000005", "c0000005": "ntstatus:0xC0000005",
		"C0000005": "ntstatus:0xC0000005", "0xC000_0005": "ntstatus:0xC0000005", "STATUS_ACCESS_VIOLATION": "ntstatus:0xC0000005",
		"status_access_violation": "ntstatus:0xC0000005", "ntstatus 0xC0000005": "ntstatus:0xC0000005",
		"NTSTATUS: 0xC0000005": "ntstatus:0xC0000005", "ntstatus:c0000005": "ntstatus:0xC0000005",
		"0xC000007B": "ntstatus:0xC000007B", "STATUS_DLL_NOT_FOUND": "ntstatus:0xC0000135",
		"3221225477": "ntstatus:0xC0000005", "3221226505": "ntstatus:0xC0000409",
	} {
		r := ix.Lookup(catalog.Query{Text: q})
		if got := matchIDs(r.Matches); len(got) != 1 || got[0] != want {
			t.Errorf("lookup %q: %v, want %s alone", q, got, want)
		}
	}
	for id, title := range map[string]string{
		"0xC0000005": "Access violation", "0xC0000022": "Access denied", "0x80000005": "Buffer overflow",
		"0xC0000034": "Object name not found", "0xC00002B9": "No interface",
	} {
		if e := ix.Catalog("ntstatus").Find(id, "", 0); e == nil || e.DisplayTitle() != title {
			t.Errorf("ntstatus:%s: title %q, want %q", id, e.DisplayTitle(), title)
		}
	}
}

// NTSTATUS is a dense vocabulary: its thousands of names come after the
// other catalogs' answers to words and typos.
func TestNTStatusWordsComeLast(t *testing.T) {
	ix := catalog.NewIndex(catalog.Builtin())
	for _, q := range []string{"access violation", "acess violaton", "timeout", "not found"} {
		ms := ix.Lookup(catalog.Query{Text: q}).Matches
		seen := false
		for _, m := range ms {
			if m.Entry.Catalog == "ntstatus" {
				seen = true
			} else if seen && !catalog.IsDense(m.Entry.Catalog) {
				t.Errorf("lookup %q: %s:%s after an ntstatus answer", q, m.Entry.Catalog, m.Entry.Code)
				break
			}
		}
		if len(ms) > 0 && ms[0].Entry.Catalog == "ntstatus" {
			t.Errorf("lookup %q: ntstatus:%s first", q, ms[0].Entry.Code)
		}
	}
}
