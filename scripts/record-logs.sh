#!/usr/bin/env bash
# Records real log files, as real loggers write them, for errcode's log
# reader (issue 18, part 3): JSON lines (zap, slog, pino, bunyan,
# structlog, logrus), logfmt (slog's text handler, logrus's text
# formatter), klog's header format, Python logging's common format with
# tracebacks, and nginx's error.log and access.log, into
# cmd/testdata/logs/LOGGER-CASE.log. Nothing in them is written by hand.
#
# Each service under scripts/programs/logs/ runs the same loop (see
# scripts/programs/logs/go/scenario/scenario.go): many successful calls
# logged at info or debug, 429s logged at warn then error, calls to a
# closed port, a DynamoDB PutItem throttled, calls that time out, and
# info lines that merely mention errors. nginx runs as a reverse proxy on
# loopback with its own prefix under /tmp/rec/logs/nginx (never the
# system's configuration), in front of a healthy upstream, a closed port,
# one that never answers and one with a self-signed certificate, and curl
# drives it. The oracle of each file (what a correct reader finds in it)
# is in cmd/testdata/logs/README.md: review it with the diff when
# re-recording, since counts of lines and timestamps come from the run.
#
# Everything runs from /tmp/rec/logs (a stable path, since stack traces
# show it) in a clean environment (env -i) with dummy credentials, so no
# secret of the machine can reach a recording. Timestamps, pids, durations
# and object addresses change with each run.
#
# Needs (Debian 12): apt-get install -y nginx python3-structlog
# python3-requests python3-boto3 curl; node and npm (pino, bunyan, axios and
# @aws-sdk/client-dynamodb are installed by this script into
# /tmp/rec/logs/node from scripts/programs/logs/node/package.json); Go (zap,
# logrus, klog and aws-sdk-go-v2 come from the module proxy). Run as root
# (nginx's master process; its worker runs as nobody). Uses loopback ports
# 18380-18381, 18388 and 18390-18393; 18399 must be closed.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
out=$repo/cmd/testdata/logs
work=/tmp/rec/logs
port=18380 proxy=18381 bad=18390 ngxport=18388
u=http://127.0.0.1:$port
closed=http://127.0.0.1:18399 hang=http://127.0.0.1:$((bad + 2))
mkdir -p "$out" "$work/home" "$work/bin"
chmod 755 /tmp/rec "$work"

