// Command fixtureserver answers like the APIs errcode explains, so that
// scripts/record-fixtures.sh can record what real curl, httpie and wget
// print. It serves HTTP/1.1 and unencrypted HTTP/2 (h2c) on one port and
// is a CONNECT proxy on another. Given a third port, it also misbehaves
// there and on the three ports after it, for recording transfers that get
// no response: BASE closes each connection without a word, BASE+1 resets
// it, BASE+2 never answers, and BASE+3 serves the same answers over TLS
// with a self-signed certificate. Loopback only; it stops after a minute.
package main

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"fmt"
	"io"
	"log"
	"math/big"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"
)

const date = "Sun, 22 Nov 2026 10:00:00 GMT"

type reply struct {
	status  int
	headers []string // "Name: value"
	body    string
}

var replies = map[string]reply{
	"/emnify/duplicated": {409, []string{"Content-Type: application/json", "X-Request-Id: 5f1c2a7e-emnify-0001"},
		`{"error_code":1405,"error_token":"Duplicated","message":"IP Address Space with Id '27' already assigned."}`},
	"/emnify/validation": {422, []string{"Content-Type: application/json"},
		`{"error_code":1400,"error_token":"InputValidationFailed","message":"Update endpoint validation error","errors":[{"error_code":1401,"error_token":"InvalidReference","message":"Service profile with Id '-1' not found."},{"error_code":1403,"error_token":"InvalidFormat","message":"User - Username has invalid format: expecting String."}]}`},
	"/emnify/trailing-comma": {400, []string{"Content-Type: application/json"},
		"{\n  \"error_code\" : 1406,\n  \"error_token\" : \"NotAllowed\",\n  \"message\" : \"Updating of own organisation not allowed.\",\n}"},
	"/emnify/range": {409, []string{"Content-Type: application/json"},
		`{"error_code":2205,"error_token":"SimAlreadyAssigned","message":"SIM with id '42' is already assigned"}`},
	"/emnify/token-only": {401, []string{"Content-Type: application/json"},
		`{"message":"token contains an invalid number of segments"}`},
	"/ironwifi/ratelimit": {429, []string{"Content-Type: application/json", "Retry-After: 45", "X-RateLimit-Limit: 100", "X-RateLimit-Remaining: 0", "X-RateLimit-Reset: 1795341645"},
		`{"error":true,"message":"Rate limit exceeded","code":429}`},
	"/ironwifi/validation": {422, []string{"Content-Type: application/json"},
		`{"error":true,"message":"Validation failed","code":422,"details":[{"field":"username","message":"Username already taken"},{"field":"expiration","message":"must be a date"}]}`},
	"/ironwifi/problem": {422, []string{"Content-Type: application/problem+json"},
		`{"type":"http://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html","title":"Unprocessable Entity","status":422,"detail":"Validation failed","validation_messages":{"username":{"isEmpty":"Value is required and can't be empty"}}}`},
	"/wontopos/ratelimit": {429, []string{"Content-Type: application/json", "Retry-After: Sun, 22 Nov 2026 10:01:00 GMT", "X-Request-Id: req_abc123"},
		`{"error":{"code":"rate_limit_exceeded","message":"Too many requests. Please retry after 60 seconds.","status":429,"request_id":"req_abc123"}}`},
	"/wontopos/quota": {429, []string{"Content-Type: application/json"},
		`{"error":{"code":"quota_exceeded","message":"Daily request quota exhausted.","status":429,"request_id":"req_q9"}}`},
	"/wontopos/unauthorized": {401, []string{"Content-Type: application/json", `WWW-Authenticate: Bearer realm="wontopos", error="invalid_token", error_description="The access token expired"`},
		`{"error":{"code":"api_key_expired","message":"The API key has expired","status":401,"request_id":"req_k1"}}`},
	"/devdocs/auth": {401, []string{"Content-Type: application/json"},
		`{"code":"AUTH-401","message":"Invalid or expired API key/token."}`},
	"/problem": {403, []string{"Content-Type: application/problem+json", "Request-Id: prob-7"},
		`{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","invalid-params":[{"name":"age","reason":"must be a positive integer"},{"name":"color","reason":"must be 'green', 'red' or 'blue'"}]}`},
	"/google": {429, []string{"Content-Type: application/json; charset=UTF-8", `RateLimit: "default";r=0;t=30`, `RateLimit-Policy: "default";q=100;w=60`},
		`{"error":{"code":429,"message":"Quota exceeded for quota metric 'Queries' and limit 'Queries per minute'.","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"RATE_LIMIT_EXCEEDED","domain":"googleapis.com","metadata":{"quota_limit":"QueriesPerMinute"}}]}}`},
	"/oauth": {400, []string{"Content-Type: application/json", "Cache-Control: no-store"},
		`{"error":"invalid_grant","error_description":"The provided authorization grant is invalid, expired or revoked.","error_uri":"https://auth.example.com/docs/errors#invalid_grant"}`},
	"/graphql": {200, []string{"Content-Type: application/json"},
		`{"data":{"user":null},"errors":[{"message":"Not authorised to access user 42","locations":[{"line":2,"column":3}],"path":["user"],"extensions":{"code":"FORBIDDEN"}}]}`},
	"/jsonapi": {422, []string{"Content-Type: application/vnd.api+json"},
		`{"errors":[{"status":"422","code":"invalid-attribute","title":"Invalid Attribute","detail":"First name must contain at least two characters.","source":{"pointer":"/data/attributes/firstName"}}]}`},
	"/stripe": {402, []string{"Content-Type: application/json", "Request-Id: req_stripe_8xq"},
		`{"error":{"code":"card_declined","decline_code":"insufficient_funds","doc_url":"https://stripe.com/docs/error-codes/card-declined","message":"Your card has insufficient funds.","param":"payment_method","type":"card_error"}}`},
	"/github": {422, []string{"Content-Type: application/json; charset=utf-8", "X-GitHub-Request-Id: C0DE:1234:5678:9ABC:6500AAAA"},
		`{"message":"Validation Failed","errors":[{"resource":"Issue","field":"title","code":"missing_field"}],"documentation_url":"https://docs.github.com/rest/issues/issues#create-an-issue","status":"422"}`},
	"/aws-json": {400, []string{"Content-Type: application/x-amz-json-1.0", "X-Amzn-RequestId: 7f1a7c3e-aws-json"},
		`{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found: Table: orders not found"}`},
	"/anthropic/overloaded": {529, []string{"Content-Type: application/json", "request-id: req_011CXq8anthropic", "x-should-retry: true"},
		`{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_011CXq8anthropic"}`},
	"/openai/insufficient-quota": {429, []string{"Content-Type: application/json; charset=utf-8", "x-request-id: req_5c1f0openai"},
		`{"error":{"message":"You exceeded your current quota, please check your plan and billing details.","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}`},
	"/openai/invalid-key": {401, []string{"Content-Type: application/json; charset=utf-8", "x-request-id: req_9d2e1openai"},
		`{"error":{"message":"Incorrect API key provided: sk-proj-****abcd.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}`},
	"/dynamodb/throttle": {400, []string{"Content-Type: application/x-amz-json-1.0", "x-amzn-RequestId: 3c9a1d2e-dynamodb"},
		`{"__type":"com.amazon.coral.availability#ThrottlingException","message":"Rate of requests exceeds the allowed throughput."}`},
	"/aws-xml": {403, []string{"Content-Type: application/xml", "x-amz-request-id: 4442587FB7D0A2F9"},
		`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>4442587FB7D0A2F9</RequestId><HostId>abc=</HostId></Error>`},
	"/msgraph": {404, []string{"Content-Type: application/json"},
		`{"error":{"code":"Request_ResourceNotFound","message":"Resource 'x' does not exist or one of its queried reference-property objects are not present.","innerError":{"date":"2026-11-22T10:00:00","request-id":"b9a4c6d1-graph","client-request-id":"b9a4c6d1-graph"}}}`},
	"/nginx": {502, []string{"Content-Type: text/html", "Server: nginx/1.25.3"},
		"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n"},
	"/nginx-400": {400, []string{"Content-Type: text/html", "Server: nginx/1.25.3", "Connection: close"},
		"<html>\r\n<head><title>400 Bad Request</title></head>\r\n<body>\r\n<center><h1>400 Bad Request</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n"},
	"/cloudflare": {403, []string{"Content-Type: text/html; charset=UTF-8", "Server: cloudflare", "CF-RAY: 8c1e2f3a4b5c6d7e-AMS"},
		"<!DOCTYPE html>\n<html><head><title>Attention Required! | Cloudflare</title></head><body><h1>Sorry, you have been blocked</h1><span class=\"cf-error-code\">1020</span><p>Error 1020: Access denied</p><p>Cloudflare Ray ID: 8c1e2f3a4b5c6d7e</p></body></html>\n"},
	"/text": {503, []string{"Content-Type: text/plain", "Retry-After: 120"},
		"Service Unavailable: scheduled maintenance until 11:00 UTC\n"},
	"/hostile": {400, []string{"Content-Type: application/json"},
		"\xef\xbb\xbf{\"error\":{\"code\":\"invalid_parameter\",\"message\":\"bad \x1b]0;pwned\x07value \x1b[2J\\u001b[31m\xff\xfe end\",\"status\":400,\"request_id\":\"req_\\u0007bell\"}}"},
	"/k8s/notfound": {404, []string{"Content-Type: application/json", "Audit-Id: 3b8c1f0e-6a2d-4c1e-9f7a-k8s000000001", "X-Kubernetes-Pf-Flowschema-Uid: 7d0e6f1c"},
		`{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods \"web-0\" not found","reason":"NotFound","details":{"name":"web-0","kind":"pods"},"code":404}`},
	"/k8s/invalid": {422, []string{"Content-Type: application/json", "Audit-Id: 3b8c1f0e-6a2d-4c1e-9f7a-k8s000000002"},
		`{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Deployment.apps \"web\" is invalid: spec.template.spec.containers[0].image: Required value","reason":"Invalid","details":{"name":"web","group":"apps","kind":"Deployment","causes":[{"reason":"FieldValueRequired","message":"Required value","field":"spec.template.spec.containers[0].image"}]},"code":422}`},
	"/postgrest/unique": {409, []string{"Content-Type: application/json; charset=utf-8", "Content-Profile: api"},
		`{"code":"23505","details":"Key (email)=(ada@example.com) already exists.","hint":null,"message":"duplicate key value violates unique constraint \"users_email_key\""}`},
	"/postgrest/undefined-table": {404, []string{"Content-Type: application/json; charset=utf-8"},
		`{"code":"42P01","details":null,"hint":null,"message":"relation \"api.nonexistent_table\" does not exist"}`},
	"/grpc-gateway/notfound": {404, []string{"Content-Type: application/json", "Grpc-Metadata-Content-Type: application/grpc"},
		`{"code":5,"message":"book \"shelves/1/books/9\" not found","details":[]}`},
	"/google/unavailable": {503, []string{"Content-Type: application/json; charset=UTF-8"},
		`{"error":{"code":503,"message":"The service is currently unavailable.","status":"UNAVAILABLE"}}`},
	"/oauth/bearer": {401, []string{`WWW-Authenticate: Bearer realm="api", error="invalid_token", error_description="The access token expired"`, "Content-Length: 0"}, ``},
	"/oauth/scope": {403, []string{`WWW-Authenticate: Basic realm="legacy"`, `WWW-Authenticate: Bearer realm="api", error="insufficient_scope", scope="repo:write"`, "Content-Type: application/json"},
		`{"message":"token lacks the repo:write scope"}`},
	"/oauth/callback-error": {302, []string{"Location: https://app.example.com/callback?error=access_denied&error_description=The+user+denied+the+request&state=af0ifjsldkj"}, ``},
	"/github/primary-ratelimit": {403, []string{"Content-Type: application/json; charset=utf-8", "X-GitHub-Request-Id: C0DE:0001:RL", "x-ratelimit-limit: 60", "x-ratelimit-remaining: 0", "x-ratelimit-used: 60", "x-ratelimit-reset: 1795341645", "x-ratelimit-resource: core"},
		`{"message":"API rate limit exceeded for 203.0.113.7. (But here's the good news: Authenticated requests get a higher rate limit.)","documentation_url":"https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting"}`},
	"/github/secondary-ratelimit": {403, []string{"Content-Type: application/json; charset=utf-8", "X-GitHub-Request-Id: C0DE:0002:SRL", "retry-after: 60"},
		`{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"}`},
	"/stripe/should-retry": {409, []string{"Content-Type: application/json", "Request-Id: req_lock_1", "Stripe-Should-Retry: true"},
		`{"error":{"code":"lock_timeout","doc_url":"https://stripe.com/docs/error-codes/lock-timeout","message":"This object cannot be accessed right now because another API request or Stripe process is currently accessing it.","type":"invalid_request_error"}}`},
	"/google/retryinfo": {429, []string{"Content-Type: application/json; charset=UTF-8"},
		`{"error":{"code":429,"message":"Resource has been exhausted (e.g. check quota).","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"38s"}]}}`},
	"/aws/apigw-throttle": {429, []string{"Content-Type: application/json", "x-amzn-RequestId: 9b1c-apigw", "x-amzn-ErrorType: TooManyRequestsException:http://internal.amazon.com/coral/com.amazon.coral.availability/"},
		`{"message":"Too Many Requests"}`},
	"/google/legacy-reason": {403, []string{"Content-Type: application/json; charset=UTF-8"},
		`{"error":{"code":403,"message":"Quota exceeded for quota metric 'Queries' and limit 'Queries per minute per user'.","errors":[{"message":"Quota exceeded for quota metric 'Queries' and limit 'Queries per minute per user'.","domain":"usageLimits","reason":"userRateLimitExceeded"}],"status":"PERMISSION_DENIED"}}`},
	"/elasticsearch/no-index": {404, []string{"Content-Type: application/json; charset=UTF-8", "X-elastic-product: Elasticsearch"},
		`{"error":{"root_cause":[{"type":"index_not_found_exception","reason":"no such index [orders]","index":"orders"}],"type":"index_not_found_exception","reason":"no such index [orders]","index":"orders"},"status":404}`},
	"/slack/invalid-auth": {200, []string{"Content-Type: application/json; charset=utf-8", "x-slack-req-id: 7e5a0b1c2d3e4f"},
		`{"ok":false,"error":"invalid_auth"}`},
	"/azure/blob-auth": {403, []string{"Content-Type: application/xml", "x-ms-request-id: 4c8b-azure", "x-ms-error-code: AuthorizationPermissionMismatch"},
		`<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthorizationPermissionMismatch</Code><Message>This request is not authorized to perform this operation using this permission.</Message></Error>`},
	// GitHub's OAuth token endpoint answers in a form unless asked for
	// JSON; the token here is the one GitHub's documentation shows.
	"/oauth/token-form": {200, []string{"Content-Type: application/x-www-form-urlencoded; charset=utf-8"},
		"access_token=gho_16C7e42F292c6912E7710c838347Ae178B4a&scope=repo%2Cgist&token_type=bearer"},
	"/oauth/token-form-error": {400, []string{"Content-Type: application/x-www-form-urlencoded; charset=utf-8"},
		"error=bad_verification_code&error_description=The+code+passed+is+incorrect+or+expired.&code=4f1b0e6a2c&client_secret=c5e1d2f3a4b5c6d7e8f9"},
	// GitHub's OAuth token endpoint's answer to a bad code: 200, and the
	// error in a form (the format GitHub documents).
	"/github/oauth-bad-code": {200, []string{"Content-Type: application/x-www-form-urlencoded; charset=utf-8"},
		"error=bad_verification_code&error_description=The+code+passed+is+incorrect+or+expired.&error_uri=https%3A%2F%2Fdocs.github.com%2Fapps%2Fmanaging-oauth-apps%2Ftroubleshooting-oauth-app-access-token-request-errors%2F%23bad-verification-code"},
	// An ErrorInfo whose metadata echoes what the request sent.
	"/google/errorinfo-secret": {403, []string{"Content-Type: application/json; charset=UTF-8"},
		`{"error":{"code":403,"message":"Method doesn't allow unregistered callers.","status":"PERMISSION_DENIED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_SERVICE_BLOCKED","domain":"googleapis.com","metadata":{"service":"translate.googleapis.com","api_key":"AIzaSyD4x9Q2mN7vR1tP8wK3jL6hF0cB5eZ2yU","access_token":"ya29.a0AfB_byC7x2Kq9mP4"}}]}}`},
	"/ratelimit-ietf": {429, []string{"Content-Type: application/json", "RateLimit-Limit: 100", "RateLimit-Remaining: 0", "RateLimit-Reset: 30"},
		`{"message":"slow down"}`},
}

