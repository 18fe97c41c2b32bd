package claims

import "slices"

// What the reconciler concludes about stored claims. The types live here so
// that storage and reports share them with the reconciler.

// FindingType says what a finding concludes.
type FindingType string

// Finding types.
const (
	Conflict      FindingType = "conflict"      // same thing, same time, incompatible figures
	Change        FindingType = "change"        // same thing at another time, or a source revising itself
	Corroboration FindingType = "corroboration" // independent sources agree
	// Internal consistency of related figures.
	PartsTotal     FindingType = "parts_total"      // parts add up to a total (or exceed it: "inconsistent")
	TotalBelowPart FindingType = "total_below_part" // casualties below the killed alone
	PercentOf      FindingType = "percent_of"       // a percentage against the counts it relates
)

// Status sums up a series' findings.
type Status string

// Series statuses, in the order reports list them.
const (
	StatusConflict     Status = "conflict"
	StatusChanged      Status = "changed"
	StatusCorroborated Status = "corroborated"
	StatusConsistent   Status = "consistent" // several sources, no conflict, change or agreement at one time
	StatusSingleSource Status = "single source"
)

// Statuses are the series statuses in report order: conflicts first.
var Statuses = []Status{StatusConflict, StatusChanged, StatusCorroborated, StatusConsistent, StatusSingleSource}

// Rank is the status' place in Statuses; an unknown status comes last.
func (s Status) Rank() int {
	if i := slices.Index(Statuses, s); i >= 0 {
		return i
	}
	return len(Statuses)
}

// comparisons are the finding types that compare figures over sources and
// time, in the order a reader triages them.
var comparisons = []FindingType{Conflict, Change, Corroboration}

// Rank orders finding types as a reader triages them: conflicts, changes,
// corroborations, then the checks of related figures.
func (t FindingType) Rank() int {
	if i := slices.Index(comparisons, t); i >= 0 {
		return i
	}
	return len(comparisons)
}

// Compares reports a finding that compares figures (conflict, change,
// corroboration) rather than checking related figures of one article.
func (t FindingType) Compares() bool { return slices.Contains(comparisons, t) }

// Finding is one conclusion about a set of claims: a conflict, a change, a
// corroboration, or an internal-consistency check.
type Finding struct {
	ID                 string // stable: derived from the type and the claim ids
	Type               FindingType
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
	Status           Status
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
	Options  Options // what it was computed with
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
