package catalog_test

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

var (
	windowsTyped = regexp.MustCompile(`^(\w+) (syscall\.Errno|Handle) = (0x[0-9A-F]{8}|\d+)$`)
	windowsAlias = regexp.MustCompile(`^(\w+) = (\w+)$`)
	// The constants that bound or mask a block of codes, and the severity
	// values: not errors (windows.yaml's header names them).
	windowsMarker = regexp.MustCompile(`^(\w+_([ES]_)?(FIRST|LAST)|DNS_ERROR_(\w+_)?BASE|DNS_ERROR_MASK|WSABASEERR|TPM_E_(PCP_)?ERROR_MASK|SEVERITY_(SUCCESS|ERROR)|ERROR_IPSEC_IKE_NEG_STATUS_(BEGIN|END|EXTENDED_END))$`)
)

// windowsFacts reads windows-zerrors_windows.go.txt (x/sys): each error
// constant as a fact (a Win32 or WinSock number in decimal, anything with
// the severity bit in 8-digit hex; the name as the token; the kind as the
// category), the names left out and why, and the other names of a value
// (a later constant of the same value, or one defined as another's name).
func windowsFacts(t *testing.T) (facts []fact, left map[string]string, others map[string][]string) {
	t.Helper()
	left, others = map[string]string{}, map[string][]string{}
	first := map[string]string{} // code -> the name of its entry
	byName := map[string]string{}
	var aliases [][2]string
	readFacts(t, "windows-zerrors_windows.go.txt", func(lines []string) []fact {
		for _, l := range lines {
			if m := windowsAlias.FindStringSubmatch(l); m != nil {
				aliases = append(aliases, [2]string{m[1], m[2]})
				continue
			}
			m := windowsTyped.FindStringSubmatch(l)
			if m == nil {
				if l != "" && !strings.HasPrefix(l, "//") {
					t.Errorf("fact file: unread line %q", l)
				}
				continue
			}
			v, _ := strconv.ParseUint(m[3], 0, 32)
			inHex := strings.HasPrefix(m[3], "0x")
			switch {
			case windowsMarker.MatchString(m[1]):
				left[m[1]] = "marker"
				continue
			case v == 0 || v < 1<<31 && (inHex || m[2] == "Handle"):
				left[m[1]] = "success"
				continue
			}
			f := fact{code: strconv.FormatUint(v, 10), token: m[1], category: "Win32 error"}
			if v >= 1<<31 {
				f.code, f.category = fmt.Sprintf("0x%08X", v), "HRESULT"
			} else if strings.HasPrefix(m[1], "WSA") {
				f.category = "WinSock error"
			}
			byName[m[1]] = f.code
			if name, dup := first[f.code]; dup {
				others[name] = append(others[name], m[1])
				continue
			}
			first[f.code] = m[1]
			facts = append(facts, f)
		}
		return facts
	})
	for _, a := range aliases {
		code, ok := byName[a[1]]
		switch {
		case windowsMarker.MatchString(a[0]):
			left[a[0]] = "marker"
		case ok:
			others[first[code]] = append(others[first[code]], a[0])
		case left[a[1]] != "":
			left[a[0]] = "another name of " + a[1] + ", left out"
		default:
			t.Errorf("fact file: %s names %s, which it does not define", a[0], a[1])
		}
	}
	return facts, left, others
}

