#!/usr/bin/env bash
# Mutation testing of errcode's logic packages, counting kills by any test in
# the module. Not part of CI: a full run takes about an hour on 2 cores.
#
#   scripts/mutate.sh                 catalog, catalog/source, explain, render
#   scripts/mutate.sh explain         one scan root (its subpackages too)
#   WORKERS=1 scripts/mutate.sh       fewer mutants at once
#   OUT=/tmp/m scripts/mutate.sh      keep the reports (default: a temp dir)
#   scripts/mutate.sh --score /tmp/m  score that run again, with the
#                                     equivalents as they are now
#   scripts/mutate.sh --again /tmp/m  run that run's survivors again on the
#                                     tree as it is now (tests added since)
#   RECHECK=pkg scripts/mutate.sh --again /tmp/m
#                                     ...and the mutants pkg's tests killed
#                                     (if those tests were flaky then)
#
# 1. gremlins (pinned below) mutates each package and runs that package's own
#    tests on every mutant it covers.
# 2. internal/mutate takes every mutant that lived, timed out, or that those
#    tests never reached, applies it again in a copy of the module and runs
#    the tests of every package that links the mutated one (cmd's
#    testscripts included), stopping at the first failure.
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

GREMLINS_VERSION=v0.6.0
equivalents=$PWD/scripts/mutate-equivalent.txt
workers=${WORKERS:-2}

# snapshot copies the work tree (tracked and untracked files, edits
# included) to $1: both passes see the same code however the tree is edited
# meanwhile.
snapshot() {
	mkdir -p "$1"
	git ls-files -co --exclude-standard | while IFS= read -r f; do
		[ -e "$f" ] && printf '%s\0' "$f" # a tracked file deleted in the tree is gone from the snapshot too
	done | xargs -0 cp --parents -t "$1"
}

# again runs the survivors of the run in $1 on the tree as it is now.
again() {
	local prev snap status
	prev=$(cd "$1" && pwd)
	snap=$(mktemp -d)
	snapshot "$snap"
	cd "$snap"
	go run ./internal/mutate -equivalent "$equivalents" -workers "$workers" -again -recheck "${RECHECK:-}" \
		-load "$prev/results.json" -save "$prev/results.json" | tee "$prev/score.txt"
	status=${PIPESTATUS[0]}
	rm -rf "$snap"
	return "$status"
}

# run is a whole run over the scan roots given (all of them by default).
run() {
	local bin roots out reports root name
	bin=${XDG_CACHE_HOME:-$HOME/.cache}/errcode-mutate/gremlins-$GREMLINS_VERSION
	if [ ! -x "$bin/gremlins" ]; then
		echo "--- installing gremlins $GREMLINS_VERSION" >&2
		GOBIN=$bin go install "github.com/go-gremlins/gremlins/cmd/gremlins@$GREMLINS_VERSION"
	fi
	roots=("$@")
	[ ${#roots[@]} -gt 0 ] || roots=(catalog explain render) # catalog's scan covers catalog/source
	out=${OUT:-$(mktemp -d)}
	out=$(mkdir -p "$out" && cd "$out" && pwd)
	rm -rf "$out/src"
	snapshot "$out/src"
	cd "$out/src"
	reports=()
	for root in "${roots[@]}"; do
		name=${root//\//_}
		echo "--- gremlins: ./$root" >&2
		# The generators under catalog/internal run at go generate time
		# only; builtin_gen.go is data.
		"$bin/gremlins" unleash --workers "$workers" --timeout-coefficient 30 \
			-E '(^|/)internal/' -E '_gen\.go$' \
			-o "$out/$name.json" "./$root" >"$out/$name.log" 2>&1 ||
			{ tail -20 "$out/$name.log" >&2; return 2; }
		grep -E '^(Killed|Mutator|Test efficacy)' "$out/$name.log" >&2 || true
		reports+=("$root=$out/$name.json")
	done
	echo "--- the survivors against the whole module (reports in $out)" >&2
	go run ./internal/mutate -workers "$workers" -equivalent "$equivalents" -save "$out/results.json" \
		"${reports[@]}" | tee "$out/score.txt"
	return "${PIPESTATUS[0]}"
}

# Everything runs from functions, read whole before the first runs:
# editing this file during an hour's run cannot change what the run does.
case "${1:-}" in
--score) exec go run ./internal/mutate -equivalent "$equivalents" -load "$2/results.json" ;;
--again) again "$2" ;;
*) run "$@" ;;
esac
