package reconcile

import (
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"claimtrack/bench/synthetic"
	"claimtrack/claims"
)

func TestRelate(t *testing.T) {
	const us, ukraine = 1, 2
	docs := int32(0)
	at := func(day int32, voice int32, lo, hi float64) reading { // each in an article of its own
		docs++
		return reading{lo: lo, hi: hi, day: day, voice: voice, source: voice, doc: docs}
	}
	tests := []struct {
		name  string
		scope string
		a, b  reading
		want  relation
	}{
		{"running total: sides disagree in the same week", claims.ScopeCumulative, at(0, us, 300, 800), at(2, ukraine, 900, 1100), conflicting},
		{"running total: a later higher figure is a change", claims.ScopeCumulative, at(0, us, 900, 1100), at(20, ukraine, 3600, 4400), changing},
		{"running total: a later lower figure from another side", claims.ScopeCumulative, at(0, us, 900, 1100), at(20, ukraine, 300, 400), conflicting},
		{"running total: another side's figure months on is most likely another event's", claims.ScopeCumulative, at(0, us, 900, 1100), at(200, ukraine, 300, 400), unrelated},
		{"running total: one side revising down", claims.ScopeCumulative, at(0, us, 900, 1100), at(200, us, 300, 400), changing},
		{"running total: one side revising within the week", claims.ScopeCumulative, at(0, us, 24, 99), at(1, us, 300, 800), changing},
		{"running total: overlapping figures", claims.ScopeCumulative, at(0, us, 200, 1e9), at(1, ukraine, 300, 800), unrelated},
		{"running total: an open figure's floor rises past the week", claims.ScopeCumulative, at(0, us, 44, math.Inf(1)), at(9, ukraine, 64, math.Inf(1)), changing},
		{"running total: an open figure's floor rises within the week", claims.ScopeCumulative, at(0, us, 44, math.Inf(1)), at(2, ukraine, 64, math.Inf(1)), unrelated},
		{"running total: a later figure inside an open one, lower floor", claims.ScopeCumulative, at(0, us, 44, math.Inf(1)), at(9, ukraine, 40, math.Inf(1)), unrelated},
		{"event: same day, two sides", claims.ScopeEvent, at(0, us, 7.75, 7.85), at(0, ukraine, 7.35, 7.45), conflicting},
		{"event: same day, one side", claims.ScopeEvent, at(0, us, 7.35, 7.45), at(0, us, 7.75, 7.85), changing},
		{"event: another day is another event", claims.ScopeEvent, at(0, us, 100, 110), at(3, ukraine, 700, 800), unrelated},
		{"state: same day, two sides", claims.ScopeState, at(5, us, 10000, 11000), at(5, ukraine, 15000, 16000), conflicting},
		{"state: another day is a change", claims.ScopeState, at(5, us, 10000, 11000), at(9, ukraine, 15000, 16000), changing},
		{"a span and a day are not compared", claims.ScopeCumulative, reading{lo: 8.5e6, hi: 9.5e6, span: [2]int32{10, 20}, day: 20, voice: us},
			at(21, ukraine, 4e6, 6e6), unrelated},
		{"one side, one article, two sentences: two quantities", claims.ScopeState, reading{day: 5, doc: 1, voice: us, sentence: 1, lo: 10, hi: 11},
			reading{day: 5, doc: 1, voice: us, sentence: 2, lo: 50, hi: 51}, unrelated},
		{"one side, one sentence that sets one figure as the other's earlier value: a revision", claims.ScopeState,
			reading{day: 5, doc: 1, voice: us, sentence: 1, lo: 10, hi: 11, earlier: true},
			reading{day: 5, doc: 1, voice: us, sentence: 1, lo: 50, hi: 51}, changing},
		{"one side, one sentence that relates nothing: two quantities", claims.ScopeState,
			reading{day: 5, doc: 1, voice: us, sentence: 1, lo: 10, hi: 11},
			reading{day: 5, doc: 1, voice: us, sentence: 1, lo: 50, hi: 51}, unrelated},
		{"one side, two articles: a revision", claims.ScopeState, reading{day: 5, doc: 1, voice: us, sentence: 1, lo: 10, hi: 11},
			reading{day: 9, doc: 2, voice: us, sentence: 2, lo: 50, hi: 51}, changing},
		{"two sides, one article, an order of magnitude apart: two quantities", claims.ScopeState, reading{day: 5, doc: 1, voice: us, sentence: 1, lo: 388, hi: 388},
			reading{day: 5, doc: 1, voice: ukraine, sentence: 2, lo: 4000, hi: 4000}, unrelated},
		{"two sides, one article, five times apart: a conflict the article reports", claims.ScopeState, reading{day: 5, doc: 1, voice: us, sentence: 1, lo: 15000, hi: 15000},
			reading{day: 5, doc: 1, voice: ukraine, sentence: 2, lo: 75000, hi: 75000}, conflicting},
		{"undated figures of two articles are not compared", claims.ScopeState, reading{day: noDay, doc: 1, lo: 1, hi: 2},
			reading{day: noDay, doc: 2, lo: 5, hi: 6, voice: ukraine}, unrelated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			window := int32(0)
			if tt.scope == claims.ScopeCumulative {
				window = sameMomentDays // the estimates of a named party
			}
			if got := relate(&tt.a, &tt.b, tt.scope, window, storyDays); got != tt.want {
				t.Errorf("relate = %v, want %v", got, tt.want)
			}
		})
	}
}

