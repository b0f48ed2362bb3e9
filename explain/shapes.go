package explain

import (
	"bytes"
	"encoding/xml"
	"html"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/errcode-dev/errcode/catalog"
)

// Item is one error the response carries: in its body, in a header, or in
// what the tool printed about the transfer.
type Item struct {
	Code    string
	Token   string
	Message string
	Field   string // a field name, JSON pointer, GraphQL path or location
	Detail  string // more about it (PostgreSQL's details)
	Hint    string // what the server suggests (PostgreSQL's hint)
	Depth   int    // 0 at the top; 1 for errors nested in another
	From    string // where it was found, when not the body: "curl", "grpc-status header"...
	// Vocab is the catalog of the protocol whose carrier this is (an
	// OAuth error object, a gRPC status); with VocabOnly the carrier is
	// the protocol's own (a tool's failure line, a grpc-status header, a
	// Bearer challenge), so no other catalog is asked.
	Vocab     string
	VocabOnly bool
	Fails     bool // the carrier only ever reports failures (the transfer, a gRPC call)
	Status    int  // an HTTP status the carrier states (curl's "returned error: 404")
}

// Body is what errcode understood of a response body.
type Body struct {
	Shape     string // "emnify", "ironwifi", "wontopos", "problem", "google", "oauth", "kubernetes", "grpc", "postgrest", "graphql", "jsonapi", "stripe", "github", "aws", "msgraph", "generic", "xml", "html", "text", ""
	Items     []Item
	Status    int    // a status the body states (problem details, Wontopos, IronWiFi, Google)
	RequestID string // an id the body carries
	DocURL    string // a documentation link the body carries (Stripe, GitHub, OAuth error_uri)
	Server    string // "nginx", "cloudflare": who wrote an HTML error page
	JSON      bool   // the body was JSON (perhaps repaired)
	// RetryDelay is a wait the body states (Google's RetryInfo, Kubernetes'
	// retryAfterSeconds), and RetryDelayFrom where.
	RetryDelay     *int
	RetryDelayFrom string
	Value          any  // the body's JSON value, for a catalog's own body paths
	Repaired       bool // ... but not valid JSON: trailing comma, cut off
}

// readBody finds the errors in a body.
func readBody(body []byte) Body {
	b := bytes.TrimSpace(bytes.TrimPrefix(bytes.TrimSpace(body), []byte("\xef\xbb\xbf")))
	if len(b) == 0 {
		return Body{}
	}
	if v, ok, exact := parseJSON(b); ok {
		out := readJSON(v)
		out.JSON, out.Repaired, out.Value = true, !exact, v
		return out
	}
	if b[0] == '<' {
		if isHTML(b) {
			return readHTML(b)
		}
		return readXML(b)
	}
	return readText(b)
}

// JSON accessors: a path of object keys, and values as strings.

func get(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

func str(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case number:
		return string(x)
	case bool:
		if x {
			return "true"
		}
		return "false"
	}
	return ""
}

// first is the first of keys that v has as a non-empty string or number.
func first(v any, keys ...string) string {
	for _, k := range keys {
		if s := str(get(v, k)); s != "" {
			return s
		}
	}
	return ""
}

func asStatus(v any) int {
	s := str(v)
	if len(s) != 3 || !catalog.IsDigits(s) {
		return 0
	}
	n := int(s[0]-'0')*100 + int(s[1]-'0')*10 + int(s[2]-'0')
	if n < 100 || n > 599 {
		return 0
	}
	return n
}

func list(v any) []any {
	l, _ := v.([]any)
	return l
}

var requestIDKeys = []string{"request_id", "requestId", "request-id", "RequestId", "requestID", "x-request-id", "trace_id", "traceId", "correlation_id", "correlationId"}

