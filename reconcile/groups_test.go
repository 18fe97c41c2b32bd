package reconcile

import (
	"slices"
	"testing"

	"claimtrack/claims"
)

func TestDomainOf(t *testing.T) {
	tests := []struct {
		unitClass, measure, want string
	}{
		{"personnel", "sent", troops},
		{"personnel", "deployed", troops},
		{"people", "casualties", ""}, // losses are weak: they join their article's story
		{"munitions", "transfer", armsTransfers},
		{"containers", "transfer", armsTransfers},
		{"voyages", "voyages", armsTransfers},
		{"missiles", "transfer", armsTransfers},
		{"missiles", "launched", strikes},
		{"drones", "intercepted", strikes},
		{"drones", "lost", strikes},
		{"munitions", "produced", production},
		{"magnitude", "magnitude", ""},
		{"crowd", "crowd", ""},
		{"buildings", "destroyed", ""},
	}
	for _, tt := range tests {
		if got := domainOf(tt.unitClass, tt.measure); got != tt.want {
			t.Errorf("domainOf(%q, %q) = %q, want %q", tt.unitClass, tt.measure, got, tt.want)
		}
	}
}

func TestGroups(t *testing.T) {
	day := "2025-07-13"
	tests := []struct {
		name   string
		claims []spec
		a, b   string
		same   bool
	}{
		{"a weak claim joins its article's one story",
			[]spec{{id: "troops", doc: "x", asOf: day, value: exact(11000), unit: "soldiers", subject: "North Korean troops", measure: "deployed"},
				{id: "killed", doc: "x", asOf: day, value: atLeast(100), unit: "deaths", subject: "deaths", measure: "killed"}},
			"troops", "killed", true},
		{"a weak claim joins the one story about its people",
			[]spec{{id: "sent", doc: "x", asOf: day, value: approx(11000), unit: "soldiers", subject: "North Korean soldiers", measure: "sent"},
				{id: "shells", doc: "x", asOf: day, value: exact(9e6), unit: "artillery shells", subject: "artillery shells", measure: "sent"},
				{id: "drones", doc: "x", asOf: day, value: exact(728), unit: "drones", subject: "drones", measure: "launched"},
				{id: "losses", doc: "x", asOf: day, value: approx(4000), unit: "soldiers", subject: "North Korean soldiers", measure: "casualties"}},
			"sent", "losses", true},
		{"stories of one article stay apart",
			[]spec{{id: "shells", doc: "x", asOf: day, value: exact(9e6), unit: "artillery shells", subject: "artillery shells", measure: "sent"},
				{id: "drones", doc: "x", asOf: day, value: exact(728), unit: "drones", subject: "drones", measure: "launched"}},
			"shells", "drones", false},
		{"weak claims of an article without a story form one group",
			[]spec{{id: "magnitude", doc: "x", asOf: day, value: exact(7.8), unit: "magnitude", subject: "magnitude", measure: "magnitude"},
				{id: "deaths", doc: "x", asOf: day, value: exact(1121), unit: "people", subject: "people", measure: "killed", place: "Turkey"}},
			"magnitude", "deaths", true},
		{"a series joins the stories of its articles",
			[]spec{{id: "troops", doc: "x", asOf: day, value: exact(11000), unit: "soldiers", subject: "North Korean troops", measure: "deployed"},
				{id: "losses-x", doc: "x", asOf: day, value: approx(1000), unit: "soldiers", subject: "North Korean soldiers", measure: "casualties"},
				{id: "losses-y", doc: "y", asOf: day, value: vague(300, 800), unit: "casualties", subject: "North Korean casualties", measure: "casualties"}},
			"troops", "losses-y", true},
		{"production is another story than transfers",
			[]spec{{id: "made", doc: "x", asOf: day, value: approx(4.5e6), unit: "artillery shells", subject: "shells", measure: "produced", place: "Russia"},
				{id: "sent", doc: "x", asOf: day, value: upTo(4.8e6), unit: "artillery shells", subject: "artillery shells", measure: "sent"}},
			"made", "sent", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Reconcile(entries(t, tt.claims...), claims.Options{})
			if same := groupOf(r, tt.a) == groupOf(r, tt.b); same != tt.same {
				t.Errorf("same group = %v, want %v", same, tt.same)
			}
		})
	}
}

func TestLabels(t *testing.T) {
	r := Reconcile(storyClaims(t), claims.Options{})
	groupLabel := func(claim string) string {
		for _, g := range r.Groups {
			if slices.Contains(g.Claims, claim) {
				return g.Label
			}
		}
		return ""
	}
	seriesLabel := func(claim string) string {
		for _, s := range r.Series {
			if slices.Contains(s.Claims, claim) {
				return s.Label
			}
		}
		return ""
	}
	tests := []struct{ got, want string }{
		{groupLabel("s001.sent2024"), "troops: North Korean"},
		{groupLabel("dev02.drones-launched"), "strikes"},
		{groupLabel("dev07.containers"), "arms transfers"},
		{seriesLabel("dev05.casualties"), "North Korean casualties · Russia's Kursk region"},
		{seriesLabel("s001.additional"), "North Korean soldiers · deployed · additional · planned"},
		{seriesLabel("dev08.west-production"), "artillery shells · produced · Europe and the US"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("label %q, want %q", tt.got, tt.want)
		}
	}
}

func TestLargestSeries(t *testing.T) {
	sizes := map[int32]int{1: 3, 2: 7, 3: 7, 4: 0}
	size := func(s int32) int { return sizes[s] }
	cases := []struct {
		series []int32
		want   int32
	}{
		{[]int32{1}, 1},
		{[]int32{1, 2}, 2},
		{[]int32{2, 3}, 2}, // the first among equals
		{[]int32{3, 2}, 3},
		{[]int32{4, 1, 3}, 3},
	}
	for _, c := range cases {
		if got := largestSeries(c.series, size); got != c.want {
			t.Errorf("largestSeries(%v) = %d, want %d", c.series, got, c.want)
		}
	}
}
