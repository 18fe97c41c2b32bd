package main

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Two ingests at once on one database both succeed, and together store
// exactly what one ingest of all their inputs stores: no document lost,
// none twice.
func TestConcurrentIngestsStoreWhatOneRunStores(t *testing.T) {
	corpusDir, want, wantCounts, _ := cleanReference(t)
	a, b, c := corpusPart(corpusDir, 0), corpusPart(corpusDir, 1), corpusPart(corpusDir, 2)
	for _, tc := range []struct {
		name          string
		first, second []string
		overlap       int // documents both are given
	}{
		{"disjoint", []string{a}, []string{b, c}, 0},
		// Both start on folder b, so they race to store the same documents.
		{"overlapping", []string{b, a}, []string{b, c}, articlesPerPart},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "claims.db")
			first, firstOut, firstErr := command(t, slices.Concat([]string{"--db", db, "ingest"}, tc.first)...)
			second, secondOut, secondErr := command(t, slices.Concat([]string{"--db", db, "ingest"}, tc.second)...)
			if err := first.Start(); err != nil {
				t.Fatal(err)
			}
			if err := second.Start(); err != nil {
				t.Fatal(err)
			}
			firstWait, secondWait := first.Wait(), second.Wait()
			if firstWait != nil || secondWait != nil {
				t.Fatalf("first ingest: %v\n%s\nsecond ingest: %v\n%s", firstWait, firstErr, secondWait, secondErr)
			}

			_, added1, skipped1, failed1 := ingestSummary(t, firstOut.String())
			_, added2, skipped2, failed2 := ingestSummary(t, secondOut.String())
			if added1+added2 != len(wantCounts) || skipped1+skipped2 != tc.overlap || failed1+failed2 != 0 {
				t.Errorf("added %d+%d, skipped %d+%d, failed %d+%d; want %d added, %d skipped, none failed",
					added1, added2, skipped1, skipped2, failed1, failed2, len(wantCounts), tc.overlap)
			}
			got := storedClaimCounts(t, db)
			checkWholeDocuments(t, got, wantCounts)
			if len(got) != len(wantCounts) {
				t.Errorf("%d documents stored, one run stores %d", len(got), len(wantCounts))
			}
			// An article with no day of its own takes the year of the dated
			// articles stored before it, which two runs at once see in
			// either order: its claims are compared by count alone
			// (checkWholeDocuments).
			export := exportClaims(t, db)
			want, export := withoutLedgerYears(want, export), withoutLedgerYears(export, want)
			if export != want {
				t.Errorf("the export differs from one run's: %s", firstDifference(want, export))
			}
		})
	}
}

// Reading commands work on a database while an ingest writes to it.
func TestReadsWhileIngesting(t *testing.T) {
	corpusDir, _, _, _ := cleanReference(t)
	db := filepath.Join(t.TempDir(), "claims.db")
	mustRunProcess(t, "--db", db, "ingest", corpusPart(corpusDir, 0))
	var someClaim struct{ ID string }
	firstLine(t, exportClaims(t, db), &someClaim)

	ingest, _, ingestErr := command(t, "--db", db, "ingest", corpusPart(corpusDir, 1), corpusPart(corpusDir, 2))
	if err := ingest.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- ingest.Wait() }()
	reads := [][]string{
		{"claims"},
		{"export", "--format", "jsonl", "claims"},
		{"report"},
		{"audit", someClaim.ID},
	}
	for rounds := 0; ; rounds++ {
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("ingest: %v\n%s", err, ingestErr)
			}
			if rounds == 0 {
				t.Error("ingest ended before any read ran")
			}
			t.Logf("%d rounds of reads during ingest", rounds)
			return
		default:
		}
		for _, args := range reads {
			if _, stderr, code := runProcess(t, append([]string{"--db", db}, args...)...); code != 0 {
				t.Errorf("%s during ingest: exit %d: %s", args[0], code, stderr)
			}
		}
	}
}

// firstLine decodes the first line of JSON Lines into v.
func firstLine(t *testing.T, jsonl string, v any) {
	t.Helper()
	line, _, _ := strings.Cut(jsonl, "\n")
	if err := json.Unmarshal([]byte(line), v); err != nil {
		t.Fatalf("%v: %q", err, line)
	}
}

// withoutLedgerYears drops from export the claims of the documents that
// either export dates by the ledger's year ("year taken as").
func withoutLedgerYears(export, other string) string {
	type claim struct {
		Document string `json:"document"`
		Reason   string `json:"published_inferred_reason"`
	}
	ledgerDated := map[string]bool{}
	for _, line := range strings.Split(export+"\n"+other, "\n") {
		var c claim
		if json.Unmarshal([]byte(line), &c) == nil && strings.HasPrefix(c.Reason, "year taken as") {
			ledgerDated[c.Document] = true
		}
	}
	var kept []string
	for _, line := range strings.Split(export, "\n") {
		var c claim
		if json.Unmarshal([]byte(line), &c) == nil && ledgerDated[c.Document] {
			continue
		}
		kept = append(kept, line)
	}
	return strings.Join(kept, "\n")
}
