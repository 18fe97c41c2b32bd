package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"claimtrack/reports"
	"claimtrack/sqlite"
)

func exportCommand(io streams) *cli.Command {
	return &cli.Command{
		Name:      "export",
		Usage:     "write what the database holds for other programs",
		ArgsUsage: "claims",
		Description: "Writes the stored claims as JSON Lines or CSV, with exactly the fields of the\n" +
			"export contract (docs/export-format.md), to standard output.\n\n" +
			"Examples:\n" +
			"   claimtrack export --format jsonl claims > claims.jsonl\n" +
			"   claimtrack export --format csv claims > claims.csv",
		Flags: []cli.Flag{formatFlag("jsonl", "jsonl or csv")},
		Action: func(c *cli.Context) error {
			format, err := reports.ParseFormat(c.String("format"), reports.JSONL, reports.CSV)
			if err != nil {
				return err
			}
			what := c.Args().First()
			if what != "claims" || c.NArg() != 1 {
				return fmt.Errorf("export: say what to export: claims")
			}
			db, err := openDB(c)
			if err != nil {
				return err
			}
			defer db.Close()
			entries, err := db.Claims(c.Context, sqlite.ClaimFilter{})
			if err != nil {
				return fmt.Errorf("export claims: %w", err)
			}
			return writeClaims(io, format, entries)
		},
	}
}
