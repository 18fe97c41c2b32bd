package main

import (
	"bytes"
	"claimtrack/claims"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// runCLI drives the real command line, as a user would, with buffers for
// the standard streams.
func runCLI(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), append([]string{"claimtrack"}, args...), strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), code
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it):\n%s", name, firstDifference(string(want), got))
	}
}

func firstDifference(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + strconv.Itoa(i+1) + ":\n want " + wl + "\n got  " + gl
		}
	}
	return ""
}

// seedsDir holds the five sample articles (and the Go file embedding them,
// which ingest passes over as it reads only .txt files).
const seedsDir = "seeds"

func TestDemoGolden(t *testing.T) {
	out, errOut, code := runCLI(t, "", "demo")
	if code != 0 {
		t.Fatalf("demo exit %d: %s", code, errOut)
	}
	golden(t, "demo.golden", out)
}

func TestDemoShowsSeed001Figures(t *testing.T) {
	out, _, _ := runCLI(t, "", "demo")
	for _, want := range []string{"~11,000", "25,000–30,000", "~4,000", "≥100", "9,000,000", "728", "13"} {
		if !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q", want)
		}
	}
}

func TestIngestTwiceAddsNothingAndExportIsStable(t *testing.T) {
	db := filepath.Join(t.TempDir(), "claims.db")
	if _, errOut, code := runCLI(t, "", "--db", db, "ingest", seedsDir); code != 0 {
		t.Fatalf("first ingest exit %d: %s", code, errOut)
	}
	first, _, _ := runCLI(t, "", "--db", db, "export", "--format", "jsonl", "claims")
	out, errOut, code := runCLI(t, "", "--db", db, "ingest", seedsDir)
	if code != 0 {
		t.Fatalf("second ingest exit %d: %s", code, errOut)
	}
	if counts := summaryCounts(t, out); counts["Documents"] != 5 || counts["Added"] != 0 || counts["Skipped (already stored)"] != 5 ||
		counts["Failed"] != 0 || counts["Claims found"] != 0 {
		t.Errorf("second ingest should add 0 and skip 5:\n%s", out)
	}
	second, _, _ := runCLI(t, "", "--db", db, "export", "--format", "jsonl", "claims")
	if first != second || first == "" {
		t.Errorf("export changed after re-ingest")
	}
	// A fresh database gives the same bytes: ids and order are reproducible.
	other := filepath.Join(t.TempDir(), "other.db")
	runCLI(t, "", "--db", other, "ingest", seedsDir)
	third, _, _ := runCLI(t, "", "--db", other, "export", "--format", "jsonl", "claims")
	if third != first {
		t.Errorf("export differs between two fresh databases")
	}
}

