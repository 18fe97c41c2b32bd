package reconcile

import (
	"runtime/debug"
	"testing"

	"claimtrack/claims"
)

// benchmarkReconcile reconciles n synthetic claims as the reconcile command
// does: each claim added to a Ledger, the findings written out as they are
// found, here to a writer that counts them.
func benchmarkReconcile(b *testing.B, n int) {
	entries := Synthetic(n, 1)
	b.ResetTimer()
	for b.Loop() {
		ledger := NewLedger(Options{})
		ledger.Grow(len(entries))
		for i := range entries {
			ledger.Add(&entries[i])
		}
		var w countingWriter
		if err := ledger.Reconcile(&w); err != nil {
			b.Fatal(err)
		}
		if w.findings == 0 {
			b.Fatal("no findings")
		}
		// The command reconciles once in a process, which touches its
		// memory for the first time; without this, the 100k ledger would
		// reuse pages the last iteration left and the 1M one would not.
		b.StopTimer()
		debug.FreeOSMemory()
		b.StartTimer()
	}
}

// countingWriter counts what a reconciliation writes and keeps none of it.
type countingWriter struct{ claims, findings, groups, series int }

func (w *countingWriter) Assign(claimID, group, series string) error {
	w.claims++
	return nil
}

func (w *countingWriter) Finding(f claims.Finding) error {
	w.findings++
	return nil
}

func (w *countingWriter) Group(g claims.Group) error {
	w.groups++
	return nil
}

func (w *countingWriter) Series(s claims.Series) error {
	w.series++
	return nil
}

func BenchmarkReconcile100k(b *testing.B) { benchmarkReconcile(b, 100_000) }

func BenchmarkReconcile1M(b *testing.B) {
	if testing.Short() {
		b.Skip("1M claims: skipped with -short")
	}
	benchmarkReconcile(b, 1_000_000)
}
