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

// ReconcileClaims loads every stored claim with what the reconciler reads,
// for a ledger of millions of claims that Claims would load whole. Event
// claims, a small share, are loaded whole; of the quantities:
//
//   - Sentence is not the sentence but a short token, the same for claims of
//     one document that share a sentence (the reconciler only compares them);
//   - Text is loaded for vague figures only, whose wording findings quote;
//   - Attribution.Chain holds only the innermost link, and only when the
//     claim has no root source, as the reconciler reads no more;
//   - End, Group and Series are left empty;
//   - repeated strings, numbers and chains share one copy.
//
// The ClaimSet names what was loaded.
func (db *DB) ReconcileClaims(ctx context.Context) ([]claims.Entry, ClaimSet, error) {
	entries, err := db.quantitiesToReconcile(ctx)
	if err != nil {
		return nil, ClaimSet{}, fmt.Errorf("load claims to reconcile: %w", err)
	}
	events, err := db.Claims(ctx, ClaimFilter{Kind: claims.KindEvent})
	if err != nil {
		return nil, ClaimSet{}, fmt.Errorf("load claims to reconcile: %w", err)
	}
	entries = append(entries, events...)
	return entries, ClaimSet{count: len(entries)}, nil
}

// quantitiesToReconcile loads the claims that are not events, in document order.
func (db *DB) quantitiesToReconcile(ctx context.Context) ([]claims.Entry, error) {
	// A close guess of the count saves growing the slice, which at its
	// largest would briefly hold two copies of it.
	var expected int
	if err := db.db.QueryRowContext(ctx, `SELECT count(*) FROM claims`).Scan(&expected); err != nil {
		return nil, err
	}
	rows, err := db.db.QueryContext(ctx, `
		SELECT c.id, c.document_id, d.name, d.outlet, d.published,
		       c.kind, c.start_offset, c.sentence_seq,
		       CASE WHEN c.qualifier = ? THEN c.text ELSE '' END,
		       c.value_low, c.value_high, c.qualifier, c.unit, c.subject, c.measure,
		       c.modality, c.place, c.incremental,
		       c.as_of, c.period_start, c.period_end, c.period_precision,
		       coalesce(c.root_source, ''),
		       CASE WHEN c.root_source IS NULL
		            THEN coalesce(c.attribution ->> '$[#-1]', '') ELSE '' END
		FROM claims c
		JOIN documents d ON d.id = c.document_id
		WHERE c.kind <> ?
		ORDER BY c.document_id, c.start_offset`, string(claims.Vague), claims.KindEvent)
	if err != nil {
		return nil, err
	}
	defer rows.Close()

	entries := make([]claims.Entry, 0, expected)
	shared := newSharing()
	// What the rows of the current document have in common.
	var doc struct {
		id        int64
		name      string
		outlet    string
		published claims.Date
	}
	sentences := map[int64]string{} // sentence → token, in the current document
	// One set of scan targets for every row: a million rows would otherwise
	// each leave a claims.Entry and a score of pointers behind for the GC.
	var (
		docID, sentence            int64
		id, name, outlet           string
		kind, text                 string
		start                      int
		incremental                bool
		published, asOf            sql.NullString
		periodStart, periodEnd     sql.NullString
		low, high                  sql.NullFloat64
		qualifier, unit, subject   string
		measure, modality, place   string
		precision, root, innermost string
	)
	row := []any{&id, &docID, &name, &outlet, &published,
		&kind, &start, &sentence, &text,
		&low, &high, &qualifier, &unit, &subject, &measure,
		&modality, &place, &incremental,
		&asOf, &periodStart, &periodEnd, &precision,
		&root, &innermost}
	for first := true; rows.Next(); first = false {
		if err := rows.Scan(row...); err != nil {
			return nil, err
		}
		if first || docID != doc.id {
			doc.id, doc.name, doc.outlet = docID, name, shared.text(outlet)
			if doc.published, err = shared.date(published); err != nil {
				return nil, fmt.Errorf("document %s: %w", name, err)
			}
			clear(sentences)
		}
		token, ok := sentences[sentence]
		if !ok {
			token = shared.text(strconv.Itoa(len(sentences)))
			sentences[sentence] = token
		}

		e := claims.Entry{Outlet: doc.outlet, Published: doc.published}
		c := &e.Claim
		c.ID, c.Document, c.Kind, c.Start = id, doc.name, shared.text(kind), start
		c.Sentence, c.Text = token, text
		c.Value = claims.Value{Low: shared.number(low), High: shared.number(high), Qualifier: claims.Qualifier(shared.text(qualifier))}
		c.Unit, c.Subject, c.Measure = shared.text(unit), shared.text(subject), shared.text(measure)
		c.Modality, c.Place, c.Incremental = claims.Modality(shared.text(modality)), shared.text(place), incremental
		c.Period.Precision = claims.Precision(shared.text(precision))
		var dates [3]claims.Date
		for k, d := range [...]sql.NullString{asOf, periodStart, periodEnd} {
			if dates[k], err = shared.date(d); err != nil {
				return nil, fmt.Errorf("claim %s: %w", c.ID, err)
			}
		}
		c.AsOf, c.Period.Start, c.Period.End = dates[0], dates[1], dates[2]
		c.Attribution.Root = shared.text(root)
		if innermost != "" {
			c.Attribution.Chain = shared.chain(innermost)
		}
		entries = append(entries, e)
	}
	return entries, rows.Err()
}

// sharing hands out one copy of each repeated value: a ledger states the
// same few hundred units, measures, places, sources, numbers and dates
// millions of times.
type sharing struct {
	texts   map[string]string
	numbers map[float64]*float64
	dates   map[string]claims.Date
	chains  map[string][]string
}

func newSharing() *sharing {
	return &sharing{texts: map[string]string{}, numbers: map[float64]*float64{},
		dates: map[string]claims.Date{}, chains: map[string][]string{}}
}

func (s *sharing) text(t string) string {
	if shared, ok := s.texts[t]; ok {
		return shared
	}
	s.texts[t] = t
	return t
}

// number gives nil for NULL. The reconciler never writes through a value's
// pointers, so claims stating the same figure can share one.
func (s *sharing) number(n sql.NullFloat64) *float64 {
	if !n.Valid {
		return nil
	}
	if shared, ok := s.numbers[n.Float64]; ok {
		return shared
	}
	p := new(float64)
	*p = n.Float64
	s.numbers[n.Float64] = p
	return p
}

// date parses a stored YYYY-MM-DD, NULL being the zero date.
func (s *sharing) date(d sql.NullString) (claims.Date, error) {
	if !d.Valid {
		return claims.Date{}, nil
	}
	if parsed, ok := s.dates[d.String]; ok {
		return parsed, nil
	}
	parsed, err := claims.ParseDate(d.String)
	if err != nil {
		return claims.Date{}, err
	}
	s.dates[d.String] = parsed
	return parsed, nil
}

// chain gives a one-link attribution chain, shared like the other values:
// the reconciler only reads it.
func (s *sharing) chain(link string) []string {
	if shared, ok := s.chains[link]; ok {
		return shared
	}
	c := []string{s.text(link)}
	s.chains[link] = c
	return c
}
