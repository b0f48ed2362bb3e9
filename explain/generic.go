package explain

import (
	"maps"
	"slices"
	"strings"
)

// The generic reader: for a JSON body no shared recogniser and no catalog
// claims, it finds the error's code, message, field errors, request id and
// wait under the names APIs and frameworks commonly use, without knowing
// the vendor. The names come from the documented error formats of many
// APIs (payments, messaging, identity, CRMs, registries, CDNs, secret
// stores) and of the common web frameworks.

// codeKeys name an error's code, most specific first. "error" and "type"
// count only when their value reads as a code, "status" only when it is
// not a number or a generic word ("error", "fail").
var codeKeys = []string{"code", "error_code", "errorCode", "ErrorCode", "err_code", "errcode", "error_type", "errorType", "typeKey", "issue",
	"name", "reason", "type", "error", "error_summary", ".tag", "id"}

// messageKeys name its message.
var messageKeys = []string{"message", "error_message", "errorMessage", "ErrorMessage", "Message", "msg", "error_msg", "detail",
	"details", "description", "error_description", "errorSummary", "error_summary", "display_message", "title", "reason", "error", "errors", "faultstring"}

// fieldKeys name the field an error is about.
var fieldKeys = []string{"field", "param", "parameter", "pointer", "path", "loc", "location", "property", "propertyPath", "attribute", "fields", "source", "index"}

// listKeys hold the errors nested in one: field errors, causes, details.
var listKeys = []string{"message", "errors", "details", "errorCauses", "error_causes", "causes", "fieldErrors", "field_errors", "violations",
	"invalid-params", "invalid_params", "invalidParams", "validation_errors", "validationErrors", "detail", "errorMessages", "messages", "problems", "issues", "root_cause"}

// readGeneric reads an error from common names: an "error" (or "fault")
// object when there is one, else the body itself, and its nested errors.
func readGeneric(out *Body, m map[string]any) {
	out.Shape = "generic"
	if why := errorFlag(m); why != "" {
		out.report(why)
	}
	e, inner := any(m), false
	for _, k := range []string{"error", "fault", "Error", "err"} {
		if o, ok := m[k].(map[string]any); ok {
			e, inner = o, true
			break
		}
	}
	if it, ok := genericError(e, 0); ok {
		if sum := str(m["error_summary"]); inner && codeLike(sum) { // Dropbox: the summary beside the tagged error
			it.Code = strings.TrimRight(strings.TrimRight(sum, "."), "/")
		}
		out.Items = append(out.Items, it)
	}
	for _, k := range listKeys {
		nested := fieldErrors(get(e, k), 1)
		if inner { // top-level errors beside an error object
			nested = append(nested, fieldErrors(get(m, k), 1)...)
		}
		for _, it := range nested {
			if len(out.Items) > 0 && it.Code == out.Items[0].Code && it.Message == out.Items[0].Message {
				continue // Elasticsearch's root_cause repeating the error itself
			}
			out.Items = append(out.Items, it)
		}
	}
	out.Items = append(out.Items, fieldErrors(get(e, "context_info", "errors"), 1)...) // Box
	if len(out.Items) == 0 && byField(m) {                                             // Django REST framework: {"email": ["Enter a valid email address."]}
		out.Items = fieldErrors(m, 1)
		out.report("errors by field")
	}
	if len(out.Items) > maxItems {
		out.Items = out.Items[:maxItems]
	}
	if u := first(e, "documentation_url", "doc_url", "more_info", "help_url", "link", "information_link"); strings.HasPrefix(u, "http") {
		out.DocURL = u
	}
}

// byField: every member of m is a non-empty list of strings, as Django
// REST framework reports a form's errors.
func byField(m map[string]any) bool {
	for _, v := range m {
		l, ok := v.([]any)
		if !ok || len(l) == 0 {
			return false
		}
		for _, e := range l {
			if _, ok := e.(string); !ok {
				return false
			}
		}
	}
	return len(m) > 0
}

