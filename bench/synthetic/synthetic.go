// Package synthetic generates claims shaped like a large ledger, for the
// reconciler's benchmarks and its tests at scale.
package synthetic

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"

	"claimtrack/claims"
)

// Claims returns n claims shaped like a large ledger, for benchmarks and
// tests at scale: articles of 3–10 claims about stories (troops and their
// losses, arms shipments, air strikes, earthquakes, rallies, production) in
// many places and peoples, told by several sides and relayed by outlets,
// with running totals that grow, occasional outliers, every qualifier and
// some periods. The hottest stories are told far more often than the rest,
// so some series are thousands of claims long. The same n and seed give the
// same claims.
func Claims(n int, seed int64) []claims.Entry {
	g := generator{
		rng:     rand.New(rand.NewPCG(uint64(seed), 0x5eed)),
		seed:    uint64(seed),
		entries: make([]claims.Entry, 0, n),
	}
	g.stories = make([]story, max(1, n/300))
	for k := range g.stories {
		g.stories[k] = g.newStory(k)
	}
	for doc := 0; len(g.entries) < n; doc++ {
		g.article(doc, n)
	}
	return g.entries
}

// figure is one kind of number a story's articles state.
type figure struct {
	unit, subject, measure string
	base                   float64 // typical size
	scope                  string
	modality               claims.Modality
	incremental            bool
	period                 bool // stated for a calendar year now and then
}

// storyKind is a kind of story and the figures its articles state.
type storyKind struct {
	name    string
	figures []figure
}

var storyKinds = []storyKind{
	{"troops", []figure{
		{unit: "soldiers", subject: "soldiers", measure: "sent", base: 10_000, scope: claims.ScopeCumulative, period: true},
		{unit: "soldiers", subject: "troops", measure: "deployed", base: 8_000, scope: claims.ScopeState},
		{unit: "casualties", subject: "casualties", measure: "casualties", base: 1_500, scope: claims.ScopeCumulative},
		{unit: "deaths", subject: "deaths", measure: "killed", base: 300, scope: claims.ScopeCumulative},
		{unit: "injuries", subject: "injuries", measure: "wounded", base: 900, scope: claims.ScopeCumulative},
		{unit: "soldiers", subject: "soldiers", measure: "deployed", base: 20_000, scope: claims.ScopeState, modality: claims.Planned, incremental: true},
	}},
	{"arms", []figure{
		{unit: "artillery shells", subject: "artillery shells", measure: "shipped", base: 3e6, scope: claims.ScopeCumulative, period: true},
		{unit: "containers", subject: "shipping containers", measure: "shipped", base: 12_000, scope: claims.ScopeCumulative},
		{unit: "missiles", subject: "ballistic missiles", measure: "sent", base: 100, scope: claims.ScopeCumulative, period: true},
		{unit: "voyages", subject: "voyages", measure: "tracked", base: 60, scope: claims.ScopeCumulative},
	}},
	{"strikes", []figure{
		{unit: "drones", subject: "drones", measure: "launched", base: 150, scope: claims.ScopeEvent},
		{unit: "drones", subject: "drones", measure: "shot down", base: 100, scope: claims.ScopeEvent},
		{unit: "missiles", subject: "missiles", measure: "launched", base: 12, scope: claims.ScopeEvent},
	}},
	{"quake", []figure{
		{unit: "people", subject: "people", measure: "killed", base: 2_000, scope: claims.ScopeCumulative},
		{unit: "people", subject: "people", measure: "wounded", base: 6_000, scope: claims.ScopeCumulative},
		{unit: "magnitude", subject: "magnitude", measure: "magnitude", base: 7.5, scope: claims.ScopeEvent},
		{unit: "km", subject: "km", measure: "depth", base: 15, scope: claims.ScopeEvent},
	}},
	{"rally", []figure{
		{unit: "protesters", subject: "protesters", measure: "crowd", base: 20_000, scope: claims.ScopeEvent},
		{unit: "people per square metre", subject: "people per square metre", measure: "density", base: 2, scope: claims.ScopeEvent},
	}},
	{"production", []figure{
		{unit: "artillery shells", subject: "shells", measure: "produced", base: 2e6, scope: claims.ScopeCumulative, period: true},
	}},
}

