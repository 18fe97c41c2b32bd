// Package sqlite keeps claimtrack's ledger of documents and claims in a SQLite
// database.
package sqlite

import (
	"cmp"
	"context"
	"crypto/sha256"
	"database/sql"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"time"

	"github.com/mattn/go-sqlite3"
	"golang.org/x/sys/unix"

	"claimtrack/claims"
)

// memoryPath opens a private in-memory database instead of a file.
const memoryPath = ":memory:"

// DB is an open claimtrack database.
type DB struct {
	db       *sql.DB
	inMemory bool
	readOnly bool
}

// InMemory reports a database opened at ":memory:", which has a single
// connection: nothing can read it while a transaction writes.
func (db *DB) InMemory() bool { return db.inMemory }

var _ claims.Store = (*DB)(nil)

// Open opens the database at path, or an in-memory one for ":memory:",
// creating it if needed and bringing its schema up to date. A database that
// cannot be written (on a read-only file system, or a file without write
// permission) is opened read-only: ReadOnly reports it, and writing fails.
func Open(ctx context.Context, path string) (*DB, error) {
	if path != memoryPath {
		// A file the user may not write: SQLite would open it for writing
		// and fall back to reading quietly, so that ReadOnly could not tell.
		if _, err := os.Stat(path); err == nil && unix.Access(path, unix.W_OK) != nil {
			return openReadOnly(ctx, path, nil)
		}
	}
	db, err := open(ctx, path, dataSourceName(path), false)
	if err == nil || path == memoryPath || !cannotWrite(err) {
		return db, err
	}
	if _, statErr := os.Stat(path); statErr != nil {
		return nil, fmt.Errorf("open %s: cannot create the database: its folder cannot be written (a read-only file system?)", path)
	}
	return openReadOnly(ctx, path, err)
}

// openReadOnly opens a database claimtrack may read but not write. SQLite
// opens a WAL database read-only when it can make or find its -shm file; in
// a folder that cannot be written (a read-only file system) it cannot, and
// the file must be taken as one nothing changes (immutable), which nothing
// can there. cause is why it could not be opened to write, if known.
func openReadOnly(ctx context.Context, path string, cause error) (*DB, error) {
	extras := []string{""}
	if unix.Access(filepath.Dir(path), unix.W_OK) != nil {
		extras = append(extras, "&immutable=1")
	}
	var err error
	for _, extra := range extras {
		var ro *DB
		if ro, err = open(ctx, path, readOnlySourceName(path)+extra, true); err == nil {
			return ro, nil
		}
		if !cannotWrite(err) {
			return nil, err
		}
	}
	return nil, fmt.Errorf("open %s: %w", path, cmp.Or(cause, err))
}

