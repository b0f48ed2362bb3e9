package explain

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/textproto"
	"os"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"
	"time"
	"unicode/utf8"
)

// unmarshalHAR is how HAR files were read before they streamed: the whole
// file through json.Unmarshal. On a well-typed HAR small enough for no cap
// to matter, the stream must read the same exchanges.
func unmarshalHAR(data []byte) ([]Exchange, int, bool) {
	var h struct {
		Log struct {
			Entries []struct {
				Request struct {
					Method string `json:"method"`
					URL    string `json:"url"`
				} `json:"request"`
				Response struct {
					Status      int         `json:"status"`
					StatusText  string      `json:"statusText"`
					HTTPVersion string      `json:"httpVersion"`
					Headers     []harHeader `json:"headers"`
					Content     struct {
						Text     string `json:"text"`
						Encoding string `json:"encoding"`
					} `json:"content"`
				} `json:"response"`
			} `json:"entries"`
		} `json:"log"`
	}
	if err := json.Unmarshal(bytes.TrimPrefix(data, []byte(utf8BOM)), &h); err != nil || h.Log.Entries == nil {
		return nil, 0, false
	}
	out, omitted := []Exchange{}, 0
	for _, e := range h.Log.Entries {
		r := e.Response
		if r.Status < 400 || r.Status > 599 {
			continue
		}
		if len(out) == MaxExchanges {
			omitted++
			continue
		}
		hdr, names := textproto.MIMEHeader{}, spelling{}
		for _, kv := range r.Headers {
			hdr.Add(names.add(kv.Name), kv.Value)
		}
		body := []byte(r.Content.Text)
		if r.Content.Encoding == "base64" {
			if b, err := base64.StdEncoding.DecodeString(r.Content.Text); err == nil {
				body = b
			}
		}
		out = append(out, Exchange{Method: e.Request.Method, URL: e.Request.URL, Host: hostOf(e.Request.URL),
			Response: Response{Protocol: harProtocol(r.HTTPVersion), Status: r.Status, Reason: r.StatusText, Header: hdr, names: names, Body: body}})
	}
	return out, omitted, true
}

// sameExchanges says how two readings differ, or "".
func sameExchanges(got, want []Exchange) string {
	if len(got) != len(want) {
		return fmt.Sprintf("%d exchanges, want %d", len(got), len(want))
	}
	for i := range got {
		g, w := got[i], want[i]
		if !bytes.Equal(g.Body, w.Body) {
			return fmt.Sprintf("exchange %d: body %q, want %q", i, g.Body, w.Body)
		}
		g.Body, w.Body = nil, nil
		if w.names == nil { // a hand-written want: the names' spelling is not its point
			g.names = nil
		}
		if !reflect.DeepEqual(g, w) {
			return fmt.Sprintf("exchange %d:\n got %+v\nwant %+v", i, g, w)
		}
	}
	return ""
}

func streamHAR(t *testing.T, har string) ([]Exchange, int) {
	t.Helper()
	tr, err := ParseHAR(strings.NewReader(har))
	if err != nil {
		t.Fatalf("ParseHAR: %v", err)
	}
	if tr.Format != "har" || tr.Truncated {
		t.Errorf("format %q, truncated %v", tr.Format, tr.Truncated)
	}
	return tr.Exchanges, tr.Omitted
}