// findingsOf returns the findings of one type, by their sorted claim ids.
func findingsOf(r claims.Reconciliation, kind claims.FindingType) map[string]claims.Finding {
	out := map[string]claims.Finding{}
	for _, f := range r.Findings {
		if f.Type == kind {
			out[strings.Join(f.Claims, " ")] = f
		}
	}
	return out
}

func TestTimeFindings(t *testing.T) {
	casualties := func(id, doc, source, day string, v spec) spec {
		v.id, v.doc, v.source, v.asOf = id, doc, source, day
		v.unit, v.subject, v.measure = "casualties", "North Korean casualties", "casualties"
		return v
	}
	tests := []struct {
		name      string
		claims    []spec
		kind      claims.FindingType
		want      []string // claim ids of each expected finding of kind, joined by spaces
		summaries []string // words each finding's summary has
		sources   int
	}{
		{
			name: "several hundred vs about 1,000 two days apart",
			claims: []spec{
				casualties("us", "dev04", "senior US military official", "2024-12-17", spec{value: vague(300, 800), text: "several hundred casualties"}),
				casualties("nis", "dev05", "National Intelligence Service", "2024-12-19", spec{value: approx(1000)}),
			},
			kind:      claims.Conflict,
			want:      []string{"nis us"},
			summaries: []string{"conflict: senior US military official said several hundred (300–800) North Korean casualties on 2024-12-17; National Intelligence Service said ~1,000 on 2024-12-19"},
			sources:   2,
		},
		{
			name: "dozens then several hundred from one government",
			claims: []spec{
				casualties("kirby", "dev04", "John Kirby", "2024-12-16", spec{value: vague(24, 99), text: "dozens"}),
				casualties("us", "dev04b", "senior US military official", "2024-12-17", spec{value: vague(300, 800), text: "several hundred casualties"}),
			},
			kind:      claims.Change,
			want:      []string{"kirby us"},
			summaries: []string{"both speak for United States"},
			sources:   1,
		},
		{
			name: "a later lower total from another side",
			claims: []spec{
				casualties("early", "a", "National Intelligence Service", "2024-12-19", spec{value: approx(1000)}),
				casualties("late", "b", "KCNA", "2025-03-01", spec{value: exact(40)}),
			},
			kind:      claims.Conflict,
			want:      []string{"early late"},
			summaries: []string{"a running total cannot fall"},
			sources:   2,
		},
		{
			name: "a source revising its own total down",
			claims: []spec{
				casualties("early", "a", "National Intelligence Service", "2024-12-19", spec{value: approx(1000)}),
				casualties("late", "b", "NIS", "2025-03-01", spec{value: approx(600)}),
			},
			kind:      claims.Change,
			want:      []string{"early late"},
			summaries: []string{"revised by the same source"},
			sources:   1,
		},
		{
			name: "one quake, two magnitudes",
			claims: []spec{
				{id: "usgs", doc: "dev01", source: "USGS", asOf: "2023-02-06", value: exact(7.8), unit: "magnitude", subject: "magnitude", measure: "magnitude"},
				{id: "afad", doc: "dev01", source: "AFAD", asOf: "2023-02-06", value: exact(7.4), unit: "magnitude", subject: "reading", measure: "magnitude"},
			},
			kind:    claims.Conflict,
			want:    []string{"afad usgs"},
			sources: 2,
		},
		{
			name: "a part of a period above the whole",
			claims: []spec{
				{id: "whole", doc: "dev07", source: "RUSI", asOf: "2025-04-16", period: [2]string{"2023-09-01", "2025-03-31"},
					value: between(4e6, 6e6), unit: "artillery shells", subject: "shells", measure: "shipped"},
				{id: "part", doc: "s001", source: "UN member states", asOf: "2024-12-31", period: [2]string{"2024-01-01", "2024-12-31"},
					value: exact(9e6), unit: "artillery shells", subject: "artillery shells", measure: "sent"},
				{id: "fits", doc: "x", source: "Reuters", asOf: "2024-06-30", period: [2]string{"2024-01-01", "2024-06-30"},
					value: exact(2e6), unit: "artillery shells", subject: "artillery shells", measure: "sent"},
			},
			kind:      claims.Conflict,
			want:      []string{"part whole"},
			summaries: []string{"a period that contains it"},
			sources:   2,
		},
		{
			name: "police, organisers and a crowd scientist",
			claims: []spec{
				{id: "police", doc: "dev03", source: "Chicago Police Department", asOf: "2025-06-14", value: approx(15000), unit: "protesters", subject: "crowd", measure: "crowd"},
				{id: "organizers", doc: "dev03", source: "Indivisible Chicago", asOf: "2025-06-14", value: exact(75000), unit: "people", subject: "people", measure: "crowd"},
				{id: "still", doc: "dev03", source: "G. Keith Still", asOf: "2025-06-14", value: between(10000, 15000), unit: "protesters", subject: "attendance", measure: "crowd"},
			},
			kind:    claims.Conflict,
			want:    []string{"organizers police", "organizers still"},
			sources: 2,
		},
		{
			name: "police and a crowd scientist agree",
			claims: []spec{
				{id: "police", doc: "dev03", source: "Chicago Police Department", asOf: "2025-06-14", value: approx(15000), unit: "protesters", subject: "crowd", measure: "crowd"},
				{id: "organizers", doc: "dev03", source: "Indivisible Chicago", asOf: "2025-06-14", value: exact(75000), unit: "people", subject: "people", measure: "crowd"},
				{id: "still", doc: "dev03", source: "G. Keith Still", asOf: "2025-06-14", value: between(10000, 15000), unit: "protesters", subject: "attendance", measure: "crowd"},
			},
			kind:      claims.Corroboration,
			want:      []string{"police still"},
			summaries: []string{"2 independent sources agree", "Chicago Police Department said ~15,000 on 2025-06-14 (police)"},
			sources:   2,
		},
		{
			name: "one briefing relayed by three outlets is one source",
			claims: []spec{
				casualties("kbs", "a", "NIS", "2024-12-19", spec{outlet: "KBS", value: approx(1000)}),
				casualties("yonhap", "b", "National Intelligence Service", "2024-12-19", spec{outlet: "Yonhap", value: approx(1000)}),
				casualties("reuters", "c", "South Korea's spy agency", "2024-12-19", spec{outlet: "Reuters", value: approx(1000)}),
			},
			kind: claims.Corroboration,
		},
		{
			name: "an echo is named with the claim it repeats",
			claims: []spec{
				casualties("us-guardian", "dev04", "senior US military official", "2024-12-17", spec{value: vague(300, 800)}),
				casualties("us-kbs", "dev05", "senior U.S. military official", "2024-12-17", spec{value: vague(300, 800)}),
				casualties("nis", "dev05", "National Intelligence Service", "2024-12-19", spec{value: approx(1000)}),
			},
			kind:    claims.Conflict,
			want:    []string{"nis us-guardian us-kbs"},
			sources: 2,
		},
		{
			name: "different attacks are not compared",
			claims: []spec{
				{id: "night1", doc: "a", source: "Ukrainian air force", asOf: "2024-11-26", value: exact(188), unit: "drones", subject: "drones", measure: "launched"},
				{id: "night2", doc: "b", outlet: "ANI", asOf: "2025-07-09", value: exact(728), unit: "drones", subject: "drones", measure: "launched"},
			},
			kind: claims.Conflict,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found := findingsOf(Reconcile(entries(t, tt.claims...), claims.Options{}), tt.kind)
			if len(found) != len(tt.want) {
				t.Fatalf("%d %s findings, want %d: %v", len(found), tt.kind, len(tt.want), found)
			}
			for k, claims := range tt.want {
				f, ok := found[claims]
				if !ok {
					t.Fatalf("no %s finding over %q: %v", tt.kind, claims, found)
				}
				if f.IndependentSources != tt.sources {
					t.Errorf("%q: IndependentSources = %d, want %d", claims, f.IndependentSources, tt.sources)
				}
				if k < len(tt.summaries) && !strings.Contains(f.Summary, tt.summaries[k]) {
					t.Errorf("%q: summary %q lacks %q", claims, f.Summary, tt.summaries[k])
				}
			}
		})
	}
}

