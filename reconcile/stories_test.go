package reconcile

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"claimtrack/claims"
)

// storyClaims mirrors the dev set's articles as the reader stores them:
// North Korean troops and casualties, arms shipments, shell production, an
// air attack, the Turkey–Syria earthquake and a rally's crowd.
func storyClaims(t testing.TB) []claims.Entry {
	year2024 := [2]string{"2024-01-01", "2024-12-31"}
	rusiPeriod := [2]string{"2023-09-01", "2025-03-31"}
	return entries(t,
		// dev04: three US and Ukrainian estimates of North Korean casualties.
		spec{id: "dev04.kovalenko", doc: "dev04", source: "Andrii Kovalenko", asOf: "2024-12-18", value: moreThan(200),
			unit: "casualties", subject: "North Korean losses", measure: "casualties", place: "Russia's Kursk region"},
		spec{id: "dev04.us-official", doc: "dev04", source: "senior US military official", outlet: "The Guardian", asOf: "2024-12-17",
			value: vague(300, 800), unit: "casualties", subject: "the North Koreans", measure: "casualties", text: "several hundred casualties"},
		spec{id: "dev04.kirby", doc: "dev04", source: "John Kirby", asOf: "2024-12-16", value: vague(24, 99),
			unit: "casualties", subject: "North Korean casualties", measure: "casualties", text: "dozens"},
		// dev05: one NIS briefing, relayed by KBS, and the US remark again.
		spec{id: "dev05.casualties", doc: "dev05", outlet: "KBS", source: "South Korea's spy agency", asOf: "2024-12-19", value: approx(1000),
			unit: "soldiers", subject: "North Korean soldiers", measure: "casualties"},
		spec{id: "dev05.killed", doc: "dev05", outlet: "KBS", source: "NIS", asOf: "2024-12-19", value: atLeast(100),
			unit: "deaths", subject: "deaths", measure: "killed"},
		spec{id: "dev05.troops-kursk", doc: "dev05", outlet: "KBS", source: "National Intelligence Service", asOf: "2024-12-19", value: exact(11000),
			unit: "soldiers", subject: "North Korean troops", measure: "deployed", place: "Kursk region"},
		spec{id: "dev05.us-several-hundred", doc: "dev05", outlet: "KBS", source: "senior U.S. military official", asOf: "2024-12-17",
			value: vague(300, 800), unit: "casualties", subject: "North Korean casualties", measure: "casualties", text: "several hundred"},
		// s001: troops sent and planned, casualties, arms, one night's strikes.
		spec{id: "s001.sent2024", doc: "s001", outlet: "ANI", source: "Ukrainian intelligence", asOf: "2024-12-31", period: year2024,
			value: approx(11000), unit: "soldiers", subject: "North Korean soldiers", measure: "sent"},
		spec{id: "s001.additional", doc: "s001", outlet: "ANI", source: "Ukrainian intelligence", asOf: "2025-07-13",
			value: between(25000, 30000), unit: "soldiers", subject: "soldiers", measure: "deployed", modality: claims.Planned, incremental: true},
		spec{id: "s001.casualties", doc: "s001", outlet: "ANI", source: "Western officials", asOf: "2025-07-13", value: approx(4000),
			unit: "soldiers", subject: "North Korean soldiers", measure: "casualties"},
		spec{id: "s001.missiles2024", doc: "s001", outlet: "ANI", source: "UN member states", asOf: "2024-12-31", period: year2024,
			value: atLeast(100), unit: "missiles", subject: "ballistic missiles", measure: "sent"},
		spec{id: "s001.shells2024", doc: "s001", outlet: "ANI", source: "UN member states", asOf: "2024-12-31", period: year2024,
			value: exact(9e6), unit: "artillery shells", subject: "artillery shells", measure: "sent"},
		spec{id: "s001.drones", doc: "s001", outlet: "ANI", asOf: "2025-07-09", value: exact(728),
			unit: "drones", subject: "drones", measure: "launched"},
		spec{id: "s001.missiles-wed", doc: "s001", outlet: "ANI", asOf: "2025-07-09", value: exact(13),
			unit: "missiles", subject: "missiles", measure: "launched"},
		// dev06–dev08: containers and shells shipped, shells produced.
		spec{id: "dev06.containers", doc: "dev06", outlet: "ANI", source: "South Korea's defence ministry", asOf: "2023-10-16", value: moreThan(1000),
			unit: "containers", subject: "containers", measure: "shipped"},
		spec{id: "dev07.shells-min", doc: "dev07", outlet: "Reuters", source: "RUSI", asOf: "2025-04-16", period: [2]string{"2023-10-16", "2025-04-16"},
			value: atLeast(4e6), unit: "artillery shells", subject: "artillery shells", measure: "shipped"},
		spec{id: "dev07.voyages", doc: "dev07", outlet: "Reuters", source: "RUSI", asOf: "2025-04-16", period: rusiPeriod,
			value: exact(64), unit: "voyages", subject: "voyages", measure: "tracked"},
		spec{id: "dev07.containers", doc: "dev07", outlet: "Reuters", source: "RUSI", asOf: "2025-04-16", period: rusiPeriod,
			value: approx(16000), unit: "containers", subject: "containers", measure: "shipped"},
		spec{id: "dev07.shells-range", doc: "dev07", outlet: "Reuters", source: "Royal United Services Institute", asOf: "2025-04-16", period: rusiPeriod,
			value: between(4e6, 6e6), unit: "artillery shells", subject: "shells", measure: "shipped"},
		spec{id: "dev08.containers", doc: "dev08", outlet: "Bloomberg", source: "Shin Won-sik", asOf: "2024-06-14", value: atLeast(10000),
			unit: "containers", subject: "shipping containers", measure: "identified"},
		spec{id: "dev08.missiles", doc: "dev08", outlet: "Bloomberg", source: "Shin Won-sik", asOf: "2024-06-14", value: vague(24, 99),
			unit: "missiles", subject: "ballistic missiles", measure: "sent"},
		spec{id: "dev08.russia-production", doc: "dev08", source: "Bain", asOf: "2024-06-14", period: year2024, value: approx(4.5e6),
			unit: "artillery shells", subject: "shells", measure: "produced", place: "Russia"},
		spec{id: "dev08.west-production", doc: "dev08", source: "Bain", asOf: "2024-06-14", period: year2024, value: exact(1.3e6),
			unit: "artillery shells", subject: "shells", measure: "produced", place: "Europe and the US"},
		// dev02: one night's drones and missiles.
		spec{id: "dev02.drones-launched", doc: "dev02", outlet: "AFP", source: "Ukrainian air force", asOf: "2024-11-26", value: exact(188),
			unit: "drones", subject: "drones", measure: "launched"},
		spec{id: "dev02.drones-downed", doc: "dev02", outlet: "AFP", source: "Ukrainian air force", asOf: "2024-11-26", value: exact(76),
			unit: "drones", subject: "drones", measure: "shot down"},
		spec{id: "dev02.drones-lost", doc: "dev02", outlet: "AFP", source: "Ukrainian air force", asOf: "2024-11-26", value: exact(95),
			unit: "drones", subject: "drones", measure: "lost"},
		spec{id: "dev02.missiles", doc: "dev02", outlet: "AFP", source: "Ukrainian air force", asOf: "2024-11-26", value: exact(4),
			unit: "missiles", subject: "Iskander-M ballistic missiles", measure: "launched"},
		// dev01: the quake.
		spec{id: "dev01.deaths-total", doc: "dev01", outlet: "Reuters", asOf: "2023-02-06", value: moreThan(1700),
			unit: "people", subject: "people", measure: "killed", place: "the two countries"},
		spec{id: "dev01.magnitude-usgs", doc: "dev01", outlet: "Reuters", source: "USGS", asOf: "2023-02-06", value: exact(7.8),
			unit: "magnitude", subject: "magnitude", measure: "magnitude"},
		spec{id: "dev01.depth-usgs", doc: "dev01", outlet: "Reuters", source: "USGS", asOf: "2023-02-06", value: exact(17.9),
			unit: "km", subject: "km", measure: "depth"},
		spec{id: "dev01.magnitude-afad", doc: "dev01", outlet: "Reuters", source: "AFAD", asOf: "2023-02-06", value: exact(7.4),
			unit: "magnitude", subject: "reading", measure: "magnitude"},
		spec{id: "dev01.deaths-turkey", doc: "dev01", outlet: "Reuters", source: "AFAD", asOf: "2023-02-06", value: exact(1121),
			unit: "people", subject: "people", measure: "killed", place: "Turkey"},
		spec{id: "dev01.deaths-syria", doc: "dev01", outlet: "Reuters", source: "Syria's health ministry", asOf: "2023-02-06", value: exact(326),
			unit: "people", subject: "people", measure: "killed", place: "Syria"},
		spec{id: "dev01.injured-syria", doc: "dev01", outlet: "Reuters", source: "Syria's health ministry", asOf: "2023-02-06", value: exact(1042),
			unit: "people", subject: "people", measure: "wounded", place: "Syria"},
		spec{id: "dev01.deaths-nw", doc: "dev01", outlet: "Reuters", source: "OCHA", asOf: "2023-02-06", value: exact(255),
			unit: "deaths", subject: "deaths", place: "the rebel-held northwest"},
		spec{id: "dev01.injured-nw", doc: "dev01", outlet: "Reuters", source: "OCHA", asOf: "2023-02-06", value: exact(811),
			unit: "injuries", subject: "injuries", place: "the rebel-held northwest"},
		// dev03: a rally's crowd by four counts, and the arithmetic behind one.
		spec{id: "dev03.police", doc: "dev03", source: "Chicago Police Department", asOf: "2025-06-14", value: approx(15000),
			unit: "protesters", subject: "crowd", measure: "crowd"},
		spec{id: "dev03.organizers", doc: "dev03", source: "Indivisible Chicago", asOf: "2025-06-14", value: exact(75000),
			unit: "people", subject: "people", measure: "crowd"},
		spec{id: "dev03.outlets-range", doc: "dev03", source: "news outlets", asOf: "2025-06-14", value: between(15000, 75000),
			unit: "protesters", subject: "range", measure: "crowd"},
		spec{id: "dev03.still", doc: "dev03", source: "G. Keith Still", asOf: "2025-06-14", value: between(10000, 15000),
			unit: "protesters", subject: "attendance", measure: "crowd"},
		spec{id: "dev03.density", doc: "dev03", source: "G. Keith Still", asOf: "2025-06-14", value: between(1, 2),
			unit: "people per square metre", subject: "people per square metre", measure: "density"},
		spec{id: "dev03.plaza-area", doc: "dev03", asOf: "2025-06-16", value: approx(10000),
			unit: "square metres", subject: "square metres", measure: "area", place: "Daley Plaza"},
	)
}