func main() {
	port, proxyPort := os.Args[1], os.Args[2]
	mux := http.NewServeMux()
	mux.HandleFunc("/", serve)
	srv := &http.Server{Addr: "127.0.0.1:" + port, Handler: mux}
	srv.Protocols = new(http.Protocols)
	srv.Protocols.SetHTTP1(true)
	srv.Protocols.SetUnencryptedHTTP2(true)
	go serveConns("127.0.0.1:"+proxyPort, tunnel)
	if len(os.Args) > 3 {
		base, err := strconv.Atoi(os.Args[3])
		if err != nil {
			log.Fatal(err)
		}
		go serveConns(fmt.Sprintf("127.0.0.1:%d", base), closeAtOnce)
		go serveConns(fmt.Sprintf("127.0.0.1:%d", base+1), reset)
		go serveConns(fmt.Sprintf("127.0.0.1:%d", base+2), hang)
		go serveTLS(base+3, mux)
		servePinPorts(base + 4) // pins.go: BASE+4 to BASE+8
	}
	go func() { time.Sleep(60 * time.Second); os.Exit(0) }()
	log.Fatal(srv.ListenAndServe())
}

// serveConns accepts connections on addr and hands each to how.
func serveConns(addr string, how func(net.Conn)) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		log.Fatal(err)
	}
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		go how(c)
	}
}

