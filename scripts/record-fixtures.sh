#!/usr/bin/env bash
# Records what real curl, httpie and wget print for the responses of
# internal/fixtureserver, into cmd/testdata/responses/. The end-to-end tests
# read these files, so CI needs none of the tools; run this again (and
# review the diff) when the server or the tools change.
#
# Needs: curl, wget, httpie (Debian: apt-get install -y curl wget httpie),
# and script(1) for curl's terminal output.
set -euo pipefail
cd "$(dirname "$0")/.."
out=cmd/testdata/responses
mkdir -p "$out"
port=18080 proxy=18081
go build -o /tmp/fixtureserver ./internal/fixtureserver
/tmp/fixtureserver "$port" "$proxy" &
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
rec curl-si-msgraph.txt curl -si "$u/msgraph"
rec curl-si-nginx.txt curl -si "$u/nginx"
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
rec wget-S-redirects.txt wget -S -O /dev/null "$u/redirect"
