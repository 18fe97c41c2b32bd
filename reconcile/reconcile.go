// Package reconcile compares the claims of the ledger with each other. It
// sorts them into series (claims that measure the same thing) and groups
// (claims of one story) and reports where independent sources disagree, where
// a figure changed over time, where sources agree and where one article's
// figures do not add up. It is pure: claims in, findings out.
package reconcile

import (
	"cmp"
	"slices"

	"claimtrack/claims"
)

// DefaultTolerance is the share either side of an approximate figure that
// still counts as the same figure.
const DefaultTolerance = 0.10

// Options tune the comparison.
type Options struct {
	// Tolerance is approximately ± this share; 0 means DefaultTolerance.
	Tolerance float64
}

func (o Options) tolerance() float64 {
	if o.Tolerance > 0 {
		return o.Tolerance
	}
	return DefaultTolerance
}

// Finding types.
const (
	Conflict      = "conflict"      // same thing, same time, incompatible figures
	Change        = "change"        // same thing at another time, or a source revising itself
	Corroboration = "corroboration" // independent sources agree
	// Internal consistency of related figures.
	PartsTotal     = "parts_total"      // parts add up to a total (or exceed it: "inconsistent")
	TotalBelowPart = "total_below_part" // casualties below the killed alone
	PercentOf      = "percent_of"       // a percentage against the counts it relates
)

// Series statuses.
const (
	StatusConflict     = "conflict"
	StatusChanged      = "changed"
	StatusCorroborated = "corroborated"
	StatusConsistent   = "consistent" // several sources, no conflict, change or agreement at one time
	StatusSingleSource = "single source"
)

// Reconcile sorts claims into series and groups and compares them. It changes
// nothing in entries: callers write Group and Series back by claim id.
func Reconcile(entries []claims.Entry, opt Options) claims.Reconciliation {
	quantities, events := splitEvents(entries)
	l := newLedger(quantities, opt)
	l.assignSeries()
	l.assignGroups()
	out := newFindingSet(l)
	l.compareSeries(out)
	l.checkConsistency(out)
	l.impliedTotals()
	r := l.result(out)
	if len(events) == 0 {
		return r
	}
	ev := reconcileEvents(events)
	r.Groups = append(r.Groups, ev.Groups...)
	r.Series = append(r.Series, ev.Series...)
	r.Findings = append(r.Findings, ev.Findings...)
	slices.SortFunc(r.Groups, func(a, b claims.Group) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(r.Series, func(a, b claims.Series) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(r.Findings, func(a, b claims.Finding) int { return cmp.Compare(a.ID, b.ID) })
	return r
}

// splitEvents separates event claims from quantities. A ledger of millions of
// claims is not copied when its events come last, as the store loads them,
// and is otherwise copied once into slices of the right size.
func splitEvents(entries []claims.Entry) (quantities, events []claims.Entry) {
	n := 0
	for i := range entries {
		if entries[i].Kind == claims.KindEvent {
			n++
		}
	}
	k := len(entries) - n
	if !slices.ContainsFunc(entries[:k], func(e claims.Entry) bool { return e.Kind == claims.KindEvent }) {
		// Three-index slices: appending to either cannot write into the other.
		return entries[:k:k], entries[k:]
	}
	quantities = make([]claims.Entry, 0, len(entries)-n)
	events = make([]claims.Entry, 0, n)
	for i := range entries {
		if entries[i].Kind == claims.KindEvent {
			events = append(events, entries[i])
		} else {
			quantities = append(quantities, entries[i])
		}
	}
	return quantities, events
}
