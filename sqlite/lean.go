package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"claimtrack/claims"
)

// ClaimSet identifies a set of stored claims, so that a reconciliation
// computed from it can tell whether the claims changed before it was saved.
// Claims are only ever added, so a later set holds an earlier one, and the
// two differ in count.
type ClaimSet struct {
	count int
}

// Len is the number of claims in the set.
func (s ClaimSet) Len() int { return s.count }

// CurrentClaims names the claims stored now.
func (db *DB) CurrentClaims(ctx context.Context) (ClaimSet, error) {
	var set ClaimSet
	if err := db.db.QueryRowContext(ctx, `SELECT count(*) FROM claims`).Scan(&set.count); err != nil {
		return ClaimSet{}, fmt.Errorf("count claims: %w", err)
	}
	return set, nil
}

// EachClaimToReconcile calls fn with every stored claim, with what the
// reconciler reads, one at a time: a ledger of millions of claims is never
// loaded whole. The entry is reused from one call to the next. Event claims
// come after the quantities, whole but for their sentence; of the quantities:
//
//   - Sentence is not the sentence but a short token, the same for claims of
//     one document that share a sentence (the reconciler only compares them);
//   - Text is loaded for vague figures only, whose wording findings quote;
//   - Attribution.Chain holds only the innermost link, and only when the
//     claim has no root source, as the reconciler reads no more;
//   - End, Group and Series are left empty.
//
// The ClaimSet names what was read.
func (db *DB) EachClaimToReconcile(ctx context.Context, fn func(*claims.Entry)) (ClaimSet, error) {
	n, err := db.eachQuantity(ctx, fn)
	if err != nil {
		return ClaimSet{}, fmt.Errorf("load claims to reconcile: %w", err)
	}
	events := 0
	err = db.eachClaim(ctx, false, []string{"c.kind = ?"}, []any{claims.KindEvent}, "", func(e *claims.Entry) error {
		events++
		fn(e)
		return nil
	})
	if err != nil {
		return ClaimSet{}, fmt.Errorf("load claims to reconcile: %w", err)
	}
	return ClaimSet{count: n + events}, nil
}

// eachQuantity calls fn with each claim that is not an event, in document
// order, and returns how many there were.
func (db *DB) eachQuantity(ctx context.Context, fn func(*claims.Entry)) (int, error) {
	rows, err := db.db.QueryContext(ctx, `
		SELECT c.id, c.document_id, d.name, d.outlet, d.published, d.inferred, d.names,
		       c.kind, c.start_offset, c.sentence_seq,
		       CASE WHEN c.qualifier = ? THEN c.text ELSE '' END,
		       c.value_low, c.value_high, c.qualifier, c.unit, c.subject, c.measure,
		       c.modality, c.place, c.incremental, c.earlier,
		       c.as_of, c.period_start, c.period_end, c.period_precision,
		       coalesce(c.root_source, ''),
		       CASE WHEN c.root_source IS NULL
		            THEN coalesce(c.attribution ->> '$[#-1]', '') ELSE '' END
		FROM claims c
		JOIN documents d ON d.id = c.document_id
		WHERE c.kind <> ?
		ORDER BY c.document_id, c.start_offset`, string(claims.Vague), claims.KindEvent)
	if err != nil {
		return 0, err
	}
	defer rows.Close()

	dates := dateCache{}
	// What the rows of the current document have in common.
	var doc struct {
		id        int64
		name      string
		outlet    string
		published claims.Date
		inferred  claims.Date
		names     []claims.Name
	}
	sentences := map[int64]string{} // sentence → token, in the current document
	var (
		docID, sentence            int64
		id, name, outlet           string
		kind, text                 string
		start                      int
		incremental, earlier       bool
		published, inferred, asOf  sql.NullString
		names                      sql.RawBytes // parsed once per document
		periodStart, periodEnd     sql.NullString
		low, high                  sql.NullFloat64
		qualifier, unit, subject   string
		measure, modality, place   string
		precision, root, innermost string
	)
	row := []any{&id, &docID, &name, &outlet, &published, &inferred, &names,
		&kind, &start, &sentence, &text,
		&low, &high, &qualifier, &unit, &subject, &measure,
		&modality, &place, &incremental, &earlier,
		&asOf, &periodStart, &periodEnd, &precision,
		&root, &innermost}
	var e claims.Entry
	chain := make([]string, 1)
	n := 0
	for ; rows.Next(); n++ {
		if err := rows.Scan(row...); err != nil {
			return n, err
		}
		if n == 0 || docID != doc.id {
			doc.id, doc.name, doc.outlet = docID, name, outlet
			if doc.published, err = dates.parse(published); err != nil {
				return n, fmt.Errorf("document %s: %w", name, err)
			}
			if doc.inferred, err = dates.parse(inferred); err != nil {
				return n, fmt.Errorf("document %s: %w", name, err)
			}
			if doc.names, err = parseNames(names); err != nil {
				return n, fmt.Errorf("document %s: %w", name, err)
			}
			clear(sentences)
		}
		token, ok := sentences[sentence]
		if !ok {
			token = strconv.Itoa(len(sentences))
			sentences[sentence] = token
		}

		e = claims.Entry{Outlet: doc.outlet, Published: doc.published, Inferred: doc.inferred, Names: doc.names}
		c := &e.Claim
		c.ID, c.Document, c.Kind, c.Start = id, doc.name, claims.Kind(kind), start
		c.Sentence, c.Text = token, text
		c.Value = claims.Value{Low: figure(&low), High: figure(&high), Qualifier: claims.Qualifier(qualifier)}
		c.Unit, c.Subject, c.Measure = unit, subject, measure
		c.Modality, c.Place, c.Incremental, c.Earlier = claims.Modality(modality), place, incremental, earlier
		c.Period.Precision = claims.Precision(precision)
		var stated [3]claims.Date
		for k, d := range [...]sql.NullString{asOf, periodStart, periodEnd} {
			if stated[k], err = dates.parse(d); err != nil {
				return n, fmt.Errorf("claim %s: %w", c.ID, err)
			}
		}
		c.AsOf, c.Period.Start, c.Period.End = stated[0], stated[1], stated[2]
		c.Attribution.Root = root
		if innermost != "" {
			chain[0] = innermost
			c.Attribution.Chain = chain
		}
		fn(&e)
	}
	return n, rows.Err()
}

// figure is a scanned number, nil for NULL.
func figure(n *sql.NullFloat64) *float64 {
	if !n.Valid {
		return nil
	}
	return &n.Float64
}

// dateCache parses each stored YYYY-MM-DD once: a ledger repeats a few
// thousand dates millions of times.
type dateCache map[string]claims.Date

// parse reads a stored date, NULL being the zero date.
func (c dateCache) parse(d sql.NullString) (claims.Date, error) {
	if !d.Valid {
		return claims.Date{}, nil
	}
	if parsed, ok := c[d.String]; ok {
		return parsed, nil
	}
	parsed, err := claims.ParseDate(d.String)
	if err != nil {
		return claims.Date{}, err
	}
	c[d.String] = parsed
	return parsed, nil
}
