package reconcile

import (
	"cmp"
	"hash/maphash"
	"math"
	"slices"
	"strings"
	"time"

	"claimtrack/claims"
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
	source int32 // index into claimTable.sources: claims with one root count once
	voice  int32 // the body the source speaks for: one voice is not independent
	series int32
	group  int32
	story  symbol // the story of its article: its first article's name

	// Words, as symbols of claimTable.words: a fact holds no pointers, so the
	// garbage collector never walks millions of them.
	unitClass     symbol // after folding people units for harm measures
	rawUnitClass  symbol // claims.UnitClass of the unit
	measure       symbol // measure class; 0 ("") when the claim names none
	scope         symbol
	nationality   symbol
	sector        symbol // "health care"; "" when the subject names no part of an economy
	explicitPlace symbol // the claim's own place, normalised
	place         symbol // after the place rule
	modality      symbol // claims.Modality, Actual when not stated
	incremental   bool
	earlier       bool // claims.Claim.Earlier
	ownVoice      bool // no source named: the outlet (or article) says it
	echoed        bool // the same statement is relayed by other claims: see claimTable.echoes
}

// quote is what findings and labels quote of a claim: its figures, words
// and dates as stated, with repeated words as symbols and dates as days.
type quote struct {
	low, high float64 // the stated figures; NaN when not stated
	start     int32   // byte offset in its document
	// Days since 1970, or noDate.
	asOf, periodStart, periodEnd, published int32
	unit, subject, measure, place           symbol
	qualifier, precision                    symbol
	text                                    symbol // the wording, kept for vague figures only
	sentence                                uint64 // a hash: claims of one article compare sentences
}

// noDate marks a date a claim does not state.
const noDate = math.MinInt32

// claimTable is the reconciler's working state over one set of claims: a
// compact record of each claim, a few hundred bytes, and the tables of words,
// sources, series and groups.
type claimTable struct {
	opt    claims.Options
	words  *symbols
	quoted []quote
	// ids holds every claim id, one after another, once the table is
	// finished; idEnd[i] is where claim i's ends.
	ids         string
	idBytes     []byte // the ids while claims are added
	idEnd       []uint32
	facts       []fact
	byRank      []int32   // claim indices in claim id order
	byDoc       [][]int32 // claim indices per document, in claim id order
	sources     []claims.Source
	sourceVoice []int32  // by source: index in voices
	voices      []string // the bodies sources speak for, by fact.voice
	series      []seriesInfo
	echoes      map[int32][]int32 // a claim → the same statement relayed elsewhere
	groups      []groupInfo

	// What adding claims looks up; dropped once the table is finished.
	adding *lookups
}

// lookups are the tables claims are described with as they are added.
type lookups struct {
	docs          map[string]int32
	lastDoc       string
	lastDocIndex  int32
	sourceByName  map[string]int32 // as written → index in claimTable.sources
	sourceByKey   map[string]int32 // normalised → index in claimTable.sources
	nationalities map[string]symbol
	sectors       map[string]symbol
	places        map[string]symbol
	unitClasses   map[string]symbol
	sentenceSeed  maphash.Seed
}

func newClaimTable(opt claims.Options) *claimTable {
	return &claimTable{opt: opt, words: newSymbols(), echoes: map[int32][]int32{}, adding: &lookups{
		docs: map[string]int32{}, sourceByName: map[string]int32{}, sourceByKey: map[string]int32{},
		nationalities: map[string]symbol{}, sectors: map[string]symbol{}, places: map[string]symbol{}, unitClasses: map[string]symbol{},
		sentenceSeed: maphash.MakeSeed(),
	}}
}

