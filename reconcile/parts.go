package reconcile

import (
	"errors"
	"slices"

	"claimtrack/claims"
)

// Source streams the claims to reconcile. Each call passes every claim once,
// the quantity claims of a document one after another, and the same claims
// in the same order as the call before. It may reuse the entry it passes.
type Source func(each func(*claims.Entry)) error

// errSourceChanged reports a Source that passed another number of claims
// than on its first call.
var errSourceChanged = errors.New("the claims changed between two readings")

// ReconcileInParts reconciles the claims src streams, with the same result
// as Reconciler.Reconcile, while holding only some of them at a time. It reads
// them once to find the stories (each article's names), three times to sort
// them into series and groups, keeping four bytes a
// claim, tables of series, sources and words, the findings of the checks
// within articles (held until the echoes of their claims are known), and
// what each article needs while it is read. partSize then says how many
// claims a part may hold, which depends on what those tables take. It reads
// the claims once more for each part: groups whose claims together fit, a
// larger group divided by series (a series larger than a part makes a part
// of its own), then the events.
func ReconcileInParts(src Source, opt claims.Options, partSize func() int, w claims.ReconciliationWriter) error {
	al := newClaimTable(opt)
	r := &partRun{src: src, partSize: partSize, al: al, sorting: newSorting(al, 0, true),
		voices: map[string]int32{}, wanted: map[int32][]string{}}
	stories := newStoryFinder()
	if err := src(func(e *claims.Entry) {
		if e.Kind != claims.KindEvent {
			stories.note(e)
		}
	}); err != nil {
		return err
	}
	storyOf, labels := stories.stories()
	r.storyOf = storyOf
	r.nameStories(labels)
	if err := r.assign(); err != nil {
		return err
	}
	for p := range r.parts {
		if err := r.reconcilePart(p, w); err != nil {
			return err
		}
	}
	return r.writeHeld(w)
}

// partRun is the state of ReconcileInParts.
type partRun struct {
	src       Source
	partSize  func() int
	maxClaims int // claims a part holds, once partSize says
	// al holds the claims of the article being read, and the tables that
	// outlive it: words, sources, series and groups. The claims are sorted
	// into series and groups article by article, a position being a claim's
	// place in the stream.
	al *claimTable
	*sorting
	voices   map[string]int32  // the bodies sources speak for, numbered
	storyOf  map[string]string // each article's story, read first
	streamed int32             // quantity claims read in the last pass
	articles int32             // articles read so far in this pass

	sources     sourceNumbering  // the ledger's, sorted once for every part
	partOf      []int32          // by series
	homePart    []int32          // by group: the part that writes it, with its first series
	eventPartOf map[string]int32 // by action class
	parts       int32
	partClaims  []int // quantity claims by part, to size its records once

	// wanted maps the stream positions the checks name to the ids of the
	// echoes of those claims.
	wanted map[int32][]string
}

// stream reads the claims once, calling article with the stream position of
// the first claim of each article once r.al holds the article, and event
// with each event claim.
func (r *partRun) stream(article func(first int32), event func(*claims.Entry)) error {
	l := r.al
	var pos int32
	doc := ""
	r.articles = 0
	flush := func() {
		if len(l.facts) == 0 {
			return
		}
		r.openArticle()
		article(pos - int32(len(l.facts)))
		r.articles++
		l.facts, l.quoted, l.idBytes, l.idEnd = l.facts[:0], l.quoted[:0], l.idBytes[:0], l.idEnd[:0]
		clear(l.adding.docs)
	}
	err := r.src(func(e *claims.Entry) {
		if e.Kind == claims.KindEvent {
			flush()
			if event != nil {
				event(e)
			}
			return
		}
		if len(l.facts) > 0 && e.Document != doc {
			flush()
		}
		doc = e.Document
		l.add(e)
		pos++
	})
	if err != nil {
		return err
	}
	flush()
	if r.seriesOf != nil && int(pos) != len(r.seriesOf) {
		return errSourceChanged
	}
	r.streamed = pos
	return nil
}

