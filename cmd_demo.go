package main

import (
	"fmt"
	"io"
	"io/fs"

	"github.com/urfave/cli/v2"

	"claimtrack/claims/reader"
	"claimtrack/reports"
	"claimtrack/seeds"
	"claimtrack/sqlite"
)

func demoCommand(std streams) *cli.Command {
	return &cli.Command{
		Name:  "demo",
		Usage: "run claimtrack on the built-in sample articles",
		Description: "Ingests the five sample articles built into claimtrack into a throwaway\n" +
			"in-memory database, reconciles them and prints the consistency report (see\n" +
			"claimtrack report --help), then every claim with its document and date.\n" +
			"Nothing is written to disk.\n\n" +
			"Example:\n" +
			"   claimtrack demo",
		Action: func(c *cli.Context) error {
			db, err := sqlite.Open(c.Context, ":memory:")
			if err != nil {
				return fmt.Errorf("demo: %w", err)
			}
			defer db.Close()
			in, err := newIngester(c.Context, db, reader.ParseOptions{Today: std.today()})
			if err != nil {
				return fmt.Errorf("demo: %w", err)
			}
			names, err := fs.Glob(seeds.Files, "*.txt")
			if err != nil {
				return fmt.Errorf("demo: %w", err)
			}
			inputs := make([]input, len(names))
			for i, name := range names {
				inputs[i] = seedInput(name)
			}
			var failed error
			fail := func(src input, err error) {
				if err != nil && failed == nil {
					failed = fmt.Errorf("demo: %s: %w", src.name, err)
				}
			}
			_, _ = in.run(c.Context, inputs, func(batch []readArticle, results []stored) {
				for _, r := range batch {
					fail(r.src, r.err)
				}
				for _, r := range results {
					fail(r.src, r.err)
				}
			}) // a damaged database fails an article too, which failed holds
			if failed != nil {
				return failed
			}
			if _, err := reconcileLedger(c.Context, db, reconcileRun{Log: std.stderr}); err != nil {
				return fmt.Errorf("demo: %w", err)
			}
			snapshot, err := loadSnapshot(c, db, sqlite.ClaimFilter{})
			if err != nil {
				return fmt.Errorf("demo: %w", err)
			}
			fmt.Fprintf(std.stdout, "claimtrack demo: the %d sample articles built in, reconciled.\n"+
				"Keep a ledger of your own with: claimtrack ingest FOLDER && claimtrack report\n\n", len(names))
			report := reports.BuildReport(snapshot, reports.ReportFilter{})
			width := terminalWidth(std.stdout)
			if err := report.Write(std.stdout, reports.Table, width, reports.Style{Color: colorEnabled(std.stdout)}); err != nil {
				return err
			}
			// Then every claim the reader found, with its document and date.
			fmt.Fprintf(std.stdout, "\nEvery claim (%d)\n", len(snapshot.Entries))
			return reports.ClaimsGrid(snapshot.Entries).Write(std.stdout, reports.Table, width)
		},
	}
}

func seedInput(name string) input {
	return input{name: name, path: "seeds/" + name, open: func() (io.ReadCloser, error) { return seeds.Files.Open(name) }}
}