// closeAtOnce reads the request and closes: an empty reply.
func closeAtOnce(c net.Conn) {
	c.Read(make([]byte, 4096))
	c.Close()
}

// reset reads the request and aborts the connection (RST, not FIN).
func reset(c net.Conn) {
	c.Read(make([]byte, 4096))
	if tc, ok := c.(*net.TCPConn); ok {
		tc.SetLinger(0)
	}
	c.Close()
}

// hang reads the request and never answers.
func hang(c net.Conn) {
	c.Read(make([]byte, 4096))
	time.Sleep(30 * time.Second)
	c.Close()
}

// serveTLS serves h over TLS with a certificate made now and signed by
// itself, for 127.0.0.1 and localhost: no client trusts it.
func serveTLS(port int, h http.Handler) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		log.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "errcode fixture"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		DNSNames: []string{"localhost"}, IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)},
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		log.Fatal(err)
	}
	writeCert(der)
	srv := &http.Server{Addr: fmt.Sprintf("127.0.0.1:%d", port), Handler: h,
		TLSConfig: &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}},
		ErrorLog:  log.New(io.Discard, "", 0)}
	log.Fatal(srv.ListenAndServeTLS("", ""))
}

func write(w http.ResponseWriter, r reply) {
	w.Header().Set("Date", date)
	for _, h := range r.headers {
		k, v, _ := strings.Cut(h, ": ")
		w.Header().Add(k, v)
	}
	w.WriteHeader(r.status)
	io.WriteString(w, r.body)
}

