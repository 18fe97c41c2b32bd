package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestExportKindsGoldens(t *testing.T) {
	for corpus, dir := range corpora(t) {
		db := ingested(t, dir)
		for _, kind := range []string{"findings", "groups", "series", "sources"} {
			for _, format := range []string{"jsonl", "csv"} {
				goldenOutput(t, "export_"+corpus+"_"+kind+"."+format, "--db", db, "export", "--format", format, kind)
			}
		}
	}
}

// TestCSVOpensAsText stores an article whose sentences start with a formula
// and a command, and checks that no CSV cell would run in a spreadsheet.
func TestCSVOpensAsText(t *testing.T) {
	dir := t.TempDir()
	article := " date 2024-12-19\n=SUM(1+2) South Korea's spy agency says about 1,000 North Korean soldiers have been killed or wounded.\n" +
		"@cmd|' /C calc'!A0 Police said 300 people attended the rally.\n"
	if err := os.WriteFile(filepath.Join(dir, "formulas.txt"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	db := ingested(t, dir)
	for _, args := range [][]string{
		{"export", "--format", "csv", "claims"},
		{"claims", "--format", "csv"},
		{"report", "--format", "csv"},
		{"audit", "--format", "csv", "spy"},
	} {
		out, errOut, code := runCLI(t, "", append([]string{"--db", db}, args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatalf("%v: not RFC 4180 CSV: %v", args, err)
		}
		for _, row := range rows {
			for _, cell := range row {
				if cell == "" || !strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
					continue
				}
				if _, err := strconv.ParseFloat(cell, 64); err != nil {
					t.Errorf("%v: a spreadsheet would run %q", args, cell)
				}
			}
		}
		if args[0] == "export" {
			for _, want := range []string{"'=SUM(1+2)", "'@cmd"} {
				if !strings.Contains(out, want) {
					t.Errorf("export lacks the neutralised %q:\n%s", want, out)
				}
			}
		}
	}
}
