package main

import (
	"bufio"
	"claimtrack/sqlite"
	"encoding/json"
	"errors"
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

func TestStaleReconciliationIsSaid(t *testing.T) {
	db := filepath.Join(t.TempDir(), "claims.db")
	if _, errOut, code := runCLI(t, "", "--db", db, "ingest", "--no-reconcile", seedsDir); code != 0 {
		t.Fatalf("ingest: %s", errOut)
	}
	warning := "claimtrack: warning: 32 claims were stored after the last reconciliation and are in no finding: run claimtrack reconcile\n"
	for _, args := range [][]string{{"report"}, {"sources"}, {"export", "findings"}, {"audit", "b927111a"}} {
		_, errOut, code := runCLI(t, "", append([]string{"--db", db}, args...)...)
		if code != 0 || !strings.HasPrefix(errOut, warning) {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
	_, errOut, code := runCLI(t, "", "--db", db, "report", "--fail-on", "conflict")
	if code != exitStale || !strings.HasSuffix(errOut, "claimtrack: report: --fail-on conflict cannot pass on findings that leave out 32 claims: run claimtrack reconcile first\n") {
		t.Errorf("--fail-on on a stale ledger: exit %d, stderr %q", code, errOut)
	}
	if _, errOut, code := runCLI(t, "", "--db", db, "reconcile"); code != 0 {
		t.Fatalf("reconcile: %s", errOut)
	}
	if _, errOut, code := runCLI(t, "", "--db", db, "report", "--fail-on", "conflict"); code != 0 || errOut != "" {
		t.Errorf("after reconciling: exit %d, stderr %q", code, errOut)
	}
}

func TestRetryWhileClaimsChange(t *testing.T) {
	other := errors.New("disk full")
	for _, tc := range []struct {
		name   string
		errs   []error // what each try returns
		want   error   // nil, other, or errTries for the bound's message
		tries  int
		logged int
	}{
		{"saved at once", []error{nil}, nil, 1, 0},
		{"saved on the third try", []error{sqlite.ErrClaimsChanged, sqlite.ErrClaimsChanged, nil}, nil, 3, 2},
		{"another error ends it", []error{sqlite.ErrClaimsChanged, other}, other, 2, 1},
		{"gives up after the bound", []error{sqlite.ErrClaimsChanged, sqlite.ErrClaimsChanged, sqlite.ErrClaimsChanged}, errTries, 3, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var log strings.Builder
			tries := 0
			err := retryWhileClaimsChange(t.Context(), 3, &log, func() error {
				tries++
				return tc.errs[tries-1]
			})
			switch {
			case tc.want == errTries:
				if err == nil || !strings.Contains(err.Error(), "claims kept being added while reconciling (3 tries)") {
					t.Errorf("err = %v", err)
				}
			case err != tc.want:
				t.Errorf("err = %v, want %v", err, tc.want)
			}
			if tries != tc.tries || strings.Count(log.String(), "\n") != tc.logged {
				t.Errorf("%d tries, log %q", tries, log.String())
			}
		})
	}
}

// errTries stands for the error that says the tries ran out.
var errTries = errors.New("tries ran out")
