package explain

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// bodies are error bodies as APIs send them, in each shape readBody knows.
var bodies = []struct{ name, body string }{
	{"google aip-193", `{"error":{"code":429,"message":"Quota exceeded for quota metric 'Queries'.","status":"RESOURCE_EXHAUSTED","details":[
	 {"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"RATE_LIMIT_EXCEEDED","domain":"googleapis.com","metadata":{"service":"translate.googleapis.com","quota_limit":"DefaultRequestsPerMinutePerProject"}},
	 {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"1.500s"},
	 {"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{"field":"q","description":"too long","reason":"TOO_LONG"}]}],
	 "errors":[{"domain":"usageLimits","reason":"rateLimitExceeded","message":"Rate Limit Exceeded","location":"q"},{"domain":"global","message":"no reason"}]}}`},
	{"google, a bad retryDelay", `{"error":{"code":503,"message":"m","status":"UNAVAILABLE","details":[{"retryDelay":"-1s"},{"retryDelay":"soon"}]}}`},
	{"grpc-gateway status", `{"code":3,"message":"name is required","details":[{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{"field":"name","description":"required"}]},{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"NAME_MISSING","domain":"example.com"}]}`},
	{"grpc code 17 is no grpc status", `{"code":17,"message":"m"}`},
	{"grpc code 16", `{"code":16,"message":"unauthenticated"}`},
	{"stripe decline", `{"error":{"code":"card_declined","decline_code":"insufficient_funds","doc_url":"https://stripe.com/docs/error-codes/card-declined","message":"Your card has insufficient funds.","param":"","request_log_url":"https://dashboard.stripe.com/logs/req_1","type":"card_error"}}`},
	{"stripe, code only as type", `{"error":{"message":"Invalid API Key provided: sk_test_****","type":"invalid_request_error"}}`},
	{"msgraph", `{"error":{"code":"Request_ResourceNotFound","message":"Resource 'x' does not exist.","innerError":{"code":"itemNotFound","message":"inner","date":"2026-11-22T10:00:00","request-id":"9f1c-graph","client-request-id":"c-1"}}}`},
	{"msgraph lower case", `{"error":{"code":"InvalidAuthenticationToken","message":"Access token has expired.","innererror":{"requestId":"r-2","code":"InvalidAuthenticationToken"}}}`},
	{"elasticsearch", `{"error":{"root_cause":[{"type":"index_not_found_exception","reason":"no such index [logs]","index":"logs"},{"type":"index_not_found_exception","reason":"no such index [logs]","index":"logs"},{"type":"other_exception","reason":"r2"}],"type":"index_not_found_exception","reason":"no such index [logs]","index":"logs"},"status":404}`},
	{"wontopos with lists", `{"error":{"code":"invalid_parameter","message":"Invalid","status":400,"request_id":"req_9","details":["limit too large",{"field":"limit","message":"must be <= 100"}],"errors":[{"param":"page","msg":"not a number","code":"E1"}]}}`},
	{"generic error object", `{"error":{"type":"Timeout","description":"took too long","status":"504","traceId":"t-1"}}`},
	{"problem with extensions", `{"type":"https://example.com/probs/validation","title":"Validation failed","status":422,"detail":"2 errors","instance":"/orders/1",
	 "errors":[{"pointer":"/data/name","detail":"is required"},{"propertyPath":"email","title":"is invalid"}],
	 "violations":[{"property":"age","message":"too young"}],
	 "validation_messages":{"zip":{"isEmpty":"required","regex":"bad format"},"tags":["too many","duplicate"],"a":"plain"}}`},
	{"problem about:blank", `{"type":"about:blank","title":"Not Found","status":404}`},
	{"problem with code", `{"title":"Bad","detail":"d","code":"E42","invalid_params":[{"name":"x","reason":"r"}]}`},
	{"jsonapi", `{"errors":[{"status":"422","source":{"parameter":"include"},"title":"Invalid Query Parameter","detail":"The resource does not have an author relationship."},{"status":"409","id":"conflict-1","source":{"header":"If-Match"}}]}`},
	{"graphql locations", `{"data":null,"errors":[{"message":"Syntax Error: Unexpected Name","locations":[{"line":1,"column":3}],"extensions":{"errorType":"GRAPHQL_PARSE_FAILED"}},{"message":"m2","path":["user",0,"name"],"extensions":{"code":"FORBIDDEN"}}]}`},
	{"emnify nested", `{"error_code":1400,"error_token":"InputValidationFailed","message":"Validation failed","description":"see errors","errors":[{"error_code":1401,"error_token":"InvalidReference","message":"m1","errors":[{"error_code":1402,"message":"deep"}]}]}`},
	{"postgrest", `{"code":"23505","details":"Key (email)=(a@b.c) already exists.","hint":null,"message":"duplicate key value violates unique constraint \"users_email_key\""}`},
	{"postgrest, not a sqlstate", `{"code":"PGRST116","details":"The result contains 0 rows","hint":null,"message":"JSON object requested, multiple (or no) rows returned"}`},
	{"kubernetes failure", `{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods \"web\" is forbidden: exceeded quota","reason":"Forbidden","details":{"name":"web","kind":"pods","retryAfterSeconds":5,"causes":[{"reason":"FieldValueInvalid","message":"Invalid value","field":"spec.containers[0].image"}]},"code":403}`},
	{"kubernetes success", `{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Success","code":200}`},
	{"kubernetes empty reason", `{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server could not find the requested resource","code":404}`},
	{"oauth", `{"error":"invalid_grant","error_description":"The refresh token has expired.","error_uri":"https://auth.example.com/docs/errors#invalid_grant"}`},
	{"slack", `{"ok":false,"error":"channel_not_found","warning":"superfluous_charset","response_metadata":{"messages":["[ERROR] missing required field: channel"]}}`},
	{"github", `{"message":"Validation Failed","errors":[{"resource":"Issue","field":"title","code":"missing_field"}],"documentation_url":"https://docs.github.com/rest/issues/issues#create-an-issue","status":"422"}`},
	{"aws json", `{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}`},
	{"aws xml", `<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>4442587FB7D0A2F9</RequestId><HostId>host</HostId></Error>`},
	{"html title", "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx/1.25.3</center></body></html>"},
	{"html h1 only", "<!DOCTYPE html><html><body><h1>Service Temporarily Unavailable</h1></body></html>"},
	{"text", "Service Unavailable: scheduled maintenance until 11:00 UTC\n"},
	{"text, a long line", strings.Repeat("x", 400)},
	{"text, cut before a whole character", "x" + strings.Repeat("é", 200)},
	{"bom", "\xef\xbb\xbf{\"error\":{\"code\":\"not_found\",\"message\":\"m\",\"status\":404,\"request_id\":\"r\"}}"},
	{"trailing comma", `{"error_code":1406,"error_token":"NotAllowed",}`},
	{"status out of range", `{"error":{"code":"x","message":"m","status":999}}`},
	{"nothing", "  \n"},
	// The edges of each shape's rules.
	{"status 100", `{"message":"m","status":100}`},
	{"status 599", `{"message":"m","status":"599"}`},
	{"status 99", `{"message":"m","status":99}`},
	{"status 600", `{"message":"m","status":600}`},
	{"emnify without a token, a number", `{"error_code":1400,"message":"m"}`},
	{"error_code without a token, a word", `{"error_code":"AUTH-401","message":"m"}`},
	{"aws json without a namespace", `{"__type":"ThrottlingException","message":"slow down"}`},
	{"aws json, # first", `{"__type":"#ThrottlingException","message":"m"}`},
	{"aws json with a colon", `{"__type":"com.amazon.coral.validate#ValidationException:http://internal","message":"m"}`},
	{"kubernetes retryAfterSeconds 0", `{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"TooManyRequests","details":{"retryAfterSeconds":0},"code":429}`},
	{"kubernetes retryAfterSeconds -1", `{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"TooManyRequests","details":{"retryAfterSeconds":-1},"code":429}`},
	{"retryDelay 0s", `{"error":{"code":503,"message":"m","status":"UNAVAILABLE","details":[{"retryDelay":"0s"}]}}`},
	{"retryDelay 2s", `{"error":{"code":503,"message":"m","status":"UNAVAILABLE","details":[{"retryDelay":"2s"}]}}`},
	{"retryDelay 1e9s", `{"error":{"code":503,"message":"m","status":"UNAVAILABLE","details":[{"retryDelay":"1000000000s"}]}}`},
	{"retryDelay past 1e9s", `{"error":{"code":503,"message":"m","status":"UNAVAILABLE","details":[{"retryDelay":"1000000001s"}]}}`},
	{"grpc code 1", `{"code":1,"message":"cancelled"}`},
	{"grpc code 0 is no failure status", `{"code":0,"message":"ok"}`},
	{"sqlstates at the edges", `{"code":"09AZ9","details":null,"hint":null,"message":"m"}`},
	{"not a sqlstate: lower case", `{"code":"0a000","details":null,"hint":null,"message":"m"}`},
	{"not a sqlstate: @", `{"code":"@0000","details":null,"hint":null,"message":"m"}`},
	{"not a sqlstate: [", `{"code":"[0000","details":null,"hint":null,"message":"m"}`},
	{"not a sqlstate: colon", `{"code":":0000","details":null,"hint":null,"message":"m"}`},
	{"a problem with only an instance", `{"title":"Gone","instance":"/x/1"}`},
	{"xml with a message only", `<Error><Message>Access Denied</Message></Error>`},
	{"xml with nothing", `<Other><Thing>x</Thing></Other>`},
	{"a bare array of errors", `[{"code":"E1"},{"message":"only a message"},{"other":1},"a string"]`},
	{"text of 300 bytes", strings.Repeat("y", 300)},
	{"text of continuation bytes", strings.Repeat("\x80", 400)},
	{"cloudflare with a code, no title", "<html><body><p>Error 1020: Access denied</p> cloudflare</body></html>"},
	{"cloudflare without a code", "<html><head><title>Attention Required! | Cloudflare</title></head><body>cloudflare</body></html>"},
}

