package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"claimtrack/claims"
)

// AddDocument stores doc and its claims in one transaction, so a failure
// leaves nothing of the document behind. It writes nothing and reports false
// when a document with the same hash is already stored, also when another
// process stored it a moment ago: writers take the lock as they begin, so the
// second one sees the first one's row.
func (db *DB) AddDocument(ctx context.Context, doc claims.Document, cs []claims.Claim) (added bool, err error) {
	err = retryBusy(ctx, func() error {
		added, err = db.addDocument(ctx, doc, cs)
		return err
	})
	if err != nil {
		return false, fmt.Errorf("add document %s: %w", doc.Name, err)
	}
	return added, nil
}

func (db *DB) addDocument(ctx context.Context, doc claims.Document, cs []claims.Claim) (bool, error) {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()

	var documentID int64
	err = tx.QueryRowContext(ctx, `
		INSERT INTO documents (
			name, path, hash, outlet, published, dateline, dateline_month, dateline_day,
			inferred, inferred_reason, body_start, text, ingested_at
		) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (hash) DO NOTHING
		RETURNING id`,
		doc.Name, doc.Path, doc.Hash, doc.Outlet, nullDate{&doc.Published},
		doc.Dateline, int(doc.DatelineMonth), doc.DatelineDay,
		nullDate{&doc.Inferred}, doc.InferredReason, doc.BodyStart, doc.Text,
		time.Now().UTC().Format(time.RFC3339),
	).Scan(&documentID)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, err
	}

	if err := insertClaims(ctx, tx, documentID, doc.Name, cs); err != nil {
		return false, err
	}
	if err := recordSources(ctx, tx, cs); err != nil {
		return false, err
	}
	if err := tx.Commit(); err != nil {
		return false, err
	}
	return true, nil
}

// insertClaims stores the claims of one document with their attribution chains.
func insertClaims(ctx context.Context, tx *sql.Tx, documentID int64, documentName string, cs []claims.Claim) error {
	insertClaim, err := tx.PrepareContext(ctx, `
		INSERT INTO claims (
			id, document_id, kind, start_offset, end_offset, sentence, text,
			value_low, value_high, qualifier, unit, subject, measure, modality, place, incremental,
			as_of, period_start, period_end, period_precision, root_source, group_id, series_id,
			actors, action, counterparts, object, ordinal
		) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer insertClaim.Close()

	insertAttribution, err := tx.PrepareContext(ctx,
		`INSERT INTO claim_attributions (claim_id, position, name) VALUES (?, ?, ?)`)
	if err != nil {
		return err
	}
	defer insertAttribution.Close()

	for _, c := range cs {
		// The claim is filed under the document it is stored with; a claim
		// naming another document is a caller's mistake, not something to hide.
		if c.Document != "" && c.Document != documentName {
			return fmt.Errorf("claim %s: belongs to document %s", c.ID, c.Document)
		}
		if _, err := insertClaim.ExecContext(ctx,
			c.ID, documentID, c.Kind, c.Start, c.End, c.Sentence, c.Text,
			c.Value.Low, c.Value.High, c.Value.Qualifier, c.Unit, c.Subject, c.Measure, c.Modality, c.Place, c.Incremental,
			nullDate{&c.AsOf}, nullDate{&c.Period.Start}, nullDate{&c.Period.End}, c.Period.Precision,
			nullString{&c.Attribution.Root}, nullString{&c.Group}, nullString{&c.Series},
			jsonList(c.Actors), c.Action, jsonList(c.Counterparts), c.Object, c.Ordinal,
		); err != nil {
			return fmt.Errorf("claim %s: %w", c.ID, err)
		}
		for position, name := range c.Attribution.Chain {
			if _, err := insertAttribution.ExecContext(ctx, c.ID, position, name); err != nil {
				return fmt.Errorf("claim %s: attribution %q: %w", c.ID, name, err)
			}
		}
	}
	return nil
}

// recordSources adds each claim's root source to sources, and the names its
// attribution gives that source to source_aliases. An alias already linked
// to a source keeps its first link.
func recordSources(ctx context.Context, tx *sql.Tx, cs []claims.Claim) error {
	insertSource, err := tx.PrepareContext(ctx,
		`INSERT INTO sources (name) VALUES (?) ON CONFLICT (name) DO NOTHING`)
	if err != nil {
		return err
	}
	defer insertSource.Close()

	insertAlias, err := tx.PrepareContext(ctx, `
		INSERT INTO source_aliases (alias, source_id)
		SELECT ?, id FROM sources WHERE name = ?
		ON CONFLICT (alias) DO NOTHING`)
	if err != nil {
		return err
	}
	defer insertAlias.Close()

	for _, c := range cs {
		root := c.Attribution.Root
		if root == "" {
			continue
		}
		if _, err := insertSource.ExecContext(ctx, root); err != nil {
			return fmt.Errorf("source %q: %w", root, err)
		}
		for _, alias := range sourceAliases(c.Attribution) {
			if _, err := insertAlias.ExecContext(ctx, alias, root); err != nil {
				return fmt.Errorf("source %q: alias %q: %w", root, alias, err)
			}
		}
	}
	return nil
}

// sourceAliases lists the names an attribution gives its root source: the
// root itself, and the names in the chain that differ from it only in case,
// spacing or a leading "the".
func sourceAliases(a claims.Attribution) []string {
	aliases := []string{a.Root}
	for _, name := range a.Chain {
		if name != a.Root && sourceKey(name) == sourceKey(a.Root) {
			aliases = append(aliases, name)
		}
	}
	return aliases
}

// sourceKey normalises a source name for comparison.
func sourceKey(name string) string {
	key := strings.Join(strings.Fields(strings.ToLower(name)), " ")
	return strings.TrimPrefix(key, "the ")
}

// Documents lists the stored documents by name.
func (db *DB) Documents(ctx context.Context) ([]claims.Document, error) {
	rows, err := db.db.QueryContext(ctx, `
		SELECT name, path, hash, outlet, published, dateline, dateline_month, dateline_day,
		       inferred, inferred_reason, body_start, text
		FROM documents
		ORDER BY name, id`)
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	defer rows.Close()

	var docs []claims.Document
	for rows.Next() {
		var d claims.Document
		if err := rows.Scan(
			&d.Name, &d.Path, &d.Hash, &d.Outlet, nullDate{&d.Published},
			&d.Dateline, &d.DatelineMonth, &d.DatelineDay,
			nullDate{&d.Inferred}, &d.InferredReason, &d.BodyStart, &d.Text,
		); err != nil {
			return nil, fmt.Errorf("list documents: %w", err)
		}
		docs = append(docs, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	return docs, nil
}

// Counts reports how many documents and claims are stored.
func (db *DB) Counts(ctx context.Context) (docCount, claimCount int, err error) {
	err = db.db.QueryRowContext(ctx,
		`SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM claims)`,
	).Scan(&docCount, &claimCount)
	if err != nil {
		return 0, 0, fmt.Errorf("count: %w", err)
	}
	return docCount, claimCount, nil
}

// jsonList encodes names as a JSON array, [] for none.
func jsonList(names []string) string {
	if len(names) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(names) // a []string always marshals
	return string(b)
}