func serve(w http.ResponseWriter, req *http.Request) {
	if r, ok := replies[req.URL.Path]; ok {
		write(w, r)
		return
	}
	switch req.URL.Path {
	case "/redirect":
		w.Header().Set("Date", date)
		http.Redirect(w, req, "/moved?api_key=sk_live_SECRET123&page=2", http.StatusMovedPermanently)
	case "/moved":
		w.Header().Set("Date", date)
		http.Redirect(w, req, "/emnify/duplicated", http.StatusFound)
	case "/gzip", "/deflate":
		var b bytes.Buffer
		var zw io.WriteCloser = gzip.NewWriter(&b)
		enc := "gzip"
		if req.URL.Path == "/deflate" {
			zw, enc = zlib.NewWriter(&b), "deflate"
		}
		io.WriteString(zw, `{"error":{"code":"internal_error","message":"Unexpected server error","status":500,"request_id":"req_gz500"}}`)
		zw.Close()
		w.Header().Set("Date", date)
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Encoding", enc)
		w.WriteHeader(500)
		w.Write(b.Bytes())
	case "/chunked":
		w.Header().Set("Date", date)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(404)
		for _, part := range []string{`{"error":{"code":"not_found",`, `"message":"The requested resource does not exist",`, `"status":404,"request_id":"req_ch404"}}`} {
			io.WriteString(w, part)
			w.(http.Flusher).Flush()
		}
	case "/truncated":
		hj, _ := w.(http.Hijacker)
		conn, buf, err := hj.Hijack()
		if err != nil {
			return
		}
		fmt.Fprintf(buf, "HTTP/1.1 500 Internal Server Error\r\nDate: %s\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n", date)
		buf.WriteString(`{"error_code":1400,"error_token":"InputValidationFailed","message":"Input validation failed","errors":[{"error_code":1402,"error_token":"Required","message":"User - organ`)
		buf.Flush()
		conn.Close()
	case "/early-hints":
		w.Header().Set("Link", "</style.css>; rel=preload; as=style")
		w.WriteHeader(http.StatusEarlyHints)
		write(w, replies["/wontopos/quota"])
	case "/continue":
		io.Copy(io.Discard, req.Body) // makes net/http send 100 Continue
		write(w, reply{413, []string{"Content-Type: application/json"}, `{"error":{"code":"invalid_parameter","message":"Request body too large","status":413,"request_id":"req_big"}}`})
	case "/h2/reset":
		// Headers and part of a body, then the handler gives up: over
		// HTTP/2 the server resets the stream with INTERNAL_ERROR.
		w.Header().Set("Date", date)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(200)
		io.WriteString(w, `{"items":[`)
		w.(http.Flusher).Flush()
		panic(http.ErrAbortHandler)
	case "/grpc/unavailable", "/errcode.fixture.Echo/Say":
		// gRPC's trailers-only answer: HTTP 200, the status in the headers.
		w.Header().Set("Content-Type", "application/grpc")
		w.Header().Set("Grpc-Status", "14")
		w.Header().Set("Grpc-Message", "upstream connect error or disconnect/reset before headers. reset reason: connection failure")
		w.WriteHeader(200)
	case "/grpc/trailers":
		// A gRPC answer whose status comes in trailers, after an empty message.
		w.Header().Set("Content-Type", "application/grpc")
		w.WriteHeader(200)
		w.Write([]byte{0, 0, 0, 0, 0})
		w.(http.Flusher).Flush()
		w.Header().Set(http.TrailerPrefix+"Grpc-Status", "4")
		w.Header().Set(http.TrailerPrefix+"Grpc-Message", "Deadline%20exceeded%20after%202.000s")
	case "/empty":
		w.Header().Set("Date", date)
		w.Header().Set("X-Request-Id", "empty-404")
		w.WriteHeader(404)
	default:
		if servePins(w, req) || serveSDK(w, req) {
			return
		}
		write(w, reply{404, []string{"Content-Type: text/plain"}, "404 page not found\n"})
	}
}

// tunnel is a minimal CONNECT proxy: it tunnels to the requested address.
func tunnel(c net.Conn) {
	defer c.Close()
	buf := make([]byte, 4096)
	n, _ := c.Read(buf)
	line := strings.SplitN(string(buf[:n]), " ", 3)
	if len(line) < 2 || line[0] != "CONNECT" {
		return
	}
	up, err := net.Dial("tcp", line[1])
	if err != nil {
		return
	}
	defer up.Close()
	io.WriteString(c, "HTTP/1.1 200 Connection established\r\n\r\n")
	go io.Copy(up, c)
	io.Copy(c, up)
}
