package reconcile

import (
	"cmp"
	"slices"
	"strings"

	"claimtrack/claims"
)

// Measure scopes, from the vocabulary's measures.txt.
const (
	cumulative = "cumulative" // a running total that never falls
	event      = "event"      // one attack, rally or quake
	state      = "state"      // a level at a time
)

// noDay marks a claim whose time is unknown. It sorts before every real day
// and is far enough from them that day differences cannot overflow.
const noDay = -1 << 30

// fact is what the reconciler needs of one claim, worked out once.
type fact struct {
	lo, hi float64 // Interval of the claim
	day    int32   // days since 1970 of the time the figure describes, or noDay
	// span is the period a figure covers ("in 2024"), as days since 1970;
	// both zero for a figure as of a day.
	span   [2]int32
	doc    int32 // index of the claim's document
	rank   int32 // position in claim id order, for deterministic ties
	source int32 // index into ledger.sources: claims with one root count once
	voice  int32 // the body the source speaks for: one voice is not independent
	series int32
	group  int32

	unitClass     string // after folding people units for harm measures
	rawUnitClass  string // claims.UnitClass of the unit
	measure       string // measure class; "" when the claim names none
	scope         string
	nationality   string
	explicitPlace string // the claim's own place, normalised
	place         string // after the place rule
	modality      claims.Modality
	incremental   bool
	ownVoice      bool // no source named: the outlet (or article) says it
	echoed        bool // the same statement is relayed by other claims: see ledger.echoes
}

// ledger is the reconciler's working state over one set of claims.
type ledger struct {
	opt         Options
	entries     []claims.Entry
	facts       []fact
	byRank      []int32   // claim indices in claim id order
	byDoc       [][]int32 // claim indices per document, in claim id order
	sources     []source
	sourceVoice []int32  // by source: index in voices
	voices      []string // the bodies sources speak for, by fact.voice
	series      []seriesInfo
	echoes      map[int32][]int32 // a claim → the same statement relayed elsewhere
	groups      []groupInfo
}

func newLedger(entries []claims.Entry, opt Options) *ledger {
	l := &ledger{opt: opt, entries: entries, facts: make([]fact, len(entries)), echoes: map[int32][]int32{}}
	l.byRank = idOrder(entries)
	for rank, i := range l.byRank {
		l.facts[i].rank = int32(rank)
	}

	// Claims are described in input order, which keeps memory access
	// sequential; nothing below depends on that order.
	docs := map[string]int32{}
	sourceByName := map[string]int32{} // as written → index in l.sources
	sourceByKey := map[string]int32{}  // normalised → index in l.sources
	nationalities := map[string]string{}
	places := map[string]string{}
	lastDoc, d := "", int32(-1)
	for i := range entries {
		e := &entries[i]
		f := &l.facts[i]
		f.lo, f.hi = Interval(e.Claim, opt)
		f.day = dayOf(e)
		if p := e.Period; !p.Start.IsZero() && !p.End.IsZero() {
			f.span = [2]int32{dayNumber(p.Start), dayNumber(p.End)}
		}

		// An article's claims usually arrive together.
		if d < 0 || e.Document != lastDoc {
			var ok bool
			if d, ok = docs[e.Document]; !ok {
				d = int32(len(docs))
				docs[e.Document] = d
			}
			lastDoc = e.Document
		}
		f.doc = d

		f.rawUnitClass = claims.UnitClass(e.Unit)
		f.measure, f.scope = measureOf(e.Claim)
		f.unitClass = comparableUnitClass(f.rawUnitClass, f.measure)
		f.measure = comparableMeasure(f.unitClass, f.measure)
		f.modality = e.Modality
		if f.modality == "" {
			f.modality = claims.Actual
		}
		f.incremental = e.Incremental

		nat, ok := nationalities[e.Subject]
		if !ok {
			nat = nationalityOf(e.Subject)
			nationalities[e.Subject] = nat
		}
		f.nationality = nat
		place, ok := places[e.Place]
		if !ok {
			place = normalPlace(e.Place)
			places[e.Place] = place
		}
		f.explicitPlace = place

		name, own := rootName(e)
		si, ok := sourceByName[name]
		if !ok {
			s := namedSource(name)
			if si, ok = sourceByKey[s.key]; !ok {
				si = int32(len(l.sources))
				sourceByKey[s.key] = si
				l.sources = append(l.sources, s)
			}
			sourceByName[name] = si
		}
		f.source, f.ownVoice = si, own
	}
	l.numberSources()
	l.byDoc = l.articles(len(docs))
	for _, members := range l.byDoc {
		l.inheritNationality(members)
		l.inheritPlace(members)
	}
	return l
}

