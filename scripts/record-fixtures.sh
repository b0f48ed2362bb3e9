#!/usr/bin/env bash
# Records what real curl, httpie and wget print for the responses of
# internal/fixtureserver, into cmd/testdata/responses/. The end-to-end tests
# read these files, so CI needs none of the tools; run this again (and
# review the diff) when the server or the tools change.
#
# Needs: curl, wget, httpie (Debian: apt-get install -y curl wget httpie),
# script(1) for curl's terminal output, and grpcurl for its recordings
# (GRPCURL=path; skipped when absent: go install
# github.com/fullstorydev/grpcurl/cmd/grpcurl@latest puts one in ~/go/bin).
set -euo pipefail
cd "$(dirname "$0")/.."
out=cmd/testdata/responses
mkdir -p "$out"
port=18080 proxy=18081 bad=18090 # bad: closes, bad+1: resets, bad+2: hangs, bad+3: TLS, self-signed
go build -o /tmp/fixtureserver ./internal/fixtureserver
/tmp/fixtureserver "$port" "$proxy" "$bad" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
u="http://127.0.0.1:$port"
secret=(-H 'Authorization: Bearer sk_live_TOPSECRET' -H 'X-Api-Key: APIKEYSECRET' -b 'session=COOKIESECRET')

rec() { # rec NAME command... : stdout and stderr together, as a person pipes them
	local name=$1
	shift
	"$@" >"$out/$name" 2>&1 || true
	echo "recorded $name ($(wc -c <"$out/$name") bytes)"
}