func TestWindowsFacts(t *testing.T) {
	facts, left, others := windowsFacts(t)
	checkFacts(t, "windows", facts, nil, nil)
	// Pinned facts people quote, and the counts of x/sys v0.47.0.
	checkPinned(t, "fact file", facts, map[string]string{
		"2": "ERROR_FILE_NOT_FOUND", "5": "ERROR_ACCESS_DENIED", "32": "ERROR_SHARING_VIOLATION",
		"1225": "ERROR_CONNECTION_REFUSED", "10061": "WSAECONNREFUSED", "11001": "WSAHOST_NOT_FOUND",
		"0x80070005": "E_ACCESSDENIED", "0x80004005": "E_FAIL", "0x80004001": "E_NOTIMPL", "0x8000FFFF": "E_UNEXPECTED",
	})
	kinds := map[string]int{}
	for _, f := range facts {
		kinds[f.category]++
	}
	if len(facts) != 6490 || kinds["HRESULT"] != 3441 || kinds["WinSock error"] != 91 || len(left) != 244 {
		t.Errorf("fact file: %d codes (%v), %d names left out; x/sys v0.47.0 has 6490 (3441 HRESULTs, 91 WinSock), 244 left out", len(facts), kinds, len(left))
	}
	ix := catalog.NewIndex(catalog.Builtin())
	c := ix.Catalog("windows")
	if !c.Protocol || len(c.Hosts) != 0 || !strings.Contains(c.Source, "written by errcode") {
		t.Errorf("windows: a vocabulary, with errcode's words said to be errcode's: protocol %v, hosts %v, source %q", c.Protocol, c.Hosts, c.Source)
	}
	// The names left out are nobody's token.
	tokens := map[string]bool{}
	for i := range c.Entries {
		tokens[c.Entries[i].Token] = true
	}
	for name, why := range left {
		if tokens[name] {
			t.Errorf("windows: %s is an entry, but is left out (%s)", name, why)
		}
	}
	// Every other name of a value is named on its entry, and looking it
	// up finds that entry.
	n := 0
	for name, alts := range others {
		e := c.Find(byToken(facts, name), "", 0)
		for _, a := range alts {
			n++
			if e == nil || !strings.Contains(e.Description, a) {
				t.Errorf("windows:%s does not name %s, its other name", name, a)
			}
			if r := ix.Lookup(catalog.Query{Text: a}); !containsEntry(r.Matches, e) {
				t.Errorf("lookup %s does not find windows:%s", a, name)
			}
		}
	}
	if n == 0 {
		t.Error("no other names: the test no longer tests them")
	}
	// The source says nothing of retrying.
	checkRetryable(t, "windows", nil)
}

func byToken(facts []fact, token string) string {
	for _, f := range facts {
		if f.token == token {
			return f.code
		}
	}
	return ""
}

func containsEntry(ms []catalog.Match, e *catalog.Entry) bool {
	for _, m := range ms {
		if m.Entry == e {
			return true
		}
	}
	return false
}

// A number, an HRESULT (in any case, with separators or leading zeros
// dropped) and a name each find their one entry; after "windows", a number
// other vocabularies share is Windows' alone.
func TestWindowsLookup(t *testing.T) {
	ix := catalog.NewIndex(catalog.Builtin())
	for q, want := range map[string]string{
		"10061": "windows:10061", "WSAECONNREFUSED": "windows:10061", "wsaeconnrefused": "windows:10061",
		"0x80070005": "windows:0x80070005", "0x8007_0005": "windows:0x80070005", "E_ACCESSDENIED": "windows:0x80070005",
		"0x8007000e": "windows:0x8007000E", "ERROR_ACCESS_DENIED": "windows:5", "windows 5": "windows:5",
		"windows:5": "windows:5", "windows 32": "windows:32", "ERROR_SHARING_VIOLATION": "windows:32",
		// the words runtimes print before the number name the catalog
		"WinError 2": "windows:2", "winerror 5": "windows:5", "[WinError 10054]": "windows:10054",
		"HRESULT 0x80004005": "windows:0x80004005", "HRESULT: 0x80070005": "windows:0x80070005",
	} {
		r := ix.Lookup(catalog.Query{Text: q})
		if got := matchIDs(r.Matches); len(got) != 1 || got[0] != want {
			t.Errorf("lookup %q: %v, want %s alone", q, got, want)
		}
	}
	for id, title := range map[string]string{
		"2": "File not found", "0x80004005": "Fail", "10060": "Connection timed out", "10035": "Resource temporarily unavailable",
	} {
		if e := ix.Catalog("windows").Find(id, "", 0); e == nil || e.DisplayTitle() != title {
			t.Errorf("windows:%s: title %q, want %q", id, e.DisplayTitle(), title)
		}
	}
}
