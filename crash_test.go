package main

import (
	"bufio"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// killMoments is how many random moments the crash test kills ingest at.
const killMoments = 4

// kill -9 at any moment leaves a sound database holding only whole
// documents, and running the same ingest again stores exactly what a clean
// run stores.
func TestKilledIngestResumes(t *testing.T) {
	corpusDir, want, wantCounts, clean := cleanReference(t)
	rng := rand.New(rand.NewPCG(2026, 7)) // the same moments on every run
	for moment := range killMoments {
		// The first moment falls while the database is made, most often.
		window := clean
		if moment == 0 {
			window = clean / 20
		}
		delay := time.Duration(rng.Int64N(int64(window)))
		t.Run(fmt.Sprintf("after %v", delay.Round(time.Millisecond)), func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "claims.db")
			cmd, _, _ := command(t, "--db", db, "ingest", corpusDir)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(delay)
			killAndWait(t, cmd)
			checkResumes(t, db, corpusDir, want, wantCounts)
		})
	}
	// Every document is stored by the time ingest prints its summary; the
	// reconciliation comes after, and a re-run that adds nothing must still
	// finish it.
	t.Run("while reconciling", func(t *testing.T) {
		db := filepath.Join(t.TempDir(), "claims.db")
		cmd, _, _ := command(t, "--db", db, "ingest", corpusDir)
		cmd.Stdout = nil
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// The summary table ends with its bottom border.
		for lines := bufio.NewScanner(stdout); lines.Scan(); {
			if strings.HasPrefix(lines.Text(), "└") {
				break
			}
		}
		killAndWait(t, cmd)
		if got := storedClaimCounts(t, db); len(got) != len(wantCounts) {
			t.Fatalf("%d documents stored by the summary, want %d", len(got), len(wantCounts))
		}
		checkResumes(t, db, corpusDir, want, wantCounts)
	})
}

// killAndWait sends SIGKILL and reaps the process, noting when it had
// already finished.
func killAndWait(t *testing.T, cmd *exec.Cmd) {
	t.Helper()
	cmd.Process.Kill()
	err := cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || !exit.Sys().(syscall.WaitStatus).Signaled() {
		t.Logf("ingest finished before the kill (%v)", err)
	}
}

// checkResumes checks what a killed ingest left, then runs it again and
// compares the result with the clean run's.
func checkResumes(t *testing.T, db, corpusDir, want string, wantCounts map[string]int) {
	t.Helper()
	got := storedClaimCounts(t, db)
	checkWholeDocuments(t, got, wantCounts)
	t.Logf("%d of %d documents stored when killed", len(got), len(wantCounts))
	mustRunProcess(t, "--db", db, "ingest", corpusDir)
	if export := exportClaims(t, db); export != want {
		t.Errorf("after the re-run, the export differs from a clean run's: %s", firstDifference(want, export))
	}
}

// Ctrl-C finishes the document under way, stops, says how far it got, and
// exits 130.
func TestInterruptedIngestStopsAfterTheCurrentDocument(t *testing.T) {
	corpusDir, _, wantCounts, _ := cleanReference(t)
	db := filepath.Join(t.TempDir(), "claims.db")
	cmd, _, stderr := command(t, "--db", db, "ingest", corpusDir)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitForDocuments(t, db, 10)
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != 130 {
		t.Fatalf("exit %d after Ctrl-C, want 130; stderr:\n%s", code, stderr)
	}
	m := regexp.MustCompile(`(?m)^claimtrack: interrupted after (\d+) of (\d+) documents; everything before is stored$`).
		FindStringSubmatch(stderr.String())
	if m == nil {
		t.Fatalf("stderr does not say how far ingest got:\n%s", stderr)
	}
	done, _ := strconv.Atoi(m[1])
	total, _ := strconv.Atoi(m[2])
	if total != len(wantCounts) || done == 0 || done >= total {
		t.Errorf("interrupted after %d of %d documents, want some of %d", done, total, len(wantCounts))
	}
	t.Logf("interrupted after %d of %d documents", done, total)
	got := storedClaimCounts(t, db)
	if len(got) != done {
		t.Errorf("%d documents stored, but ingest says it finished %d", len(got), done)
	}
	checkWholeDocuments(t, got, wantCounts)
	if !strings.Contains(stderr.String(), "claimtrack: not reconciled after the interruption; run claimtrack reconcile\n") {
		t.Errorf("stderr does not say the database is not reconciled:\n%s", stderr)
	}
}

