#!/usr/bin/env bash
# Peak memory of errcode explain on hostile sizes: a 100 MiB response (from
# a file and through a pipe), 100 MiB of random bytes, and a gzip body
# that inflates to 200 MiB, a flood of curl/HTTPie failure lines, and 16 MiB
# of each reader's unbounded parts (issue 17): HAR bodies (text and base64),
# wget -S header blocks and ERROR lines, grpcurl -v headers, a curl -v and a
# wget body, a HAR of 190,000 entries. The budget is 64 MiB; exits 1 if any
# run is over. Each line also says the run's seconds and how much it printed.
# Needs /usr/bin/time (Debian: apt-get install time) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o "$dir/errcode" .
python3 - "$dir" <<'PY'
import base64, gzip, json, os, sys
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
M = 16 << 20
def fill(f, line):  # repeat line up to 16 MiB in all
    f.write(line * ((M - f.tell()) // len(line)))
def har_entry(text, encoding=None):
    content = {"mimeType": "application/json", "text": text}
    if encoding:
        content["encoding"] = encoding
    return json.dumps({"request": {"method": "GET", "url": "https://api.example.com/x"},
                       "response": {"status": 500, "statusText": "Internal Server Error", "httpVersion": "HTTP/1.1",
                                    "headers": [{"name": "Content-Type", "value": "application/json"}],
                                    "content": content}}).encode()
item = b'{"id":12345,"name":"item","tags":["a","b","c"]},'
with open(f"{d}/harbody.har", "wb") as f:  # one entry, a JSON body of 12 MiB (15 MiB as a JSON string)
    body = b'{"error":{"code":"internal_error","message":"boom"},"items":[' + item * (12 * 1024 * 1024 // len(item)) + b'{}]}'
    f.write(b'{"log":{"entries":[' + har_entry(body.decode()) + b']}}')
with open(f"{d}/har64.har", "wb") as f:  # one entry, base64 of a 900,000-key JSON object
    obj = b'{' + b','.join(b'"k%d":1' % i for i in range(900000)) + b'}'
    f.write(b'{"log":{"entries":[' + har_entry(base64.b64encode(obj).decode(), "base64") + b']}}')
with open(f"{d}/entries.har", "wb") as f:  # a HAR of 190,000 small failed entries, 15 MiB
    e = b'{"request":{"method":"GET","url":"https://a.example/x"},"response":{"status":503}}'
    f.write(b'{"log":{"entries":[' + b','.join([e] * 190000) + b']}}')
with open(f"{d}/wget-headers.txt", "wb") as f:  # wget -S: one header block of 16 MiB
    f.write(b'--2026-12-07 10:00:00--  https://api.example.com/x\n  HTTP/1.1 503 Service Unavailable\n')
    fill(f, b'  X-A: b\n')
with open(f"{d}/wget-errors.txt", "wb") as f:  # wget: 16 MiB of ERROR lines
    f.write(b'--2026-12-07 10:00:00--  https://api.example.com/x\n')
    fill(f, b'2026-12-07 10:00:00 ERROR 503: Service Unavailable.\n')
with open(f"{d}/wget-body.txt", "wb") as f:  # wget -S -O -: a 16 MiB body
    f.write(b'--2026-12-07 10:00:00--  https://api.example.com/x\n  HTTP/1.1 500 Internal Server Error\n\n')
    fill(f, item + b'\n')
with open(f"{d}/redirects.txt", "wb") as f:  # 16 MiB of responses before the final one
    f.write(b'HTTP/1.1 302 Found\r\nLocation: https://api.example.com/next\r\n\r\n' * (16 * 1024 * 1024 // 64))
    f.write(b'HTTP/1.1 404 Not Found\r\n\r\n')
with open(f"{d}/grpcurl.txt", "wb") as f:  # grpcurl -v: its error, then 16 MiB of header lines
    f.write(b'ERROR:\n  Code: Unavailable\n  Message: down\n\nResponse headers received:\n')
    fill(f, b'x-a: b\n')
with open(f"{d}/verbose-body.txt", "wb") as f:  # curl -v: a trace, then a 16 MiB body
    f.write(b'> GET /x HTTP/1.1\n> Host: api.example.com\n>\n< HTTP/1.1 500 x\n< Content-Type: application/json\n<\n')
    fill(f, item + b'\n')
with open(f"{d}/bomb.txt", "wb") as f:
    f.write(b'HTTP/1.1 500 x\r\nContent-Encoding: gzip\r\n\r\n')
    f.write(gzip.compress(b'\0' * (200 * 1024 * 1024), 9))
PY
budget=$((64 * 1024)) over=0
run() { # run LABEL command...
	local label=$1 kb secs out
	shift
	read -r kb secs < <(/usr/bin/time -f '%M %e' "$@" 2>&1 >"$dir/out" | tail -1)
	out=$(wc -c <"$dir/out")
	printf '%-46s %6d KiB peak %6.2f s %9d bytes out\n' "$label" "$kb" "$secs" "$out"
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
run "HAR, one entry's 12 MiB JSON body" "$dir/errcode" explain "$dir/harbody.har"
run "HAR, base64 body of a 900,000-key object" "$dir/errcode" explain "$dir/har64.har"
run "15 MiB HAR, 190,000 failed entries" "$dir/errcode" explain "$dir/entries.har"
run "15 MiB HAR, 190,000 failed entries, pipe" sh -c "cat '$dir/entries.har' | '$dir/errcode' explain"
run "16 MiB wget -S header block" "$dir/errcode" explain "$dir/wget-headers.txt"
run "16 MiB of wget ERROR lines" "$dir/errcode" explain "$dir/wget-errors.txt"
run "16 MiB of wget ERROR lines, --json" "$dir/errcode" explain --json "$dir/wget-errors.txt"
run "16 MiB wget -S body" "$dir/errcode" explain "$dir/wget-body.txt"
run "16 MiB of redirects before a 404" "$dir/errcode" explain "$dir/redirects.txt"
run "16 MiB of grpcurl -v header lines" "$dir/errcode" explain "$dir/grpcurl.txt"
run "16 MiB curl -v body" "$dir/errcode" explain "$dir/verbose-body.txt"
((over == 0)) && echo "all under 64 MiB" || { echo "over the 64 MiB budget"; exit 1; }
