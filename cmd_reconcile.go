package main

import (
	"context"
	"fmt"
	"runtime/debug"
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
			"It holds a compact record of every claim in memory, a few hundred bytes\n" +
			"each, and writes what it finds as it goes: a ledger that would need more\n" +
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
			switch {
			case err != nil && c.Context.Err() != nil:
				fmt.Fprintln(io.stderr, "claimtrack: reconcile: interrupted; the ledger keeps its previous reconciliation")
				return cli.Exit("", 130)
			case err != nil:
				return err
			}
			return r.summary().Write(io.stdout, reports.Table, 0)
		},
	}
}

// reconcileStore recomputes the reconciliation over every stored claim and
// saves it in one transaction, returning what it found. When another process
// adds claims meanwhile, nothing is saved and the error is
// sqlite.ErrClaimsChanged: that process reconciles once it has added them,
// over a view that includes ours. A ledger too large for the memory
// available is not started on: the error is a tooLargeToReconcile.
func reconcileStore(ctx context.Context, db *sqlite.DB, opt reconcile.Options) (reconciled, error) {
	_, stored, err := db.Counts(ctx)
	if err != nil {
		return reconciled{}, fmt.Errorf("reconcile: %w", err)
	}
	if err := checkReconcileMemory(stored); err != nil {
		return reconciled{}, fmt.Errorf("reconcile: %w", err)
	}
	// The ledger is a few large arrays without pointers, which the garbage
	// collector need not walk: collecting more often costs little and keeps
	// the peak near what the ledger holds, not twice that.
	defer debug.SetGCPercent(debug.SetGCPercent(25))
	ledger := reconcile.NewLedger(opt)
	ledger.Grow(stored)
	set, err := db.EachClaimToReconcile(ctx, ledger.Add)
	if err != nil {
		return reconciled{}, fmt.Errorf("reconcile: %w", err)
	}
	counted := reconciled{findings: map[string]int{}}
	err = db.ReplaceReconciliation(ctx, set, func(w claims.ReconciliationWriter) error {
		return ledger.Reconcile(counting{w, &counted})
	})
	if err != nil {
		return reconciled{}, fmt.Errorf("reconcile: %w", err)
	}
	return counted, nil
}

// reconciled counts what a reconciliation found.
type reconciled struct {
	groups, series int
	findings       map[string]int // by type
}

// counting counts what passes through to a writer.
type counting struct {
	claims.ReconciliationWriter
	n *reconciled
}

func (c counting) Group(g claims.Group) error {
	c.n.groups++
	return c.ReconciliationWriter.Group(g)
}

func (c counting) Series(s claims.Series) error {
	c.n.series++
	return c.ReconciliationWriter.Series(s)
}

func (c counting) Finding(f claims.Finding) error {
	c.n.findings[f.Type]++
	return c.ReconciliationWriter.Finding(f)
}

// summary tabulates what the reconciler found, by finding type.
func (r reconciled) summary() reports.Grid {
	checks := 0
	for kind, n := range r.findings {
		if kind != reconcile.Conflict && kind != reconcile.Change && kind != reconcile.Corroboration {
			checks += n
		}
	}
	return reports.Grid{
		Header: []string{"Groups", "Series", "Conflicts", "Changes", "Corroborations", "Consistency checks"},
		Rows: [][]string{{strconv.Itoa(r.groups), strconv.Itoa(r.series),
			strconv.Itoa(r.findings[reconcile.Conflict]), strconv.Itoa(r.findings[reconcile.Change]),
			strconv.Itoa(r.findings[reconcile.Corroboration]), strconv.Itoa(checks)}},
	}
}