// ingest --no-reconcile stores the claims and leaves them unreconciled; the
// next ingest, even one that adds nothing, reconciles them.
func TestIngestNoReconcile(t *testing.T) {
	db := filepath.Join(t.TempDir(), "claims.db")
	out, errOut, code := runCLI(t, "", "--db", db, "ingest", "--no-reconcile", seedsDir)
	if code != 0 {
		t.Fatalf("ingest --no-reconcile exit %d: %s", code, errOut)
	}
	if strings.Contains(out, "Groups") {
		t.Errorf("ingest --no-reconcile printed a reconciliation:\n%s", out)
	}
	if series, _, _ := runCLI(t, "", "--db", db, "export", "--format", "jsonl", "series"); series != "" {
		t.Errorf("series exist before any reconciliation:\n%s", series)
	}
	out, errOut, code = runCLI(t, "", "--db", db, "ingest", seedsDir)
	if code != 0 {
		t.Fatalf("second ingest exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "Groups") {
		t.Errorf("the next ingest did not reconcile:\n%s", out)
	}
	if series, _, _ := runCLI(t, "", "--db", db, "export", "--format", "jsonl", "series"); series == "" {
		t.Error("no series after the next ingest reconciled")
	}
}

func TestExportGolden(t *testing.T) {
	db := filepath.Join(t.TempDir(), "claims.db")
	if _, errOut, code := runCLI(t, "", "--db", db, "ingest", seedsDir); code != 0 {
		t.Fatalf("ingest: %s", errOut)
	}
	csv, errOut, code := runCLI(t, "", "--db", db, "export", "--format", "csv", "claims")
	if code != 0 {
		t.Fatalf("export csv: %s", errOut)
	}
	golden(t, "seeds_claims.csv", csv)
	table, _, _ := runCLI(t, "", "--db", db, "claims")
	golden(t, "seeds_claims.table", table)
}

// contractFields reads the claim fields from the export contract when the
// shared folder is present, else uses the fields it listed when written.
func contractFields(t *testing.T) []string {
	raw, err := os.ReadFile("../shared/docs/export-format.md")
	if err != nil {
		return []string{"id", "document", "outlet", "published", "kind", "text", "sentence", "start", "end",
			"value_low", "value_high", "qualifier", "unit", "subject", "measure", "modality", "as_of",
			"period_start", "period_end", "attribution", "root_source", "group", "series"}
	}
	section := string(raw)
	section = section[strings.Index(section, "## A claim"):]
	section = section[:strings.Index(section, "### Qualifier")]
	var fields []string
	for _, m := range regexp.MustCompile("(?m)^\\| ((?:`[a-z_]+`(?:, )?)+) \\|").FindAllStringSubmatch(section, -1) {
		for _, f := range regexp.MustCompile("`([a-z_]+)`").FindAllStringSubmatch(m[1], -1) {
			fields = append(fields, f[1])
		}
	}
	if len(fields) < 20 {
		t.Fatalf("read only %d fields from the contract", len(fields))
	}
	return fields
}

func TestJSONLHasEveryContractField(t *testing.T) {
	db := filepath.Join(t.TempDir(), "claims.db")
	runCLI(t, "", "--db", db, "ingest", seedsDir)
	out, errOut, code := runCLI(t, "", "--db", db, "export", "--format", "jsonl", "claims")
	if code != 0 {
		t.Fatalf("export: %s", errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 7 {
		t.Fatalf("only %d claims exported", len(lines))
	}
	for _, line := range lines {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("not JSON: %v: %s", err, line)
		}
		for _, f := range contractFields(t) {
			if _, ok := rec[f]; !ok {
				t.Errorf("claim %v lacks contract field %q", rec["id"], f)
			}
		}
		if _, isList := rec["attribution"].([]any); !isList {
			t.Errorf("attribution must be an array, got %v", rec["attribution"])
		}
	}
}

func TestIngestBadInputs(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"empty.txt":   nil,
		"binary.txt":  {0x50, 0x4b, 0x03, 0x04, 0x00, 0x01},
		"latin1.txt":  []byte(" date 2024-01-01 Caf\xe9 owners said 12 shops closed."),
		"good.txt":    []byte(" date 2024-12-19 South Korea's spy agency says about 1,000 North Korean soldiers have been killed or wounded."),
		"nodate.txt":  []byte("Police said 300 people attended."),
		"ignored.csv": []byte("a,b\n1,2\n"),
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "claims.db")
	out, errOut, code := runCLI(t, "", "--db", db, "ingest", dir)
	if code == 0 {
		t.Errorf("ingest with bad files should exit non-zero")
	}
	for _, want := range []string{"empty.txt: bad input: empty file", "binary.txt: bad input: binary file",
		"latin1.txt: bad input: invalid UTF-8 at byte 20", "warning: nodate.txt: no publication date"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(errOut), "\n") {
		if !strings.HasPrefix(line, "claimtrack: ") || strings.Contains(line, "goroutine") {
			t.Errorf("error output is not one line per problem: %q", line)
		}
	}
	if documents, added, skipped, failed := ingestSummary(t, out); documents != 5 || added != 2 || skipped != 0 || failed != 3 {
		t.Errorf("summary should show 5 documents, 2 added, 0 skipped, 3 failed:\n%s", out)
	}
	claimsOut, _, _ := runCLI(t, "", "--db", db, "claims", "--format", "csv")
	if !strings.Contains(claimsOut, "good.txt") {
		t.Errorf("the good document was not stored next to the bad ones:\n%s", claimsOut)
	}
}

func TestNotADatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.db")
	os.WriteFile(path, []byte("these are my notes, not a database, and they are long enough"), 0o644)
	_, errOut, code := runCLI(t, "", "--db", path, "claims")
	if code == 0 || !strings.Contains(errOut, "not a claimtrack database") || strings.Count(errOut, "\n") != 1 {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if b, _ := os.ReadFile(path); !strings.HasPrefix(string(b), "these are my notes") {
		t.Errorf("the file was changed")
	}
}

// An empty database path would open SQLite's private temporary database
// and lose what is ingested at exit: it is an error, from the flag or the
// environment.
func TestEmptyDatabasePath(t *testing.T) {
	for _, args := range [][]string{{"--db", "", "ingest", seedsDir}, {"ingest", seedsDir}} {
		t.Setenv("CLAIMTRACK_DB", "")
		_, errOut, code := runCLI(t, "", args...)
		if code != 1 || !strings.Contains(errOut, "database path is empty") || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%q: exit %d, stderr %q", args, code, errOut)
		}
	}
}