// describe is a body's reading, one fact per line, for the golden file.
func describe(b Body) string {
	var s strings.Builder
	fmt.Fprintf(&s, "shape=%q status=%d json=%v repaired=%v", b.Shape, b.Status, b.JSON, b.Repaired)
	if b.RequestID != "" {
		fmt.Fprintf(&s, " request_id=%q", b.RequestID)
	}
	if b.DocURL != "" {
		fmt.Fprintf(&s, " doc=%q", b.DocURL)
	}
	if b.Server != "" {
		fmt.Fprintf(&s, " server=%q", b.Server)
	}
	if b.RetryDelay != nil {
		fmt.Fprintf(&s, " retry=%d (%s)", *b.RetryDelay, b.RetryDelayFrom)
	}
	s.WriteString("\n")
	for _, it := range b.Items {
		fmt.Fprintf(&s, "  %s- code=%q", strings.Repeat("  ", it.Depth), it.Code)
		for _, kv := range [][2]string{{"token", it.Token}, {"message", it.Message}, {"field", it.Field}, {"detail", it.Detail}, {"hint", it.Hint}, {"vocab", it.Vocab}} {
			if kv[1] != "" {
				fmt.Fprintf(&s, " %s=%q", kv[0], kv[1])
			}
		}
		s.WriteString("\n")
	}
	return s.String()
}

// TestReadBodies reads every shape into the golden file
// testdata/bodies.golden: review its diff after -update.
func TestReadBodies(t *testing.T) {
	var out bytes.Buffer
	for _, b := range bodies {
		fmt.Fprintf(&out, "# %s\n%s\n", b.name, describe(readBody([]byte(b.body))))
	}
	path := filepath.Join("testdata", "bodies.golden")
	if *update {
		if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(out.Bytes(), want) {
		t.Errorf("%s differs (run with -update, then review the diff):\n%s", path, out.Bytes())
	}
}
