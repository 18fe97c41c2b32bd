#!/usr/bin/env bash
# Reconciles 100,000 and 1,000,000 synthetic claims (reconcile.Synthetic,
# seed 1) on one core and prints "reconcile: 100k X s, 1M Y s, ratio Z"; a
# reconciler that scales linearly gives 10.
#
#   bench/compare-reconcile.sh
#
# ROUNDS (default 3) is how many times the 1M claims are reconciled; the
# 100k claims are reconciled ten times as often, so each size runs about as
# long and a hiccup of the machine weighs on both alike.
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

rounds=${ROUNDS:-3}
results=""
for size in 100k 1M; do
	n=$rounds
	[ "$size" = 100k ] && n=$((10 * rounds))
	if ! run=$("${pin[@]}" "$out/reconcile.test" -test.run '^$' -test.bench "^BenchmarkReconcile$size\$" \
		-test.cpu 1 -test.benchtime "${n}x"); then
		echo "$run" >&2
		exit 1
	fi
	results+=$(grep '^Benchmark' <<<"$run")$'\n'
done
results=${results%$'\n'}
echo "$results"

awk '
	{ for (i = 2; i <= NF; i++) if ($i == "ns/op") ns[$1] = $(i - 1) }
	END {
		small = ns["BenchmarkReconcile100k"] / 1e9
		large = ns["BenchmarkReconcile1M"] / 1e9
		printf "reconcile: 100k %.2f s, 1M %.2f s, ratio %.1f\n", small, large, large / small
	}' <<<"$results"
