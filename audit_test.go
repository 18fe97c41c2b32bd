package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// claimID finds the id of the claim a full-text search and a part of its
// words pick out, so tests do not hard-code ids.
func claimID(t *testing.T, db, search, words string) string {
	t.Helper()
	out, errOut, code := runCLI(t, "", "--db", db, "claims", "--search", search, "--format", "jsonl")
	if code != 0 {
		t.Fatalf("claims --search %q: %s", search, errOut)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var c struct{ ID, Text string }
		if json.Unmarshal([]byte(line), &c) == nil && strings.Contains(c.Text, words) {
			return c.ID
		}
	}
	t.Fatalf("no claim matching %q has the words %q", search, words)
	return ""
}

// auditedClaims are the claims the audit and timeline goldens follow: a
// planned increment in the seeds, a figure in conflict in the dev corpus.
var auditedClaims = map[string][2]string{"seeds": {"additional", "25,000"}, "dev": {"Kirby", "dozens"}}

func TestAuditGoldens(t *testing.T) {
	for corpus, dir := range corpora(t) {
		db := ingested(t, dir)
		id := claimID(t, db, auditedClaims[corpus][0], auditedClaims[corpus][1])
		for _, format := range []string{"table", "markdown", "csv", "jsonl"} {
			goldenOutput(t, "audit_"+corpus+"."+formatExtensions[format], "--db", db, "audit", "--format", format, id[:8])
		}
	}
}

func TestAuditByQuery(t *testing.T) {
	db := ingested(t, seedsDir)
	id := claimID(t, db, "drones", "728")
	out, errOut, code := runCLI(t, "", "--db", db, "audit", "drones")
	if code != 0 {
		t.Fatalf("audit drones: exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, id) || !strings.Contains(out, "»a record 728 drones«") {
		t.Errorf("the one claim about drones, its figure marked, should be audited:\n%s", out)
	}

	// Several matches: a list to choose from, and a failure that says what to do.
	out, errOut, code = runCLI(t, "", "--db", db, "audit", "soldiers")
	if code != 1 || !strings.Contains(errOut, "claims match") || !strings.Contains(out, "25,000–30,000") {
		t.Errorf("ambiguous query: exit %d, stderr %q, stdout:\n%s", code, errOut, out)
	}

	_, errOut, code = runCLI(t, "", "--db", db, "audit", "zeppelins")
	if code != 1 || !strings.Contains(errOut, "no claim") {
		t.Errorf("no match: exit %d, %s", code, errOut)
	}

	// urfave/cli stops reading flags at the first argument: say so.
	_, errOut, code = runCLI(t, "", "--db", db, "audit", id, "--format", "csv")
	if code != exitUsage || !strings.Contains(errOut, "audit: put --format before the arguments: claimtrack audit --format … CLAIM-ID | QUERY") {
		t.Errorf("flag after the claim: exit %d, %s", code, errOut)
	}
}

func TestTimelineGoldens(t *testing.T) {
	for corpus, dir := range corpora(t) {
		db := ingested(t, dir)
		id := claimID(t, db, auditedClaims[corpus][0], auditedClaims[corpus][1])
		for _, format := range []string{"table", "markdown", "csv", "jsonl"} {
			goldenOutput(t, "timeline_"+corpus+"."+formatExtensions[format], "--db", db, "timeline", "--format", format, id)
		}
	}
}

func TestTimelineChartFitsEightyColumns(t *testing.T) {
	for _, dir := range corpora(t) {
		db := ingested(t, dir)
		out, _, _ := runCLI(t, "", "--db", db, "timeline", claimID(t, db, "soldiers", "11,000"))
		inChart := false
		for _, line := range strings.Split(out, "\n") {
			// The chart starts after the table and ends at a blank line.
			if strings.HasPrefix(line, "└") {
				inChart = true
				continue
			}
			if inChart && line == "" {
				break
			}
			if inChart && len([]rune(line)) > 80 {
				t.Errorf("chart line of %d columns: %q", len([]rune(line)), line)
			}
		}
	}
}

func TestSourcesGoldens(t *testing.T) {
	for corpus, dir := range corpora(t) {
		db := ingested(t, dir)
		for _, format := range []string{"table", "markdown", "csv", "jsonl"} {
			goldenOutput(t, "sources_"+corpus+"."+formatExtensions[format], "--db", db, "sources", "--format", format)
		}
	}
}

// timeline --limit lists a series' latest values, says how many it holds
// in all, and says on stderr how many earlier ones it left out.
func TestTimelineLimitListsTheLatest(t *testing.T) {
	dir, db := t.TempDir(), filepath.Join(t.TempDir(), "claims.db")
	for day, toll := range []int{10, 14, 19, 25} {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("toll%d.txt", day)),
			fmt.Sprintf(" date 2024-03-0%d The interior ministry said %d people were killed in Northville by the floods.\n", day+1, toll))
	}
	if _, errOut, code := runCLI(t, "", "--db", db, "ingest", dir); code != 0 {
		t.Fatalf("ingest: %s", errOut)
	}
	claimsOut, _, _ := runCLI(t, "", "--db", db, "export", "--format", "jsonl", "claims")
	var first struct{ ID string }
	firstLine(t, claimsOut, &first)
	all, _, code := runCLI(t, "", "--db", db, "timeline", "--format", "jsonl", first.ID)
	lines := strings.Split(strings.TrimSpace(all), "\n")
	if code != 0 || len(lines) != 4 {
		t.Fatalf("timeline exit %d, %d values; want 4:\n%s", code, len(lines), all)
	}
	got, errOut, code := runCLI(t, "", "--db", db, "timeline", "--format", "jsonl", "--limit", "2", first.ID)
	if code != 0 || strings.Join(lines[2:], "\n")+"\n" != got {
		t.Errorf("exit %d; --limit 2 gave\n%s\nwant the last two of\n%s", code, got, all)
	}
	if want := "claimtrack: 2 earlier values not listed (--limit 0 lists all)\n"; errOut != want {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
	if table, _, _ := runCLI(t, "", "--db", db, "timeline", "--limit", "2", first.ID); !strings.Contains(table, "4 claims, the latest 2 listed") {
		t.Errorf("the table does not say how many claims the series holds:\n%s", table)
	}
}
