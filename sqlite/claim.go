package sqlite

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"claimtrack/claims"
)

// ClaimFilter narrows a listing of claims; a zero field matches every claim.
type ClaimFilter struct {
	Document string // document name
	Unit     string
	Kind     claims.Kind
	// Search is a query in FTS4's syntax (see search.go) over each claim's
	// sentence and the subjects of its sentence's claims, e.g.
	// `soldiers NOT wounded`, `"North Korean"` or `subject:troops`.
	Search string
	// Since and Until bound the claim's as-of date, inclusive; claims without
	// one are left out when either is set.
	Since, Until claims.Date
	// IDPrefix matches claim ids that start with it, so a reader can type the
	// first few characters of an id as with git.
	IDPrefix string
	Series   string // series id
	Root     string // root source, as stored or by a name it was stored under
	// NoSentences leaves each claim's Sentence empty. A listing that shows
	// no sentences then reads a page less per claim, which is much of the
	// time it takes on a ledger too large for the page cache.
	NoSentences bool
}

// Claims lists the stored claims that match f, by document name, then by
// position in the document.
func (db *DB) Claims(ctx context.Context, f ClaimFilter) ([]claims.Entry, error) {
	var where []string
	var args []any
	if f.Document != "" {
		where = append(where, "d.name = ?")
		args = append(args, f.Document)
	}
	if f.Unit != "" {
		where = append(where, "c.unit = ?")
		args = append(args, f.Unit)
	}
	if f.Kind != "" {
		where = append(where, "c.kind = ?")
		args = append(args, f.Kind)
	}
	if f.Search != "" {
		found, err := db.searchSentences(ctx, f.Search)
		if err != nil {
			return nil, fmt.Errorf("list claims: search %q: %w", shortened(f.Search, 60), err)
		}
		if len(found) == 0 {
			return nil, nil
		}
		seqs, _ := json.Marshal(found) // a []int64 always marshals
		where = append(where, "c.sentence_seq IN (SELECT value FROM json_each(?))")
		args = append(args, string(seqs))
	}
	if f.IDPrefix != "" {
		// A range, not substr(): the unique index on id answers it in a few
		// page reads on a ledger of millions. No id holds U+10FFFF.
		where = append(where, "c.id >= ? AND c.id < ?")
		args = append(args, f.IDPrefix, f.IDPrefix+"\U0010FFFF")
	}
	if f.Series != "" {
		where = append(where, "c.series_id = ?")
		args = append(args, f.Series)
	}
	if f.Root != "" {
		// An uncorrelated subquery is computed once: the index on
		// root_source still answers.
		where = append(where, `c.root_source = coalesce(
			(SELECT s.name FROM source_aliases a JOIN sources s ON s.id = a.source_id WHERE a.alias = ?), ?)`)
		args = append(args, f.Root, f.Root)
	}
	if !f.Since.IsZero() {
		where = append(where, "c.as_of >= ?")
		args = append(args, f.Since.String())
	}
	if !f.Until.IsZero() {
		where = append(where, "c.as_of <= ?")
		args = append(args, f.Until.String())
	}

	return db.queryClaims(ctx, !f.NoSentences, where, args, "ORDER BY d.name, c.start_offset, c.id")
}

// sourceCountLimit is where OfSource stops counting a source's claims.
const sourceCountLimit = 10000