// waitForDocuments waits until ingest has stored n documents in db.
func waitForDocuments(t *testing.T, path string, n int) {
	t.Helper()
	// Read-only, so as not to create the file before ingest does.
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for deadline := time.Now().Add(processTimeout); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		var stored int
		// Before ingest has made the schema, there is no table to count.
		if db.QueryRowContext(t.Context(), "SELECT count(*) FROM documents").Scan(&stored) == nil && stored >= n {
			return
		}
	}
	t.Fatalf("ingest stored fewer than %d documents in %v", n, processTimeout)
}

// A reconciliation stopped with Ctrl-C at any moment leaves the previous one
// whole: the command says so and exits 130; one that finished before the
// signal leaves its own whole.
func TestInterruptedReconcileKeepsThePreviousOne(t *testing.T) {
	cleanReference(t)
	clean := filepath.Join(built.dir, "clean.db")
	db := filepath.Join(t.TempDir(), "claims.db")
	restore := func() {
		t.Helper()
		raw, err := os.ReadFile(clean)
		if err != nil {
			t.Fatal(err)
		}
		for _, suffix := range []string{"-wal", "-shm"} {
			os.Remove(db + suffix)
		}
		if err := os.WriteFile(db, raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	restore()
	before := reconciliationOf(t, db)
	// Another tolerance gives another reconciliation, so the two can be told apart.
	mustRunProcess(t, "--db", db, "reconcile", "--tolerance", "0.3")
	after := reconciliationOf(t, db)
	if after == before {
		t.Fatal("--tolerance 0.3 reconciles as the default does: the test cannot tell them apart")
	}

	interrupted := 0
	for delay := 5 * time.Millisecond; delay < 2*time.Second && interrupted < 3; delay += 15 * time.Millisecond {
		restore()
		cmd, _, stderr := command(t, "--db", db, "reconcile", "--tolerance", "0.3")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay)
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
		state := reconciliationOf(t, db)
		switch code := cmd.ProcessState.ExitCode(); {
		case code == 0:
			if state != after {
				t.Fatalf("after %v: reconcile finished, but the ledger does not hold its reconciliation", delay)
			}
		case code == 130:
			interrupted++
			if state != before {
				t.Fatalf("after %v: reconcile was interrupted, but the ledger does not hold the previous reconciliation; stderr:\n%s", delay, stderr)
			}
			if !strings.Contains(stderr.String(), "claimtrack: reconcile: interrupted; the ledger keeps its previous reconciliation\n") {
				t.Errorf("after %v: stderr does not say what was kept:\n%s", delay, stderr)
			}
		default:
			// The signal came before the command was listening for it.
			if state != before {
				t.Fatalf("after %v: exit %d and the ledger changed; stderr:\n%s", delay, code, stderr)
			}
		}
	}
	if interrupted == 0 {
		t.Fatal("no reconcile was interrupted half-way: every signal came too early or too late")
	}
}

// reconciliationOf sums up the stored reconciliation: every claim's group and
// series, and every finding with its claims.
func reconciliationOf(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var claims, findings string
	err = db.QueryRowContext(t.Context(), `
		SELECT (SELECT group_concat(id || ':' || coalesce(group_id, '') || ':' || coalesce(series_id, ''), ' ')
		        FROM (SELECT * FROM claims ORDER BY id)),
		       (SELECT group_concat(f.id || ':' || f.summary || ':' ||
		               (SELECT group_concat(claim_id) FROM finding_claims WHERE finding_id = f.id), ' ')
		        FROM (SELECT * FROM findings ORDER BY id) f)`).Scan(&claims, &findings)
	if err != nil {
		t.Fatal(err)
	}
	return claims + "\n" + findings
}