var (
	synthPeoples = []string{"North Korean", "Russian", "Ukrainian", "South Korean", "Iranian", "Israeli",
		"Syrian", "Turkish", "Chinese", "American", "Palestinian", "Belarusian"}
	synthPlaces = []string{"Kursk", "Donetsk", "Kharkiv", "Zaporizhzhia", "Kherson", "Belgorod", "Bakhmut",
		"Avdiivka", "Gaza", "Aleppo", "Idlib", "Hatay", "Gaziantep", "Adana", "Malatya", "Chicago", "Seoul",
		"Pyongyang", "Rajin", "Vladivostok", "Odesa", "Lviv", "Dnipro", "Sumy", "Crimea", "Golan", "Tehran",
		"Isfahan", "Minsk", "Taipei"}
	synthSources = []string{"National Intelligence Service", "Pentagon", "John Kirby", "senior US military official",
		"Ukrainian intelligence", "Ukrainian air force", "Kremlin", "KCNA", "Institute for the Study of War",
		"Royal United Services Institute", "OCHA", "Amnesty International", "AFAD", "USGS",
		"Chicago Police Department", "Indivisible", "Western officials", "Shin Won-sik", "TASS", "local officials"}
	synthOutlets = []string{"Reuters", "AP", "AFP", "ANI", "KBS", "Yonhap", "CNN", "BBC", "Bloomberg", "Kyiv Independent"}
)

// story is what a run of articles is about.
type story struct {
	kind   *storyKind
	people string
	place  string
	start  int     // day the story begins, days since 1970
	scale  float64 // how big this story's numbers are
}

type generator struct {
	rng     *rand.Rand
	seed    uint64
	stories []story
	entries []claims.Entry
}

// newStory makes the k-th story. A larger ledger covers more places, not
// just more articles per place: past the named places, stories are set in
// their districts ("Kursk district 3"), so series keep a realistic density.
func (g *generator) newStory(k int) story {
	place := synthPlaces[k%len(synthPlaces)]
	if k >= len(synthPlaces) {
		place += " district " + strconv.Itoa(k/len(synthPlaces))
	}
	return story{
		kind:   &storyKinds[g.rng.IntN(len(storyKinds))],
		people: synthPeoples[g.rng.IntN(len(synthPeoples))],
		place:  place,
		start:  19_000 + g.rng.IntN(1_500), // 2022–2026
		scale:  0.5 + 1.5*g.rng.Float64(),
	}
}

// article appends the claims of one article, up to n claims in all.
func (g *generator) article(doc, n int) {
	// One article in ten tells one of the hottest 1% of stories, so those
	// run to thousands of claims; a larger ledger has more stories of the
	// same sizes, not longer ones.
	k := g.rng.IntN(len(g.stories))
	if g.rng.IntN(10) == 0 {
		k = g.rng.IntN(max(1, len(g.stories)/100))
	}
	st := &g.stories[k]
	day := st.start + g.rng.IntN(720)
	if st.kind.name == "strikes" || st.kind.name == "rally" || st.kind.name == "quake" {
		day = st.start + 7*g.rng.IntN(40) // events happen on a few days
	}
	name := fmt.Sprintf("synthetic-%07d.txt", doc)
	outlet := synthOutlets[g.rng.IntN(len(synthOutlets))]
	published := claims.Date{Time: claims.NewDate(1970, 1, 1).AddDate(0, 0, day)}
	names := g.names(st)
	for range 3 + g.rng.IntN(8) {
		if len(g.entries) == n {
			return
		}
		fig := &st.kind.figures[g.rng.IntN(len(st.kind.figures))]
		e := g.claim(st, fig, name, outlet, published, day)
		e.Names = names
		g.entries = append(g.entries, e)
	}
}

// names are the names an article of a story stresses: its place most, its
// people, a source, and a village of the story's district in passing (a
// story names a few dozen of them).
func (g *generator) names(st *story) []claims.Name {
	village := st.place + " village " + strconv.Itoa(g.rng.IntN(30))
	return []claims.Name{{Text: st.place, Count: 2 + g.rng.IntN(4)}, {Text: st.people, Count: 1 + g.rng.IntN(3)},
		{Text: synthSources[g.rng.IntN(len(synthSources))], Count: 1}, {Text: village, Count: 1}}
}