func open(ctx context.Context, path, dsn string, readOnly bool) (*DB, error) {
	sqlDB, err := sql.Open("sqlite3", dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if path == memoryPath {
		// Every connection to :memory: gets a database of its own; one
		// connection makes them all the same.
		sqlDB.SetMaxOpenConns(1)
	}

	db := &DB{db: sqlDB, inMemory: path == memoryPath, readOnly: readOnly}
	// Each migration is a transaction that checks whether it is still due,
	// so a migration that met a busy database can simply run again.
	if err := retryBusy(ctx, func() error { return db.migrate(ctx) }); err != nil {
		sqlDB.Close()
		var sqliteErr sqlite3.Error
		if errors.As(err, &sqliteErr) && sqliteErr.Code == sqlite3.ErrNotADB {
			return nil, fmt.Errorf("open %s: not a claimtrack database (%w)", path, sqliteErr)
		}
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return db, nil
}

// cannotWrite reports an error that comes of a file or folder claimtrack may
// read but not write.
func cannotWrite(err error) bool {
	var sqliteErr sqlite3.Error
	if !errors.As(err, &sqliteErr) {
		return false
	}
	switch sqliteErr.Code {
	case sqlite3.ErrCantOpen, sqlite3.ErrReadonly, sqlite3.ErrPerm:
		return true
	}
	return false
}

// ErrDamaged marks an error that comes of a damaged database file.
var ErrDamaged = errors.New("the database file is damaged")

// Damaged wraps err as ErrDamaged when SQLite found the file damaged.
func damaged(err error) error {
	var sqliteErr sqlite3.Error
	if errors.As(err, &sqliteErr) && sqliteErr.Code == sqlite3.ErrCorrupt {
		return fmt.Errorf("%w (%w)", ErrDamaged, err)
	}
	return err
}

// CheckIntegrity reads every page of the database, as SQLite's quick_check
// does, and returns ErrDamaged with the first problem it finds: a command
// that writes can refuse a damaged file before it writes more into it.
func (db *DB) CheckIntegrity(ctx context.Context) error {
	var result string
	err := db.db.QueryRowContext(ctx, `PRAGMA quick_check(1)`).Scan(&result)
	if err != nil {
		return damaged(fmt.Errorf("check the database: %w", err))
	}
	if result != "ok" {
		return fmt.Errorf("%w: %s", ErrDamaged, result)
	}
	return nil
}

// ReadOnly reports a database opened read-only, as it could not be written.
func (db *DB) ReadOnly() bool { return db.readOnly }

// Close closes the database.
func (db *DB) Close() error {
	return db.db.Close()
}

// dataSourceName builds a SQLite URI for path with the connection settings
// every claimtrack connection uses. As a URI, a path may hold '?' or '#'.
func dataSourceName(path string) string {
	params := url.Values{
		"_foreign_keys": {"on"},
		"_busy_timeout": {"10000"},
		// Writers take the lock when they begin, so two writers wait for
		// each other instead of failing on upgrade from a read lock.
		"_txlock": {"immediate"},
	}
	if path != memoryPath {
		params.Set("_journal_mode", "WAL")
		// In WAL mode NORMAL stays consistent after any crash; only a power
		// cut can lose the last commits. FULL syncs every document's commit.
		params.Set("_synchronous", "NORMAL")
	}
	u := url.URL{Scheme: "file", OmitHost: true, Path: path, RawQuery: params.Encode()}
	return u.String()
}

// readOnlySourceName is dataSourceName for a database that cannot be
// written: its journal mode is left as the file has it.
func readOnlySourceName(path string) string {
	params := url.Values{"_foreign_keys": {"on"}, "_busy_timeout": {"10000"}, "mode": {"ro"}}
	u := url.URL{Scheme: "file", OmitHost: true, Path: path, RawQuery: params.Encode()}
	return u.String()
}

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one schema change, from migrations/NNN_name.sql.
type migration struct {
	version  int
	name     string
	sql      string
	checksum string // SHA-256 of sql, hex
}

func (m migration) String() string { return fmt.Sprintf("%03d_%s", m.version, m.name) }

var migrationName = regexp.MustCompile(`^(\d+)_(\w+)\.sql$`)

// loadMigrations reads the embedded migrations in version order.
func loadMigrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, err
	}
	var migrations []migration
	for _, entry := range entries {
		match := migrationName.FindStringSubmatch(entry.Name())
		if match == nil {
			return nil, fmt.Errorf("migration %s: name is not NNN_name.sql", entry.Name())
		}
		version, err := strconv.Atoi(match[1])
		if err != nil {
			return nil, fmt.Errorf("migration %s: %w", entry.Name(), err)
		}
		body, err := migrationFiles.ReadFile("migrations/" + entry.Name())
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(body)
		migrations = append(migrations, migration{version: version, name: match[2], sql: string(body), checksum: hex.EncodeToString(sum[:])})
	}
	if len(migrations) == 0 {
		return nil, errors.New("no migrations embedded")
	}
	slices.SortFunc(migrations, func(a, b migration) int { return a.version - b.version })
	for i := 1; i < len(migrations); i++ {
		if migrations[i].version == migrations[i-1].version {
			return nil, fmt.Errorf("migration version %d is used twice", migrations[i].version)
		}
	}
	return migrations, nil
}

// migrate applies the embedded migrations the database has not had yet.
func (db *DB) migrate(ctx context.Context) error {
	migrations, err := loadMigrations()
	if err != nil {
		return err
	}
	current, err := db.schemaVersion(ctx)
	if err != nil {
		return err
	}
	newest := migrations[len(migrations)-1].version
	if current > newest {
		return fmt.Errorf("database schema version %d is newer than this claimtrack supports (%d): a newer claimtrack wrote it", current, newest)
	}
	if db.readOnly && current < newest {
		return fmt.Errorf("the database is read-only and has schema version %d, which this claimtrack must bring to %d: open it once where it can be written", current, newest)
	}
	for _, m := range migrations {
		if m.version <= current {
			continue
		}
		if err := db.applyMigration(ctx, m); err != nil {
			return fmt.Errorf("migration %s: %w", m, err)
		}
	}
	return db.checkMigrations(ctx, migrations)
}

// checksumsSince is the first migration that records its checksum.
const checksumsSince = 8

