package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// devCorpus is the shared development corpus, when the shared folder is there.
const devCorpus = "../shared/eval/dev/corpus"

// corpora are the article sets the report goldens cover: the seeds always,
// the dev corpus when present.
func corpora(t *testing.T) map[string]string {
	t.Helper()
	sets := map[string]string{"seeds": seedsDir}
	if _, err := os.Stat(devCorpus); err == nil {
		sets["dev"] = devCorpus
	} else {
		t.Logf("no dev corpus at %s: its goldens are not checked", devCorpus)
	}
	return sets
}

// ingested returns a fresh database holding the articles of dir, reconciled.
func ingested(t *testing.T, dir string) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "claims.db")
	if _, errOut, code := runCLI(t, "", "--db", db, "ingest", dir); code != 0 {
		t.Fatalf("ingest %s: exit %d: %s", dir, code, errOut)
	}
	return db
}

// goldenOutput runs claimtrack and compares its standard output with
// testdata/reports/name.
func goldenOutput(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, errOut, code := runCLI(t, "", args...)
	if code != 0 {
		t.Fatalf("%s: exit %d: %s", strings.Join(args, " "), code, errOut)
	}
	golden(t, filepath.Join("reports", name), out)
	return out
}

// formatExtensions name golden files by format.
var formatExtensions = map[string]string{"table": "txt", "markdown": "md", "csv": "csv", "jsonl": "jsonl", "html": "html"}

func TestReportGoldens(t *testing.T) {
	for corpus, dir := range corpora(t) {
		db := ingested(t, dir)
		for _, format := range []string{"table", "markdown", "csv", "jsonl", "html"} {
			goldenOutput(t, "report_"+corpus+"."+formatExtensions[format], "--db", db, "report", "--format", format)
		}
	}
}

func TestReportListsConflictsFirst(t *testing.T) {
	db := ingested(t, seedsDir)
	out, _, _ := runCLI(t, "", "--db", db, "report", "--format", "jsonl")
	rank := map[string]int{"conflict": 0, "changed": 1, "corroborated": 2, "consistent": 3, "single source": 4}
	last := 0
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var rec struct{ Kind, Status string }
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("not JSON: %s", line)
		}
		if rec.Kind != "series" {
			continue
		}
		if rank[rec.Status] < last {
			t.Errorf("series with status %q listed after a later status", rec.Status)
		}
		last = rank[rec.Status]
	}
}

func TestReportFailOnConflict(t *testing.T) {
	if _, err := os.Stat(devCorpus); err != nil {
		t.Skip("needs the dev corpus, whose articles disagree")
	}
	db := ingested(t, devCorpus)
	out, errOut, code := runCLI(t, "", "--db", db, "report", "--fail-on", "conflict")
	if code != exitConflict || !strings.Contains(errOut, "conflict findings listed") || strings.Count(errOut, "\n") != 1 {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if !strings.Contains(out, "Conflicts") {
		t.Errorf("the report is still written before failing:\n%s", out)
	}
	// Without conflicts among the listed series, the pipeline passes.
	_, errOut, code = runCLI(t, "", "--db", db, "report", "--status", "single-source", "--fail-on", "conflict")
	if code != 0 {
		t.Errorf("single-source series only: exit %d, %s", code, errOut)
	}
}

func TestReportRejectsBadFlags(t *testing.T) {
	db := ingested(t, seedsDir)
	for _, args := range [][]string{
		{"--status", "disputed"}, {"--fail-on", "anything"}, {"--since", "last week"}, {"--format", "pdf"},
	} {
		_, errOut, code := runCLI(t, "", append([]string{"--db", db, "report"}, args...)...)
		if code != 1 || !strings.Contains(errOut, args[0]) && !strings.Contains(errOut, args[1]) {
			t.Errorf("report %v: exit %d, %s", args, code, errOut)
		}
	}
}

func TestOutputFileIsWrittenWhole(t *testing.T) {
	db := ingested(t, seedsDir)
	dir := t.TempDir()
	path := filepath.Join(dir, "report.md")
	os.WriteFile(path, []byte("an older report"), 0o644)
	stdout, _, _ := runCLI(t, "", "--db", db, "report", "--format", "markdown")
	out, errOut, code := runCLI(t, "", "--db", db, "report", "--format", "markdown", "-o", path)
	if code != 0 || out != "" {
		t.Fatalf("exit %d, stdout %q, stderr %s", code, out, errOut)
	}
	written, _ := os.ReadFile(path)
	if string(written) != stdout {
		t.Errorf("-o wrote something else than standard output would show")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	if _, errOut, code := runCLI(t, "", "--db", db, "report", "-o", filepath.Join(dir, "missing", "r.txt")); code == 0 {
		t.Errorf("writing into a missing folder should fail: %s", errOut)
	}
}

func TestHTMLReportIsSelfContainedAndLinked(t *testing.T) {
	for corpus, dir := range corpora(t) {
		db := ingested(t, dir)
		html, _, _ := runCLI(t, "", "--db", db, "report", "--format", "html")
		// A source filter keeps checks whose other claims it leaves out.
		filtered, _, _ := runCLI(t, "", "--db", db, "report", "--format", "html", "--source", "together")
		html += filtered
		for _, banned := range []string{"http://", "https://", " src=", "<script", "@import", "url("} {
			if strings.Contains(html, banned) {
				t.Errorf("%s: the page refers outside itself (%q)", corpus, banned)
			}
		}
		for _, link := range strings.Split(html, `href="#`)[1:] {
			anchor := link[:strings.IndexByte(link, '"')]
			if !strings.Contains(html, `id="`+anchor+`"`) {
				t.Errorf("%s: link to #%s has no target", corpus, anchor)
			}
		}
	}
}
