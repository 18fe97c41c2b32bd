package sqlite

import (
	"context"
	"errors"
	"testing"

	"github.com/mattn/go-sqlite3"
)

func TestRetryBusy(t *testing.T) {
	busy := sqlite3.Error{Code: sqlite3.ErrBusy}
	failing := func(times int, err error) (func() error, *int) {
		calls := new(int)
		return func() error {
			*calls++
			if *calls <= times {
				return err
			}
			return nil
		}, calls
	}

	op, calls := failing(2, busy)
	if err := retryBusy(t.Context(), op); err != nil || *calls != 3 {
		t.Errorf("busy twice: err %v after %d calls, want success on the 3rd", err, *calls)
	}

	op, calls = failing(busyAttempts, sqlite3.Error{Code: sqlite3.ErrLocked})
	if err := retryBusy(t.Context(), op); !isBusy(err) || *calls != busyAttempts {
		t.Errorf("always locked: err %v after %d calls, want the locked error after %d", err, *calls, busyAttempts)
	}

	other := errors.New("constraint failed")
	op, calls = failing(1, other)
	if err := retryBusy(t.Context(), op); err != other || *calls != 1 {
		t.Errorf("other error: err %v after %d calls, want it at once", err, *calls)
	}

	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	op, calls = failing(1, busy)
	if err := retryBusy(ctx, op); !isBusy(err) || *calls != 1 {
		t.Errorf("cancelled: err %v after %d calls, want the busy error at once", err, *calls)
	}
}
