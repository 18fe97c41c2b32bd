package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestExamplesRun runs every example the README and the commands' help
// give, on a ledger of the development corpus, in a folder holding the
// files they name: each must run, not merely parse.
func TestExamplesRun(t *testing.T) {
	if _, err := os.Stat(devCorpus); err != nil {
		t.Skip("the examples name claims of the development corpus, which is not here")
	}
	corpus, err := filepath.Abs(devCorpus)
	if err != nil {
		t.Fatal(err)
	}
	db := ingested(t, corpus)
	examples := readmeExamples(t)
	for _, command := range []string{"ingest", "claims", "export", "extract", "reconcile", "report", "audit", "timeline", "sources", "documents", "demo"} {
		help, _, _ := runCLI(t, "", "help", command)
		examples = append(examples, helpExamples(help)...)
	}
	if len(examples) < 30 {
		t.Fatalf("found %d examples", len(examples))
	}
	dir := t.TempDir()
	for _, sub := range []string{"articles", "2024", "2025"} {
		if err := os.CopyFS(filepath.Join(dir, sub), os.DirFS(seedsDir)); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"article.txt", "dev02.txt"} {
		raw, err := os.ReadFile(filepath.Join(corpus, "dev02.txt"))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, name), string(raw))
	}
	t.Chdir(dir)
	for _, example := range examples {
		for _, args := range commandsOf(example) {
			// Each example gets a ledger of its own, so that one that
			// ingests or reconciles does not change what the next sees.
			ledger := filepath.Join(t.TempDir(), "claims.db")
			raw, _ := os.ReadFile(db)
			writeFile(t, ledger, string(raw))
			_, errOut, code := runCLI(t, "", append([]string{"--db", ledger}, args...)...)
			if code != 0 && code != exitConflict {
				t.Errorf("claimtrack %s: exit %d: %s", strings.Join(args, " "), code, errOut)
			}
		}
	}
}

// readmeExamples are the README's indented lines that run claimtrack.
func readmeExamples(t *testing.T) []string {
	t.Helper()
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, line := range strings.Split(string(readme), "\n") {
		if strings.HasPrefix(line, "    claimtrack ") {
			out = append(out, strings.TrimSpace(line))
		}
	}
	return out
}

// helpExamples are the lines under "Examples:" in a command's help.
func helpExamples(help string) []string {
	var out []string
	for _, line := range strings.Split(help, "\n") {
		if strings.HasPrefix(line, "      claimtrack ") {
			out = append(out, strings.TrimSpace(line))
		}
	}
	return out
}

var shellWord = regexp.MustCompile(`'[^']*'|"[^"]*"|[^\s'"]+`)

// commandsOf splits an example into the claimtrack commands it runs, without
// the program name: "a && b" runs both; what a pipe or a redirection
// receives is left out, and a comment is dropped.
func commandsOf(example string) [][]string {
	example, _, _ = strings.Cut(example, " #")
	var out [][]string
	for _, part := range strings.Split(example, "&&") {
		part, _, _ = strings.Cut(part, "|")
		part, _, _ = strings.Cut(part, ">")
		words := shellWord.FindAllString(strings.TrimSpace(part), -1)
		if len(words) < 2 || words[0] != "claimtrack" {
			continue
		}
		for i, w := range words {
			if len(w) >= 2 && (w[0] == '\'' || w[0] == '"') && w[len(w)-1] == w[0] {
				words[i] = w[1 : len(w)-1] // one pair of quotes, as a shell takes them
			}
		}
		out = append(out, words[1:])
	}
	return out
}
