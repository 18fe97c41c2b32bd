package reconcile

import "claimtrack/claims"

// sorting sorts claims into series and groups article by article, in three
// passes over every article, so that a ledger reconciled in parts can read
// its claims once a pass and keep four bytes a claim (seriesOf), and a ledger
// reconciled at once runs the same passes over its articles. The claim table
// l holds the article's claims being sorted (all of them for a whole ledger)
// and the tables that outlive it: words, sources, series and groups. A claim
// is named by its position among all claims: base plus its index in l.
//
//  1. noteMeasured: the places that claims naming a measure give, for the
//     place rule (a claim with no place joins its block's one place).
//  2. sortMeasured: claims naming a measure into the series of their key;
//     claims naming none into the one series of their unit in their article
//     (a follow-up sentence that drops the verb), else noted as alone.
//  3. sortAlone: claims alone into series of their own key; every claim takes
//     its series' measure and place; the stories of the article are linked
//     (linkArticle) and its related figures checked (checks).
//
// Then numberSeries puts the series in id order and numberGroups makes the
// groups.
type sorting struct {
	l               *claimTable
	index           map[seriesKey]int32
	measured, alone placeBlocks // places of measured claims, and of claims alone
	seriesOf        []int32     // by position; -1 while not known
	sizes           []int       // claims by series
	sets            disjointSets
	checks          *checks
	// storyNames name each story (by its symbol in l.words) after the names
	// its articles stress.
	storyNames map[symbol]string
	// For dividing a ledger into parts (nil otherwise): the people and unit
	// each series' claims count, and those of its incremental claims, which
	// implied totals compose with a base.
	counted, composed map[int32]map[peopleUnit]bool
}

// newSorting starts sorting the claims of l; a ledger read in parts makes
// seriesOf once it knows how many claims it has (n is then 0).
func newSorting(l *claimTable, n int, dividing bool) *sorting {
	s := &sorting{l: l, index: map[seriesKey]int32{}, measured: placeBlocks{}, alone: placeBlocks{},
		checks: newChecks()}
	if n > 0 {
		s.seriesOf = make([]int32, n)
	}
	if dividing {
		s.counted, s.composed = map[int32]map[peopleUnit]bool{}, map[int32]map[peopleUnit]bool{}
	}
	return s
}

// noteMeasured notes the places the measured claims among members name.
func (s *sorting) noteMeasured(members []int32) {
	for _, i := range members {
		if f := &s.l.facts[i]; f.measure != 0 {
			s.measured.note(f)
		}
	}
}

// sortMeasured puts the measured claims among members, one article's, into
// series, and claims naming no measure into the one series of their unit
// in the article when there is one.
func (s *sorting) sortMeasured(members []int32, base int32) {
	l := s.l
	for _, i := range members {
		if f := &l.facts[i]; f.measure != 0 {
			s.measured.resolve(f)
			f.series = s.open(f)
			s.seriesOf[base+i] = f.series
		}
	}
	for _, i := range members {
		f := &l.facts[i]
		if f.measure != 0 {
			continue
		}
		if si, ok := l.soleSeriesOfUnit(i); ok {
			f.series, f.measure, f.place = si, l.series[si].key.measure, l.series[si].key.place
			s.seriesOf[base+i] = si
			s.sizes[si]++
			continue
		}
		s.seriesOf[base+i] = -1
		s.alone.note(f)
	}
}

// sortAlone puts the claims of one article left alone into series of their
// own, gives every claim its series' measure and place, links the article's
// stories and checks its related figures.
func (s *sorting) sortAlone(members []int32, base int32) {
	l := s.l
	for _, i := range members {
		f := &l.facts[i]
		si := s.seriesOf[base+i]
		if si < 0 {
			s.alone.resolve(f)
			si = s.open(f)
			s.seriesOf[base+i] = si
		}
		l.place(f, si)
		if s.counted != nil {
			pu := peopleUnit{f.nationality, f.unitClass}
			note(s.counted, si, pu)
			if f.incremental && l.text(f.scope) != claims.ScopeEvent {
				note(s.composed, si, pu)
			}
		}
	}
	l.linkArticle(members, s.sets)
	s.checks.noteLosses(l, members, base)
	s.checks.checkArticle(l, members, base)
}

// open returns the series of f's key, opening it when new, and counts f in it.
func (s *sorting) open(f *fact) int32 {
	si := s.l.seriesFor(f, s.index)
	for int(si) >= len(s.sizes) {
		s.sizes = append(s.sizes, 0)
		s.sets = append(s.sets, int32(len(s.sets)))
	}
	s.sizes[si]++
	return si
}

// numberSeries puts the series in id order, so that nothing downstream
// depends on the order claims came in, renumbers what refers to them and
// makes the groups.
func (s *sorting) numberSeries() {
	l := s.l
	series, renumber := inIDOrder(l.series)
	sizes := make([]int, len(renumber))
	for old, si := range renumber {
		sizes[si] = s.sizes[old]
	}
	for p, si := range s.seriesOf {
		s.seriesOf[p] = renumber[si]
	}
	for _, sets := range []*map[int32]map[peopleUnit]bool{&s.counted, &s.composed} {
		if *sets == nil {
			continue
		}
		renumbered := map[int32]map[peopleUnit]bool{}
		for old, pus := range *sets {
			renumbered[renumber[old]] = pus
		}
		*sets = renumbered
	}
	sets := newDisjointSets(len(renumber))
	for old := range renumber {
		sets.union(renumber[old], renumber[s.sets.find(int32(old))])
	}
	// A story is one group: its series are of one event or topic.
	firstOfStory := map[symbol]int32{}
	for si := range series {
		story := series[si].key.story
		if story == 0 {
			continue // articles that name nothing: grouped by their series alone
		}
		if first, ok := firstOfStory[story]; ok {
			sets.union(first, int32(si))
		} else {
			firstOfStory[story] = int32(si)
		}
	}
	l.series, s.sizes, s.sets, s.index = series, sizes, sets, nil
	l.numberGroups(s.sets)
}

// nameStories keeps the names of the stories (storyFinder.stories) by their
// symbols.
func (s *sorting) nameStories(labels map[string]string) {
	s.storyNames = make(map[symbol]string, len(labels))
	for key, name := range labels {
		s.storyNames[s.l.words.of(key)] = name
	}
}

// labelGroups names each group of l after its story, or its series weighed
// by their claims.
func (s *sorting) labelGroups() {
	for g := range s.l.groups {
		s.l.groups[g].label = s.labelGroup(s.l, int32(g), nil)
	}
}

// labelGroup names group g of the sorted ledger from table t, which holds
// its largest series, numbered by seriesIndex (nil: as in the sorted ledger).
func (s *sorting) labelGroup(t *claimTable, g int32, seriesIndex []int32) string {
	if name := s.storyNames[s.l.series[s.l.groups[g].series[0]].key.story]; name != "" {
		return name // a story is a group
	}
	label := t.seriesLabel
	if seriesIndex != nil {
		label = func(si int32) string { return t.seriesLabel(seriesIndex[si]) }
	}
	return storyLabel(s.l.words, s.l.groups[g].series,
		func(si int32) (*seriesInfo, int) { return &s.l.series[si], s.sizes[si] }, label)
}

// place puts f in series s, with the measure and place that series gives it.
func (l *claimTable) place(f *fact, s int32) {
	si := &l.series[s]
	f.series, f.group = s, si.group
	f.measure, f.place = si.key.measure, si.key.place
}
