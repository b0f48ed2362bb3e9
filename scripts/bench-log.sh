#!/usr/bin/env bash
# Times errcode explain on a long log against `wc -l` on the same file, in
# the same run (the read floor; this machine is shared and noisy), and
# reports errcode's peak memory. The log is zap's production JSON written by
# internal/loggen: info records with an error record every 1,500 lines, four
# kinds of error. Usage: scripts/bench-log.sh [SIZE_IN_MIB] (default 1024).
# Needs GNU time (/usr/bin/time, Debian's `time` package).
set -euo pipefail
cd "$(dirname "$0")/.."
mib=${1:-1024}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o "$tmp/errcode" .
go build -o "$tmp/loggen" ./internal/loggen/cmd
"$tmp/loggen" "$mib" >"$tmp/service.log"
cat "$tmp/service.log" >/dev/null # in the page cache for both
echo "log: $(du -h "$tmp/service.log" | cut -f1), $(wc -l <"$tmp/service.log") lines"
cpu() { # user+sys seconds and peak RSS of one run of "$@"
	/usr/bin/time -f "%U %S %M" -o "$tmp/t" "$@" >/dev/null
	awk '{printf "%.3f %d\n", $1 + $2, $3}' "$tmp/t"
}
for i in 1 2 3 4 5; do
	read -r wc _ < <(cpu wc -l "$tmp/service.log")
	read -r ec rss < <(cpu "$tmp/errcode" explain "$tmp/service.log")
	awk -v wc="$wc" -v ec="$ec" -v rss="$rss" -v mib="$mib" 'BEGIN {
		printf "run: wc -l %.2f s, errcode %.2f s CPU (%.1fx), %.0f MB/s, peak RSS %.1f MiB\n", wc, ec, ec / (wc > 0 ? wc : 0.001), mib * 1.048576 / ec, rss / 1024 }'
done