func TestIngestFromStdinWithOverrides(t *testing.T) {
	db := filepath.Join(t.TempDir(), "claims.db")
	text := "KYIV, Nov 26 (AFP) - Russia fired a record 188 drones at Ukraine overnight, the Ukrainian air force said on Tuesday."
	_, errOut, code := runCLI(t, text, "--db", db, "ingest", "--date", "2024-11-26", "--outlet", "Agence France-Presse", "-")
	if code != 0 {
		t.Fatalf("ingest -: %s", errOut)
	}
	out, _, _ := runCLI(t, "", "--db", db, "export", "claims")
	var rec map[string]any
	json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &rec)
	if rec["published"] != "2024-11-26" || rec["outlet"] != "Agence France-Presse" || rec["value_low"] != 188.0 {
		t.Errorf("got %v", rec)
	}
}

func TestClaimsFilters(t *testing.T) {
	db := filepath.Join(t.TempDir(), "claims.db")
	runCLI(t, "", "--db", db, "ingest", seedsDir)
	out, errOut, code := runCLI(t, "", "--db", db, "claims", "--unit", "soldiers", "--format", "jsonl")
	if code != 0 {
		t.Fatal(errOut)
	}
	if n := strings.Count(out, "\n"); n < 3 {
		t.Errorf("want at least 3 soldier claims, got %d:\n%s", n, out)
	}
	out, _, _ = runCLI(t, "", "--db", db, "claims", "--search", "drones", "--format", "csv")
	if !strings.Contains(out, "728") || strings.Contains(out, "11000") {
		t.Errorf("search drones:\n%s", out)
	}
	out, _, _ = runCLI(t, "", "--db", db, "claims", "--source", "Ukrainian intelligence", "--format", "csv")
	if !strings.Contains(out, "25000,30000") || strings.Count(out, "\n") != 3 || strings.Count(out, ",Ukrainian intelligence,") != 2 {
		t.Errorf("--source 'Ukrainian intelligence' should list its two claims:\n%s", out)
	}
	_, errOut, code = runCLI(t, "", "--db", db, "claims", "--since", "yesterday")
	if code == 0 || !strings.Contains(errOut, "--since") {
		t.Errorf("bad --since accepted: %d %s", code, errOut)
	}
}

// TestDevCorpusExportGolden pins what the reader and reconciler make of the
// development articles — quantities and events, with groups and series — so
// a change in either shows up as a diff to read.
func TestDevCorpusExportGolden(t *testing.T) {
	const corpus = "../shared/eval/dev/corpus"
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("%s not found: the shared folder is not beside the repository", corpus)
	}
	db := filepath.Join(t.TempDir(), "claims.db")
	if _, errOut, code := runCLI(t, "", "--db", db, "ingest", corpus); code != 0 {
		t.Fatalf("ingest: %s", errOut)
	}
	out, errOut, code := runCLI(t, "", "--db", db, "export", "--format", "jsonl", "claims")
	if code != 0 {
		t.Fatalf("export: %s", errOut)
	}
	golden(t, "dev_claims.jsonl", out)
}

