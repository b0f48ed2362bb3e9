package catalog_test

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

// The IANA HTTP Status Code Registry, transcribed from
// https://www.iana.org/assignments/http-status-codes (code, reason phrase,
// reference), as the oracle for the http catalog.
const ianaRegistry = `100|Continue|RFC 9110, Section 15.2.1
101|Switching Protocols|RFC 9110, Section 15.2.2
102|Processing|RFC 2518
103|Early Hints|RFC 8297
200|OK|RFC 9110, Section 15.3.1
201|Created|RFC 9110, Section 15.3.2
202|Accepted|RFC 9110, Section 15.3.3
203|Non-Authoritative Information|RFC 9110, Section 15.3.4
204|No Content|RFC 9110, Section 15.3.5
205|Reset Content|RFC 9110, Section 15.3.6
206|Partial Content|RFC 9110, Section 15.3.7
207|Multi-Status|RFC 4918
208|Already Reported|RFC 5842
226|IM Used|RFC 3229
300|Multiple Choices|RFC 9110, Section 15.4.1
301|Moved Permanently|RFC 9110, Section 15.4.2
302|Found|RFC 9110, Section 15.4.3
303|See Other|RFC 9110, Section 15.4.4
304|Not Modified|RFC 9110, Section 15.4.5
305|Use Proxy|RFC 9110, Section 15.4.6
306|(Unused)|RFC 9110, Section 15.4.7
307|Temporary Redirect|RFC 9110, Section 15.4.8
308|Permanent Redirect|RFC 9110, Section 15.4.9
400|Bad Request|RFC 9110, Section 15.5.1
401|Unauthorized|RFC 9110, Section 15.5.2
402|Payment Required|RFC 9110, Section 15.5.3
403|Forbidden|RFC 9110, Section 15.5.4
404|Not Found|RFC 9110, Section 15.5.5
405|Method Not Allowed|RFC 9110, Section 15.5.6
406|Not Acceptable|RFC 9110, Section 15.5.7
407|Proxy Authentication Required|RFC 9110, Section 15.5.8
408|Request Timeout|RFC 9110, Section 15.5.9
409|Conflict|RFC 9110, Section 15.5.10
410|Gone|RFC 9110, Section 15.5.11
411|Length Required|RFC 9110, Section 15.5.12
412|Precondition Failed|RFC 9110, Section 15.5.13
413|Content Too Large|RFC 9110, Section 15.5.14
414|URI Too Long|RFC 9110, Section 15.5.15
415|Unsupported Media Type|RFC 9110, Section 15.5.16
416|Range Not Satisfiable|RFC 9110, Section 15.5.17
417|Expectation Failed|RFC 9110, Section 15.5.18
418|(Unused)|RFC 9110, Section 15.5.19
421|Misdirected Request|RFC 9110, Section 15.5.20
422|Unprocessable Content|RFC 9110, Section 15.5.21
423|Locked|RFC 4918
424|Failed Dependency|RFC 4918
425|Too Early|RFC 8470
426|Upgrade Required|RFC 9110, Section 15.5.22
428|Precondition Required|RFC 6585
429|Too Many Requests|RFC 6585
431|Request Header Fields Too Large|RFC 6585
451|Unavailable For Legal Reasons|RFC 7725
500|Internal Server Error|RFC 9110, Section 15.6.1
501|Not Implemented|RFC 9110, Section 15.6.2
502|Bad Gateway|RFC 9110, Section 15.6.3
503|Service Unavailable|RFC 9110, Section 15.6.4
504|Gateway Timeout|RFC 9110, Section 15.6.5
505|HTTP Version Not Supported|RFC 9110, Section 15.6.6
506|Variant Also Negotiates|RFC 2295
507|Insufficient Storage|RFC 4918
508|Loop Detected|RFC 5842
510|Not Extended (OBSOLETED)|RFC 2774
511|Network Authentication Required|RFC 6585`

func TestHTTPRegistryComplete(t *testing.T) {
	c := builtin(t, catalog.HTTPCatalog)
	official := map[string]*catalog.Entry{}
	for i := range c.Entries {
		e := &c.Entries[i]
		if e.Kind == catalog.Documented {
			official[e.Code] = e
		}
		if e.Description == "" || e.Title == "" || e.Category == "" {
			t.Errorf("http %s: every status needs a title, category and meaning", e.Code)
		}
		if s, _ := strconv.Atoi(e.Code); s != e.Status {
			t.Errorf("http %s: status %d", e.Code, e.Status)
		}
	}
	rows := strings.Split(ianaRegistry, "\n")
	for _, row := range rows {
		f := strings.Split(row, "|")
		e := official[f[0]]
		if e == nil {
			t.Errorf("registry code %s (%s) is missing", f[0], f[1])
			continue
		}
		if e.Title != f[1] || !strings.HasPrefix(e.Reference, f[2]) || !strings.HasPrefix(e.DocURL, "https://www.rfc-editor.org/rfc/") {
			t.Errorf("http %s: %q %q %q, registry says %q %q", f[0], e.Title, e.Reference, e.DocURL, f[1], f[2])
		}
	}
	if len(official) != len(rows) {
		t.Errorf("%d registered entries, the registry has %d", len(official), len(rows))
	}
	if !strings.Contains(c.Source, "written by errcode") {
		t.Errorf("the http catalog must say its explanations are errcode's own: %q", c.Source)
	}
}

// SOURCES.md lists the unofficial statuses by origin; each must be in the
// catalog, marked unofficial, with its origin named.
func TestHTTPUnofficial(t *testing.T) {
	b, err := os.ReadFile("testdata/seeds/SOURCES.md")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(b)), " ")
	i := strings.Index(text, "Well-known unofficial statuses")
	if i < 0 {
		t.Fatal("SOURCES.md no longer lists unofficial statuses")
	}
	text = text[i : strings.Index(text[i:], "Mark these")+i]
	want := map[string]string{}
	origins := map[string]string{"nginx": "nginx", "Cloudflare": "Cloudflare", "AWS": "AWS Elastic Load Balancing"}
	part := regexp.MustCompile(`(nginx|Cloudflare|AWS)[^0-9]*([0-9][0-9 ,\-and]*[0-9])`)
	num := regexp.MustCompile(`(\d{3})(?:-(\d{3}))?`)
	for _, m := range part.FindAllStringSubmatch(text, -1) {
		for _, n := range num.FindAllStringSubmatch(m[2], -1) {
			from, _ := strconv.Atoi(n[1])
			to := from
			if n[2] != "" {
				to, _ = strconv.Atoi(n[2])
			}
			for s := from; s <= to; s++ {
				want[strconv.Itoa(s)] = origins[m[1]]
			}
		}
	}
	if len(want) != 19 {
		t.Fatalf("parsed %d unofficial statuses from SOURCES.md, want 19: %v", len(want), want)
	}
	c := builtin(t, catalog.HTTPCatalog)
	got := 0
	for _, e := range c.Entries {
		if e.Kind != catalog.Unofficial {
			continue
		}
		got++
		origin, ok := want[e.Code]
		if !ok || !strings.HasPrefix(e.Source, origin) || !strings.Contains(e.Source, "unofficial") {
			t.Errorf("unofficial %s: source %q, SOURCES.md says %q", e.Code, e.Source, origin)
		}
	}
	if got != len(want) {
		t.Errorf("%d unofficial entries, SOURCES.md lists %d", got, len(want))
	}
}