// Every kind of entry: what is kept, what is skipped, and what is read of
// each field, wherever it stands in its object.
func TestHARStreamEntries(t *testing.T) {
	har := `{"log": {
	  "version": "1.2", "creator": {"name": "WebInspector", "version": "537.36"},
	  "pages": [{"id": "page_1", "pageTimings": {"onLoad": 12.5}, "x": [[[{"deep": [true, false, null]}]]]}],
	  "entries": [
	    {"request": {"method": "GET", "url": "https://a.example/ok"}, "response": {"status": 200, "content": {"text": "fine"}}},
	    {"request": {"method": "GET", "url": "https://a.example/moved"}, "response": {"status": 304, "headers": []}},
	    {"request": {"method": "GET", "url": "https://a.example/399"}, "response": {"status": 399}},
	    {"_initiator": {"type": "script", "stack": {"callFrames": [{"lineNumber": 1}]}}, "cache": {}, "timings": {"wait": 1.5e2, "blocked": -1},
	     "request": {"method": "POST", "url": "https://api.wontopos.com/v1/x?api_key=K", "headers": [{"name": "Authorization", "value": "Bearer secret"}], "postData": {"text": "{}"}},
	     "response": {"status": 429, "statusText": "Too Many Requests", "httpVersion": "h2",
	       "headers": [{"name": "retry-after", "value": "60"}, {"name": "x-request-id", "value": "req_1"}, {"name": "Set-Cookie", "value": "a=1"}, {"name": "set-cookie", "value": "b=2"}],
	       "cookies": [], "content": {"size": 50, "mimeType": "application/json", "text": "{\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"caf\u00e9\\n\"}}"},
	       "redirectURL": "", "headersSize": -1, "bodySize": -1}},
	    {"response": {"content": {"encoding": "base64", "text": "eyJhIjoxfQ=="}, "headers": [{"value": "v", "name": "N"}], "status": 503, "httpVersion": "HTTP/1.1"},
	     "request": {"url": "http://b.example:8080/p", "method": "DELETE"}},
	    {"response": {"status": 500, "content": {"text": "not base64!", "encoding": "base64"}}},
	    {"response": {"status": 599, "content": {"text": null, "encoding": null}, "statusText": null}},
	    {"response": {"status": 600}},
	    null,
	    {"Request": {"METHOD": "PUT", "Url": "https://c.example/"}, "RESPONSE": {"Status": 404, "StatusText": "Not Found", "HttpVersion": "http/2.0"}}
	  ],
	  "comment": "after the entries"
	}}`
	got, omitted := streamHAR(t, har)
	want := []Exchange{
		{Method: "POST", URL: "https://api.wontopos.com/v1/x?api_key=K", Host: "api.wontopos.com", Response: Response{
			Protocol: "HTTP/2", Status: 429, Reason: "Too Many Requests",
			Header: textproto.MIMEHeader{"Retry-After": {"60"}, "X-Request-Id": {"req_1"}, "Set-Cookie": {"a=1", "b=2"}},
			Body:   []byte("{\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"café\\n\"}}")}},
		{Method: "DELETE", URL: "http://b.example:8080/p", Host: "b.example:8080", Response: Response{
			Protocol: "HTTP/1.1", Status: 503, Header: textproto.MIMEHeader{"N": {"v"}}, Body: []byte(`{"a":1}`)}},
		{Response: Response{Status: 500, Header: textproto.MIMEHeader{}, Body: []byte("not base64!")}},
		{Response: Response{Status: 599, Header: textproto.MIMEHeader{}, Body: []byte{}}},
		{Method: "PUT", URL: "https://c.example/", Host: "c.example", Response: Response{Protocol: "HTTP/2", Status: 404, Reason: "Not Found", Header: textproto.MIMEHeader{}, Body: []byte{}}},
	}
	if diff := sameExchanges(got, want); diff != "" || omitted != 0 {
		t.Errorf("%s (omitted %d)", diff, omitted)
	}
	ref, _, ok := unmarshalHAR([]byte(har))
	if diff := sameExchanges(got, ref); !ok || diff != "" {
		t.Errorf("unlike json.Unmarshal (ok %v): %s", ok, diff)
	}
	// The in-memory path reads the same.
	mem, _, ok := parseHAR([]byte(har))
	if diff := sameExchanges(mem, want); !ok || diff != "" {
		t.Errorf("parseHAR (ok %v): %s", ok, diff)
	}
}

// A value of the wrong type inside an entry is skipped, as if absent; the
// rest of the file is read. (Unmarshal failed on the whole file.)
func TestHARStreamWrongTypes(t *testing.T) {
	got, _ := streamHAR(t, `{"log":{"entries":[
	  {"response":{"status":"500"}},
	  {"response":{"status":502.5}},
	  {"response":{"status":99999999999999999999999}},
	  17, "entry", [1, {"response": {"status": 500}}],
	  {"request":"GET /","response":[500]},
	  {"request":{"method":["GET"],"url":{"href":"x"}},"response":{"status":500,"statusText":5,"headers":{"a":"b"},"content":"text"}},
	  {"response":{"status":501,"headers":[1,"x",null,{"name":"A","value":2},{"name":"B","value":"b","extra":{}}],"content":{"text":{"a":1},"encoding":true}}}
	]}}`)
	want := []Exchange{
		{Response: Response{Status: 500, Header: textproto.MIMEHeader{}, Body: []byte{}}},
		// A null header is one with neither name nor value, as Unmarshal
		// reads it; a number or a string is none.
		{Response: Response{Status: 501, Header: textproto.MIMEHeader{"": {""}, "A": {""}, "B": {"b"}}, Body: []byte{}}},
	}
	if diff := sameExchanges(got, want); diff != "" {
		t.Error(diff)
	}
}