# The programs, copied where their paths are the same on every machine.
rm -rf "$work/python" "$work/go"
cp -r scripts/programs/logs/python "$work/python"
cp -r scripts/programs/logs/go "$work/go"
mkdir -p "$work/node"
cp scripts/programs/logs/node/*.mjs "$work/node/"
if ! cmp -s scripts/programs/logs/node/package.json "$work/node/package.json" || [ ! -d "$work/node/node_modules" ]; then
	cp scripts/programs/logs/node/package.json "$work/node/"
	(cd "$work/node" && npm install --no-audit --no-fund --loglevel=error)
fi
(cd "$work/go" && go build -o "$work/bin/" ./...)
go build -o "$work/fixtureserver" ./internal/fixtureserver

server=""
ngx=$work/nginx
ngxcmd=(nginx -p "$ngx/" -c conf/nginx.conf -e logs/error.log)
cleanup() {
	[ -n "$server" ] && kill "$server" 2>/dev/null || true
	[ -f "$ngx/logs/nginx.pid" ] && kill "$(cat "$ngx/logs/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT

start() { # a fresh fixture server for each service: it stops itself after a minute
	[ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
	FIXTURESERVER_CERT=$work/fixture.pem "$work/fixtureserver" "$port" "$proxy" "$bad" &
	server=$!
	for _ in $(seq 50); do curl -s -o /dev/null "$u/" && break; sleep 0.1; done
	kill -0 "$server" || { echo "the fixture server did not start (port $port taken?)" >&2; exit 1; }
	if curl -s -o /dev/null "$closed/"; then echo "${closed#http://} is not closed" >&2; exit 1; fi
}

clean=(env -i PATH=/usr/local/go/bin:/usr/bin:/bin HOME=$work/home LANG=C.UTF-8
	AWS_ACCESS_KEY_ID=AKIAFIXTUREFIXTURE00 AWS_SECRET_ACCESS_KEY=fixture AWS_REGION=us-east-1
	AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true)

rec() { # rec NAME command... : a service's stdout and stderr, as its log collector keeps them
	local name=$1
	shift
	start
	(cd "$work" && "${clean[@]}" "$@") >"$out/$name" 2>&1 || true
	echo "recorded $name ($(wc -l <"$out/$name") lines, $(wc -c <"$out/$name") bytes)"
}

targets=("$u" "$closed" "$hang")
b=$work/bin
# Go: zap, log/slog, logrus, klog
rec go-zap-production.log "$b/zaplog" "${targets[@]}"
rec go-slog-json.log "$b/sloglog" json "${targets[@]}"
rec go-slog-text.log "$b/sloglog" text "${targets[@]}"
rec go-logrus-text.log "$b/logruslog" text "${targets[@]}"
rec go-logrus-json.log "$b/logruslog" json "${targets[@]}"
rec go-klog-default.log "$b/kloglog" "${targets[@]}"
# Node: pino (with fetch), bunyan (with axios)
rec node-pino-default.log node "$work/node/pino.mjs" "${targets[@]}"
rec node-bunyan-default.log node "$work/node/bunyan.mjs" "${targets[@]}"
# Python: structlog, logging
rec python-structlog-json.log python3 "$work/python/structlog_service.py" "${targets[@]}"
rec python-logging-format.log python3 "$work/python/logging_service.py" "${targets[@]}"

# nginx: a reverse proxy with its own prefix, driven by curl.
start
rm -rf "$ngx"
mkdir -p "$ngx/conf" "$ngx/logs" "$ngx/tmp" "$ngx/html"
sed -e "s/@LISTEN@/127.0.0.1:$ngxport/; s/@API@/127.0.0.1:$port/; s/@CLOSED@/${closed#http://}/" \
	-e "s/@HANG@/${hang#http://}/; s/@TLS@/127.0.0.1:$((bad + 3))/" \
	scripts/programs/logs/nginx/nginx.conf >"$ngx/conf/nginx.conf"
"${ngxcmd[@]}" -t -q
"${ngxcmd[@]}"
n=http://127.0.0.1:$ngxport
for _ in $(seq 50); do curl -s -o /dev/null "$n/orders/o-1" && break; sleep 0.1; done
: >"$ngx/logs/access.log" # only the requests below
hit() { # hit PATH: one request, as a client of the proxy makes it
	curl -s -o /dev/null -w "%{http_code} $1\n" "$n$1" || true
	sleep 0.3
}
for round in 1 2 3; do
	for i in 1 2 3; do hit "/orders/o-$round$i"; done
	hit "/search?q=widgets"
	hit "/billing/v1/invoices?page=$round"
	hit "/orders/o-${round}4"
	[ "$round" != 2 ] && hit /favicon.ico
	[ "$round" != 3 ] && hit "/inventory/v1/stock/sku-$round"
	[ "$round" != 1 ] && hit "/payments/v1/charges"
	hit "/orders/o-${round}5"
done
"${ngxcmd[@]}" -s quit
for _ in $(seq 50); do [ -f "$ngx/logs/nginx.pid" ] || break; sleep 0.1; done
cp "$ngx/logs/error.log" "$out/nginx-error.log"
cp "$ngx/logs/access.log" "$out/nginx-access-combined.log"
for f in nginx-error.log nginx-access-combined.log; do
	echo "recorded $f ($(wc -l <"$out/$f") lines, $(wc -c <"$out/$f") bytes)"
done
