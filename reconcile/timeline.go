package reconcile

import (
	"cmp"
	"math"
	"slices"

	"claimtrack/claims"
)

// Estimates of a named party's forces or losses this many days apart, from
// independent sources, describe the same moment: such figures come from
// briefings days apart about one state of affairs, so when they do not
// overlap, the sources disagree. Running tolls with no party named (the dead
// of an earthquake) climb by the hour: only the same day is one moment.
const sameMomentDays = 7

// momentWindow is how many days apart two figures of a series may be and
// still describe the same moment.
func momentWindow(si *seriesInfo) int32 {
	if si.scope == claims.ScopeCumulative && si.key.nationality != 0 {
		return sameMomentDays
	}
	return 0
}

// maxNeighbours bounds how many earlier claims of a series each claim is
// compared with, so that a long series costs linear time.
const maxNeighbours = 4

// reading is what the comparisons over time need of one claim. Each series
// is copied into a slice of readings, so that a long series is walked in
// memory order rather than by jumping around the ledger.
type reading struct {
	lo, hi   float64
	day      int32
	span     [2]int32 // see fact.span
	source   int32
	voice    int32
	doc      int32
	rank     int32
	claim    int32
	sentence uint64 // a hash of its sentence
	earlier  bool   // see fact.earlier
}

// compareSeries reports conflicts, changes and corroboration inside each
// series, comparing each claim only with its neighbours in time.
func (l *claimTable) compareSeries(out *findingSet) {
	var buf []reading
	var sw sweep
	for s := range l.series {
		if out.err != nil {
			return // the writer failed or was cancelled: nothing more is written
		}
		out.forget()
		si := &l.series[s]
		if len(si.members) < 2 {
			continue
		}
		buf = buf[:0]
		for _, i := range si.members {
			f := &l.facts[i]
			buf = append(buf, reading{f.lo, f.hi, f.day, f.span, f.source, f.voice, f.doc, f.rank, i, l.quoted[i].sentence, f.earlier})
		}
		readings := l.collapseEchoes(buf)
		if si.scope == claims.ScopeCumulative {
			checkPeriods(int32(s), readings, out)
		}
		window, horizon := momentWindow(si), horizonOf(si)
		compareNeighbours(int32(s), si.scope, window, horizon, readings, out)
		followTrails(int32(s), si.scope, horizon, readings, out)
		sw.corroborate(int32(s), window, readings, out)
	}
}

// byStatement orders readings by day and, within a day, puts one source's
// identical figures next to each other (then by id), so echoes are adjacent.
// Sources are numbered in key order, so the order depends on content only.
func byStatement(a, b reading) int {
	return cmp.Or(cmp.Compare(a.day, b.day), cmp.Compare(a.source, b.source),
		cmp.Compare(a.span[0], b.span[0]), cmp.Compare(a.span[1], b.span[1]),
		cmp.Compare(a.lo, b.lo), cmp.Compare(a.hi, b.hi), cmp.Compare(a.rank, b.rank))
}

// collapseEchoes sorts a series' readings in time and drops echoes: the same
// source's same figure for the same time, relayed by several outlets, is
// compared once. It records the echoes of each kept claim, so findings name
// them all.
func (l *claimTable) collapseEchoes(readings []reading) []reading {
	slices.SortFunc(readings, byStatement)
	kept := readings[:0]
	for _, r := range readings {
		if n := len(kept); n > 0 && sameStatement(kept[n-1], r) {
			first := kept[n-1].claim
			l.echoes[first] = append(l.echoes[first], r.claim)
			l.facts[first].echoed = true
			continue
		}
		kept = append(kept, r)
	}
	return kept
}

// sameStatement reports whether two dated readings are one source's same
// figure for the same time.
func sameStatement(a, b reading) bool {
	return a.day != noDay && a.day == b.day && a.source == b.source && a.span == b.span &&
		a.lo == b.lo && a.hi == b.hi
}

// relation is how a later claim of a series stands to an earlier one.
type relation int

const (
	unrelated   relation = iota
	conflicting          // they cannot both be true
	changing             // the figure moved: over time, or revised by its source
)

