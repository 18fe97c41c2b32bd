package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
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
	stored, err := db.AddDocuments(ctx, []claims.Article{{Document: doc, Claims: cs}})
	if err != nil {
		return false, err
	}
	return stored[0].Added, stored[0].Err
}

// A batch of this many articles, or of this much text, is large enough that
// committing it costs little beside writing it, and small enough that another
// process waiting to write is not kept waiting long.
const (
	batchArticles = 64
	batchBytes    = 1 << 20
)

// BatchFull reports whether a batch of this many articles holding this much
// text is worth storing now.
func BatchFull(articles, textBytes int) bool {
	return articles >= batchArticles || textBytes >= batchBytes
}

// AddDocuments stores a batch of articles in one transaction, each inside a
// savepoint: an article that fails is rolled back alone and reported in its
// Stored, and the others are committed. Committing once per batch rather
// than once per article is what lets storage keep up with the reader. A
// batch that met a busy database is tried again whole.
func (db *DB) AddDocuments(ctx context.Context, batch []claims.Article) ([]claims.Stored, error) {
	var stored []claims.Stored
	err := retryBusy(ctx, func() (err error) {
		stored, err = db.addDocuments(ctx, batch)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("add documents: %w", damaged(err))
	}
	return stored, nil
}

func (db *DB) addDocuments(ctx context.Context, batch []claims.Article) ([]claims.Stored, error) {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	w, err := prepareWriter(ctx, tx)
	if err != nil {
		return nil, err
	}
	defer w.close()

	stored := make([]claims.Stored, len(batch))
	for i, a := range batch {
		if _, err := tx.ExecContext(ctx, `SAVEPOINT article`); err != nil {
			return nil, err
		}
		added, replaced, err := w.addArticle(ctx, a)
		if err != nil {
			if isBusy(err) || errors.Is(damaged(err), ErrDamaged) {
				return nil, err // the whole batch: tried again, or refused
			}
			if _, err := tx.ExecContext(ctx, `ROLLBACK TO article`); err != nil {
				return nil, err
			}
			stored[i].Err = fmt.Errorf("add document %s: %w", a.Document.Name, err)
		}
		stored[i].Added = added && err == nil
		stored[i].Replaced = replaced && err == nil
		if _, err := tx.ExecContext(ctx, `RELEASE article`); err != nil {
			return nil, err
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	return stored, nil
}

// writer holds the statements that store articles, prepared once per batch.
type writer struct {
	document, sentence, claim, source, alias *sql.Stmt
	stored, remove                           *sql.Stmt // a stored copy's date and outlet; deleting it
}

func prepareWriter(ctx context.Context, tx *sql.Tx) (*writer, error) {
	w := &writer{}
	for _, s := range []struct {
		stmt  **sql.Stmt
		query string
	}{
		{&w.document, `
			INSERT INTO documents (
				name, path, hash, outlet, published, dateline, dateline_month, dateline_day,
				inferred, inferred_reason, body_start, text, ingested_at, names
			) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (hash) DO NOTHING
			RETURNING id`},
		{&w.stored, `SELECT id, coalesce(published, ''), outlet FROM documents WHERE hash = ?`},
		{&w.remove, `DELETE FROM documents WHERE id = ?`},
		{&w.sentence, `INSERT INTO sentences (document_id, sentence, subject) VALUES (?, ?, ?)`},
		{&w.claim, `
			INSERT INTO claims (
				id, document_id, kind, start_offset, end_offset, sentence_seq, text,
				value_low, value_high, qualifier, unit, subject, measure, modality, place, incremental,
				as_of, period_start, period_end, period_precision, root_source, group_id, series_id,
				attribution, actors, action, counterparts, object, ordinal, earlier
			) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&w.source, `INSERT INTO sources (name) VALUES (?) ON CONFLICT (name) DO NOTHING`},
		{&w.alias, `
			INSERT INTO source_aliases (alias, source_id)
			SELECT ?, id FROM sources WHERE name = ?
			ON CONFLICT (alias) DO NOTHING`},
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

func (w *writer) close() {
	for _, stmt := range []*sql.Stmt{w.document, w.sentence, w.claim, w.source, w.alias, w.stored, w.remove} {
		if stmt != nil {
			stmt.Close()
		}
	}
}

// addArticle stores an article unless its text is stored already. An
// article that corrects the stored copy's date or outlet replaces it: the
// copy is deleted with its claims (the foreign keys cascade) and the article
// stored afresh.
func (w *writer) addArticle(ctx context.Context, a claims.Article) (added, replaced bool, err error) {
	added, err = w.addDocument(ctx, a.Document, a.Claims)
	if added || err != nil || !a.CorrectsDate && !a.CorrectsOutlet {
		return added, false, err
	}
	var id int64
	var published, outlet string
	err = w.stored.QueryRowContext(ctx, a.Document.Hash).Scan(&id, &published, &outlet)
	if errors.Is(err, sql.ErrNoRows) {
		return false, false, nil // another process deleted it meanwhile
	}
	if err != nil {
		return false, false, err
	}
	newDate := a.CorrectsDate && published != a.Document.Published.String()
	newOutlet := a.CorrectsOutlet && outlet != a.Document.Outlet
	if !newDate && !newOutlet {
		return false, false, nil
	}
	if _, err := w.remove.ExecContext(ctx, id); err != nil {
		return false, false, fmt.Errorf("replace the stored copy: %w", err)
	}
	added, err = w.addDocument(ctx, a.Document, a.Claims)
	return added, added, err
}

// addDocument stores one document with its sentences, claims and sources,
// or reports false when its text is already stored.
func (w *writer) addDocument(ctx context.Context, doc claims.Document, cs []claims.Claim) (bool, error) {
	var documentID int64
	err := w.document.QueryRowContext(ctx,
		doc.Name, doc.Path, doc.Hash, doc.Outlet, nullDate{&doc.Published},
		doc.Dateline, int(doc.DatelineMonth), doc.DatelineDay,
		nullDate{&doc.Inferred}, doc.InferredReason, doc.BodyStart, doc.Text,
		time.Now().UTC().Format(time.RFC3339), formatNames(doc.Names),
	).Scan(&documentID)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	sentences, err := w.addSentences(ctx, documentID, cs)
	if err != nil {
		return false, err
	}
	if err := w.addClaims(ctx, documentID, doc.Name, cs, sentences); err != nil {
		return false, err
	}
	if err := w.recordSources(ctx, cs); err != nil {
		return false, err
	}
	return true, nil
}

// addSentences stores each sentence that states a claim once, with the
// subjects of its claims for search, and returns their row ids by text.
func (w *writer) addSentences(ctx context.Context, documentID int64, cs []claims.Claim) (map[string]int64, error) {
	var order []string
	subjects := map[string][]string{}
	for _, c := range cs {
		list, seen := subjects[c.Sentence]
		if !seen {
			order = append(order, c.Sentence)
		}
		if c.Subject != "" && !slices.Contains(list, c.Subject) {
			list = append(list, c.Subject)
		}
		subjects[c.Sentence] = list
	}
	seqs := make(map[string]int64, len(order))
	for _, sentence := range order {
		res, err := w.sentence.ExecContext(ctx, documentID, sentence, strings.Join(subjects[sentence], "\n"))
		if err != nil {
			return nil, fmt.Errorf("sentence: %w", err)
		}
		if seqs[sentence], err = res.LastInsertId(); err != nil {
			return nil, fmt.Errorf("sentence: %w", err)
		}
	}
	return seqs, nil
}

// addClaims stores the claims of one document.
func (w *writer) addClaims(ctx context.Context, documentID int64, documentName string, cs []claims.Claim, sentences map[string]int64) error {
	for _, c := range cs {
		// The claim is filed under the document it is stored with; a claim
		// naming another document is a caller's mistake, not something to hide.
		if c.Document != "" && c.Document != documentName {
			return fmt.Errorf("claim %s: belongs to document %s", c.ID, c.Document)
		}
		if _, err := w.claim.ExecContext(ctx,
			c.ID, documentID, c.Kind, c.Start, c.End, sentences[c.Sentence], c.Text,
			c.Value.Low, c.Value.High, c.Value.Qualifier, c.Unit, c.Subject, c.Measure, c.Modality, c.Place, c.Incremental,
			nullDate{&c.AsOf}, nullDate{&c.Period.Start}, nullDate{&c.Period.End}, c.Period.Precision,
			nullString{&c.Attribution.Root}, nullString{&c.Group}, nullString{&c.Series},
			jsonList(c.Attribution.Chain), jsonList(c.Actors), c.Action, jsonList(c.Counterparts), c.Object, c.Ordinal, c.Earlier,
		); err != nil {
			return fmt.Errorf("claim %s: %w", c.ID, err)
		}
	}
	return nil
}

// recordSources adds each claim's root source to sources, and the names its
// attribution gives that source to source_aliases. An alias already linked
// to a source keeps its first link.
func (w *writer) recordSources(ctx context.Context, cs []claims.Claim) error {
	// An article cites its few sources many times; each is written once.
	type link struct{ alias, root string }
	seen := map[link]bool{}
	for _, c := range cs {
		root := c.Attribution.Root
		if root == "" {
			continue
		}
		if !seen[link{root, root}] { // the root is its own first alias
			if _, err := w.source.ExecContext(ctx, root); err != nil {
				return fmt.Errorf("source %q: %w", root, err)
			}
		}
		for _, alias := range sourceAliases(c.Attribution) {
			if seen[link{alias, root}] {
				continue
			}
			seen[link{alias, root}] = true
			if _, err := w.alias.ExecContext(ctx, alias, root); err != nil {
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
		d.Name, d.Outlet, d.Dateline, d.Text = claims.Inert(d.Name), claims.Inert(d.Outlet), claims.Inert(d.Dateline), claims.Inert(d.Text)
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

// DocumentList lists the stored documents by name, with how many claims
// each holds; undated keeps those with no publication date, given or
// inferred.
func (db *DB) DocumentList(ctx context.Context, undated bool) ([]claims.DocumentInfo, error) {
	query := `
		SELECT d.name, d.outlet, d.published, d.inferred, d.inferred_reason,
		       (SELECT count(*) FROM claims AS c WHERE c.document_id = d.id)
		FROM documents AS d`
	if undated {
		query += "\nWHERE d.published IS NULL AND d.inferred IS NULL"
	}
	rows, err := db.db.QueryContext(ctx, query+"\nORDER BY d.name, d.id")
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	defer rows.Close()
	var out []claims.DocumentInfo
	for rows.Next() {
		var d claims.DocumentInfo
		if err := rows.Scan(&d.Name, &d.Outlet, nullDate{&d.Published}, nullDate{&d.Inferred}, &d.InferredReason, &d.Claims); err != nil {
			return nil, fmt.Errorf("list documents: %w", err)
		}
		d.Name, d.Outlet, d.InferredReason = claims.Inert(d.Name), claims.Inert(d.Outlet), claims.Inert(d.InferredReason)
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	return out, nil
}

// StoredDocument returns the publication date and outlet of the stored
// document with this hash, if one is stored.
func (db *DB) StoredDocument(ctx context.Context, hash string) (published claims.Date, outlet string, ok bool, err error) {
	err = db.db.QueryRowContext(ctx, `SELECT published, outlet FROM documents WHERE hash = ?`, hash).
		Scan(nullDate{&published}, &outlet)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return claims.Date{}, "", false, nil
	case err != nil:
		return claims.Date{}, "", false, fmt.Errorf("find document: %w", err)
	}
	return published, outlet, true, nil
}

// HasDocument reports whether a document of this name is stored.
func (db *DB) HasDocument(ctx context.Context, name string) (bool, error) {
	var found bool
	err := db.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM documents WHERE name = ?)`, name).Scan(&found)
	if err != nil {
		return false, fmt.Errorf("find document: %w", err)
	}
	return found, nil
}

// jsonList encodes names as a JSON array, [] for none.
func jsonList(names []string) string {
	if len(names) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(names) // a []string always marshals
	return string(b)
}

// PublicationDays lists the stored articles that have a dateline and a
// publication date, as documents holding only those two, each pair once:
// what a year-less dateline of the same place is read beside.
func (db *DB) PublicationDays(ctx context.Context) ([]claims.Document, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT DISTINCT dateline, published FROM documents
		WHERE published IS NOT NULL AND dateline <> ''`)
	if err != nil {
		return nil, fmt.Errorf("list publication days: %w", err)
	}
	defer rows.Close()
	var days []claims.Document
	for rows.Next() {
		var dateline, s string
		if err := rows.Scan(&dateline, &s); err != nil {
			return nil, fmt.Errorf("list publication days: %w", err)
		}
		if d, err := claims.ParseDate(s); err == nil {
			days = append(days, claims.Document{Dateline: dateline, Published: d})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list publication days: %w", err)
	}
	return days, nil
}

// LastDocumentID is the id of the latest stored document, 0 for none: the
// articles an ingest adds come after it.
func (db *DB) LastDocumentID(ctx context.Context) (int64, error) {
	var id int64
	if err := db.db.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM documents`).Scan(&id); err != nil {
		return 0, fmt.Errorf("find last document: %w", err)
	}
	return id, nil
}

// NamedYears lists, by the proper name (one with a capital letter) of a
// claim's source or place, lower-cased, the years of publication (given or
// inferred) of the dated documents up to id upTo that name it: an article
// with no date of its own takes the year of the ledger's articles that name
// what it names.
func (db *DB) NamedYears(ctx context.Context, upTo int64) (map[string]map[int]bool, error) {
	rows, err := db.db.QueryContext(ctx, `
		SELECT DISTINCT lower(n.name), CAST(substr(coalesce(d.published, d.inferred), 1, 4) AS INTEGER)
		FROM (SELECT document_id, root_source AS name FROM claims WHERE root_source <> lower(root_source)
		      UNION SELECT document_id, place FROM claims WHERE place <> lower(place)) AS n
		JOIN documents AS d ON d.id = n.document_id
		WHERE d.id <= ? AND coalesce(d.published, d.inferred) IS NOT NULL`, upTo)
	if err != nil {
		return nil, fmt.Errorf("list named years: %w", err)
	}
	defer rows.Close()
	out := map[string]map[int]bool{}
	for rows.Next() {
		var name string
		var year int
		if err := rows.Scan(&name, &year); err != nil {
			return nil, fmt.Errorf("list named years: %w", err)
		}
		if out[name] == nil {
			out[name] = map[int]bool{}
		}
		out[name][year] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list named years: %w", err)
	}
	return out, nil
}
