#!/usr/bin/env bash
# Ingests a large generated corpus, a folder of one file per article, and
# prints the peak resident memory and the throughput of the ingest, then of
# the reconciliation that follows it:
#
#   bench/ingest-memory.sh
#
# SIZE (default 1GB) and SEED (default 2) choose the corpus, written once to
# CORPUS (default bench/out/corpus-SIZE-SEED) and kept. The ledger is
# written to bench/out/ingest-memory.db, replaced on each run. RECONCILE=0
# skips the reconciliation. Peak memory is GNU time's "Maximum resident set
# size"; the ingest is `claimtrack ingest --no-reconcile`, the reconciliation
# `claimtrack reconcile`, which is what an ingest ends with.
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
out=$bench/out
size=${SIZE:-1GB}
seed=${SEED:-2}
corpus=${CORPUS:-$out/corpus-$size-$seed}
db=$out/ingest-memory.db

mkdir -p "$out"
(cd "$bench/.." && go build -o "$out/claimtrack" . && go build -o "$out/gencorpus" ./bench/cmd/gencorpus)
if [ ! -d "$corpus" ]; then
	"$out/gencorpus" -size "$size" -seed "$seed" -dir "$corpus.tmp"
	mv "$corpus.tmp" "$corpus"
fi
bytes=$(find "$corpus" -name '*.txt' -printf '%s\n' | awk '{ n += $1 } END { print n }')
rm -f "$db" "$db-wal" "$db-shm"

# measure LABEL COMMAND...: runs the command under GNU time and prints its
# wall time and peak resident memory.
measure() {
	local label=$1
	shift
	/usr/bin/time -f '%e %M' -o "$out/time.txt" "$@" >/dev/null 2>"$out/stderr.txt" || {
		tail -5 "$out/stderr.txt" >&2
		exit 1
	}
	read -r seconds kb <"$out/time.txt"
	awk -v l="$label" -v s="$seconds" -v kb="$kb" -v b="$bytes" \
		'BEGIN { printf "%s: %.0f s, %.2f MB/s of articles, peak RSS %.0f MB\n", l, s, b / 1e6 / s, kb / 1024 }'
}

echo "corpus: $corpus, $bytes bytes, $(find "$corpus" -name '*.txt' | wc -l) articles; $(nproc) cores"
measure "ingest --no-reconcile" "$out/claimtrack" --db "$db" ingest --no-reconcile "$corpus"
echo "ledger: $(du -h "$db" | cut -f1), $(sqlite3 "$db" 'SELECT count(*) FROM claims' 2>/dev/null || echo '?') claims"
if [ "${RECONCILE:-1}" != 0 ]; then
	measure "reconcile" "$out/claimtrack" --db "$db" reconcile
fi