// The relations the dev set expects, reached from claims alone.
func TestStoryRelations(t *testing.T) {
	r := Reconcile(storyClaims(t), claims.Options{})
	tests := []struct {
		a, b, why string
		expect    claims.FindingType
	}{
		{"dev04.us-official", "dev05.casualties", "conflict", "several hundred vs about 1,000, two days apart"},
		{"dev05.us-several-hundred", "dev05.casualties", "conflict", "the article sets them against each other"},
		{"dev01.magnitude-usgs", "dev01.magnitude-afad", "conflict", "7.8 vs 7.4, same quake"},
		{"dev03.police", "dev03.organizers", "conflict", "~15,000 vs 75,000, same rally"},
		{"dev03.still", "dev03.organizers", "conflict", "10,000–15,000 vs 75,000"},
		{"dev07.shells-range", "s001.shells2024", "conflict", "9 million in 2024 exceeds 4–6 million for a longer period"},
		{"dev04.kirby", "dev04.us-official", "change", "dozens, then several hundred, from the US"},
		{"dev02.drones-launched", "dev02.drones-downed", "not_conflict", "launched vs shot down"},
		{"dev08.russia-production", "dev08.west-production", "not_conflict", "Russia vs Europe and the US"},
		{"s001.sent2024", "s001.additional", "not_conflict", "sent vs planned"},
		{"s001.sent2024", "s001.casualties", "not_conflict", "sent vs casualties"},
		{"s001.missiles2024", "s001.missiles-wed", "not_conflict", "supplied vs launched"},
		{"s001.drones", "s001.missiles-wed", "not_conflict", "different units"},
		{"dev03.still", "dev03.police", "corroborate", "10,000–15,000 includes ~15,000"},
		{"dev04.kovalenko", "dev04.us-official", "corroborate", "more than 200 and several hundred"},
	}
	for _, tt := range tests {
		t.Run(tt.a+"~"+tt.b, func(t *testing.T) {
			switch tt.expect {
			case "conflict", "change":
				if !together(r, tt.expect, tt.a, tt.b) {
					t.Errorf("no %s finding (%s)", tt.expect, tt.why)
				}
			case "not_conflict":
				if together(r, claims.Conflict, tt.a, tt.b) {
					t.Errorf("conflict reported (%s)", tt.why)
				}
			case "corroborate":
				if seriesOf(r, tt.a) != seriesOf(r, tt.b) || together(r, claims.Conflict, tt.a, tt.b) {
					t.Errorf("not one consistent series (%s)", tt.why)
				}
			}
		})
	}
}

