package main

import (
	"os"
	"strings"
)

// cliReplies answer the command-line tools that scripts/record-clis.sh
// runs (docker, terraform, gcloud), so that it can record what each prints
// when a call fails (cmd/testdata/programs/cli-*.txt). Messages are short
// ones written for these fixtures in each protocol's documented shape.
var cliReplies = map[string]reply{
	// An OCI registry (the distribution spec's API, as Docker Hub serves
	// it): the version check asks for a bearer token from the realm, the
	// token endpoint gives one, and each repository answers a manifest
	// request with one of the spec's error codes.
	"/v2/": {401, []string{"Content-Type: application/json", "Docker-Distribution-Api-Version: registry/2.0", `WWW-Authenticate: Bearer realm="REALM",service="registry.fixture"`},
		`{"errors":[{"code":"UNAUTHORIZED","message":"authentication required","detail":null}]}`},
	"/token": {200, []string{"Content-Type: application/json"},
		`{"token":"fixture-registry-token","access_token":"fixture-registry-token","expires_in":300,"issued_at":"2026-11-22T10:00:00Z"}`},
	"/v2/errcode/private/manifests/1.0": {401, []string{"Content-Type: application/json", "Docker-Distribution-Api-Version: registry/2.0", `WWW-Authenticate: Bearer realm="REALM",service="registry.fixture",scope="repository:errcode/private:pull",error="insufficient_scope"`},
		`{"errors":[{"code":"UNAUTHORIZED","message":"authentication required","detail":[{"Type":"repository","Class":"","Name":"errcode/private","Action":"pull"}]}]}` + "\n"},
	"/v2/errcode/app/manifests/9.9": {404, []string{"Content-Type: application/json", "Docker-Distribution-Api-Version: registry/2.0"},
		`{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{"Tag":"9.9"}}]}` + "\n"},
	"/v2/errcode/busy/manifests/1.0": {429, []string{"Content-Type: application/json", "Docker-Distribution-Api-Version: registry/2.0", "RateLimit-Limit: 100;w=21600", "RateLimit-Remaining: 0;w=21600", "Retry-After: 60"},
		`{"errors":[{"code":"TOOMANYREQUESTS","message":"You have reached your pull rate limit. Wait, or authenticate to raise the limit."}]}` + "\n"},

	// Terraform's http backend: GET of the state at its address.
	"/tfstate/unauthorized": {401, []string{"Content-Type: text/plain; charset=utf-8", `WWW-Authenticate: Basic realm="tfstate"`}, "401 Unauthorized\n"},
	"/tfstate/forbidden":    {403, []string{"Content-Type: text/plain; charset=utf-8"}, "403 Forbidden\n"},
	"/tfstate/error":        {500, []string{"Content-Type: text/plain; charset=utf-8"}, "500 Internal Server Error\n"},
	// Its lock endpoint, held by another run: 423 with the holder's lock
	// info, which terraform prints.
	"/tfstate/locked": {423, []string{"Content-Type: application/json"},
		`{"ID":"5d1f0c2e-7a3b-4e8d-9c61-0b2a4f6e8d13","Operation":"OperationTypeApply","Info":"","Who":"ci@runner-7","Version":"1.11.4","Created":"2026-11-22T09:58:12.123456789Z","Path":""}`},

	// Google APIs as gcloud sees them behind an endpoint override (served
	// under /sdk/gcloud/...): AIP-193's error envelope with an ErrorInfo.
	"/gcloud/forbidden": {403, []string{"Content-Type: application/json; charset=UTF-8", "Vary: Origin, X-Origin, Referer"},
		`{"error":{"code":403,"message":"The caller does not have permission","status":"PERMISSION_DENIED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"IAM_PERMISSION_DENIED","domain":"cloudresourcemanager.googleapis.com","metadata":{"permission":"resourcemanager.projects.get","resource":"projects/fixture-project"}}]}}`},
	"/gcloud/exhausted": {429, []string{"Content-Type: application/json; charset=UTF-8", "Vary: Origin, X-Origin, Referer"},
		`{"error":{"code":429,"message":"Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute' of service 'cloudresourcemanager.googleapis.com' for consumer 'project_number:000000000000'.","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"RATE_LIMIT_EXCEEDED","domain":"googleapis.com","metadata":{"quota_metric":"cloudresourcemanager.googleapis.com/read_requests","quota_limit":"ReadRequestsPerMinutePerProject","service":"cloudresourcemanager.googleapis.com","consumer":"projects/000000000000"}}]}}`},
	// Cloud Storage's JSON API, which answers in Google's older format
	// (error.errors[] with domain and reason).
	"/gcloud/storage-forbidden": {403, []string{"Content-Type: application/json; charset=UTF-8", "X-GUploader-UploadID: ABPtcPfixture403"},
		`{"error":{"code":403,"message":"ci-deployer@fixture-project.iam.gserviceaccount.com does not have storage.objects.list access to the Google Cloud Storage bucket. Permission 'storage.objects.list' denied on resource (or it may not exist).","errors":[{"message":"ci-deployer@fixture-project.iam.gserviceaccount.com does not have storage.objects.list access to the Google Cloud Storage bucket. Permission 'storage.objects.list' denied on resource (or it may not exist).","domain":"global","reason":"forbidden"}]}}`},
}

func init() {
	realm := "http://127.0.0.1/token"
	if len(os.Args) > 1 {
		realm = "http://127.0.0.1:" + os.Args[1] + "/token"
	}
	for path, r := range cliReplies {
		hs := make([]string, len(r.headers))
		for i, h := range r.headers {
			hs[i] = strings.ReplaceAll(h, "REALM", realm)
		}
		r.headers = hs
		replies[path] = r
	}
}
