package explain

import (
	"net/textproto"
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

// retryAfter reads Retry-After: delay seconds, or an HTTP-date turned into
// seconds from the response's Date header. ok is false when absent or when
// a date cannot be placed (no Date header to measure from).
func retryAfter(h textproto.MIMEHeader) (seconds int, ok bool) {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	if n, err := strconv.Atoi(v); err == nil {
		return max(n, 0), n >= 0
	}
	at, ok := httpDate(v)
	if !ok {
		return 0, false
	}
	now, ok := httpDate(h.Get("Date"))
	if !ok {
		return 0, false
	}
	return max(int(at.Sub(now).Seconds()), 0), true
}

// RateLimit is the state the rate-limit headers report.
type RateLimit struct {
	Limit        *int
	Remaining    *int
	ResetSeconds *int       // seconds until the window resets
	ResetAt      *time.Time // when it resets, for an epoch reset with no Date to count from
	Policy       string     // RateLimit-Policy or X-RateLimit-Policy, as sent
}

var (
	rlParam = &lazyRE{expr: `(?i)\b(limit|remaining|reset|r|t|q|w)\s*=\s*"?(\d+)`}
)

// rateLimit reads X-RateLimit-Limit/Remaining/Reset (Reset in epoch
// seconds or seconds from now), the draft RateLimit-Limit/-Remaining/-Reset
// fields, and the IETF RateLimit / RateLimit-Policy structured fields
// (`"default";r=0;t=30`, or the older `limit=100, remaining=0, reset=30`).
func rateLimit(h textproto.MIMEHeader) *RateLimit {
	var rl RateLimit
	num := func(names ...string) *int {
		for _, n := range names {
			v := strings.TrimSpace(h.Get(n))
			if i := strings.IndexAny(v, ",;"); i >= 0 {
				v = strings.TrimSpace(v[:i]) // "100, 100;w=60": the first figure
			}
			if n, err := strconv.Atoi(v); err == nil {
				return &n
			}
		}
		return nil
	}
	rl.Limit = num("X-Ratelimit-Limit", "Ratelimit-Limit", "X-Rate-Limit-Limit")
	rl.Remaining = num("X-Ratelimit-Remaining", "Ratelimit-Remaining", "X-Rate-Limit-Remaining")
	rl.ResetSeconds = num("X-Ratelimit-Reset", "Ratelimit-Reset", "X-Rate-Limit-Reset")
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
			rl.Remaining = &n
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

// requestIDHeaders are the headers that carry an id to quote to support,
// most specific first.
var requestIDHeaders = []string{"X-Request-Id", "Request-Id", "X-Amzn-Requestid", "X-Amz-Request-Id", "X-Github-Request-Id",
	"X-Slack-Req-Id", "X-Ms-Request-Id", "Twilio-Request-Id", "Audit-Id", "X-Correlation-Id", "X-Trace-Id", "Cf-Ray"}

// requestID finds the id to quote and the header it came from.
func requestID(h textproto.MIMEHeader) (id, from string) {
	for _, name := range requestIDHeaders {
		if v := strings.TrimSpace(h.Get(name)); v != "" {
			return v, name
		}
	}
	return "", ""
}
