package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"claimtrack/claims"
)

// ErrClaimsChanged is returned instead of saving a reconciliation computed
// from claims that another process has added to since.
var ErrClaimsChanged = errors.New("claims were added while reconciling")

// ReplaceReconciliation replaces the stored reconciliation with the one
// write writes, computed from the claims set names with opt, in one transaction:
// readers see the old conclusions or the new ones, never a mix. write must
// assign every claim of set. When the stored claims are no longer those,
// nothing is written and the error is ErrClaimsChanged: whoever added the
// claims reconciles after adding them, and must not be overwritten by an
// older view.
func (db *DB) ReplaceReconciliation(ctx context.Context, set ClaimSet, opt claims.Options, write func(claims.ReconciliationWriter) error) error {
	var tx *sql.Tx
	// Only taking the lock is tried again: write runs once.
	err := retryBusy(ctx, func() error {
		var err error
		tx, err = db.db.BeginTx(ctx, nil)
		return err
	})
	if err != nil {
		return fmt.Errorf("save reconciliation: %w", err)
	}
	defer tx.Rollback()
	var now ClaimSet
	var unassigned int
	err = tx.QueryRowContext(ctx, `SELECT count(*), count(*) FILTER (WHERE series_id IS NULL) FROM claims`).
		Scan(&now.count, &unassigned)
	if err != nil {
		return fmt.Errorf("save reconciliation: %w", err)
	}
	if now != set {
		return ErrClaimsChanged
	}
	// Most claims get a group and series for the first time: more than a
	// quarter are in none.
	rebuild := 4*unassigned > now.count
	if err := replaceReconciliation(ctx, tx, opt, false, rebuild, write); err != nil {
		return fmt.Errorf("save reconciliation: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save reconciliation: %w", err)
	}
	return nil
}

// Unreconciled counts the stored claims in no series. The reconciler puts
// every claim in one, so such claims were added after the last saved
// reconciliation (by an ingest with --no-reconcile, one that lost the race
// to reconcile to another process, or one interrupted), or it never
// finished: the stored findings leave them out.
func (db *DB) Unreconciled(ctx context.Context) (int, error) {
	var n int
	err := db.db.QueryRowContext(ctx, `SELECT count(*) FROM claims WHERE series_id IS NULL`).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("check reconciliation: %w", err)
	}
	return n, nil
}

// ReconciliationOptions returns the options the stored reconciliation was
// computed with; the defaults when none has been saved.
func (db *DB) ReconciliationOptions(ctx context.Context) (claims.Options, error) {
	var opt claims.Options
	err := db.db.QueryRowContext(ctx, `SELECT tolerance FROM reconciliation_options WHERE id = 1`).Scan(&opt.Tolerance)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return opt, fmt.Errorf("read reconciliation options: %w", err)
	}
	return opt, nil
}