func TestSeriesStatus(t *testing.T) {
	r := Reconcile(storyClaims(t), claims.Options{})
	status := map[string]claims.Status{}
	for _, s := range r.Series {
		for _, c := range s.Claims {
			status[c] = s.Status
		}
	}
	for claim, want := range map[string]claims.Status{
		"dev05.casualties":      claims.StatusConflict,
		"dev08.missiles":        claims.StatusConsistent, // a year's total and a count as of a day
		"dev06.containers":      claims.StatusConsistent,
		"dev05.troops-kursk":    claims.StatusSingleSource,
		"dev01.magnitude-usgs":  claims.StatusConflict,
		"dev02.drones-launched": claims.StatusConsistent,
	} {
		if status[claim] != want {
			t.Errorf("status of %s's series = %q, want %q", claim, status[claim], want)
		}
	}
	for want, specs := range map[claims.Status][]spec{
		claims.StatusCorroborated: {
			{id: "a", doc: "x", source: "Chicago Police Department", asOf: "2025-06-14", value: approx(15000), unit: "protesters", subject: "crowd", measure: "crowd"},
			{id: "b", doc: "x", source: "G. Keith Still", asOf: "2025-06-14", value: between(10000, 15000), unit: "protesters", subject: "attendance", measure: "crowd"},
		},
		claims.StatusChanged: {
			{id: "a", doc: "x", source: "John Kirby", asOf: "2024-12-16", value: vague(24, 99), unit: "casualties", subject: "North Korean casualties", measure: "casualties"},
			{id: "b", doc: "y", source: "Pentagon", asOf: "2024-12-17", value: vague(300, 800), unit: "casualties", subject: "North Korean casualties", measure: "casualties"},
		},
	} {
		if got := Reconcile(entries(t, specs...), claims.Options{}).Series[0].Status; got != want {
			t.Errorf("status = %q, want %q", got, want)
		}
	}
}

