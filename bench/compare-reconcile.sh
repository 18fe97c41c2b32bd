#!/usr/bin/env bash
# Reconciles 100,000 and 1,000,000 synthetic claims (synthetic.Claims,
# seed 1) side by side on one core and prints
# "reconcile: 100k X s, 1M Y s, ratio Z"; a reconciler that scales linearly
# gives 10.
#
#   bench/compare-reconcile.sh
#
# It runs BenchmarkReconcileScaling for ROUNDS (default 21) rounds in one
# process: each round reconciles the 100k claims five times, the 1M claims
# once and the 100k claims five times more, so a slow spell of the machine
# during a round weighs on both sizes alike, and the script prints the
# medians over the rounds (each round's own numbers go to stderr).
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
out=$bench/out

mkdir -p "$out"
(cd "$bench/.." && go test -c -o "$out/reconcile.test" ./reconcile)

pin=()
if command -v taskset >/dev/null; then
	pin=(taskset -c 0)
else
	echo "compare-reconcile: taskset not found: running without pinning to one core" >&2
fi

rounds=${ROUNDS:-21}
if ! run=$("${pin[@]}" "$out/reconcile.test" -test.run '^$' -test.bench '^BenchmarkReconcileScaling$' \
	-test.cpu 1 -test.benchtime "${rounds}x" -test.v); then
	echo "$run" >&2
	exit 1
fi
grep 'round' <<<"$run" | sed 's/^ *bench_test.go:[0-9]*: //' >&2
awk -v rounds="$rounds" '/^BenchmarkReconcileScaling.* ratio/ {
	for (i = 2; i <= NF; i++) m[$i] = $(i - 1)
	printf "reconcile: 100k %.2f s, 1M %.2f s, ratio %.1f (medians of %d rounds)\n", m["100k-s"], m["1M-s"], m["ratio"], rounds
}' <<<"$run"
