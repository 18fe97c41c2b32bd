package reconcile

import (
	"runtime/debug"
	"slices"
	"testing"
	"time"

	"claimtrack/bench/synthetic"
	"claimtrack/claims"
)

// reconcileAll reconciles entries as the reconcile command does: each claim
// added to a Reconciler, the findings written out as they are found, here to a
// writer that counts them.
func reconcileAll(b *testing.B, entries []claims.Entry) {
	rec := New(claims.Options{})
	rec.Grow(len(entries))
	for i := range entries {
		rec.Add(&entries[i])
	}
	var w countingWriter
	if err := rec.Reconcile(&w); err != nil {
		b.Fatal(err)
	}
	if w.findings == 0 {
		b.Fatal("no findings")
	}
}

// freshHeap collects the heap and returns its memory to the system, so that
// a reconciliation touches its memory for the first time, as the command
// does once in a process: without it, a small ledger would reuse pages the
// last one left and a large one would not. A run that follows it also
// starts at the same point of the collector's cycle as any other.
func freshHeap() { debug.FreeOSMemory() }

func benchmarkReconcile(b *testing.B, n int) {
	entries := synthetic.Claims(n, 1)
	freshHeap()
	b.ResetTimer()
	for b.Loop() {
		reconcileAll(b, entries)
		b.StopTimer()
		freshHeap()
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

// BenchmarkReconcileScaling measures how the reconciler scales from 100k to
// 1M claims, side by side: each iteration is a round that reconciles the
// 100k claims five times, the 1M claims once, and the 100k claims five times
// more, so that the machine speeding up or slowing down during a round
// weighs on both sizes alike. It reports the medians over the rounds of the
// 100k time (the mean of its ten), the 1M time, and their ratio, which a
// linear reconciler keeps at 10.
func BenchmarkReconcileScaling(b *testing.B) {
	if testing.Short() {
		b.Skip("1M claims: skipped with -short")
	}
	small, large := synthetic.Claims(100_000, 1), synthetic.Claims(1_000_000, 1)
	timed := func(entries []claims.Entry) time.Duration {
		freshHeap()
		start := time.Now()
		reconcileAll(b, entries)
		return time.Since(start)
	}
	var smalls, larges, ratios []float64
	for b.Loop() {
		var sum time.Duration
		for range 5 {
			sum += timed(small)
		}
		l := timed(large)
		for range 5 {
			sum += timed(small)
		}
		s := sum.Seconds() / 10
		b.Logf("round %d: 100k %.3f s, 1M %.3f s, ratio %.2f", len(ratios)+1, s, l.Seconds(), l.Seconds()/s)
		smalls, larges, ratios = append(smalls, s), append(larges, l.Seconds()), append(ratios, l.Seconds()/s)
	}
	b.ReportMetric(median(smalls), "100k-s")
	b.ReportMetric(median(larges), "1M-s")
	b.ReportMetric(median(ratios), "ratio")
}

func median(values []float64) float64 {
	sorted := slices.Sorted(slices.Values(values))
	n := len(sorted)
	if n%2 == 1 {
		return sorted[n/2]
	}
	return (sorted[n/2-1] + sorted[n/2]) / 2
}