// The same claims in any order give the same result, ids included.
func TestDeterministic(t *testing.T) {
	in := append(storyClaims(t), synthetic.Claims(3000, 7)...)
	want := Reconcile(in, claims.Options{})
	rng := rand.New(rand.NewPCG(1, 2))
	for range 3 {
		shuffled := slices.Clone(in)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if got := Reconcile(shuffled, claims.Options{}); !reflect.DeepEqual(got, want) {
			t.Fatal("a shuffled ledger reconciles differently")
		}
	}
	if !reflect.DeepEqual(synthetic.Claims(3000, 7), synthetic.Claims(3000, 7)) {
		t.Error("synthetic.Claims is not deterministic")
	}
}

func TestOddClaims(t *testing.T) {
	if r := Reconcile(nil, claims.Options{}); len(r.Groups)+len(r.Series)+len(r.Findings) != 0 {
		t.Errorf("empty ledger: %+v", r)
	}
	odd := entries(t,
		spec{id: "no-value", doc: "a", value: claims.Value{Qualifier: claims.Exact}, unit: "soldiers", subject: "soldiers", measure: "sent"},
		spec{id: "undated-a", doc: "a", value: exact(10), unit: "drones", subject: "drones", measure: "launched"},
		spec{id: "undated-b", doc: "b", value: exact(500), unit: "drones", subject: "drones", measure: "launched"},
		spec{id: "no-unit", doc: "b", value: exact(3)},
	)
	r := Reconcile(odd, claims.Options{})
	if len(r.Findings) != 0 {
		t.Errorf("findings from claims that cannot be compared: %+v", r.Findings)
	}
	for _, c := range odd {
		if seriesOf(r, c.ID) == "" || groupOf(r, c.ID) == "" {
			t.Errorf("%s has no series or group", c.ID)
		}
	}
}

// A data dump stored as one article must not make the article checks quadratic.
func TestHugeArticle(t *testing.T) {
	dump := synthetic.Claims(20_000, 3)
	for i := range dump {
		dump[i].Document = "dump"
	}
	start := time.Now()
	Reconcile(dump, claims.Options{})
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("one article of 20,000 claims took %v", took)
	}
}

// TestRunningTollClimbsPastASmallerCount: a state's smaller count between
// two national tolls does not hide the climb from the first to the second.
func TestRunningTollClimbsPastASmallerCount(t *testing.T) {
	r := Reconcile(entries(t,
		spec{id: "fri", doc: "a", source: "Reuters tally", outlet: "Reuters", asOf: "2024-09-27",
			value: atLeast(44), unit: "people", subject: "people", measure: "killed"},
		spec{id: "sat", doc: "b", source: "Florida authorities", outlet: "Reuters", asOf: "2024-09-28",
			value: atLeast(10), unit: "people", subject: "people", measure: "killed"},
		spec{id: "sun", doc: "c", source: "AP tally", outlet: "AP", asOf: "2024-09-29",
			value: atLeast(64), unit: "people", subject: "people", measure: "killed"},
	), claims.Options{})
	if !together(r, claims.Change, "fri", "sun") {
		t.Errorf("the toll's climb from 44 to 64 is not a change: %+v", r.Findings)
	}
}

