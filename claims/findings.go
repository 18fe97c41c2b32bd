package claims

// What the reconciler concludes about stored claims. The types live here so
// that storage and reports share them with the reconciler.

// Finding is one conclusion about a set of claims: a conflict, a change, a
// corroboration, or an internal-consistency check.
type Finding struct {
	ID                 string // stable: derived from the type and the claim ids
	Type               string
	Group              string
	Series             string // "" when the finding spans series
	Claims             []string
	IndependentSources int
	Summary            string // one line: what differs, from whom, when
}

// Group is one story: claims related by series or by their article.
type Group struct {
	ID, Label     string
	Claims        []string
	ImpliedTotals []Total
}

// Series is a set of claims that measure the same thing and can be compared.
type Series struct {
	ID, Group, Label string
	Claims           []string
	Status           string // conflict, changed, corroborated, consistent, single source
}

// Total is a figure implied by composing an incremental claim with its base:
// 11,000 sent + an additional 25,000–30,000 = 36,000–41,000.
type Total struct {
	Series    string // the incremental claim's series
	Low, High float64
	From      []string // the base claim id, then the incremental claim id
	Label     string
}

// Reconciliation is everything the reconciler concludes over a set of claims.
type Reconciliation struct {
	Groups   []Group
	Series   []Series
	Findings []Finding
}

// ReconciliationWriter receives a reconciliation as the reconciler works it
// out, so that a ledger of millions of claims is never held whole. Assign
// gives each claim its group and series, once; a group comes before its
// series (a series' status needs its findings, so series come last); groups
// and series come without their Claims, which Assign says.
type ReconciliationWriter interface {
	Assign(claimID, group, series string) error
	Finding(f Finding) error
	Group(g Group) error
	Series(s Series) error
}

// WriteTo writes a reconciliation held in memory to w: each claim of a
// group with its series, the findings, the groups, then the series.
func (r Reconciliation) WriteTo(w ReconciliationWriter) error {
	seriesOf := map[string]string{}
	for _, s := range r.Series {
		for _, id := range s.Claims {
			seriesOf[id] = s.ID
		}
	}
	for _, g := range r.Groups {
		for _, id := range g.Claims {
			if err := w.Assign(id, g.ID, seriesOf[id]); err != nil {
				return err
			}
		}
	}
	for _, f := range r.Findings {
		if err := w.Finding(f); err != nil {
			return err
		}
	}
	for _, g := range r.Groups {
		g.Claims = nil
		if err := w.Group(g); err != nil {
			return err
		}
	}
	for _, s := range r.Series {
		s.Claims = nil
		if err := w.Series(s); err != nil {
			return err
		}
	}
	return nil
}