// openArticle ranks the claims of the article in r.al, gives each the voice
// of its source (numbered over the whole run: sources are numbered only once
// every claim is read) and completes the article (completeArticle).
func (r *partRun) openArticle() {
	l := r.al
	l.rankByID()
	l.byDoc = [][]int32{l.byRank}
	l.setStories(r.storyOf)
	for i := range l.facts {
		f := &l.facts[i]
		v, ok := r.voices[l.sources[f.source].Voice]
		if !ok {
			v = int32(len(r.voices))
			r.voices[l.sources[f.source].Voice] = v
		}
		f.voice = v
	}
	l.completeArticle(l.byRank)
}

// assign sorts every claim into its series and group, in the three passes
// of sorting, each a reading, and divides the groups into parts.
func (r *partRun) assign() error {
	l := r.al
	eventClaims := map[string]int{}
	err := r.stream(func(int32) { r.noteMeasured(l.byRank) },
		func(e *claims.Entry) { eventClaims[claims.ActionClass(e.Action)]++ })
	if err != nil {
		return err
	}
	r.seriesOf = make([]int32, r.streamed)
	if err := r.stream(func(first int32) { r.sortMeasured(l.byRank, first) }, nil); err != nil {
		return err
	}
	if err := r.stream(func(first int32) { r.sortAlone(l.byRank, first) }, nil); err != nil {
		return err
	}
	r.numberSeries()
	r.sources = numberSources(l.sources)
	r.maxClaims = r.partSize()
	r.divide(eventClaims)
	return nil
}

// eventWeight is what an event claim weighs against a quantity claim in a
// part: it is kept whole, not as a compact record.
const eventWeight = 2

// divide makes parts of the groups, in id order, and then of the events, by
// action class: an event is only ever compared with events of its class. A
// group larger than a part is divided by series (storySeries gives their
// order); its first part writes it.
func (r *partRun) divide(eventClaims map[string]int) {
	var part int32
	size := 0
	fill := func(n int) int32 {
		if size > 0 && size+n > r.maxClaims {
			part, size = part+1, 0
		}
		size += n
		return part
	}
	r.partOf = make([]int32, len(r.al.series))
	r.homePart = make([]int32, len(r.al.groups))
	for g := range r.al.groups {
		order, n := r.storySeries(int32(g))
		if n <= r.maxClaims {
			order = [][]int32{slices.Concat(order...)} // the whole story in one part
		}
		for k, chunk := range order {
			m := 0
			for _, s := range chunk {
				m += r.sizes[s]
			}
			p := fill(m)
			if k == 0 {
				r.homePart[g] = p
			}
			for _, s := range chunk {
				r.partOf[s] = p
			}
			for int(p) >= len(r.partClaims) {
				r.partClaims = append(r.partClaims, 0)
			}
			r.partClaims[p] += m
		}
	}
	r.eventPartOf = map[string]int32{}
	classes := make([]string, 0, len(eventClaims))
	for class := range eventClaims {
		classes = append(classes, class)
	}
	slices.Sort(classes)
	for _, class := range classes {
		r.eventPartOf[class] = fill(eventWeight * eventClaims[class])
	}
	r.parts = part + 1
}

// storySeries lists the series of group g in the chunks a part may not
// divide, and counts its claims. The first chunk holds what the group's own
// conclusions read, so that one part can write the group: its largest
// series, which names it, and every series with claims of a people and unit
// that an incremental claim counts, which its implied totals compose.
func (r *partRun) storySeries(g int32) (chunks [][]int32, n int) {
	series := r.al.groups[g].series
	composed := map[peopleUnit]bool{}
	for _, s := range series {
		for pu := range r.composed[s] {
			composed[pu] = true
		}
		n += r.sizes[s]
	}
	largest := largestSeries(series, func(s int32) int { return r.sizes[s] })
	first := []int32{largest}
	for _, s := range series {
		switch {
		case s == largest:
		case anyOf(r.counted[s], composed):
			first = append(first, s)
		default:
			chunks = append(chunks, []int32{s})
		}
	}
	return append([][]int32{first}, chunks...), n
}

// peopleUnit is the people and unit class a claim counts.
type peopleUnit struct{ nationality, unitClass symbol }

// note adds pu to the set of series s.
func note(sets map[int32]map[peopleUnit]bool, s int32, pu peopleUnit) {
	if sets[s] == nil {
		sets[s] = map[peopleUnit]bool{}
	}
	sets[s][pu] = true
}

// anyOf reports whether some member of a is in b.
func anyOf(a, b map[peopleUnit]bool) bool {
	for pu := range a {
		if b[pu] {
			return true
		}
	}
	return false
}

