package sqlite_test

import (
	"bytes"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/mattn/go-sqlite3"

	"claimtrack/claims"
	"claimtrack/sqlite"
)

func TestOpenRecordsMigrations(t *testing.T) {
	path := tempPath(t)
	first, err := sqlite.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}

	type record struct{ version, name, appliedAt string }
	read := func() []record {
		rows, err := openRaw(t, path).QueryContext(t.Context(),
			`SELECT version, name, applied_at FROM schema_migrations ORDER BY version`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var records []record
		for rows.Next() {
			var r record
			if err := rows.Scan(&r.version, &r.name, &r.appliedAt); err != nil {
				t.Fatal(err)
			}
			records = append(records, r)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		return records
	}

	before := read()
	if len(before) == 0 || before[0].version != "1" || before[0].name != "initial" {
		t.Fatalf("schema_migrations = %v, want 1 initial first", before)
	}

	// Reopening applies nothing again.
	openDB(t, path)
	after := read()
	if len(after) != len(before) {
		t.Fatalf("after reopen schema_migrations = %v, want %v", after, before)
	}
	for i := range before {
		if after[i] != before[i] {
			t.Errorf("after reopen migration %d = %v, want %v", i, after[i], before[i])
		}
	}
}

func TestOpenNewerSchema(t *testing.T) {
	path := tempPath(t)
	db, err := sqlite.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := openRaw(t, path).ExecContext(t.Context(),
		`INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', '2099-01-01T00:00:00Z')`,
	); err != nil {
		t.Fatal(err)
	}

	_, err = sqlite.Open(t.Context(), path)
	if err == nil || !strings.Contains(err.Error(), "database schema version 999 is newer than this claimtrack supports (") {
		t.Fatalf("Open = %v, want newer-schema error", err)
	}
}

func TestOpenNotADatabase(t *testing.T) {
	path := tempPath(t)
	garbage := bytes.Repeat([]byte("this is not sqlite\n"), 512)
	if err := os.WriteFile(path, garbage, 0o644); err != nil {
		t.Fatal(err)
	}

	_, err := sqlite.Open(t.Context(), path)
	if err == nil || !strings.Contains(err.Error(), "not a claimtrack database (file is not a database)") {
		t.Fatalf("Open = %v, want not-a-database error", err)
	}
	var sqliteErr sqlite3.Error
	if !errors.As(err, &sqliteErr) || sqliteErr.Code != sqlite3.ErrNotADB {
		t.Errorf("Open error %v does not wrap SQLITE_NOTADB", err)
	}

	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(after, garbage) {
		t.Error("Open changed the file")
	}
}

func TestOpenOtherDatabase(t *testing.T) {
	path := tempPath(t)
	raw := openRaw(t, path)
	if _, err := raw.ExecContext(t.Context(), `CREATE TABLE recipes (name TEXT)`); err != nil {
		t.Fatal(err)
	}

	_, err := sqlite.Open(t.Context(), path)
	if err == nil || !strings.Contains(err.Error(), "not a claimtrack database") {
		t.Fatalf("Open = %v, want not-a-claimtrack-database error", err)
	}
	if n := countRows(t, raw, `sqlite_schema WHERE name <> 'recipes'`); n != 0 {
		t.Errorf("Open added %d schema objects to another program's database", n)
	}
}

func TestOpenMemory(t *testing.T) {
	db := openDB(t, ":memory:")
	if _, err := db.AddDocument(t.Context(), docA, claimsOfA()); err != nil {
		t.Fatal(err)
	}

	// Each call may take a different pooled connection; all must see the document.
	for range 3 {
		docs, cs, err := db.Counts(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		if docs != 1 || cs != 2 {
			t.Fatalf("Counts = %d, %d, want 1, 2", docs, cs)
		}
	}
}

func TestOpenUsesWAL(t *testing.T) {
	path := tempPath(t)
	openDB(t, path)
	var mode string
	if err := openRaw(t, path).QueryRowContext(t.Context(), `PRAGMA journal_mode`).Scan(&mode); err != nil {
		t.Fatal(err)
	}
	if mode != "wal" {
		t.Errorf("journal_mode = %q, want wal", mode)
	}
}

// A ledger written before sentences were stored apart (schema version 3)
// keeps its claims, their sentences and attributions, and its search.
// applyMigrations brings a raw database to an older schema: the migration
// files given, in order, recorded as claimtrack records them.
func applyMigrations(t *testing.T, raw *sql.DB, files ...string) {
	t.Helper()
	for version, file := range files {
		body, err := os.ReadFile(filepath.Join("migrations", file))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := raw.ExecContext(t.Context(), string(body)); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if _, err := raw.ExecContext(t.Context(), `
			CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
			INSERT INTO schema_migrations VALUES (?, ?, '2026-11-21T00:00:00Z')`, version+1, file); err != nil {
			t.Fatal(err)
		}
	}
}

// Migration 005 rebuilds the findings tables; a ledger's findings survive it.
func TestOpenKeepsTheFindingsOfAnOlderLedger(t *testing.T) {
	path := tempPath(t)
	raw := openRaw(t, path)
	applyMigrations(t, raw, "001_initial.sql", "002_reconciliation.sql", "003_events.sql", "004_sentences.sql")
	if _, err := raw.ExecContext(t.Context(), `
		INSERT INTO groups VALUES ('g1', 'troops');
		INSERT INTO series VALUES ('s1', 'g1', 'troops · sent', 'conflict');
		INSERT INTO findings VALUES
			('f2', 'conflict', 'g1', 's1', 2, 'conflict: A said 1,000; B said 3,000'),
			('f1', 'corroboration', 'g1', 's1', 2, 'corroboration: 2 independent sources agree');
		INSERT INTO finding_claims VALUES ('f2', 0, 'c-1'), ('f2', 1, 'c-2'), ('f1', 1, 'c-3'), ('f1', 0, 'c-1');`); err != nil {
		t.Fatal(err)
	}
	raw.Close()

	db := openDB(t, path)
	got, err := db.Findings(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	want := []claims.Finding{
		{ID: "f1", Type: "corroboration", Group: "g1", Series: "s1", Claims: []string{"c-1", "c-3"}, IndependentSources: 2,
			Summary: "corroboration: 2 independent sources agree"},
		{ID: "f2", Type: "conflict", Group: "g1", Series: "s1", Claims: []string{"c-1", "c-2"}, IndependentSources: 2,
			Summary: "conflict: A said 1,000; B said 3,000"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("findings after the migration:\n got  %+v\n want %+v", got, want)
	}
	of, err := db.FindingsOf(t.Context(), "c-2")
	if err != nil {
		t.Fatal(err)
	}
	if len(of) != 1 || of[0].ID != "f2" {
		t.Errorf("findings of c-2: %+v, want f2 only", of)
	}
}

func TestOpenMigratesSentencesOfAnOlderLedger(t *testing.T) {
	path := tempPath(t)
	raw := openRaw(t, path)
	applyMigrations(t, raw, "001_initial.sql", "002_reconciliation.sql", "003_events.sql")
	if _, err := raw.ExecContext(t.Context(), `
		INSERT INTO documents (id, name, path, hash, text, ingested_at) VALUES (1, 'a.txt', 'a.txt', 'h', '', '');
		INSERT INTO claims (id, document_id, kind, start_offset, end_offset, sentence, text, subject) VALUES
			('c-1', 1, 'count', 0, 5, 'About 1,000 troops and 50 tanks crossed.', '1,000 troops', 'troops'),
			('c-2', 1, 'count', 20, 28, 'About 1,000 troops and 50 tanks crossed.', '50 tanks', 'tanks'),
			('c-3', 1, 'count', 50, 60, 'Three shells fell.', 'Three shells', '');
		INSERT INTO claim_attributions VALUES ('c-1', 1, 'the spy agency'), ('c-1', 0, 'Reuters');`); err != nil {
		t.Fatal(err)
	}
	raw.Close()

	db := openDB(t, path)
	got, err := db.Claims(t.Context(), sqlite.ClaimFilter{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"c-1": "About 1,000 troops and 50 tanks crossed.",
		"c-2": "About 1,000 troops and 50 tanks crossed.",
		"c-3": "Three shells fell.",
	}
	if len(got) != len(want) {
		t.Fatalf("%d claims after the migration, want %d", len(got), len(want))
	}
	for _, e := range got {
		if e.Sentence != want[e.ID] {
			t.Errorf("claim %s: sentence %q, want %q", e.ID, e.Sentence, want[e.ID])
		}
		wantChain := map[string][]string{"c-1": {"Reuters", "the spy agency"}}[e.ID]
		if !slices.Equal(e.Attribution.Chain, wantChain) {
			t.Errorf("claim %s: attribution %q, want %q", e.ID, e.Attribution.Chain, wantChain)
		}
	}
	for query, ids := range map[string]int{"crossed": 2, "subject:tanks": 2, "shells": 1, "subject:shells": 0} {
		found, err := db.Claims(t.Context(), sqlite.ClaimFilter{Search: query})
		if err != nil {
			t.Fatal(err)
		}
		if len(found) != ids {
			t.Errorf("search %q found %d claims, want %d", query, len(found), ids)
		}
	}
	if n := countRows(t, openRaw(t, path), "sentences"); n != 2 {
		t.Errorf("%d sentences stored, want 2", n)
	}
}

// migrationFilesBefore are the migration files older than version, in order.
func migrationFilesBefore(t *testing.T, version int) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("migrations", "*.sql"))
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, p := range paths {
		if n, _ := strconv.Atoi(filepath.Base(p)[:3]); n < version {
			files = append(files, filepath.Base(p))
		}
	}
	return files
}

func TestOpenRecognizesAnEditedMigration(t *testing.T) {
	path := tempPath(t)
	openDB(t, path)
	if _, err := openRaw(t, path).ExecContext(t.Context(),
		`UPDATE schema_migrations SET checksum = 'an older text' WHERE version = 8`); err != nil {
		t.Fatal(err)
	}
	_, err := sqlite.Open(t.Context(), path)
	if err == nil || !strings.Contains(err.Error(), "migration 008_migration_checksums reads differently from when this ledger applied it") {
		t.Fatalf("Open = %v", err)
	}
}

// A ledger from before checksums were recorded is checked against the
// schema its migrations make, once, and its migrations get their checksums.
func TestOpenChecksAnOlderLedger(t *testing.T) {
	path := tempPath(t)
	applyMigrations(t, openRaw(t, path), migrationFilesBefore(t, 8)...)
	openDB(t, path)
	var unchecked int
	if err := openRaw(t, path).QueryRowContext(t.Context(),
		`SELECT count(*) FROM schema_migrations WHERE checksum IS NULL OR length(checksum) <> 64`).Scan(&unchecked); err != nil || unchecked != 0 {
		t.Errorf("%d migrations without a checksum (%v)", unchecked, err)
	}
}

// A ledger written while migration 004 read differently lacks a column the
// build expects: it is named on opening, not on the first query.
func TestOpenNamesAColumnAnOlderMigrationDidNotMake(t *testing.T) {
	path := tempPath(t)
	raw := openRaw(t, path)
	applyMigrations(t, raw, migrationFilesBefore(t, 8)...)
	if _, err := raw.ExecContext(t.Context(), `ALTER TABLE claims DROP COLUMN attribution`); err != nil {
		t.Fatal(err)
	}
	_, err := sqlite.Open(t.Context(), path)
	if err == nil || !strings.Contains(err.Error(), "the ledger's table claims has no column attribution") {
		t.Fatalf("Open = %v", err)
	}
}
