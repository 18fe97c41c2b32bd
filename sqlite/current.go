package sqlite

import (
	"context"
	"errors"
	"fmt"

	"claimtrack/claims"
)

// ErrClaimsChanged is returned instead of saving a reconciliation computed
// from claims that another process has added to since.
var ErrClaimsChanged = errors.New("claims were added while reconciling")

// SaveReconciliationOf saves r, computed from the claims set names, like
// SaveReconciliation, unless the stored claims are no longer those: then it
// saves nothing and returns ErrClaimsChanged. Whoever added the claims
// reconciles after adding them, and must not be overwritten by an older view.
func (db *DB) SaveReconciliationOf(ctx context.Context, r claims.Reconciliation, set ClaimSet) error {
	err := retryBusy(ctx, func() error {
		tx, err := db.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		defer tx.Rollback()
		var now ClaimSet
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM claims`).Scan(&now.count); err != nil {
			return err
		}
		if now != set {
			return ErrClaimsChanged
		}
		if err := saveReconciliation(ctx, tx, r); err != nil {
			return err
		}
		return tx.Commit()
	})
	if err != nil && !errors.Is(err, ErrClaimsChanged) {
		return fmt.Errorf("save reconciliation: %w", err)
	}
	return err
}

// Unreconciled reports whether some stored claim is in no series. The
// reconciler puts every claim in one, so such a claim was added after the
// last saved reconciliation, or that reconciliation never finished.
func (db *DB) Unreconciled(ctx context.Context) (bool, error) {
	var unreconciled bool
	err := db.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM claims WHERE series_id IS NULL)`).Scan(&unreconciled)
	if err != nil {
		return false, fmt.Errorf("check reconciliation: %w", err)
	}
	return unreconciled, nil
}
