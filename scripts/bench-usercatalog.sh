#!/usr/bin/env bash
# Whole-process time of lookups against large user catalogs: one file of
# 10,000 entries, and ten such files (100,000 entries), with a warm cache
# (every run but the first after an edit) and a cold one (the YAML
# parsed), against errcode with no user catalog, in one hyperfine run;
# then the peak memory of cold parses. BASE=path/to/errcode also times an
# errcode built elsewhere (the branch point, say) in the same run. Needs
# hyperfine and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o "$dir/errcode" .
bins=("$dir/errcode")
if [ -n "${BASE:-}" ]; then
	cp "$BASE" "$dir/base"
	bins=("$dir/base" "$dir/errcode")
fi
python3 - "$dir" <<'PY'
import os, sys
def write(path, id, prefix):
    with open(path, "w") as f:
        f.write(f"id: {id}\nname: Big API\nentries:\n")
        for i in range(10000):
            f.write(f"  - code: {prefix}-{i:05d}\n    token: {prefix}Token{i}\n    status: 409\n    category: Things\n"
                    f"    title: Something number {i} went wrong\n    message: \"Thing {{id}} number {i} failed\"\n"
                    "    description: A longer description of what happened and why it matters to the caller.\n"
                    "    causes: [The first cause, The second cause]\n    fixes: [Do the first thing, Then the second]\n    retryable: false\n")
write(f"{sys.argv[1]}/big.yaml", "big", "BIG")
os.mkdir(f"{sys.argv[1]}/ten")
for k in range(10):
    write(f"{sys.argv[1]}/ten/big{k}.yaml", f"big{k}", f"B{k}")
PY
export HOME=$dir XDG_CONFIG_HOME=$dir/config XDG_CACHE_HOME=$dir/cache
big="--catalog-file $dir/big.yaml"
ten=""
for k in 0 1 2 3 4 5 6 7 8 9; do ten="$ten --catalog-file $dir/ten/big$k.yaml"; done
for e in "${bins[@]}"; do
	"$e" $big lookup BIG-00001 >/dev/null # fills the cache
	"$e" $ten lookup B0-00001 >/dev/null
done
# Each row is timed for every build in turn, so that the machine's drift
# falls on both alike; the ratio is to the same build's first row.
rows=("no user catalog: lookup 1405|lookup 1405"
	"no user catalog: lookup words|lookup card declined"
	"no user catalog: __complete 40|__complete lookup 40"
	"10k cached: lookup 1405|$big lookup 1405"
	"10k cached: lookup BIG-09999|$big lookup BIG-09999"
	"10k cached: lookup words|$big lookup something number 9999"
	"10k cached: __complete 40|$big __complete lookup 40"
	"10k cached: __complete BIG-099|$big __complete lookup BIG-099"
	"100k cached: lookup 1405|$ten lookup 1405"
	"100k cached: lookup B9-09999|$ten lookup B9-09999"
	"100k cached: __complete 40|$ten __complete lookup 40"
	"100k cached: __complete B9-099|$ten __complete lookup B9-099")
warm=() cold=()
for row in "${rows[@]}"; do
	for e in "${bins[@]}"; do
		warm+=(-n "$(basename "$e"): ${row%%|*}" "$e ${row#*|}")
	done
done
for e in "${bins[@]}"; do
	cold+=(-n "$(basename "$e"): 10k cold (YAML parsed)" "$e $big lookup BIG-09999"
		-n "$(basename "$e"): 100k in ten files cold" "$e $ten lookup B9-09999")
done
hyperfine -N --warmup 5 --runs "${RUNS:-50}" --export-json "$dir/r.json" "${warm[@]}" >/dev/null
hyperfine -N --runs 5 --prepare "rm -rf $dir/cache" --export-json "$dir/c.json" "${cold[@]}" >/dev/null
python3 - "$dir/r.json" "$dir/c.json" <<'PY'
import json, sys
base = {}
for f in sys.argv[1:]:
    for r in json.load(open(f))["results"]:
        cpu = (r["user"] + r["system"]) * 1e3
        build, row = r["command"].split(": ", 1)
        base.setdefault(build, r["mean"])
        ratio = f'{r["mean"] / base[build]:4.2f}x' if "cold" not in row else ""
        print(f'{r["command"]:>44}: {r["mean"]*1e3:7.1f} ms wall {ratio:>6}, {cpu:6.1f} ms CPU  (max {r["max"]*1e3:.1f} ms)')
PY

# Peak memory of cold parses: 10k entries; the worst a parse can meet
# (the most nodes a catalog may hold, as many small entries: the budget
# is 256 MiB and 10 s); ten files of 10k entries.
python3 - "$dir/dense.yaml" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("id: dense\nentries:\n")
    for i in range(99000):
        f.write(f"  - code: A{i:07d}\n")
PY
for e in "${bins[@]}"; do
	for file in big dense ten; do
		args="--catalog-file $dir/$file.yaml"
		[ "$file" = ten ] && args=$ten
		rm -rf "$dir/cache"
		/usr/bin/time -f "%e %M" -o "$dir/t" "$e" $args lookup A0000001 >/dev/null 2>&1 || true
		read -r secs kb < <(tail -1 "$dir/t")
		printf '%44s: %5s s, %4d MiB peak\n' "$(basename "$e"): cold parse of $file" "$secs" "$((kb / 1024))"
	done
done