// claim states one figure of a story on a day, as some side tells it.
func (g *generator) claim(st *story, fig *figure, doc, outlet string, published claims.Date, day int) claims.Entry {
	truth := fig.base * st.scale
	if fig.scope == claims.ScopeCumulative {
		truth *= 1 + float64(day-st.start)/365
	}
	switch r := g.rng.Float64(); {
	case r < 0.03:
		truth *= 3 // an outlier
	case r < 0.1:
		truth *= 0.8 + 0.4*g.rng.Float64()
	default:
		truth *= 0.98 + 0.04*g.rng.Float64()
	}
	e := claims.Entry{Outlet: outlet, Published: published}
	c := &e.Claim
	id := strconv.FormatUint(mix(g.seed, uint64(len(g.entries))), 16)
	c.ID = strings.Repeat("0", 16-len(id)) + id
	c.Document, c.Kind = doc, claims.KindQuantity
	c.Value = g.value(truth)
	c.Unit, c.Measure, c.Modality, c.Incremental = fig.unit, fig.measure, claims.Actual, fig.incremental
	if fig.modality != "" {
		c.Modality = fig.modality
	}
	c.Subject = fig.subject
	if g.rng.IntN(3) > 0 {
		c.Subject = st.people + " " + fig.subject
	}
	if g.rng.IntN(8) > 0 {
		c.Place = st.place
	}
	c.AsOf = published
	if fig.period && g.rng.IntN(5) == 0 {
		// Last year's share of the running total.
		year := published.Year() - 1
		c.Period = claims.Period{Start: claims.NewDate(year, 1, 1), End: claims.NewDate(year, 12, 31), Precision: claims.PrecisionYear}
		c.AsOf = c.Period.End
		c.Value = g.value(truth / 3)
	}
	if k := g.rng.IntN(len(synthSources) + 6); k < len(synthSources) {
		c.Attribution = claims.Attribution{Chain: []string{outlet, synthSources[k]}, Root: synthSources[k]}
	}
	c.Text = g.text(c.Value) + " " + c.Subject
	c.Sentence = c.Text
	c.Start = 100 * g.rng.IntN(20)
	c.End = c.Start + len(c.Text)
	return e
}

// value states a true figure the way articles do: rounded, hedged, bounded,
// as a range or as a vague amount.
func (g *generator) value(truth float64) claims.Value {
	rounded := roundTo(truth, 2+g.rng.IntN(2))
	v := claims.Value{Low: &rounded, High: &rounded, Qualifier: claims.Exact}
	switch r := g.rng.IntN(20); {
	case r < 6:
		v.Qualifier = claims.Approximately
	case r < 8:
		v.Qualifier, v.High = claims.AtLeast, nil
	case r < 10:
		v.Qualifier, v.High = claims.MoreThan, nil
	case r < 11:
		v.Qualifier, v.Low = claims.UpTo, nil
	case r < 14:
		low, high := roundTo(truth*0.8, 2), roundTo(truth*1.2, 2)
		v.Qualifier, v.Low, v.High = claims.Range, &low, &high
	case r < 15 && truth >= 20:
		decade := math.Pow10(int(math.Log10(truth)))
		low, high := 2*decade, 10*decade-1
		v.Qualifier, v.Low, v.High = claims.Vague, &low, &high
	}
	return v
}

// text words a value as an article would: "about 5,600", "tens of thousands of".
func (g *generator) text(v claims.Value) string {
	low, high, _ := v.Stated()
	switch v.Qualifier {
	case claims.Approximately:
		return "about " + digits(low)
	case claims.AtLeast:
		return "at least " + digits(low)
	case claims.MoreThan:
		return "more than " + digits(low)
	case claims.UpTo:
		return "up to " + digits(high)
	case claims.Range:
		return digits(low) + " to " + digits(high)
	case claims.Vague:
		return vagueAmounts[min(int(math.Log10(low/2)), len(vagueAmounts)-1)]
	}
	return digits(low)
}

// vagueAmounts by decade: "dozens of" spans 20–99.
var vagueAmounts = []string{"a few", "dozens of", "hundreds of", "thousands of", "tens of thousands of",
	"hundreds of thousands of", "millions of", "tens of millions of", "hundreds of millions of"}

// roundTo keeps the given number of significant digits. Counts of ten or more are whole numbers.
func roundTo(v float64, digits int) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', digits, 64), 64)
	if r >= 10 {
		r = math.Round(r)
	}
	return r
}

// mix scrambles a counter into a claim id (SplitMix64).
func mix(seed, i uint64) uint64 {
	z := seed + (i+1)*0x9e3779b97f4a7c15
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

// digits writes a number as plain digits: "5600", "2.5".
func digits(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
