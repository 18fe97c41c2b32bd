package sqlite_test

import (
	"errors"
	"fmt"
	"io/fs"
	"reflect"
	"slices"
	"testing"

	"claimtrack/bench/corpus"
	"claimtrack/claims"
	"claimtrack/claims/reader"
	"claimtrack/reconcile"
	"claimtrack/seeds"
	"claimtrack/sqlite"
)

// storeArticles stores the sample articles and the first n of the generated
// corpus as ingest does, and returns how many claims they hold.
func storeArticles(t *testing.T, db *sqlite.DB, n int) int {
	t.Helper()
	rd := reader.NewReader()
	stored := 0
	add := func(name string, raw []byte) {
		doc, _, err := reader.ParseDocument(name, name, raw, reader.ParseOptions{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		found := rd.Read(&doc)
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
func TestEachClaimToReconcileGivesTheSameReconciliation(t *testing.T) {
	db := openDB(t, tempPath(t))
	stored := storeArticles(t, db, 120)
	full, err := db.Claims(t.Context(), sqlite.ClaimFilter{})
	if err != nil {
		t.Fatal(err)
	}
	lean, _ := leanClaims(t, db)
	if len(lean) != stored || len(full) != stored {
		t.Fatalf("loaded %d lean and %d whole claims, stored %d", len(lean), len(full), stored)
	}
	want := reconcile.Reconcile(full, claims.Options{})
	got := reconcile.Reconcile(lean, claims.Options{})
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

// leanClaims collects what EachClaimToReconcile gives, copying what it
// reuses from one claim to the next.
func leanClaims(t *testing.T, db *sqlite.DB) ([]claims.Entry, sqlite.ClaimSet) {
	t.Helper()
	var entries []claims.Entry
	set, err := db.EachClaimToReconcile(t.Context(), func(e *claims.Entry) {
		c := *e
		c.Attribution.Chain = slices.Clone(e.Attribution.Chain)
		for _, p := range []**float64{&c.Value.Low, &c.Value.High} {
			if *p != nil {
				v := **p
				*p = &v
			}
		}
		entries = append(entries, c)
	})
	if err != nil {
		t.Fatal(err)
	}
	return entries, set
}

// reconcileStored reconciles the stored claims as the reconcile command
// does, writing the result as it is worked out.
func reconcileStored(t *testing.T, db *sqlite.DB) error {
	t.Helper()
	rec := reconcile.New(claims.Options{})
	set, err := db.EachClaimToReconcile(t.Context(), rec.Add)
	if err != nil {
		t.Fatal(err)
	}
	return db.ReplaceReconciliation(t.Context(), set, claims.Options{}, rec.Reconcile)
}

// What the reconciler writes as it goes is what it concludes in memory, the
// first time and again over a reconciled ledger, where most claims keep
// their group and series and are not written.
func TestReplaceReconciliationStoresWhatReconcileConcludes(t *testing.T) {
	path := tempPath(t)
	db := openDB(t, path)
	storeArticles(t, db, 60)
	indexes := schemaIndexes(t, path)
	full, err := db.Claims(t.Context(), sqlite.ClaimFilter{})
	if err != nil {
		t.Fatal(err)
	}
	want := reconcile.Reconcile(full, claims.Options{})
	for run := range 2 {
		if err := reconcileStored(t, db); err != nil {
			t.Fatal(err)
		}
		groups, err := db.Groups(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		series, err := db.Series(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		findings, err := db.Findings(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		for _, part := range []struct {
			name      string
			got, want any
		}{{"groups", groups, want.Groups}, {"series", series, want.Series}, {"findings", findings, want.Findings}} {
			if !reflect.DeepEqual(part.got, part.want) {
				t.Errorf("run %d: stored %s differ: first difference %s", run+1, part.name, firstDifference(part.got, part.want))
			}
		}
		// Indexes dropped while writing are built again.
		if after := schemaIndexes(t, path); !slices.Equal(after, indexes) {
			t.Errorf("run %d: indexes after reconciling\n %q\nwant\n %q", run+1, after, indexes)
		}
	}
}

// schemaIndexes lists the database's indexes with their definitions.
func schemaIndexes(t *testing.T, path string) []string {
	t.Helper()
	rows, err := openRaw(t, path).QueryContext(t.Context(),
		"SELECT name || ': ' || coalesce(sql, '') FROM sqlite_schema WHERE type = 'index' ORDER BY name")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var index string
		if err := rows.Scan(&index); err != nil {
			t.Fatal(err)
		}
		out = append(out, index)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) < 10 {
		t.Fatalf("only %d indexes: %q", len(out), out)
	}
	return out
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

func TestReplaceReconciliationRefusesAnOlderView(t *testing.T) {
	ctx := t.Context()
	db := openDB(t, tempPath(t))
	unreconciled := func() bool {
		t.Helper()
		n, err := db.Unreconciled(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return n > 0
	}
	if unreconciled() {
		t.Error("an empty database needs no reconciliation")
	}
	if _, err := db.AddDocument(ctx, docA, claimsOfA()); err != nil {
		t.Fatal(err)
	}
	rec := reconcile.New(claims.Options{})
	set, err := db.EachClaimToReconcile(ctx, rec.Add)
	if err != nil {
		t.Fatal(err)
	}
	// Another process adds a document while this one reconciles.
	if _, err := db.AddDocument(ctx, docB, claimsOfB()); err != nil {
		t.Fatal(err)
	}
	err = db.ReplaceReconciliation(ctx, set, claims.Options{}, rec.Reconcile)
	if !errors.Is(err, sqlite.ErrClaimsChanged) {
		t.Fatalf("saving a view without the new document: %v, want ErrClaimsChanged", err)
	}
	if groups, _ := db.Groups(ctx); len(groups) != 0 || !unreconciled() {
		t.Errorf("the refused reconciliation was saved: %d groups", len(groups))
	}

	if err := reconcileStored(t, db); err != nil {
		t.Fatal(err)
	}
	if unreconciled() {
		t.Error("every claim is reconciled, yet the database says it is not")
	}
}

// An article's names reach the reconciler with each of its claims, as the
// reader found them.
func TestNamesReachTheReconciler(t *testing.T) {
	db := openDB(t, tempPath(t))
	doc, _, err := reader.ParseDocument("flood.txt", "flood.txt", []byte(" date 2023-09-14 "+
		"The toll in Derna rose to 5,300, Libya's interior ministry said. Rescuers in Derna found 200 bodies."), reader.ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	found := reader.NewReader().Read(&doc)
	if _, err := db.AddDocument(t.Context(), doc, found); err != nil {
		t.Fatal(err)
	}
	want := []claims.Name{{Text: "Derna", Count: 2}, {Text: "Libya", Count: 1}}
	if !reflect.DeepEqual(doc.Names, want) {
		t.Fatalf("the reader found names %v, want %v", doc.Names, want)
	}
	check := func(how string, e *claims.Entry) {
		if !reflect.DeepEqual(e.Names, want) {
			t.Errorf("%s: claim %s has names %v, want %v", how, e.ID, e.Names, want)
		}
	}
	n := 0
	if _, err := db.EachClaimToReconcile(t.Context(), func(e *claims.Entry) { check("to reconcile", e); n++ }); err != nil {
		t.Fatal(err)
	}
	all, err := db.Claims(t.Context(), sqlite.ClaimFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range all {
		check("listed", &all[i])
	}
	if n != 2 || len(all) != 2 {
		t.Errorf("%d claims to reconcile, %d listed; want 2", n, len(all))
	}
}
