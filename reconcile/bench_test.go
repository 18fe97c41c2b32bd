package reconcile

import (
	"testing"
)

func benchmarkReconcile(b *testing.B, n int) {
	entries := Synthetic(n, 1)
	b.ResetTimer()
	for b.Loop() {
		Reconcile(entries, Options{})
	}
}

func BenchmarkReconcile100k(b *testing.B) { benchmarkReconcile(b, 100_000) }

func BenchmarkReconcile1M(b *testing.B) {
	if testing.Short() {
		b.Skip("1M claims: skipped with -short")
	}
	benchmarkReconcile(b, 1_000_000)
}
