package main

import (
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"claimtrack/claims"
	"claimtrack/reports"
	"claimtrack/sqlite"
)

func timelineCommand(std streams) *cli.Command {
	return &cli.Command{
		Name:      "timeline",
		Usage:     "the values of one series over time, by source, with a chart",
		ArgsUsage: "SERIES | CLAIM | WORDS",
		Description: "Lists every value of a series by date and source, with the interval each\n" +
			"stands for, and draws the intervals on one scale (├──●──┤, an arrow where a\n" +
			"bound is open) in 80 columns. Name the series by its id, by a claim in it,\n" +
			"or by words of its label; the start of an id will do.\n\n" +
			"Examples:\n" +
			"   claimtrack timeline 7819222b\n" +
			"   claimtrack timeline 'North Korean casualties'\n" +
			"   claimtrack timeline --format csv -o series.csv 9b85be1e\n" +
			"   claimtrack timeline --limit 20 'North Korean casualties'   # the latest 20 values\n\n" +
			"Flags go before the series.",
		Flags: []cli.Flag{formatFlag("table", "table, markdown, csv or jsonl"), outputFlag(), bomFlag(),
			&cli.IntFlag{Name: "limit", Usage: "list the latest `N` values only; 0 lists all"}},
		Action: func(c *cli.Context) error {
			format, err := reports.ParseFormat(c.String("format"), listingFormats...)
			if err != nil {
				return err
			}
			query := strings.TrimSpace(strings.Join(c.Args().Slice(), " "))
			if query == "" {
				return fmt.Errorf("timeline: give a series id, a claim id or words of a series label")
			}
			db, err := openDB(c)
			if err != nil {
				return err
			}
			defer db.Close()
			if _, err := warnIfStale(c.Context, std, db); err != nil {
				return fmt.Errorf("timeline: %w", err)
			}
			all, err := db.Series(c.Context)
			if err != nil {
				return fmt.Errorf("timeline: %w", err)
			}
			if len(all) == 0 {
				return fmt.Errorf("timeline: no series yet: run claimtrack reconcile")
			}
			series, err := findSeries(c, std, db, all, query)
			if err != nil {
				return err
			}
			snapshot, err := loadSnapshot(c, db, sqlite.ClaimFilter{Series: series.ID})
			if err != nil {
				return fmt.Errorf("timeline: %w", err)
			}
			view, ok := reports.BuildSeries(snapshot, series.ID)
			if !ok {
				return fmt.Errorf("timeline: series %s is gone: was the database reconciled meanwhile?", series.ID)
			}
			view.Points, view.Earlier = reports.Last(view.Points, c.Int("limit"))
			out, err := openOutput(c, std)
			if err != nil {
				return err
			}
			if err := out.commit(reports.WriteTimeline(out.w, view, format, out.width, out.style)); err != nil || view.Earlier == 0 {
				return err
			}
			_, err = fmt.Fprintf(std.stderr, "claimtrack: %s earlier values not listed (--limit 0 lists all)\n", reports.FormatCount(view.Earlier))
			return err
		},
	}
}

// findSeries resolves a series id (or its start), a claim id (or its start)
// to the claim's series, or words of a series label. Several matching labels
// are listed to choose from.
func findSeries(c *cli.Context, std streams, db *sqlite.DB, all []claims.Series, query string) (claims.Series, error) {
	var byID, byLabel []claims.Series
	safe := claims.SpreadsheetSafe(query) // an id in its older form finds its new one
	for _, s := range all {
		switch {
		case s.ID == query || s.ID == safe:
			return s, nil
		case strings.HasPrefix(s.ID, query) || strings.HasPrefix(s.ID, safe):
			byID = append(byID, s)
		case strings.Contains(strings.ToLower(s.Label), strings.ToLower(query)):
			byLabel = append(byLabel, s)
		}
	}
	if len(byID) == 1 {
		return byID[0], nil
	}
	if claimIDPrefix.MatchString(query) {
		found, err := db.Claims(c.Context, sqlite.ClaimFilter{IDPrefix: query})
		if err != nil {
			return claims.Series{}, fmt.Errorf("timeline: %w", err)
		}
		if len(found) == 1 {
			for _, s := range all {
				if s.ID == found[0].Series {
					return s, nil
				}
			}
			return claims.Series{}, fmt.Errorf("timeline: claim %s is in no series yet: run claimtrack reconcile", found[0].ID)
		}
	}
	candidates := append(byID, byLabel...)
	switch len(candidates) {
	case 0:
		return claims.Series{}, fmt.Errorf("timeline: no series or claim id starts with %q and no series label has it", query)
	case 1:
		return candidates[0], nil
	}
	g := reports.Grid{Header: []string{"Series", "Label", "Status", "Claims"}}
	for _, s := range candidates {
		g.Rows = append(g.Rows, []string{s.ID, s.Label, string(s.Status), fmt.Sprint(len(s.Claims))})
	}
	if err := g.Write(std.stdout, reports.Table, terminalWidth(std.stdout)); err != nil {
		return claims.Series{}, err
	}
	return claims.Series{}, fmt.Errorf("timeline: %d series match %q; name one by its id", len(candidates), query)
}