// Keys repeated: the last "entries" array and the last "headers" win, as
// with Unmarshal; repeated objects add up.
func TestHARStreamRepeatedKeys(t *testing.T) {
	har := `{"log":{"entries":[{"response":{"status":500}}],"entries":[{"response":{"status":501,"headers":[{"name":"A","value":"1"}],"headers":[{"name":"B","value":"2"}]},"response":{"statusText":"x"}}]},"log":{"version":"1.2"}}`
	got, _ := streamHAR(t, har)
	ref, _, ok := unmarshalHAR([]byte(har))
	if diff := sameExchanges(got, ref); !ok || diff != "" || len(got) != 1 || got[0].Reason != "x" || got[0].Header.Get("B") != "2" || got[0].Header.Get("A") != "" {
		t.Errorf("%+v (%s)", got, diff)
	}
	if _, err := ParseHAR(strings.NewReader(`{"log":{"entries":[],"entries":null}}`)); err == nil {
		t.Error("entries replaced by null: read as a HAR")
	}
}

// What is not a whole HAR is an error, never a panic: every cut of a
// valid file, and files of the wrong shape.
func TestHARStreamMalformed(t *testing.T) {
	data, err := os.ReadFile("../cmd/testdata/responses/handmade-devtools.har")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ParseHAR(bytes.NewReader(data)); err != nil {
		t.Fatalf("the whole file: %v", err)
	}
	end := len(bytes.TrimRight(data, " \r\n"))
	for n := range end {
		if _, err := ParseHAR(bytes.NewReader(data[:n])); err == nil {
			t.Fatalf("cut at %d of %d bytes: read as a HAR", n, len(data))
		}
	}
	for _, in := range []string{
		``, ` `, `null`, `[]`, `"log"`, `{}`, `{"other": "log"}`, `{"log": null}`, `{"log": []}`, `{"log": "x"}`,
		`{"log": {"version": "1.2"}}`, `{"log": {"entries": null}}`, `{"log": {"entries": {}}}`, `{"log": {"entries": 5}}`,
		`{"log": {"entries": [}`, `{"log": {"entries": [],}}`, `{"log": {"entries": [{"response": {"status": 500,}}]}}`,
		`{"log": {"entries": []}} x`, `{"log": {"entries": []}}{}`, `{"log": {"entries": []}}]`, `{"log": {"entries": [] }`,
		`{"log": {"entries": [{"response": {"status": 5` + strings.Repeat("0", maxHARScalar) + `}}]}}`,
		`{"log": {"entries": [{"x": ` + strings.Repeat("[", maxHARDepth+1) + strings.Repeat("]", maxHARDepth+1) + `}]}}`,
		`{"log": {"entries": [{"response": {"status": 500, "statusText": "a` + "\x01" + `b"}}]}}`,
		"\xef\xbb\xbf\xef\xbb\xbf{\"log\": {\"entries\": []}}",
	} {
		tr, err := ParseHAR(strings.NewReader(in))
		if err == nil || tr != nil {
			t.Errorf("%.80q: read as a HAR", in)
		} else if !strings.HasPrefix(err.Error(), "not a HAR file: ") || strings.Contains(err.Error(), "\n") {
			t.Errorf("%.80q: error %q", in, err)
		}
	}
	// Nesting just within the bound is read.
	if _, err := ParseHAR(strings.NewReader(`{"log": {"entries": [{"x": ` + strings.Repeat("[", maxHARDepth) + strings.Repeat("]", maxHARDepth) + `}]}}`)); err != nil {
		t.Errorf("nesting of %d: %v", maxHARDepth, err)
	}
}

