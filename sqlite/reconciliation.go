package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"claimtrack/claims"
)

// SaveReconciliation replaces the stored groups, series and findings with r
// and writes each claim's group and series, in one transaction: readers see
// the old conclusions or the new ones, never a mix.
func (db *DB) SaveReconciliation(ctx context.Context, r claims.Reconciliation) error {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save reconciliation: %w", err)
	}
	defer tx.Rollback()
	if err := saveReconciliation(ctx, tx, r); err != nil {
		return fmt.Errorf("save reconciliation: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save reconciliation: %w", err)
	}
	return nil
}

func saveReconciliation(ctx context.Context, tx *sql.Tx, r claims.Reconciliation) error {
	for _, stmt := range []string{
		"DELETE FROM finding_claims", "DELETE FROM findings", "DELETE FROM implied_totals",
		"DELETE FROM series", "DELETE FROM groups",
		"UPDATE claims SET group_id = NULL, series_id = NULL WHERE group_id IS NOT NULL OR series_id IS NOT NULL",
	} {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return err
		}
	}
	insertGroup, err := tx.PrepareContext(ctx, "INSERT INTO groups (id, label) VALUES (?, ?)")
	if err != nil {
		return err
	}
	defer insertGroup.Close()
	insertTotal, err := tx.PrepareContext(ctx, `INSERT INTO implied_totals
		(group_id, series_id, low, high, label, base_claim_id, incremental_claim_id) VALUES (?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer insertTotal.Close()
	setGroup, err := tx.PrepareContext(ctx, "UPDATE claims SET group_id = ? WHERE id = ?")
	if err != nil {
		return err
	}
	defer setGroup.Close()
	for _, g := range r.Groups {
		if _, err := insertGroup.ExecContext(ctx, g.ID, g.Label); err != nil {
			return fmt.Errorf("group %s: %w", g.ID, err)
		}
		for _, id := range g.Claims {
			if _, err := setGroup.ExecContext(ctx, g.ID, id); err != nil {
				return err
			}
		}
		for _, t := range g.ImpliedTotals {
			if len(t.From) != 2 {
				return fmt.Errorf("group %s: implied total %q needs a base and an increment", g.ID, t.Label)
			}
			if _, err := insertTotal.ExecContext(ctx, g.ID, t.Series, t.Low, t.High, t.Label, t.From[0], t.From[1]); err != nil {
				return err
			}
		}
	}
	insertSeries, err := tx.PrepareContext(ctx, "INSERT INTO series (id, group_id, label, status) VALUES (?, ?, ?, ?)")
	if err != nil {
		return err
	}
	defer insertSeries.Close()
	setSeries, err := tx.PrepareContext(ctx, "UPDATE claims SET series_id = ? WHERE id = ?")
	if err != nil {
		return err
	}
	defer setSeries.Close()
	for _, s := range r.Series {
		if _, err := insertSeries.ExecContext(ctx, s.ID, s.Group, s.Label, s.Status); err != nil {
			return fmt.Errorf("series %s: %w", s.ID, err)
		}
		for _, id := range s.Claims {
			if _, err := setSeries.ExecContext(ctx, s.ID, id); err != nil {
				return err
			}
		}
	}
	insertFinding, err := tx.PrepareContext(ctx, `INSERT INTO findings
		(id, type, group_id, series_id, independent_sources, summary) VALUES (?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer insertFinding.Close()
	insertFindingClaim, err := tx.PrepareContext(ctx, "INSERT INTO finding_claims (finding_id, position, claim_id) VALUES (?, ?, ?)")
	if err != nil {
		return err
	}
	defer insertFindingClaim.Close()
	for _, f := range r.Findings {
		if _, err := insertFinding.ExecContext(ctx, f.ID, f.Type, nullString{&f.Group}, nullString{&f.Series}, f.IndependentSources, f.Summary); err != nil {
			return fmt.Errorf("finding %s: %w", f.ID, err)
		}
		for i, id := range f.Claims {
			if _, err := insertFindingClaim.ExecContext(ctx, f.ID, i, id); err != nil {
				return err
			}
		}
	}
	return nil
}

// Findings lists the stored findings by id, each with its claim ids in order.
func (db *DB) Findings(ctx context.Context) ([]claims.Finding, error) {
	return db.findings(ctx, "", nil)
}

// FindingsOf lists the findings naming one claim, as an audit shows them,
// without reading the others.
func (db *DB) FindingsOf(ctx context.Context, claimID string) ([]claims.Finding, error) {
	return db.findings(ctx,
		"WHERE f.id IN (SELECT finding_id FROM finding_claims WHERE claim_id = ?)", []any{claimID})
}

func (db *DB) findings(ctx context.Context, where string, args []any) ([]claims.Finding, error) {
	rows, err := db.db.QueryContext(ctx, `
		SELECT f.id, f.type, COALESCE(f.group_id, ''), COALESCE(f.series_id, ''), f.independent_sources, f.summary,
		       (SELECT json_group_array(fc.claim_id ORDER BY fc.position) FROM finding_claims fc WHERE fc.finding_id = f.id)
		FROM findings f `+where+` ORDER BY f.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("findings: %w", err)
	}
	defer rows.Close()
	var out []claims.Finding
	for rows.Next() {
		var f claims.Finding
		var ids string
		if err := rows.Scan(&f.ID, &f.Type, &f.Group, &f.Series, &f.IndependentSources, &f.Summary, &ids); err != nil {
			return nil, fmt.Errorf("findings: %w", err)
		}
		if f.Claims, err = jsonStrings(ids); err != nil {
			return nil, fmt.Errorf("finding %s: %w", f.ID, err)
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("findings: %w", err)
	}
	return out, nil
}

// where is a WHERE clause requiring each column to equal its value, leaving
// out the columns whose value is "" (any value), and the arguments for it.
func where(columns ...string) (clause string, args []any) {
	var conds []string
	for k := 0; k+1 < len(columns); k += 2 {
		if columns[k+1] != "" {
			conds = append(conds, columns[k]+" = ?")
			args = append(args, columns[k+1])
		}
	}
	if len(conds) == 0 {
		return "", nil
	}
	return "WHERE " + strings.Join(conds, " AND "), args
}

// Groups lists the stored groups by id with their claims and implied
// totals.
func (db *DB) Groups(ctx context.Context) ([]claims.Group, error) {
	return db.groups(ctx, "(SELECT json_group_array(c.id ORDER BY c.id) FROM claims c WHERE c.group_id = g.id)", "", "")
}

// GroupOf gives one stored group with the implied totals of one of its
// series, without its claims: a story on a large ledger may hold hundreds of
// thousands of claims and tens of thousands of totals. A group not stored is
// the zero Group.
func (db *DB) GroupOf(ctx context.Context, id, seriesID string) (claims.Group, error) {
	groups, err := db.groups(ctx, "'[]'", id, seriesID)
	if err != nil || len(groups) == 0 {
		return claims.Group{}, err
	}
	groups[0].Claims = nil
	return groups[0], nil
}

// groups lists the group id, or all for "", with claim ids from the SQL
// expression claimIDs, and the implied totals of series seriesID, or of all
// for "".
func (db *DB) groups(ctx context.Context, claimIDs, id, seriesID string) ([]claims.Group, error) {
	clause, args := where("g.id", id)
	rows, err := db.db.QueryContext(ctx, `
		SELECT g.id, g.label, `+claimIDs+`
		FROM groups g `+clause+` ORDER BY g.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("groups: %w", err)
	}
	defer rows.Close()
	var out []claims.Group
	index := map[string]int{}
	for rows.Next() {
		var g claims.Group
		var ids string
		if err := rows.Scan(&g.ID, &g.Label, &ids); err != nil {
			return nil, fmt.Errorf("groups: %w", err)
		}
		if g.Claims, err = jsonStrings(ids); err != nil {
			return nil, fmt.Errorf("group %s: %w", g.ID, err)
		}
		index[g.ID] = len(out)
		out = append(out, g)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("groups: %w", err)
	}
	clause, args = where("group_id", id, "series_id", seriesID)
	totals, err := db.db.QueryContext(ctx, `SELECT group_id, series_id, low, high, label, base_claim_id, incremental_claim_id
		FROM implied_totals `+clause+` ORDER BY group_id, series_id, base_claim_id, incremental_claim_id`, args...)
	if err != nil {
		return nil, fmt.Errorf("implied totals: %w", err)
	}
	defer totals.Close()
	for totals.Next() {
		var group, base, inc string
		var t claims.Total
		if err := totals.Scan(&group, &t.Series, &t.Low, &t.High, &t.Label, &base, &inc); err != nil {
			return nil, fmt.Errorf("implied totals: %w", err)
		}
		t.From = []string{base, inc}
		if i, ok := index[group]; ok {
			out[i].ImpliedTotals = append(out[i].ImpliedTotals, t)
		}
	}
	if err := totals.Err(); err != nil {
		return nil, fmt.Errorf("implied totals: %w", err)
	}
	return out, nil
}

// Series lists the stored series by id with their claims.
func (db *DB) Series(ctx context.Context) ([]claims.Series, error) {
	return db.series(ctx, "(SELECT json_group_array(c.id ORDER BY c.id) FROM claims c WHERE c.series_id = s.id)", "")
}

// SeriesOf gives one stored series without its claims, for a caller that
// loads them anyway. A series not stored is the zero Series.
func (db *DB) SeriesOf(ctx context.Context, id string) (claims.Series, error) {
	series, err := db.series(ctx, "'[]'", id)
	if err != nil || len(series) == 0 {
		return claims.Series{}, err
	}
	series[0].Claims = nil
	return series[0], nil
}

// series lists the series id, or all for "", with claim ids from the SQL
// expression claimIDs.
func (db *DB) series(ctx context.Context, claimIDs, id string) ([]claims.Series, error) {
	clause, args := where("s.id", id)
	rows, err := db.db.QueryContext(ctx, `
		SELECT s.id, s.group_id, s.label, s.status, `+claimIDs+`
		FROM series s `+clause+` ORDER BY s.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("series: %w", err)
	}
	defer rows.Close()
	var out []claims.Series
	for rows.Next() {
		var s claims.Series
		var ids string
		if err := rows.Scan(&s.ID, &s.Group, &s.Label, &s.Status, &ids); err != nil {
			return nil, fmt.Errorf("series: %w", err)
		}
		if s.Claims, err = jsonStrings(ids); err != nil {
			return nil, fmt.Errorf("series %s: %w", s.ID, err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("series: %w", err)
	}
	return out, nil
}

// jsonStrings decodes the JSON array SQLite's json_group_array builds.
func jsonStrings(s string) ([]string, error) {
	var out []string
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		return nil, err
	}
	return out, nil
}