func TestRunningTollClimbsAcrossSources(t *testing.T) {
	r := Reconcile(entries(t,
		spec{id: "feb6", doc: "a", source: "Syria's health ministry", outlet: "Reuters", asOf: "2023-02-06",
			value: exact(326), unit: "people", subject: "people", measure: "killed", place: "Syria"},
		spec{id: "feb8", doc: "b", source: "White Helmets", outlet: "AP", asOf: "2023-02-08",
			value: atLeast(2530), unit: "people", subject: "people", measure: "killed", place: "Syria"},
	), claims.Options{})
	if together(r, claims.Conflict, "feb6", "feb8") || !together(r, claims.Change, "feb6", "feb8") {
		t.Errorf("a death toll rising over two days is a change, not a conflict: %+v", r.Findings)
	}
}

func TestCorroborationIsPerMoment(t *testing.T) {
	crowd := func(id, doc, source, day string, v claims.Value) spec {
		return spec{id: id, doc: doc, source: source, outlet: "AP", asOf: day, value: v,
			unit: "protesters", subject: "crowd", measure: "crowd"}
	}
	r := Reconcile(entries(t,
		crowd("a1", "a", "police", "2024-03-03", approx(20000)),
		crowd("a2", "a", "organisers", "2024-03-03", between(18000, 25000)),
		crowd("b1", "b", "city hall", "2025-06-14", approx(15000)),
		crowd("b2", "b", "crowd scientist", "2025-06-14", between(10000, 15000)),
	), claims.Options{})
	var found [][]string
	for _, f := range r.Findings {
		if f.Type == claims.Corroboration {
			found = append(found, f.Claims)
		}
	}
	if len(found) != 2 || len(found[0]) != 2 || len(found[1]) != 2 {
		t.Errorf("want one corroboration per rally, got %v", found)
	}
}

func TestTrailStep(t *testing.T) {
	at := func(day, doc int32, sentence uint64, lo, hi float64) reading {
		return reading{day: day, doc: doc, sentence: sentence, lo: lo, hi: hi}
	}
	for _, tt := range []struct {
		name  string
		scope string
		a, b  reading
		want  bool
	}{
		{"a later figure, overlapping: still the source's next step", claims.ScopeCumulative, at(1, 1, 1, 3900, 4100), at(5, 2, 2, 3958, 3958), true},
		{"a revision down", claims.ScopeState, at(1, 1, 1, 115, 115), at(30, 2, 2, 97, 1e9), true},
		{"the same figure again", claims.ScopeState, at(1, 1, 1, 115, 115), at(3, 2, 2, 115, 115), false},
		{"two sentences of one article: two quantities", claims.ScopeState, at(1, 1, 1, 10, 10), at(1, 1, 2, 50, 50), false},
		{"one sentence that sets one figure as the other's earlier value: a revision", claims.ScopeState,
			reading{day: 1, doc: 1, sentence: 1, lo: 10, hi: 10, earlier: true}, at(1, 1, 1, 50, 50), true},
		{"one sentence that relates nothing: two quantities", claims.ScopeState, at(1, 1, 1, 10, 10), at(1, 1, 1, 50, 50), false},
		{"an event of another day is another event", claims.ScopeEvent, at(1, 1, 1, 10, 10), at(2, 2, 2, 50, 50), false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := trailStep(&tt.a, &tt.b, tt.scope); got != tt.want {
				t.Errorf("trailStep = %v, want %v", got, tt.want)
			}
		})
	}
}

// A series that names no people and no place compares two sides' figures
// within storyDays; one that names either, for as long as it is reported.
func TestHorizonOf(t *testing.T) {
	for _, tt := range []struct {
		name string
		key  seriesKey
		want int32
	}{
		{"deaths with no people, place or story (articles read before names)", seriesKey{}, storyDays},
		{"deaths of one story", seriesKey{story: 3}, math.MaxInt32},
		{"North Korean casualties", seriesKey{nationality: 1}, math.MaxInt32},
		{"deaths in Derna", seriesKey{place: 2}, math.MaxInt32},
	} {
		if got := horizonOf(&seriesInfo{key: tt.key}); got != tt.want {
			t.Errorf("%s: horizon %d, want %d", tt.name, got, tt.want)
		}
	}
}
