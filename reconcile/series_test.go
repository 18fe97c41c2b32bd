package reconcile

import (
	"testing"

	"claimtrack/claims"
)

func TestSeriesKeys(t *testing.T) {
	day := "2024-12-19"
	soldiers := func(id, subject, measure string) spec {
		return spec{id: id, doc: "d-" + id, asOf: day, value: exact(1000), unit: "soldiers", subject: subject, measure: measure}
	}
	tests := []struct {
		name   string
		claims []spec
		a, b   string
		same   bool
	}{
		{"soldiers killed or wounded and casualties count the same people",
			[]spec{soldiers("a", "North Korean soldiers", "casualties"),
				{id: "b", doc: "d-b", asOf: day, value: vague(300, 800), unit: "casualties", subject: "North Korean casualties", measure: "casualties"}},
			"a", "b", true},
		{"different peoples", []spec{soldiers("a", "North Korean soldiers", "sent"), soldiers("b", "Russian soldiers", "sent")}, "a", "b", false},
		{"killed is not wounded", []spec{soldiers("a", "North Korean soldiers", "killed"), soldiers("b", "North Korean soldiers", "wounded")}, "a", "b", false},
		{"sent and shipped are one transfer",
			[]spec{{id: "a", doc: "x", asOf: day, value: exact(1000), unit: "containers", subject: "containers", measure: "sent"},
				{id: "b", doc: "y", asOf: day, value: exact(1000), unit: "containers", subject: "shipping containers", measure: "shipped"}},
			"a", "b", true},
		{"containers identified being sent are containers sent",
			[]spec{{id: "a", doc: "x", asOf: day, value: exact(1000), unit: "containers", subject: "containers", measure: "shipped"},
				{id: "b", doc: "y", asOf: day, value: atLeast(10000), unit: "containers", subject: "shipping containers", measure: "identified"}},
			"a", "b", true},
		{"launched is not shot down",
			[]spec{{id: "a", doc: "x", asOf: day, value: exact(188), unit: "drones", subject: "drones", measure: "launched"},
				{id: "b", doc: "x", asOf: day, value: exact(76), unit: "drones", subject: "drones", measure: "shot down"}},
			"a", "b", false},
		{"planned never joins actual",
			[]spec{soldiers("a", "North Korean soldiers", "deployed"),
				{id: "b", doc: "d-b", asOf: day, value: between(25000, 30000), unit: "soldiers", subject: "North Korean soldiers", measure: "deployed", modality: claims.Planned}},
			"a", "b", false},
		{"an increment is not a total",
			[]spec{soldiers("a", "North Korean soldiers", "sent"),
				{id: "b", doc: "d-b", asOf: day, value: exact(3000), unit: "soldiers", subject: "North Korean soldiers", measure: "sent", incremental: true}},
			"a", "b", false},
		{"a sector's jobs are not the total's",
			[]spec{{id: "a", doc: "x", asOf: day, value: exact(12000), unit: "jobs", subject: "jobs", measure: "added"},
				{id: "b", doc: "y", asOf: day, value: exact(52000), unit: "jobs", subject: "health care jobs", measure: "added"}},
			"a", "b", false},
		{"two sectors are two things",
			[]spec{{id: "a", doc: "x", asOf: day, value: exact(25000), unit: "jobs", subject: "construction jobs", measure: "added"},
				{id: "b", doc: "y", asOf: day, value: exact(52000), unit: "jobs", subject: "health care jobs", measure: "added"}},
			"a", "b", false},
		{"one sector's names are one sector",
			[]spec{{id: "a", doc: "x", asOf: day, value: exact(55000), unit: "jobs", subject: "healthcare jobs", measure: "added"},
				{id: "b", doc: "y", asOf: day, value: exact(52000), unit: "jobs", subject: "health care jobs", measure: "added"}},
			"a", "b", true},
		{"a sector word that says whose soldiers is not a sector",
			[]spec{soldiers("a", "government forces", "killed"), soldiers("b", "forces", "killed")}, "a", "b", true},
		{"different places",
			[]spec{{id: "a", doc: "x", asOf: day, value: approx(4.5e6), unit: "artillery shells", subject: "shells", measure: "produced", place: "Russia"},
				{id: "b", doc: "x", asOf: day, value: exact(1.3e6), unit: "artillery shells", subject: "shells", measure: "produced", place: "Europe and the US"}},
			"a", "b", false},
		{"a region named with its country is the region",
			[]spec{{id: "a", doc: "x", asOf: day, value: exact(11000), unit: "soldiers", subject: "North Korean troops", measure: "deployed", place: "Russia's Kursk region"},
				{id: "b", doc: "y", asOf: day, value: exact(12000), unit: "soldiers", subject: "North Korean troops", measure: "deployed", place: "Kursk"}},
			"a", "b", true},
		{"no place joins the block's one place",
			[]spec{{id: "a", doc: "x", asOf: day, value: moreThan(200), unit: "casualties", subject: "North Korean losses", measure: "casualties", place: "Kursk"},
				{id: "b", doc: "y", asOf: day, value: approx(1000), unit: "soldiers", subject: "North Korean soldiers", measure: "casualties"}},
			"a", "b", true},
		{"no place stays apart when the block has two places",
			[]spec{{id: "a", doc: "x", asOf: day, value: exact(1121), unit: "people", subject: "people", measure: "killed", place: "Turkey"},
				{id: "b", doc: "x", asOf: day, value: exact(326), unit: "people", subject: "people", measure: "killed", place: "Syria"},
				{id: "c", doc: "x", asOf: day, value: moreThan(1700), unit: "people", subject: "people", measure: "killed"}},
			"a", "c", false},
		{"a figure shares the place its source gave in the same sentence",
			[]spec{{id: "ministry-dead", doc: "x", source: "Syria's health ministry", asOf: day, value: exact(326), unit: "people", subject: "people", measure: "killed", place: "Syria", sentence: "s1"},
				{id: "ministry-hurt", doc: "x", source: "Syria's health ministry", asOf: day, value: exact(1042), unit: "people", subject: "people", measure: "wounded", sentence: "s1"},
				{id: "ocha-hurt", doc: "x", source: "OCHA", asOf: day, value: exact(811), unit: "injuries", subject: "injuries", measure: "wounded", place: "the rebel-held northwest", sentence: "s2"}},
			"ministry-hurt", "ocha-hurt", false},
		{"a figure without a measure joins its unit's one series in the article",
			[]spec{{id: "a", doc: "x", asOf: day, value: exact(188), unit: "drones", subject: "drones", measure: "launched"},
				{id: "b", doc: "x", asOf: day, value: exact(190), unit: "drones", subject: "drones"}},
			"a", "b", true},
		{"a figure without a measure stays apart when its unit has two series",
			[]spec{{id: "a", doc: "x", asOf: day, value: exact(188), unit: "drones", subject: "drones", measure: "launched"},
				{id: "b", doc: "x", asOf: day, value: exact(76), unit: "drones", subject: "drones", measure: "shot down"},
				{id: "c", doc: "x", asOf: day, value: exact(95), unit: "drones", subject: "drones"}},
			"a", "c", false},
		{"crowd counts compare whatever word counts the people",
			[]spec{{id: "a", doc: "x", asOf: day, value: approx(15000), unit: "protesters", subject: "crowd", measure: "crowd"},
				{id: "b", doc: "x", asOf: day, value: exact(75000), unit: "people", subject: "people", measure: "crowd"}},
			"a", "b", true},
		{"the article's people fill a subject that names none",
			[]spec{{id: "a", doc: "x", asOf: day, value: approx(11000), unit: "soldiers", subject: "North Korean soldiers", measure: "sent"},
				{id: "b", doc: "y", asOf: day, value: exact(12000), unit: "soldiers", subject: "troops", measure: "sent"},
				{id: "c", doc: "y", asOf: day, value: exact(100), unit: "soldiers", subject: "North Korean soldiers", measure: "killed"}},
			"a", "b", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Reconcile(entries(t, tt.claims...), claims.Options{})
			sa, sb := seriesOf(r, tt.a), seriesOf(r, tt.b)
			if sa == "" || sb == "" {
				t.Fatalf("claims without series: %q %q", sa, sb)
			}
			if (sa == sb) != tt.same {
				t.Errorf("same series = %v, want %v", sa == sb, tt.same)
			}
		})
	}
}

func TestNationalityOf(t *testing.T) {
	tests := map[string]string{
		"North Korean soldiers":   "North Korean",
		"the North Koreans":       "North Korean",
		"North Korea's troops":    "North Korean",
		"Russian soldiers":        "Russian",
		"U.S. troops":             "American",
		"shipping containers":     "",
		"South Korean casualties": "South Korean",
		"people":                  "",
	}
	for subject, want := range tests {
		if got := claims.NationalityOf(subject); got != want {
			t.Errorf("claims.NationalityOf(%q) = %q, want %q", subject, got, want)
		}
	}
}

func TestNormalPlace(t *testing.T) {
	tests := map[string]string{
		"Russia's Kursk region":    "kursk",
		"Kursk":                    "kursk",
		"the Kursk region":         "kursk",
		"Europe and the U.S.":      "europe and us",
		"Turkey and Syria":         "turkey and syria",
		"the rebel-held northwest": "rebel-held northwest",
		"":                         "",
	}
	for place, want := range tests {
		if got := normalPlace(place); got != want {
			t.Errorf("normalPlace(%q) = %q, want %q", place, got, want)
		}
	}
}
