package sqlite_test

import (
	"reflect"
	"testing"

	"claimtrack/claims"
	"claimtrack/sqlite"
)

func TestSaveReconciliationRoundTrip(t *testing.T) {
	path := tempPath(t)
	db := openDB(t, path)
	ctx := t.Context()
	for doc, cs := range map[*claims.Document][]claims.Claim{&docA: claimsOfA(), &docB: claimsOfB()} {
		if _, err := db.AddDocument(ctx, *doc, cs); err != nil {
			t.Fatal(err)
		}
	}
	r := claims.Reconciliation{
		Groups: []claims.Group{{ID: "g1", Label: "troops: North Korean", Claims: []string{"a-1", "a-2", "b-1"},
			ImpliedTotals: []claims.Total{{Series: "s2", Low: 11100, High: 11100, From: []string{"a-1", "a-2"}, Label: "11,000 + 100"}}}},
		Series: []claims.Series{
			{ID: "s1", Group: "g1", Label: "North Korean soldiers · sent", Claims: []string{"a-1", "b-1"}, Status: "conflict"},
			{ID: "s2", Group: "g1", Label: "artillery shells · sent (planned)", Claims: []string{"a-2"}, Status: "single source"},
		},
		Findings: []claims.Finding{{ID: "f1", Type: "conflict", Group: "g1", Series: "s1", Claims: []string{"b-1", "a-1"},
			IndependentSources: 2, Summary: "conflict: 11,000 vs 40%"}},
	}
	if err := db.SaveReconciliation(ctx, r); err != nil {
		t.Fatal(err)
	}
	findings, err := db.Findings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(findings, r.Findings) {
		t.Errorf("findings:\n got  %+v\n want %+v", findings, r.Findings)
	}
	groups, err := db.Groups(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(groups, r.Groups) {
		t.Errorf("groups:\n got  %+v\n want %+v", groups, r.Groups)
	}
	series, err := db.Series(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(series, r.Series) {
		t.Errorf("series:\n got  %+v\n want %+v", series, r.Series)
	}
	stored, err := db.Claims(ctx, sqlite.ClaimFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range stored {
		if e.ID == "b-2" && (e.Group != "" || e.Series != "") {
			t.Errorf("an unreconciled claim kept a group: %+v", e.Claim)
		}
		if e.ID == "a-1" && (e.Group != "g1" || e.Series != "s1") {
			t.Errorf("a-1 has group %q series %q", e.Group, e.Series)
		}
	}

	// A second reconciliation replaces the first whole.
	if err := db.SaveReconciliation(ctx, claims.Reconciliation{}); err != nil {
		t.Fatal(err)
	}
	raw := openRaw(t, path)
	for _, table := range []string{"groups", "series", "findings", "finding_claims", "implied_totals"} {
		if n := countRows(t, raw, table); n != 0 {
			t.Errorf("%s keeps %d rows after an empty reconciliation", table, n)
		}
	}
	var grouped int
	raw.QueryRow("SELECT count(*) FROM claims WHERE group_id IS NOT NULL OR series_id IS NOT NULL").Scan(&grouped)
	if grouped != 0 {
		t.Errorf("%d claims keep a group or series", grouped)
	}
}

func TestSaveReconciliationIsAtomic(t *testing.T) {
	db := openDB(t, tempPath(t))
	ctx := t.Context()
	if _, err := db.AddDocument(ctx, docA, claimsOfA()); err != nil {
		t.Fatal(err)
	}
	good := claims.Reconciliation{Groups: []claims.Group{{ID: "g1", Label: "one", Claims: []string{"a-1"}}}}
	if err := db.SaveReconciliation(ctx, good); err != nil {
		t.Fatal(err)
	}
	// A series naming a group that does not exist breaks the foreign key half way.
	bad := claims.Reconciliation{
		Groups: []claims.Group{{ID: "g2", Label: "two", Claims: []string{"a-2"}}},
		Series: []claims.Series{{ID: "s1", Group: "missing", Label: "x", Status: "single source"}},
	}
	if err := db.SaveReconciliation(ctx, bad); err == nil {
		t.Fatal("want an error for a series in a missing group")
	}
	groups, err := db.Groups(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(groups) != 1 || groups[0].ID != "g1" {
		t.Errorf("a failed save must leave the previous reconciliation: %+v", groups)
	}
}

// The options a reconciliation was computed with are saved with it; a
// ledger never reconciled has the defaults.
func TestReconciliationOptionsAreSaved(t *testing.T) {
	db := openDB(t, tempPath(t))
	ctx := t.Context()
	opt, err := db.ReconciliationOptions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if opt != (claims.Options{}) {
		t.Errorf("never reconciled: options %+v, want the defaults", opt)
	}
	for _, tolerance := range []float64{0.5, 0.2} {
		if err := db.SaveReconciliation(ctx, claims.Reconciliation{Options: claims.Options{Tolerance: tolerance}}); err != nil {
			t.Fatal(err)
		}
		if opt, err = db.ReconciliationOptions(ctx); err != nil {
			t.Fatal(err)
		}
		if opt.Tolerance != tolerance {
			t.Errorf("saved with tolerance %v, read back %v", tolerance, opt.Tolerance)
		}
	}
}
