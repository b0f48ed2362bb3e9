package explain

import (
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

// A claim's later lines, in the catalog's other patterns, add what the
// claiming line left out (gcloud: the canonical code on its error line,
// the ErrorInfo's reason below it); they never replace what it said, and
// the claiming pattern's own later matches are other errors, not this one.
func TestClaimByLinesLater(t *testing.T) {
	c := &catalog.Catalog{ID: "acme", Lines: []string{
		`^acme failed: (?P<token>[A-Z_]+): (?P<message>.*)`,
		`^  acme reason: (?P<code>[A-Z_]+)$`,
		`^acme error (?P<code>[A-Z_]+) \(request (?P<request_id>\w+)\)$`,
		`^acme call (?P<code>[A-Z]+)(?: \(request (?P<request_id>\w+)\))?$`,
		`^  acme status: (?P<token>[A-Z_]+)$`,
		`^acme http (?P<status>\d{3})$`,
		`^acme failed with (?P<status>\d{3}): (?P<token>[A-Z_]+)$`,
	}}
	ix := catalog.NewIndex([]*catalog.Catalog{c})
	for name, tc := range map[string]struct {
		lines             []string
		code, token, rqid string
		status            int
	}{
		"reason below":              {[]string{"acme failed: QUOTA: slow down", "  acme reason: RATE_LIMITED"}, "RATE_LIMITED", "QUOTA", "", 0},
		"reason first":              {[]string{"  acme reason: EARLIER", "acme failed: QUOTA: slow down"}, "EARLIER", "QUOTA", "", 0},
		"a code is kept":            {[]string{"acme error FIRST (request r1)", "  acme reason: SECOND"}, "FIRST", "", "r1", 0},
		"same pattern is not":       {[]string{"acme failed: QUOTA: slow down", "acme failed: OTHER: no"}, "", "QUOTA", "", 0},
		"request id added":          {[]string{"acme failed: QUOTA: slow down", "acme error SECOND (request r2)"}, "SECOND", "QUOTA", "r2", 0},
		"a token is kept":           {[]string{"acme failed: QUOTA: slow down", "  acme status: OTHER"}, "", "QUOTA", "", 0},
		"a request id is kept":      {[]string{"acme error FIRST (request r1)", "acme call TWO (request r2)"}, "FIRST", "", "r1", 0},
		"status added":              {[]string{"acme failed: QUOTA: slow down", "acme http 429"}, "", "QUOTA", "", 429},
		"a status is kept":          {[]string{"acme failed with 503: BUSY", "acme http 429"}, "", "BUSY", "", 503},
		"same pattern, other error": {[]string{"acme call ONE", "acme call TWO (request r2)"}, "ONE", "", "", 0},
	} {
		lc, ok := claimByLines(ix, "", tc.lines)
		if !ok {
			t.Errorf("%s: no claim", name)
			continue
		}
		if lc.item.Code != tc.code || lc.item.Token != tc.token || lc.requestID != tc.rqid || lc.item.Status != tc.status {
			t.Errorf("%s: code %q token %q request id %q status %d; want %q %q %q %d", name, lc.item.Code, lc.item.Token, lc.requestID, lc.item.Status, tc.code, tc.token, tc.rqid, tc.status)
		}
	}
}