// A byte order mark and blank space before the HAR are skipped, streamed
// or in memory.
func TestHARStreamBOM(t *testing.T) {
	har := "\xef\xbb\xbf \r\n\t{\"log\": {\"entries\": [{\"response\": {\"status\": 500}}]}}\n"
	if got, _ := streamHAR(t, har); len(got) != 1 || got[0].Status != 500 {
		t.Errorf("streamed: %+v", got)
	}
	if tr := Parse([]byte(har), false); tr.Format != "har" || len(tr.Exchanges) != 1 {
		t.Errorf("Parse: %s, %d exchanges", tr.Format, len(tr.Exchanges))
	}
	for head, want := range map[string]bool{
		har: true, `{"log":{}}`: true, "\t\n{ \"log\"": true, "\xef\xbb\xbf{\"log\"": true,
		`[{"log":1}]`: false, `{"Log":{}}`: false, `"log"`: false, ``: false, "\xef\xbb\xbf": false,
		"HTTP/1.1 500 x\r\n\r\n{\"log\":1}": false, `{"a":"` + strings.Repeat("x", 4096) + `","log":{}}`: false,
		"\xef\xbb\xbf" + strings.Repeat(" ", 4090) + `{"log"`: true, "\xef\xbb\xbf" + strings.Repeat(" ", 4091) + `{"log"`: false,
	} {
		if got := LooksHAR([]byte(head)); got != want {
			t.Errorf("LooksHAR(%.60q) = %v", head, got)
		}
	}
}

// Past MaxExchanges error responses, the rest are counted, not kept.
func TestHARStreamOmitted(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"log":{"entries":[`)
	errs, last := 0, 0 // error responses, and the index of the MaxExchanges-th
	for i := range 2 * MaxExchanges {
		status := 500 + i%2
		if i%3 == 0 {
			status = 200 // not counted
		} else if errs++; errs == MaxExchanges {
			last = i
		}
		fmt.Fprintf(&b, `{"request":{"url":"https://h.example/%d"},"response":{"status":%d}},`, i, status)
	}
	b.WriteString(`null]}}`)
	got, omitted := streamHAR(t, b.String())
	if len(got) != MaxExchanges || omitted != errs-MaxExchanges {
		t.Fatalf("%d kept, %d omitted; want %d, %d", len(got), omitted, MaxExchanges, errs-MaxExchanges)
	}
	if got[0].URL != "https://h.example/1" || got[MaxExchanges-1].URL != fmt.Sprintf("https://h.example/%d", last) {
		t.Errorf("kept %s .. %s, not the first ones", got[0].URL, got[MaxExchanges-1].URL)
	}
}

// harSource is a HAR generated as it is read: a huge file costs no memory
// of its own.
func harSource(parts ...io.Reader) io.Reader {
	return io.MultiReader(parts...)
}

func lit(s string) io.Reader { return strings.NewReader(s) }

// runs is s repeated n times, read lazily.
func runs(s string, n int) io.Reader {
	return io.LimitReader(&repeater{s: s}, int64(len(s))*int64(n))
}

type repeater struct {
	s   string
	off int
}

func (r *repeater) Read(p []byte) (int, error) {
	for i := 0; i < len(p); {
		n := copy(p[i:], r.s[r.off:])
		i += n
		r.off = (r.off + n) % len(r.s)
	}
	return len(p), nil
}

// allocated is how many bytes fn allocates on the heap.
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// A huge body is cut at MaxBody, text or base64, and costs what its cut
// costs, not its size: the decoder never holds the whole string.
func TestHARStreamHugeBody(t *testing.T) {
	const size = 64 << 20
	entry := func(status int, encoding string, body io.Reader) io.Reader {
		return harSource(lit(fmt.Sprintf(`{"response":{"status":%d,"content":{"encoding":%q,"text":"`, status, encoding)), body, lit(`"}}}`))
	}
	body := `{\"error\":{\"code\":\"E\",\"message\":\"caf\u00e9 \"}} `  // 6 escapes, a \u escape
	b64 := base64.StdEncoding.EncodeToString([]byte(`{"error":"x"}  `)) // 20 chars: 15 bytes
	var got []Exchange
	var err error
	n := allocated(func() {
		got, _, err = readHAR(harSource(lit(`{"log":{"entries":[`),
			entry(500, "", runs(body, size/len(body))), lit(","),
			entry(502, "base64", runs(b64, size/len(b64))), lit(","),
			entry(200, "", runs("x", size)), lit(","), // skipped
			entry(503, "", runs("é", size/2)), // cut inside the string, at a character
			lit(`]}}`)))
	})
	if err != nil {
		t.Fatal(err)
	}
	if n > 24<<20 {
		t.Errorf("reading 256 MiB of bodies allocated %d MiB: the strings were read whole", n>>20)
	}
	if len(got) != 3 {
		t.Fatalf("%d exchanges", len(got))
	}
	text := strings.Repeat(`{"error":{"code":"E","message":"café "}} `, MaxBody/40+1)[:MaxBody]
	if string(got[0].Body) != text {
		t.Errorf("text body: %d bytes, %.60q", len(got[0].Body), got[0].Body)
	}
	if want := strings.Repeat(`{"error":"x"}  `, MaxBody/15+1)[:MaxBody]; string(got[1].Body) != want {
		t.Errorf("base64 body: %d bytes, %.60q", len(got[1].Body), got[1].Body)
	}
	if b := got[2].Body; len(b) != MaxBody || !utf8.Valid(b) || strings.Trim(string(b), "é") != "" {
		t.Errorf("é body: %d bytes, valid UTF-8 %v", len(b), utf8.Valid(b))
	}
}