func readJSON(v any) Body {
	var out Body
	if arr, ok := v.([]any); ok { // a bare array of errors
		out.Shape = "generic"
		for _, e := range arr {
			if it := genericItem(e, 0); it != nil {
				out.Items = append(out.Items, *it)
			}
		}
		return out
	}
	m, _ := v.(map[string]any)
	out.RequestID = first(v, requestIDKeys...)
	errObj, _ := m["error"].(map[string]any)
	switch {
	case str(m["kind"]) == "Status" && m["apiVersion"] != nil: // Kubernetes metav1.Status
		return readKubernetes(out, m)
	case isGRPCStatusJSON(m): // grpc-gateway, Envoy: {"code": 5, "message", "details": []}
		out.Shape = "grpc"
		out.Items = []Item{{Code: str(m["code"]), Message: str(m["message"]), Vocab: "grpc"}}
		out.Items = append(out.Items, statusDetails(m["details"])...)
		return out
	case isPostgREST(m): // PostgREST, Supabase: a PostgreSQL error as JSON
		out.Shape = "postgrest"
		it := Item{Code: str(m["code"]), Message: str(m["message"]), Detail: str(m["details"]), Hint: str(m["hint"])}
		if isSQLState(it.Code) {
			it.Vocab = "postgres"
		}
		out.Items = []Item{it}
		return out
	case m["error_code"] != nil: // emnify, and codes like AUTH-401 in error_code
		out.Shape = "generic"
		if m["error_token"] != nil || catalog.IsDigits(str(m["error_code"])) {
			out.Shape = "emnify"
		}
		out.Items = emnifyItems(v, 0)
	case m["error"] == true: // IronWiFi: {"error": true, "message", "code", "details"}
		out.Shape = "ironwifi"
		out.Status = asStatus(m["code"])
		out.Items = []Item{{Code: str(m["code"]), Message: str(m["message"])}}
		for _, d := range list(m["details"]) {
			out.Items = append(out.Items, detailItem(d))
		}
	case errObj != nil:
		out = readErrorObject(out, errObj)
		if out.Status == 0 {
			out.Status = asStatus(m["status"]) // Elasticsearch: {"error": {...}, "status": 404}
		}
	case m["ok"] == false && str(m["error"]) != "": // Slack's Web API: {"ok": false, "error": "invalid_auth"}, often under 200
		out.Shape = "slack"
		it := Item{Code: str(m["error"]), Message: first(v, "detail", "message")}
		if n := str(m["needed"]); n != "" {
			it.Field = "needed scope " + n
		}
		out.Items = []Item{it}
	case str(m["error"]) != "": // OAuth 2.0 (RFC 6749 5.2) and plain {"error": "..."}
		out.Shape = "oauth"
		out.Items = []Item{{Code: str(m["error"]), Message: first(v, "error_description", "message"), Vocab: "oauth"}}
		out.DocURL = str(m["error_uri"])
	case m["__type"] != nil: // AWS JSON protocols: "namespace#Code"
		out.Shape = "aws"
		code := str(m["__type"])
		if i := strings.LastIndexByte(code, '#'); i >= 0 {
			code = code[i+1:]
		}
		code, _, _ = strings.Cut(code, ":")
		out.Items = []Item{{Code: code, Message: first(v, "message", "Message")}}
	case isProblem(m): // RFC 9457 / 7807 problem details
		out = readProblem(out, v)
	case list(m["errors"]) != nil && m["message"] != nil && m["documentation_url"] != nil: // GitHub
		out.Shape = "github"
		out.DocURL = str(m["documentation_url"])
		out.Items = []Item{{Message: str(m["message"])}}
		for _, e := range list(m["errors"]) {
			if s, ok := e.(string); ok {
				out.Items = append(out.Items, Item{Message: s, Depth: 1})
				continue
			}
			field := first(e, "field")
			if r := first(e, "resource"); r != "" && field != "" {
				field = r + "." + field
			}
			out.Items = append(out.Items, Item{Code: first(e, "code"), Message: first(e, "message"), Field: field, Depth: 1})
		}
	case list(m["errors"]) != nil:
		out = readErrorsArray(out, list(m["errors"]))
	default:
		if it := genericItem(v, 0); it != nil {
			out.Shape = "generic"
			out.Items = []Item{*it}
		}
		out.Status = asStatus(first(v, "status", "statusCode", "status_code"))
	}
	return out
}

