#!/usr/bin/env bash
# Compares the throughput of claimtrack's reader with Microsoft
# Recognizers-Text on the same generated news text, each on one core, and
# prints "reader: X MB/s, recognizers-text: Y KB/s, ratio: Z× (medians of N
# rounds)".
#
#   bench/compare-reader.sh
#
# Both read the corpus for SEED (default 1): the reader READER_SIZE of it
# (default 1MB), the recognizers, which read a few KB a second, its first
# RECOGNIZERS_SIZE (default 64KB). BENCHTIME (default 3s) is go test's
# -benchtime. Installs the npm package on first use; needs Go, Node.js 20+ and npm.
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
out=$bench/out
seed=${SEED:-1}
reader_size=${READER_SIZE:-1MB}
recognizers_size=${RECOGNIZERS_SIZE:-64KB}

for tool in go node npm; do
	if ! command -v "$tool" >/dev/null; then
		echo "compare-reader: $tool not found: this comparison needs Go, Node.js 20 or later and npm" >&2
		exit 1
	fi
done
if [ ! -d "$bench/recognizers/node_modules/@microsoft/recognizers-text-suite" ]; then
	echo "compare-reader: installing @microsoft/recognizers-text-suite from package-lock.json" >&2
	(cd "$bench/recognizers" && npm ci --no-audit --no-fund --loglevel=error)
fi

mkdir -p "$out"
(cd "$bench" && go build -o "$out/gencorpus" ./cmd/gencorpus && go test -c -o "$out/bench.test" .)

# One core each, the same one, so that neither gains from a second core.
pin=()
if command -v taskset >/dev/null; then
	pin=(taskset -c 0)
else
	echo "compare-reader: taskset not found: running without pinning to one core" >&2
fi

"$out/gencorpus" -seed "$seed" -size "$recognizers_size" -o "$out/recognizers-input.txt"

# ROUNDS (default 3) rounds, each the recognizers then the reader, so that a
# slow spell of the machine weighs on both sides of a round; each round's
# numbers go to stderr and the medians to stdout.
rounds=${ROUNDS:-3}
ratios=() readers=() recognizers_all=()
for ((round = 1; round <= rounds; round++)); do
	recognizers=$("${pin[@]}" node "$bench/recognizers/run.js" "$out/recognizers-input.txt")
	recognizers_kbs=$(node -p 'JSON.parse(process.argv[1]).kb_per_s' "$recognizers")
	if ! reader=$("${pin[@]}" "$out/bench.test" -test.run '^$' -test.bench '^BenchmarkReader$' -test.cpu 1 \
		-test.benchtime "${BENCHTIME:-3s}" -corpus.seed "$seed" -corpus.size "$reader_size"); then
		echo "$reader" >&2
		exit 1
	fi
	reader=$(grep '^BenchmarkReader' <<<"$reader")
	reader_mbs=$(awk '{ for (i = 2; i <= NF; i++) if ($i == "MB/s") print $(i - 1) }' <<<"$reader")
	ratio=$(awk -v reader="$reader_mbs" -v recognizers="$recognizers_kbs" 'BEGIN { printf "%.0f", reader * 1000 / recognizers }')
	echo "round $round: recognizers-text $recognizers" >&2
	echo "round $round: $reader" >&2
	echo "round $round: reader $reader_mbs MB/s, recognizers-text $recognizers_kbs KB/s, ratio ${ratio}×" >&2
	ratios+=("$ratio") readers+=("$reader_mbs") recognizers_all+=("$recognizers_kbs")
done

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
printf "reader: %s MB/s, recognizers-text: %s KB/s, ratio: %.0f× (medians of %d rounds)\n" \
	"$(median "${readers[@]}")" "$(median "${recognizers_all[@]}")" "$(median "${ratios[@]}")" "$rounds"