// relate compares reading b with an earlier (or same-day) reading a of the
// same series whose measure has the given scope.
func relate(a, b *reading, scope string, window, horizon int32) relation {
	if (a.day == noDay || b.day == noDay) && (a.day != b.day || a.doc != b.doc) {
		return unrelated // an undated figure is comparable only within its article
	}
	if a.span != b.span {
		return unrelated // "in 2024" is not the total as of a day; checkPeriods compares spans
	}
	gap := b.day - a.day
	sameMoment := gap <= window
	if overlaps(a.lo, a.hi, b.lo, b.hi) {
		if floorRose(a, b, scope, sameMoment) && gap <= horizon {
			return changing // "at least 44" then "at least 64": the toll climbed
		}
		return unrelated
	}
	switch {
	case scope == claims.ScopeEvent && gap != 0:
		return unrelated // another attack, another rally
	case a.voice == b.voice && twoQuantities(a, b):
		return unrelated
	case a.voice == b.voice:
		return changing // a source (or its side) revising itself
	case gap > horizon:
		return unrelated // two sides months apart in a series that names no people or place: most likely two events
	case sameMoment && a.doc == b.doc && a.sentence != b.sentence && apartBy(a, b) > sameArticleRatio:
		return unrelated // two sides' figures of one article an order of magnitude apart: two quantities
	case sameMoment:
		return conflicting
	case scope == claims.ScopeCumulative && b.hi < a.lo:
		return conflicting // a running total cannot fall
	}
	return changing
}

// floorRose reports a running total whose earlier figure had no upper
// bound and whose later one, on a later moment, raises its floor: "at least
// 44" then "at least 64" overlap only because the first is open, and the
// toll climbed.
func floorRose(a, b *reading, scope string, sameMoment bool) bool {
	return scope == claims.ScopeCumulative && !sameMoment && math.IsInf(a.hi, 1) && b.lo > a.lo && !twoQuantities(a, b)
}

// storyDays is how far apart two sides' figures of a series that knows
// neither its story nor its people nor its place may be and still be
// compared (horizonOf). Such a series holds the figures of articles read
// before the ledger kept names (migration 010), which are all one story:
// there Derna's floods of 2023 and Helene of 2024 share "deaths · killed",
// so a later lower figure of another side months on is most likely another
// event's, not a toll that fell, and one agency's tally of one disaster is
// not a revision of its tally of the last (followTrails). A story, or North
// Korean casualties, or Derna's dead, are one event's for as long as they
// are reported.
const storyDays = 60

// horizonOf is how many days apart two sides' figures of a series may be
// compared.
func horizonOf(si *seriesInfo) int32 {
	if si.key.nationality == 0 && si.key.place == 0 && si.key.story == 0 {
		return storyDays
	}
	return math.MaxInt32
}

// sameArticleRatio is how far apart two sides' figures of one article, in
// two sentences, may lie and still be one quantity they disagree on (the
// police's 15,000 and the organizers' 75,000): an article that gives 388
// names and 3,000 survivors in hotels is counting two things.
const sameArticleRatio = 10

// apartBy is how many times the higher figure is the lower.
func apartBy(a, b *reading) float64 {
	lo, hi := min(a.hi, b.hi), max(a.lo, b.lo)
	if lo <= 0 || math.IsInf(hi, 0) || math.IsInf(lo, 0) {
		return 1
	}
	return hi / lo
}

// twoQuantities reports two figures of one article that measure two
// things: figures of two sentences ("226 homes destroyed … 2,200
// structures damaged"), or of one sentence that does not set either as the
// other's earlier value ("medium-sized firms added 68,000 and large
// companies 42,000", where "up from the 11 he had announced" does).
func twoQuantities(a, b *reading) bool {
	return a.doc == b.doc && (a.sentence != b.sentence || !a.earlier && !b.earlier)
}

// compareNeighbours compares each reading with the nearest readings of its
// moment (the same day, or the same week for a running total) and of the
// latest day before it. For a running total it also keeps the highest figure
// so far, which no later figure from another side may fall below.
func compareNeighbours(s int32, scope string, window, horizon int32, readings []reading, out *findingSet) {
	var highest records
	var neighbours [maxNeighbours]int32
	for i := range readings {
		b := &readings[i]
		compared := 0
		previousDay, pastWindow := int32(0), false
		for j := i - 1; j >= 0 && compared < maxNeighbours; j-- {
			a := &readings[j]
			if b.day-a.day > window {
				if scope == claims.ScopeEvent || pastWindow && a.day != previousDay {
					break
				}
				previousDay, pastWindow = a.day, true
			}
			neighbours[compared] = a.claim
			compared++
			if r := relate(a, b, scope, window, horizon); r != unrelated {
				out.pair(r, s, a.claim, b.claim)
			}
		}
		if scope != claims.ScopeCumulative || b.day == noDay || b.span != ([2]int32{}) {
			continue // only running totals as of a day hold a record
		}
		if r, ok := highest.against(b.voice); ok && b.day-r.day <= horizon {
			switch {
			case b.hi < r.lo:
				out.pair(conflicting, s, r.claim, b.claim)
			case b.lo > r.lo && b.day-r.day > window && r.doc != b.doc && !slices.Contains(neighbours[:compared], r.claim):
				// "at least 44" on Friday, Florida's 10 on Saturday, "at
				// least 64" on Sunday: the running total climbed from the
				// highest figure before it, past the neighbours between.
				out.pair(changing, s, r.claim, b.claim)
			}
		}
		highest.add(b)
	}
}