# curl -i / -si / -D -
rec curl-si-emnify-duplicated.txt curl -si "$u/emnify/duplicated"
rec curl-si-emnify-validation.txt curl -si "$u/emnify/validation"
rec curl-si-emnify-trailing-comma.txt curl -si "$u/emnify/trailing-comma"
rec curl-si-emnify-range.txt curl -si "$u/emnify/range"
rec curl-si-emnify-token-only.txt curl -si "$u/emnify/token-only"
rec curl-si-ironwifi-ratelimit.txt curl -si "$u/ironwifi/ratelimit"
rec curl-si-ironwifi-validation.txt curl -si "$u/ironwifi/validation"
rec curl-si-ironwifi-problem.txt curl -si "$u/ironwifi/problem"
rec curl-si-wontopos-ratelimit.txt curl -si "$u/wontopos/ratelimit"
rec curl-si-wontopos-unauthorized.txt curl -si "$u/wontopos/unauthorized"
rec curl-si-devdocs-auth.txt curl -si "$u/devdocs/auth"
rec curl-si-problem.txt curl -si "$u/problem"
rec curl-si-oauth.txt curl -si "$u/oauth"
rec curl-si-graphql.txt curl -si "$u/graphql"
rec curl-si-jsonapi.txt curl -si "$u/jsonapi"
rec curl-si-stripe.txt curl -si "$u/stripe"
rec curl-si-github.txt curl -si "$u/github"
rec curl-si-aws-json.txt curl -si "$u/aws-json"
rec curl-si-aws-xml.txt curl -si "$u/aws-xml"
rec curl-si-anthropic-overloaded.txt curl -si "$u/anthropic/overloaded"
rec curl-si-openai-insufficient-quota.txt curl -si "$u/openai/insufficient-quota"
rec curl-si-openai-invalid-key.txt curl -si "$u/openai/invalid-key"
rec curl-si-dynamodb-throttle.txt curl -si "$u/dynamodb/throttle"
rec httpie-anthropic-overloaded.txt http --ignore-stdin --print=hb --pretty=none "$u/anthropic/overloaded"
rec curl-si-msgraph.txt curl -si "$u/msgraph"
rec curl-si-nginx.txt curl -si "$u/nginx"
rec curl-si-nginx-400.txt curl -si "$u/nginx-400"
rec curl-si-cloudflare.txt curl -si "$u/cloudflare"
rec curl-si-text.txt curl -si "$u/text"
rec curl-si-hostile.txt curl -si "$u/hostile"
rec curl-si-ratelimit-ietf.txt curl -si "$u/ratelimit-ietf"
rec curl-si-gzip.txt curl -si "$u/gzip"
rec curl-si-deflate.txt curl -si "$u/deflate"
rec curl-si-raw-chunked.txt curl -si --raw "$u/chunked"
rec curl-si-truncated.txt curl -si "$u/truncated"
rec curl-sSi-truncated.txt curl -sSi "$u/truncated"
rec curl-si-empty.txt curl -si "$u/empty"
rec curl-head-empty.txt curl -sI "$u/empty"
rec curl-D-emnify.txt curl -s -D - "$u/emnify/duplicated"
rec curl-si-L-redirects.txt curl -siL "$u/redirect"
rec curl-si-early-hints.txt curl -si "$u/early-hints"
rec curl-si-continue.txt curl -si -H 'Expect: 100-continue' --data-binary @scripts/record-fixtures.sh "$u/continue"
rec curl-si-proxy-connect.txt curl -si -p -x "http://127.0.0.1:$proxy" "$u/wontopos/ratelimit"
rec curl-si-http2.txt curl -si --http2-prior-knowledge "$u/wontopos/ratelimit"
rec curl-si-http2-google.txt curl -si --http2-prior-knowledge "$u/google"
rec curl-si-http10.txt curl -si --http1.0 "$u/stripe"
# curl -w and plain bodies
rec curl-s-w-code-emnify.txt curl -s -w '%{http_code}' "$u/emnify/duplicated"
rec curl-s-w-newline-code.txt curl -s -w '\n%{http_code}\n' "$u/wontopos/quota"
rec body-emnify.json curl -s "$u/emnify/validation"
rec body-wontopos.json curl -s "$u/wontopos/ratelimit"
# curl -v (trace on stderr, body on stdout, together), with credentials
rec curl-v-emnify.txt curl -sv "${secret[@]}" "$u/emnify/duplicated"
rec curl-v-host-wontopos.txt curl -sv -H 'Host: api.wontopos.com' "${secret[@]}" "$u/wontopos/quota"
rec curl-v-progress-ironwifi.txt curl -v "${secret[@]}" "$u/ironwifi/ratelimit"
rec curl-v-http2-redirect.txt curl -svL --http2-prior-knowledge "$u/redirect"
rec curl-v-redirects.txt curl -svL "$u/redirect"
# curl -i on a terminal: bold header names
TERM=xterm-256color rec curl-si-tty-bold.txt script -qec "curl -si $u/github" /dev/null
# httpie
rec httpie-hb-stripe.txt http --ignore-stdin --print=hb "$u/stripe"
rec httpie-HBhb-emnify.txt http --ignore-stdin --print=HBhb POST "$u/emnify/validation" "Authorization:Bearer sk_live_TOPSECRET" name=x
rec httpie-pretty-all-google.txt http --ignore-stdin --pretty=all --print=hb "$u/google"
rec httpie-h-head.txt http --ignore-stdin --print=h HEAD "$u/empty"
# wget -S: headers on stderr, an ERROR line, maybe a body
rec wget-S-forbidden.txt wget -S -O /dev/null "$u/aws-xml"
rec wget-S-content-on-error.txt wget -S --content-on-error -O - "$u/wontopos/ratelimit"
rec wget-S-userinfo-401.txt wget -S -O - "http://bob:WGETPW@127.0.0.1:$port/wontopos/unauthorized?api_key=WGETKEY"
rec wget-503.txt wget -O /dev/null "$u/text" # no -S: the status only in wget's own lines
rec wget-S-redirects.txt wget -S -O /dev/null "$u/redirect"
rec wget-S-content-on-error-dynamodb.txt wget -S --content-on-error -O - "$u/dynamodb/throttle"
rec wget-S-content-on-error-anthropic.txt wget -S --content-on-error -O - "$u/anthropic/overloaded"

