#!/usr/bin/env bash
# Compares ingest throughput (parse, read, store in SQLite) with the reader's
# alone on the same generated corpus, on one core, and prints
# "ingest: X MB/s, reader: Y MB/s, ratio: Z".
#
#   bench/compare-ingest.sh
#
# SEED (default 1) and SIZE (default 1MB) choose the corpus; BENCHTIME
# (default 3s, so that ingest runs a few iterations) is go test's -benchtime.
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
out=$bench/out

mkdir -p "$out"
(cd "$bench" && go test -c -o "$out/bench.test" .)

# One core, as the reader comparison uses: ingest is one goroutine too.
pin=()
if command -v taskset >/dev/null; then
	pin=(taskset -c 0)
else
	echo "compare-ingest: taskset not found: running without pinning to one core" >&2
fi

if ! results=$("${pin[@]}" "$out/bench.test" -test.run '^$' -test.bench '^Benchmark(Ingest|Reader)$' -test.cpu 1 \
	-test.benchtime "${BENCHTIME:-3s}" -corpus.seed "${SEED:-1}" -corpus.size "${SIZE:-1MB}"); then
	echo "$results" >&2
	exit 1
fi
results=$(grep '^Benchmark' <<<"$results")
echo "$results"

awk '
	{ for (i = 2; i <= NF; i++) if ($i == "MB/s") mbs[$1] = $(i - 1) }
	END {
		printf "ingest: %s MB/s, reader: %s MB/s, ratio: %.2f\n",
			mbs["BenchmarkIngest"], mbs["BenchmarkReader"], mbs["BenchmarkIngest"] / mbs["BenchmarkReader"]
	}' <<<"$results"