// Strings are cut at a character or escape's start: what the decoder gets
// is still the string, up to where it was cut, and the JSON after it is
// read as it was (an escaped quote in the dropped part does not end it).
func TestHARLimiter(t *testing.T) {
	for _, unit := range []string{`a`, `é`, `€`, `😀`, `\u00e9`, `\ud83d\ude00`, `\"`, `\\`, `\n`, `\ud83d\ude00x`, `x\ud83d\ude00`, `\ud83dx`, `\ud83d\u00e9`} {
		in := `["` + strings.Repeat(unit, maxHARToken/len(unit)+7) + `\"],[",{"k":1}]`
		var out []any
		dec := json.NewDecoder(&harLimiter{r: strings.NewReader(in)})
		if err := dec.Decode(&out); err != nil {
			t.Fatalf("%s: %v", unit, err)
		}
		var whole []any
		json.Unmarshal([]byte(in), &whole)
		s, _ := out[0].(string)
		if len(out) != 2 || !reflect.DeepEqual(out[1], whole[1]) || !strings.HasPrefix(whole[0].(string), s) {
			t.Fatalf("%s: %.40v", unit, out)
		}
		if raw, _ := json.Marshal(s); len(s) < maxHARToken/6 || len(raw) > maxHARToken+len(unit)+2+len(unit) {
			t.Errorf("%s: %d bytes kept of its text", unit, len(s))
		}
	}
	// A string just within the bound is whole.
	in := `"` + strings.Repeat("a", maxHARToken) + `"`
	var s string
	if err := json.NewDecoder(&harLimiter{r: strings.NewReader(in)}).Decode(&s); err != nil || len(s) != maxHARToken {
		t.Errorf("%d bytes, %v", len(s), err)
	}
}

// Once harBudget bytes of exchanges are kept, the next keep harLean's
// sizes: very many large errors cost a bounded amount.
func TestHARStreamBudget(t *testing.T) {
	// entry is an error response larger than harCaps in every way.
	entry := func(c harCaps) string {
		var b strings.Builder
		fmt.Fprintf(&b, `{"request":{"method":"GET","url":"https://h.example/%s"},"response":{"status":500,"headers":[`, strings.Repeat("u", c.field))
		for i := range c.headers/(harHeaderAdd+40) + 1 {
			fmt.Fprintf(&b, `{"name":"X-H%03d","value":"%s"},`, i, strings.Repeat("v", 34))
		}
		fmt.Fprintf(&b, `{"name":"Last","value":"x"}],"content":{"text":"%s"}}}`, strings.Repeat("b", c.body+1))
		return b.String()
	}
	large := harBudget/(MaxBody+harFull.headers) + 2 // more than the budget holds
	got, _, err := readHAR(harSource(lit(`{"log":{"entries":[`), runs(entry(harFull)+",", large), runs(entry(harLean)+",", MaxExchanges), lit(`null]}}`)))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != MaxExchanges {
		t.Fatalf("%d exchanges", len(got))
	}
	total, full := 0, 0
	for i, ex := range got {
		size := len(ex.URL) + len(ex.Body)
		for k, vs := range ex.Header {
			for _, v := range vs {
				size += len(k) + len(v) + harHeaderAdd
			}
		}
		total += size
		c := harLean
		if i < large && len(ex.Body) == MaxBody {
			full++
			c = harFull
		}
		if len(ex.Body) != c.body || len(ex.URL) != c.field || len(ex.Header) < c.headers/(harHeaderAdd+50) || size-len(ex.URL)-len(ex.Body) > c.headers {
			t.Fatalf("exchange %d: body of %d bytes, URL of %d, %d headers", i, len(ex.Body), len(ex.URL), len(ex.Header))
		}
	}
	// The budget is spent by the exchange that passes it: one more than
	// fit whole.
	if want := harBudget/(MaxBody+harFull.field+harFull.headers) + 1; full != want {
		t.Errorf("%d exchanges at full size, want %d", full, want)
	}
	if max := harBudget + (harFull.body + harFull.field + harFull.headers) + MaxExchanges*(harLean.body+harLean.field+harLean.headers); total > max {
		t.Errorf("exchanges hold %d bytes, over %d", total, max)
	}
}

