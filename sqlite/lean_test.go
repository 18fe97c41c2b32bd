package sqlite_test

import (
	"errors"
	"fmt"
	"io/fs"
	"reflect"
	"testing"

	"claimtrack/bench/corpus"
	"claimtrack/claims"
	"claimtrack/reconcile"
	"claimtrack/seeds"
	"claimtrack/sqlite"
)

// storeArticles stores the sample articles and the first n of the generated
// corpus as ingest does, and returns how many claims they hold.
func storeArticles(t *testing.T, db *sqlite.DB, n int) int {
	t.Helper()
	reader := claims.NewReader()
	stored := 0
	add := func(name string, raw []byte) {
		doc, _, err := claims.ParseDocument(name, name, raw, claims.ParseOptions{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		found := reader.Read(&doc)
		if _, err := db.AddDocument(t.Context(), doc, found); err != nil {
			t.Fatal(err)
		}
		stored += len(found)
	}
	samples, err := fs.Glob(seeds.Files, "*.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range samples {
		raw, err := fs.ReadFile(seeds.Files, name)
		if err != nil {
			t.Fatal(err)
		}
		add(name, raw)
	}
	for a := range corpus.Articles(1, 1) {
		if a.Index == n {
			break
		}
		add(a.Name(), []byte(a.Text))
	}
	return stored
}

// The lean loader leaves out what the reconciler does not read; the
// reconciler must conclude exactly what it concludes from whole claims.
func TestReconcileClaimsGiveTheSameReconciliation(t *testing.T) {
	db := openDB(t, tempPath(t))
	stored := storeArticles(t, db, 120)
	full, err := db.Claims(t.Context(), sqlite.ClaimFilter{})
	if err != nil {
		t.Fatal(err)
	}
	lean, _, err := db.ReconcileClaims(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(lean) != stored || len(full) != stored {
		t.Fatalf("loaded %d lean and %d whole claims, stored %d", len(lean), len(full), stored)
	}
	want := reconcile.Reconcile(full, reconcile.Options{})
	got := reconcile.Reconcile(lean, reconcile.Options{})
	if len(want.Findings) == 0 || len(want.Series) == 0 {
		t.Fatalf("the corpus gives %d series and %d findings: too little to compare", len(want.Series), len(want.Findings))
	}
	for _, part := range []struct {
		name      string
		got, want any
	}{{"groups", got.Groups, want.Groups}, {"series", got.Series, want.Series}, {"findings", got.Findings, want.Findings}} {
		if !reflect.DeepEqual(part.got, part.want) {
			t.Errorf("%s differ: first difference %s", part.name, firstDifference(part.got, part.want))
		}
	}
}

// firstDifference names the first element of two slices that differs.
func firstDifference(got, want any) string {
	g, w := reflect.ValueOf(got), reflect.ValueOf(want)
	for i := range min(g.Len(), w.Len()) {
		if !reflect.DeepEqual(g.Index(i).Interface(), w.Index(i).Interface()) {
			return fmt.Sprintf("at %d:\n got  %+v\n want %+v", i, g.Index(i).Interface(), w.Index(i).Interface())
		}
	}
	return fmt.Sprintf("lengths %d and %d", g.Len(), w.Len())
}

func TestSaveReconciliationOfRefusesAnOlderView(t *testing.T) {
	ctx := t.Context()
	db := openDB(t, tempPath(t))
	unreconciled := func() bool {
		t.Helper()
		u, err := db.Unreconciled(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	if unreconciled() {
		t.Error("an empty database needs no reconciliation")
	}
	if _, err := db.AddDocument(ctx, docA, claimsOfA()); err != nil {
		t.Fatal(err)
	}
	entries, set, err := db.ReconcileClaims(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Another process adds a document while this one reconciles.
	if _, err := db.AddDocument(ctx, docB, claimsOfB()); err != nil {
		t.Fatal(err)
	}
	err = db.SaveReconciliationOf(ctx, reconcile.Reconcile(entries, reconcile.Options{}), set)
	if !errors.Is(err, sqlite.ErrClaimsChanged) {
		t.Fatalf("saving a view without the new document: %v, want ErrClaimsChanged", err)
	}
	if groups, _ := db.Groups(ctx); len(groups) != 0 || !unreconciled() {
		t.Errorf("the refused reconciliation was saved: %d groups", len(groups))
	}

	entries, set, err = db.ReconcileClaims(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SaveReconciliationOf(ctx, reconcile.Reconcile(entries, reconcile.Options{}), set); err != nil {
		t.Fatal(err)
	}
	if unreconciled() {
		t.Error("every claim is reconciled, yet the database says it is not")
	}
}
