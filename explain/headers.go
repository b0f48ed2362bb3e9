package explain

import (
	"net/textproto"
	"slices"
	"strconv"
	"strings"
	"time"
)

// httpDate parses the three date formats HTTP allows (RFC 9110 5.6.7).
// (net/http.ParseTime does the same, but linking net/http would slow
// every start of errcode.)
func httpDate(s string) (time.Time, bool) {
	for _, layout := range []string{time.RFC1123, "Monday, 02-Jan-06 15:04:05 MST", time.ANSIC} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// isoDate parses an RFC 3339 time.
func isoDate(s string) (time.Time, bool) {
	t, err := time.Parse(time.RFC3339, strings.TrimSpace(s))
	return t, err == nil
}

// spelling is each header's name as the input spelled it (the first
// spelling seen), by canonical key. Names are matched in any case
// (textproto's canonical keys) and shown as received: HTTP/2's lower case
// stays lower case, and curl -i's spelling is kept (X-Amzn-RequestId, not
// X-Amzn-Requestid).
type spelling map[string]string

// add records name's spelling and returns its canonical key. A nil
// spelling records nothing.
func (s spelling) add(name string) string {
	k := textproto.CanonicalMIMEHeaderKey(name)
	if _, ok := s[k]; !ok && s != nil {
		s[k] = name
	}
	return k
}

// of is the header name as the input spelled it; as Go writes it
// (X-Request-Id) when the input did not spell it.
func (s spelling) of(name string) string {
	k := canonical(name)
	if n, ok := s[k]; ok {
		return n
	}
	return k
}

// retryAfter reads the wait a server names: Retry-After in seconds
// (decimals too: "2.0"), or an HTTP-date measured from the response's Date
// header; else retry-after-ms (OpenAI, Azure) in milliseconds. ok is false
// when absent, or when a date cannot be placed (no Date to measure from).
// from is the header that named it ("Retry-After header"), as names spells it.
func retryAfter(h textproto.MIMEHeader, names spelling) (seconds int, from string, ok bool) {
	if v := strings.TrimSpace(h.Get("Retry-After")); v != "" {
		if n, ok := ceilSeconds(v, 1); ok {
			return n, names.of("Retry-After") + " header", true
		}
		at, ok := httpDate(v)
		if !ok { // not HTTP's format, but some APIs send it (Zoom): an ISO 8601 time
			at, ok = isoDate(v)
		}
		if ok {
			if now, ok := httpDate(h.Get("Date")); ok {
				return max(int(at.Sub(now).Seconds()), 0), names.of("Retry-After") + " header", true
			}
		}
	}
	for _, name := range []string{"Retry-After-Ms", "X-Ms-Retry-After-Ms"} {
		if n, ok := ceilSeconds(h.Get(name), 1000); ok && h.Get(name) != "" {
			return n, names.of(name) + " header", true
		}
	}
	return 0, "", false
}

// RateLimit is the state the rate-limit headers report.
type RateLimit struct {
	Limit        *int
	Remaining    *int
	ResetSeconds *int       // seconds until the window resets
	ResetAt      *time.Time // when it resets, for an epoch reset with no Date to count from
	Policy       string     // RateLimit-Policy or X-RateLimit-Policy, as sent
	Dimension    string     // "tokens" when the figures are a token limit's (OpenAI's), "" for requests
	// RemainingFrom names where Remaining came from: the header, as the
	// input spelled it ("x-ratelimit-remaining", "X-RateLimit-Remaining").
	RemainingFrom string
}

var (
	rlParam = &lazyRE{expr: `(?i)\b(limit|remaining|reset|r|t|q|w)\s*=\s*"?(\d+)`}
)

// rateLimit reads X-RateLimit-Limit/Remaining/Reset (Reset in epoch
// seconds or seconds from now), the draft RateLimit-Limit/-Remaining/-Reset
// fields, and the IETF RateLimit / RateLimit-Policy structured fields
// (`"default";r=0;t=30`, or the older `limit=100, remaining=0, reset=30`).
// Names are shown as names spells them.
func rateLimit(h textproto.MIMEHeader, names spelling) *RateLimit {
	var rl RateLimit
	from := "" // the header the last figure came from
	num := func(keys ...string) *int {
		for _, n := range keys {
			from = names.of(n)
			v := strings.TrimSpace(h.Get(n))
			if i := strings.IndexAny(v, ",;"); i >= 0 {
				v = strings.TrimSpace(v[:i]) // "100, 100;w=60": the first figure
			}
			if n, err := strconv.Atoi(v); err == nil {
				return &n
			}
			if f, err := strconv.ParseFloat(v, 64); err == nil && f >= 0 && f < 1e12 { // Reddit: "0.0"
				n := int(f)
				return &n
			}
		}
		return nil
	}
	rl.Limit = num("X-Ratelimit-Limit", "Ratelimit-Limit", "X-Rate-Limit-Limit", "X-Ratelimit-Limit-Requests")
	rl.Remaining = num("X-Ratelimit-Remaining", "Ratelimit-Remaining", "X-Rate-Limit-Remaining", "X-Ratelimit-Remaining-Requests")
	if rl.Remaining != nil {
		rl.RemainingFrom = from
	}
	rl.ResetSeconds = num("X-Ratelimit-Reset", "Ratelimit-Reset", "X-Rate-Limit-Reset")
	if rl.ResetSeconds == nil {
		if n, ok := ceilSeconds(h.Get("X-Ratelimit-Reset-After"), 1); ok && h.Get("X-Ratelimit-Reset-After") != "" { // Discord: seconds, decimal
			rl.ResetSeconds = &n
		}
	}
	// OpenAI-style limits by dimension: the one used up is the one to wait for.
	if tok := num("X-Ratelimit-Remaining-Tokens"); tok != nil && *tok == 0 && (rl.Remaining == nil || *rl.Remaining > 0) {
		rl.Remaining, rl.RemainingFrom, rl.Limit = tok, names.of("X-Ratelimit-Remaining-Tokens"), num("X-Ratelimit-Limit-Tokens")
		rl.Dimension = "tokens"
		if d, err := time.ParseDuration(strings.TrimSpace(h.Get("X-Ratelimit-Reset-Tokens"))); err == nil && d >= 0 {
			n := int((d + time.Second - 1) / time.Second)
			rl.ResetSeconds = &n
		}
	} else if rl.ResetSeconds == nil {
		if d, err := time.ParseDuration(strings.TrimSpace(h.Get("X-Ratelimit-Reset-Requests"))); err == nil && d >= 0 {
			n := int((d + time.Second - 1) / time.Second)
			rl.ResetSeconds = &n
		}
	}
	if rl.ResetSeconds != nil && *rl.ResetSeconds > 100_000_000_000 { // an epoch time in milliseconds
		*rl.ResetSeconds /= 1000
	}
	if rl.ResetSeconds != nil && *rl.ResetSeconds > 1_000_000_000 { // an epoch time
		if now, ok := httpDate(h.Get("Date")); ok {
			d := max(*rl.ResetSeconds-int(now.Unix()), 0)
			rl.ResetSeconds = &d
		} else {
			at := time.Unix(int64(*rl.ResetSeconds), 0).UTC()
			rl.ResetSeconds, rl.ResetAt = nil, &at // how far away is unknown; when is not
		}
	}
	for _, m := range rlParam.get().FindAllStringSubmatch(h.Get("Ratelimit"), -1) {
		n, _ := strconv.Atoi(m[2])
		switch strings.ToLower(m[1]) {
		case "limit":
			rl.Limit = &n
		case "remaining", "r":
			rl.Remaining, rl.RemainingFrom = &n, "the "+names.of("Ratelimit")+" header's remaining count"
		case "reset", "t":
			rl.ResetSeconds = &n
		}
	}
	rl.Policy = h.Get("Ratelimit-Policy")
	if rl.Policy == "" {
		rl.Policy = h.Get("X-Ratelimit-Policy")
	}
	if rl.Limit == nil {
		for _, m := range rlParam.get().FindAllStringSubmatch(rl.Policy, -1) {
			if strings.EqualFold(m[1], "q") {
				n, _ := strconv.Atoi(m[2])
				rl.Limit = &n
			}
		}
	}
	if rl.Limit == nil && rl.Remaining == nil && rl.ResetSeconds == nil && rl.Policy == "" {
		return nil
	}
	return &rl
}

// Request-id headers, by what the id is worth to support. A catalog's own
// (request_id_headers in its YAML) come first for its API; these are the
// ones many APIs share, and those of APIs errcode carries no catalog for.
var (
	// originIDHeaders name the id an API's own servers gave the request.
	originIDHeaders = []string{"X-Request-Id", "Request-Id", "X-Amzn-Requestid", "X-Amz-Request-Id", "X-Ms-Request-Id",
		"Apim-Request-Id", "X-Okta-Request-Id", "Paypal-Debug-Id", "Twilio-Request-Id", "X-Shopify-Request-Id",
		"X-Hubspot-Correlation-Id", "X-Zendesk-Request-Id", "X-Atlassian-Request-Id", "X-Arequestid", "X-Notion-Request-Id",
		"Intercom-Request-Id", "X-Dropbox-Request-Id", "Box-Request-Id", "X-Mailgun-Request-Id", "X-Message-Id", "X-Sfdc-Request-Id",
		"X-Auth0-Requestid", "X-Vercel-Id", "X-Heroku-Request-Id", "X-Ms-Correlation-Request-Id", "Audit-Id", "X-Correlation-Id",
		"Correlation-Id", "Sb-Request-Id", "Activityid", "X-Requestid", "X-Req-Id", "X-Trace-Id"}
	// traceHeaders carry a distributed trace's id: quotable, but not the
	// API's own name for the request.
	traceHeaders = []string{"X-Amzn-Trace-Id", "Traceparent", "X-B3-Traceid", "X-Cloud-Trace-Context", "X-Datadog-Trace-Id"}
	// cdnIDHeaders are a CDN's or proxy's id for the request: the CDN's
	// support can use it, the API's usually cannot.
	cdnIDHeaders = []string{"Cf-Ray", "X-Amz-Cf-Id", "X-Served-By", "X-Fastly-Request-Id", "X-Azure-Ref", "X-Akamai-Request-Id", "X-Cache-Id", "Fly-Request-Id"}
)

// sentIDHeader: a request header that carries an id the client chose (so
// that errcode can tell it from the API's own when the response echoes it).
func sentIDHeader(name string) bool {
	n := strings.ToLower(strings.TrimSpace(name))
	return strings.HasSuffix(n, "request-id") || strings.HasSuffix(n, "correlation-id") || strings.HasSuffix(n, "trace-id") || n == "traceparent"
}

// firstHeader is the first of names the header has, and its value.
func firstHeader(h textproto.MIMEHeader, names []string, skip ...string) (name, value string) {
	for _, n := range names {
		if v := strings.TrimSpace(h.Get(n)); v != "" && len(v) <= 200 && !slices.Contains(skip, v) {
			return n, v
		}
	}
	return "", ""
}
