#!/usr/bin/env bash
# Peak memory of errcode explain on hostile sizes: a 100 MiB response (from
# a file and through a pipe), 100 MiB of random bytes, and a gzip body
# that inflates to 200 MiB, and a flood of curl/HTTPie failure lines. The
# budget is 64 MiB; exits 1 if any run is over.
# Needs /usr/bin/time (Debian: apt-get install time) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o "$dir/errcode" .
python3 - "$dir" <<'PY'
import os, sys, gzip
d = sys.argv[1]
with open(f"{d}/big.txt", "wb") as f:
    f.write(b'HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\n\r\n'
            b'{"error":{"code":"internal_error","message":"boom","status":500,"request_id":"req_1"},"items":[')
    chunk = b'{"id":12345,"name":"item","tags":["a","b","c"]},' * 2000
    for _ in range(100 * 1024 * 1024 // len(chunk) + 1):
        f.write(chunk)
    f.write(b'{}]}')
with open(f"{d}/random.bin", "wb") as f:
    f.write(os.urandom(100 * 1024 * 1024))
with open(f"{d}/failures.txt", "wb") as f:  # a flood of tool failure lines
    f.write((b'curl: (6) Could not resolve host: x.invalid\n' + b'* Recv failure: Connection reset by peer\n'
             + b'http: error: ConnectionError: ... Connection refused while doing a GET request to URL: https://u:p@h/?token=t\n') * 120000)
with open(f"{d}/verbose.txt", "wb") as f:  # curl -v's shape, 16 MiB of it
    f.write(b'< HTTP/1.1 400 x\n' + b'< X-A: b\n<\n' * 1500000)
with open(f"{d}/many.har", "wb") as f:  # a HAR of ~89,000 failed requests
    e = (b'{"request":{"method":"GET","url":"https://api.example.com/x"},"response":{"status":503,'
         b'"httpVersion":"HTTP/1.1","headers":[{"name":"X-Request-Id","value":"r"}],"content":{"text":"down"}}}')
    n = (16 << 20) // (len(e) + 1) - 10
    f.write(b'{"log":{"entries":[' + b','.join([e] * n) + b']}}')
with open(f"{d}/bomb.txt", "wb") as f:
    f.write(b'HTTP/1.1 500 x\r\nContent-Encoding: gzip\r\n\r\n')
    f.write(gzip.compress(b'\0' * (200 * 1024 * 1024), 9))
PY
budget=$((64 * 1024)) over=0
run() { # run LABEL command...
	local label=$1 kb
	shift
	kb=$(/usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1)
	printf '%-42s %6d KiB peak\n' "$label" "$kb"
	((kb <= budget)) || over=1
}
run "100 MiB response, file" "$dir/errcode" explain "$dir/big.txt"
run "100 MiB response, pipe" sh -c "cat '$dir/big.txt' | '$dir/errcode' explain"
run "100 MiB response, pipe, --json" sh -c "cat '$dir/big.txt' | '$dir/errcode' explain --json"
run "100 MiB random bytes, file" "$dir/errcode" explain "$dir/random.bin"
run "100 MiB random bytes, pipe" sh -c "cat '$dir/random.bin' | '$dir/errcode' explain"
run "gzip body inflating to 200 MiB" "$dir/errcode" explain "$dir/bomb.txt"
run "16 MiB of tool failure lines, pipe" sh -c "cat '$dir/failures.txt' | '$dir/errcode' explain"
run "16 MiB of curl -v header lines, pipe" sh -c "cat '$dir/verbose.txt' | '$dir/errcode' explain"
run "16 MiB HAR, 89k failed requests" "$dir/errcode" explain "$dir/many.har"
run "16 MiB HAR, 89k failed requests, --json" "$dir/errcode" explain --json "$dir/many.har"
((over == 0)) && echo "all under 64 MiB" || { echo "over the 64 MiB budget"; exit 1; }
