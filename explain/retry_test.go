package explain

import (
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

// Each retry signal, and which wins when they disagree: the server's word
// on this request (a hint header, Retry-After, a wait in the body), then
// the error's entry, then an exhausted rate limit, then the status.
func TestRetrySignals(t *testing.T) {
	ix := catalog.NewIndex(catalog.Builtin())
	for _, tc := range []struct {
		name, in string
		yes      bool
		wait     int // 0: none
		reason   string
	}{
		{"Retry-After on a 403 (GitHub's secondary limit)",
			"HTTP/2 403\r\nretry-after: 60\r\n\r\n{\"message\":\"You have exceeded a secondary rate limit\"}", true, 60, "Retry-After header"},
		{"an exhausted rate limit on a 403 (GitHub's primary limit)",
			"HTTP/2 403\r\nx-ratelimit-limit: 60\r\nx-ratelimit-remaining: 0\r\nx-ratelimit-reset: 30\r\n\r\n{\"message\":\"API rate limit exceeded\"}", true, 30, "x-ratelimit-remaining is 0"},
		{"Stripe-Should-Retry: true on a 409",
			"HTTP/1.1 409 Conflict\r\nStripe-Should-Retry: true\r\n\r\n{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"lock_timeout\",\"message\":\"x\"}}", true, 0, "stripe-should-retry: true"},
		{"Stripe-Should-Retry: false beats Retry-After",
			"HTTP/1.1 500 Internal Server Error\r\nStripe-Should-Retry: false\r\nRetry-After: 5\r\n\r\n", false, 0, "stripe-should-retry: false"},
		{"x-should-retry: false beats the 429 default",
			"HTTP/1.1 429 Too Many Requests\r\nx-should-retry: false\r\n\r\n{\"error\":{\"message\":\"quota\",\"type\":\"insufficient_quota\"}}", false, 0, "x-should-retry: false"},
		{"Retry-After beats an entry that says no",
			"HTTP/1.1 400 Bad Request\r\nRetry-After: 3\r\nContent-Type: application/json\r\n\r\n{\"error\":{\"code\":\"invalid_parameter\",\"message\":\"x\",\"status\":400,\"request_id\":\"r\"}}", true, 3, "Retry-After header"},
		{"Google's RetryInfo.retryDelay",
			"HTTP/2 429\r\n\r\n{\"error\":{\"code\":429,\"message\":\"x\",\"status\":\"RESOURCE_EXHAUSTED\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"12.5s\"}]}}", true, 13, "RetryInfo.retryDelay in the body"},
		{"Kubernetes' retryAfterSeconds",
			"HTTP/1.1 429 Too Many Requests\r\n\r\n{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"TooManyRequests\",\"details\":{\"retryAfterSeconds\":4},\"code\":429}", true, 4, "details.retryAfterSeconds in the body"},
		{"the entry beats the status (FAILED_PRECONDITION under 503)",
			"HTTP/1.1 503 Service Unavailable\r\ngrpc-status: 9\r\n\r\n", false, 0, "grpc:9 is not retryable"},
		{"the entry decides; the exhausted window says when",
			"HTTP/1.1 429 Too Many Requests\r\nx-ratelimit-remaining: 0\r\nx-ratelimit-reset: 9\r\nContent-Type: application/json\r\n\r\n{\"error\":{\"code\":\"quota_exceeded\",\"message\":\"x\",\"status\":429,\"request_id\":\"r\"}}", true, 9, "wontopos:quota_exceeded is retryable"},
		{"the status in general", "HTTP/1.1 409 Conflict\r\n\r\n", false, 0, "HTTP 409 in general"},
		{"an exhausted rate limit on a 429",
			"HTTP/1.1 429 Too Many Requests\r\nRateLimit-Remaining: 0\r\nRateLimit-Reset: 7\r\n\r\n", true, 7, "ratelimit-remaining is 0"},
		{"an exhausted rate limit says nothing of a 400",
			"HTTP/1.1 400 Bad Request\r\nX-RateLimit-Remaining: 0\r\nX-RateLimit-Reset: 7\r\n\r\n", false, 0, "HTTP 400 in general"},
		{"nor does one with requests left of a 403",
			"HTTP/1.1 403 Forbidden\r\nX-RateLimit-Remaining: 1\r\nX-RateLimit-Reset: 7\r\n\r\n", false, 0, "HTTP 403 in general"},
		{"the draft RateLimit field's name when no other is sent",
			"HTTP/1.1 429 Too Many Requests\r\nRateLimit: \"default\";r=0;t=4\r\n\r\n", true, 4, "the RateLimit header's remaining count is 0"},
		{"X-Rate-Limit-Remaining",
			"HTTP/1.1 403 Forbidden\r\nX-Rate-Limit-Remaining: 0\r\nX-Rate-Limit-Reset: 2\r\n\r\n", true, 2, "x-rate-limit-remaining is 0"},
		{"nothing says", "HTTP/1.1 207 Multi-Status\r\n\r\n", false, 0, ""},
	} {
		d := Diagnose(Parse([]byte(tc.in), false).Exchanges[0], ix, Options{})
		wait := 0
		if d.RetryWait != nil {
			wait = *d.RetryWait
		}
		if d.Retryable != tc.yes || wait != tc.wait || d.RetryReason != tc.reason || d.RetryKnown != (tc.reason != "") {
			t.Errorf("%s: retryable %v, wait %d, reason %q; want %v, %d, %q", tc.name, d.Retryable, wait, d.RetryReason, tc.yes, tc.wait, tc.reason)
		}
	}
}

// A Kubernetes Status of Success under 200 (what a DELETE returns) is no
// failure, though its shape is one that only ever carries errors.
func TestKubernetesSuccess(t *testing.T) {
	ix := catalog.NewIndex(catalog.Builtin())
	in := "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Success\",\"details\":{\"name\":\"web\",\"kind\":\"pods\"}}"
	if d := Diagnose(Parse([]byte(in), false).Exchanges[0], ix, Options{}); d.Failed || d.Shape != "kubernetes" {
		t.Errorf("Status Success: failed %v, shape %q", d.Failed, d.Shape)
	}
}
