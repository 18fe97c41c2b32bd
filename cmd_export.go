package main

import (
	"fmt"
	"slices"

	"github.com/urfave/cli/v2"

	"claimtrack/reports"
	"claimtrack/sqlite"
)

// exportKinds are what export can write.
var exportKinds = []string{"claims", "findings", "groups", "series", "sources"}

func exportCommand(std streams) *cli.Command {
	return &cli.Command{
		Name:      "export",
		Usage:     "write what the database holds for other programs",
		ArgsUsage: "claims|findings|groups|series|sources",
		Description: "Writes the stored claims as JSON Lines or CSV, with exactly the fields of the\n" +
			"export contract (docs/export-format.md), to standard output; or what the\n" +
			"reconciler concluded: findings, groups (stories, with implied totals) and\n" +
			"series; or the outlets and sources with how their claims fared.\n\n" +
			"Examples:\n" +
			"   claimtrack export --format jsonl claims > claims.jsonl\n" +
			"   claimtrack export --format csv claims > claims.csv\n" +
			"   claimtrack export findings | jq 'select(.type == \"conflict\")'\n" +
			"   claimtrack export --format csv sources > sources.csv",
		Flags: []cli.Flag{formatFlag("jsonl", "jsonl or csv"), outputFlag(), bomFlag()},
		Action: func(c *cli.Context) error {
			format, err := reports.ParseFormat(c.String("format"), reports.JSONL, reports.CSV)
			if err != nil {
				return err
			}
			what := c.Args().First()
			if !slices.Contains(exportKinds, what) || c.NArg() != 1 {
				return fmt.Errorf("export: say what to export: claims, findings, groups, series or sources")
			}
			db, err := openDB(c)
			if err != nil {
				return err
			}
			defer db.Close()
			if what != "claims" {
				if _, err := warnIfStale(c.Context, std, db); err != nil {
					return fmt.Errorf("export %s: %w", what, err)
				}
			}
			out, err := openOutput(c, std)
			if err != nil {
				return err
			}
			if err := out.commit(exportKind(c, out, db, what, format)); err != nil {
				return fmt.Errorf("export %s: %w", what, err)
			}
			return nil
		},
	}
}

func exportKind(c *cli.Context, out *output, db *sqlite.DB, what string, format reports.Format) error {
	switch what {
	case "findings":
		findings, err := db.Findings(c.Context)
		if err != nil {
			return err
		}
		return reports.WriteFindings(out.w, format, findings)
	case "groups":
		groups, err := db.Groups(c.Context)
		if err != nil {
			return err
		}
		return reports.WriteGroups(out.w, format, groups)
	case "series":
		series, err := db.Series(c.Context)
		if err != nil {
			return err
		}
		return reports.WriteSeries(out.w, format, series)
	case "sources":
		rows, err := sourceRows(c.Context, db)
		if err != nil {
			return err
		}
		return reports.WriteSources(out.w, format, 0, rows)
	}
	entries, err := db.Claims(c.Context, sqlite.ClaimFilter{})
	if err != nil {
		return err
	}
	return writeClaims(out, format, entries)
}