// OfSource lists the last n claims stored from a root source in documents
// other than the one named, by date and without their sentences, and counts its claims in other
// documents up to sourceCountLimit (capped tells when it stopped there).
// The index on root_source answers it without reading the source's other
// claims, of which a ledger may hold hundreds of thousands; being in the
// order claims are stored, that index costs ingest little.
func (db *DB) OfSource(ctx context.Context, root, exceptDocument string, n int) (entries []claims.Entry, total int, capped bool, err error) {
	var counted, here int
	err = db.db.QueryRowContext(ctx, `
		SELECT (SELECT count(*) FROM (SELECT 1 FROM claims WHERE root_source = ?1 LIMIT ?3)),
		       -- "+" keeps the planner on the document's few claims.
		       (SELECT count(*) FROM claims
		        WHERE document_id IN (SELECT id FROM documents WHERE name = ?2) AND +root_source = ?1)`,
		root, exceptDocument, sourceCountLimit).Scan(&counted, &here)
	if err != nil {
		return nil, 0, false, fmt.Errorf("claims of %s: %w", root, err)
	}
	entries, err = db.queryClaims(ctx, false, []string{"c.root_source = ?", "d.name <> ?"}, []any{root, exceptDocument},
		"ORDER BY c.seq DESC LIMIT ?", n)
	if err != nil {
		return nil, 0, false, err
	}
	return sortedByDate(entries), max(counted-here, 0), counted == sourceCountLimit, nil
}

// sortedByDate orders claims by the date they describe, then by id.
func sortedByDate(entries []claims.Entry) []claims.Entry {
	slices.SortFunc(entries, func(a, b claims.Entry) int {
		return cmp.Or(a.AsOf.Compare(b.AsOf.Time), cmp.Compare(a.ID, b.ID))
	})
	return entries
}

// queryClaims lists the claims matching every condition in where, ordered
// and limited by tail, with more arguments for tail, and with their
// sentences when sentences is set.
func (db *DB) queryClaims(ctx context.Context, sentences bool, where []string, args []any, tail string, tailArgs ...any) ([]claims.Entry, error) {
	var entries []claims.Entry
	err := db.eachClaim(ctx, sentences, where, append(args, tailArgs...), tail, func(e *claims.Entry) error {
		entries = append(entries, *e)
		return nil
	})
	return entries, err
}

// eachClaim calls fn with each claim queryClaims would list, one at a time;
// args are for where and then tail. fn's error stops it and is returned.
func (db *DB) eachClaim(ctx context.Context, sentences bool, where []string, args []any, tail string, fn func(*claims.Entry) error) error {
	sentence, join := "''", ""
	if sentences {
		sentence, join = "s.sentence", "\n\t\tJOIN sentences s ON s.seq = c.sentence_seq"
	}
	query := `
		SELECT c.id, d.name, c.kind, c.text, ` + sentence + `, c.start_offset, c.end_offset,
		       c.value_low, c.value_high, c.qualifier, c.unit, c.subject, c.measure,
		       c.modality, c.place, c.incremental, c.earlier,
		       c.as_of, c.period_start, c.period_end, c.period_precision,
		       c.attribution, c.root_source, c.group_id, c.series_id,
		       c.actors, c.action, c.counterparts, c.object, c.ordinal,
		       d.outlet, d.published, d.inferred, d.inferred_reason, d.names
		FROM claims c
		JOIN documents d ON d.id = c.document_id` + join
	if len(where) > 0 {
		query += "\nWHERE " + strings.Join(where, " AND ")
	}
	query += "\n" + tail

	rows, err := db.db.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("list claims: %w", err)
	}
	defer rows.Close()

	// The names of the last article, parsed once for its claims.
	var storedNames sql.RawBytes // valid until the next row: copied when new
	var lastStored []byte
	var lastNames []claims.Name
	for rows.Next() {
		var e claims.Entry
		var chain, actors, counterparts string
		c := &e.Claim
		if err := rows.Scan(
			&c.ID, &c.Document, &c.Kind, &c.Text, &c.Sentence, &c.Start, &c.End,
			&c.Value.Low, &c.Value.High, &c.Value.Qualifier, &c.Unit, &c.Subject, &c.Measure,
			&c.Modality, &c.Place, &c.Incremental, &c.Earlier,
			nullDate{&c.AsOf}, nullDate{&c.Period.Start}, nullDate{&c.Period.End}, &c.Period.Precision,
			&chain,
			nullString{&c.Attribution.Root}, nullString{&c.Group}, nullString{&c.Series},
			&actors, &c.Action, &counterparts, &c.Object, &c.Ordinal,
			&e.Outlet, nullDate{&e.Published}, nullDate{&e.Inferred}, nullString{&e.InferredReason}, &storedNames,
		); err != nil {
			return fmt.Errorf("list claims: %w", err)
		}
		if !bytes.Equal(storedNames, lastStored) {
			if lastNames, err = parseNames(storedNames); err != nil {
				return fmt.Errorf("list claims: document %s: %w", c.Document, err)
			}
			lastStored = append(lastStored[:0], storedNames...)
		}
		e.Names = lastNames
		if c.Actors, err = names(actors); err != nil {
			return fmt.Errorf("list claims: claim %s: actors: %w", c.ID, err)
		}
		if c.Counterparts, err = names(counterparts); err != nil {
			return fmt.Errorf("list claims: claim %s: counterparts: %w", c.ID, err)
		}
		// A claim in the outlet's own voice keeps the zero Chain, nil.
		if c.Attribution.Chain, err = names(chain); err != nil {
			return fmt.Errorf("list claims: claim %s: attribution: %w", c.ID, err)
		}
		makeInert(&e)
		if err := fn(&e); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("list claims: %w", err)
	}
	return nil
}