// TestReconcileInPartsWithLittleMemory reconciles the seeds with memory for
// a few claims at a time, which takes many parts, and checks that the ledger
// then holds what reconciling them at once gives.
func TestReconcileInPartsWithLittleMemory(t *testing.T) {
	db := filepath.Join(t.TempDir(), "claims.db")
	t.Setenv(memoryEnv, "10KB")
	out, errOut, code := runCLI(t, "", "--db", db, "ingest", seedsDir)
	if code != 0 || !strings.Contains(out, "Groups") {
		t.Fatalf("ingest exit %d, stdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	// 10 KB holds a few claims, less what the sorted ledger's tables take.
	said := regexp.MustCompile(`(?m)^claimtrack: reconciling (\d+) claims in parts, as at once they would need more than 10 KB \(CLAIMTRACK_MEMORY.*\n` +
		`claimtrack: the claims are sorted into series, in \d+ [KMG]?B; parts of up to (\d+) claims?$`).FindStringSubmatch(errOut)
	if said == nil {
		t.Fatalf("ingest does not say it reconciles in parts:\n%s", errOut)
	}
	if all, part := atoi(t, said[1]), atoi(t, said[2]); part >= all || part > 14 {
		t.Errorf("%d claims in parts of %d", all, part)
	}
	export := func() string {
		t.Helper()
		var all string
		for _, what := range []string{"claims", "findings"} {
			out, errOut, code := runCLI(t, "", "--db", db, "export", "--format", "jsonl", what)
			if code != 0 {
				t.Fatalf("export %s: exit %d: %s", what, code, errOut)
			}
			all += out
		}
		return all
	}
	inParts := export()
	if !strings.Contains(inParts, `"series"`) || strings.Contains(inParts, `"series":null`) {
		t.Fatalf("the claims were not reconciled:\n%.2000s", inParts)
	}
	t.Setenv(memoryEnv, "2GB")
	if _, errOut, code := runCLI(t, "", "--db", db, "reconcile"); code != 0 {
		t.Fatalf("reconcile with 2GB: exit %d: %s", code, errOut)
	}
	if atOnce := export(); atOnce != inParts {
		t.Errorf("reconciling at once and in parts differ:\n%s\n---\n%s", atOnce, inParts)
	}
	t.Setenv(memoryEnv, "lots")
	if _, errOut, code := runCLI(t, "", "--db", db, "reconcile"); code == 0 || !strings.Contains(errOut, `CLAIMTRACK_MEMORY="lots": not a size`) {
		t.Errorf("reconcile with a bad CLAIMTRACK_MEMORY: exit %d: %s", code, errOut)
	}
}

// atoi reads a whole number the CLI printed.
func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// A symbolic link to a folder, named on the command line, is followed as
// the folder itself is (it was walked as a link and stored nothing).
func TestIngestFollowsALinkToAFolder(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "articles")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	seed, err := os.ReadFile(filepath.Join(seedsDir, "001_7b13d3da2673b465.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(folder, "a.txt"), seed, 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(folder, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	out, errOut, code := runCLI(t, "", "--db", filepath.Join(dir, "claims.db"), "ingest", link)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if _, added, _, _ := ingestSummary(t, out); added != 1 {
		t.Errorf("added %d documents through the link, want 1:\n%s", added, out)
	}
}

// A file name's escape sequence does not reach the terminal in a message.
func TestOneLineDropsControlCharacters(t *testing.T) {
	if got := oneLine("bad\x1b[2J\x1b[31m.txt: empty\nfile"); strings.ContainsRune(got, 0x1b) || got != "bad[2J[31m.txt: empty file" {
		t.Errorf("oneLine = %q", got)
	}
}

// TestIngestAgainWithADateCorrectsTheStoredCopy: after "dateline … has no
// year (use --date)", ingesting the file again with --date (or --outlet)
// replaces the stored copy and re-reads its claims against the new date;
// the same flags again change nothing.
func TestIngestAgainWithADateCorrectsTheStoredCopy(t *testing.T) {
	db := filepath.Join(t.TempDir(), "claims.db")
	article := writeFile(t, filepath.Join(t.TempDir(), "seoul.txt"),
		"SEOUL, Dec 19 (Reuters) - About 1,000 North Korean soldiers were killed, the NIS said.\n")
	if _, errOut, code := runCLI(t, "", "--db", db, "ingest", article); code != 0 || !strings.Contains(errOut, "has no year") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	before, _, _ := runCLI(t, "", "--db", db, "export", "claims")
	out, errOut, code := runCLI(t, "", "--db", db, "ingest", "--date", "2024-12-19", "--outlet", "Reuters wire", article)
	if counts := summaryCounts(t, out); code != 0 || counts["Updated (new date or outlet)"] != 1 || counts["Skipped (already stored)"] != 0 {
		t.Fatalf("exit %d, %v: %s", code, counts, errOut)
	}
	after, _, _ := runCLI(t, "", "--db", db, "export", "claims")
	if after == before || !strings.Contains(after, `"published":"2024-12-19"`) || !strings.Contains(after, `"as_of":"2024-12-19"`) ||
		!strings.Contains(after, `"outlet":"Reuters wire"`) || strings.Count(after, "\n") != strings.Count(before, "\n") {
		t.Errorf("the stored copy was not corrected:\nbefore %s\nafter  %s", before, after)
	}
	out, _, _ = runCLI(t, "", "--db", db, "ingest", "--date", "2024-12-19", "--outlet", "Reuters wire", article)
	if counts := summaryCounts(t, out); counts["Updated (new date or outlet)"] != 0 || counts["Skipped (already stored)"] != 1 {
		t.Errorf("the same correction again: %v", counts)
	}
}

// TestAHeaderlessArticleTakesTheYearOfTheLedgersArticlesThatNameWhatItNames:
// the dated articles that name Derna, stored by an earlier ingest or read
// in the same one after it, date a blog about Derna to their year; its
// month dates fall in it.
func TestAHeaderlessArticleTakesTheYearOfTheLedgersArticlesThatNameWhatItNames(t *testing.T) {
	dir := t.TempDir()
	dated := writeFile(t, filepath.Join(dir, "wire.txt"),
		"DERNA, Libya, Sept. 13, 2023 (AP) - More than 5,300 people died in Derna, the Libyan Red Crescent said.\n")
	blog := writeFile(t, filepath.Join(dir, "a-blog.txt"),
		"Derna, one month on\n\nOn September 28 the Libyan Red Crescent had counted 4,255 deaths in Derna.\n")
	for _, runs := range [][][]string{{{dated}, {blog}}, {{dir}}} {
		db := filepath.Join(t.TempDir(), "claims.db")
		var errOut string
		for _, paths := range runs {
			var code int
			if _, errOut, code = runCLI(t, "", append([]string{"--db", db, "ingest"}, paths...)...); code != 0 {
				t.Fatalf("%v: exit %d: %s", paths, code, errOut)
			}
		}
		if !strings.Contains(errOut, "a-blog.txt: no publication date found") || !strings.Contains(errOut, "year taken as 2023") {
			t.Errorf("%v: %s", runs, errOut)
		}
		out, _, _ := runCLI(t, "", "--db", db, "export", "--format", "jsonl", "claims")
		if !strings.Contains(out, `"as_of":"2023-09-28"`) {
			t.Errorf("%v: the blog's figure is not dated September 28, 2023:\n%s", runs, out)
		}
	}
}

func TestCommandLineConventions(t *testing.T) {
	db := filepath.Join(t.TempDir(), "claims.db")
	for _, tc := range []struct {
		args         []string
		code         int
		stdout, errs string // a prefix of standard output; standard error whole
	}{
		{[]string{"--version"}, 0, "claimtrack version ", ""},
		{[]string{"help"}, 0, "NAME:\n   claimtrack - ", ""},
		{[]string{"help", "report"}, 0, "NAME:\n   claimtrack report - ", ""},
		{[]string{"reprot"}, exitUsage, "", "claimtrack: unknown command \"reprot\"; did you mean \"report\"? (see claimtrack --help)\n"},
		{[]string{"frobnicate"}, exitUsage, "", "claimtrack: unknown command \"frobnicate\" (see claimtrack --help)\n"},
		{[]string{"help", "reprot"}, exitUsage, "", "claimtrack: unknown command \"reprot\"; did you mean \"report\"? (see claimtrack --help)\n"},
		{[]string{"report", "--bogus"}, exitUsage, "", "claimtrack: flag provided but not defined: -bogus (see claimtrack report --help)\n"},
		{[]string{"--bogus", "claims"}, exitUsage, "", "claimtrack: flag provided but not defined: -bogus (see claimtrack --help)\n"},
		{[]string{"ingest", "a.txt", "--db", "x.db"}, exitUsage, "", "claimtrack: ingest: put --db before the arguments: claimtrack ingest --db … PATH...\n"},
	} {
		out, errOut, code := runCLI(t, "", append([]string{"--db", db}, tc.args...)...)
		if code != tc.code || !strings.HasPrefix(out, tc.stdout) || errOut != tc.errs {
			t.Errorf("%v: exit %d, stdout %.60q, stderr %q", tc.args, code, out, errOut)
		}
	}
}

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"report", "report", 0}, {"reprot", "report", 2}, {"claim", "claims", 1}, {"", "audit", 5}, {"sources", "source", 1},
	} {
		if got := editDistance(tc.a, tc.b); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

// Mistakes must not look like empty results.
func TestMistakesAreNotEmptyResults(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "typo", "claims.db")
	for _, command := range []string{"claims", "report", "sources", "reconcile"} {
		_, errOut, code := runCLI(t, "", "--db", missing, command)
		if want := "claimtrack: " + missing + ": no database there: claimtrack ingest FILE|FOLDER makes one (check --db or CLAIMTRACK_DB)\n"; code != 1 || errOut != want {
			t.Errorf("%s on a missing database: exit %d, stderr %q", command, code, errOut)
		}
	}
	if _, err := os.Stat(filepath.Dir(missing)); err == nil {
		t.Error("reading a missing database made its folder")
	}

	empty := filepath.Join(dir, "empty.db")
	if _, errOut, code := runCLI(t, "", "--db", empty, "ingest", t.TempDir()); code != 0 {
		t.Fatalf("ingest of an empty folder: exit %d, %s", code, errOut)
	}
	if out, _, _ := runCLI(t, "", "--db", empty, "report"); !strings.Contains(out, "The ledger holds no articles yet: claimtrack ingest FILE|FOLDER stores some.") {
		t.Errorf("report on an empty ledger:\n%s", out)
	}

	db := ingested(t, seedsDir)
	if out, _, code := runCLI(t, "", "--db", db, "claims", "--unit", "unicorns"); code != 0 || out != "No claims match.\n" {
		t.Errorf("claims matching nothing: exit %d, %q", code, out)
	}
	if _, errOut, code := runCLI(t, "", "--db", db, "claims", "--doc", "nosuch.txt"); code != 1 ||
		errOut != "claimtrack: claims: no document is named \"nosuch.txt\" (a document is named by its file name, as the Document column of claimtrack claims shows it)\n" {
		t.Errorf("--doc nosuch.txt: exit %d, stderr %q", code, errOut)
	}
}

