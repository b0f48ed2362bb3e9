#!/usr/bin/env bash
# Mutation testing of errcode's logic packages, counting kills by any test in
# the module. Not part of CI: a full run takes an hour or more on 2 cores.
#
#   scripts/mutate.sh                 catalog, catalog/source, explain, render
#   scripts/mutate.sh explain         one scan root (its subpackages too)
#   WORKERS=1 scripts/mutate.sh       fewer mutants at once
#   OUT=/tmp/m scripts/mutate.sh      keep the reports (default: a temp dir)
#   scripts/mutate.sh --score /tmp/m  score that run again, with the
#                                     equivalents as they are now
#   scripts/mutate.sh --again /tmp/m  run that run's survivors again on the
#                                     tree as it is now (tests added since)
#
# 1. gremlins (pinned below) mutates each package and runs that package's own
#    tests on every mutant it covers.
# 2. internal/mutate takes every mutant that lived, or that those tests never
#    reached, applies it again in a copy of the module and runs the tests of
#    every package that links the mutated one (cmd's testscripts included),
#    its own package first, stopping at the first failure.
# 3. It prints killed / lived / equivalent / not viable and a score per
#    package (killed over viable; an equivalent mutant still counts against
#    the score), then each survivor. A survivor that cannot change behaviour
#    goes in scripts/mutate-equivalent.txt with its reason; the script exits 1
#    while any package is under 90% or any survivor is unexplained.
#
# Do not use gremlins' --test-cpu: v0.6.0 passes "-cpu 1" as one argument, go
# test rejects it, and gremlins then reports every mutant killed.
set -euo pipefail
cd "$(dirname "$0")/.."

equivalents=$PWD/scripts/mutate-equivalent.txt
if [ "${1:-}" = --score ]; then
	exec go run ./internal/mutate -equivalent "$equivalents" -load "$2/results.json"
fi
if [ "${1:-}" = --again ]; then
	# The survivors of that run, again, on a snapshot of the tree as it is
	# now (for tests added since; a changed line is reported, not guessed).
	prev=$(cd "$2" && pwd)
	snap=$(mktemp -d)
	git ls-files -co --exclude-standard | while IFS= read -r f; do
		[ -e "$f" ] && printf '%s\0' "$f"
	done | xargs -0 cp --parents -t "$snap"
	cd "$snap"
	go run ./internal/mutate -equivalent "$equivalents" -workers "${WORKERS:-2}" -again \
		-load "$prev/results.json" -save "$prev/results.json" | tee "$prev/score.txt"
	status=${PIPESTATUS[0]}
	rm -rf "$snap"
	exit "$status"
fi

GREMLINS_VERSION=v0.6.0
bin=${XDG_CACHE_HOME:-$HOME/.cache}/errcode-mutate/gremlins-$GREMLINS_VERSION
if [ ! -x "$bin/gremlins" ]; then
	echo "--- installing gremlins $GREMLINS_VERSION" >&2
	GOBIN=$bin go install "github.com/go-gremlins/gremlins/cmd/gremlins@$GREMLINS_VERSION"
fi

roots=("$@")
[ ${#roots[@]} -gt 0 ] || roots=(catalog explain render) # catalog's scan covers catalog/source
out=${OUT:-$(mktemp -d)}
out=$(mkdir -p "$out" && cd "$out" && pwd)
workers=${WORKERS:-2}

# Both passes must see the same code, so they run on a snapshot of the work
# tree (tracked and untracked files, edits included): editing on while a run
# goes on cannot move a mutant's line.
src=$out/src
rm -rf "$src"
mkdir -p "$src"
git ls-files -co --exclude-standard | while IFS= read -r f; do
	[ -e "$f" ] && printf '%s\0' "$f" # a tracked file deleted in the tree is gone from the snapshot too
done | xargs -0 cp --parents -t "$src"
cd "$src"

reports=()
for root in "${roots[@]}"; do
	echo "--- gremlins: ./$root" >&2
	# The generators under catalog/internal run at go generate time only;
	# builtin_gen.go is data.
	"$bin/gremlins" unleash --workers "$workers" --timeout-coefficient 30 \
		-E '(^|/)internal/' -E '_gen\.go$' \
		-o "$out/${root//\//_}.json" "./$root" >"$out/${root//\//_}.log" 2>&1 ||
		{ tail -20 "$out/${root//\//_}.log" >&2; exit 2; }
	grep -E '^(Killed|Mutator|Test efficacy)' "$out/${root//\//_}.log" >&2 || true
	reports+=("$root=$out/${root//\//_}.json")
done

echo "--- the survivors against the whole module (reports in $out)" >&2
go run ./internal/mutate -workers "$workers" -equivalent "$equivalents" -save "$out/results.json" \
	"${reports[@]}" | tee "$out/score.txt"