// makeInert strips terminal escape sequences and control characters from
// the text of an entry that an older claimtrack stored with them, before it
// made article text inert on ingest: whatever prints the entry then prints
// nothing that drives a terminal.
func makeInert(e *claims.Entry) {
	c := &e.Claim
	for _, s := range []*string{&c.Document, &c.Text, &c.Sentence, &c.Subject, &c.Place, &c.Action, &c.Object,
		&c.Attribution.Root, &e.Outlet, &e.InferredReason} {
		*s = claims.Inert(*s)
	}
	for _, list := range [][]string{c.Attribution.Chain, c.Actors, c.Counterparts} {
		for i := range list {
			list[i] = claims.Inert(list[i])
		}
	}
}

// names decodes a JSON array of names; none is nil, as the reader gives it.
func names(s string) ([]string, error) {
	if s == "[]" { // most claims name no actors, and many no source
		return nil, nil
	}
	var out []string
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}

// shortened cuts s to at most n runes, marking the cut with "…", for a
// message that quotes what the user typed.
func shortened(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// searchSentences returns the row ids of the stored sentences that query
// matches, reading them all.
func (db *DB) searchSentences(ctx context.Context, query string) ([]int64, error) {
	q, err := parseSearch(query)
	if err != nil {
		return nil, err
	}
	rows, err := db.db.QueryContext(ctx, `SELECT seq, sentence, subject FROM sentences`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var found []int64
	var seq int64
	var sentence, subject string
	for rows.Next() {
		if err := rows.Scan(&seq, &sentence, &subject); err != nil {
			return nil, err
		}
		if q.matches(sentence, subject) {
			found = append(found, seq)
		}
	}
	return found, rows.Err()
}

// sentenceBatch is how many claims one query of Sentences asks for, below
// SQLite's limit on a statement's parameters.
const sentenceBatch = 500

// Sentences returns the sentence of each of the claims named, by id: a
// listing loaded without sentences (ClaimFilter.NoSentences) reads the few
// it quotes.
func (db *DB) Sentences(ctx context.Context, ids []string) (map[string]string, error) {
	out := make(map[string]string, len(ids))
	for start := 0; start < len(ids); start += sentenceBatch {
		batch := ids[start:min(start+sentenceBatch, len(ids))]
		args := make([]any, len(batch))
		for i, id := range batch {
			args[i] = id
		}
		rows, err := db.db.QueryContext(ctx, `SELECT c.id, s.sentence FROM claims c JOIN sentences s ON s.seq = c.sentence_seq
			WHERE c.id IN (?`+strings.Repeat(", ?", len(batch)-1)+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("read sentences: %w", err)
		}
		for rows.Next() {
			var id, sentence string
			if err := rows.Scan(&id, &sentence); err != nil {
				rows.Close()
				return nil, fmt.Errorf("read sentences: %w", err)
			}
			out[id] = claims.Inert(sentence)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("read sentences: %w", err)
		}
	}
	return out, nil
}