// checkMigrations compares each migration the ledger applied with the text
// this build holds. A migration edited after a ledger applied it would leave
// that ledger with another schema than the build expects, and every command
// would fail later on a missing column; this says so on opening, once.
// Migrations applied before checksums were recorded are checked against the
// schema they should have made, and then given their checksum.
func (db *DB) checkMigrations(ctx context.Context, migrations []migration) error {
	byVersion := map[int]migration{}
	for _, m := range migrations {
		byVersion[m.version] = m
	}
	rows, err := db.db.QueryContext(ctx, `SELECT version, coalesce(checksum, '') FROM schema_migrations ORDER BY version`)
	if err != nil {
		return fmt.Errorf("read migrations: %w", err)
	}
	var unchecked []int
	for rows.Next() {
		var version int
		var checksum string
		if err := rows.Scan(&version, &checksum); err != nil {
			rows.Close()
			return fmt.Errorf("read migrations: %w", err)
		}
		m, ok := byVersion[version]
		switch {
		case !ok:
			rows.Close()
			return fmt.Errorf("the ledger records migration %d, which this claimtrack does not have: a development build wrote it; ingest its articles into a new database", version)
		case checksum == "":
			unchecked = append(unchecked, version)
		case checksum != m.checksum:
			rows.Close()
			return fmt.Errorf("migration %s reads differently from when this ledger applied it (a development build changed it): ingest the ledger's articles into a new database", m)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read migrations: %w", err)
	}
	if len(unchecked) == 0 {
		return nil
	}
	if err := db.checkSchema(ctx, migrations); err != nil {
		return err
	}
	if db.readOnly {
		return nil // checked; the checksums are recorded where it can be written
	}
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, version := range unchecked {
		if _, err := tx.ExecContext(ctx, `UPDATE schema_migrations SET checksum = ? WHERE version = ? AND checksum IS NULL`,
			byVersion[version].checksum, version); err != nil {
			return fmt.Errorf("record migration checksums: %w", err)
		}
	}
	return tx.Commit()
}

// checkSchema compares the ledger's tables and columns with those the
// embedded migrations make in a new database.
func (db *DB) checkSchema(ctx context.Context, migrations []migration) error {
	fresh, err := sql.Open("sqlite3", dataSourceName(memoryPath))
	if err != nil {
		return err
	}
	defer fresh.Close()
	fresh.SetMaxOpenConns(1)
	if _, err := fresh.ExecContext(ctx, createMigrationsTable); err != nil {
		return err
	}
	for _, m := range migrations {
		if _, err := fresh.ExecContext(ctx, m.sql); err != nil {
			return fmt.Errorf("migration %s on a new database: %w", m, err)
		}
	}
	want, err := tableColumns(ctx, fresh)
	if err != nil {
		return err
	}
	got, err := tableColumns(ctx, db.db)
	if err != nil {
		return err
	}
	for table, columns := range want {
		for _, column := range columns {
			if !slices.Contains(got[table], column) {
				return fmt.Errorf("the ledger's table %s has no column %s, which this claimtrack's migrations make: a development build wrote it; ingest its articles into a new database", table, column)
			}
		}
	}
	return nil
}

// tableColumns lists the columns of every table of a database.
func tableColumns(ctx context.Context, conn *sql.DB) (map[string][]string, error) {
	rows, err := conn.QueryContext(ctx, `
		SELECT t.name, c.name FROM sqlite_schema AS t, pragma_table_info(t.name) AS c
		WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite_%' AND t.name <> 'schema_migrations'`)
	if err != nil {
		return nil, fmt.Errorf("read schema: %w", err)
	}
	defer rows.Close()
	columns := map[string][]string{}
	for rows.Next() {
		var table, column string
		if err := rows.Scan(&table, &column); err != nil {
			return nil, fmt.Errorf("read schema: %w", err)
		}
		columns[table] = append(columns[table], column)
	}
	return columns, rows.Err()
}

// schemaVersion reports the newest migration the database records, 0 for an
// empty database. A database that holds tables of its own but no migration
// record belongs to something else, and is left alone.
func (db *DB) schemaVersion(ctx context.Context) (int, error) {
	var tracked, empty bool
	err := db.db.QueryRowContext(ctx, `
		SELECT
			EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'),
			NOT EXISTS (SELECT 1 FROM sqlite_schema)`,
	).Scan(&tracked, &empty)
	if err != nil {
		return 0, fmt.Errorf("read schema: %w", err)
	}
	switch {
	case tracked:
		var version int
		err := db.db.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&version)
		if err != nil {
			return 0, fmt.Errorf("read schema version: %w", err)
		}
		return version, nil
	case empty:
		return 0, nil
	default:
		return 0, errors.New("not a claimtrack database (it holds tables but no schema_migrations)")
	}
}

// createMigrationsTable makes the table of applied migrations as the first
// migration found it; migration 008 adds its checksum column.
const createMigrationsTable = `
	CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at TEXT NOT NULL
	)`

// applyMigration runs m and records it in one transaction, so a migration
// that fails leaves the schema as it was.
func (db *DB) applyMigration(ctx context.Context, m migration) error {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()

	if _, err := tx.ExecContext(ctx, createMigrationsTable); err != nil {
		return err
	}
	// Another process opening the same file may have applied it since we looked.
	var applied bool
	err = tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = ?)`, m.version).Scan(&applied)
	if err != nil {
		return err
	}
	if applied {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
		m.version, m.name, time.Now().UTC().Format(time.RFC3339),
	); err != nil {
		return err
	}
	if m.version >= checksumsSince {
		if _, err := tx.ExecContext(ctx, `UPDATE schema_migrations SET checksum = ? WHERE version = ?`, m.checksum, m.version); err != nil {
			return err
		}
	}
	return tx.Commit()
}
