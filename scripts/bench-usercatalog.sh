#!/usr/bin/env bash
# Whole-process time of a lookup against a 10,000-entry user catalog (the
# budget is 50 ms), with a warm cache (every run but the first after an
# edit) and a cold one (the YAML parsed), against errcode with no user
# catalog, in one hyperfine run. Needs hyperfine and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o "$dir/errcode" .
python3 - "$dir/big.yaml" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("id: big\nname: Big API\nentries:\n")
    for i in range(10000):
        f.write(f"  - code: BIG-{i:05d}\n    token: Token{i}\n    status: 409\n    category: Things\n"
                f"    title: Something number {i} went wrong\n    message: \"Thing {{id}} number {i} failed\"\n"
                "    description: A longer description of what happened and why it matters to the caller.\n"
                "    causes: [The first cause, The second cause]\n    fixes: [Do the first thing, Then the second]\n    retryable: false\n")
PY
export HOME=$dir XDG_CONFIG_HOME=$dir/config XDG_CACHE_HOME=$dir/cache
e="$dir/errcode"
"$e" --catalog-file "$dir/big.yaml" lookup BIG-00001 >/dev/null # fills the cache
hyperfine -N --warmup 5 --runs "${RUNS:-50}" --export-json "$dir/r.json" \
	-n 'no user catalog: lookup 1405' "$e lookup 1405" \
	-n '10k entries, cached: lookup BIG-09999' "$e --catalog-file $dir/big.yaml lookup BIG-09999" \
	-n '10k entries, cached: lookup words' "$e --catalog-file $dir/big.yaml lookup something number 9999" \
	-n '10k entries, cached: __complete BIG-099' "$e --catalog-file $dir/big.yaml __complete lookup BIG-099" >/dev/null
hyperfine -N --runs 5 --prepare "rm -rf $dir/cache" --export-json "$dir/c.json" \
	-n '10k entries, cold (YAML parsed)' "$e --catalog-file $dir/big.yaml lookup BIG-09999" >/dev/null
python3 - "$dir/r.json" "$dir/c.json" <<'PY'
import json, sys
for f in sys.argv[1:]:
    for r in json.load(open(f))["results"]:
        print(f'{r["command"]:>42}: {r["mean"]*1e3:7.1f} ms wall  (max {r["max"]*1e3:.1f} ms)')
PY

# The worst a cold parse can meet: the most nodes a catalog may hold, as
# many small entries; the budget is 256 MiB and 10 s.
python3 - "$dir/dense.yaml" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("id: dense\nentries:\n")
    for i in range(99000):
        f.write(f"  - code: A{i:07d}\n")
PY
for file in big dense; do
	rm -rf "$dir/cache"
	/usr/bin/time -f "%e %M" -o "$dir/t" "$e" --catalog-file "$dir/$file.yaml" lookup A0000001 >/dev/null 2>&1 || true
	read -r secs kb < <(tail -1 "$dir/t")
	printf '%42s: %5s s, %4d MiB peak (budget 10 s, 256 MiB)\n' "cold parse of $file.yaml" "$secs" "$((kb / 1024))"
done
