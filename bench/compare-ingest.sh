#!/usr/bin/env bash
# Compares ingest throughput (parse, read, store in SQLite) with the reader's
# alone on the same generated corpus, and prints two ratios:
#
#   one core: BenchmarkIngest (read and store in turn) over BenchmarkReader;
#   the CLI:  `claimtrack ingest --no-reconcile` of the corpus as a folder of
#             files, timed whole, as a user runs it (it reads the next batch
#             while it stores this one, on a second core), over the same
#             BenchmarkReader figure (the reader is one goroutine).
#
#   bench/compare-ingest.sh
#
# SEED (default 1) and SIZE (default 4MB) choose the corpus; BENCHTIME
# (default 3s) is go test's -benchtime; RUNS (default 3) how many times the
# CLI ingests the folder, the median being reported.
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
out=$bench/out
seed=${SEED:-1}
size=${SIZE:-4MB}

mkdir -p "$out"
(cd "$bench" && go test -c -o "$out/bench.test" .)
(cd "$bench/.." && go build -o "$out/claimtrack" . && go build -o "$out/gencorpus" ./bench/cmd/gencorpus)

pin=()
if command -v taskset >/dev/null; then
	pin=(taskset -c 0)
else
	echo "compare-ingest: taskset not found: running without pinning to one core" >&2
fi

if ! results=$("${pin[@]}" "$out/bench.test" -test.run '^$' -test.bench '^Benchmark(Ingest|Reader)$' -test.cpu 1 \
	-test.benchtime "${BENCHTIME:-3s}" -corpus.seed "$seed" -corpus.size "$size"); then
	echo "$results" >&2
	exit 1
fi
results=$(grep '^Benchmark' <<<"$results")
echo "$results"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$out/gencorpus" -seed "$seed" -size "$size" -dir "$work/articles" >/dev/null 2>&1
bytes=$(find "$work/articles" -name '*.txt' -printf '%s\n' | awk '{ n += $1 } END { print n }')
times=()
for _ in $(seq "${RUNS:-3}"); do
	rm -f "$work"/ledger.db*
	start=$(date +%s.%N)
	"$out/claimtrack" --db "$work/ledger.db" ingest --no-reconcile "$work/articles" >/dev/null 2>&1
	end=$(date +%s.%N)
	times+=("$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }')")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }')
echo "claimtrack ingest --no-reconcile: $bytes bytes in ${times[*]} s (median $median s), $(nproc) cores"

awk -v bytes="$bytes" -v median="$median" '
	{ for (i = 2; i <= NF; i++) if ($i == "MB/s") mbs[$1] = $(i - 1) }
	END {
		cli = bytes / 1e6 / median
		printf "one core: ingest %s MB/s, reader %s MB/s, ratio %.2f\n",
			mbs["BenchmarkIngest"], mbs["BenchmarkReader"], mbs["BenchmarkIngest"] / mbs["BenchmarkReader"]
		printf "the CLI:  ingest %.2f MB/s, reader %s MB/s, ratio %.2f\n", cli, mbs["BenchmarkReader"], cli / mbs["BenchmarkReader"]
	}' <<<"$results"
