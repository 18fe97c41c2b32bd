package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"claimtrack/claims"
	"claimtrack/reports"
)

func documentsCommand(std streams) *cli.Command {
	return &cli.Command{
		Name:  "documents",
		Usage: "list the stored articles: outlet, publication date (given or inferred), claims",
		Description: "Lists the stored articles by name, with their outlet, the publication date\n" +
			"the text or --date gave, the one inferred from the text when none was given\n" +
			"(and why), and how many claims each holds. --undated keeps those with no\n" +
			"date at all, which ingest again with --date to date them.\n\n" +
			"Examples:\n" +
			"   claimtrack documents\n" +
			"   claimtrack documents --undated\n" +
			"   claimtrack documents --format csv -o documents.csv",
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "undated", Usage: "only the articles with no publication date, given or inferred"},
			formatFlag("table", "table, markdown, csv or jsonl"), limitFlag(), outputFlag(), bomFlag(),
		},
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
			docs, err := db.DocumentList(c.Context, c.Bool("undated"))
			if err != nil {
				return fmt.Errorf("documents: %w", err)
			}
			return writeLimited(c, std, "documents", docs, func(out *output, docs []claims.DocumentInfo) error {
				return reports.WriteDocuments(out.w, format, out.width, docs)
			})
		},
	}
}
