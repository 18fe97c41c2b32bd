package reconcile

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"claimtrack/claims"
)

// sameQuantity reports whether two claims count the same thing at the same
// time, wherever.
func sameQuantity(a, b *fact) bool {
	return a.measure != 0 && a.measure == b.measure && a.nationality == b.nationality &&
		a.unitClass == b.unitClass && a.modality == b.modality && a.incremental == b.incremental &&
		a.day == b.day
}

// checkPartsTotals compares, within one article, a total over several places
// ("in Turkey and Syria") with the figures for each of those places: they
// match when the sum is within tolerance, and are inconsistent when the total
// is below the sum.
func (l *claimTable) checkPartsTotals(members []int32, out *findingSet) {
	tolerance := l.opt.EffectiveTolerance()
	for _, t := range members {
		total := &l.facts[t]
		totalPlace := l.text(total.explicitPlace)
		if !strings.Contains(totalPlace, " ") {
			continue // a total over places names more than one word
		}
		var parts []int32
		for _, p := range members {
			part := &l.facts[p]
			if p != t && part.explicitPlace != 0 && sameQuantity(total, part) && containsPlace(totalPlace, l.text(part.explicitPlace)) {
				parts = append(parts, p)
			}
		}
		if len(parts) < 2 || l.placesOverlap(parts) {
			continue
		}
		// Parts are summed in the order the article gives them.
		slices.SortFunc(parts, func(a, b int32) int {
			return cmp.Or(cmp.Compare(l.quoted[a].start, l.quoted[b].start), cmp.Compare(l.facts[a].rank, l.facts[b].rank))
		})
		var low, high float64
		for _, p := range parts {
			low += l.facts[p].lo
			high += l.facts[p].hi
		}
		switch {
		case overlaps(total.lo, total.hi, low-tolerance*math.Abs(low), high+tolerance*math.Abs(high)):
			out.partsTotal(t, parts, true)
		case total.hi < low:
			out.partsTotal(t, parts, false)
		}
	}
}

// placesOverlap reports whether any two parts name the same place or one
// inside another, which would count a figure twice.
func (l *claimTable) placesOverlap(parts []int32) bool {
	for k, a := range parts {
		for _, b := range parts[k+1:] {
			pa, pb := l.text(l.facts[a].explicitPlace), l.text(l.facts[b].explicitPlace)
			if pa == pb || containsPlace(pa, pb) || containsPlace(pb, pa) {
				return true
			}
		}
	}
	return false
}

func (o *findingSet) partsTotal(total int32, parts []int32, consistent bool) {
	o.add(claims.PartsTotal, -1, append([]int32{total}, parts...), func(text []byte) []byte {
		l := o.l
		terms := make([]string, len(parts))
		var low, high float64
		for k, p := range parts {
			e := l.entry(p)
			terms[k] = l.valueText(p) + " in " + e.Place
			lo, hi, _ := e.Value.Stated()
			low, high = low+lo, high+hi
		}
		sum := strings.Join(terms, " + ") + " = " + spanText(low, high)
		if consistent {
			return append(text, sum+", matching "+l.say(total, true)...)
		}
		return append(text, "inconsistent: "+l.say(total, true)+" is below its parts "+sum...)
	})
}

// lossMoment is the people, place and day losses are compared at.
type lossMoment struct {
	nationality, place, modality symbol
	day                          int32
}

// lossMomentOf is the moment of a count of people (the symbol people) at a
// known day; ok is false for other claims.
func lossMomentOf(f *fact, people symbol) (m lossMoment, ok bool) {
	ok = f.unitClass == people && f.day != noDay && !f.incremental
	return lossMoment{f.nationality, f.place, f.modality, f.day}, ok
}

// belowPartSummary says that casualties are below one of their parts.
func belowPartSummary(total, part string) string {
	return "inconsistent: " + total + " is below " + part + " alone"
}

// checkPercentages compares each percentage of an article with the counts it
// relates: "nearly 40%" of North Korean soldiers killed or wounded against
// 4,000 casualties of 11,000 sent. The part is the nearest count with the
// percentage's measure and people, the whole the nearest larger count of the
// same people measured otherwise.
func (l *claimTable) checkPercentages(members []int32, out *findingSet) {
	for _, p := range members {
		share := &l.facts[p]
		if l.text(share.rawUnitClass) != "percent" || share.measure == 0 || share.nationality == 0 {
			continue
		}
		part := l.nearestCount(members, p, func(g *fact) bool { return g.measure == share.measure })
		if part < 0 {
			continue
		}
		pf := &l.facts[part]
		whole := l.nearestCount(members, p, func(g *fact) bool {
			return g.measure != share.measure && unitFamily(l.text(g.rawUnitClass)) == unitFamily(l.text(pf.rawUnitClass)) && g.lo > pf.hi
		})
		if whole < 0 {
			continue
		}
		wf := &l.facts[whole]
		low, high := 100*pf.lo/wf.hi, 100*pf.hi/wf.lo
		consistent := overlaps(share.lo, share.hi, low, high)
		out.add(claims.PercentOf, -1, []int32{p, part, whole}, func(text []byte) []byte {
			if !consistent {
				text = append(text, "inconsistent: "...)
			}
			return append(text, l.say(p, true)+"; "+l.valueText(part)+" "+l.text(l.quoted[part].measure)+
				" of "+l.valueText(whole)+" "+l.text(l.quoted[whole].measure)+
				" is "+spanText(math.Round(low), math.Round(high))+"%"...)
		})
	}
}

// nearestCount returns the count of the same people in an article nearest in
// the text to claim p that match, or -1.
func (l *claimTable) nearestCount(members []int32, p int32, match func(*fact) bool) int32 {
	best, bestDistance := int32(-1), int32(0)
	at := l.quoted[p].start
	for _, i := range members {
		g := &l.facts[i]
		if i == p || l.text(g.rawUnitClass) == "percent" || g.measure == 0 || g.nationality != l.facts[p].nationality || !match(g) {
			continue
		}
		d := l.quoted[i].start - at
		if d < 0 {
			d = -d
		}
		if best < 0 || d < bestDistance {
			best, bestDistance = i, d
		}
	}
	return best
}

// overlaps reports whether two closed intervals share a value.
func overlaps(alo, ahi, blo, bhi float64) bool { return alo <= bhi && blo <= ahi }