// readKubernetes reads a metav1.Status: its reason (a StatusReason), its
// message, what it is about (details.kind and name) and, for Invalid, the
// fields at fault (details.causes).
func readKubernetes(out Body, m map[string]any) Body {
	out.Shape = "kubernetes"
	out.Status = asStatus(m["code"])
	if str(m["status"]) == "Success" {
		return out
	}
	details := m["details"]
	field := strings.Trim(first(details, "kind")+"/"+first(details, "name"), "/")
	out.Items = []Item{{Code: str(m["reason"]), Message: str(m["message"]), Field: field, Vocab: "kubernetes", VocabOnly: true}}
	if out.Items[0].Code == "" { // the empty reason (StatusReasonUnknown): only the message says
		out.Items[0].Vocab, out.Items[0].VocabOnly = "", false
	}
	if n, err := strconv.Atoi(first(details, "retryAfterSeconds")); err == nil && n >= 0 {
		out.RetryDelay, out.RetryDelayFrom = &n, "details.retryAfterSeconds in the body"
	}
	for _, c := range list(get(details, "causes")) {
		out.Items = append(out.Items, Item{Code: first(c, "reason"), Message: first(c, "message"), Field: first(c, "field"), Depth: 1})
	}
	return out
}

// metadataText is an ErrorInfo's metadata as "key: value, ...", sorted.
func metadataText(v any) string {
	m, _ := v.(map[string]any)
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, k+": "+str(m[k]))
	}
	return strings.Join(parts, ", ")
}

