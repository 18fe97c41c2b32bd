// Package reconcile compares the claims of the ledger with each other. It
// sorts them into series (claims that measure the same thing) and groups
// (claims of one story) and reports where independent sources disagree, where
// a figure changed over time, where sources agree and where one article's
// figures do not add up. It is pure: claims in, findings out.
package reconcile

import (
	"slices"

	"claimtrack/claims"
)

// Reconciler gathers claims to reconcile, keeping of each only what the
// reconciler reads, a few hundred bytes, so a ledger of millions fits where
// the claims themselves would not.
type Reconciler struct {
	quantities *claimTable
	stories    *storyFinder
	events     []claims.Entry
}

// New starts a reconciler with no claims.
func New(opt claims.Options) *Reconciler {
	return &Reconciler{quantities: newClaimTable(opt), stories: newStoryFinder()}
}

// Add adds a claim. It keeps its own copy of what it reads: the caller may
// reuse e.
func (x *Reconciler) Add(e *claims.Entry) {
	if e.Kind != claims.KindEvent {
		x.quantities.add(e)
		x.stories.note(e)
		return
	}
	x.events = append(x.events, eventToCompare(e))
}

// eventToCompare copies what the reconciler reads of an event claim: it is
// compared by who did what, when and where, and counted by its root source;
// its sentence, wording and chain are not read.
func eventToCompare(e *claims.Entry) claims.Entry {
	event := *e
	event.Sentence, event.Text, event.Attribution.Chain = "", "", nil
	event.Actors, event.Counterparts = slices.Clone(e.Actors), slices.Clone(e.Counterparts)
	return event
}

// Grow makes room for n more claims, so that a ledger whose size is known
// is not copied as it grows.
func (x *Reconciler) Grow(n int) { x.quantities.grow(n) }

// Reconcile sorts the claims into series and groups, compares them, and
// writes the result to w as it goes (see claims.ReconciliationWriter). It
// stops at w's first error and returns it. A Reconciler reconciles once.
func (x *Reconciler) Reconcile(w claims.ReconciliationWriter) error {
	if err := reconcileEvents(x.events, w); err != nil {
		return err
	}
	x.events = nil
	l := x.quantities
	storyOf, labels := x.stories.stories()
	x.stories = nil
	l.finish(storyOf)
	// The passes a ledger read in parts makes, over every article at once:
	// positions are claim indexes.
	s := newSorting(l, len(l.facts), false)
	s.nameStories(labels)
	for _, members := range l.byDoc {
		s.noteMeasured(members)
	}
	for _, members := range l.byDoc {
		s.sortMeasured(members, 0)
	}
	for _, members := range l.byDoc {
		s.sortAlone(members, 0)
	}
	s.numberSeries()
	joined := make([]int32, len(l.facts))
	for i := range l.facts {
		l.place(&l.facts[i], s.seriesOf[i])
		joined[i] = int32(i)
	}
	l.listMembers(joined)
	s.labelGroups()
	for _, members := range l.byDoc {
		s.checks.checkLosses(l, members, 0)
	}
	return l.reconcileSorted(w, func() error {
		return s.checks.write(w, func(i int32) []string { return l.idsOf(l.echoes[i]) }, func(i int32) string {
			return l.groups[l.facts[i].group].id
		})
	})
}

// Reconcile sorts claims into series and groups and compares them, all in
// memory. It changes nothing in entries: callers write Group and Series back
// by claim id.
func Reconcile(entries []claims.Entry, opt claims.Options) claims.Reconciliation {
	x := New(opt)
	x.Grow(len(entries))
	for i := range entries {
		x.Add(&entries[i])
	}
	c := newCollector()
	_ = x.Reconcile(c) // collecting never fails
	r := c.result()
	r.Options = opt
	return r
}