# Credentials in what is echoed (issue 17): a form-encoded token response,
# an ErrorInfo's metadata, HTTPie's request body, wget -nv's URL lines, and
# a shell prompt with the curl command above its output.
rec curl-si-oauth-token-form.txt curl -si "$u/oauth/token-form"
rec curl-si-oauth-token-form-error.txt curl -si "$u/oauth/token-form-error"
rec curl-si-github-oauth-bad-code.txt curl -si "$u/github/oauth-bad-code"
rec curl-si-google-errorinfo-secret.txt curl -si "$u/google/errorinfo-secret"
rec httpie-Bhb-password.txt http --ignore-stdin --print=Bhb POST "$u/wontopos/unauthorized" username=ada password=HTTPIEPASSWORD1 api_key=HTTPIEKEY1
rec wget-nv-access-token.txt wget -nv -O /dev/null "$u/text?access_token=WGETNVTOKEN1&client_secret=WGETNVCS1"
rec wget-nv-client-secret.txt wget -nv -O /dev/null "http://bob:WGETNVPW1@127.0.0.1:$port/oauth/token-form-error?client_id=abc&client_secret=WGETNVCS2"
prompt="curl -si -u bob:PROMPTPW1 -H 'Authorization: Bearer PROMPTBEARER1' -H 'X-Api-Key: PROMPTKEY1' -b 'session=PROMPTCOOKIE1' 'http://ada:PROMPTPW2@127.0.0.1:$port/wontopos/unauthorized?api_key=PROMPTKEY2'"
rec prompt-curl-si-secrets.txt sh -c 'printf "\$ %s\n" "$1"; eval "$1"' sh "$prompt" # as copied from a terminal

# Transfers that got no response (curl, wget, HTTPie as they print it):
# no DNS, nothing listening, a server that closes, resets or hangs, a
# self-signed certificate, TLS to a plain-HTTP port.
closed=http://127.0.0.1:1 empty=http://127.0.0.1:$bad reset=http://127.0.0.1:$((bad + 1)) hang=http://127.0.0.1:$((bad + 2)) tls=https://127.0.0.1:$((bad + 3))
rec curl-sS-resolve.txt curl -sS https://nonexistent.invalid/v1/things
rec curl-sv-resolve.txt curl -sv https://nonexistent.invalid/v1/things
rec curl-sS-refused.txt curl -sS "$closed/"
rec curl-sS-w-000-refused.txt curl -sS -w '%{http_code}\n' "$closed/"
rec curl-s-w-000-refused.txt curl -s -w '%{http_code}' "$closed/"
rec curl-sv-refused.txt curl -sv "$closed/"
rec curl-sSi-empty-reply.txt curl -sSi "$empty/"
rec curl-sSv-empty-reply.txt curl -sSv "$empty/"
rec curl-sSi-reset.txt curl -sSi "$reset/"
rec curl-sSi-timeout.txt curl -sSi -m 1 "$hang/"
rec curl-sS-self-signed.txt curl -sS "$tls/emnify/duplicated"
rec curl-sSv-self-signed.txt curl -sSv "$tls/emnify/duplicated"
rec curl-sS-tls-to-plain.txt curl -sS "https://127.0.0.1:$port/"
rec curl-sSf-404.txt curl -sSf "$u/k8s/notfound"
rec curl-sSfv-404.txt curl -sSfv "$u/k8s/notfound"
rec curl-sS-http2-reset.txt curl -sSi --http2-prior-knowledge "$u/h2/reset"
rec curl-sv-http2-reset.txt curl -sv --http2-prior-knowledge "$u/h2/reset"
rec curl-sS-after-progress-resolve.txt curl https://nonexistent.invalid/
rec wget-S-resolve.txt wget -S -O /dev/null -t 1 https://nonexistent.invalid/
rec wget-S-refused.txt wget -S -O /dev/null -t 1 "$closed/"
rec wget-S-empty-reply.txt wget -S -O /dev/null -t 1 "$empty/"
rec wget-S-reset.txt wget -S -O /dev/null -t 1 "$reset/"
rec wget-S-timeout.txt wget -S -O /dev/null -t 1 -T 1 "$hang/"
rec wget-S-self-signed.txt wget -S -O /dev/null -t 1 "$tls/emnify/duplicated"
rec wget-S-tls-to-plain.txt wget -S -O /dev/null -t 1 "https://127.0.0.1:$port/"
rec httpie-resolve.txt http --ignore-stdin https://nonexistent.invalid/
rec httpie-refused.txt http --ignore-stdin "$closed/"
rec httpie-empty-reply.txt http --ignore-stdin "$empty/"
rec httpie-reset.txt http --ignore-stdin "$reset/"
rec httpie-timeout.txt http --ignore-stdin --timeout 1 "$hang/"
rec httpie-self-signed.txt http --ignore-stdin "$tls/emnify/duplicated"
rec httpie-credentials-in-url.txt http --ignore-stdin "http://alice:s3cr3t@127.0.0.1:1/v1/things?api_key=sk_live_QUERYSECRET"

