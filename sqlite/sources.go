package sqlite

import (
	"claimtrack/claims"
	"context"
	"fmt"
)

// Roles a name plays in the ledger.
const (
	RoleOutlet = "outlet" // publishes documents
	RoleSource = "source" // a root source claims are attributed to
)

// SourceActivity is what one outlet or root source contributed to the
// ledger, and how its claims fared in the reconciliation.
type SourceActivity struct {
	Name      string
	Role      string // RoleOutlet or RoleSource
	Claims    int
	Documents int
	// Corroborated and Conflicted count claims named in a corroboration or a
	// conflict finding.
	Corroborated, Conflicted int
	// FirstReports counts the series, reported by more than one document,
	// where this name's claims were published first.
	FirstReports int
}

// SourceActivities lists the outlets, then the root sources, each by name.
func (db *DB) SourceActivities(ctx context.Context) ([]SourceActivity, error) {
	// A claim's day of reporting is its document's publication date, else the
	// date inferred from the text, else the date the figure describes.
	rows, err := db.db.QueryContext(ctx, `
		WITH reported AS (
			SELECT c.id, c.series_id, c.root_source, d.outlet, d.id AS document_id,
			       coalesce(d.published, d.inferred, c.as_of) AS day
			FROM claims c JOIN documents d ON d.id = c.document_id
		),
		contested AS MATERIALIZED (
			SELECT c.series_id, min(c.day) AS first_day
			FROM reported c
			WHERE c.series_id IS NOT NULL
			GROUP BY c.series_id
			HAVING count(DISTINCT c.document_id) > 1
		),
		named AS MATERIALIZED (
			SELECT fc.claim_id, max(f.type = 'corroboration') AS corroborated, max(f.type = 'conflict') AS conflicted
			FROM finding_claims fc JOIN findings f ON f.id = fc.finding_id
			WHERE f.type IN ('corroboration', 'conflict')
			GROUP BY fc.claim_id
		),
		-- Each part is worked out once and joined, not looked up claim by
		-- claim: a million-claim ledger answers in seconds.
		judged AS MATERIALIZED (
			SELECT r.*, coalesce(n.corroborated, 0) AS corroborated, coalesce(n.conflicted, 0) AS conflicted,
			       CASE WHEN k.series_id IS NOT NULL THEN r.series_id END AS first_series
			FROM reported r
			LEFT JOIN named n ON n.claim_id = r.id
			LEFT JOIN contested k ON k.series_id = r.series_id AND k.first_day = r.day
		)
		SELECT ?, outlet, count(*), count(DISTINCT document_id), sum(corroborated), sum(conflicted),
		       count(DISTINCT first_series)
		FROM judged WHERE outlet != '' GROUP BY outlet
		UNION ALL
		SELECT ?, root_source, count(*), count(DISTINCT document_id), sum(corroborated), sum(conflicted),
		       count(DISTINCT first_series)
		FROM judged WHERE root_source IS NOT NULL GROUP BY root_source
		ORDER BY 1, 2 COLLATE NOCASE`, RoleOutlet, RoleSource)
	if err != nil {
		return nil, fmt.Errorf("source activity: %w", err)
	}
	defer rows.Close()
	var out []SourceActivity
	for rows.Next() {
		var a SourceActivity
		if err := rows.Scan(&a.Role, &a.Name, &a.Claims, &a.Documents, &a.Corroborated, &a.Conflicted, &a.FirstReports); err != nil {
			return nil, fmt.Errorf("source activity: %w", err)
		}
		a.Name = claims.Inert(a.Name)
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("source activity: %w", err)
	}
	return out, nil
}
