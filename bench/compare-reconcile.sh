#!/usr/bin/env bash
# Reconciles 100,000 and 1,000,000 synthetic claims (reconcile.Synthetic,
# seed 1) on one core and prints "reconcile: 100k X s, 1M Y s, ratio Z"; a
# reconciler that scales linearly gives 10.
#
#   bench/compare-reconcile.sh
#
# BENCHTIME (default 3x) is go test's -benchtime for both sizes.
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

if ! results=$("${pin[@]}" "$out/reconcile.test" -test.run '^$' -test.bench '^BenchmarkReconcile(100k|1M)$' \
	-test.cpu 1 -test.benchtime "${BENCHTIME:-3x}"); then
	echo "$results" >&2
	exit 1
fi
results=$(grep '^Benchmark' <<<"$results")
echo "$results"

awk '
	{ for (i = 2; i <= NF; i++) if ($i == "ns/op") ns[$1] = $(i - 1) }
	END {
		small = ns["BenchmarkReconcile100k"] / 1e9
		large = ns["BenchmarkReconcile1M"] / 1e9
		printf "reconcile: 100k %.2f s, 1M %.2f s, ratio %.1f\n", small, large, large / small
	}' <<<"$results"