# What the response says about retrying: GitHub's primary and secondary
# rate limits (403s), Stripe-Should-Retry, Google's RetryInfo.
rec curl-si-github-primary-ratelimit.txt curl -si "$u/github/primary-ratelimit"
rec curl-si-github-secondary-ratelimit.txt curl -si "$u/github/secondary-ratelimit"
rec curl-si-stripe-should-retry.txt curl -si "$u/stripe/should-retry"
rec curl-si-google-retryinfo.txt curl -si --http2-prior-knowledge "$u/google/retryinfo"

# Codes in headers and in nested fields.
rec curl-si-aws-apigw-throttle.txt curl -si "$u/aws/apigw-throttle"
rec curl-si-google-legacy-reason.txt curl -si --http2-prior-knowledge "$u/google/legacy-reason"
rec curl-si-elasticsearch-no-index.txt curl -si "$u/elasticsearch/no-index"
rec curl-si-slack-invalid-auth.txt curl -si "$u/slack/invalid-auth"
rec curl-si-azure-blob-auth.txt curl -si "$u/azure/blob-auth"

# What tools print around a response: script(1)'s banner and closing line,
# wget's certificate warnings (--no-check-certificate).
TERM=xterm rec script-curl-si-emnify.txt script -c "curl -si $u/emnify/duplicated" /dev/null
rec wget-S-no-check-certificate.txt wget -S --no-check-certificate --content-on-error -O - "$tls/emnify/duplicated"

# The protocol vocabularies as APIs send them.
rec curl-si-k8s-notfound.txt curl -si "$u/k8s/notfound"
rec curl-si-k8s-invalid.txt curl -si "$u/k8s/invalid"
rec curl-si-postgrest-unique.txt curl -si "$u/postgrest/unique"
rec curl-si-postgrest-undefined-table.txt curl -si "$u/postgrest/undefined-table"
rec curl-si-grpc-gateway.txt curl -si "$u/grpc-gateway/notfound"
rec curl-si-google-unavailable.txt curl -si --http2-prior-knowledge "$u/google/unavailable"
rec curl-si-bearer-invalid-token.txt curl -si "$u/oauth/bearer"
rec curl-si-bearer-insufficient-scope.txt curl -si "$u/oauth/scope"
rec curl-si-oauth-redirect-error.txt curl -si "$u/oauth/callback-error"
rec curl-si-grpc-trailers-only.txt curl -si --http2-prior-knowledge -H 'Content-Type: application/grpc' -d '' "$u/grpc/unavailable"
rec curl-si-grpc-trailers.txt curl -si --http2-prior-knowledge -H 'Content-Type: application/grpc' -d '' "$u/grpc/trailers"
rec curl-sv-grpc-trailers.txt curl -sv --http2-prior-knowledge -H 'Content-Type: application/grpc' -d '' "$u/grpc/trailers"
rec wget-S-k8s-notfound.txt wget -S -O /dev/null "$u/k8s/notfound"
rec httpie-hb-postgrest-unique.txt http --ignore-stdin --print=hb "$u/postgrest/unique"

# grpcurl against the same answer (it needs the service's proto).
grpcurl=${GRPCURL:-$(command -v grpcurl || true)}
if [ -n "$grpcurl" ]; then
	protodir=$(mktemp -d)
	cat >"$protodir/echo.proto" <<'PROTO'
syntax = "proto3";
package errcode.fixture;
message SayRequest { string text = 1; }
message SayReply { string text = 1; }
service Echo { rpc Say(SayRequest) returns (SayReply); }
PROTO
	g=("$grpcurl" -plaintext -import-path "$protodir" -proto echo.proto -d '{"text":"hi"}')
	rec grpcurl-unavailable.txt "${g[@]}" "127.0.0.1:$port" errcode.fixture.Echo/Say
	rec grpcurl-v-unavailable.txt "${g[@]}" -v "127.0.0.1:$port" errcode.fixture.Echo/Say
	rec grpcurl-dial-refused.txt "${g[@]}" -connect-timeout 1 127.0.0.1:1 errcode.fixture.Echo/Say
	rm -rf "$protodir"
else
	echo "skipped the grpcurl recordings: no grpcurl (set GRPCURL)"
fi

scripts/record-foreign.sh # APIs errcode has no catalog for: own ports, see cmd/testdata/responses/FOREIGN.md
