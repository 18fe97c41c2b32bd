package sqlite

import (
	"database/sql/driver"
	"fmt"

	"claimtrack/claims"
)

// nullDate stores a claims.Date as YYYY-MM-DD, and the zero date as NULL.
type nullDate struct{ date *claims.Date }

func (n nullDate) Value() (driver.Value, error) {
	if n.date.IsZero() {
		return nil, nil
	}
	return n.date.String(), nil
}

func (n nullDate) Scan(src any) error {
	switch src := src.(type) {
	case nil:
		*n.date = claims.Date{}
		return nil
	case string:
		date, err := claims.ParseDate(src)
		if err != nil {
			return err
		}
		*n.date = date
		return nil
	default:
		return fmt.Errorf("date column holds %T, want text", src)
	}
}

// nullString stores the empty string as NULL, for columns where "" means
// "none" (a claim with no root source, group or series).
type nullString struct{ s *string }

func (n nullString) Value() (driver.Value, error) {
	if *n.s == "" {
		return nil, nil
	}
	return *n.s, nil
}

func (n nullString) Scan(src any) error {
	switch src := src.(type) {
	case nil:
		*n.s = ""
		return nil
	case string:
		*n.s = src
		return nil
	default:
		return fmt.Errorf("text column holds %T", src)
	}
}
