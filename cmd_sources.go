package main

import (
	"context"
	"fmt"

	"github.com/urfave/cli/v2"

	"claimtrack/claims"
	"claimtrack/reports"
	"claimtrack/sqlite"
)

func sourcesCommand(std streams) *cli.Command {
	return &cli.Command{
		Name:  "sources",
		Usage: "outlets and root sources: what kind, how many claims, how they fared",
		Description: "Lists every outlet that published a document and every root source a claim\n" +
			"is attributed to, with its kind and whom it speaks for (from the reconciler's\n" +
			"affiliation list), how many claims and documents it accounts for, how many\n" +
			"of its claims are corroborated or in conflict, and in how many series it\n" +
			"reported a figure first.\n\n" +
			"Examples:\n" +
			"   claimtrack sources\n" +
			"   claimtrack sources --format csv -o sources.csv",
		Flags: []cli.Flag{formatFlag("table", "table, markdown, csv or jsonl"), limitFlag(), outputFlag(), bomFlag()},
		Action: func(c *cli.Context) error {
			format, err := reports.ParseFormat(c.String("format"), listingFormats...)
			if err != nil {
				return err
			}
			db, err := openDB(c)
			if err != nil {
				return err
			}
			defer db.Close()
			if _, err := warnIfStale(c.Context, std, db); err != nil {
				return fmt.Errorf("sources: %w", err)
			}
			rows, err := sourceRows(c.Context, db)
			if err != nil {
				return fmt.Errorf("sources: %w", err)
			}
			return writeLimited(c, std, "sources", rows, func(out *output, rows []reports.SourceRow) error {
				return reports.WriteSources(out.w, format, out.width, rows)
			})
		},
	}
}

// sourceRows joins what the ledger records of each outlet and source with
// what the affiliation list says it is.
func sourceRows(ctx context.Context, db *sqlite.DB) ([]reports.SourceRow, error) {
	activities, err := db.SourceActivities(ctx)
	if err != nil {
		return nil, err
	}
	rows := make([]reports.SourceRow, len(activities))
	for i, a := range activities {
		who := claims.DescribeSource(a.Name)
		rows[i] = reports.SourceRow{Name: a.Name, Role: a.Role, Kind: who.Kind, SpeaksFor: who.Body,
			Claims: a.Claims, Documents: a.Documents, Corroborated: a.Corroborated,
			Conflicted: a.Conflicted, FirstReports: a.FirstReports}
	}
	return rows, nil
}
