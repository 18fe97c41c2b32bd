package reconcile

import (
	"claimtrack/claims"

	"cmp"
	"maps"
	"slices"
)

// groupInfo is one story being reconciled.
type groupInfo struct {
	id, label string
	series    []int32
	totals    []claims.Total
	elsewhere bool // written by another part of a ledger reconciled in parts
}

// numberGroups makes a group of each component of sets, a forest over the
// series, and puts the series in it.
func (l *claimTable) numberGroups(sets disjointSets) {
	// A group is named after the smallest id of its series, so the same
	// claims always make the same group.
	first := map[int32]int32{} // component root → series with the smallest id
	for s := range l.series {
		root := sets.find(int32(s))
		if best, ok := first[root]; !ok || l.series[s].id < l.series[best].id {
			first[root] = int32(s)
		}
	}
	roots := slices.Collect(maps.Keys(first))
	slices.SortFunc(roots, func(a, b int32) int { return cmp.Compare(l.series[first[a]].id, l.series[first[b]].id) })
	groupOf := make(map[int32]int32, len(roots))
	l.groups = make([]groupInfo, len(roots))
	for g, root := range roots {
		groupOf[root] = int32(g)
		l.groups[g].id = hashID("group|" + l.series[first[root]].id)
	}
	for s := range l.series {
		g := groupOf[sets.find(int32(s))]
		l.series[s].group = g
		l.groups[g].series = append(l.groups[g].series, int32(s))
	}
}

// linkArticle joins the series of one article's claims that tell one story:
// claims of one domain, and weak claims with the domain they belong to.
func (l *claimTable) linkArticle(members []int32, sets disjointSets) {
	type story struct {
		domain string
		series int32 // the series of its first claim
	}
	var stories []story
	indexOf := func(domain string) int {
		return slices.IndexFunc(stories, func(s story) bool { return s.domain == domain })
	}
	var weak []int32
	for _, i := range members {
		s := l.facts[i].series
		d := l.series[s].domain
		switch k := indexOf(d); {
		case d == "":
			weak = append(weak, i)
		case k < 0:
			stories = append(stories, story{d, s})
		default:
			sets.union(stories[k].series, s)
		}
	}
	stray := int32(-1)
	for _, i := range weak {
		s := l.facts[i].series
		home := -1
		switch {
		case len(stories) == 1:
			home = 0
		case len(stories) > 1 && len(members) <= maxArticleClaims:
			// Losses of North Korean soldiers belong with the story about
			// North Koreans, if only one is.
			home = indexOf(l.domainOfNationality(members, l.facts[i].nationality))
		}
		switch {
		case home >= 0:
			sets.union(stories[home].series, s)
		case stray < 0:
			stray = s
		default:
			sets.union(stray, s)
		}
	}
}

// domainOfNationality returns the one domain of an article's strong claims
// that name the given people, or "".
func (l *claimTable) domainOfNationality(members []int32, nationality symbol) string {
	if nationality == 0 {
		return ""
	}
	found := ""
	for _, j := range members {
		g := &l.facts[j]
		d := l.series[g.series].domain
		if d == "" || g.nationality != nationality {
			continue
		}
		if found != "" && found != d {
			return ""
		}
		found = d
	}
	return found
}

// storyLabel names a story by its series: by its main domain and people,
// weighed by their claims (of returns a series and its claim count), else
// as its largest series (label names a series).
func storyLabel(words *symbols, series []int32, of func(int32) (*seriesInfo, int), label func(int32) string) string {
	domains, peoples := counter{}, counter{}
	for _, s := range series {
		si, n := of(s)
		domains.add(si.domain, n)
		peoples.add(words.texts[si.key.nationality], n)
	}
	topic := domains.top()
	switch {
	case topic == "":
		return label(largestSeries(series, func(s int32) int { _, n := of(s); return n }))
	case peoples.top() != "":
		return topic + ": " + peoples.top()
	}
	return topic
}

// largestSeries is the series with the most claims, the first among equals:
// the one that names a story with no domain. A part run keeps it in the
// part that writes the group, so both must pick it by this one rule.
func largestSeries(series []int32, size func(int32) int) int32 {
	largest := series[0]
	for _, s := range series[1:] {
		if size(s) > size(largest) {
			largest = s
		}
	}
	return largest
}

// counter tallies words, to name a group or series by its commonest one.
type counter map[string]int

func (c counter) add(word string, n int) {
	if word != "" {
		c[word] += n
	}
}

// top is the commonest word, the alphabetically first among equals.
func (c counter) top() string {
	best := ""
	for w, n := range c {
		if n > c[best] || n == c[best] && w < best {
			best = w
		}
	}
	return best
}

// disjointSets is a union-find forest over series indices.
type disjointSets []int32

func newDisjointSets(n int) disjointSets {
	s := make(disjointSets, n)
	for i := range s {
		s[i] = int32(i)
	}
	return s
}

func (s disjointSets) find(i int32) int32 {
	for s[i] != i {
		s[i] = s[s[i]] // halve the path on the way up
		i = s[i]
	}
	return i
}

func (s disjointSets) union(a, b int32) {
	ra, rb := s.find(a), s.find(b)
	if ra == rb {
		return
	}
	// The smaller index becomes the root, so the forest does not depend on
	// the order of unions.
	if rb < ra {
		ra, rb = rb, ra
	}
	s[rb] = ra
}
