#!/usr/bin/env bash
# Measures `claimtrack audit ID` on a reconciled database of a million
# synthetic claims and prints
# "audit: X ms median in process, Y ms as a new process; lookup by id: Z ms".
#
#   bench/audit-latency.sh
#
# CLAIMS (default 1000000) sizes the database, which is made once with
# bench/cmd/genledger into bench/out/ (about twenty minutes on two cores) and
# kept for later runs. AUDITS (default 21) is how many claims are audited.
#
# The ledger is read once first, so the numbers are those of a ledger in the
# page cache, as on a machine that has used it lately. COLD=1 (Linux, as root)
# also measures audits with the page cache dropped before each one, which
# read the ledger from disk.
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
out=$bench/out
claims=${CLAIMS:-1000000}
db=$out/ledger-$claims.db

mkdir -p "$out"
if [ ! -f "$db" ]; then
	(cd "$bench" && go build -o "$out/genledger" ./cmd/genledger)
	"$out/genledger" -claims "$claims" -db "$db.tmp"
	# genledger closed the database; the WAL is checkpointed into the file.
	mv "$db.tmp" "$db"
fi
# The audit benchmarks live with the command, in the root package.
(cd "$bench/.." && go test -c -o "$out/claimtrack.test" .)

bench() {
	local results
	if ! results=$("$out/claimtrack.test" -test.run '^$' -test.cpu 1 -test.benchtime "${AUDITS:-21}x" \
		-audit.db "$db" "$@"); then
		echo "$results" >&2
		exit 1
	fi
	grep '^Benchmark' <<<"$results"
}

cat "$db" >/dev/null
results=$(bench -test.bench '^BenchmarkAudit')
echo "$results"
if [ -n "${COLD:-}" ]; then
	cold=$(bench -test.bench '^BenchmarkAudit$' -audit.cold)
	echo "$cold (-audit.cold)"
	awk '{ for (i = 2; i <= NF; i++) if ($i == "ms/median") print "audit from disk: " $(i - 1) " ms median in process" }' <<<"$cold"
fi

awk '
	{ for (i = 2; i <= NF; i++) if ($i == "ms/median") ms[$1] = $(i - 1) }
	END {
		printf "audit: %s ms median in process, %s ms as a new process; lookup by id: %s ms median\n",
			ms["BenchmarkAudit"], ms["BenchmarkAuditProcess"], ms["BenchmarkAuditLookup"]
	}' <<<"$results"
