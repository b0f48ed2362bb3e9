package explain

import (
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

// curl's exit status is read as the failure line curl -S would have
// printed, marked as read from the status; output that says more wins.
func TestCurlExit(t *testing.T) {
	ix := catalog.NewIndex(catalog.Builtin())
	for _, tc := range []struct {
		name, output string
		exit         int
		first, from  string // the first finding's code and where it was found
		status       int
		noResponse   bool
		failedRule   string
	}{
		{"curl -s prints nothing", "", 7, "7", fromCurlExit, 0, true, "F1"},
		{"curl -s prints nothing, a timeout", "", 28, "28", fromCurlExit, 0, true, "F1"},
		{"curl -sS said it already", "curl: (7) Failed to connect to 127.0.0.1 port 1 after 0 ms: Couldn't connect to server\n", 7, "7", "curl's error line", 0, true, "F1"},
		{"curl -s -w's 000 gives way to the status", "000", 6, "6", fromCurlExit, 0, true, "F1"},
		{"curl -sf with the status in -w", "404", 22, "", "", 404, false, "F3"},
		{"curl -sf prints nothing", "", 22, "22", fromCurlExit, 0, true, "F1"},
		{"curl -si cut off after a 200", "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"a\":", 18, "18", fromCurlExit, 200, false, "F2"},
	} {
		tr := Parse([]byte(tc.output), false)
		tr.CurlExit(tc.exit)
		d := Diagnose(tr.Exchanges[0], ix, Options{})
		if !d.Failed || d.FailedRule != tc.failedRule || d.NoResponse != tc.noResponse || d.Status != tc.status {
			t.Errorf("%s: failed %v (%s), no response %v, status %d; want %s, %v, %d", tc.name, d.Failed, d.FailedRule, d.NoResponse, d.Status, tc.failedRule, tc.noResponse, tc.status)
		}
		if tc.first == "" {
			for _, f := range d.Findings {
				if f.From == fromCurlExit {
					t.Errorf("%s: %+v: the status in the output is the diagnosis", tc.name, f.Item)
				}
			}
			continue
		}
		if len(d.Findings) == 0 {
			t.Errorf("%s: no findings", tc.name)
			continue
		}
		f := d.Findings[0]
		if f.Code != tc.first || f.From != tc.from || f.Entry == nil || f.Catalog.ID != "curl" {
			t.Errorf("%s: first finding %+v (entry %v), want curl:%s from %s", tc.name, f.Item, f.Entry != nil, tc.first, tc.from)
		}
		if tc.exit != 0 && len(d.Findings) > 1 && d.Findings[1].Vocab == "curl" && d.Findings[1].Code == "" {
			t.Errorf("%s: curl -w's 000 note stays beside the status that explains it", tc.name)
		}
	}
	// A signal, or success, adds nothing.
	tr := Parse(nil, false)
	tr.CurlExit(0)
	if len(tr.Exchanges[0].Carried) != 0 {
		t.Errorf("exit 0 added %+v", tr.Exchanges[0].Carried)
	}
}
