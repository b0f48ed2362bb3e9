package explain

import (
	"bytes"
	"net/url"
	"strconv"
	"strings"

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
	Hint    string // what the server suggests (PostgreSQL's hint), or errcode's "looks like"
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
	// Proxy: Status is a proxy's answer to curl's CONNECT ("CONNECT tunnel
	// failed, response 407"), not the server's: no request reached it.
	Proxy bool
	// Claim is the catalog whose own header carried the error (code_headers
	// in its YAML): evidence of who answered.
	Claim string
}

// Body is what errcode recognised in a response body: facts, and where
// each was found. Recognisers fill it; they never consult the catalogs.
//
// Body is the recognisers' working value, not API: no exported function
// takes or returns one, and its fields change as the recognisers do. A
// program reads a Diagnosis, which carries what a Body found (Shape,
// Findings, RequestID, DocURL, Server, Repaired).
type Body struct {
	// Shape names the recogniser that read it ("problem", "google",
	// "oauth", "generic", "html", ...) or, when a catalog's own body shape
	// claimed it, that catalog's id.
	Shape      string
	Items      []Item
	Status     int    // a status the body states
	StatusFrom string // where: "status in the body", "the page's title"
	RequestID  string // an id the body carries
	IDFrom     string // where: "error.request_id in the body"
	DocURL     string // a documentation link the body carries (Stripe, GitHub, OAuth error_uri)
	Server     string // "nginx", "cloudflare": who wrote an HTML error page
	JSON       bool   // the body was JSON (perhaps repaired)
	// Reports says the body plainly reports an error, whatever the status
	// (an envelope that only ever carries errors, or a flag such as
	// "ok": false), and ReportsWhy how it says so.
	Reports    bool
	ReportsWhy string
	// ClientFault: the body blames the request (field errors, or a 4xx
	// status stated in the body), whatever status the response line has.
	ClientFault bool
	// RetryDelay is a wait the body states (Google's RetryInfo, Kubernetes'
	// retryAfterSeconds, a retry_after field), and RetryDelayFrom where.
	RetryDelay     *int
	RetryDelayFrom string
	Value          any  // the body's JSON value, for a catalog's own body shapes
	Repaired       bool // ... but not valid JSON: trailing comma, cut off
}

// report marks the body as plainly reporting an error.
func (b *Body) report(why string) {
	if !b.Reports {
		b.Reports, b.ReportsWhy = true, why
	}
}

