package sqlite

import (
	"context"
	"errors"
	"math/rand/v2"
	"time"

	"github.com/mattn/go-sqlite3"
)

// The busy timeout makes SQLite wait for another process's lock, but a wait
// can still end in SQLITE_BUSY: a writer may hold the lock for longer than the
// timeout (reconciling a large ledger), and SQLite returns some busy states,
// such as WAL recovery after a crash, without waiting at all. A transaction
// that failed that way wrote nothing, so it is tried again a few times.
const (
	busyAttempts = 5
	busyBackoff  = 50 * time.Millisecond // first pause; it doubles each time
)

// retryBusy runs op until it succeeds, fails for a reason other than a busy
// or locked database, or has been tried busyAttempts times. Pauses between
// attempts are randomised so that processes waiting for the same lock do not
// retry in lockstep. op must be a whole transaction, safe to run again.
func retryBusy(ctx context.Context, op func() error) error {
	pause := busyBackoff
	for attempt := 1; ; attempt++ {
		err := op()
		if err == nil || !isBusy(err) || attempt == busyAttempts {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(pause/2 + rand.N(pause)):
		}
		pause *= 2
	}
}

// isBusy reports whether err is SQLite saying that another connection holds
// a lock it needs.
func isBusy(err error) bool {
	var sqliteErr sqlite3.Error
	return errors.As(err, &sqliteErr) && (sqliteErr.Code == sqlite3.ErrBusy || sqliteErr.Code == sqlite3.ErrLocked)
}
