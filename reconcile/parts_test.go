package reconcile

import (
	"cmp"
	"reflect"
	"slices"
	"testing"

	"claimtrack/bench/synthetic"
	"claimtrack/claims"
)

// inParts reconciles entries with ReconcileInParts, at most maxClaims at a
// time, streaming them as the store does: a document's quantity claims
// together, then the events.
func inParts(t testing.TB, entries []claims.Entry, maxClaims int) claims.Reconciliation {
	t.Helper()
	ordered := slices.Clone(entries)
	slices.SortStableFunc(ordered, func(a, b claims.Entry) int {
		return cmp.Or(cmp.Compare(boolRank(a.Kind == claims.KindEvent), boolRank(b.Kind == claims.KindEvent)),
			cmp.Compare(a.Document, b.Document))
	})
	src := func(each func(*claims.Entry)) error {
		var e claims.Entry // reused, as the store reuses it
		for i := range ordered {
			e = ordered[i]
			each(&e)
		}
		return nil
	}
	c := newCollector()
	if err := ReconcileInParts(src, claims.Options{}, func() int { return maxClaims }, c); err != nil {
		t.Fatal(err)
	}
	return c.result()
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestReconcileInPartsGivesTheSameResult reconciles synthetic ledgers in
// parts of several sizes, from one claim a part to all of them.
func TestReconcileInPartsGivesTheSameResult(t *testing.T) {
	entries := synthetic.Claims(5000, 1)
	whole := Reconcile(entries, claims.Options{})
	if len(whole.Findings) == 0 {
		t.Fatal("no findings to compare")
	}
	for _, maxClaims := range []int{1, 300, 2000, len(entries)} {
		if got := inParts(t, entries, maxClaims); !reflect.DeepEqual(got, whole) {
			t.Errorf("in parts of %d claims: %s", maxClaims, reconciliationDiff(got, whole))
		}
	}
}

// reconciliationDiff names the first difference between two reconciliations.
func reconciliationDiff(got, want claims.Reconciliation) string {
	switch {
	case !reflect.DeepEqual(got.Groups, want.Groups):
		for k := range min(len(got.Groups), len(want.Groups)) {
			if !reflect.DeepEqual(got.Groups[k], want.Groups[k]) {
				return "group " + want.Groups[k].ID + " differs: " + got.Groups[k].Label + " / " + want.Groups[k].Label
			}
		}
		return "groups differ in number"
	case !reflect.DeepEqual(got.Series, want.Series):
		for k := range min(len(got.Series), len(want.Series)) {
			if !reflect.DeepEqual(got.Series[k], want.Series[k]) {
				return "series " + want.Series[k].ID + " differs: " + got.Series[k].Label + " " + string(got.Series[k].Status) +
					" / " + want.Series[k].Label + " " + string(want.Series[k].Status)
			}
		}
		return "series differ in number"
	}
	for k := range min(len(got.Findings), len(want.Findings)) {
		if !reflect.DeepEqual(got.Findings[k], want.Findings[k]) {
			return "finding " + want.Findings[k].ID + " differs: got " + got.Findings[k].ID + " " + got.Findings[k].Summary +
				", want " + want.Findings[k].Summary
		}
	}
	return "findings differ in number"
}

// TestReconcileInPartsNamesTheEchoesOfCheckedClaims checks that a finding of
// an article check names the claims that relay its figures elsewhere, which
// reconciling in parts learns only once their series are compared.
func TestReconcileInPartsNamesTheEchoesOfCheckedClaims(t *testing.T) {
	day := "2023-02-08"
	deaths := func(id, doc, place string, v float64, start int) spec {
		return spec{id: id, doc: doc, source: "AFAD", asOf: day, place: place, value: exact(v), start: start,
			unit: "people", subject: "people", measure: "killed"}
	}
	killed := func(id, doc string, v float64) spec {
		return spec{id: id, doc: doc, source: "Ukrainian intelligence", asOf: day, value: exact(v),
			unit: "soldiers", subject: "North Korean soldiers", measure: "killed"}
	}
	casualties := func(id, doc string, v float64) spec {
		return spec{id: id, doc: doc, source: "NIS", asOf: day, value: exact(v),
			unit: "soldiers", subject: "North Korean soldiers", measure: "casualties"}
	}
	es := entries(t,
		deaths("a-turkey", "a", "Turkey", 12391, 10),
		deaths("a-syria", "a", "Syria", 2992, 20),
		deaths("a-total", "a", "Turkey and Syria", 15383, 30),
		deaths("b-turkey", "b", "Turkey", 12391, 10), // the same statement, relayed
		killed("c-killed", "c", 2000),
		killed("d-killed", "d", 2000), // relayed
		casualties("e-casualties", "e", 100),
	)
	whole := Reconcile(es, claims.Options{})
	if !together(whole, claims.PartsTotal, "a-total", "b-turkey") || !together(whole, claims.TotalBelowPart, "e-casualties", "d-killed") {
		t.Fatalf("the checks do not name the echoes: %+v", whole.Findings)
	}
	for _, maxClaims := range []int{1, 3, len(es)} {
		if got := inParts(t, es, maxClaims); !reflect.DeepEqual(got, whole) {
			t.Errorf("in parts of %d claims: %s", maxClaims, reconciliationDiff(got, whole))
		}
	}
}
