package main

import (
	"context"
	"fmt"
	"strconv"

	"github.com/urfave/cli/v2"

	"claimtrack/claims"
	"claimtrack/reconcile"
	"claimtrack/reports"
	"claimtrack/sqlite"
)

func reconcileCommand(io streams) *cli.Command {
	return &cli.Command{
		Name:  "reconcile",
		Usage: "recompute groups, series and findings over the whole database",
		Description: "Groups related claims into stories and series of comparable figures, and\n" +
			"records where independent sources conflict, where a figure changed, where\n" +
			"sources corroborate each other and where an article's figures do not add up.\n" +
			"ingest does this after every run; run it yourself after changing the word\n" +
			"lists or to try another --tolerance.\n\n" +
			"It holds every claim in memory, up to 4 KB each: a ledger that needs more\n" +
			"than the system has available (or than CLAIMTRACK_MEMORY, e.g. 8GB, allows)\n" +
			"is not started on.\n\n" +
			"Examples:\n" +
			"   claimtrack reconcile\n" +
			"   claimtrack reconcile --tolerance 0.2   # 'about 1,000' also covers 800–1,200",
		Flags: []cli.Flag{
			&cli.Float64Flag{Name: "tolerance", Value: reconcile.DefaultTolerance,
				Usage: "how far either side of an approximate figure still counts as the same `SHARE`"},
		},
		Action: func(c *cli.Context) error {
			tolerance := c.Float64("tolerance")
			if tolerance <= 0 || tolerance >= 1 {
				return fmt.Errorf("reconcile: --tolerance must be between 0 and 1, got %v", tolerance)
			}
			db, err := openDB(c)
			if err != nil {
				return err
			}
			defer db.Close()
			r, err := reconcileStore(c.Context, db, reconcile.Options{Tolerance: tolerance})
			if err != nil {
				return err
			}
			return reconciliationSummary(r).Write(io.stdout, reports.Table, 0)
		},
	}
}

// reconcileStore recomputes the reconciliation over every stored claim and
// saves it in one transaction. When another process adds claims meanwhile,
// nothing is saved and the error is sqlite.ErrClaimsChanged: that process
// reconciles once it has added them, over a view that includes ours.
// A ledger too large for the memory available is not started on: the
// error is a tooLargeToReconcile.
func reconcileStore(ctx context.Context, db *sqlite.DB, opt reconcile.Options) (claims.Reconciliation, error) {
	_, stored, err := db.Counts(ctx)
	if err != nil {
		return claims.Reconciliation{}, fmt.Errorf("reconcile: %w", err)
	}
	if err := checkReconcileMemory(stored); err != nil {
		return claims.Reconciliation{}, fmt.Errorf("reconcile: %w", err)
	}
	entries, set, err := db.ReconcileClaims(ctx)
	if err != nil {
		return claims.Reconciliation{}, fmt.Errorf("reconcile: %w", err)
	}
	r := reconcile.Reconcile(entries, opt)
	if err := db.SaveReconciliationOf(ctx, r, set); err != nil {
		return claims.Reconciliation{}, fmt.Errorf("reconcile: %w", err)
	}
	return r, nil
}

// reconciliationSummary counts what the reconciler found, by finding type.
func reconciliationSummary(r claims.Reconciliation) reports.Grid {
	byType := map[string]int{}
	for _, f := range r.Findings {
		byType[f.Type]++
	}
	return reports.Grid{
		Header: []string{"Groups", "Series", "Conflicts", "Changes", "Corroborations", "Consistency checks"},
		Rows: [][]string{{strconv.Itoa(len(r.Groups)), strconv.Itoa(len(r.Series)),
			strconv.Itoa(byType[reconcile.Conflict]), strconv.Itoa(byType[reconcile.Change]),
			strconv.Itoa(byType[reconcile.Corroboration]),
			strconv.Itoa(len(r.Findings) - byType[reconcile.Conflict] - byType[reconcile.Change] - byType[reconcile.Corroboration])}},
	}
}