// readBody finds the errors in a body: JSON through the recognisers'
// table, then XML, HTML and text.
func readBody(body []byte) Body {
	b := bytes.TrimSpace(bytes.TrimPrefix(bytes.TrimSpace(body), []byte("\xef\xbb\xbf")))
	if len(b) == 0 {
		return Body{}
	}
	if v, ok, exact := parseJSON(b); ok {
		redactJSON(v) // S10: before any reader takes a value out of it
		out := readJSON(v)
		out.JSON, out.Repaired, out.Value = true, !exact, v
		return out
	}
	if m, ok := formValues(b); ok && isOAuth(m) {
		out := Body{Shape: "oauth"}
		readOAuth(&out, m)
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

// formValues reads a form-encoded body (GitHub's OAuth token endpoint
// answers "error=bad_verification_code&error_description=..." unless asked
// for JSON) as the object JSON would have been: the first value of each
// name, its secrets redacted as a JSON body's are.
func formValues(b []byte) (map[string]any, bool) {
	if len(b) > 8<<10 || !formBody.get().Match(b) {
		return nil, false
	}
	q, err := url.ParseQuery(string(b))
	if err != nil {
		return nil, false
	}
	m := make(map[string]any, len(q))
	for k, v := range q {
		m[k] = v[0]
	}
	redactJSON(m)
	return m, true
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

// A JSON recogniser is one row of the table readJSON tries in order, in
// the style of net/http's sniffing table: match says whether the body is
// its shape, read turns it into facts. The shapes here are the ones many
// APIs share; an API's own envelope is a body shape in its catalog's YAML.
type jsonRecogniser struct {
	name  string
	match func(m map[string]any) bool
	read  func(out *Body, m map[string]any)
}

var jsonRecognisers = []jsonRecogniser{
	{"kubernetes", isKubernetesStatus, readKubernetes},                              // metav1.Status
	{"grpc", isGRPCStatusJSON, readGRPCStatus},                                      // grpc-gateway, Envoy: {"code": 5, "message", "details"}
	{"postgrest", isPostgREST, readPostgREST},                                       // PostgREST, Supabase: a PostgreSQL error as JSON
	{"google", isGoogle, readGoogle},                                                // AIP-193, and Google's older errors[] envelope
	{"problem", isProblem, readProblem},                                             // RFC 9457 / 7807 problem details
	{"oauth", isOAuth, readOAuth},                                                   // RFC 6749 5.2
	{"aws", func(m map[string]any) bool { return m["__type"] != nil }, readAWSJSON}, // AWS JSON protocols
	{"graphql", isGraphQL, readGraphQL},                                             // errors[] with path, locations or extensions
	{"jsonapi", isJSONAPI, readJSONAPI},                                             // errors[] with status, code, title, detail, source
}

func readJSON(v any) Body {
	var out Body
	if arr, ok := v.([]any); ok { // a bare array of errors (Salesforce)
		out.Shape = "generic"
		for _, e := range arr[:min(len(arr), maxItems)] {
			if it, ok := genericError(e, 0); ok {
				out.Items = append(out.Items, it)
			}
		}
		if len(out.Items) > 0 {
			out.report("a list of errors")
		}
		out.RequestID, out.IDFrom = findRequestID(v)
		return out
	}
	m, _ := v.(map[string]any)
	for _, r := range jsonRecognisers {
		if r.match(m) {
			out.Shape = r.name
			r.read(&out, m)
			break
		}
	}
	if out.Shape == "" {
		readGeneric(&out, m)
	}
	if out.RequestID == "" {
		out.RequestID, out.IDFrom = findRequestID(v)
	}
	if out.RetryDelay == nil {
		out.RetryDelay, out.RetryDelayFrom = findWait(v)
	}
	if out.Status == 0 {
		out.Status, out.StatusFrom = statusIn(m)
	}
	if out.Status >= 400 && out.Status < 500 {
		out.ClientFault = true
	}
	for _, it := range out.Items {
		if it.Field != "" && it.Depth > 0 {
			out.ClientFault = true // field errors: the request is at fault
		}
	}
	return out
}

// maxItems bounds the errors read from one body.
const maxItems = 100

// statusIn is a status the body states under a common name.
func statusIn(m map[string]any) (int, string) {
	for _, k := range []string{"status", "statusCode", "status_code", "httpStatus", "http_status", "httpStatusCode"} {
		if n := asStatus(m[k]); n != 0 {
			return n, k + " in the body"
		}
	}
	if e, ok := m["error"].(map[string]any); ok {
		for _, k := range []string{"status", "statusCode", "status_code", "http_status"} {
			if n := asStatus(e[k]); n != 0 {
				return n, "error." + k + " in the body"
			}
		}
	}
	return 0, ""
}

func isKubernetesStatus(m map[string]any) bool {
	return str(m["kind"]) == "Status" && m["apiVersion"] != nil
}

// readKubernetes reads a metav1.Status: its reason (a StatusReason), its
// message, what it is about (details.kind and name) and, for Invalid, the
// fields at fault (details.causes).
func readKubernetes(out *Body, m map[string]any) {
	out.Status, out.StatusFrom = asStatus(m["code"]), "code in the body"
	if out.Status == 0 {
		out.StatusFrom = ""
	}
	if str(m["status"]) == "Success" {
		return
	}
	out.report("a Kubernetes Status of Failure")
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

func readGRPCStatus(out *Body, m map[string]any) {
	out.report("a gRPC status")
	out.Items = []Item{{Code: str(m["code"]), Message: str(m["message"]), Vocab: "grpc"}}
	out.Items = append(out.Items, statusDetails(out, m["details"])...)
}

// statusDetails reads google.rpc.Status details: ErrorInfo's reason (with
// its metadata), BadRequest's field violations, RetryInfo's delay.
func statusDetails(out *Body, d any) []Item {
	var items []Item
	for _, x := range list(d) {
		if r := first(x, "reason"); r != "" {
			items = append(items, Item{Code: r, Message: first(x, "domain"), Detail: metadataText(get(x, "metadata")), Depth: 1})
		}
		for _, fv := range list(get(x, "fieldViolations")) {
			items = append(items, Item{Code: first(fv, "reason"), Message: first(fv, "description"), Field: first(fv, "field"), Depth: 1})
		}
		if secs, ok := protoDuration(first(x, "retryDelay")); ok {
			out.RetryDelay, out.RetryDelayFrom = &secs, "RetryInfo.retryDelay in the body"
		}
	}
	return items
}

// isPostgREST: {"code", "message", "details", "hint"}, PostgreSQL's error
// fields, as PostgREST returns them (details and hint may be null).
func isPostgREST(m map[string]any) bool {
	_, details := m["details"]
	_, hint := m["hint"]
	_, code := m["code"].(string)
	return code && m["message"] != nil && details && hint
}

func readPostgREST(out *Body, m map[string]any) {
	out.report("a PostgreSQL error")
	it := Item{Code: str(m["code"]), Message: str(m["message"]), Detail: str(m["details"]), Hint: str(m["hint"])}
	if isSQLState(it.Code) {
		it.Vocab = "postgres"
	}
	out.Items = []Item{it}
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

// isGoogle: {"error": {"code": 403, "message", "status": "PERMISSION_DENIED"}}
// (AIP-193), or the older {"error": {"code": 403, "errors": [{"domain",
// "reason"}]}}.
func isGoogle(m map[string]any) bool {
	e, ok := m["error"].(map[string]any)
	if !ok || asStatus(e["code"]) == 0 {
		return false
	}
	if s := str(e["status"]); s != "" && !catalog.IsDigits(s) && s == strings.ToUpper(s) {
		return true
	}
	for _, le := range list(e["errors"]) {
		if first(le, "reason") != "" && first(le, "domain") != "" {
			return true
		}
	}
	return false
}

func readGoogle(out *Body, m map[string]any) {
	e := m["error"]
	out.report("a Google API error")
	out.Status, out.StatusFrom = asStatus(get(e, "code")), "error.code in the body"
	top := Item{Message: first(e, "message")}
	if s := first(e, "status"); s != "" {
		top.Code, top.Token, top.Vocab = s, s, "grpc" // status is a gRPC code name
	}
	var nested []Item
	for _, d := range statusDetails(out, get(e, "details")) {
		if d.Field == "" && top.Vocab == "grpc" && top.Code == top.Token {
			// ErrorInfo's reason says which error, the status what kind.
			top.Code, top.Detail = d.Code, d.Detail
			continue
		}
		nested = append(nested, d)
	}
	for _, le := range list(get(e, "errors")) { // the older {domain, reason, message} list
		if r := first(le, "reason"); r != "" {
			nested = append(nested, Item{Code: r, Message: first(le, "message"), Field: first(le, "location"), Depth: 1})
		}
	}
	out.Items = append([]Item{top}, nested...)
}

// metadataText is an ErrorInfo's metadata as "key: value, ...", sorted
// (credential-like keys' values were redacted with the body: S10).
func metadataText(v any) string {
	m, _ := v.(map[string]any)
	var parts []string
	for _, k := range sortedKeys(m) {
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
	return ceilSeconds(v, 1)
}

// ceilSeconds reads a count of units (1 for seconds, 1000 for
// milliseconds), integer or decimal, as whole seconds rounded up; ok is
// false for anything else, negative or absurd.
func ceilSeconds(s string, per float64) (int, bool) {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || f < 0 || f/per > 1e9 || f != f {
		return 0, false
	}
	f /= per
	n := int(f)
	if float64(n) < f {
		n++
	}
	return n, true
}

// isProblem: RFC 9457 problem details: a title or type, with a detail,
// status or instance.
func isProblem(m map[string]any) bool {
	_, title := m["title"]
	_, detail := m["detail"]
	t, _ := m["type"].(string)
	typ := strings.Contains(t, "/") || t == "about:blank" // a URI reference, not Box's "type": "error"
	return (title || typ) && (detail || asStatus(m["status"]) != 0 || m["instance"] != nil)
}

// readProblem reads RFC 9457 problem details: the type (a URI: the
// problem's code), title, detail, status, and the extension members APIs
// use for field errors: errors (with JSON pointers, or ASP.NET's object of
// field -> messages), invalid-params, violations, validation_messages.
func readProblem(out *Body, m map[string]any) {
	out.report("an RFC 9457 problem")
	out.Status, out.StatusFrom = asStatus(m["status"]), "status in the body"
	typ := str(m["type"])
	if typ == "about:blank" {
		typ = ""
	}
	code := first(m, "code", "error_code", "errorCode")
	if code == "" && !strings.Contains(typ, "/") {
		code = typ // a type that is a bare name, not a URI
	}
	out.Items = []Item{{Code: code, Token: str(m["title"]), Message: first(m, "detail", "title")}}
	if typ != "" && typ != code {
		out.Items[0].Detail = "type " + typ
	}
	if strings.HasPrefix(typ, "http") {
		out.DocURL = typ
	}
	for _, key := range []string{"invalid-params", "invalid_params", "errors", "violations", "validation_messages"} {
		out.Items = append(out.Items, fieldErrors(m[key], 1)...)
	}
}

// isOAuth: {"error": "invalid_grant", "error_description": ...}: an error
// that is a code (no spaces), as RFC 6749 5.2 has it.
func isOAuth(m map[string]any) bool {
	e, ok := m["error"].(string)
	_, flag := m["ok"] // Slack's {"ok": false, "error": ...} is no OAuth error
	return ok && !flag && codeLike(e) && (m["error_description"] != nil || m["error_uri"] != nil || len(m) <= 2)
}

func readOAuth(out *Body, m map[string]any) {
	out.report("an OAuth error")
	out.Items = []Item{{Code: str(m["error"]), Message: first(m, "error_description", "message"), Vocab: "oauth"}}
	out.DocURL = str(m["error_uri"])
	for _, c := range list(m["error_codes"]) { // Microsoft identity platform's AADSTS numbers
		out.Items = append(out.Items, Item{Code: "AADSTS" + str(c), Depth: 1})
	}
}

// codeLike: a string that reads as a code rather than a sentence: no
// spaces, at most 100 bytes, something besides punctuation.
func codeLike(s string) bool {
	if s == "" || len(s) > 100 || strings.ContainsAny(s, " \t\n") {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			return true
		}
	}
	return false
}

func readAWSJSON(out *Body, m map[string]any) {
	out.report("an AWS error")
	code := str(m["__type"])
	if i := strings.LastIndexByte(code, '#'); i >= 0 {
		code = code[i+1:]
	}
	code, _, _ = strings.Cut(code, ":")
	out.Items = []Item{{Code: code, Message: first(m, "message", "Message")}}
}

func isGraphQL(m map[string]any) bool {
	for _, e := range list(m["errors"]) {
		if get(e, "path") != nil || get(e, "locations") != nil || get(e, "extensions") != nil {
			return true
		}
	}
	return false
}

// readGraphQL reads GraphQL's errors (message, path, locations,
// extensions.code); they fail the request even under 200.
func readGraphQL(out *Body, m map[string]any) {
	for _, e := range list(m["errors"])[:min(len(list(m["errors"])), maxItems)] {
		code := first(get(e, "extensions"), "code", "errorType")
		if code == "" {
			code = first(e, "type") // GitHub's GraphQL API: "type": "NOT_FOUND"
		}
		out.Items = append(out.Items, Item{Code: code, Message: first(e, "message"), Field: graphqlPath(e)})
	}
	if len(out.Items) > 0 {
		out.report("GraphQL errors")
	}
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

// isJSONAPI: errors[] whose objects have JSON:API's members.
func isJSONAPI(m map[string]any) bool {
	for _, e := range list(m["errors"]) {
		if get(e, "source") != nil || (get(e, "title") != nil && (get(e, "status") != nil || get(e, "detail") != nil)) {
			return true
		}
	}
	return false
}

func readJSONAPI(out *Body, m map[string]any) {
	for _, e := range list(m["errors"])[:min(len(list(m["errors"])), maxItems)] {
		field := first(get(e, "source"), "pointer", "parameter", "header")
		it := Item{Code: first(e, "code", "id"), Token: first(e, "title"), Message: first(e, "detail", "message"), Field: field}
		if it.Code == "" {
			it.Code = first(e, "status")
		}
		if out.Status == 0 {
			out.Status, out.StatusFrom = asStatus(get(e, "status")), "errors[].status in the body"
		}
		out.Items = append(out.Items, it)
	}
	if out.Status == 0 {
		out.StatusFrom = ""
	}
	if len(out.Items) > 0 {
		out.report("JSON:API errors")
	}
}