// errorFlag says how a JSON object plainly reports an error, "" if it does
// not: an error object or message, a non-empty errors list, ok or success
// false, a status of "error" or "fail", an object or type of "error".
func errorFlag(m map[string]any) string {
	switch e := m["error"].(type) {
	case map[string]any:
		if len(e) > 0 {
			return "an error object"
		}
	case string:
		if e != "" && !strings.EqualFold(e, "false") && !strings.EqualFold(e, "none") {
			return "an error message"
		}
	case bool:
		if e {
			return `"error": true`
		}
	}
	for _, k := range []string{"ok", "success", "Success", "succeeded"} {
		if b, isBool := m[k].(bool); isBool && !b {
			return `"` + k + `": false`
		}
	}
	switch s := strings.ToLower(first(m, "status", "result", "state")); s {
	case "error", "fail", "failed", "failure":
		return `"status": "` + s + `"`
	}
	switch strings.ToLower(first(m, "type", "object")) {
	case "error", "error.list", "error_response":
		return "an error object"
	}
	for _, k := range []string{"errors", "errorMessages", "fault"} {
		switch x := m[k].(type) {
		case []any:
			if len(x) > 0 {
				return "a list of errors"
			}
		case map[string]any:
			if len(x) > 0 {
				return "errors by field"
			}
		}
	}
	for _, k := range []string{"error_code", "errorCode", "ErrorCode"} {
		if str(m[k]) != "" {
			return "an error code"
		}
	}
	return ""
}

// genericError reads one error object (or a string that is one) from the
// common names; ok is false when it holds neither code nor message.
func genericError(v any, depth int) (Item, bool) {
	if s, ok := v.(string); ok {
		return Item{Message: s, Depth: depth}, s != ""
	}
	m, ok := v.(map[string]any)
	if !ok {
		return Item{}, false
	}
	it := Item{Depth: depth}
	codeKey := ""
	statusLike := ""
	for _, k := range codeKeys {
		s := str(m[k])
		if _, isBool := m[k].(bool); s == "" || s == "0" || isBool || !usableCode(k, s) || k == "name" && depth > 0 { // a nested error's name is its field
			continue
		}
		if _, isNum := m[k].(number); isNum && asStatus(s) != 0 && statusLike == "" {
			statusLike = s // Supabase's "code": 422 beside "error_code": "weak_password"
			continue
		}
		it.Code, codeKey = s, k
		if k == "error_summary" { // Dropbox: "path/not_found/.." (the dots are padding)
			it.Code = strings.TrimRight(strings.TrimRight(s, "."), "/")
		}
		break
	}
	for _, k := range messageKeys {
		if k == codeKey {
			continue
		}
		if s := str(m[k]); s != "" && (k != "error" || !codeLike(s)) && s != it.Code {
			it.Message = s
			break
		}
	}
	if it.Code == "" && statusLike != "" {
		it.Code = statusLike
	}
	if codeKey == "" && it.Code == "" {
		if s, ok := m["error"].(string); ok && codeLike(s) {
			it.Code = s
		}
	}
	if t := str(m["error_token"]); t != "" && t != it.Code {
		it.Token = t
	}
	it.Field = fieldOf(m, depth)
	if it.Field == "" && depth > 0 {
		it.Field = first(m, "name") // an invalid-params entry: {name, reason}
		if it.Field == it.Code {
			it.Field = ""
		}
	}
	return it, it.Code != "" || it.Token != "" || it.Message != ""
}

// usableCode: the value under key k can stand as the error's code.
func usableCode(k, s string) bool {
	switch k {
	case "error", "type", "name", "reason", ".tag":
		if !codeLike(s) || strings.HasPrefix(strings.ToLower(s), "error") || strings.Contains(s, "://") {
			return false // "error", Intercom's "error.list": the envelope, not the error
		}
		return k != "reason" || strings.ToUpper(s) == s || strings.Contains(s, "_") // a reason in CONSTANT_CASE, not prose
	case "error_summary":
		return codeLike(s)
	case "id": // Heroku, DigitalOcean: "id": "rate_limit"; never a UUID or a number
		for i := 0; i < len(s); i++ {
			if c := s[i]; !(c >= 'a' && c <= 'z' || c == '_') {
				return false
			}
		}
		return true
	}
	return len(s) <= 200
}

