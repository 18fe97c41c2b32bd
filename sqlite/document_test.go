package sqlite_test

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"claimtrack/claims"
	"claimtrack/sqlite"
)

func TestAddDocumentRoundTrip(t *testing.T) {
	path := tempPath(t)
	db := openDB(t, path)
	for _, add := range []struct {
		doc claims.Document
		cs  []claims.Claim
	}{{docB, claimsOfB()}, {docA, claimsOfA()}} {
		added, err := db.AddDocument(t.Context(), add.doc, add.cs)
		if err != nil {
			t.Fatal(err)
		}
		if !added {
			t.Fatalf("AddDocument(%s) added = false, want true", add.doc.Name)
		}
	}

	docs, err := db.Documents(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if want := []claims.Document{docA, docB}; !reflect.DeepEqual(docs, want) {
		t.Errorf("Documents =\n%+v\nwant\n%+v", docs, want)
	}

	got, err := db.Claims(t.Context(), sqlite.ClaimFilter{})
	if err != nil {
		t.Fatal(err)
	}
	a, b := claimsOfA(), claimsOfB()
	// By document name, then by start offset.
	want := slices.Concat(entries(docA, a[1], a[0]), entries(docB, b...))
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Claims =\n%+v\nwant\n%+v", got, want)
	}

	// Root sources, and the chain names that only spell them differently.
	raw := openRaw(t, path)
	rows, err := raw.QueryContext(t.Context(), `
		SELECT a.alias, s.name FROM source_aliases a JOIN sources s ON s.id = a.source_id ORDER BY a.alias`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var aliases []string
	for rows.Next() {
		var alias, source string
		if err := rows.Scan(&alias, &source); err != nil {
			t.Fatal(err)
		}
		aliases = append(aliases, alias+" → "+source)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	wantAliases := []string{"Pentagon → Pentagon", "Ukrainian intelligence → Ukrainian intelligence", "the  Pentagon → Pentagon"}
	if !slices.Equal(aliases, wantAliases) {
		t.Errorf("aliases = %q, want %q", aliases, wantAliases)
	}
	if n := countRows(t, raw, "sources"); n != 2 {
		t.Errorf("%d sources, want 2", n)
	}
}

func TestAddDocumentSameHash(t *testing.T) {
	db := openDB(t, tempPath(t))
	if _, err := db.AddDocument(t.Context(), docA, claimsOfA()); err != nil {
		t.Fatal(err)
	}

	renamed := docA
	renamed.Name = "copy_of_a.txt"
	added, err := db.AddDocument(t.Context(), renamed, nil)
	if err != nil {
		t.Fatal(err)
	}
	if added {
		t.Error("AddDocument of a stored hash added = true, want false")
	}
	docs, cs, err := db.Counts(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if docs != 1 || cs != 2 {
		t.Errorf("Counts = %d, %d, want 1, 2", docs, cs)
	}
}

func TestAddDocumentFailureLeavesNoTrace(t *testing.T) {
	path := tempPath(t)
	db := openDB(t, path)

	// The second claim reuses the first one's id, after the first is in.
	cs := claimsOfA()
	cs[1].ID = cs[0].ID
	cs[0].Attribution = cs[1].Attribution
	_, err := db.AddDocument(t.Context(), docA, cs)
	if err == nil || !strings.HasPrefix(err.Error(), "add document "+docA.Name+": claim a-2:") {
		t.Fatalf("AddDocument = %v, want a duplicate claim error", err)
	}

	raw := openRaw(t, path)
	for _, table := range []string{"documents", "sentences", "claims", "sources", "source_aliases"} {
		if n := countRows(t, raw, table); n != 0 {
			t.Errorf("%s holds %d rows after a failed add, want 0", table, n)
		}
	}

	// The database is still usable, and the document can be added once fixed.
	added, err := db.AddDocument(t.Context(), docA, claimsOfA())
	if err != nil || !added {
		t.Fatalf("AddDocument after failure = %v, %v, want true, nil", added, err)
	}
}

func TestAddDocumentClaimOfAnotherDocument(t *testing.T) {
	db := openDB(t, tempPath(t))
	_, err := db.AddDocument(t.Context(), docA, claimsOfB())
	if err == nil {
		t.Fatal("AddDocument with claims of another document succeeded")
	}
	docs, _, err := db.Counts(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if docs != 0 {
		t.Errorf("%d documents stored after a failed add, want 0", docs)
	}
}

// One article of a batch that fails is rolled back alone; the rest of the
// batch is stored, and an article met twice in one batch is stored once.
func TestAddDocumentsBatchKeepsTheGoodArticles(t *testing.T) {
	path := tempPath(t)
	db := openDB(t, path)
	bad := claimsOfA()
	bad[1].ID = bad[0].ID
	stored, err := db.AddDocuments(t.Context(), []claims.Article{
		{Document: docA, Claims: bad},
		{Document: docB, Claims: claimsOfB()},
		{Document: docB, Claims: claimsOfB()},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(stored) != 3 {
		t.Fatalf("AddDocuments gave %d results for 3 articles", len(stored))
	}
	if stored[0].Added || stored[0].Err == nil || !strings.HasPrefix(stored[0].Err.Error(), "add document "+docA.Name+": claim a-2:") {
		t.Errorf("first article: %+v, want a duplicate claim error", stored[0])
	}
	if !stored[1].Added || stored[1].Err != nil {
		t.Errorf("second article: %+v, want added", stored[1])
	}
	if stored[2].Added || stored[2].Err != nil {
		t.Errorf("third article, the second again: %+v, want skipped", stored[2])
	}
	got, err := db.Claims(t.Context(), sqlite.ClaimFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ids(got), []string{"b-1", "b-2"}) {
		t.Errorf("stored claims %q, want b-1 b-2", ids(got))
	}
}

// A damage a write meets fails the whole batch as ErrDamaged, which stops an
// ingest: databases too large to check before writing find it so.
func TestAddDocumentsOnADamagedFile(t *testing.T) {
	path := tempPath(t)
	db := openDB(t, path)
	if _, err := db.AddDocument(t.Context(), docA, claimsOfA()); err != nil {
		t.Fatal(err)
	}
	db.Close()
	var root int64
	if err := openRaw(t, path).QueryRowContext(t.Context(),
		`SELECT rootpage FROM sqlite_schema WHERE name = 'documents'`).Scan(&root); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteAt(bytes.Repeat([]byte{0xff}, 4096), (root-1)*4096) // the documents table's first page
	f.Close()
	db, err = sqlite.Open(t.Context(), path)
	if err != nil {
		t.Fatalf("the damage should not fail opening: %v", err)
	}
	defer db.Close()
	doc := docA
	doc.Name, doc.Hash, doc.Text = "other.txt", "other", docA.Text+" More."
	if _, err := db.AddDocuments(t.Context(), []claims.Article{{Document: doc}}); !errors.Is(err, sqlite.ErrDamaged) {
		t.Errorf("AddDocuments = %v, want ErrDamaged", err)
	}
	if err := db.CheckIntegrity(t.Context()); !errors.Is(err, sqlite.ErrDamaged) {
		t.Errorf("CheckIntegrity = %v, want ErrDamaged", err)
	}
}
