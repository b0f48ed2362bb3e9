#!/usr/bin/env bash
# Records what real curl, HTTPie and wget print for the foreign replies of
# internal/fixtureserver (foreign.go): error responses of APIs, gateways and
# frameworks errcode carries no catalog for, each in its documented format,
# into cmd/testdata/responses/foreign-<api>-<case>-<tool>.txt. The expected
# diagnosis of every file is in cmd/testdata/responses/FOREIGN.md; review it
# with the diff when re-recording.
#
# Tools in the names: curl (curl -si), curlv (curl -sv, the request's Host
# in the input), httpie (http --print=hb), wget (wget -S --content-on-error,
# headers on stderr) and body (curl -s: the body alone, no status line).
# wget prints no body for a 401 even with --content-on-error (it says
# "Username/Password Authentication Failed." instead), so 401s that carry
# their facts in the body are recorded with the other tools.
#
# Needs: curl, wget, httpie (Debian: apt-get install -y curl wget httpie).
set -euo pipefail
cd "$(dirname "$0")/.."
out=cmd/testdata/responses
mkdir -p "$out"
port=18180 proxy=18181 bad=18190 # ports of its own, apart from record-fixtures.sh's
bin=$(mktemp -d)
go build -o "$bin/fixtureserver" ./internal/fixtureserver
"$bin/fixtureserver" "$port" "$proxy" "$bad" &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$bin"' EXIT
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
u="http://127.0.0.1:$port/foreign"

rec() { # rec NAME command... : stdout and stderr together, as a person pipes them
	local name=$1
	shift
	"$@" >"$out/$name" 2>&1 || true
	echo "recorded $name ($(wc -c <"$out/$name") bytes)"
}
curl_i() { curl -si "$u/$1"; }
curl_v() { curl -sv -H "Host: $1" "$u/$2"; } # the Host the request would have gone to
httpie() { http --ignore-stdin --print=hb --pretty=none "$u/$1"; }
wget_s() { wget -S --content-on-error -O - "$u/$1"; }
body() { curl -s "$u/$1"; }

# APIs
rec foreign-twilio-invalid-to-httpie.txt httpie twilio/invalid-to
rec foreign-paypal-negative-amount-curl.txt curl_i paypal/negative-amount
rec foreign-okta-invalid-token-wget.txt wget_s okta/invalid-token
rec foreign-okta-rate-limit-curl.txt curl_i okta/rate-limit
rec foreign-auth0-invalid-body-httpie.txt httpie auth0/invalid-body
rec foreign-shopify-throttled-curl.txt curl_i shopify/throttled
rec foreign-shopify-invalid-product-httpie.txt httpie shopify/invalid-product
rec foreign-telegram-flood-curl.txt curl_i telegram/flood
rec foreign-telegram-chat-not-found-wget.txt wget_s telegram/chat-not-found
rec foreign-discord-rate-limited-curl.txt curl_i discord/rate-limited
rec foreign-discord-invalid-form-body.txt body discord/invalid-form
rec foreign-sendgrid-bad-from-wget.txt wget_s sendgrid/bad-from
rec foreign-mailgun-missing-from-curl.txt curl_i mailgun/missing-from
rec foreign-salesforce-required-field-curl.txt curl_i salesforce/required-field
rec foreign-hubspot-invalid-email-httpie.txt httpie hubspot/invalid-email
rec foreign-jira-missing-fields-curl.txt curl_i jira/missing-fields
rec foreign-zendesk-record-invalid-wget.txt wget_s zendesk/record-invalid
rec foreign-docker-unauthorized-curlv.txt curl_v registry-1.docker.io docker/unauthorized
rec foreign-docker-toomanyrequests-curl.txt curl_i docker/toomanyrequests
rec foreign-docker-denied-body.txt body docker/denied
rec foreign-cloudflare-auth-error-curlv.txt curl_v api.cloudflare.com cloudflare/auth-error
rec foreign-vault-permission-denied-curl.txt curl_i vault/permission-denied
rec foreign-consul-acl-denied-httpie.txt httpie consul/acl-denied
rec foreign-azurearm-invalid-template-curlv.txt curl_v management.azure.com azurearm/invalid-template
rec foreign-notion-validation-curl.txt curl_i notion/validation
rec foreign-plaid-item-login-required-httpie.txt httpie plaid/item-login-required
rec foreign-square-value-too-low-curl.txt curl_i square/value-too-low
rec foreign-dropbox-path-not-found-wget.txt wget_s dropbox/path-not-found
rec foreign-box-not-found-body.txt body box/not-found
rec foreign-intercom-unauthorized-httpie.txt httpie intercom/unauthorized
rec foreign-heroku-rate-limit-curl.txt curl_i heroku/rate-limit
rec foreign-digitalocean-unauthorized-curl.txt curl_i digitalocean/unauthorized
rec foreign-zoom-validation-curl.txt curl_i zoom/validation
rec foreign-msidentity-invalid-client-curlv.txt curl_v login.microsoftonline.com msidentity/invalid-client
rec foreign-mapbox-invalid-token-httpie.txt httpie mapbox/invalid-token
rec foreign-vk-too-many-requests-curlv.txt curl_v api.vk.com vk/too-many-requests
rec foreign-google-daily-limit-body.txt body google/daily-limit

# Frameworks, gateways and protocols
rec foreign-fastapi-validation-curl.txt curl_i fastapi/validation
rec foreign-drf-not-authenticated-httpie.txt httpie drf/not-authenticated
rec foreign-drf-field-errors-body.txt body drf/field-errors
rec foreign-laravel-validation-wget.txt wget_s laravel/validation
rec foreign-spring-not-found-curl.txt curl_i spring/not-found
rec foreign-aspnetcore-validation-httpie.txt httpie aspnetcore/validation
rec foreign-express-not-found-curl.txt curl_i express/not-found
rec foreign-gonethttp-not-found-wget.txt wget_s gonethttp/not-found
rec foreign-soap11-client-fault-curl.txt curl_i soap11/client-fault
rec foreign-soap12-receiver-fault-httpie.txt httpie soap12/receiver-fault
rec foreign-nginx-bad-gateway-body.txt body nginx/bad-gateway
rec foreign-envoy-no-healthy-upstream-body.txt body envoy/no-healthy-upstream

# Shapes and headers of no particular API
rec foreign-generic-success-false-200-curl.txt curl_i generic/success-false-200
rec foreign-generic-problem-200-httpie.txt httpie generic/problem-200
rec foreign-generic-error-false-200-curl.txt curl_i generic/error-false-200
rec foreign-generic-user-not-found-curl.txt curl_i generic/user-not-found
rec foreign-generic-retry-after-decimal-wget.txt wget_s generic/retry-after-decimal
rec foreign-generic-retry-after-ms-curl.txt curl_i generic/retry-after-ms
rec foreign-generic-reset-ms-epoch-curl.txt curl_i generic/reset-ms-epoch
rec foreign-generic-reset-not-wait-httpie.txt httpie generic/reset-not-wait
rec foreign-generic-accepted-curl.txt curl_i generic/accepted
rec foreign-generic-should-retry-false-curl.txt curl_i generic/should-retry-false
rec foreign-generic-validation-500-curl.txt curl_i generic/validation-500