// fieldOf is the field an error object is about.
func fieldOf(m map[string]any, depth int) string {
	for _, k := range fieldKeys {
		if depth == 0 && (k == "path" || k == "location" || k == "source") {
			continue // at the top: the request's path (Spring), not a field
		}
		switch x := m[k].(type) {
		case string:
			if k == "index" && x != "" { // Elasticsearch: the index at fault
				return "index " + x
			}
			if x != "" {
				return x
			}
		case []any: // Pydantic's loc: ["body", "email"]; Salesforce's fields
			var parts []string
			for _, p := range x {
				if s := str(p); s != "" {
					parts = append(parts, s)
				}
			}
			if len(parts) > 0 {
				sep := "."
				if k == "fields" {
					sep = ", "
				}
				return strings.Join(parts, sep)
			}
		case map[string]any: // JSON:API's source: {pointer}
			if s := first(x, "pointer", "parameter", "header"); s != "" {
				return s
			}
		}
	}
	return ""
}

// fieldErrors reads a list of nested errors (objects or strings), or an
// object of field -> message(s) as Laravel, ASP.NET, Rails and Shopify
// write it.
func fieldErrors(v any, depth int) []Item {
	var out []Item
	switch x := v.(type) {
	case []any:
		for _, e := range x[:min(len(x), maxItems)] {
			if it, ok := genericError(e, depth); ok {
				out = append(out, it)
			}
		}
	case map[string]any:
		for _, k := range sortedKeys(x) {
			if len(out) == maxItems {
				break
			}
			if msg := flatten(x[k]); msg != "" {
				field := k
				switch k {
				case "detail", "message", "error", "base", "__all__", "non_field_errors": // Phoenix, Rails, Django: not a field
					field = ""
				}
				out = append(out, Item{Field: field, Message: msg, Depth: depth})
			}
		}
	}
	return out
}

// flatten turns a validation message (a string, or a map or list of them)
// into one line.
func flatten(v any) string {
	switch x := v.(type) {
	case map[string]any:
		var parts []string
		for _, k := range sortedKeys(x) {
			if s := flatten(x[k]); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, "; ")
	case []any:
		var parts []string
		for _, e := range x[:min(len(x), maxItems)] {
			if s := flatten(e); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, "; ")
	}
	return str(v)
}

func sortedKeys(m map[string]any) []string { return slices.Sorted(maps.Keys(m)) }

// requestIDKeys name a request id in a body, at the top, in an error
// object or in its meta or inner error.
var requestIDKeys = []string{"request_id", "requestId", "requestID", "RequestId", "request-id", "x-request-id", "debug_id", "debugId",
	"correlation_id", "correlationId", "correlationID", "correlation-id", "errorId", "error_id", "trace_id", "traceId", "traceID", "incident_id", "incidentId", "reference_id", "ray_id"}

// idHolders are the objects a request id sits in, besides the body.
var idHolders = [][]string{{}, {"error"}, {"meta"}, {"error", "innerError"}, {"error", "innererror"}, {"error", "meta"}, {"errors"}, {"metadata"}}

// findRequestID finds a request id in a body, and says where.
func findRequestID(v any) (string, string) {
	if arr, ok := v.([]any); ok && len(arr) > 0 { // an array of errors: the first's
		v = arr[0]
	}
	for _, holder := range idHolders {
		o := get(v, holder...)
		for _, k := range requestIDKeys {
			if s := str(get(o, k)); s != "" && len(s) <= 200 {
				return s, strings.Join(append(holder, k), ".") + " in the body"
			}
		}
	}
	return "", ""
}

// waitKeys name a wait a body states, in seconds or milliseconds.
var waitKeys = []struct {
	path []string
	per  float64
}{
	{[]string{"retry_after"}, 1}, {[]string{"retryAfter"}, 1}, {[]string{"retry_after_seconds"}, 1}, {[]string{"retryAfterSeconds"}, 1},
	{[]string{"parameters", "retry_after"}, 1}, {[]string{"error", "retry_after"}, 1}, {[]string{"error", "retryAfter"}, 1},
	{[]string{"retry_after_ms"}, 1000}, {[]string{"retryAfterMs"}, 1000},
}

// findWait finds a wait the body states, and says where.
func findWait(v any) (*int, string) {
	for _, w := range waitKeys {
		if s := str(get(v, w.path...)); s != "" {
			if n, ok := ceilSeconds(s, w.per); ok {
				return &n, strings.Join(w.path, ".") + " in the body"
			}
		}
	}
	return nil, ""
}
