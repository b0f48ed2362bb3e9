#!/usr/bin/env bash
# Records what real programs print when an API call fails: SDK exceptions,
# tracebacks, Go errors, CLI error lines and log records (issue 18), into
# cmd/testdata/programs/LANG-LIB-CASE.txt, stdout and stderr together as a
# person copies them. The programs are the small files under
# scripts/programs/; they run against internal/fixtureserver (a canned
# error reply, a closed port, a server that closes, resets or hangs, TLS
# with a self-signed certificate) and a throwaway PostgreSQL. What a correct
# diagnosis of each file is, and which program and version made it, is in
# cmd/testdata/programs/README.md: review it with the diff when re-recording.
#
# Everything runs from /tmp/rec (a stable path, since tracebacks show it)
# in a clean environment (env -i) with dummy credentials, so no secret of
# the machine can reach a recording. Output that changes with each run
# (log timestamps, Python's created_time in gRPC errors, npm's log name)
# changes in the files too.
#
# Needs (Debian 12): apt-get install -y python3-requests python3-httpx
# python3-aiohttp python3-boto3 python3-grpcio python3-psycopg2 python3-pip
# awscli gh git postgresql; kubectl (not in Debian 12: any kubectl on PATH);
# node and npm (the SDKs are installed by this script into /tmp/rec/node from
# scripts/programs/node/package.json); Go (the Go programs' modules come
# from the module proxy). Run as root: PostgreSQL runs as the postgres user
# (runuser), in /tmp/rec/pg.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
out=$repo/cmd/testdata/programs
work=/tmp/rec
port=18280 proxy=18281 bad=18290 pgport=18295
u=http://127.0.0.1:$port
closed=http://127.0.0.1:1 empty=http://127.0.0.1:$bad reset=http://127.0.0.1:$((bad + 1)) hang=http://127.0.0.1:$((bad + 2)) tls=https://127.0.0.1:$((bad + 3))
closed2=http://127.0.0.1:18299 # fetch refuses port 1 itself ("bad port"): a closed port it will try
mkdir -p "$out" "$work/home" "$work/bin"
chmod 755 "$work"

