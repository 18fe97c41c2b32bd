#!/usr/bin/env bash
# Reconciles 100,000 and 1,000,000 synthetic claims (reconcile.Synthetic,
# seed 1) on one core and prints "reconcile: 100k X s, 1M Y s, ratio Z"; a
# reconciler that scales linearly gives 10.
#
#   bench/compare-reconcile.sh
#
# Each of ROUNDS (default 9) rounds reconciles the 1M claims once and the
# 100k claims ten times, one after the other, and takes the ratio of the two;
# the script prints the median of each. Rounds interleave the sizes, so a
# slow spell of the machine weighs on both alike.
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

# nsPerOp runs one benchmark and prints its ns/op.
nsPerOp() {
	local run
	if ! run=$("${pin[@]}" "$out/reconcile.test" -test.run '^$' -test.bench "^$1\$" -test.cpu 1 -test.benchtime "$2x"); then
		echo "$run" >&2
		exit 1
	fi
	awk '/^Benchmark/ { for (i = 2; i <= NF; i++) if ($i == "ns/op") print $(i - 1) }' <<<"$run"
}

rounds=${ROUNDS:-9}
for ((r = 1; r <= rounds; r++)); do
	small=$(nsPerOp BenchmarkReconcile100k 10)
	large=$(nsPerOp BenchmarkReconcile1M 1)
	echo "round $r: 100k $small ns/op, 1M $large ns/op" >&2
	echo "$small $large"
done | awk '
	{ small[NR] = $1; large[NR] = $2; ratio[NR] = $2 / $1 }
	function median(a, n,   i, j, t, b) {
		for (i = 1; i <= n; i++) b[i] = a[i]
		for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (b[j] < b[i]) { t = b[i]; b[i] = b[j]; b[j] = t }
		return n % 2 ? b[(n + 1) / 2] : (b[n / 2] + b[n / 2 + 1]) / 2
	}
	END {
		printf "reconcile: 100k %.2f s, 1M %.2f s, ratio %.1f (medians of %d rounds)\n",
			median(small, NR) / 1e9, median(large, NR) / 1e9, median(ratio, NR), NR
	}'