// followTrails follows each source's own trail through a series: every next
// figure it gives is a change from its last one, up or down, even when the
// two intervals overlap ("about 4,000" after 3,958) and whatever other
// sources said between, which compareNeighbours may not reach. Figures of
// one article from two sentences are two quantities, as relate says; an
// event's figures of two days are two events; a period is not a day; and in
// a series that names no people or place, a step longer than horizon is
// most likely to another event.
func followTrails(s int32, scope string, horizon int32, readings []reading, out *findingSet) {
	last := map[int32]int{} // source → index of its latest reading
	for i := range readings {
		b := &readings[i]
		if b.day == noDay || b.span != ([2]int32{}) {
			continue
		}
		if k, ok := last[b.source]; ok {
			if a := &readings[k]; trailStep(a, b, scope) && b.day-a.day <= horizon {
				out.pair(changing, s, a.claim, b.claim)
			}
		}
		last[b.source] = i
	}
}

// trailStep reports whether a source's later reading b moves on from its
// earlier reading a.
func trailStep(a, b *reading, scope string) bool {
	switch {
	case a.lo == b.lo && a.hi == b.hi:
		return false // the same figure again
	case twoQuantities(a, b):
		return false
	case scope == claims.ScopeEvent && a.day != b.day:
		return false // another attack, another rally
	}
	return true
}

// records keeps the highest lower bound of a running total seen so far, and
// the highest from any other side, so every reading can be checked against
// the best figure of a side other than its own.
type records struct{ top, other record }

type record struct {
	claim int32
	lo    float64
	voice int32
	day   int32
	doc   int32
	set   bool
}

func (r *records) add(b *reading) {
	if math.IsInf(b.lo, -1) {
		return
	}
	c := record{claim: b.claim, lo: b.lo, voice: b.voice, day: b.day, doc: b.doc, set: true}
	switch {
	case !r.top.set || c.lo > r.top.lo:
		if r.top.set && r.top.voice != c.voice {
			r.other = r.top
		}
		r.top = c
	case c.voice != r.top.voice && (!r.other.set || c.lo > r.other.lo):
		r.other = c
	}
}

// against returns the highest record of a side other than voice.
func (r *records) against(voice int32) (record, bool) {
	if r.top.set && r.top.voice != voice {
		return r.top, true
	}
	return r.other, r.other.set
}

// checkPeriods finds figures for a span that exceed a figure for a longer
// span containing it: 9 million shells in 2024 cannot all fit in 4–6 million
// for September 2023 to March 2025. With spans sorted by start, a tree over
// their ends gives the smallest upper bound among the spans that contain each
// one, in O(n log n).
func checkPeriods(s int32, readings []reading, out *findingSet) {
	var spans []reading
	for _, r := range readings {
		if r.span != ([2]int32{}) {
			spans = append(spans, r)
		}
	}
	if len(spans) < 2 {
		return
	}
	slices.SortFunc(spans, func(a, b reading) int {
		return cmp.Or(cmp.Compare(a.span[0], b.span[0]), cmp.Compare(b.span[1], a.span[1]), cmp.Compare(a.rank, b.rank))
	})
	ends := make([]int32, len(spans))
	for k, r := range spans {
		ends[k] = r.span[1]
	}
	slices.Sort(ends)
	ends = slices.Compact(ends)
	// Later ends get lower positions, so "ends at or after" is a prefix.
	position := func(end int32) int {
		k, _ := slices.BinarySearch(ends, end)
		return len(ends) - k
	}
	tree := newMinTree(len(ends))
	for k := range spans {
		part := &spans[k]
		pos := position(part.span[1])
		if whole, ok := tree.min(pos); ok && part.lo > spans[whole].hi &&
			spans[whole].span != part.span && spans[whole].voice != part.voice {
			// Equal spans are one moment, and one side's own figures are a
			// revision: relate compares both.
			out.partOfPeriod(s, spans[whole].claim, part.claim)
		}
		tree.add(pos, int32(k), part.hi)
	}
}

