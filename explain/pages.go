package explain

import (
	"bytes"
	"encoding/xml"
	"html"
	"strings"
	"unicode/utf8"
)

// Readers of bodies that are not JSON: HTML error pages (a gateway's, a
// framework's), XML errors (AWS, SOAP faults) and text.

var (
	htmlTitle  = &lazyRE{expr: `(?is)<title[^>]*>(.*?)</title>`}
	htmlH1     = &lazyRE{expr: `(?is)<h1[^>]*>(.*?)</h1>`}
	htmlPre    = &lazyRE{expr: `(?is)<pre[^>]*>(.*?)</pre>`}
	tags       = &lazyRE{expr: `<[^>]*>`}
	cfCode     = &lazyRE{expr: `(?i)error(?: code)?[ :]*(1\d{3})\b`}
	pageRayID  = &lazyRE{expr: `(?i)(?:cloudflare )?ray id:?\s*(?:<[^>]*>\s*)*([0-9a-f]{16})`}
	pageRefID  = &lazyRE{expr: `(?i)(?:request id|reference #|reference id|ref id)[:\s]*([A-Za-z0-9._=\-]{6,120})`}
	leadStatus = &lazyRE{expr: `^(?:HTTP(?:/\d(?:\.\d)?)?\s+|Error:?\s+)?([1-5]\d\d)\b`}
)

func isHTML(b []byte) bool {
	head := bytes.ToLower(b[:min(len(b), 512)])
	return bytes.Contains(head, []byte("<html")) || bytes.Contains(head, []byte("<!doctype html")) || bytes.Contains(head, []byte("<head")) || bytes.Contains(head, []byte("<body")) || bytes.Contains(head, []byte("<title"))
}

// htmlText is the text of an HTML fragment: tags dropped, entities
// decoded, spaces collapsed.
func htmlText(b []byte) string {
	return strings.Join(strings.Fields(html.UnescapeString(tags.get().ReplaceAllString(string(b), ""))), " ")
}

// readHTML reads an HTML error page: its title (or first heading, or an
// Express-style <pre>), the status it names, who wrote it (nginx's and
// Cloudflare's pages have signatures), an error number and a reference id.
func readHTML(b []byte) Body {
	out := Body{Shape: "html"}
	title := ""
	if m := htmlTitle.get().FindSubmatch(b); m != nil {
		title = htmlText(m[1])
	}
	if m := htmlH1.get().FindSubmatch(b); m != nil && (title == "" || strings.EqualFold(title, "error")) {
		title = htmlText(m[1])
	}
	if m := htmlPre.get().FindSubmatch(b); m != nil && (title == "" || strings.EqualFold(title, "error")) {
		title = htmlText(m[1]) // Express: <title>Error</title> ... <pre>Cannot GET /x</pre>
	}
	lower := bytes.ToLower(b)
	switch {
	case bytes.Contains(lower, []byte("cloudflare")):
		out.Server = "cloudflare"
	case bytes.Contains(lower, []byte("<center>nginx")) || bytes.Contains(lower, []byte("nginx/")):
		out.Server = "nginx"
	case bytes.Contains(lower, []byte("cloudfront")):
		out.Server = "cloudfront"
	case bytes.Contains(lower, []byte("apache/")) || bytes.Contains(lower, []byte("<address>apache")):
		out.Server = "apache"
	}
	it := Item{Message: clip(title)}
	text := []byte(htmlText(b)) // tags out, entities decoded: "Error <span>1101</span>", "Reference&#32;&#35;18..."
	if out.Server == "cloudflare" {
		if m := cfCode.get().FindSubmatch(text); m != nil {
			it.Code = string(m[1])
		}
		if m := pageRayID.get().FindSubmatch(b); m != nil {
			out.RequestID, out.IDFrom = string(m[1]), "the page's Ray ID"
		}
	}
	if out.RequestID == "" {
		if m := pageRefID.get().FindSubmatch(text); m != nil {
			out.RequestID, out.IDFrom = string(m[1]), "the page's reference"
		}
	}
	if m := leadStatus.get().FindStringSubmatch(title); m != nil {
		out.Status, out.StatusFrom = asStatus(m[1]), "the page's title"
	}
	if it.Message != "" || it.Code != "" {
		out.Items = []Item{it}
	}
	if out.Status >= 400 || it.Code != "" || strings.Contains(strings.ToLower(title), "error") {
		out.report("an HTML error page")
	}
	return out
}