func TestDatabaseFlagAfterTheCommand(t *testing.T) {
	db := ingested(t, seedsDir)
	before, _, _ := runCLI(t, "", "--db", db, "claims")
	after, errOut, code := runCLI(t, "", "claims", "--db", db)
	if code != 0 || after != before || before == "" {
		t.Errorf("claims --db: exit %d, %d bytes against %d: %s", code, len(after), len(before), errOut)
	}
	// Given twice, the one after the command wins.
	if got, _, _ := runCLI(t, "", "--db", filepath.Join(t.TempDir(), "none.db"), "claims", "--db", db); got != before {
		t.Error("--db after the command does not win over the one before")
	}
}

// Warnings are given once per document, and --quiet keeps them off stderr
// while the summary still counts them.
func TestIngestWarnsOnceAndQuietly(t *testing.T) {
	dir := t.TempDir()
	article := writeFile(t, filepath.Join(dir, "undated.txt"), "About 1,000 soldiers were killed, the ministry said.\n")
	db := filepath.Join(t.TempDir(), "claims.db")
	_, errOut, _ := runCLI(t, "", "--db", db, "ingest", article)
	if !strings.Contains(errOut, "warning: undated.txt: no publication date found") {
		t.Fatalf("first ingest: %q", errOut)
	}
	out, errOut, _ := runCLI(t, "", "--db", db, "ingest", article)
	if strings.Contains(errOut, "warning") || summaryCounts(t, out)["Warnings"] != 0 {
		t.Errorf("a stored document is warned of again: %q", errOut)
	}
	quiet := filepath.Join(t.TempDir(), "claims.db")
	out, errOut, code := runCLI(t, "", "--db", quiet, "ingest", "--quiet", article)
	if code != 0 || errOut != "" || summaryCounts(t, out)["Warnings"] != 1 {
		t.Errorf("--quiet: exit %d, stderr %q, %v", code, errOut, summaryCounts(t, out))
	}
}

