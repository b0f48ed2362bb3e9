#!/usr/bin/env bash
# Records what real curl, wget and HTTPie print for answers that pin rules
# no other recording does (issue 20), into cmd/testdata/responses/pin-*:
# header names as servers spell them, a lower-case Bearer challenge behind a
# shell prompt with a lower-case Authorization header, bodies exactly at
# errcode's 256 KiB cap and one byte over, HTTP/2 stream resets with
# PROTOCOL_ERROR (err 1) and ENHANCE_YOUR_CALM (err 11), an expired
# certificate and one for another name (each from a CA the client trusts, so
# that the certificate's own fault is what fails), and a proxy's 407 to
# CONNECT. Run it again (and review the diff) when the server or the tools
# change.
#
# Needs: curl, wget, httpie (Debian: apt-get install -y curl wget httpie).
set -euo pipefail
cd "$(dirname "$0")/.."
out=cmd/testdata/responses
port=18180 proxy=18181 bad=18190 # pins.go: bad+4 PROTOCOL_ERROR, +5 ENHANCE_YOUR_CALM, +6 expired, +7 another name, +8 a 407 proxy
tmp=$(mktemp -d)
go build -o "$tmp/fixtureserver" ./internal/fixtureserver
FIXTURESERVER_PINS_CA="$tmp/ca.pem" "$tmp/fixtureserver" "$port" "$proxy" "$bad" &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$tmp"' EXIT
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && [ -s "$tmp/ca.pem" ] && break; sleep 0.1; done
u="http://127.0.0.1:$port"
ca="$tmp/ca.pem"

rec() { # rec NAME command... : stdout and stderr together, as a person pipes them
	local name=$1
	shift
	"$@" >"$out/$name" 2>&1 || true
	echo "recorded $name ($(wc -c <"$out/$name") bytes)"
}

# Header names as sent: X-Amzn-RequestId, CF-RAY, retry-after (curl -i keeps them).
rec pin-curl-si-header-spelling.txt curl -si "$u/pins/header-spelling"
rec pin-curl-si-http2-header-spelling.txt curl -si --http2-prior-knowledge "$u/pins/header-spelling"
# A lower-case scheme: the challenge, and the credential in the command above it.
prompt="curl -si -H 'authorization: bearer PINLOWERbearer0123456789' '$u/pins/bearer-lower'"
rec pin-prompt-curl-si-bearer-lower.txt sh -c 'printf "\$ %s\n" "$1"; eval "$1"' sh "$prompt"
# The body cap: gzip bodies of exactly 256 KiB and 256 KiB + 1 (printed raw).
rec pin-curl-si-cap-exact.txt curl -si "$u/pins/cap-exact"
rec pin-curl-si-cap-over.txt curl -si "$u/pins/cap-over"
# HTTP/2 error numbers as curl prints them.
rec pin-curl-sS-http2-protocol-error.txt curl -sS --http2-prior-knowledge "http://127.0.0.1:$((bad + 4))/"
rec pin-curl-sS-http2-enhance-your-calm.txt curl -sS --http2-prior-knowledge "http://127.0.0.1:$((bad + 5))/"
# Certificates: expired, and for another name, from a trusted CA.
expired=https://127.0.0.1:$((bad + 6))/emnify/duplicated other=https://127.0.0.1:$((bad + 7))/emnify/duplicated
rec pin-curl-sS-expired.txt curl -sS --cacert "$ca" "$expired"
rec pin-curl-sv-expired.txt curl -sv --cacert "$ca" "$expired"
rec pin-curl-sS-wrong-name.txt curl -sS --cacert "$ca" "$other"
rec pin-curl-sv-wrong-name.txt curl -sv --cacert "$ca" "$other"
rec pin-wget-S-expired.txt wget -S -O /dev/null -t 1 --ca-certificate="$ca" "$expired"
rec pin-wget-S-wrong-name.txt wget -S -O /dev/null -t 1 --ca-certificate="$ca" "$other"
rec pin-httpie-expired.txt http --ignore-stdin --verify="$ca" "$expired"
rec pin-httpie-wrong-name.txt http --ignore-stdin --verify="$ca" "$other"
# A proxy that answers CONNECT with 407: curl's (56), with and without -i.
rec pin-curl-sS-proxy-407.txt curl -sS -p -x "http://127.0.0.1:$((bad + 8))" "$u/emnify/duplicated"
rec pin-curl-sSi-proxy-407.txt curl -sSi -p -x "http://127.0.0.1:$((bad + 8))" "$u/emnify/duplicated"