// readXML reads an XML error: AWS's <Error><Code><Message><RequestId>
// (also inside <ErrorResponse>), a SOAP 1.1 fault (faultcode,
// faultstring) or 1.2 fault (Code/Value, Reason/Text), and the like.
func readXML(b []byte) Body {
	out := Body{Shape: "xml"}
	d := xml.NewDecoder(bytes.NewReader(b))
	// Not strict: unknown entities and unclosed tags pass. (HTML's entity
	// table is not needed for an XML error, and linking it would build its
	// map at every start.)
	d.Strict = false
	var it Item
	var stack []string
	fault, awsRoot, hostID := false, false, false
	for n := 0; n < 10000; n++ { // bounded: hostile XML cannot spin forever
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			if name == "fault" {
				fault = true
			}
			if len(stack) == 0 && name == "errorresponse" || name == "hostid" { // AWS's query protocol; S3's HostId
				awsRoot = true
			}
			hostID = hostID || name == "hostid"
			if len(stack) < 64 {
				stack = append(stack, name)
			}
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			text := strings.TrimSpace(string(t))
			if text == "" || len(stack) == 0 {
				continue
			}
			name, parent := stack[len(stack)-1], ""
			if len(stack) > 1 {
				parent = stack[len(stack)-2]
			}
			switch {
			case name == "code" || name == "errorcode" || name == "faultcode" || name == "value" && parent == "code":
				if it.Code == "" {
					it.Code = text
				}
			case name == "message" || name == "errormessage" || name == "faultstring" || name == "text" && parent == "reason":
				if it.Message == "" {
					it.Message = clip(text)
				}
			case name == "requestid" || name == "request-id" || name == "x-amz-request-id":
				out.RequestID, out.IDFrom = text, "RequestId in the body"
			}
		}
	}
	switch {
	case fault:
		out.Shape = "soap"
		if _, local, ok := strings.Cut(it.Code, ":"); ok { // soap:Client, env:Receiver
			it.Code = local
		}
		out.report("a SOAP fault")
		out.ClientFault = it.Code == "Client" || it.Code == "Sender" // the message itself is wrong
	case awsRoot && (it.Code != "" || it.Message != ""):
		out.Shape = "aws" // S3 and AWS's query protocol; Azure's and GCS's <Error> are not AWS's
		out.report("an XML error")
	case it.Code != "" || it.Message != "":
		out.report("an XML error")
	}
	if it.Code != "" || it.Message != "" {
		out.Items = []Item{it}
	}
	return out
}

// readText takes the first line of a text body as its message, and a
// status it begins with (Go's "404 page not found", "503 Service
// Unavailable").
func readText(b []byte) Body {
	line, _, _ := bytes.Cut(b, []byte("\n"))
	msg := clip(string(bytes.TrimSpace(line)))
	out := Body{Shape: "text", Items: []Item{{Message: msg}}}
	if m := leadStatus.get().FindStringSubmatch(msg); m != nil {
		if n := asStatus(m[1]); n >= 400 {
			out.Status, out.StatusFrom = n, "the body's first line"
		}
	}
	l := strings.ToLower(msg)
	for _, g := range gatewayLines {
		if out.Status == 0 && strings.HasPrefix(l, g.prefix) {
			out.Status, out.StatusFrom = g.status, "the body's text ("+g.who+"'s)"
		}
	}
	if out.Status >= 400 || strings.HasPrefix(l, "error") || strings.HasPrefix(l, "fatal") {
		out.report("an error line")
	}
	return out
}

// gatewayLines are the plain-text answers of common proxies, which name
// no status themselves but are only ever sent with one.
var gatewayLines = []struct {
	prefix string
	status int
	who    string
}{
	{"no healthy upstream", 503, "Envoy"},
	{"upstream connect error or disconnect/reset before headers", 503, "Envoy"},
	{"upstream request timeout", 504, "Envoy"},
}

// clip cuts a message to 300 bytes, never in half a character.
func clip(s string) string {
	if len(s) <= 300 {
		return s
	}
	n := 300
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