// writeHAR writes a HAR of about size bytes as Chrome exports one: pages,
// entries with initiators, request and response headers, timings, JSON
// bodies and base64 images, all 200 but every 97th, which is a 503; then
// the entries of tail (JSON objects, comma-separated), and its end.
func writeHAR(w io.Writer, size int, tail string) {
	img := base64.StdEncoding.EncodeToString(bytes.Repeat([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 2000))
	json := strings.Repeat(`{\"id\":12345,\"name\":\"item \u00e9\",\"tags\":[\"a\",\"b\"]},`, 60)
	io.WriteString(w, `{"log":{"version":"1.2","creator":{"name":"WebInspector","version":"537.36"},"pages":[{"startedDateTime":"2026-11-22T10:00:00.000Z","id":"page_1","title":"https://app.example/","pageTimings":{"onContentLoad":512.3,"onLoad":901.7}}],"entries":[`)
	written := 0
	for i := 0; written < size; i++ {
		status, text, enc, mime := 200, `[`+json+`{}]`, "", "application/json"
		switch {
		case i%97 == 96:
			status, text, mime = 503, `{\"error\":{\"code\":\"unavailable\",\"message\":\"try later\"}}`, "application/json"
		case i%5 == 0:
			text, enc, mime = img, "base64", "image/png"
		}
		n, _ := fmt.Fprintf(w, `{"_initiator":{"type":"script","stack":{"callFrames":[{"functionName":"load","scriptId":"12","url":"https://app.example/main.js","lineNumber":%d,"columnNumber":20}]}},"_priority":"High","_resourceType":"fetch","cache":{},"connection":"443","pageref":"page_1",`+
			`"request":{"method":"GET","url":"https://api.example.com/v1/items?page=%d","httpVersion":"http/2.0","headers":[{"name":":authority","value":"api.example.com"},{"name":":method","value":"GET"},{"name":":path","value":"/v1/items?page=%d"},{"name":"accept","value":"application/json"},{"name":"user-agent","value":"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36"}],"queryString":[{"name":"page","value":"%d"}],"cookies":[],"headersSize":-1,"bodySize":0},`+
			`"response":{"status":%d,"statusText":"","httpVersion":"http/2.0","headers":[{"name":"content-type","value":"%s"},{"name":"date","value":"Sun, 22 Nov 2026 10:00:00 GMT"},{"name":"x-request-id","value":"req_%d"},{"name":"cache-control","value":"no-store"},{"name":"server","value":"envoy"}],"cookies":[],"content":{"size":%d,"mimeType":"%s","text":"%s","encoding":"%s"},"redirectURL":"","headersSize":-1,"bodySize":1200,"_transferSize":1500,"_error":null},`+
			`"serverIPAddress":"192.0.2.1","startedDateTime":"2026-11-22T10:00:00.000Z","time":123.456,"timings":{"blocked":1.2,"dns":-1,"ssl":-1,"connect":-1,"send":0.1,"wait":100.2,"receive":2.3,"_blocked_queueing":0.8}},`,
			i, i, i, i, status, mime, i, len(text), mime, text, enc)
		written += n
	}
	io.WriteString(w, tail+`]}}`)
}

// BenchmarkHARStream reads a 50 MB HAR as a stream: its allocations per
// read show what the file's size costs (it should be garbage, not a
// whole copy held at once; the peak is measured on the binary, see
// scripts).
func BenchmarkHARStream(b *testing.B) {
	var buf bytes.Buffer
	writeHAR(&buf, 50<<20, `{"response":{"status":429}}`)
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		out, _, err := readHAR(bytes.NewReader(data))
		if err != nil || len(out) == 0 || out[len(out)-1].Status != 429 {
			b.Fatalf("%d exchanges, %v", len(out), err)
		}
	}
}

