package sqlite_test

import (
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"claimtrack/claims"
	"claimtrack/sqlite"
)

// reconciledDB stores docA and docB, and one series s1 where ANI's a-1 and
// the Pentagon's b-1 conflict and agree.
func reconciledDB(t *testing.T) *sqlite.DB {
	t.Helper()
	db := openDB(t, tempPath(t))
	for doc, cs := range map[*claims.Document][]claims.Claim{&docA: claimsOfA(), &docB: claimsOfB()} {
		if _, err := db.AddDocument(t.Context(), *doc, cs); err != nil {
			t.Fatal(err)
		}
	}
	err := db.SaveReconciliation(t.Context(), claims.Reconciliation{
		Groups: []claims.Group{{ID: "g1", Label: "troops", Claims: []string{"a-1", "a-2", "b-1"}}},
		Series: []claims.Series{
			{ID: "s1", Group: "g1", Label: "soldiers", Claims: []string{"a-1", "b-1"}, Status: "conflict"},
			{ID: "s2", Group: "g1", Label: "shells", Claims: []string{"a-2"}, Status: "single source"},
		},
		Findings: []claims.Finding{
			{ID: "f1", Type: "conflict", Group: "g1", Series: "s1", Claims: []string{"a-1", "b-1"}, IndependentSources: 2},
			{ID: "f2", Type: "corroboration", Group: "g1", Series: "s1", Claims: []string{"a-1", "b-1"}, IndependentSources: 2},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func TestSourceActivities(t *testing.T) {
	db := reconciledDB(t)
	got, err := db.SourceActivities(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	// docA (2024-11-05) reported series s1 before docB (inferred 2025-01-27);
	// s2 has one document, so nobody was first to it. docB has no outlet.
	want := []sqlite.SourceActivity{
		{Name: "ANI", Role: sqlite.RoleOutlet, Claims: 2, Documents: 1, Corroborated: 1, Conflicted: 1, FirstReports: 1},
		{Name: "Pentagon", Role: sqlite.RoleSource, Claims: 1, Documents: 1, Corroborated: 1, Conflicted: 1},
		{Name: "Ukrainian intelligence", Role: sqlite.RoleSource, Claims: 1, Documents: 1, Corroborated: 1, Conflicted: 1, FirstReports: 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

func TestClaimFilterByIDPrefixSeriesAndRoot(t *testing.T) {
	db := reconciledDB(t)
	for _, tc := range []struct {
		filter sqlite.ClaimFilter
		want   []string
	}{
		{sqlite.ClaimFilter{IDPrefix: "a-"}, []string{"a-1", "a-2"}},
		{sqlite.ClaimFilter{IDPrefix: "a-2"}, []string{"a-2"}},
		{sqlite.ClaimFilter{IDPrefix: "a%"}, nil}, // no LIKE wildcards
		{sqlite.ClaimFilter{Series: "s1"}, []string{"a-1", "b-1"}},
		{sqlite.ClaimFilter{Root: "Pentagon"}, []string{"b-1"}},
	} {
		got, err := db.Claims(t.Context(), tc.filter)
		if err != nil {
			t.Fatal(err)
		}
		gotIDs := ids(got)
		slices.Sort(gotIDs)
		if !slices.Equal(gotIDs, tc.want) {
			t.Errorf("%+v: got %v, want %v", tc.filter, gotIDs, tc.want)
		}
	}
}

// OfSource lists the source's claims last stored in other documents, by
// date, and counts them all.
func TestOfSource(t *testing.T) {
	db := openDB(t, tempPath(t))
	const root = "Ukrainian intelligence"
	day := claims.NewDate(2024, time.November, 10)
	// Documents 0–5, one claim each, stored in turn and dated backwards;
	// the audited claim is in document 2.
	for i := range 6 {
		doc := claims.Document{Name: fmt.Sprintf("d%d.txt", i), Path: "-", Hash: fmt.Sprint("h", i), Text: "Some 100 soldiers."}
		c := claims.Claim{
			ID: fmt.Sprint("c", i), Document: doc.Name, Kind: claims.KindQuantity, Text: "100 soldiers",
			Sentence: "Some 100 soldiers.", Value: claims.Value{Low: number(100), High: number(100)},
			AsOf:        day.AddDays(-i),
			Attribution: claims.Attribution{Chain: []string{root}, Root: root},
		}
		if _, err := db.AddDocument(t.Context(), doc, []claims.Claim{c}); err != nil {
			t.Fatal(err)
		}
	}
	last, total, capped, err := db.OfSource(t.Context(), root, "d2.txt", 3)
	if err != nil {
		t.Fatal(err)
	}
	if total != 5 || capped {
		t.Errorf("total %d (capped %v), want 5 claims in other documents", total, capped)
	}
	if got := ids(last); !slices.Equal(got, []string{"c5", "c4", "c3"}) {
		t.Errorf("last stored %q, want c5 c4 c3 by date", got)
	}
	if last, total, _, err := db.OfSource(t.Context(), "nobody", "d2.txt", 3); err != nil || len(last) != 0 || total != 0 {
		t.Errorf("unknown source: %d claims, total %d, %v", len(last), total, err)
	}
}
