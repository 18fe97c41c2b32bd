package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The tolerance a reconcile was given is saved with its reconciliation:
// audit and timeline show an approximate figure at it, and the reconcile
// that ends the next ingest keeps it.
func TestToleranceTravelsWithTheReconciliation(t *testing.T) {
	if _, err := os.Stat(devCorpus); err != nil {
		t.Skipf("%s not found: the shared folder is not beside the repository", devCorpus)
	}
	db := filepath.Join(t.TempDir(), "claims.db")
	if _, errOut, code := runCLI(t, "", "--db", db, "ingest", devCorpus); code != 0 {
		t.Fatalf("ingest: %s", errOut)
	}
	id, value := firstApproximate(t, db)
	shows := func(when, want string) {
		t.Helper()
		audit, errOut, code := runCLI(t, "", "--db", db, "audit", id)
		if code != 0 {
			t.Fatalf("audit %s: %s", id, errOut)
		}
		if !strings.Contains(audit, "standing for "+want) {
			t.Errorf("%s: the audit of ~%s does not show it standing for %s:\n%s", when, value, want, audit)
		}
		timeline, errOut, code := runCLI(t, "", "--db", db, "timeline", id)
		if code != 0 {
			t.Fatalf("timeline %s: %s", id, errOut)
		}
		if !strings.Contains(timeline, want) {
			t.Errorf("%s: the timeline of ~%s does not show %s:\n%s", when, value, want, timeline)
		}
	}
	shows("after the default reconcile", "9,900–12,100")

	if _, errOut, code := runCLI(t, "", "--db", db, "reconcile", "--tolerance", "0.5"); code != 0 {
		t.Fatalf("reconcile --tolerance 0.5: %s", errOut)
	}
	shows("after reconcile --tolerance 0.5", "5,500–16,500")

	article := filepath.Join(t.TempDir(), "more.txt")
	text := "date 2025-08-01\nSEOUL, Aug 1 (Reuters) - About 600 North Korean soldiers were killed, officials said.\n"
	if err := os.WriteFile(article, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := runCLI(t, "", "--db", db, "ingest", article); code != 0 {
		t.Fatalf("ingest one more: %s", errOut)
	}
	shows("after one more ingest", "5,500–16,500")

	if _, errOut, code := runCLI(t, "", "--db", db, "reconcile"); code != 0 {
		t.Fatalf("reconcile: %s", errOut)
	}
	shows("after a reconcile without --tolerance", "5,500–16,500")
}

// firstApproximate finds the dev corpus' "estimated 11,000 North Korean
// soldiers", the approximate figure the test follows.
func firstApproximate(t *testing.T, db string) (id, value string) {
	t.Helper()
	out, errOut, code := runCLI(t, "", "--db", db, "export", "--format", "jsonl", "claims")
	if code != 0 {
		t.Fatalf("export: %s", errOut)
	}
	lines := bufio.NewScanner(strings.NewReader(out))
	lines.Buffer(nil, 1<<20)
	for lines.Scan() {
		var c struct {
			ID        string   `json:"id"`
			Qualifier string   `json:"qualifier"`
			ValueLow  *float64 `json:"value_low"`
			Unit      string   `json:"unit"`
		}
		if err := json.Unmarshal(lines.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		if c.Qualifier == "approximately" && c.ValueLow != nil && *c.ValueLow == 11000 && c.Unit == "soldiers" {
			return c.ID, "11,000"
		}
	}
	t.Fatal("the dev corpus has no approximate 11,000 soldiers")
	return "", ""
}
