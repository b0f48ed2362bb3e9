#!/usr/bin/env bash
# Times errcode as whole processes against a Go hello-world built the same
# way (static, trimmed, stripped), in the same run, so the machine's noise
# hits both alike, on the three paths a person meets: stdout on a pipe, on
# a terminal, and on a terminal inside tmux (a real tmux server on a
# private socket, so colour detection could reach it). Reports CPU ratios
# to hello-world, peak memory, and whether the targets hold:
# lookup 1405 <= 1.75x on a pipe, <= 2.2x on a terminal and inside tmux,
# peak RSS <= 8 MiB.
#
#   scripts/bench-startup.sh          # RUNS=300 by default
#
# Needs hyperfine, tmux and /usr/bin/time (Debian: apt-get install -y
# hyperfine tmux time) and python3 (scripts/pty-time.py).
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in hyperfine tmux python3 /usr/bin/time; do
	command -v "$tool" >/dev/null || { echo "bench-startup: needs $tool (apt-get install -y hyperfine tmux time python3)" >&2; exit 2; }
done

dir=$(mktemp -d)
sock=errcode-bench-$$
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$dir"' EXIT
build() { CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o "$@"; }

mkdir -p "$dir/hello"
cat >"$dir/hello/main.go" <<'GO'
package main

import "fmt"

func main() { fmt.Println("hello, world") }
GO
(cd "$dir/hello" && cat >go.mod <<<'module hello' && build "$dir/hello-bin" .)
build "$dir/errcode" .
runs=${RUNS:-300}
# The user's own catalogs and cache stay out of it.
export XDG_CONFIG_HOME=$dir/config XDG_CACHE_HOME=$dir/cache ERRCODE_PAGER=cat
unset ERRCODE_CATALOG_PATH NO_COLOR CLICOLOR_FORCE COLORTERM

echo "== stdout on a pipe (hyperfine, ${runs} runs each)"
hyperfine -N --warmup 20 --runs "$runs" --export-json "$dir/pipe.json" \
	-n hello "$dir/hello-bin" \
	-n 'lookup 1405' "$dir/errcode lookup 1405" \
	-n 'lookup rate limit' "$dir/errcode lookup rate limit" \
	-n 'lookup duplcated' "$dir/errcode lookup duplcated" \
	-n 'lookup curl 28' "$dir/errcode lookup curl 28" \
	-n 'list' "$dir/errcode list" \
	-n '__complete lookup 140' "$dir/errcode __complete lookup 140" >/dev/null
python3 - "$dir/pipe.json" >"$dir/pipe.txt" <<'PY'
import json, sys
rs = json.load(open(sys.argv[1]))["results"]
base = rs[0]
def cpu(r): return r["user"] + r["system"]
for r in rs:
    print(f'{r["command"]:>44}: cpu {cpu(r)*1e3:6.2f} ms ({cpu(r)/cpu(base):.2f}x)  wall {r["mean"]*1e3:6.2f} ms ({r["mean"]/base["mean"]:.2f}x)')
PY
cat "$dir/pipe.txt"

echo "== stdout on a terminal, TERM=xterm-256color (scripts/pty-time.py, $((runs / 2)) runs)"
TERM=xterm-256color python3 scripts/pty-time.py "$((runs / 2))" \
	"hello::$dir/hello-bin" \
	"lookup 1405::$dir/errcode lookup 1405" \
	"explain::$dir/errcode explain cmd/testdata/responses/curl-si-wontopos-ratelimit.txt" | tee "$dir/tty.txt"

tmux -L "$sock" -f /dev/null new-session -d -s bench 'sleep 3600'
tmuxenv="$(tmux -L "$sock" display -p '#{socket_path},#{pid},0')"
echo "== on a terminal inside tmux (a live server at ${tmuxenv%%,*}), TERM=tmux-256color"
TERM=tmux-256color TMUX=$tmuxenv python3 scripts/pty-time.py "$((runs / 2))" \
	"hello::$dir/hello-bin" \
	"lookup 1405::$dir/errcode lookup 1405" \
	"lookup 1405, COLORTERM=truecolor::COLORTERM=truecolor $dir/errcode lookup 1405" | tee "$dir/tmux.txt"

echo "== peak resident memory (max of 20 runs)"
for cmd in "$dir/hello-bin" "$dir/errcode lookup 1405" "$dir/errcode lookup rate limit"; do
	max=0
	for _ in $(seq 20); do
		kb=$(/usr/bin/time -f %M $cmd 2>&1 >/dev/null | tail -1)
		((kb > max)) && max=$kb
	done
	printf '%44s: %5d KiB\n' "${cmd#"$dir/"}" "$max"
	[ "$cmd" = "$dir/errcode lookup 1405" ] && rss=$max
done

ratio() { grep "^ *$2:" "$1" | head -1 | sed -E 's/.*cpu +[0-9.]+ ms \(([0-9.]+)x\).*/\1/'; }
echo "== targets (lookup 1405, CPU against hello-world in this run)"
check() { # check LABEL VALUE LIMIT UNIT
	if awk -v v="$2" -v l="$3" 'BEGIN { exit !(v <= l) }'; then verdict=met; else verdict=MISSED; fi
	printf '%24s: %s%s (target <= %s%s) %s\n' "$1" "$2" "$4" "$3" "$4" "$verdict"
}
check "pipe" "$(ratio "$dir/pipe.txt" 'lookup 1405')" 1.75 x
check "terminal" "$(ratio "$dir/tty.txt" 'lookup 1405')" 2.2 x
check "inside tmux" "$(ratio "$dir/tmux.txt" 'lookup 1405')" 2.2 x
check "peak RSS" "$((rss / 1024))" 8 " MiB"
