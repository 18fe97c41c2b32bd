package main

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"claimtrack/bench/corpus"
)

// The crash and concurrency tests run claimtrack as a real process, to kill
// it, interrupt it, or run two at once; it is built once per test run.
var built struct {
	once      sync.Once
	dir, path string
	err       error
}

// testToday is the day the tests run on, whatever the machine's clock says.
var testToday = time.Date(2026, time.December, 7, 12, 0, 0, 0, time.UTC)

func TestMain(m *testing.M) {
	clock = func() time.Time { return testToday }
	code := m.Run()
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	os.Exit(code)
}

// claimtrackBinary builds the command, or skips the test under -short.
func claimtrackBinary(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("runs claimtrack as a subprocess; skipped with -short")
	}
	built.once.Do(func() {
		if built.dir, built.err = os.MkdirTemp("", "claimtrack-test-"); built.err != nil {
			return
		}
		built.path = filepath.Join(built.dir, "claimtrack")
		out, err := exec.Command("go", "build", "-o", built.path, ".").CombinedOutput()
		if err != nil {
			built.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.path
}

// processTimeout bounds every subprocess, so that a hung ingest fails its
// test instead of stalling the run.
const processTimeout = time.Minute

// command prepares claimtrack with args, its output going to buffers.
func command(t *testing.T, args ...string) (cmd *exec.Cmd, stdout, stderr *bytes.Buffer) {
	t.Helper()
	cmd = exec.CommandContext(t.Context(), claimtrackBinary(t), args...)
	stdout, stderr = new(bytes.Buffer), new(bytes.Buffer)
	cmd.Stdout, cmd.Stderr = stdout, stderr
	cmd.WaitDelay = time.Second
	return cmd, stdout, stderr
}

// runProcess runs claimtrack to the end and returns its output and exit code.
func runProcess(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return runPrepared(t, args, nil)
}

// nobody is the user the permission tests run claimtrack as: root may
// read and write anything, so only another user meets a permission.
const nobody = 65534

// runAsNobody runs claimtrack as the user nobody to the end and returns its
// output and exit code; the test must give that user the files it needs.
func runAsNobody(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	if os.Getuid() != 0 {
		t.Skip("needs root, to run claimtrack as another user")
	}
	return runPrepared(t, args, &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}})
}

// runPrepared runs claimtrack with args and the process attributes attr, if
// any, to the end or processTimeout, and returns its output and exit code.
func runPrepared(t *testing.T, args []string, attr *syscall.SysProcAttr) (stdout, stderr string, code int) {
	t.Helper()
	cmd, out, errOut := command(t, args...)
	cmd.SysProcAttr = attr
	timer := time.AfterFunc(processTimeout, func() { cmd.Process.Kill() })
	defer timer.Stop()
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatalf("claimtrack %v: %v", args, err)
	}
	return out.String(), errOut.String(), code
}

// mustRunProcess runs claimtrack and fails the test unless it exits 0.
func mustRunProcess(t *testing.T, args ...string) string {
	t.Helper()
	stdout, stderr, code := runProcess(t, args...)
	if code != 0 {
		t.Fatalf("claimtrack %v: exit %d:\n%s", args, code, stderr)
	}
	return stdout
}

// exportClaims is the database's claims as JSON Lines, the bytes a user
// would compare.
func exportClaims(t *testing.T, db string) string {
	t.Helper()
	return mustRunProcess(t, "--db", db, "export", "--format", "jsonl", "claims")
}

