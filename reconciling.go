package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strconv"

	"claimtrack/claims"
	"claimtrack/reconcile"
	"claimtrack/reports"
	"claimtrack/sqlite"
)

// reconcileRun says how to reconcile a stored ledger.
type reconcileRun struct {
	// Options replace those the last reconciliation was computed with;
	// nil keeps them (the defaults for a ledger never reconciled).
	Options *claims.Options
	// Log receives the lines that say a large ledger is reconciled in parts.
	Log io.Writer
	// Std, when set, gets progress bars on its stderr, if a terminal.
	Std *streams
}

// reconcileLedger recomputes the reconciliation over every stored claim and
// saves it, with the options it used, in one transaction, returning what it
// found. When another process
// adds claims meanwhile, nothing is saved and the error is
// sqlite.ErrClaimsChanged: that process reconciles once it has added them,
// over a view that includes ours. Reconciling may use the memory
// reconcileBudget gives beyond what the program already holds, which is
// also the garbage collector's limit meanwhile; a ledger that needs more is
// reconciled in parts, with the same result, unless it is in memory anyway.
// It says so on stderr, as it takes longer.
func reconcileLedger(ctx context.Context, db *sqlite.DB, run reconcileRun) (reconciled, error) {
	budget, err := reconcileBudget()
	if err != nil {
		return reconciled{}, fmt.Errorf("reconcile: %w", err)
	}
	opt, err := db.ReconciliationOptions(ctx)
	if err != nil {
		return reconciled{}, fmt.Errorf("reconcile: %w", err)
	}
	if run.Options != nil {
		opt = *run.Options
	}
	stderr := run.Log
	set, err := db.CurrentClaims(ctx)
	if err != nil {
		return reconciled{}, fmt.Errorf("reconcile: %w", err)
	}
	// The reconciler's records are large arrays without pointers, which the
	// garbage collector need not walk: collecting more often costs little
	// and keeps the peak near what they hold, not twice that.
	defer debug.SetGCPercent(debug.SetGCPercent(25))
	before := liveHeap()
	defer limitMemory(before + budget)()
	counted := reconciled{findings: map[claims.FindingType]int{}}
	if set.Len() > claimsIn(budget) && !db.InMemory() {
		fmt.Fprintf(stderr, "claimtrack: reconciling %s claims in parts, as at once they would need more than %s "+
			"(%s sets the memory to use): this reads them several times\n",
			reports.FormatCount(set.Len()), formatBytes(budget), memoryEnv)
		// Each reading must see the claims the transaction was begun for.
		src := func(each func(*claims.Entry)) error {
			read, err := db.EachClaimToReconcile(ctx, each)
			if err == nil && read != set {
				err = sqlite.ErrClaimsChanged
			}
			return err
		}
		// A part may take what the tables of the sorted ledger leave.
		partSize := func() int {
			now := liveHeap()
			kept := now - min(before, now)
			n := claimsIn(budget - min(kept, budget))
			fmt.Fprintf(stderr, "claimtrack: the claims are sorted into series, in %s; parts of up to %s\n",
				formatBytes(kept), reports.Plural(n, "claim"))
			return n
		}
		written := run.bar(set.Len(), "reconciling in parts")
		err = db.ReplaceReconciliation(ctx, set, opt, func(w claims.ReconciliationWriter) error {
			return reconcile.ReconcileInParts(src, opt, partSize, counting{w, &counted, written})
		})
		written.finish()
	} else {
		rec := reconcile.New(opt)
		rec.Grow(set.Len())
		read := run.bar(set.Len(), "reading claims")
		if set, err = db.EachClaimToReconcile(ctx, func(e *claims.Entry) { rec.Add(e); read.add(1) }); err != nil {
			read.finish()
			return reconciled{}, fmt.Errorf("reconcile: %w", err)
		}
		read.finish()
		written := run.bar(set.Len(), "reconciling")
		err = db.ReplaceReconciliation(ctx, set, opt, func(w claims.ReconciliationWriter) error {
			return rec.Reconcile(counting{w, &counted, written})
		})
		written.finish()
	}
	if err != nil {
		return reconciled{}, fmt.Errorf("reconcile: %w", err)
	}
	return counted, nil
}

// reconciled counts what a reconciliation found.
type reconciled struct {
	groups, series int
	findings       map[claims.FindingType]int // by type
}

// bar is a progress bar over n claims for this run, or one that shows
// nothing.
func (run reconcileRun) bar(n int, what string) *progress {
	if run.Std == nil {
		return &progress{}
	}
	return startBar(run.Std, n, reconcileProgressThreshold, what, 4096)
}

// counting counts what passes through to a writer, and the claims assigned
// on a progress bar.
type counting struct {
	claims.ReconciliationWriter
	n        *reconciled
	assigned *progress
}

func (c counting) Assign(claimID, group, series string) error {
	c.assigned.add(1)
	return c.ReconciliationWriter.Assign(claimID, group, series)
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
		if !kind.Compares() {
			checks += n
		}
	}
	return reports.Grid{
		Header: []string{"Groups", "Series", "Conflicts", "Changes", "Corroborations", "Consistency checks"},
		Rows: [][]string{{strconv.Itoa(r.groups), strconv.Itoa(r.series),
			strconv.Itoa(r.findings[claims.Conflict]), strconv.Itoa(r.findings[claims.Change]),
			strconv.Itoa(r.findings[claims.Corroboration]), strconv.Itoa(checks)}},
	}
}

// warnIfStale says in one line, when claims were stored after the last
// reconciliation, that the findings a command shows leave them out; it
// returns how many there are.
func warnIfStale(ctx context.Context, std streams, db *sqlite.DB) (int, error) {
	n, err := db.Unreconciled(ctx)
	if err != nil {
		return 0, err
	}
	if n > 0 {
		fmt.Fprintf(std.stderr, "claimtrack: warning: %s claims were stored after the last reconciliation and are in no finding: run claimtrack reconcile\n",
			reports.FormatCount(n))
	}
	return n, nil
}

// reconcileTries bounds how often a standalone reconcile starts again when
// ingests keep adding claims while it works.
const reconcileTries = 5

// retryWhileClaimsChange runs reconcile again, up to tries times in all,
// while it fails because claims were added meanwhile, saying so each time:
// an ingest that ended meanwhile has stopped adding, so the next try can
// save. Any other error, or a cancelled ctx, ends it.
func retryWhileClaimsChange(ctx context.Context, tries int, log io.Writer, reconcile func() error) error {
	for try := 1; ; try++ {
		err := reconcile()
		if !errors.Is(err, sqlite.ErrClaimsChanged) || ctx.Err() != nil {
			return err
		}
		if try == tries {
			return fmt.Errorf("reconcile: claims kept being added while reconciling (%d tries); each ingest reconciles when it ends, or run this again then", tries)
		}
		fmt.Fprintf(log, "claimtrack: reconcile: claims were added meanwhile; reconciling again (try %d of %d)\n", try+1, tries)
	}
}
