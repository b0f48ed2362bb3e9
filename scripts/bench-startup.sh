#!/usr/bin/env bash
# Times errcode as whole processes against a Go hello-world built the same
# way (static, trimmed, stripped), in the same run, so the machine's noise
# hits both alike. Reports ratios, not absolute times, and peak memory.
#
#   scripts/bench-startup.sh            # pipes
#   PTY=1 scripts/bench-startup.sh      # also on a pseudo-terminal, with and without TMUX
#
# Needs hyperfine (Debian: apt-get install hyperfine), /usr/bin/time and
# python3 (for the pseudo-terminal timings).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "bench-startup: needs hyperfine (apt-get install -y hyperfine)" >&2; exit 2; }

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
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

echo "== whole-process time on a pipe (${runs} runs each)"
hyperfine -N --warmup 20 --runs "$runs" --export-json "$dir/pipe.json" \
	-n hello "$dir/hello-bin" \
	-n 'lookup 1405' "$dir/errcode lookup 1405" \
	-n 'lookup rate limit' "$dir/errcode lookup rate limit" \
	-n 'lookup duplcated' "$dir/errcode lookup duplcated" \
	-n 'lookup curl 28' "$dir/errcode lookup curl 28" \
	-n 'list' "$dir/errcode list" \
	-n '__complete lookup 140' "$dir/errcode __complete lookup 140" >/dev/null
python3 - "$dir/pipe.json" <<'PY'
import json, sys
rs = json.load(open(sys.argv[1]))["results"]
base = rs[0]
def cpu(r): return r["user"] + r["system"]
for r in rs:
    print(f'{r["command"]:>20}: wall {r["mean"]*1e3:6.2f} ms ({r["mean"]/base["mean"]:.2f}x)  '
          f'cpu {cpu(r)*1e3:6.2f} ms ({cpu(r)/cpu(base):.2f}x)')
PY

echo "== peak resident memory (max of 20 runs)"
for cmd in "$dir/hello-bin" "$dir/errcode lookup 1405" "$dir/errcode lookup rate limit"; do
	max=0
	for _ in $(seq 20); do
		kb=$(/usr/bin/time -f %M $cmd 2>&1 >/dev/null | tail -1)
		((kb > max)) && max=$kb
	done
	printf '%30s: %5d KiB\n' "${cmd#"$dir/"}" "$max"
done

if [ -n "${PTY:-}" ]; then
	# lipgloss detects stdout's colour profile at init: on a terminal that
	# reads terminfo, and inside tmux (TMUX set, no COLORTERM=truecolor) it
	# runs `tmux info`. Time that case on a real pseudo-terminal.
	echo "== stdout on a pseudo-terminal, TERM=xterm-256color (scripts/pty-time.py)"
	export TERM=xterm-256color
	unset COLORTERM TMUX
	python3 scripts/pty-time.py "$((runs / 2))" \
		"hello::env $dir/hello-bin" \
		"lookup 1405::env $dir/errcode lookup 1405" \
		"lookup 1405, TMUX set::env TMUX=/tmp/tmux-0/default,1,0 $dir/errcode lookup 1405" \
		"lookup 1405, TMUX + COLORTERM=truecolor::env TMUX=/tmp/tmux-0/default,1,0 COLORTERM=truecolor $dir/errcode lookup 1405"
fi
