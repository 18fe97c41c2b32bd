package reconcile

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"strings"

	"claimtrack/claims"
)

// Stories (docs/reconciling.md, G0): the articles of one story are tied by
// the names they stress (claims.Document.Names) and by time. Two articles are
// of one story when the names they use, each weighed by how few articles
// use it, are alike (cosine similarity of the weighted names at least
// storyLink) and they were published within storyWindow days of each other.
// An article no other is so tied to joins the article most like it, if that
// one is at least half as alike and within storyNear days: a story's later
// pieces often name fewer of its places, but a weaker likeness needs to be
// close in time. A name every article uses ties little. Articles that name
// nothing (read before names were kept) are one story, as all were before.
const (
	storyLink   = 0.2
	storyWindow = 365
	storyNear   = 60
	// storyNeighbours is how many of the last articles sharing one of its
	// names an article is compared with: comparing every pair would not
	// scale to a ledger's articles.
	storyNeighbours = 8
)

// storyFinder collects each article's names and day as claims are added.
type storyFinder struct {
	index map[string]int32 // document name → article
	docs  []string
	names [][]termCount
	// day is the publication day, or the one inferred from the text; noDay
	// for an article with no day of its own, whose figures' dates may
	// depend on the ledger it was read into.
	day   []int32
	terms map[string]int32
}

type termCount struct{ term, count int32 }

func newStoryFinder() *storyFinder {
	return &storyFinder{index: map[string]int32{}, terms: map[string]int32{}}
}

// note records the article of a quantity claim, the first time one of its
// claims comes.
func (s *storyFinder) note(e *claims.Entry) {
	if len(s.docs) > 0 && e.Document == s.docs[len(s.docs)-1] {
		return // an article's claims usually come together
	}
	if _, seen := s.index[e.Document]; seen {
		return
	}
	s.index[e.Document] = int32(len(s.docs))
	s.docs = append(s.docs, e.Document)
	names := make([]termCount, 0, len(e.Names))
	for _, n := range e.Names {
		t, ok := s.terms[n.Text]
		if !ok {
			t = int32(len(s.terms))
			s.terms[n.Text] = t
		}
		names = append(names, termCount{t, int32(n.Count)})
	}
	s.names = append(s.names, names)
	published := e.Published
	if published.IsZero() {
		published = e.Inferred
	}
	day := int32(noDay)
	if !published.IsZero() {
		day = dayNumber(published)
	}
	s.day = append(s.day, day)
}

// stories returns the story of each article, by document name (the name of
// its first article in name order; "" for articles that name nothing), and
// each story's label, by that key.
func (s *storyFinder) stories() (storyOf, labels map[string]string) {
	n := len(s.docs)
	vectors := s.vectors()
	sets := newDisjointSets(n)
	best := make([]int32, n)
	bestSim := make([]float64, n)
	linked := make([]bool, n)
	for i := range best {
		best[i] = -1
	}
	// Articles in day order; each is compared with the last few before it
	// that share one of its names.
	order := s.byDay()
	byTerm := make([][]int32, len(s.terms))
	seenBy := make([]int32, n) // the article b was last compared with, plus one
	for _, a := range order {
		for _, t := range vectors[a] {
			list := byTerm[t.term]
			for _, b := range list[max(0, len(list)-storyNeighbours):] {
				if seenBy[b] == a+1 || !within(s.day[a], s.day[b], storyWindow) {
					continue
				}
				seenBy[b] = a + 1
				sim := cosine(vectors[a], vectors[b])
				if sim >= storyLink {
					sets.union(a, b)
					linked[a], linked[b] = true, true
				}
				for _, p := range [2][2]int32{{a, b}, {b, a}} {
					if sim > bestSim[p[0]] {
						best[p[0]], bestSim[p[0]] = p[1], sim
					}
				}
			}
		}
		for _, t := range vectors[a] {
			byTerm[t.term] = append(byTerm[t.term], a)
		}
	}
	for a := range n {
		if !linked[a] && best[a] >= 0 && bestSim[a] >= storyLink/2 && within(s.day[a], s.day[best[a]], storyNear) {
			sets.union(int32(a), best[a])
		}
	}
	// A story is named after its first article in name order.
	first := map[int32]int32{}
	for a := range n {
		if len(s.names[a]) == 0 {
			continue
		}
		root := sets.find(int32(a))
		if f, ok := first[root]; !ok || s.docs[a] < s.docs[f] {
			first[root] = int32(a)
		}
	}
	storyOf = make(map[string]string, n)
	weights := map[int32]map[int32]float64{} // story root → term → summed weight
	for a := range n {
		if len(s.names[a]) == 0 {
			continue
		}
		root := sets.find(int32(a))
		storyOf[s.docs[a]] = s.docs[first[root]]
		if weights[root] == nil {
			weights[root] = map[int32]float64{}
		}
		for _, t := range vectors[a] {
			weights[root][t.term] += t.weight
		}
	}
	text := make([]string, len(s.terms))
	for name, t := range s.terms {
		text[t] = name
	}
	labels = make(map[string]string, len(first))
	for root, f := range first {
		labels[s.docs[f]] = label(weights[root], text)
	}
	return storyOf, labels
}