// add describes one quantity claim and keeps what the reconciler reads of it.
func (l *claimTable) add(e *claims.Entry) {
	a := l.adding
	var f fact
	f.lo, f.hi = claims.Interval(e.Claim, l.opt)
	f.day = dayOf(e)
	if p := e.Period; !p.Start.IsZero() && !p.End.IsZero() {
		f.span = [2]int32{dayNumber(p.Start), dayNumber(p.End)}
	}

	// An article's claims usually arrive together.
	if len(a.docs) == 0 || e.Document != a.lastDoc {
		d, ok := a.docs[e.Document]
		if !ok {
			d = int32(len(a.docs))
			a.docs[e.Document] = d
		}
		a.lastDoc, a.lastDocIndex = e.Document, d
	}
	f.doc = a.lastDocIndex

	f.rawUnitClass = l.symbolFor(a.unitClasses, e.Unit, claims.UnitClass)
	measure, scope := measureOf(e.Claim)
	unitClass := comparableUnitClass(l.text(f.rawUnitClass), measure)
	f.unitClass, f.measure, f.scope = l.words.of(unitClass), l.words.of(comparableMeasure(unitClass, measure)), l.words.of(scope)
	modality := e.Modality
	if modality == "" {
		modality = claims.Actual
	}
	f.modality = l.words.of(string(modality))
	f.incremental = e.Incremental
	f.earlier = e.Earlier

	f.nationality = l.symbolFor(a.nationalities, e.Subject, claims.NationalityOf)
	// A sector word in the subject of people a war or a disaster befalls
	// says whose ("government forces"), not which part of an economy.
	if !peopleUnits[l.text(f.rawUnitClass)] {
		f.sector = l.symbolFor(a.sectors, e.Subject, claims.SectorOf)
	}
	f.explicitPlace = l.symbolFor(a.places, e.Place, normalPlace)

	name, own := claims.RootName(e)
	si, ok := a.sourceByName[name]
	if !ok {
		s := claims.NamedSource(name)
		if si, ok = a.sourceByKey[s.Key]; !ok {
			si = int32(len(l.sources))
			a.sourceByKey[s.Key] = si
			l.sources = append(l.sources, s)
		}
		a.sourceByName[name] = si
	}
	f.source, f.ownVoice = si, own
	l.facts = append(l.facts, f)

	r := quote{
		low: claims.StatedOrNaN(e.Value.Low), high: claims.StatedOrNaN(e.Value.High), start: int32(e.Start),
		asOf: dateDay(e.AsOf), periodStart: dateDay(e.Period.Start), periodEnd: dateDay(e.Period.End),
		published: dateDay(e.Published),
		unit:      l.words.of(e.Unit), subject: l.words.of(e.Subject), measure: l.words.of(e.Measure),
		place: l.words.of(e.Place), qualifier: l.words.of(string(e.Value.Qualifier)),
		precision: l.words.of(string(e.Period.Precision)),
		sentence:  maphash.String(a.sentenceSeed, e.Sentence),
	}
	if e.Value.Qualifier == claims.Vague {
		r.text = l.words.of(e.Text)
	}
	l.quoted = append(l.quoted, r)
	l.idBytes = append(l.idBytes, e.ID...)
	l.idEnd = append(l.idEnd, uint32(len(l.idBytes)))
}

// grow makes room for n more claims: a ledger whose size is known is not
// copied as it grows, which would hold its records twice over meanwhile.
func (l *claimTable) grow(n int) {
	l.facts, l.quoted = slices.Grow(l.facts, n), slices.Grow(l.quoted, n)
	l.idEnd = slices.Grow(l.idEnd, n)
	l.idBytes = slices.Grow(l.idBytes, 16*n) // ids are 16 hex digits
}

// finish numbers the claims, sources and articles once every claim is added,
// puts each in its article's story (storyOf, by document name) and
// completes what a claim takes from its article.
func (l *claimTable) finish(storyOf map[string]string) {
	l.rankByID()
	l.idBytes = nil
	ndocs := len(l.adding.docs)
	l.setStories(storyOf)
	l.adding = nil
	l.useSources(numberSources(l.sources))
	l.byDoc = l.articles(ndocs)
	for _, members := range l.byDoc {
		l.completeArticle(members)
	}
}

