package main

import (
	"bytes"
	"context"
	"database/sql"
	"flag"
	"io"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"claimtrack/sqlite"
)

// auditDB is the ledger the audit benchmarks read: bench/audit-latency.sh
// makes one of a million claims with bench/cmd/genledger.
var auditDB = flag.String("audit.db", "", "claimtrack database for the audit benchmarks, as bench/cmd/genledger writes it")

// auditCold makes BenchmarkAudit drop the system's page cache before each
// audit, so that it reads the ledger from disk as on a machine that has not
// read it lately. Dropping the cache needs Linux and root.
var auditCold = flag.Bool("audit.cold", false, "drop the page cache before each audit (Linux, root)")

// auditSample is how many claims the audit benchmarks audit, in turn.
const auditSample = 101

// BenchmarkAudit measures `claimtrack audit ID` in this process: opening
// the database, finding the claim by its id, loading what the audit joins
// and writing it as a table. It reports the median of one audit.
func BenchmarkAudit(b *testing.B) {
	ids := sampleClaimIDs(b)
	var took []time.Duration
	for i := 0; b.Loop(); i++ {
		var stderr bytes.Buffer
		if *auditCold {
			dropPageCache(b)
		}
		start := time.Now()
		code := run(context.Background(), []string{"claimtrack", "--db", *auditDB, "audit", ids[i%len(ids)]},
			strings.NewReader(""), io.Discard, &stderr)
		took = append(took, time.Since(start))
		if code != 0 {
			b.Fatalf("audit %s: exit %d: %s", ids[i%len(ids)], code, &stderr)
		}
	}
	reportMedian(b, took)
}

// BenchmarkAuditProcess measures the same as a user at a shell meets it: a
// new claimtrack process each time, so with the start of a Go program and
// of SQLite.
func BenchmarkAuditProcess(b *testing.B) {
	ids := sampleClaimIDs(b)
	bin := claimtrackBinary(b)
	var took []time.Duration
	for i := 0; b.Loop(); i++ {
		id := ids[i%len(ids)]
		start := time.Now()
		out, err := exec.Command(bin, "--db", *auditDB, "audit", id).CombinedOutput()
		took = append(took, time.Since(start))
		if err != nil {
			b.Fatalf("audit %s: %v\n%s", id, err, out)
		}
	}
	reportMedian(b, took)
}

// BenchmarkAuditLookup measures the first step of an audit alone: finding
// the claim by its id in the open database.
func BenchmarkAuditLookup(b *testing.B) {
	ids := sampleClaimIDs(b)
	db, err := sqlite.Open(b.Context(), *auditDB)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	var took []time.Duration
	for i := 0; b.Loop(); i++ {
		id := ids[i%len(ids)]
		start := time.Now()
		found, err := db.Claims(b.Context(), sqlite.ClaimFilter{IDPrefix: id})
		took = append(took, time.Since(start))
		if err != nil || len(found) != 1 {
			b.Fatalf("claim %s: %d found, %v", id, len(found), err)
		}
	}
	reportMedian(b, took)
}

// dropPageCache asks Linux to drop the clean pages of its page cache.
func dropPageCache(b *testing.B) {
	b.Helper()
	if err := os.WriteFile("/proc/sys/vm/drop_caches", []byte("1"), 0); err != nil {
		b.Fatalf("-audit.cold: drop the page cache: %v", err)
	}
}

// sampleClaimIDs picks claims spread evenly over the database's claims, the
// same ones on every run.
func sampleClaimIDs(b *testing.B) []string {
	b.Helper()
	if *auditDB == "" {
		b.Skip("needs -audit.db: run bench/audit-latency.sh")
	}
	db, err := sql.Open("sqlite3", "file:"+*auditDB+"?mode=ro")
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT count(*) FROM claims").Scan(&n); err != nil {
		b.Fatal(err)
	}
	ids := make([]string, auditSample)
	for k := range ids {
		err := db.QueryRow("SELECT id FROM claims ORDER BY seq LIMIT 1 OFFSET ?", k*n/auditSample).Scan(&ids[k])
		if err != nil {
			b.Fatal(err)
		}
	}
	return ids
}

// reportMedian reports the median of took in milliseconds, which an
// occasional slow run (another process, a cold cache) does not move.
func reportMedian(b *testing.B, took []time.Duration) {
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2])/float64(time.Millisecond), "ms/median")
}
