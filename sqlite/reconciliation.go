package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"claimtrack/claims"
)

// SaveReconciliation replaces the stored groups, series and findings with r,
// and the options it was computed with, and writes each claim's group and
// series, in one transaction: readers see
// the old conclusions or the new ones, never a mix. Claims r does not name
// are left in no group and no series.
func (db *DB) SaveReconciliation(ctx context.Context, r claims.Reconciliation) error {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save reconciliation: %w", err)
	}
	defer tx.Rollback()
	err = replaceReconciliation(ctx, tx, r.Options, true, true, r.WriteTo)
	if err != nil {
		return fmt.Errorf("save reconciliation: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save reconciliation: %w", err)
	}
	return nil
}

// replaceReconciliation deletes the stored reconciliation and has write
// write the new one into tx. With unassign, every claim is first put in no
// group and no series; without, write must assign every claim. With
// rebuild, the indexes over the claims' groups and series are built after
// write rather than updated claim by claim, which pays when most claims get
// a new group or series, as after a large ingest; after a small one few
// claims change and updating the indexes costs less than a rebuild.
func replaceReconciliation(ctx context.Context, tx *sql.Tx, opt claims.Options, unassign, rebuild bool, write func(claims.ReconciliationWriter) error) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO reconciliation_options (id, tolerance) VALUES (1, ?)
		ON CONFLICT (id) DO UPDATE SET tolerance = excluded.tolerance`, opt.EffectiveTolerance())
	if err != nil {
		return err
	}
	// The findings' indexes are dropped while findings are written and built
	// again after (migrations/005_findings_keys.sql).
	var indexes []string
	for _, table := range []string{"findings", "finding_claims"} {
		dropped, err := dropIndexes(ctx, tx, table)
		if err != nil {
			return err
		}
		indexes = append(indexes, dropped...)
	}
	if rebuild {
		dropped, err := dropIndexes(ctx, tx, "claims", "group_id", "series_id")
		if err != nil {
			return err
		}
		indexes = append(indexes, dropped...)
	}
	clearing := []string{"DELETE FROM finding_claims", "DELETE FROM findings", "DELETE FROM implied_totals",
		"DELETE FROM series", "DELETE FROM groups"}
	if unassign {
		clearing = append(clearing,
			"UPDATE claims SET group_id = NULL, series_id = NULL WHERE group_id IS NOT NULL OR series_id IS NOT NULL")
	}
	for _, stmt := range clearing {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return err
		}
	}
	w, err := newReconciliationWriter(ctx, tx)
	if err != nil {
		return err
	}
	defer w.close()
	if err := write(w); err != nil {
		return err
	}
	for _, index := range indexes {
		if _, err := tx.ExecContext(ctx, index); err != nil {
			return fmt.Errorf("build index: %w", err)
		}
	}
	return nil
}

// dropIndexes drops the indexes of a table, or only those over one of
// columns when columns are given, and returns the statements that create
// them again.
func dropIndexes(ctx context.Context, tx *sql.Tx, table string, columns ...string) ([]string, error) {
	rows, err := tx.QueryContext(ctx, `
		SELECT s.name, s.sql FROM sqlite_schema s
		WHERE s.type = 'index' AND s.tbl_name = ?1 AND s.sql IS NOT NULL
		  AND (?2 = '[]' OR EXISTS (SELECT 1 FROM pragma_index_info(s.name) i
		                            WHERE i.name IN (SELECT value FROM json_each(?2))))
		ORDER BY s.name`, table, jsonList(columns))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names, creates []string
	for rows.Next() {
		var name, create string
		if err := rows.Scan(&name, &create); err != nil {
			return nil, err
		}
		names, creates = append(names, name), append(creates, create)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, name := range names {
		if _, err := tx.ExecContext(ctx, "DROP INDEX "+quoteIdentifier(name)); err != nil {
			return nil, err
		}
	}
	return creates, nil
}

// quoteIdentifier quotes an SQL name.
func quoteIdentifier(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// reconciliationWriter writes a reconciliation into a transaction as the
// reconciler works it out.
type reconciliationWriter struct {
	ctx                                          context.Context
	assign, group, total, series, finding, claim *sql.Stmt
}

func newReconciliationWriter(ctx context.Context, tx *sql.Tx) (*reconciliationWriter, error) {
	w := &reconciliationWriter{ctx: ctx}
	for _, s := range []struct {
		stmt  **sql.Stmt
		query string
	}{
		// A claim that keeps its group and series is not written again: a
		// reconciliation after a small ingest changes few of them.
		{&w.assign, `UPDATE claims SET group_id = ?1, series_id = ?2
			WHERE id = ?3 AND (group_id IS NOT ?1 OR series_id IS NOT ?2)`},
		{&w.group, "INSERT INTO groups (id, label) VALUES (?, ?)"},
		{&w.total, `INSERT INTO implied_totals
			(group_id, series_id, low, high, label, base_claim_id, incremental_claim_id) VALUES (?, ?, ?, ?, ?, ?, ?)`},
		{&w.series, "INSERT INTO series (id, group_id, label, status) VALUES (?, ?, ?, ?)"},
		{&w.finding, `INSERT INTO findings
			(id, type, group_id, series_id, independent_sources, summary) VALUES (?, ?, ?, ?, ?, ?)`},
		{&w.claim, "INSERT INTO finding_claims (finding_id, position, claim_id) VALUES (?, ?, ?)"},
	} {
		stmt, err := tx.PrepareContext(ctx, s.query)
		if err != nil {
			w.close()
			return nil, err
		}
		*s.stmt = stmt
	}
	return w, nil
}

func (w *reconciliationWriter) close() {
	for _, stmt := range []*sql.Stmt{w.assign, w.group, w.total, w.series, w.finding, w.claim} {
		if stmt != nil {
			stmt.Close()
		}
	}
}

func (w *reconciliationWriter) Assign(claimID, group, series string) error {
	_, err := w.assign.ExecContext(w.ctx, nullString{&group}, nullString{&series}, claimID)
	return err
}

func (w *reconciliationWriter) Group(g claims.Group) error {
	if _, err := w.group.ExecContext(w.ctx, g.ID, g.Label); err != nil {
		return fmt.Errorf("group %s: %w", g.ID, err)
	}
	for _, t := range g.ImpliedTotals {
		if len(t.From) != 2 {
			return fmt.Errorf("group %s: implied total %q needs a base and an increment", g.ID, t.Label)
		}
		if _, err := w.total.ExecContext(w.ctx, g.ID, t.Series, t.Low, t.High, t.Label, t.From[0], t.From[1]); err != nil {
			return err
		}
	}
	return nil
}

func (w *reconciliationWriter) Series(s claims.Series) error {
	if _, err := w.series.ExecContext(w.ctx, s.ID, s.Group, s.Label, s.Status); err != nil {
		return fmt.Errorf("series %s: %w", s.ID, err)
	}
	return nil
}

func (w *reconciliationWriter) Finding(f claims.Finding) error {
	if _, err := w.finding.ExecContext(w.ctx, f.ID, f.Type, nullString{&f.Group}, nullString{&f.Series}, f.IndependentSources, f.Summary); err != nil {
		return fmt.Errorf("finding %s: %w", f.ID, err)
	}
	for i, id := range f.Claims {
		if _, err := w.claim.ExecContext(w.ctx, f.ID, i, id); err != nil {
			return err
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
		f.Summary = claims.Inert(f.Summary) // written by an older claimtrack, it may hold escapes
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
		g.Label = claims.Inert(g.Label) // written by an older claimtrack, it may hold escapes
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
		t.Label = claims.Inert(t.Label) // written by an older claimtrack, it may hold escapes
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
		s.Label = claims.Inert(s.Label) // written by an older claimtrack, it may hold escapes
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