// reconcilePart reads the claims once more and reconciles those of part p:
// its groups and its events. The first reading also checks each article.
func (r *partRun) reconcilePart(p int32, w claims.ReconciliationWriter) error {
	l := r.al
	part := &claimTable{opt: l.opt, words: l.words, echoes: map[int32][]int32{}}
	var positions []int32
	if int(p) < len(r.partClaims) {
		part.grow(r.partClaims[p])
		positions = make([]int32, 0, r.partClaims[p])
	}
	var events []claims.Entry
	err := r.stream(func(first int32) {
		for i := range l.facts {
			l.place(&l.facts[i], r.seriesOf[first+int32(i)])
		}
		if p == 0 {
			r.checks.checkLosses(l, l.byRank, first)
		}
		for i := range l.facts {
			f := &l.facts[i]
			if r.partOf[f.series] != p {
				continue
			}
			part.facts = append(part.facts, *f)
			part.facts[len(part.facts)-1].doc = r.articles
			part.quoted = append(part.quoted, l.quoted[i])
			part.idBytes = append(part.idBytes, l.id(int32(i))...)
			part.idEnd = append(part.idEnd, uint32(len(part.idBytes)))
			positions = append(positions, first+int32(i))
		}
	}, func(e *claims.Entry) {
		if r.eventPartOf[claims.ActionClass(e.Action)] == p {
			events = append(events, eventToCompare(e))
		}
	})
	if err != nil {
		return err
	}
	if p == 0 {
		for _, h := range r.checks.held {
			for _, pos := range h.members {
				r.wanted[pos] = nil
			}
		}
	}
	if err := r.reconcileClaims(part, p, positions, w); err != nil {
		return err
	}
	return reconcileEvents(events, w)
}

// reconcileClaims reconciles the claims of the groups of part p, held in
// part: it numbers the part's groups and series as in the sorted ledger and
// reconciles them (reconcileSorted), then notes the echoes the checks need.
func (r *partRun) reconcileClaims(part *claimTable, p int32, positions []int32, w claims.ReconciliationWriter) error {
	l := part
	l.rankByID()
	l.idBytes = nil
	l.useSources(r.sources)

	// The part's groups and series, numbered in id order as in the ledger.
	seriesIndex := make([]int32, len(r.al.series))
	groupIndex := make([]int32, len(r.al.groups))
	inPart := make([]bool, len(r.al.groups))
	for s, si := range r.al.series {
		if r.partOf[s] == p {
			inPart[si.group] = true
		}
	}
	for g, gi := range r.al.groups {
		if !inPart[g] {
			continue
		}
		groupIndex[g] = int32(len(l.groups))
		l.groups = append(l.groups, groupInfo{id: gi.id, elsewhere: r.homePart[g] != p})
	}
	for s, si := range r.al.series {
		if r.partOf[s] != p {
			continue
		}
		seriesIndex[s] = int32(len(l.series))
		g := groupIndex[si.group]
		l.series = append(l.series, seriesInfo{key: si.key, id: si.id, scope: si.scope, domain: si.domain, group: g})
		l.groups[g].series = append(l.groups[g].series, seriesIndex[s])
	}
	joined := make([]int32, len(l.facts))
	for i := range l.facts {
		f := &l.facts[i]
		f.series, f.group = seriesIndex[f.series], groupIndex[f.group]
		joined[i] = int32(i)
	}
	l.listMembers(joined)
	for g := range r.al.groups {
		if inPart[g] && r.homePart[g] == p {
			l.groups[groupIndex[g]].label = r.labelGroup(l, int32(g), seriesIndex)
		}
	}

	if err := l.reconcileSorted(w, nil); err != nil {
		return err
	}
	for i, echoes := range l.echoes {
		if _, ok := r.wanted[positions[i]]; ok {
			r.wanted[positions[i]] = l.idsOf(echoes)
		}
	}
	return nil
}

// writeHeld writes the findings of the checks, with the echoes of their
// claims that the parts found.
func (r *partRun) writeHeld(w claims.ReconciliationWriter) error {
	return r.checks.write(w, func(pos int32) []string { return r.wanted[pos] }, func(pos int32) string {
		return r.al.groups[r.al.series[r.seriesOf[pos]].group].id
	})
}