// protoDuration reads a google.protobuf.Duration as JSON writes it ("30s",
// "1.500s"), rounded up to whole seconds.
func protoDuration(s string) (int, bool) {
	v, ok := strings.CutSuffix(strings.TrimSpace(s), "s")
	if !ok {
		return 0, false
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f < 0 || f > 1e9 {
		return 0, false
	}
	n := int(f)
	if float64(n) < f {
		n++
	}
	return n, true
}

// isGRPCStatusJSON: a google.rpc.Status as grpc-gateway and Envoy write it,
// a numeric code with a message and perhaps details, and nothing else.
func isGRPCStatusJSON(m map[string]any) bool {
	if _, ok := m["code"].(number); !ok || !isSmallNumber(str(m["code"])) || m["message"] == nil {
		return false
	}
	n, _ := strconv.Atoi(str(m["code"]))
	if n < 1 || n > 16 {
		return false
	}
	for k := range m {
		switch k {
		case "code", "message", "details", "error":
		default:
			return false
		}
	}
	return true
}

// statusDetails reads google.rpc.Status details that name fields or reasons.
func statusDetails(d any) []Item {
	var out []Item
	for _, x := range list(d) {
		if r := first(x, "reason"); r != "" {
			out = append(out, Item{Code: r, Message: first(x, "domain"), Depth: 1})
		}
		for _, fv := range list(get(x, "fieldViolations")) {
			out = append(out, Item{Message: first(fv, "description"), Field: first(fv, "field"), Depth: 1})
		}
	}
	return out
}

// isPostgREST: {"code", "message", "details", "hint"}, PostgreSQL's error
// fields, as PostgREST returns them (details and hint may be null).
func isPostgREST(m map[string]any) bool {
	_, details := m["details"]
	_, hint := m["hint"]
	_, code := m["code"].(string)
	return code && m["message"] != nil && details && hint
}

// isSQLState: five characters, digits and upper-case letters.
func isSQLState(s string) bool {
	if len(s) != 5 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// emnifyItems: {"error_code", "error_token", "message", "description",
// "errors": [the same shape]}.
func emnifyItems(v any, depth int) []Item {
	msg := first(v, "message")
	if d := first(v, "description"); d != "" {
		msg = strings.TrimSpace(msg + " (" + d + ")")
	}
	items := []Item{{Code: str(get(v, "error_code")), Token: str(get(v, "error_token")), Message: msg, Depth: depth}}
	for _, e := range list(get(v, "errors")) {
		items = append(items, emnifyItems(e, min(depth+1, 8))...)
	}
	return items
}

// detailItem reads one entry of a details list: a string, or an object
// with a field and a message.
func detailItem(d any) Item {
	if s, ok := d.(string); ok {
		return Item{Message: s, Depth: 1}
	}
	return Item{Code: first(d, "code"), Message: first(d, "message", "msg", "description", "reason"), Field: first(d, "field", "name", "param", "path", "pointer"), Depth: 1}
}

// readErrorObject reads {"error": {...}}: Wontopos, Google AIP-193, Stripe,
// Microsoft Graph, and the generic {"error": {"code", "message"}}.
func readErrorObject(out Body, e map[string]any) Body {
	if id := first(e, requestIDKeys...); id != "" {
		out.RequestID = id
	}
	switch {
	case catalog.IsDigits(str(e["code"])) && str(e["status"]) != "" && !catalog.IsDigits(str(e["status"])): // Google
		out.Shape = "google"
		out.Status = asStatus(e["code"])
		it := Item{Code: str(e["status"]), Token: str(e["status"]), Message: str(e["message"]), Vocab: "grpc"} // status is a gRPC code name
		var nested []Item
		for _, d := range list(e["details"]) {
			if r := first(d, "reason"); r != "" {
				it.Code = r
				it.Detail = metadataText(get(d, "metadata")) // which quota, which service
			}
			if secs, ok := protoDuration(first(d, "retryDelay")); ok {
				out.RetryDelay, out.RetryDelayFrom = &secs, "RetryInfo.retryDelay in the body"
			}
			for _, fv := range list(get(d, "fieldViolations")) {
				nested = append(nested, Item{Message: first(fv, "description"), Field: first(fv, "field"), Code: first(fv, "reason"), Depth: 1})
			}
		}
		for _, le := range list(e["errors"]) { // the older {domain, reason, message} list
			if r := first(le, "reason"); r != "" {
				nested = append(nested, Item{Code: r, Message: first(le, "message"), Field: first(le, "location"), Depth: 1})
			}
		}
		out.Items = append([]Item{it}, nested...)
	case e["type"] != nil && (e["param"] != nil || e["decline_code"] != nil || e["doc_url"] != nil || strings.HasSuffix(str(e["type"]), "_error")): // Stripe
		out.Shape = "stripe"
		code := first(e, "code", "decline_code", "type")
		out.Items = []Item{{Code: code, Token: str(e["type"]), Message: str(e["message"]), Field: str(e["param"])}}
		if dc := str(e["decline_code"]); dc != "" && dc != code { // the issuer's reason under card_declined
			out.Items = append(out.Items, Item{Code: dc, Message: "decline code", Depth: 1})
		}
		out.DocURL = str(e["doc_url"])
	case get(e, "innerError") != nil || get(e, "innererror") != nil: // Microsoft Graph
		out.Shape = "msgraph"
		inner := e["innerError"]
		if inner == nil {
			inner = e["innererror"]
		}
		if id := first(inner, "request-id", "requestId", "client-request-id"); id != "" {
			out.RequestID = id
		}
		out.Items = []Item{{Code: str(e["code"]), Message: str(e["message"])}}
		if c := first(inner, "code"); c != "" && c != str(e["code"]) {
			out.Items = append(out.Items, Item{Code: c, Message: first(inner, "message"), Depth: 1})
		}
	default: // Wontopos {"code", "message", "status", "request_id"}, and the like
		out.Shape = "generic"
		if e["request_id"] != nil && e["code"] != nil {
			out.Shape = "wontopos"
		}
		out.Status = asStatus(e["status"])
		code := first(e, "code", "type", "error_code")
		it := Item{Code: code, Message: first(e, "message", "detail", "description", "reason")}
		if idx := first(e, "index"); idx != "" {
			it.Field = "index " + idx
		}
		out.Items = []Item{it}
		for _, rc := range list(e["root_cause"]) { // Elasticsearch's causes
			if t := first(rc, "type"); t != "" && (t != code || first(rc, "reason") != it.Message) {
				it := Item{Code: t, Message: first(rc, "reason"), Depth: 1}
				if idx := first(rc, "index"); idx != "" {
					it.Field = "index " + idx
				}
				out.Items = append(out.Items, it)
			}
		}
		for _, d := range list(e["details"]) {
			out.Items = append(out.Items, detailItem(d))
		}
		for _, d := range list(e["errors"]) {
			out.Items = append(out.Items, detailItem(d))
		}
	}
	return out
}

func isProblem(m map[string]any) bool {
	_, title := m["title"]
	_, detail := m["detail"]
	_, typ := m["type"]
	return (title || typ) && (detail || m["status"] != nil || m["instance"] != nil)
}

// readProblem reads RFC 9457 problem details, with the extension members
// APIs use for field errors: invalid-params, errors (with JSON pointers),
// violations, validation_messages.
func readProblem(out Body, v any) Body {
	out.Shape = "problem"
	out.Status = asStatus(get(v, "status"))
	typ := str(get(v, "type"))
	if typ == "about:blank" {
		typ = ""
	}
	code := first(v, "code", "error_code")
	if code == "" {
		code = typ
	}
	out.Items = []Item{{Code: code, Token: str(get(v, "title")), Message: str(get(v, "detail"))}}
	for _, key := range []string{"invalid-params", "invalid_params", "errors", "violations"} {
		for _, p := range list(get(v, key)) {
			it := detailItem(p)
			if it.Field == "" {
				it.Field = first(p, "pointer", "propertyPath", "property")
			}
			if it.Message == "" {
				it.Message = first(p, "detail", "title")
			}
			out.Items = append(out.Items, it)
		}
	}
	if vm, ok := get(v, "validation_messages").(map[string]any); ok {
		fields := make([]string, 0, len(vm))
		for f := range vm {
			fields = append(fields, f)
		}
		sort.Strings(fields)
		for _, f := range fields {
			out.Items = append(out.Items, Item{Field: f, Message: flatten(vm[f]), Depth: 1})
		}
	}
	return out
}

// flatten turns a validation message (a string, or a map or list of them)
// into one line.
func flatten(v any) string {
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var parts []string
		for _, k := range keys {
			parts = append(parts, flatten(x[k]))
		}
		return strings.Join(parts, "; ")
	case []any:
		var parts []string
		for _, e := range x {
			parts = append(parts, flatten(e))
		}
		return strings.Join(parts, "; ")
	}
	return str(v)
}

// readErrorsArray reads a top-level errors array: GraphQL (message, path,
// locations, extensions.code) or JSON:API (status, code, title, detail,
// source.pointer).
func readErrorsArray(out Body, errs []any) Body {
	out.Shape = "jsonapi"
	for _, e := range errs {
		if get(e, "path") != nil || get(e, "locations") != nil || get(e, "extensions") != nil {
			out.Shape = "graphql"
		}
	}
	for _, e := range errs {
		var it Item
		if out.Shape == "graphql" {
			it = Item{Code: first(get(e, "extensions"), "code", "errorType"), Message: first(e, "message"), Field: graphqlPath(e)}
		} else {
			field := first(get(e, "source"), "pointer", "parameter", "header")
			it = Item{Code: first(e, "code", "id"), Token: first(e, "title"), Message: first(e, "detail", "message"), Field: field}
			if it.Code == "" {
				it.Code = first(e, "status")
			}
			if out.Status == 0 {
				out.Status = asStatus(get(e, "status"))
			}
		}
		out.Items = append(out.Items, it)
	}
	return out
}

func graphqlPath(e any) string {
	var parts []string
	for _, p := range list(get(e, "path")) {
		parts = append(parts, str(p))
	}
	if len(parts) > 0 {
		return strings.Join(parts, ".")
	}
	for _, l := range list(get(e, "locations")) {
		return "line " + str(get(l, "line")) + ", column " + str(get(l, "column"))
	}
	return ""
}

// genericItem reads an error from common field names.
func genericItem(v any, depth int) *Item {
	it := Item{
		Code:    first(v, "code", "error_code", "errorCode", "error", "type", "errorType"),
		Message: first(v, "message", "error_message", "errorMessage", "msg", "detail", "description", "error_description"),
		Field:   first(v, "field", "param", "pointer"),
		Depth:   depth,
	}
	if it.Code == "" && it.Message == "" {
		return nil
	}
	return &it
}

var (
	htmlTitle = &lazyRE{expr: `(?is)<title[^>]*>(.*?)</title>`}
	htmlH1    = &lazyRE{expr: `(?is)<h1[^>]*>(.*?)</h1>`}
	tags      = &lazyRE{expr: `<[^>]*>`}
	cfCode    = &lazyRE{expr: `(?i)error(?: code)?[ :]*(1\d{3})\b`}
)

func isHTML(b []byte) bool {
	head := bytes.ToLower(b[:min(len(b), 512)])
	return bytes.Contains(head, []byte("<html")) || bytes.Contains(head, []byte("<!doctype html")) || bytes.Contains(head, []byte("<head")) || bytes.Contains(head, []byte("<body")) || bytes.Contains(head, []byte("<title"))
}

// readHTML reads an HTML error page: its title (or first heading), and who
// wrote it (nginx's and Cloudflare's pages have signatures).
func readHTML(b []byte) Body {
	out := Body{Shape: "html"}
	title := ""
	if m := htmlTitle.get().FindSubmatch(b); m != nil {
		title = string(m[1])
	} else if m := htmlH1.get().FindSubmatch(b); m != nil {
		title = string(m[1])
	}
	title = strings.Join(strings.Fields(html.UnescapeString(tags.get().ReplaceAllString(title, ""))), " ")
	lower := bytes.ToLower(b)
	switch {
	case bytes.Contains(lower, []byte("cloudflare")):
		out.Server = "cloudflare"
	case bytes.Contains(lower, []byte("<center>nginx")) || bytes.Contains(lower, []byte("nginx/")):
		out.Server = "nginx"
	}
	it := Item{Message: title}
	if out.Server == "cloudflare" {
		if m := cfCode.get().FindSubmatch(b); m != nil {
			it.Code = string(m[1])
		}
	}
	if it.Message != "" || it.Code != "" {
		out.Items = []Item{it}
	}
	return out
}

// readXML reads an XML error: AWS's <Error><Code><Message><RequestId>
// (also inside <ErrorResponse>), and the like.
func readXML(b []byte) Body {
	out := Body{Shape: "xml"}
	d := xml.NewDecoder(bytes.NewReader(b))
	// Not strict: unknown entities and unclosed tags pass. (HTML's entity
	// table is not needed for an XML error, and linking it would build its
	// map at every start.)
	d.Strict = false
	var it Item
	var name string
	for n := 0; n < 10000; n++ { // bounded: hostile XML cannot spin forever
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name = strings.ToLower(t.Name.Local)
		case xml.EndElement:
			name = ""
		case xml.CharData:
			text := strings.TrimSpace(string(t))
			if text == "" {
				continue
			}
			switch name {
			case "code", "errorcode":
				if it.Code == "" {
					it.Code = text
				}
			case "message", "errormessage":
				if it.Message == "" {
					it.Message = text
				}
			case "requestid", "request-id", "x-amz-request-id":
				out.RequestID = text
			}
		}
	}
	if it.Code != "" || it.Message != "" {
		out.Shape = "aws"
		out.Items = []Item{it}
	}
	return out
}

// readText takes the first line of a text body as its message.
func readText(b []byte) Body {
	line, _, _ := bytes.Cut(b, []byte("\n"))
	line = bytes.TrimSpace(line)
	if len(line) > 300 {
		n := 300
		for n > 0 && !utf8.RuneStart(line[n]) { // never half a character
			n--
		}
		line = line[:n]
	}
	return Body{Shape: "text", Items: []Item{{Message: string(line)}}}
}