// While an entry is read (its status may come last), its headers are kept
// only up to harFull.headers bytes, however many it has.
func TestHARStreamEntryHeaders(t *testing.T) {
	const n = 100000
	dec := json.NewDecoder(&harLimiter{r: harSource(lit(`{"response":{"headers":[`), runs(`{"name":"X-A","value":"b"},`, n), lit(`{"name":"X-Z","value":"z"}],"status":200}}`))})
	dec.UseNumber()
	h := &harReader{dec: dec}
	if err := h.entry(); err != nil {
		t.Fatal(err)
	}
	if h.e.status != 200 || h.e.headerBytes > harFull.headers || len(h.e.headers) != harFull.headers/(harHeaderAdd+4) {
		t.Errorf("status %d, %d headers in %d bytes kept of %d", h.e.status, len(h.e.headers), h.e.headerBytes, n+1)
	}
}

// FuzzHARStream: whatever arrives, the streamed HAR reader ends without a
// panic, keeps at most MaxExchanges exchanges and MaxBody bytes of each
// body, reads the same whether the bytes come at once or one at a time,
// and, on a file json.Unmarshal reads (small enough for no cap to
// matter), reads what it reads.
func FuzzHARStream(f *testing.F) {
	if b, err := os.ReadFile("../cmd/testdata/responses/handmade-devtools.har"); err == nil {
		f.Add(b)
	}
	for _, s := range []string{
		`{"log":{"entries":[{"request":{"method":"GET","url":"https://h/x"},"response":{"status":500,"headers":[{"name":"a","value":"b"}],"content":{"text":"eyJhIjoxfQ==","encoding":"base64"}}}]}}`,
		`{"log":{"entries":[null,{"response":{"status":"500"}},{"RESPONSE":{"Status":404,"content":{"text":"caf\u00e9 \ud83d\ude00 \"q\""}}}]},"log":null}`,
		`{"log":{"entries":[],"entries":[{"response":{"status":503,"headers":[null,1,{"name":"x"}]}}]}}`,
		"\xef\xbb\xbf {\"log\":{\"entries\":[{\"response\":{\"status\":599}}]}}\n",
		`{"log":{"entries":[{"response":{"status":500}}]}} trailing`, `{"log":{"entries":[[[[[[`, `{"log":{"entries":[{"x":-1.5e3}]}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		done := make(chan struct{})
		defer close(done)
		go func() {
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				panic(fmt.Sprintf("no answer in 10 s for %d bytes", len(data)))
			}
		}()
		out, omitted, err := readHAR(bytes.NewReader(data))
		if len(out) > MaxExchanges || omitted < 0 || err != nil && (out != nil || omitted != 0) {
			t.Fatalf("%d exchanges, %d omitted, %v", len(out), omitted, err)
		}
		for _, ex := range out {
			if len(ex.Body) > MaxBody || ex.Status < 400 || ex.Status > 599 {
				t.Fatalf("status %d, body of %d bytes", ex.Status, len(ex.Body))
			}
		}
		slow, slowOmitted, slowErr := readHAR(iotest.OneByteReader(bytes.NewReader(data)))
		if (err == nil) != (slowErr == nil) || slowOmitted != omitted {
			t.Fatalf("one byte at a time: %v, %d omitted; at once: %v, %d", slowErr, slowOmitted, err, omitted)
		}
		if diff := sameExchanges(slow, out); diff != "" {
			t.Fatalf("one byte at a time: %s", diff)
		}
		if len(data) > maxHARScalar {
			return
		}
		if ref, refOmitted, ok := unmarshalHAR(data); ok {
			if err != nil || omitted != refOmitted {
				t.Fatalf("json.Unmarshal reads it (%d exchanges); the stream: %v", len(ref), err)
			}
			if diff := sameExchanges(out, ref); diff != "" {
				t.Fatalf("unlike json.Unmarshal: %s", diff)
			}
		}
	})
}