// writeArticles writes articles [from, to) of the benchmark corpus into dir,
// one file each.
func writeArticles(t *testing.T, dir string, from, to int) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for a := range corpus.Articles(1, corpus.Size(math.MaxInt64)) {
		if a.Index >= to {
			break
		}
		if a.Index >= from {
			if err := os.WriteFile(filepath.Join(dir, a.Name()), []byte(a.Text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// The shared corpus: three folders of generated articles, and what one
// clean ingest of all of them stores.
const corpusParts, articlesPerPart = 3, 70

var reference struct {
	once     sync.Once
	dir      string // holds the folders a, b and c
	export   string
	counts   map[string]int
	duration time.Duration
	failed   string
}

// cleanReference writes the shared corpus and ingests it once into a fresh
// database, for the tests to compare their databases with.
func cleanReference(t *testing.T) (dir, export string, counts map[string]int, duration time.Duration) {
	t.Helper()
	claimtrackBinary(t)
	r := &reference
	r.once.Do(func() {
		// Cleared at the end: a t.Fatal on the way must fail later tests too.
		r.failed = "making the clean reference failed"
		// In the build folder: the reference outlives the test that made it.
		r.dir = filepath.Join(built.dir, "corpus")
		for part := range corpusParts {
			writeArticles(t, corpusPart(r.dir, part), part*articlesPerPart, (part+1)*articlesPerPart)
		}
		db := filepath.Join(built.dir, "clean.db")
		start := time.Now()
		mustRunProcess(t, "--db", db, "ingest", r.dir)
		r.duration = time.Since(start)
		r.export = exportClaims(t, db)
		r.counts = storedClaimCounts(t, db)
		r.failed = ""
	})
	if r.failed != "" {
		t.Fatal(r.failed)
	}
	return r.dir, r.export, r.counts, r.duration
}

// corpusPart names folder a, b or c of the shared corpus.
func corpusPart(dir string, part int) string {
	return filepath.Join(dir, string(rune('a'+part)))
}

// storedClaimCounts checks the database's integrity and returns how many
// claims each stored document holds, by document name.
func storedClaimCounts(t *testing.T, path string) map[string]int {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var integrity string
	if err := db.QueryRowContext(t.Context(), "PRAGMA integrity_check").Scan(&integrity); err != nil {
		t.Fatalf("%s: integrity check: %v", path, err)
	}
	if integrity != "ok" {
		t.Fatalf("%s: integrity check: %s", path, integrity)
	}
	// Killed before the migration that makes it, a database has no
	// documents table yet, and holds no documents.
	var tables int
	if err := db.QueryRowContext(t.Context(),
		"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'documents'").Scan(&tables); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if tables == 0 {
		return map[string]int{}
	}
	rows, err := db.QueryContext(t.Context(), `
		SELECT d.name, count(c.seq) FROM documents d LEFT JOIN claims c ON c.document_id = d.id GROUP BY d.id`)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	defer rows.Close()
	counts := map[string]int{}
	for rows.Next() {
		var name string
		var n int
		if err := rows.Scan(&name, &n); err != nil {
			t.Fatal(err)
		}
		if _, twice := counts[name]; twice {
			t.Errorf("%s: document %s is stored twice", path, name)
		}
		counts[name] = n
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return counts
}

// checkWholeDocuments fails the test for a stored document whose claims are
// not all there, or that the clean run does not store.
func checkWholeDocuments(t *testing.T, got, want map[string]int) {
	t.Helper()
	for name, n := range got {
		if full, ok := want[name]; !ok {
			t.Errorf("document %s is stored but the clean run has no such document", name)
		} else if n != full {
			t.Errorf("document %s is stored with %d of its %d claims", name, n, full)
		}
	}
}

// ingestSummary reads the counts of ingest's summary table.
func ingestSummary(t *testing.T, stdout string) (documents, added, skipped, failed int) {
	t.Helper()
	counts := summaryCounts(t, stdout)
	return counts["Documents"], counts["Added"], counts["Skipped (already stored)"], counts["Failed"]
}

// summaryCounts reads the first table of an ingest's output: its counts by
// column header.
func summaryCounts(t *testing.T, stdout string) map[string]int {
	t.Helper()
	var rows [][]string
	for _, line := range strings.Split(stdout, "\n") {
		if strings.HasPrefix(line, "└") && len(rows) > 0 {
			break
		}
		if !strings.HasPrefix(line, "│") {
			continue
		}
		var cells []string
		for _, cell := range strings.Split(strings.Trim(line, "│"), "│") {
			cells = append(cells, strings.TrimSpace(cell))
		}
		rows = append(rows, cells)
	}
	if len(rows) != 2 {
		t.Fatalf("no ingest summary in:\n%s", stdout)
	}
	counts := map[string]int{}
	for i, header := range rows[0] {
		n, err := strconv.Atoi(rows[1][i])
		if err != nil {
			t.Fatalf("ingest summary: %s is %q", header, rows[1][i])
		}
		counts[header] = n
	}
	return counts
}