// numberSources renumbers sources in key order, and numbers the bodies they
// speak for, so that numbering depends on content, not on input order.
func (l *ledger) numberSources() {
	order := make([]int32, len(l.sources))
	for k := range order {
		order[k] = int32(k)
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(l.sources[a].key, l.sources[b].key) })
	renumber := make([]int32, len(order))
	sorted := make([]source, len(order))
	for k, old := range order {
		renumber[old] = int32(k)
		sorted[k] = l.sources[old]
	}
	l.sources = sorted
	voices := map[string]int32{}
	l.sourceVoice = make([]int32, len(sorted))
	for k, s := range sorted {
		v, ok := voices[s.voice]
		if !ok {
			v = int32(len(l.voices))
			voices[s.voice] = v
			l.voices = append(l.voices, s.voice)
		}
		l.sourceVoice[k] = v
	}
	for i := range l.facts {
		f := &l.facts[i]
		f.source = renumber[f.source]
		f.voice = l.sourceVoice[f.source]
	}
}

// articles lists the claims of each article in id order, as windows of one
// array.
func (l *ledger) articles(n int) [][]int32 {
	start := make([]int32, n+1)
	for i := range l.facts {
		start[l.facts[i].doc+1]++
	}
	for d := range n {
		start[d+1] += start[d]
	}
	flat := make([]int32, len(l.facts))
	next := slices.Clone(start[:n])
	for _, i := range l.byRank {
		d := l.facts[i].doc
		flat[next[d]] = i
		next[d]++
	}
	byDoc := make([][]int32, n)
	for d := range n {
		byDoc[d] = flat[start[d]:start[d+1]:start[d+1]]
	}
	return byDoc
}

// idOrder returns the claim indices in id order. Comparing 8-byte prefixes
// of the ids first keeps a million-claim sort cheap.
func idOrder(entries []claims.Entry) []int32 {
	type keyed struct {
		prefix uint64
		i      int32
	}
	keys := make([]keyed, len(entries))
	for i := range entries {
		var p uint64
		id := entries[i].ID
		for k := range 8 {
			p <<= 8
			if k < len(id) {
				p |= uint64(id[k])
			}
		}
		keys[i] = keyed{p, int32(i)}
	}
	slices.SortFunc(keys, func(a, b keyed) int {
		if c := cmp.Compare(a.prefix, b.prefix); c != 0 {
			return c
		}
		return strings.Compare(entries[a.i].ID, entries[b.i].ID)
	})
	order := make([]int32, len(keys))
	for k, key := range keys {
		order[k] = key.i
	}
	return order
}

// dayOf is the day a figure describes: its as-of date, else the end of its
// period, else the day its article was published.
func dayOf(e *claims.Entry) int32 {
	for _, d := range []claims.Date{e.AsOf, e.Period.End, e.Published} {
		if !d.IsZero() {
			return dayNumber(d)
		}
	}
	return noDay
}

// dayNumber counts days since 1970-01-01.
func dayNumber(d claims.Date) int32 { return int32(d.Unix() / 86400) }

// Harm measures count losses; they compare people whatever word counts them.
var harmMeasures = map[string]bool{
	"killed": true, "wounded": true, "casualties": true, "missing": true, "captured": true,
}