// TestArticleStories is the table of the story rule (G3): which articles the
// names they stress and their days tie into one story.
func TestArticleStories(t *testing.T) {
	type article struct {
		doc, published string
		names          string // "Name:count Name:count"
	}
	// The flood articles name Derna and Libya, the wildfire ones Lahaina
	// and Maui; all of them name the United States.
	flood := []article{
		{"flood-1", "2023-09-12", "Derna:5 Libya:3 Benghazi:2 Haftar:1 U.S.:1"},
		{"flood-2", "2023-09-14", "Derna:4 Libya:2 Red:1 Crescent:1 U.S.:1"},
	}
	fire := []article{
		{"fire-1", "2023-08-10", "Lahaina:4 Maui:4 Green:2 Hawaii:2 U.S.:1"},
		{"fire-2", "2023-08-16", "Lahaina:3 Maui:5 FEMA:1 Hawaii:1 U.S.:1"},
	}
	tests := []struct {
		name     string
		articles []article
		want     [][]string // the stories, each its articles
	}{
		{"two events are two stories though both name the United States", slices.Concat(flood, fire),
			[][]string{{"fire-1", "fire-2"}, {"flood-1", "flood-2"}}},
		{"a ledger of one story: the names all its articles use tie them", flood,
			[][]string{{"flood-1", "flood-2"}}},
		{"the same names years apart are two stories", []article{
			{"quake-2015", "2015-04-25", "Nepal:4 Kathmandu:3 Gorkha:1"},
			{"quake-2023", "2023-11-04", "Nepal:4 Kathmandu:2 Jajarkot:2"},
			{"other", "2023-11-05", "Gaza:3 Israel:2"}},
			[][]string{{"other"}, {"quake-2015"}, {"quake-2023"}}},
		{"an article with no day is close to any", []article{
			{"flood-1", "2023-09-12", "Derna:5 Libya:3 Benghazi:2"},
			{"blog", "", "Derna:2 Libya:1 Wadi:1"},
			{"other", "2023-09-12", "Maui:3 Lahaina:2"}},
			[][]string{{"blog", "flood-1"}, {"other"}}},
		{"a weak likeness joins the nearest article within weeks", []article{
			{"jobs-1", "2024-08-02", "Labor:3 Department:3 Federal:2 Reserve:2 Powell:1"},
			{"jobs-2", "2024-08-20", "Boeing:4 Wichita:2 Textron:2 Labor:1 Department:1"},
			{"fire-1", "2024-08-02", "Lahaina:4 Maui:4 Hawaii:2"},
			{"fire-2", "2024-08-02", "Lahaina:3 Maui:2 Hawaii:2"}},
			[][]string{{"fire-1", "fire-2"}, {"jobs-1", "jobs-2"}}},
		{"but not months away", []article{
			{"jobs-1", "2024-03-02", "Labor:3 Department:3 Federal:2 Reserve:2 Powell:1"},
			{"jobs-2", "2024-08-20", "Boeing:4 Wichita:2 Textron:2 Labor:1 Department:1"},
			{"fire-1", "2024-08-02", "Lahaina:4 Maui:4 Hawaii:2"},
			{"fire-2", "2024-08-02", "Lahaina:3 Maui:2 Hawaii:2"}},
			[][]string{{"fire-1", "fire-2"}, {"jobs-1"}, {"jobs-2"}}},
		{"articles that name nothing are one story", []article{
			{"old-1", "2023-09-12", ""}, {"old-2", "2024-01-01", ""}, {"new", "2024-01-01", "Maui:2"}},
			[][]string{{"new"}, {"old-1", "old-2"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStoryFinder()
			for _, a := range tt.articles {
				e := claims.Entry{Claim: claims.Claim{Document: a.doc}, Published: date(t, a.published)}
				for _, field := range strings.Fields(a.names) {
					name, count, _ := strings.Cut(field, ":")
					n, err := strconv.Atoi(count)
					if err != nil {
						t.Fatal(err)
					}
					e.Names = append(e.Names, claims.Name{Text: name, Count: n})
				}
				s.note(&e)
			}
			byStory := map[string][]string{}
			storyOf, _ := s.stories()
			for doc, story := range storyOf {
				byStory[story] = append(byStory[story], doc)
			}
			for _, a := range tt.articles {
				if a.names == "" {
					byStory[""] = append(byStory[""], a.doc)
				}
			}
			var got [][]string
			for _, docs := range byStory {
				slices.Sort(docs)
				got = append(got, docs)
			}
			slices.SortFunc(got, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("stories %v, want %v", got, tt.want)
			}
		})
	}
}

// TestStoriesNeverShareASeries: the same measure in two stories makes two
// series, so a toll of one disaster is never compared with another's.
func TestStoriesNeverShareASeries(t *testing.T) {
	in := entries(t,
		spec{id: "flood", doc: "flood-1", source: "health ministry", asOf: "2023-09-12", value: exact(2300), unit: "deaths", measure: "killed"},
		spec{id: "fire", doc: "fire-1", source: "Maui County", asOf: "2023-09-13", value: exact(96), unit: "deaths", measure: "killed"},
	)
	in[0].Names = []claims.Name{{Text: "Derna", Count: 4}, {Text: "Libya", Count: 2}}
	in[1].Names = []claims.Name{{Text: "Lahaina", Count: 4}, {Text: "Maui", Count: 3}}
	r := Reconcile(in, claims.Options{})
	if seriesOf(r, "flood") == seriesOf(r, "fire") || together(r, claims.Conflict, "flood", "fire") {
		t.Errorf("the flood's and the fire's tolls share series %s", seriesOf(r, "flood"))
	}
	in[1].Names = in[0].Names
	if r := Reconcile(in, claims.Options{}); seriesOf(r, "flood") != seriesOf(r, "fire") {
		t.Error("two articles of one story do not share the series of their tolls")
	}
}