// storyLabelNames is how many names label a story.
const storyLabelNames = 3

// label names a story by the names that weigh most in its articles, summed
// (weights by term, text the terms' names): "Derna, Libya, Benghazi".
func label(weights map[int32]float64, text []string) string {
	terms := slices.Collect(maps.Keys(weights))
	slices.SortFunc(terms, func(a, b int32) int {
		return cmp.Or(cmp.Compare(weights[b], weights[a]), cmp.Compare(text[a], text[b]))
	})
	names := make([]string, 0, storyLabelNames)
	for _, t := range terms[:min(len(terms), storyLabelNames)] {
		names = append(names, text[t])
	}
	return strings.Join(names, ", ")
}

// byDay lists the articles by day, then name, so that the stories do not
// depend on the order they were read in: grouped by day first, as sorting
// them all by name would cost more than the rest of the stories.
func (s *storyFinder) byDay() []int32 {
	days := map[int32][]int32{}
	for a, day := range s.day {
		days[day] = append(days[day], int32(a))
	}
	keys := slices.Sorted(maps.Keys(days))
	order := make([]int32, 0, len(s.day))
	for _, day := range keys {
		same := days[day]
		slices.SortFunc(same, func(a, b int32) int { return cmp.Compare(s.docs[a], s.docs[b]) })
		order = append(order, same...)
	}
	return order
}

// within reports two days at most window days apart; an unknown day is
// close to any.
func within(a, b, window int32) bool {
	return a == noDay || b == noDay || abs32(a-b) <= window
}

func abs32(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}

// weighedTerm is a name of an article with its weight, the vector sorted by
// term.
type weighedTerm struct {
	term   int32
	weight float64
}

// vectors weighs each article's names: more for a name it uses often, more
// for one few articles use (tf-idf), little for one all use; of unit length,
// sorted by term.
func (s *storyFinder) vectors() [][]weighedTerm {
	named := 0
	df := make([]int32, len(s.terms))
	for _, names := range s.names {
		if len(names) > 0 {
			named++
		}
		for _, n := range names {
			df[n.term]++
		}
	}
	vectors := make([][]weighedTerm, len(s.names))
	for a, names := range s.names {
		v := make([]weighedTerm, 0, len(names))
		for _, n := range names {
			// Smoothed, so that in a ledger of one story the names all its
			// articles use still tie them.
			idf := math.Log(float64(named+1) / float64(df[n.term]))
			v = append(v, weighedTerm{n.term, (1 + math.Log(float64(n.count))) * idf})
		}
		norm := 0.0
		for _, t := range v {
			norm += t.weight * t.weight
		}
		norm = math.Sqrt(norm)
		for k := range v {
			v[k].weight /= norm
		}
		slices.SortFunc(v, func(x, y weighedTerm) int { return cmp.Compare(x.term, y.term) })
		vectors[a] = v
	}
	return vectors
}

// cosine is the similarity of two unit vectors sorted by term.
func cosine(a, b []weighedTerm) float64 {
	sum := 0.0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].term < b[j].term:
			i++
		case a[i].term > b[j].term:
			j++
		default:
			sum += a[i].weight * b[j].weight
			i++
			j++
		}
	}
	return sum
}