func TestIngestSumsUpTheDates(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "undated.txt"), "About 1,000 soldiers were killed, the ministry said.\n")
	writeFile(t, filepath.Join(dir, "yearless.txt"), "SEOUL, Dec 19 (Reuters) - About 1,100 soldiers were killed, the NIS said on Thursday.\n")
	writeFile(t, filepath.Join(dir, "dated.txt"), goodArticle)
	_, errOut, _ := runCLI(t, "", "--db", filepath.Join(t.TempDir(), "c.db"), "ingest", dir)
	if !strings.HasSuffix(errOut, "claimtrack: publication dates: 1 inferred from the text, 1 left unknown (claimtrack documents --undated lists them; ingest such a file again with --date to give it one)\n") {
		t.Errorf("stderr:\n%s", errOut)
	}
}

// A claim id in the form a spreadsheet read as a number, from before ids
// were made safe, still finds its claim.
func TestOlderNumericIDsStillFindTheirClaim(t *testing.T) {
	db := ingested(t, devCorpusOrSeeds())
	out, _, _ := runCLI(t, "", "--db", db, "export", "--format", "csv", "claims")
	for _, line := range strings.Split(out, "\n")[1:] {
		id, _, _ := strings.Cut(line, ",")
		// Rebuild the older form: the first letter was a digit.
		old := ""
		for d := '0'; d <= '9' && id != ""; d++ {
			if candidate := string(d) + id[1:]; candidate != id && claims.SpreadsheetSafe(candidate) == id {
				old = candidate
			}
		}
		if old == "" {
			continue
		}
		audit, errOut, code := runCLI(t, "", "--db", db, "audit", "--format", "jsonl", old)
		if code != 0 || !strings.Contains(audit, id) {
			t.Errorf("audit %s: exit %d: %s", old, code, errOut)
		}
		return
	}
	t.Skip("no claim of this corpus had an id a spreadsheet reads as a number")
}

