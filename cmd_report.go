package main

import (
	"fmt"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"claimtrack/claims"
	"claimtrack/reports"
	"claimtrack/sqlite"
)

// exitConflict is the exit code of `report --fail-on` when it lists what it
// was told to fail on, so pipelines can tell it from an error (1).
const exitConflict = 3

// defaultReportLimit is how many series a report for people lists unless
// told otherwise: a screenful of conflicts and changes, not a ledger's
// thousands.
const defaultReportLimit = 50

// exitStale is report --fail-on's exit code when the reconciliation leaves
// out claims stored after it, so that it can tell neither way.
const exitStale = 4

func reportCommand(std streams) *cli.Command {
	return &cli.Command{
		Name:  "report",
		Usage: "the consistency report: conflicts, changes and agreement, series by series",
		Description: "Sums up the ledger, then lists every series (claims that measure the same\n" +
			"thing): conflicts first, then changes, then series that independent sources\n" +
			"corroborate, then those one source stands behind. For each series it shows\n" +
			"the latest value of each independent source with its date and qualifier,\n" +
			"the findings and the totals implied by incremental claims.\n\n" +
			"Examples:\n" +
			"   claimtrack report\n" +
			"   claimtrack report --status conflict --source 'US'\n" +
			"   claimtrack report --since 2024-12-01 --fail-on conflict   # exit 3 on conflicts\n" +
			"   claimtrack report --format html -o report.html\n" +
			"   claimtrack report --format csv -o report.csv",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "group", Usage: "only the story with this `ID` or words of its label"},
			&cli.StringFlag{Name: "status", Usage: "only series with `STATUS`: " + statusNames()},
			&cli.StringFlag{Name: "source", Usage: "only series with a claim from a source or outlet named `WORDS`"},
			&cli.StringFlag{Name: "since", Usage: "only claims describing `YYYY-MM-DD` or later"},
			&cli.StringFlag{Name: "until", Usage: "only claims describing `YYYY-MM-DD` or earlier"},
			&cli.StringFlag{Name: "fail-on", Usage: fmt.Sprintf("exit %d when the report lists a `FINDING`: conflict or change (exit %d when claims were stored after the last reconciliation)", exitConflict, exitStale)},
			&cli.IntFlag{Name: "limit", Value: -1, DefaultText: fmt.Sprint(defaultReportLimit) + " for table, markdown and html; all for csv and jsonl",
				Usage: "list the first `N` series, conflicts and the most widely reported first; 0 lists all"},
			formatFlag("table", "table, markdown, csv, jsonl or html"),
			outputFlag(),
			bomFlag(),
		},
		Action: func(c *cli.Context) error {
			format, err := reports.ParseFormat(c.String("format"), append(listingFormats, reports.HTML)...)
			if err != nil {
				return err
			}
			reportFilter := reports.ReportFilter{Group: c.String("group"), Source: c.String("source"), Limit: c.Int("limit")}
			if reportFilter.Limit < 0 {
				reportFilter.Limit = 0 // a file for programs holds everything
				if format == reports.Table || format == reports.Markdown || format == reports.HTML {
					reportFilter.Limit = defaultReportLimit
				}
			}
			if reportFilter.Status, err = statusFlag(c.String("status")); err != nil {
				return err
			}
			failOn := claims.FindingType(c.String("fail-on"))
			if failOn != "" && failOn != claims.Conflict && failOn != claims.Change {
				return fmt.Errorf("--fail-on %q: want conflict or change", failOn)
			}
			// Only the page's claim cards quote sentences: those are read
			// once the report knows its cards.
			claimFilter := sqlite.ClaimFilter{NoSentences: true}
			if claimFilter.Since, err = dateFlag(c, "since"); err != nil {
				return err
			}
			if claimFilter.Until, err = dateFlag(c, "until"); err != nil {
				return err
			}

			// A report holds the ledger's claims and findings at once:
			// collecting when the heap has grown a quarter keeps its peak
			// near what they hold, not twice that. (A limit at reconciling's
			// budget, below what a 155k-claim ledger holds, made the garbage
			// collector run without end: the HTML page took three times as
			// long.)
			defer debug.SetGCPercent(debug.SetGCPercent(25))

			db, err := openDB(c)
			if err != nil {
				return err
			}
			defer db.Close()
			stale, err := warnIfStale(c.Context, std, db)
			if err != nil {
				return fmt.Errorf("report: %w", err)
			}
			snapshot, err := loadSnapshot(c, db, claimFilter)
			if err != nil {
				return fmt.Errorf("report: %w", err)
			}
			report := reports.BuildReport(snapshot, reportFilter)
			report.Sentences = func(ids []string) (map[string]string, error) {
				sentences, err := db.Sentences(c.Context, ids)
				if err != nil {
					return nil, fmt.Errorf("report: %w", err)
				}
				return sentences, nil
			}
			out, err := openOutput(c, std)
			if err != nil {
				return err
			}
			if err := out.commit(report.Write(out.w, format, out.width, out.style)); err != nil {
				return err
			}
			if failOn != "" && stale > 0 {
				return cli.Exit(fmt.Sprintf("report: --fail-on %s cannot pass on findings that leave out %s claims: run claimtrack reconcile first",
					failOn, reports.FormatCount(stale)), exitStale)
			}
			if n := report.Count(failOn); failOn != "" && n > 0 {
				return cli.Exit(fmt.Sprintf("report: %d %s findings listed (--fail-on %s)", n, failOn, failOn), exitConflict)
			}
			return nil
		},
	}
}

// statusFlag reads a --status value; "single-source" and "single_source"
// stand for "single source".
func statusFlag(s string) (claims.Status, error) {
	if s == "" {
		return "", nil
	}
	status := claims.Status(strings.NewReplacer("-", " ", "_", " ").Replace(strings.ToLower(s)))
	if !slices.Contains(claims.Statuses, status) {
		return "", fmt.Errorf("--status %q: want one of %s", s, statusNames())
	}
	return status, nil
}

// statusNames lists the series statuses for help and errors.
func statusNames() string {
	names := make([]string, len(claims.Statuses))
	for i, s := range claims.Statuses {
		names[i] = string(s)
	}
	return strings.Join(names, ", ")
}
