#!/usr/bin/env bash
# Records what programs built on OpenSSL 3 print when a TLS connection, a
# certificate or a key fails, into cmd/testdata/programs/*.txt (stdout and
# stderr together, as a person copies them): the `openssl` command itself,
# curl, Node and nginx, against servers this script starts on 127.0.0.1
# (a plain-HTTP port, `openssl s_server` with a self-signed certificate, one
# with a single cipher, one that requires a client certificate it trusts).
# What a correct diagnosis of each file is, and the versions, are in
# cmd/testdata/programs/README.md ("OpenSSL"): review it with the diff when
# re-recording. The hex word before ":error:" (a thread id), the certificates
# and the server's dates change with every run.
#
# Needs (Debian 12): openssl, curl, nginx, node; python3 for the plain port.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$PWD/cmd/testdata/programs
work=$(mktemp -d)
plain=18380 selfsigned=18381 onecipher=18382 clientca=18383 closed=18384
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	rm -rf "$work"
}
trap cleanup EXIT
cd "$work"

# Keys and certificates made now: the server's (self-signed, for
# localhost), a client's no one trusts, and a file that is not PEM.
openssl req -x509 -newkey rsa:2048 -nodes -keyout server.key -out server.pem -days 30 -subj /CN=localhost 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -keyout client.key -out client.pem -days 30 -subj /CN=client 2>/dev/null
echo "not a certificate" >garbage.pem
echo "a secret" | openssl enc -aes-256-cbc -pbkdf2 -pass pass:right -out secret.bin

serve() { # serve COMMAND...: in the background until the script ends
	"$@" >/dev/null 2>&1 &
	pids+=($!)
}
serve python3 -m http.server "$plain" --bind 127.0.0.1
serve openssl s_server -quiet -www -accept "$selfsigned" -cert server.pem -key server.key
serve openssl s_server -quiet -www -accept "$onecipher" -cert server.pem -key server.key -tls1_2 -cipher ECDHE-RSA-AES128-GCM-SHA256
serve openssl s_server -quiet -www -accept "$clientca" -cert server.pem -key server.key -Verify 1 -verify_return_error -CAfile server.pem
sleep 1

rec() { # rec NAME command... : stdout and stderr together, as a person pipes them
	local name=$1
	shift
	"$@" </dev/null >"$out/$name" 2>&1 || true
	echo "recorded $name ($(wc -c <"$out/$name") bytes)"
}

# The openssl command: a TLS port that answers in plain HTTP, a cipher the
# server does not offer, a wrong password, a certificate file that is not PEM.
rec cli-openssl-s_client-tls-to-plain.txt openssl s_client -connect "127.0.0.1:$plain"
rec cli-openssl-s_client-handshake-failure.txt openssl s_client -tls1_2 -cipher AES256-SHA -connect "127.0.0.1:$onecipher"
rec cli-openssl-enc-bad-decrypt.txt openssl enc -d -aes-256-cbc -pbkdf2 -pass pass:wrong -in secret.bin
rec cli-openssl-x509-garbage.txt openssl x509 -noout -in garbage.pem
# And before TLS: a port nothing listens on (a system error OpenSSL passes
# on, errno 111 in its code), a host name that does not resolve.
rec cli-openssl-s_client-refused.txt openssl s_client -connect "127.0.0.1:$closed"
rec cli-openssl-s_client-resolve.txt openssl s_client -connect nonexistent.invalid:443

# curl (OpenSSL backend): the same failures as curl names them.
rec cli-curl-handshake-failure.txt curl -sS --tls-max 1.2 --ciphers AES256-SHA "https://127.0.0.1:$onecipher/"
rec cli-curl-unknown-ca.txt curl -sSk --cert client.pem --key client.key "https://127.0.0.1:$clientca/"
rec cli-curl-cert-no-start-line.txt curl -sS --cert garbage.pem "https://127.0.0.1:$selfsigned/"

# Node's https and fetch (Node's bundled OpenSSL): a TLS port that answers
# in plain HTTP.
rec node-https-tls-to-plain.txt node -e "require('https').get('https://127.0.0.1:$plain/', () => {}).on('error', e => { console.error(e); process.exit(1) })"
rec node-fetch-tls-to-plain.txt node -e "fetch('https://127.0.0.1:$plain/').catch(e => { console.error(e); process.exit(1) })"

# nginx -t with a certificate file that is not PEM.
mkdir -p ng/logs
cat >ng/nginx.conf <<EOF
pid $work/ng/nginx.pid;
error_log stderr;
events {}
http {
	server {
		listen 127.0.0.1:18386 ssl;
		ssl_certificate $work/garbage.pem;
		ssl_certificate_key $work/server.key;
	}
}
EOF
rec cli-nginx-t-no-start-line.txt nginx -t -p "$work/ng" -c "$work/ng/nginx.conf"
sed -i "s|$work|/tmp/rec|g" "$out/cli-nginx-t-no-start-line.txt" # the temporary directory's name, as every run's