// setStories puts each claim in its article's story (storyOf, by document
// name).
func (l *claimTable) setStories(storyOf map[string]string) {
	stories := make([]symbol, len(l.adding.docs))
	for name, d := range l.adding.docs {
		stories[d] = l.words.of(storyOf[name])
	}
	for i := range l.facts {
		l.facts[i].story = stories[l.facts[i].doc]
	}
}

// completeArticle gives the claims of one article what they take from each
// other: the people and the place its other claims name.
func (l *claimTable) completeArticle(members []int32) {
	l.inheritNationality(members)
	l.inheritPlace(members)
}

// rankByID lists the claims in id order (byRank) and gives each its rank,
// once every id is known.
func (l *claimTable) rankByID() {
	l.ids = string(l.idBytes)
	l.byRank = l.idOrder()
	for rank, i := range l.byRank {
		l.facts[i].rank = int32(rank)
	}
}

// id is claim i's id.
func (l *claimTable) id(i int32) string {
	start := uint32(0)
	if i > 0 {
		start = l.idEnd[i-1]
	}
	return l.ids[start:l.idEnd[i]]
}

// idsOf lists the ids of the claims given.
func (l *claimTable) idsOf(members []int32) []string {
	ids := make([]string, len(members))
	for k, i := range members {
		ids[k] = l.id(i)
	}
	return ids
}

// entry rebuilds what a finding quotes of claim i as a claims.Entry.
func (l *claimTable) entry(i int32) claims.Entry {
	r := &l.quoted[i]
	var e claims.Entry
	e.ID = l.id(i)
	e.Start = int(r.start)
	e.Value = claims.Value{Low: statedFigure(r.low), High: statedFigure(r.high), Qualifier: claims.Qualifier(l.text(r.qualifier))}
	e.Unit, e.Subject, e.Measure = l.text(r.unit), l.text(r.subject), l.text(r.measure)
	e.Place, e.Text = l.text(r.place), l.text(r.text)
	e.AsOf, e.Published = dayDate(r.asOf), dayDate(r.published)
	e.Period = claims.Period{Start: dayDate(r.periodStart), End: dayDate(r.periodEnd),
		Precision: claims.Precision(l.text(r.precision))}
	return e
}

func statedFigure(v float64) *float64 {
	if math.IsNaN(v) {
		return nil
	}
	return &v
}

func dateDay(d claims.Date) int32 {
	if d.IsZero() {
		return noDate
	}
	return dayNumber(d)
}

func dayDate(day int32) claims.Date {
	if day == noDate {
		return claims.Date{}
	}
	return claims.Date{Time: time.Unix(int64(day)*86400, 0).UTC()}
}

// symbolFor returns the symbol of derive(key), derived once per key: the
// claims of a ledger repeat a few hundred units, subjects and places.
func (l *claimTable) symbolFor(cache map[string]symbol, key string, derive func(string) string) symbol {
	s, ok := cache[key]
	if !ok {
		s = l.words.of(derive(key))
		cache[key] = s
	}
	return s
}

// symbol stands for a string the table holds once; 0 is "".
type symbol uint32

// symbols interns the words claims repeat: a ledger states the same few
// hundred units, measures and places millions of times.
type symbols struct {
	index map[string]symbol
	texts []string
}

func newSymbols() *symbols {
	return &symbols{index: map[string]symbol{"": 0}, texts: []string{""}}
}

func (s *symbols) of(text string) symbol {
	if y, ok := s.index[text]; ok {
		return y
	}
	y := symbol(len(s.texts))
	s.index[text] = y
	s.texts = append(s.texts, text)
	return y
}

// text is the word a symbol of the table stands for.
func (l *claimTable) text(y symbol) string { return l.words.texts[y] }

// sourceNumbering is the sources in key order and the bodies they speak
// for, numbered so that numbering depends on content, not on input order.
type sourceNumbering struct {
	sources     []claims.Source
	voices      []string
	sourceVoice []int32 // by source: index in voices
	renumber    []int32 // by a source's index before: its index in sources
}

