package reconcile

import (
	"cmp"
	"math"
	"slices"

	"claimtrack/claims"
)

// impliedTotals composes each incremental claim ("an additional 25,000–30,000")
// with its base: the latest actual figure for the same people and unit in the
// same group, stated no later than the increment (11,000 sent), giving the
// total the increment implies (36,000–41,000). The base is usually in another
// series (actual, not planned), so it is looked up by group. Events are not
// composed: "another 95 drones were lost" in an attack adds to no total.
func (l *claimTable) impliedTotals() {
	type baseKey struct {
		group                  int32
		nationality, unitClass symbol
	}
	eventScope, actual := l.words.of(claims.ScopeEvent), l.words.of(string(claims.Actual))
	keyOf := func(f *fact) baseKey { return baseKey{f.group, f.nationality, f.unitClass} }
	bases := map[baseKey]*baseList{} // only for keys that have increments
	for i := range l.facts {
		if f := &l.facts[i]; f.incremental && f.scope != eventScope {
			bases[keyOf(f)] = &baseList{}
		}
	}
	if len(bases) == 0 {
		return
	}
	for i := range l.facts {
		f := &l.facts[i]
		if f.incremental || f.modality != actual || f.day == noDay || f.scope == eventScope || l.series[f.series].domain == "" {
			continue
		}
		if list, ok := bases[keyOf(f)]; ok {
			list.byTime = append(list.byTime, int32(i))
		}
	}
	for _, list := range bases {
		slices.SortFunc(list.byTime, l.byTime)
		list.byArticle = slices.SortedFunc(slices.Values(list.byTime), l.byArticleDay)
	}
	// Increments series by series: series are numbered in id order and a
	// series is in one group, so each group's totals come out in series
	// order, and only a series' own need sorting (by label, then increment).
	var increments []int32
	for i := range l.facts {
		if f := &l.facts[i]; f.incremental && f.scope != eventScope {
			increments = append(increments, int32(i))
		}
	}
	slices.SortStableFunc(increments, func(a, b int32) int { return cmp.Compare(l.facts[a].series, l.facts[b].series) })
	for k := 0; k < len(increments); {
		first := &l.facts[increments[k]]
		g := &l.groups[first.group]
		from := len(g.totals)
		for ; k < len(increments) && l.facts[increments[k]].series == first.series; k++ {
			i := increments[k]
			if base, ok := l.latestBase(bases[keyOf(&l.facts[i])], i); ok {
				g.totals = append(g.totals, l.composeTotal(base, i))
			}
		}
		slices.SortFunc(g.totals[from:], func(a, b claims.Total) int {
			return cmp.Or(cmp.Compare(a.Label, b.Label), cmp.Compare(a.From[1], b.From[1]))
		})
	}
}

// baseList is the figures an increment of one key may build on, in two
// orders: by time, and by day and article, so that the base from an
// increment's own article is found without walking a busy day's figures.
type baseList struct{ byTime, byArticle []int32 }

// byTime orders claims by the day they describe, then by id.
func (l *claimTable) byTime(a, b int32) int {
	fa, fb := &l.facts[a], &l.facts[b]
	return cmp.Or(cmp.Compare(fa.day, fb.day), cmp.Compare(fa.rank, fb.rank))
}

// byArticleDay orders claims by the day they describe, then by article, then by id.
func (l *claimTable) byArticleDay(a, b int32) int {
	fa, fb := &l.facts[a], &l.facts[b]
	return cmp.Or(cmp.Compare(fa.day, fb.day), cmp.Compare(fa.doc, fb.doc), cmp.Compare(fa.rank, fb.rank))
}

// latestBase picks the latest base stated no later than the increment,
// preferring one from the increment's own article on that day (the last
// such in id order).
func (l *claimTable) latestBase(bases *baseList, increment int32) (int32, bool) {
	f := &l.facts[increment]
	n, _ := slices.BinarySearchFunc(bases.byTime, f.day+1, func(i, day int32) int { return cmp.Compare(l.facts[i].day, day) })
	if n == 0 {
		return 0, false
	}
	latest := bases.byTime[n-1]
	day := l.facts[latest].day
	// The first base after the increment's article on that day.
	k, _ := slices.BinarySearchFunc(bases.byArticle, [2]int32{day, f.doc + 1}, func(i int32, at [2]int32) int {
		return cmp.Or(cmp.Compare(l.facts[i].day, at[0]), cmp.Compare(l.facts[i].doc, at[1]))
	})
	if k > 0 {
		if own := &l.facts[bases.byArticle[k-1]]; own.day == day && own.doc == f.doc {
			return bases.byArticle[k-1], true
		}
	}
	return latest, true
}

// composeTotal adds the stated figures of a base and an increment.
func (l *claimTable) composeTotal(base, increment int32) claims.Total {
	b, inc := l.entry(base), l.entry(increment)
	blo, bhi := statedRange(b.Value)
	ilo, ihi := statedRange(inc.Value)
	low, high := blo+ilo, bhi+ihi
	return claims.Total{
		Series: l.series[l.facts[increment].series].id,
		Low:    low,
		High:   high,
		From:   []string{b.ID, inc.ID},
		Label: l.valueText(base) + " " + b.Measure + " + additional " + l.valueText(increment) +
			" = " + rangeText(low, high),
	}
}

// statedRange is a value as stated, without rounding or tolerance, open where
// the qualifier leaves it open.
func statedRange(v claims.Value) (lo, hi float64) {
	low, high, ok := v.Stated()
	switch {
	case !ok:
		return math.Inf(-1), math.Inf(1)
	case v.Qualifier == claims.AtLeast || v.Qualifier == claims.MoreThan:
		return low, math.Inf(1)
	case v.Qualifier == claims.AtMost || v.Qualifier == claims.LessThan || v.Qualifier == claims.UpTo:
		return math.Inf(-1), high
	}
	return low, high
}

// rangeText writes a composed range, naming an open side in words.
func rangeText(low, high float64) string {
	switch {
	case math.IsInf(low, -1) && math.IsInf(high, 1):
		return "unknown"
	case math.IsInf(high, 1):
		return "at least " + formatNumber(low)
	case math.IsInf(low, -1):
		return "at most " + formatNumber(high)
	}
	return spanText(low, high)
}
