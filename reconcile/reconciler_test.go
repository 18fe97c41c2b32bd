package reconcile

import (
	"errors"
	"testing"

	"claimtrack/bench/synthetic"
	"claimtrack/claims"
)

// failingWriter fails on the finding after its first n, as a store does when
// the command is cancelled.
type failingWriter struct {
	n, findings int
}

var errWriter = errors.New("writer failed")

func (w *failingWriter) Assign(claimID, group, series string) error { return nil }
func (w *failingWriter) Group(g claims.Group) error                 { return nil }
func (w *failingWriter) Series(s claims.Series) error               { return nil }
func (w *failingWriter) Finding(f claims.Finding) error {
	w.findings++
	if w.findings > w.n {
		return errWriter
	}
	return nil
}

// Reconciling stops writing at the writer's first error and returns it.
func TestLedgerStopsAtTheWritersError(t *testing.T) {
	rec := New(claims.Options{})
	entries := synthetic.Claims(3000, 1)
	for i := range entries {
		rec.Add(&entries[i])
	}
	w := &failingWriter{n: 10}
	if err := rec.Reconcile(w); !errors.Is(err, errWriter) {
		t.Fatalf("Reconcile: %v, want the writer's error", err)
	}
	if w.findings != 11 {
		t.Errorf("%d findings offered to the writer, want 11: none after its error", w.findings)
	}
}

// A ledger keeps what it reads of a claim, not the claim: the caller may
// reuse the entry it passes.
func TestLedgerCopiesWhatItKeeps(t *testing.T) {
	entries := synthetic.Claims(3000, 1)
	want := Reconcile(entries, claims.Options{})
	rec := New(claims.Options{})
	// As the store passes them: one entry, its figures in variables the
	// next row overwrites.
	var reused claims.Entry
	var low, high float64
	for i := range entries {
		reused = entries[i]
		if v := &reused.Value; v.Low != nil {
			low, v.Low = *v.Low, &low
		}
		if v := &reused.Value; v.High != nil {
			high, v.High = *v.High, &high
		}
		rec.Add(&reused)
		low, high = -1, -1
		reused = claims.Entry{Claim: claims.Claim{ID: "overwritten", Unit: "overwritten", Subject: "overwritten"}}
	}
	c := newCollector()
	if err := rec.Reconcile(c); err != nil {
		t.Fatal(err)
	}
	got := c.result()
	if len(got.Findings) != len(want.Findings) || len(got.Series) != len(want.Series) {
		t.Fatalf("%d findings and %d series, want %d and %d", len(got.Findings), len(got.Series), len(want.Findings), len(want.Series))
	}
	for k := range want.Findings {
		if got.Findings[k].ID != want.Findings[k].ID || got.Findings[k].Summary != want.Findings[k].Summary {
			t.Fatalf("finding %d: %+v, want %+v", k, got.Findings[k], want.Findings[k])
		}
	}
}
