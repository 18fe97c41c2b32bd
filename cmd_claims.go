package main

import (
	"cmp"
	"fmt"

	"github.com/urfave/cli/v2"

	"claimtrack/claims"
	"claimtrack/reports"
	"claimtrack/sqlite"
)

func claimsCommand(std streams) *cli.Command {
	return &cli.Command{
		Name:  "claims",
		Usage: "list stored claims",
		Description: "Lists the claims in the database, filtered by document, unit, root source,\n" +
			"a full-text search over their sentences, or the date they describe.\n\n" +
			"Examples:\n" +
			"   claimtrack claims --unit soldiers\n" +
			"   claimtrack claims --search 'killed OR wounded' --since 2024-12-01\n" +
			"   claimtrack claims --source 'Ukrainian intelligence'\n" +
			"   claimtrack claims --doc 001_7b13d3da2673b465.txt --format csv > claims.csv",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "doc", Usage: "only claims of the document `NAME`"},
			&cli.StringFlag{Name: "unit", Usage: "only claims counting `UNIT` (soldiers, artillery shells …)"},
			&cli.StringFlag{Name: "source", Usage: "only claims whose root source is `NAME`, as reports spell it or as an article did"},
			&cli.StringFlag{Name: "search", Usage: "full-text `QUERY` over the claims' sentences"},
			&cli.StringFlag{Name: "since", Usage: "only claims describing `YYYY-MM-DD` or later"},
			&cli.StringFlag{Name: "until", Usage: "only claims describing `YYYY-MM-DD` or earlier"},
			formatFlag("table", "table, markdown, csv or jsonl"),
			limitFlag(),
			outputFlag(),
			bomFlag(),
		},
		Action: func(c *cli.Context) error {
			format, err := reports.ParseFormat(c.String("format"), listingFormats...)
			if err != nil {
				return err
			}
			filter := sqlite.ClaimFilter{Document: c.String("doc"), Unit: c.String("unit"), Root: c.String("source"),
				Search: c.String("search")}
			if filter.Since, err = dateFlag(c, "since"); err != nil {
				return err
			}
			if filter.Until, err = dateFlag(c, "until"); err != nil {
				return err
			}
			db, err := openDB(c)
			if err != nil {
				return err
			}
			defer db.Close()
			entries, err := db.Claims(c.Context, filter)
			if err != nil {
				return fmt.Errorf("claims: %w", err)
			}
			if len(entries) == 0 && filter.Document != "" {
				// A mistyped name must not look like a document without claims.
				if found, err := db.HasDocument(c.Context, filter.Document); err != nil || !found {
					return cmp.Or(err, fmt.Errorf("claims: no document is named %q (a document is named by its file name, as the Document column of claimtrack claims shows it)", filter.Document))
				}
			}
			return writeLimited(c, std, "claims", entries, func(out *output, entries []claims.Entry) error {
				return writeClaims(out, format, entries)
			})
		},
	}
}

func limitFlag() *cli.IntFlag {
	return &cli.IntFlag{Name: "limit", Usage: "list the first `N` only; 0 lists all"}
}

// writeLimited writes the first --limit rows of a listing where -o sends
// it, and says on stderr how many it left out, so that a short listing is
// not taken for all there is.
func writeLimited[T any](c *cli.Context, std streams, what string, rows []T, write func(out *output, rows []T) error) error {
	rows, left := reports.First(rows, c.Int("limit"))
	out, err := openOutput(c, std)
	if err != nil {
		return err
	}
	if err := out.commit(write(out, rows)); err != nil || left == 0 {
		return err
	}
	_, err = fmt.Fprintf(std.stderr, "claimtrack: %s more %s not listed (--limit 0 lists all)\n", reports.FormatCount(left), what)
	return err
}

func formatFlag(value, choices string) *cli.StringFlag {
	return &cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: value, Usage: "output `FORMAT`: " + choices}
}

func dateFlag(c *cli.Context, name string) (claims.Date, error) {
	s := c.String(name)
	if s == "" {
		return claims.Date{}, nil
	}
	d, err := claims.ParseDate(s)
	if err != nil {
		return claims.Date{}, fmt.Errorf("--%s %q is not YYYY-MM-DD", name, s)
	}
	return d, nil
}

func writeClaims(out *output, format reports.Format, entries []claims.Entry) error {
	switch format {
	case reports.Table:
		if len(entries) == 0 {
			_, err := fmt.Fprintln(out.w, "No claims match.")
			return err
		}
	case reports.JSONL:
		return reports.WriteClaimsJSONL(out.w, entries)
	case reports.CSV:
		return reports.WriteClaimsCSV(out.w, entries)
	}
	return reports.ClaimsGrid(entries).Write(out.w, format, out.width)
}