// numberSources numbers sources in key order, and the bodies they speak for.
func numberSources(sources []claims.Source) sourceNumbering {
	order := make([]int32, len(sources))
	for k := range order {
		order[k] = int32(k)
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(sources[a].Key, sources[b].Key) })
	n := sourceNumbering{sources: make([]claims.Source, len(order)), sourceVoice: make([]int32, len(order)),
		renumber: make([]int32, len(order))}
	voices := map[string]int32{}
	for k, old := range order {
		n.renumber[old] = int32(k)
		s := sources[old]
		n.sources[k] = s
		v, ok := voices[s.Voice]
		if !ok {
			v = int32(len(n.voices))
			voices[s.Voice] = v
			n.voices = append(n.voices, s.Voice)
		}
		n.sourceVoice[k] = v
	}
	return n
}

// useSources gives the table the sources as n numbers them.
func (l *claimTable) useSources(n sourceNumbering) {
	l.sources, l.voices, l.sourceVoice = n.sources, n.voices, n.sourceVoice
	for i := range l.facts {
		f := &l.facts[i]
		f.source = n.renumber[f.source]
		f.voice = l.sourceVoice[f.source]
	}
}

// articles lists the claims of each article in id order, as windows of one
// array.
func (l *claimTable) articles(n int) [][]int32 {
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
func (l *claimTable) idOrder() []int32 {
	type keyed struct {
		prefix uint64
		i      int32
	}
	keys := make([]keyed, len(l.facts))
	for i := range keys {
		keys[i] = keyed{idPrefix(l.id(int32(i))), int32(i)}
	}
	slices.SortFunc(keys, func(a, b keyed) int {
		if c := cmp.Compare(a.prefix, b.prefix); c != 0 {
			return c
		}
		return strings.Compare(l.id(a.i), l.id(b.i))
	})
	order := make([]int32, len(keys))
	for k, key := range keys {
		order[k] = key.i
	}
	return order
}

// idPrefix is the first 8 bytes of an id as a number: ordering by it orders
// ids as strings do, as far as those bytes go.
func idPrefix(id string) uint64 {
	var p uint64
	for k := range 8 {
		p <<= 8
		if k < len(id) {
			p |= uint64(id[k])
		}
	}
	return p
}

// dayOf numbers the day a figure describes (claims.Entry.Day).
func dayOf(e *claims.Entry) int32 {
	if d := e.Day(); !d.IsZero() {
		return dayNumber(d)
	}
	return noDay
}

// dayNumber counts days since 1970-01-01.
func dayNumber(d claims.Date) int32 { return int32(d.Unix() / 86400) }

// Measures that count people: losses, crowds, the displaced.
func countsPeople(measure string) bool {
	return harmMeasures[measure] || peopleMeasures[measure]
}

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
func (l *claimTable) inheritPlace(members []int32) {
	if len(members) > maxArticleClaims {
		return
	}
	for _, i := range members {
		f := &l.facts[i]
		if f.explicitPlace != 0 {
			continue
		}
		place := symbol(0)
		for _, j := range members {
			g := &l.facts[j]
			if g.explicitPlace == 0 || g.source != f.source || l.quoted[j].sentence != l.quoted[i].sentence {
				continue
			}
			if place != 0 && place != g.explicitPlace {
				place = 0
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
func (l *claimTable) inheritNationality(members []int32) {
	const anyFamily = "" // the article as a whole, for percentages
	sole := map[string]symbol{}
	note := func(family string, nationality symbol) {
		if prev, seen := sole[family]; !seen {
			sole[family] = nationality
		} else if prev != nationality {
			sole[family] = 0
		}
	}
	for _, i := range members {
		if f := &l.facts[i]; f.nationality != 0 {
			note(unitFamily(l.text(f.rawUnitClass)), f.nationality)
			note(anyFamily, f.nationality)
		}
	}
	if len(sole) == 0 {
		return
	}
	for _, i := range members {
		f := &l.facts[i]
		switch {
		case f.nationality != 0:
		case l.text(f.rawUnitClass) == "percent":
			f.nationality = sole[anyFamily]
		default:
			f.nationality = sole[unitFamily(l.text(f.rawUnitClass))]
		}
	}
}