# The programs, copied where their paths are the same on every machine.
rm -rf "$work/python" "$work/go"
cp -r scripts/programs/python "$work/python"
cp -r scripts/programs/go "$work/go"
mkdir -p "$work/node"
cp scripts/programs/node/*.mjs "$work/node/"
if ! cmp -s scripts/programs/node/package.json "$work/node/package.json" || [ ! -d "$work/node/node_modules" ]; then
	cp scripts/programs/node/package.json "$work/node/"
	(cd "$work/node" && npm install --no-audit --no-fund --loglevel=error)
fi
(cd "$work/go" && go build -o "$work/bin/" ./...)
go build -o "$work/fixtureserver" ./internal/fixtureserver

server=""
pgdata=$work/pg/data
PG=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
cleanup() {
	[ -n "$server" ] && kill "$server" 2>/dev/null || true
	[ -d "$pgdata" ] && runuser -u postgres -- "$PG/pg_ctl" -D "$pgdata" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

start() { # a fresh fixture server for each batch: it stops itself after a minute
	[ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
	FIXTURESERVER_CERT=$work/fixture.pem "$work/fixtureserver" "$port" "$proxy" "$bad" &
	server=$!
	for _ in $(seq 50); do curl -s -o /dev/null "$u/" && break; sleep 0.1; done
}

clean=(env -i PATH=/usr/local/go/bin:/usr/bin:/bin HOME=$work/home LANG=C.UTF-8
	AWS_ACCESS_KEY_ID=AKIAFIXTUREFIXTURE00 AWS_SECRET_ACCESS_KEY=fixture AWS_REGION=us-east-1
	AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true
	AWS_PAGER= KUBECONFIG=/dev/null)

rec() { # rec NAME command... : stdout and stderr together, as a person pipes them
	local name=$1
	shift
	(cd "$work" && "${clean[@]}" "$@") >"$out/$name" 2>&1 || true
	echo "recorded $name ($(wc -c <"$out/$name") bytes)"
}

py=(python3)
p=$work/python
start
# Python: requests, uncaught (raise_for_status and transport failures)
rec python-requests-raise-429.txt "${py[@]}" "$p/requests_raise.py" "$u/wontopos/ratelimit"
rec python-requests-raise-404.txt "${py[@]}" "$p/requests_raise.py" "$u/k8s/notfound"
rec python-requests-raise-500.txt "${py[@]}" "$p/requests_raise.py" "$u/gzip"
rec python-requests-refused.txt "${py[@]}" "$p/requests_raise.py" "$closed/v1/things"
rec python-requests-resolve.txt "${py[@]}" "$p/requests_raise.py" https://nonexistent.invalid/v1/things
rec python-requests-timeout.txt "${py[@]}" "$p/requests_raise.py" "$hang/v1/things" 1
rec python-requests-self-signed.txt "${py[@]}" "$p/requests_raise.py" "$tls/v1/things"
rec python-requests-reset.txt "${py[@]}" "$p/requests_raise.py" "$reset/v1/things"
rec python-requests-empty-reply.txt "${py[@]}" "$p/requests_raise.py" "$empty/v1/things"
rec python-requests-chained-during-409.txt "${py[@]}" "$p/requests_chained.py" "$u/postgrest/unique" during
rec python-requests-chained-from-402.txt "${py[@]}" "$p/requests_chained.py" "$u/stripe" from
rec python-requests-print-503.txt "${py[@]}" "$p/requests_print.py" "$u/text"
rec python-logging-exception-429.txt "${py[@]}" "$p/logging_exception.py" "$u/wontopos/ratelimit"
# Python: httpx, urllib, aiohttp
rec python-httpx-raise-429.txt "${py[@]}" "$p/httpx_raise.py" "$u/ironwifi/ratelimit"
rec python-httpx-refused.txt "${py[@]}" "$p/httpx_raise.py" "$closed/v1/things"
rec python-urllib-429.txt "${py[@]}" "$p/urllib_raise.py" "$u/wontopos/ratelimit"
rec python-urllib-refused.txt "${py[@]}" "$p/urllib_raise.py" "$closed/v1/things"
rec python-aiohttp-raise-503.txt "${py[@]}" "$p/aiohttp_raise.py" "$u/text"
# Python: boto3 (one attempt) and grpcio
rec python-boto3-dynamodb-throttle.txt "${py[@]}" "$p/boto3_dynamodb.py" "$u/sdk/dynamodb/throttle"
rec python-boto3-s3-nosuchkey.txt "${py[@]}" "$p/boto3_s3.py" "$u/sdk/s3/no-such-key"
rec python-boto3-s3-accessdenied.txt "${py[@]}" "$p/boto3_s3.py" "$u/sdk/aws-xml"
rec python-boto3-refused.txt "${py[@]}" "$p/boto3_dynamodb.py" "$closed"
rec python-grpcio-unavailable.txt "${py[@]}" "$p/grpc_call.py" "127.0.0.1:$port"
rec python-grpcio-refused.txt "${py[@]}" "$p/grpc_call.py" 127.0.0.1:1 2
rec python-grpcio-deadline.txt "${py[@]}" "$p/grpc_call.py" "127.0.0.1:$((bad + 2))" 1

start
# Node: fetch (undici), uncaught
n=$work/node
rec node-fetch-refused.txt node "$n/fetch.mjs" "$closed2/v1/things"
rec node-fetch-bad-port.txt node "$n/fetch.mjs" "$closed/v1/things"
rec node-fetch-resolve.txt node "$n/fetch.mjs" https://nonexistent.invalid/v1/things
rec node-fetch-self-signed.txt node "$n/fetch.mjs" "$tls/v1/things"
rec node-fetch-empty-reply.txt node "$n/fetch.mjs" "$empty/v1/things"
rec node-fetch-check-429.txt node "$n/fetch.mjs" "$u/wontopos/ratelimit" check
# Node: axios
rec node-axios-401.txt node "$n/axios.mjs" "$u/wontopos/unauthorized"
rec node-axios-429.txt node "$n/axios.mjs" "$u/wontopos/ratelimit"
rec node-axios-refused.txt node "$n/axios.mjs" "$closed/v1/things"
rec node-axios-log-404.txt node "$n/axios.mjs" "$u/k8s/notfound" log
# Node: vendor SDKs (no retries)
rec node-openai-429-rate-limit.txt node "$n/openai.mjs" "$u/sdk/openai/rate-limit"
rec node-openai-429-insufficient-quota.txt node "$n/openai.mjs" "$u/sdk/openai/insufficient-quota"
rec node-openai-401.txt node "$n/openai.mjs" "$u/sdk/openai/invalid-key"
rec node-openai-refused.txt node "$n/openai.mjs" "$closed2/v1"
rec node-anthropic-529.txt node "$n/anthropic.mjs" "$u/sdk/anthropic/overloaded"
rec node-anthropic-429.txt node "$n/anthropic.mjs" "$u/sdk/anthropic/rate-limit"
rec node-stripe-card-declined.txt node "$n/stripe.mjs" 127.0.0.1 "$port"
rec node-awsv3-dynamodb-throttle.txt node "$n/aws-dynamodb.mjs" "$u/sdk/dynamodb/throttle"
rec node-awsv3-s3-accessdenied.txt node "$n/aws-s3.mjs" "$u/sdk/aws-xml"
rec node-octokit-403-ratelimit.txt node "$n/octokit.mjs" "$u/sdk/github/primary-ratelimit"

start
# Go: net/http, grpc-go, aws-sdk-go-v2, log/slog, zap
b=$work/bin
rec go-nethttp-refused.txt "$b/nethttp" fatal "$closed/v1/things"
rec go-nethttp-resolve.txt "$b/nethttp" wrap https://nonexistent.invalid/v1/things
rec go-nethttp-timeout.txt "$b/nethttp" -timeout 1s wrap "$hang/v1/things"
rec go-nethttp-reset.txt "$b/nethttp" fatal "$reset/v1/things"
rec go-nethttp-empty-reply.txt "$b/nethttp" fatal "$empty/v1/things"
rec go-nethttp-self-signed-panic.txt "$b/nethttp" panic "$tls/v1/things"
rec go-nethttp-status-429.txt "$b/nethttp" status "$u/wontopos/ratelimit"
rec go-nethttp-wrap-503.txt "$b/nethttp" wrap "$u/text"
rec go-grpc-unavailable.txt "$b/grpc" "127.0.0.1:$port"
rec go-grpc-refused.txt "$b/grpc" -timeout 2s 127.0.0.1:1
rec go-grpc-deadline.txt "$b/grpc" -timeout 1s "127.0.0.1:$((bad + 2))"
rec go-awsv2-dynamodb-throttle.txt "$b/awsddb" "$u/sdk/dynamodb/throttle"
rec go-awsv2-s3-nosuchkey.txt "$b/awss3" "$u/sdk/s3/no-such-key"
rec go-slog-json-429.txt "$b/slog" json "$u/wontopos/ratelimit"
rec go-slog-text-refused.txt "$b/slog" text "$closed/v1/things"
rec go-zap-prod-429.txt "$b/zap" prod "$u/wontopos/ratelimit"
rec go-zap-dev-refused.txt "$b/zap" dev "$closed/v1/things"

start
# CLIs
kube=(kubectl --cache-dir="$work/kube-cache")
rec cli-kubectl-get-notfound.txt "${kube[@]}" --server="$u/kube" get pod web-0
rec cli-kubectl-get-forbidden.txt "${kube[@]}" --server="$u/kube" get pods
rec cli-kubectl-refused.txt "${kube[@]}" --server="$closed" get pods
rm -rf "$work/clone"
rec cli-git-clone-403.txt git clone "$u/sdk/github/primary-ratelimit/errcode-dev/errcode.git" clone
rec cli-git-clone-refused.txt git clone "$closed/errcode-dev/errcode.git" clone
pipdl=(python3 -m pip download --no-deps -d "$work/pip-download" --retries 1 --timeout 2)
rec cli-pip-download-refused.txt "${pipdl[@]}" --index-url "$closed/simple" requests
rec cli-pip-download-403.txt "${pipdl[@]}" --index-url "$u/sdk/aws-xml/simple" requests
rec cli-npm-view-refused.txt npm view left-pad --registry "$closed/" --fetch-retries 0
rec cli-npm-view-403.txt npm view left-pad --registry "$u/sdk/github/primary-ratelimit/" --fetch-retries 0
gh=(env GH_ENTERPRISE_TOKEN=ghp_fixture GH_PROMPT_DISABLED=1 gh)
rec cli-gh-api-403-ratelimit.txt env SSL_CERT_FILE="$work/fixture.pem" GH_HOST=127.0.0.1:$((bad + 3)) "${gh[@]}" api repos/errcode-dev/errcode
rec cli-gh-api-refused.txt env GH_HOST=127.0.0.1:1 "${gh[@]}" api repos/errcode-dev/errcode
rec cli-gh-repo-view-self-signed.txt env GH_HOST=127.0.0.1:$((bad + 3)) "${gh[@]}" repo view errcode-dev/errcode
aws=(env AWS_MAX_ATTEMPTS=1 aws)
rec cli-aws-dynamodb-throttle.txt "${aws[@]}" dynamodb put-item --endpoint-url "$u/sdk/dynamodb/throttle" --table-name orders --item '{"id":{"S":"o-1"}}'
rec cli-aws-s3-cp-404.txt "${aws[@]}" s3 cp --endpoint-url "$u/sdk/s3/no-such-key" s3://reports/reports/2026.csv -
rec cli-aws-s3api-accessdenied.txt "${aws[@]}" s3api get-object --endpoint-url "$u/sdk/aws-xml" --bucket reports --key reports/2026.csv "$work/object.csv"
rec cli-aws-refused.txt "${aws[@]}" dynamodb put-item --endpoint-url "$closed" --table-name orders --item '{"id":{"S":"o-1"}}'

# PostgreSQL: psql, psycopg2 and pgx against a throwaway server
if [ -n "$PG" ] && [ -x "$PG/initdb" ]; then
	rm -rf "$work/pg"
	mkdir -p "$work/pg"
	chown postgres "$work/pg"
	runuser -u postgres -- "$PG/initdb" -D "$pgdata" -A trust -U postgres >/dev/null
	runuser -u postgres -- "$PG/pg_ctl" -D "$pgdata" -o "-p $pgport -k $work/pg -c listen_addresses=127.0.0.1" -l "$work/pg/log" -w start >/dev/null
	psql=(psql -h 127.0.0.1 -p "$pgport" -U postgres -v ON_ERROR_STOP=1)
	"${psql[@]}" -q -c "CREATE TABLE users (id serial PRIMARY KEY, email text UNIQUE NOT NULL); INSERT INTO users (email) VALUES ('ada@example.com');"
	dup="INSERT INTO users (email) VALUES ('ada@example.com')"
	missing="SELECT * FROM nonexistent_table"
	dsn="host=127.0.0.1 port=$pgport user=postgres dbname=postgres"
	rec cli-psql-unique.txt "${psql[@]}" -c "$dup"
	rec cli-psql-verbose-unique.txt "${psql[@]}" -v VERBOSITY=verbose -c "$dup"
	rec cli-psql-undefined-table.txt "${psql[@]}" -c "$missing"
	rec cli-psql-refused.txt psql -h 127.0.0.1 -p 1 -U postgres -c "SELECT 1"
	rec python-psycopg2-unique.txt "${py[@]}" "$p/psycopg2_error.py" "$dsn" "$dup"
	rec python-psycopg2-undefined-table.txt "${py[@]}" "$p/psycopg2_error.py" "$dsn" "$missing"
	rec go-pgx-unique.txt "$b/pgx" "postgres://postgres@127.0.0.1:$pgport/postgres" "$dup"
else
	echo "skipped the PostgreSQL recordings: no server binaries (apt-get install -y postgresql)"
fi