// Measures that count people: losses, crowds, the displaced.
func countsPeople(measure string) bool {
	return harmMeasures[measure] || measure == "crowd" || measure == "affected"
}

// Units that count people: soldiers, civilians, casualties, protesters.
var peopleUnits = map[string]bool{"personnel": true, "people": true, "harm": true, "crowd": true}

// Harm units that say their measure themselves: "255 deaths" were killed.
var harmUnitMeasures = map[string]string{"casualties": "casualties", "deaths": "killed", "injuries": "wounded"}

// measureOf returns a claim's measure class and scope; a harm unit stands in
// for a missing measure.
func measureOf(c claims.Claim) (class, scope string) {
	m := c.Measure
	if m == "" {
		m = harmUnitMeasures[c.Unit]
	}
	if m == "" {
		return "", ""
	}
	return claims.MeasureClass(m)
}

// comparableUnitClass folds soldiers, people, casualties and protesters into
// one class when the measure counts people: "1,000 North Korean soldiers
// killed or wounded" and "several hundred North Korean casualties" count the
// same, as do "75,000 people took part" and "a crowd of 15,000".
func comparableUnitClass(unitClass, measure string) string {
	if countsPeople(measure) && peopleUnits[unitClass] {
		return "people"
	}
	return unitClass
}

// Units whose movements make the arms-transfer story.
var armsUnits = map[string]bool{
	"munitions": true, "missiles": true, "containers": true, "voyages": true,
	"vessels": true, "drones": true, "aircraft": true, "vehicles": true,
}

// comparableMeasure counts an observed transfer as the transfer: containers
// "identified" being sent are containers sent.
func comparableMeasure(unitClass, measure string) string {
	if measure == "identified" && armsUnits[unitClass] {
		return "transfer"
	}
	return measure
}

// unitFamily is the class a unit belongs to before any measure folds it.
func unitFamily(unitClass string) string {
	if peopleUnits[unitClass] {
		return "people"
	}
	return unitClass
}

// maxArticleClaims bounds the article-level checks, which compare an
// article's claims pairwise: a real article states far fewer figures, and a
// larger "article" (a data dump) would make them quadratic.
const maxArticleClaims = 500

// inheritPlace gives a claim without a place the place its source gave another
// figure in the same sentence: "Syria's health ministry said 326 people had
// died [in Syria] and 1,042 had been injured".
func (l *ledger) inheritPlace(members []int32) {
	if len(members) > maxArticleClaims {
		return
	}
	for _, i := range members {
		f := &l.facts[i]
		if f.explicitPlace != "" {
			continue
		}
		place := ""
		for _, j := range members {
			g := &l.facts[j]
			if g.explicitPlace == "" || g.source != f.source || l.entries[j].Sentence != l.entries[i].Sentence {
				continue
			}
			if place != "" && place != g.explicitPlace {
				place = ""
				break
			}
			place = g.explicitPlace
		}
		f.explicitPlace = place
	}
}

// inheritNationality gives claims of one article that name no people the
// people its other figures of the same kind name, when they name exactly one:
// "an additional 25,000 soldiers" after "11,000 North Korean soldiers".
// Percentages take the article's one people, if it has one.
func (l *ledger) inheritNationality(members []int32) {
	const anyFamily = "" // the article as a whole, for percentages
	sole := map[string]string{}
	note := func(family, nationality string) {
		if prev, seen := sole[family]; !seen {
			sole[family] = nationality
		} else if prev != nationality {
			sole[family] = ""
		}
	}
	for _, i := range members {
		if f := &l.facts[i]; f.nationality != "" {
			note(unitFamily(f.rawUnitClass), f.nationality)
			note(anyFamily, f.nationality)
		}
	}
	if len(sole) == 0 {
		return
	}
	for _, i := range members {
		f := &l.facts[i]
		switch {
		case f.nationality != "":
		case f.rawUnitClass == "percent":
			f.nationality = sole[anyFamily]
		default:
			f.nationality = sole[unitFamily(f.rawUnitClass)]
		}
	}
}
