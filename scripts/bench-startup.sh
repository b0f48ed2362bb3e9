#!/usr/bin/env bash
# Times errcode as whole processes against a Go hello-world built the same
# way (static, trimmed, stripped), in the same run, so the machine's noise
# hits both alike. Reports ratios, not absolute times, and peak memory.
#
#   scripts/bench-startup.sh            # pipes
#   PTY=1 scripts/bench-startup.sh      # also on a pseudo-terminal, with and without TMUX
#
# Needs hyperfine (Debian: apt-get install hyperfine) and /usr/bin/time.
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
	-n 'list' "$dir/errcode list" >/dev/null
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
	echo "== on a pseudo-terminal (script -qec), TERM=xterm-256color"
	export TERM=xterm-256color
	unset COLORTERM
	hyperfine -N --warmup 10 --runs "$((runs / 3))" --export-json "$dir/pty.json" \
		-n 'hello (pty)' "script -qec $dir/hello-bin /dev/null" \
		-n 'lookup 1405 (pty)' "script -qec '$dir/errcode lookup 1405' /dev/null" \
		-n 'lookup 1405 (pty, TMUX set)' "env TMUX=/tmp/tmux-0/default,1,0 script -qec '$dir/errcode lookup 1405' /dev/null" \
		-n 'lookup 1405 (pty, TMUX + COLORTERM=truecolor)' "env TMUX=/tmp/tmux-0/default,1,0 COLORTERM=truecolor script -qec '$dir/errcode lookup 1405' /dev/null" >/dev/null
	python3 - "$dir/pty.json" <<'PY'
import json, sys
rs = json.load(open(sys.argv[1]))["results"]
base = rs[0]
for r in rs:
    print(f'{r["command"]:>45}: wall {r["mean"]*1e3:6.2f} ms ({r["mean"]/base["mean"]:.2f}x)')
PY
fi
