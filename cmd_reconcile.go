package main

import (
	"fmt"
	"strconv"

	"github.com/urfave/cli/v2"

	"claimtrack/claims"
	"claimtrack/reports"
)

func reconcileCommand(std streams) *cli.Command {
	return &cli.Command{
		Name:  "reconcile",
		Usage: "recompute groups, series and findings over the whole database",
		Description: "Groups related claims into stories and series of comparable figures, and\n" +
			"records where independent sources conflict, where a figure changed, where\n" +
			"sources corroborate each other and where an article's figures do not add up.\n" +
			"ingest does this after every run; run it yourself after changing the word\n" +
			"lists or to try another --tolerance. The options are saved with the\n" +
			"reconciliation: reports show intervals at its tolerance, and later\n" +
			"reconciles (this command without --tolerance, and ingest) keep it.\n\n" +
			"It holds a compact record of each claim in memory, a few hundred bytes,\n" +
			"and writes what it finds as it goes. A ledger that would need more than\n" +
			formatBytes(defaultReconcileMemory) + " (" + memoryEnv + ", e.g. 2GB, sets another budget; the memory the\n" +
			"system has available caps it) is reconciled in parts: groups of stories\n" +
			"that fit, reading the claims once for each, with the same result.\n\n" +
			"Examples:\n" +
			"   claimtrack reconcile\n" +
			"   claimtrack reconcile --tolerance 0.2   # 'about 1,000' also covers 800–1,200",
		Flags: []cli.Flag{
			&cli.Float64Flag{Name: "tolerance", Value: claims.DefaultTolerance, DefaultText: "the last reconciliation's, else " + strconv.FormatFloat(claims.DefaultTolerance, 'g', -1, 64),
				Usage: "how far either side of an approximate figure still counts as the same `SHARE`"},
		},
		Action: func(c *cli.Context) error {
			var run reconcileRun
			if c.IsSet("tolerance") {
				tolerance := c.Float64("tolerance")
				if tolerance <= 0 || tolerance >= 1 {
					return fmt.Errorf("reconcile: --tolerance must be between 0 and 1, got %v", tolerance)
				}
				run.Options = &claims.Options{Tolerance: tolerance}
			}
			run.Log, run.Std = std.stderr, &std
			db, err := openDBToWrite(c, false)
			if err != nil {
				return err
			}
			defer db.Close()
			var r reconciled
			err = retryWhileClaimsChange(c.Context, reconcileTries, std.stderr, func() (err error) {
				r, err = reconcileLedger(c.Context, db, run)
				return err
			})
			switch {
			case err != nil && c.Context.Err() != nil:
				fmt.Fprintln(std.stderr, "claimtrack: reconcile: interrupted; the ledger keeps its previous reconciliation")
				return cli.Exit("", 130)
			case err != nil:
				return err
			}
			return r.summary().Write(std.stdout, reports.Table, 0)
		},
	}
}