// minTree is a Fenwick tree of prefix minima: the item with the smallest
// value among those added at positions up to a given one.
type minTree struct {
	value []float64
	item  []int32
}

func newMinTree(n int) minTree {
	t := minTree{value: make([]float64, n+1), item: make([]int32, n+1)}
	for i := range t.value {
		t.value[i] = math.Inf(1)
		t.item[i] = -1
	}
	return t
}

func (t minTree) add(pos int, item int32, v float64) {
	for ; pos < len(t.value); pos += pos & -pos {
		if t.item[pos] < 0 || v < t.value[pos] {
			t.value[pos], t.item[pos] = v, item
		}
	}
}

func (t minTree) min(pos int) (int32, bool) {
	best, item := math.Inf(1), int32(-1)
	for ; pos > 0; pos -= pos & -pos {
		if t.item[pos] >= 0 && (item < 0 || t.value[pos] < best) {
			best, item = t.value[pos], t.item[pos]
		}
	}
	return item, item >= 0
}

// sweep finds the value most sides allow at one moment. It keeps its
// buffers from one moment to the next.
type sweep struct {
	ends []end
	open voiceTally
}

// end is where a reading's interval opens or closes.
type end struct {
	at    float64
	opens bool
	voice int32
	rank  int32
}

// corroborate finds, at each moment of a series, the value that the most
// independent sources allow, and reports the claims that agree on it when at
// least two sides do: one finding per moment, since agreement about one rally
// or one week says nothing about another.
func (sw *sweep) corroborate(s int32, window int32, readings []reading, out *findingSet) {
	for start := 0; start < len(readings); {
		first := readings[start].day
		end := start + 1
		for end < len(readings) && readings[end].day-first <= window {
			end++
		}
		if first != noDay {
			if agreeing := sw.agreeAt(readings[start:end], nil); len(agreeing) > 0 {
				out.corroboration(s, agreeing)
			}
		}
		start = end
	}
}

// agreeAt appends the claims of one moment that allow the value most sides
// allow, when that is at least two sides. Intervals that overlap pairwise
// share a common value, so a sweep over their ends finds them.
func (sw *sweep) agreeAt(moment []reading, agreeing []int32) []int32 {
	if len(moment) < 2 || !severalVoices(moment) {
		return agreeing
	}
	ends := sw.ends[:0]
	for _, r := range moment {
		ends = append(ends, end{r.lo, true, r.voice, r.rank}, end{r.hi, false, r.voice, r.rank})
	}
	slices.SortFunc(ends, func(a, b end) int {
		// At one value, opening ends first: closed intervals that touch agree.
		if c := cmp.Compare(a.at, b.at); c != 0 {
			return c
		}
		if a.opens != b.opens {
			if a.opens {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.rank, b.rank)
	})
	sw.ends = ends
	open := &sw.open
	open.reset()
	best, bestAt := 0, 0.0
	for _, e := range ends {
		if !e.opens {
			open.remove(e.voice)
			continue
		}
		if n := open.add(e.voice); n > best {
			best, bestAt = n, e.at
		}
	}
	if best < 2 {
		return agreeing
	}
	for _, r := range moment {
		if r.lo <= bestAt && bestAt <= r.hi {
			agreeing = append(agreeing, r.claim)
		}
	}
	return agreeing
}

func severalVoices(readings []reading) bool {
	for _, r := range readings[1:] {
		if r.voice != readings[0].voice {
			return true
		}
	}
	return false
}

// voiceTally counts the open intervals of each voice during a sweep.
type voiceTally struct {
	voices []int32
	counts []int
	open   int // voices with at least one open interval
}

// add opens an interval of voice v and returns how many voices are open.
func (t *voiceTally) add(v int32) int {
	k := slices.Index(t.voices, v)
	if k < 0 {
		t.voices, t.counts = append(t.voices, v), append(t.counts, 0)
		k = len(t.voices) - 1
	}
	if t.counts[k]++; t.counts[k] == 1 {
		t.open++
	}
	return t.open
}

func (t *voiceTally) reset() {
	t.voices, t.counts, t.open = t.voices[:0], t.counts[:0], 0
}

func (t *voiceTally) remove(v int32) {
	k := slices.Index(t.voices, v)
	if t.counts[k]--; t.counts[k] == 0 {
		t.open--
	}
}