// A second correction keeps the first: --outlet, then --date, leaves the
// outlet given first (it fell back to the dateline's).
func TestCorrectionsAddUp(t *testing.T) {
	db := filepath.Join(t.TempDir(), "claims.db")
	article := writeFile(t, filepath.Join(t.TempDir(), "seoul.txt"),
		"SEOUL, Dec 19 (Reuters) - About 1,000 North Korean soldiers were killed, the NIS said.\n")
	for _, args := range [][]string{{"--outlet", "AFP"}, {"--date", "2024-12-19"}} {
		if _, errOut, code := runCLI(t, "", append(append([]string{"--db", db, "ingest"}, args...), article)...); code != 0 {
			t.Fatalf("%v: %s", args, errOut)
		}
	}
	out, _, _ := runCLI(t, "", "--db", db, "export", "claims")
	if !strings.Contains(out, `"outlet":"AFP"`) || !strings.Contains(out, `"published":"2024-12-19"`) {
		t.Errorf("after --outlet AFP, then --date: %s", out)
	}
}

func TestLimitOnListings(t *testing.T) {
	db := ingested(t, seedsDir)
	all, _, _ := runCLI(t, "", "--db", db, "claims", "--format", "csv")
	out, errOut, code := runCLI(t, "", "--db", db, "claims", "--format", "csv", "--limit", "3")
	if code != 0 || strings.Count(out, "\n") != 4 || !strings.HasPrefix(all, out) ||
		errOut != fmt.Sprintf("claimtrack: %d more claims not listed (--limit 0 lists all)\n", strings.Count(all, "\n")-4) {
		t.Errorf("claims --limit 3: exit %d, %d lines, stderr %q", code, strings.Count(out, "\n"), errOut)
	}
	if out, errOut, _ := runCLI(t, "", "--db", db, "sources", "--format", "jsonl", "--limit", "2"); strings.Count(out, "\n") != 2 ||
		!strings.HasSuffix(errOut, "more sources not listed (--limit 0 lists all)\n") {
		t.Errorf("sources --limit 2: %d lines, stderr %q", strings.Count(out, "\n"), errOut)
	}
}

func TestDocumentsListsTheUndated(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "undated.txt"), "About 1,000 soldiers were killed, the ministry said.\n")
	writeFile(t, filepath.Join(dir, "dated.txt"), goodArticle)
	db := filepath.Join(t.TempDir(), "c.db")
	if _, errOut, code := runCLI(t, "", "--db", db, "ingest", dir); code != 0 {
		t.Fatalf("ingest: %s", errOut)
	}
	all, _, _ := runCLI(t, "", "--db", db, "documents", "--format", "jsonl")
	undated, errOut, code := runCLI(t, "", "--db", db, "documents", "--undated", "--format", "jsonl")
	if code != 0 || strings.Count(all, "\n") != 2 || undated != `{"name":"undated.txt","outlet":null,"published":null,"published_inferred":null,"published_inferred_reason":"","claims":1}`+"\n" {
		t.Errorf("documents: exit %d, all %q, undated %q: %s", code, all, undated, errOut)
	}
}
