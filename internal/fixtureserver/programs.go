package main

import (
	"encoding/pem"
	"log"
	"net/http"
	"os"
	"strings"
)

// programReplies answer the SDKs, libraries and CLIs that
// scripts/record-programs.sh runs, so that it can record what each prints
// when a call fails (cmd/testdata/programs/). SDKs append their own paths
// to a base URL, so any reply is also served under /sdk/ followed by its
// path and anything after it: an SDK given the base URL
// http://127.0.0.1:PORT/sdk/openai/rate-limit gets the /openai/rate-limit
// reply for /sdk/openai/rate-limit/chat/completions. Messages are short ones
// written for these fixtures in each vendor's documented shape.
var programReplies = map[string]reply{
	// OpenAI: a 429 for requests per minute, with its rate-limit headers.
	"/openai/rate-limit": {429, []string{"Content-Type: application/json; charset=utf-8", "x-request-id: req_7b3e2openai", "retry-after: 20", "x-ratelimit-limit-requests: 500", "x-ratelimit-remaining-requests: 0", "x-ratelimit-reset-requests: 20s"},
		`{"error":{"message":"Rate limit reached for gpt-4o-mini in organization org-fixture on requests per min (RPM): Limit 500, Used 500, Requested 1. Please try again in 20s.","type":"requests","param":null,"code":"rate_limit_exceeded"}}`},
	// Anthropic: a 429 rate limit with retry-after.
	"/anthropic/rate-limit": {429, []string{"Content-Type: application/json", "request-id: req_011CYr9anthropic", "retry-after: 15", "anthropic-ratelimit-requests-remaining: 0"},
		`{"type":"error","error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded your per-minute rate limit"},"request_id":"req_011CYr9anthropic"}`},
	// S3: GetObject of a key that is not there (REST-XML, x-amz-id-2).
	"/s3/no-such-key": {404, []string{"Content-Type: application/xml", "x-amz-request-id: 9F3C2B1A0E4D5C6B", "x-amz-id-2: fixtureHostId9F3C2B1A0E4D5C6B="},
		`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>reports/2026.csv</Key><RequestId>9F3C2B1A0E4D5C6B</RequestId><HostId>fixtureHostId9F3C2B1A0E4D5C6B=</HostId></Error>`},
	// Stripe's SDKs take a host but no base path: their own path, answered
	// with the card_declined reply.
	"/v1/payment_intents": {402, []string{"Content-Type: application/json", "Request-Id: req_stripe_8xq"},
		`{"error":{"code":"card_declined","decline_code":"insufficient_funds","doc_url":"https://stripe.com/docs/error-codes/card-declined","message":"Your card has insufficient funds.","param":"payment_method","type":"card_error"}}`},
	// A Kubernetes API server as kubectl sees it: legacy discovery with
	// pods only, a pod that is not there, a list the caller may not see.
	// GitHub Enterprise Server's REST path, as gh asks it of a host.
	"/api/v3/repos/errcode-dev/errcode": {403, []string{"Content-Type: application/json; charset=utf-8", "X-GitHub-Request-Id: C0DE:0001:RL", "x-ratelimit-limit: 60", "x-ratelimit-remaining: 0", "x-ratelimit-used: 60", "x-ratelimit-reset: 1795341645", "x-ratelimit-resource: core"},
		`{"message":"API rate limit exceeded for 203.0.113.7. (But here's the good news: Authenticated requests get a higher rate limit.)","documentation_url":"https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting"}`},
	"/kube/api": {200, []string{"Content-Type: application/json"},
		`{"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"127.0.0.1:6443"}]}`},
	"/kube/apis": {200, []string{"Content-Type: application/json"},
		`{"kind":"APIGroupList","apiVersion":"v1","groups":[]}`},
	"/kube/api/v1": {200, []string{"Content-Type: application/json"},
		`{"kind":"APIResourceList","groupVersion":"v1","resources":[{"name":"pods","singularName":"pod","namespaced":true,"kind":"Pod","verbs":["create","delete","get","list","patch","update","watch"],"shortNames":["po"]}]}`},
	"/kube/api/v1/namespaces/default/pods/web-0": {404, []string{"Content-Type: application/json", "Audit-Id: 3b8c1f0e-6a2d-4c1e-9f7a-k8s000000001"},
		`{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods \"web-0\" not found","reason":"NotFound","details":{"name":"web-0","kind":"pods"},"code":404}`},
	"/kube/api/v1/namespaces/default/pods": {403, []string{"Content-Type: application/json", "Audit-Id: 3b8c1f0e-6a2d-4c1e-9f7a-k8s000000003"},
		`{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods is forbidden: User \"system:serviceaccount:ci:deployer\" cannot list resource \"pods\" in API group \"\" in the namespace \"default\"","reason":"Forbidden","details":{"kind":"pods"},"code":403}`},
}

func init() {
	for path, r := range programReplies {
		replies[path] = r
	}
}

// serveSDK answers /sdk/<reply path>/<anything> with the reply whose path
// is the longest that fits; it reports whether it answered.
func serveSDK(w http.ResponseWriter, req *http.Request) bool {
	rest, ok := strings.CutPrefix(req.URL.Path, "/sdk")
	if !ok {
		return false
	}
	best := ""
	for path := range replies {
		if (rest == path || strings.HasPrefix(rest, path+"/")) && len(path) > len(best) {
			best = path
		}
	}
	if best == "" {
		return false
	}
	write(w, replies[best])
	return true
}

// writeCert writes the TLS port's certificate, PEM, to the file
// FIXTURESERVER_CERT names, if any, so that a program can be told to trust
// it (SSL_CERT_FILE for Go programs such as gh) and get past TLS to a reply.
func writeCert(der []byte) {
	name := os.Getenv("FIXTURESERVER_CERT")
	if name == "" {
		return
	}
	pemBytes := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	if err := os.WriteFile(name, pemBytes, 0o644); err != nil {
		log.Fatal(err)
	}
}
