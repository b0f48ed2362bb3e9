package explain

import (
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

// The verdict tables, row by row and pair by pair: each case names the row
// that must decide. Breaking a row's rule (or its place in the table)
// makes its case fail.

func diagnose(t *testing.T, in string, opts ...Options) Diagnosis {
	t.Helper()
	o := Options{}
	if len(opts) > 0 {
		o = opts[0]
	}
	tr := Parse([]byte(in), false)
	if len(tr.Exchanges) == 0 {
		t.Fatalf("no exchange in %q", in)
	}
	return Diagnose(tr.Exchanges[0], catalog.NewIndex(catalog.Builtin()), o)
}

const ctJSON = "Content-Type: application/json\r\n"

func TestFailedTable(t *testing.T) {
	for _, tc := range []struct {
		name, in, rule string
		outcome        Outcome
	}{
		// a row each
		{"F1 no response", "curl: (7) Failed to connect to localhost port 1 after 0 ms: Couldn't connect to server\n", "F1", OutcomeFailed},
		{"F2 grpc-status under 200", "HTTP/2 200\r\ncontent-type: application/grpc\r\ngrpc-status: 14\r\n\r\n", "F2", OutcomeFailed},
		{"F3 a 503", "HTTP/1.1 503 Service Unavailable\r\n\r\n", "F3", OutcomeFailed},
		{"F4 ok: false under 200", "HTTP/1.1 200 OK\r\n" + ctJSON + "\r\n{\"ok\":false,\"error\":\"channel_not_found\"}", "F4", OutcomeFailed},
		{"F5 a 200", "HTTP/1.1 200 OK\r\n" + ctJSON + "\r\n{\"data\":{\"id\":1}}", "F5", OutcomeOK},
		{"F6 a body alone that reports nothing", "{\"message\":\"hello\"}", "F6", OutcomeUnknown},
		// the body under a success status
		{"F4 success: false", "HTTP/1.1 200 OK\r\n" + ctJSON + "\r\n{\"success\":false,\"error\":{\"code\":\"E_X\",\"message\":\"m\"}}", "F4", OutcomeFailed},
		{"F4 a problem under 200", "HTTP/1.1 200 OK\r\nContent-Type: application/problem+json\r\n\r\n{\"type\":\"about:blank\",\"title\":\"Bad\",\"status\":400,\"detail\":\"d\"}", "F4", OutcomeFailed},
		{"F5 error: false is no error", "HTTP/1.1 200 OK\r\n" + ctJSON + "\r\n{\"error\":false,\"data\":{\"id\":1}}", "F5", OutcomeOK},
		{"F5 a Kubernetes Success", "HTTP/1.1 200 OK\r\n" + ctJSON + "\r\n{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Success\"}", "F5", OutcomeOK},
		// bodies alone that state their status
		{"F3 an nginx page alone", "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\r\n", "F3", OutcomeFailed},
		{"F3 Go's 404 alone", "404 page not found\n", "F3", OutcomeFailed},
		{"F3 a text 503 alone", "503 Service Unavailable\n", "F3", OutcomeFailed},
		// pairs that disagree
		{"F2 over F5: a gRPC failure under 200", "HTTP/2 200\r\ngrpc-status: 5\r\ngrpc-message: nope\r\n\r\n", "F2", OutcomeFailed},
		{"F4 over F5: GraphQL errors under 200", "HTTP/1.1 200 OK\r\n" + ctJSON + "\r\n{\"data\":null,\"errors\":[{\"message\":\"m\",\"path\":[\"x\"]}]}", "F4", OutcomeFailed},
		{"F3 over F6: the status line over a silent body", "HTTP/1.1 404 Not Found\r\n\r\n", "F3", OutcomeFailed},
		{"F5 over F4's absence: a message alone under 200 is no report", "HTTP/1.1 200 OK\r\n" + ctJSON + "\r\n{\"message\":\"Not Found\"}", "F5", OutcomeOK},
	} {
		d := diagnose(t, tc.in)
		if d.FailedRule != tc.rule || d.Outcome != tc.outcome || d.Failed != (tc.outcome == OutcomeFailed) {
			t.Errorf("%s: %s %v (%s); want %s %v", tc.name, d.FailedRule, d.Outcome, d.FailedWhy, tc.rule, tc.outcome)
		}
	}
}

func TestRetryTable(t *testing.T) {
	for _, tc := range []struct {
		name, in, rule string
		yes            bool
		wait           int    // -1: none
		waitIs, reason string // reason: part of it
	}{
		// a row each
		{"R1 a 202 with Retry-After", "HTTP/1.1 202 Accepted\r\nRetry-After: 5\r\n\r\n", "R1", false, -1, "", "not a failure"},
		{"R2 no response", "curl: (28) Operation timed out after 5001 milliseconds with 0 bytes received\n", "R2", true, -1, "", "curl:28 is retryable"},
		{"R3 x-should-retry", "HTTP/1.1 500 Internal Server Error\r\nx-should-retry: true\r\n\r\n", "R3", true, -1, "", "x-should-retry: true"},
		{"R3 capitalised False", "HTTP/1.1 429 Too Many Requests\r\nX-Should-Retry: False\r\n\r\n", "R3", false, -1, "", "X-Should-Retry: false"},
		{"R4 a rejected token", "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer error=\"invalid_token\"\r\n\r\n", "R4", true, -1, "", `Bearer error="invalid_token"`},
		{"R5 OpenAI's insufficient_quota", "HTTP/1.1 429 Too Many Requests\r\nHost: api.openai.com\r\n" + ctJSON + "\r\n{\"error\":{\"message\":\"m\",\"type\":\"insufficient_quota\",\"param\":null,\"code\":\"insufficient_quota\"}}", "R5", false, -1, "", "openai:insufficient_quota is not retryable"},
		{"R6 field errors under a 500", "HTTP/1.1 500 Internal Server Error\r\n" + ctJSON + "\r\n{\"message\":\"invalid\",\"errors\":{\"email\":[\"is taken\"]}}", "R6", false, -1, "", "blames the request"},
		{"R7 Retry-After: 2.0", "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 2.0\r\n\r\n", "R7", true, 2, "wait", "Retry-After"},
		{"R7 retry-after-ms", "HTTP/1.1 429 Too Many Requests\r\nretry-after-ms: 1500\r\n\r\n", "R7", true, 2, "wait", "retry-after-ms"},
		{"R8 a wait in the body", "HTTP/1.1 429 Too Many Requests\r\n" + ctJSON + "\r\n{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 35\",\"parameters\":{\"retry_after\":35}}", "R8", true, 35, "wait", "parameters.retry_after"},
		{"R9 the entry says yes", "HTTP/1.1 503 Service Unavailable\r\ngrpc-status: 14\r\n\r\n", "R9", true, -1, "", "grpc:14 is retryable"},
		{"R11 a throttling code under 200", "HTTP/1.1 200 OK\r\n" + ctJSON + "\r\n{\"status\":\"error\",\"code\":\"RATE_LIMITED\",\"message\":\"slow down\"}", "R11", true, -1, "", "RATE_LIMITED names a rate limit"},
		{"R10 an exhausted limit on a 403", "HTTP/1.1 403 Forbidden\r\nX-RateLimit-Remaining: 0\r\nX-RateLimit-Reset: 30\r\n\r\n", "R10", true, 30, "reset", "X-RateLimit-Remaining is 0"},
		{"R12 the status in general", "HTTP/1.1 409 Conflict\r\n\r\n", "R12", false, -1, "", "HTTP 409 in general"},
		{"R13 nothing says", "{\"ok\":false,\"error\":\"weird\"}", "R13", false, -1, "", ""},
		// pairs that disagree
		{"R1 over R7: a 200 never gets a retry verdict", "HTTP/1.1 200 OK\r\nRetry-After: 9\r\n\r\n", "R1", false, -1, "", ""},
		{"R3 over R7: the server's no beats its wait", "HTTP/1.1 500 Internal Server Error\r\nStripe-Should-Retry: false\r\nRetry-After: 5\r\n\r\n", "R3", false, -1, "", "Stripe-Should-Retry: false"},
		{"R3 over R5: the server's yes beats the entry's no", "HTTP/1.1 409 Conflict\r\nHost: api.stripe.com\r\nStripe-Should-Retry: true\r\n\r\n{\"error\":{\"type\":\"card_error\",\"code\":\"card_declined\",\"doc_url\":\"u\"}}", "R3", true, -1, "", "Stripe-Should-Retry: true"},
		{"R4 over R5: a fresh token, though the entry says no", "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer error=\"invalid_token\"\r\n" + ctJSON + "\r\n{\"error\":{\"code\":\"api_key_expired\",\"message\":\"m\",\"status\":401,\"request_id\":\"r\"}}", "R4", true, -1, "", "invalid_token"},
		{"R5 over R7: a quota is not waited out", "HTTP/1.1 429 Too Many Requests\r\nHost: api.openai.com\r\nRetry-After: 20\r\n" + ctJSON + "\r\n{\"error\":{\"message\":\"m\",\"type\":\"insufficient_quota\",\"param\":null,\"code\":\"insufficient_quota\"}}", "R5", false, -1, "", "not retryable"},
		{"R6 over R12: a client fault under 500 is not retried", "HTTP/1.1 500 Internal Server Error\r\n" + ctJSON + "\r\n{\"error\":{\"message\":\"bad\",\"status\":400}}", "R6", false, -1, "", "blames"},
		{"R5 over R8: a daily quota is not waited out, whatever the body's wait", "HTTP/1.1 403 Forbidden\r\n" + ctJSON + "\r\n{\"error\":{\"code\":403,\"message\":\"m\",\"errors\":[{\"domain\":\"usageLimits\",\"reason\":\"dailyLimitExceeded\"}]},\"retry_after\":30}", "R5", false, -1, "", "google:dailyLimitExceeded is not retryable"},
		{"R7 over R8: the header's wait over the body's", "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 4\r\n" + ctJSON + "\r\n{\"message\":\"m\",\"retry_after\":30}", "R7", true, 4, "wait", "Retry-After"},
		{"R7 over R9: the server's wait over the window", "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 3\r\nX-RateLimit-Remaining: 0\r\nX-RateLimit-Reset: 60\r\n\r\n", "R7", true, 3, "wait", "Retry-After"},
		{"R9 waits for the reset only when the window is used up", "HTTP/1.1 503 Service Unavailable\r\ngrpc-status: 14\r\nX-RateLimit-Remaining: 4999\r\nX-RateLimit-Reset: 3600\r\n\r\n", "R9", true, -1, "", "grpc:14"},
		{"R10 over R11: the used-up window over a throttling message", "HTTP/1.1 429 Too Many Requests\r\nX-RateLimit-Remaining: 0\r\nX-RateLimit-Reset: 8\r\n\r\n{\"message\":\"rate limit exceeded\"}", "R10", true, 8, "reset", "X-RateLimit-Remaining is 0"},
		{"R11 over R12: a throttling message under a 400 is retryable", "HTTP/1.1 400 Bad Request\r\n\r\n{\"message\":\"Too many requests, slow down\"}", "R11", true, -1, "", "message names a rate limit"},
		{"R12 with requests left: no window to wait for", "HTTP/1.1 503 Service Unavailable\r\nX-RateLimit-Limit: 5000\r\nX-RateLimit-Remaining: 4999\r\nX-RateLimit-Reset: 3600\r\n\r\n", "R12", true, -1, "", "HTTP 503 in general"},
		{"R10 with a millisecond epoch reset", "HTTP/1.1 429 Too Many Requests\r\nDate: Sun, 22 Nov 2026 10:00:00 GMT\r\nX-RateLimit-Remaining: 0\r\nX-RateLimit-Reset: 1795341645000\r\n\r\n", "R10", true, 45, "reset", "is 0"},
		{"R10 not on a 400", "HTTP/1.1 400 Bad Request\r\nX-RateLimit-Remaining: 0\r\nX-RateLimit-Reset: 7\r\n\r\n", "R12", false, -1, "", "HTTP 400 in general"},
	} {
		d := diagnose(t, tc.in)
		wait := -1
		if d.RetryWait != nil {
			wait = *d.RetryWait
		}
		if d.RetryRule != tc.rule || d.Retryable != tc.yes || wait != tc.wait || d.RetryWaitIs != tc.waitIs || !strings.Contains(d.RetryReason, tc.reason) {
			t.Errorf("%s: %s yes=%v wait=%d (%s) %q; want %s yes=%v wait=%d (%s) %q", tc.name, d.RetryRule, d.Retryable, wait, d.RetryWaitIs, d.RetryReason, tc.rule, tc.yes, tc.wait, tc.waitIs, tc.reason)
		}
	}
	if d := diagnose(t, "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer error=\"invalid_token\"\r\n\r\n"); d.RetryThen != "refresh the access token" {
		t.Errorf("R4 says what to do first: %q", d.RetryThen)
	}
}

func TestRequestIDTable(t *testing.T) {
	for _, tc := range []struct {
		name, in, rule, id, from string
	}{
		{"Q1 the catalog's header", "HTTP/1.1 422 X\r\nX-GitHub-Request-Id: GH1\r\nX-Request-Id: other\r\n" + ctJSON + "\r\n{\"message\":\"Validation Failed\",\"documentation_url\":\"u\"}", "Q1", "GH1", "X-GitHub-Request-Id"},
		{"Q2 the catalog's body path", "HTTP/1.1 429 X\r\n" + ctJSON + "\r\n{\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"m\",\"status\":429,\"request_id\":\"req_w\"}}", "Q2", "req_w", "error.request_id in the body"},
		{"Q3 a vendor's own header", "HTTP/1.1 400 X\r\nX-Okta-Request-Id: okta1\r\n\r\n", "Q3", "okta1", "X-Okta-Request-Id"},
		{"Q4 a body field", "HTTP/1.1 400 X\r\n" + ctJSON + "\r\n{\"message\":\"m\",\"correlationId\":\"c-9\"}", "Q4", "c-9", "correlationId in the body"},
		{"Q5 a trace header", "HTTP/1.1 500 X\r\ntraceparent: 00-abc-def-01\r\n\r\n", "Q5", "00-abc-def-01", "traceparent"},
		{"Q6 a CDN's id", "HTTP/1.1 520 X\r\nCF-Ray: 8c1e-AMS\r\n\r\n", "Q6", "8c1e-AMS", "CF-Ray"},
		// pairs
		{"Q3 over Q6: the vendor's id over the CDN's", "HTTP/1.1 400 X\r\nCF-Ray: 8c1e-AMS\r\nPaypal-Debug-Id: pp1\r\n\r\n", "Q3", "pp1", "Paypal-Debug-Id"},
		{"Q4 over Q6: a body id over the CDN's", "HTTP/1.1 400 X\r\nCF-Ray: 8c1e-AMS\r\n" + ctJSON + "\r\n{\"error\":\"bad\",\"request_id\":\"r1\"}", "Q4", "r1", "request_id in the body"},
		{"Q1 over Q3: the catalog's own over a shared one", "HTTP/1.1 403 X\r\nX-Request-Id: generic\r\nX-Slack-Req-Id: sl1\r\n" + ctJSON + "\r\n{\"ok\":false,\"error\":\"invalid_auth\"}", "Q1", "sl1", "X-Slack-Req-Id"},
		{"Q2 over Q3: the answering API's body id over a shared header", "HTTP/1.1 429 X\r\nX-Request-Id: hdr-1\r\n" + ctJSON + "\r\n{\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"m\",\"status\":429,\"request_id\":\"req_w\"}}", "Q2", "req_w", "error.request_id in the body"},
		{"Q3 over Q4: a header over a body field", "HTTP/1.1 400 X\r\nX-Request-Id: hdr-2\r\n" + ctJSON + "\r\n{\"message\":\"m\",\"request_id\":\"body-2\"}", "Q3", "hdr-2", "X-Request-Id"},
		{"Q3 for a CDN's own API: Cloudflare's ray id", "> GET / HTTP/1.1\n> Host: api.cloudflare.com\n>\n< HTTP/1.1 403 X\n< CF-Ray: 8e3d-FRA\n<\n{\"success\":false,\"errors\":[{\"code\":10000,\"message\":\"Authentication error\"}]}", "Q3", "8e3d-FRA", "CF-Ray"},
		{"Q7 an echo of the request's own id, alone", "> GET / HTTP/1.1\n> X-Request-Id: mine-1\n>\n< HTTP/1.1 500 X\n< X-Request-Id: mine-1\n<\n", "Q7", "mine-1", "X-Request-Id"},
		{"Q4 over an echo (Q3 passes over it)", "> GET / HTTP/1.1\n> X-Request-Id: mine-1\n>\n< HTTP/1.1 500 X\n< X-Request-Id: mine-1\n<\n{\"message\":\"m\",\"request_id\":\"theirs-9\"}", "Q4", "theirs-9", "request_id in the body"},
		{"Q3 over Q5: an API's id over a trace", "HTTP/1.1 500 X\r\ntraceparent: 00-abc\r\nX-Request-Id: r2\r\n\r\n", "Q3", "r2", "X-Request-Id"},
	} {
		d := diagnose(t, tc.in)
		if d.RequestIDRule != tc.rule || d.RequestID != tc.id || d.RequestIDFrom != tc.from {
			t.Errorf("%s: %s %q from %q; want %s %q from %q", tc.name, d.RequestIDRule, d.RequestID, d.RequestIDFrom, tc.rule, tc.id, tc.from)
		}
	}
}

// Attribution on evidence: each kind of evidence, and each kind of
// non-evidence, on the built-in catalogs.
func TestAttributionEvidence(t *testing.T) {
	for _, tc := range []struct {
		name, in, forced, rule, catalog string
	}{
		{"A1 --catalog", "HTTP/1.1 400 X\r\n\r\n{\"code\":\"x\"}", "stripe", "A1", "stripe"},
		{"A2 the host", "> GET / HTTP/1.1\n> Host: api.stripe.com\n>\n< HTTP/1.1 400 X\n<\n{\"message\":\"m\"}", "", "A2", "stripe"},
		{"A3 a signature", "HTTP/1.1 409 X\r\n\r\n{\"error_code\":1405,\"error_token\":\"Duplicated\",\"message\":\"m\"}", "", "A3", "emnify"},
		{"A4 a specific code whose status agrees", "HTTP/1.1 401 X\r\n\r\n{\"code\":\"AUTH-401\",\"message\":\"m\"}", "", "A4", "devdocs"},
		{"A5 a protocol's carrier", "HTTP/1.1 400 X\r\n\r\n{\"error\":\"invalid_grant\",\"error_description\":\"d\"}", "", "A5", "oauth"},
		{"A5 a protocol's carrier with no code printed (psql without VERBOSITY verbose)", "ERROR:  relation \"t\" does not exist\n", "", "A5", "postgres"},
		{"a line that only looks like libpq's is no carrier", "ERROR:  Relation t does not exist\n", "", "A6", ""},
		// non-evidence
		{"a number equal to the status", "HTTP/1.1 429 X\r\n\r\n{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests\"}", "", "A6", ""},
		{"a Google-style code equal to the status, no reason errcode has", "{\"error\":{\"code\":403,\"message\":\"m\",\"errors\":[{\"domain\":\"x\",\"reason\":\"somethingElse\"}]}}", "", "A6", ""},
		{"a generic word", "HTTP/1.1 429 X\r\n\r\n{\"error\":{\"code\":\"RATE_LIMIT\",\"message\":\"m\"}}", "", "A6", ""},
		{"a generic word, lower-case", "HTTP/1.1 403 X\r\n\r\n{\"code\":\"forbidden\",\"message\":\"m\"}", "", "A6", ""},
		{"a phrase", "HTTP/1.1 401 X\r\n\r\n{\"error\":\"Invalid credentials\"}", "", "A6", ""},
		{"a specific code under a status that disagrees", "HTTP/1.1 500 X\r\n\r\n{\"code\":\"AUTH-401\",\"message\":\"m\"}", "", "A6", ""},
		{"a negative code is no positive one", "HTTP/1.1 400 X\r\n\r\n{\"code\":-1405,\"msg\":\"m\"}", "", "A6", ""},
		{"a code not as the API writes it", "HTTP/1.1 401 X\r\n\r\n{\"code\":\"auth-401\",\"message\":\"m\"}", "", "A6", ""},
		{"an OAuth object's code names no API (A5 over A4)", "HTTP/1.1 403 X\r\n\r\n{\"error\":\"insufficient_scope\",\"error_description\":\"d\"}", "", "A5", "oauth"},
		{"a public host of another API blocks a signature (A2's absence over A3)", "> GET / HTTP/1.1\n> Host: api.groq.com\n>\n< HTTP/1.1 401 X\n<\n{\"error\":{\"message\":\"m\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}", "", "A6", ""},
		{"a catalog without hosts is not blocked by a host", "> GET / HTTP/1.1\n> Host: api.example.net\n>\n< HTTP/1.1 401 X\n<\n{\"code\":\"AUTH-401\",\"message\":\"m\"}", "", "A4", "devdocs"},
		{"a loopback host blocks nothing", "> GET / HTTP/1.1\n> Host: 127.0.0.1:8080\n>\n< HTTP/1.1 409 X\n<\n{\"error_code\":1405,\"error_token\":\"Duplicated\",\"message\":\"m\"}", "", "A3", "emnify"},
		{"a catalog's code header (A3)", "HTTP/1.1 429 X\r\nx-amzn-ErrorType: TooManyRequestsException\r\n\r\n{\"message\":\"m\"}", "", "A3", "aws"},
		{"S3's vocabulary in another's XML is no evidence", "HTTP/1.1 404 X\r\nContent-Type: application/xml\r\n\r\n<Error><Code>NoSuchKey</Code><Message>m</Message></Error>", "", "A6", ""},
		{"S3's own XML (HostId)", "HTTP/1.1 404 X\r\nContent-Type: application/xml\r\n\r\n<Error><Code>NoSuchKey</Code><Message>m</Message><HostId>h</HostId></Error>", "", "A3", "aws"},
		{"Wontopos's envelope with a code Wontopos lacks", "HTTP/1.1 400 X\r\n\r\n{\"error\":{\"code\":\"bad_thing\",\"message\":\"m\",\"status\":400,\"request_id\":\"r\"}}", "", "A6", ""},
	} {
		d := diagnose(t, tc.in, Options{Catalog: tc.forced})
		got := ""
		if d.Catalog != nil {
			got = d.Catalog.ID
		}
		if d.CatalogRule != tc.rule || got != tc.catalog {
			t.Errorf("%s: %s %q (%s); want %s %q", tc.name, d.CatalogRule, got, d.CatalogFrom, tc.rule, tc.catalog)
		}
		if tc.rule == "A6" {
			for _, f := range d.Findings {
				if f.Entry != nil && !f.Catalog.Protocol && f.Catalog.ID != catalog.HTTPCatalog {
					t.Errorf("%s: an unattributed response shows %s:%s's card", tc.name, f.Catalog.ID, f.Entry.Code)
				}
			}
		}
	}
}
