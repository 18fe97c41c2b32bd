package reconcile

import (
	"math"
	"reflect"
	"testing"

	"claimtrack/claims"
)

func TestImpliedTotals(t *testing.T) {
	sent := func(id, day string, v spec) spec {
		v.id, v.source, v.asOf = id, "Ukrainian intelligence", day
		if v.doc == "" {
			v.doc = "d-" + id
		}
		v.unit, v.subject, v.measure = "soldiers", "North Korean soldiers", "sent"
		return v
	}
	additional := spec{id: "more", doc: "s001", source: "Ukrainian intelligence", asOf: "2025-07-13", value: between(25000, 30000),
		unit: "soldiers", subject: "soldiers", measure: "deployed", modality: claims.Planned, incremental: true}
	sentWith := func(v claims.Value) spec {
		s := sent("base", "2024-12-31", spec{value: v})
		s.doc = "s001"
		return s
	}
	tests := []struct {
		name   string
		claims []spec
		want   []claims.Total
	}{
		{
			name:   "troops sent and an additional planned deployment",
			claims: []spec{sentWith(approx(11000)), additional},
			want: []claims.Total{{Low: 36000, High: 41000, From: []string{"base", "more"},
				Label: "~11,000 sent + additional 25,000–30,000 = 36,000–41,000"}},
		},
		{
			name:   "an open base leaves the total open",
			claims: []spec{sentWith(atLeast(11000)), additional},
			want: []claims.Total{{Low: 36000, High: math.Inf(1), From: []string{"base", "more"},
				Label: "at least 11,000 sent + additional 25,000–30,000 = at least 36,000"}},
		},
		{
			name: "the latest base before the increment",
			claims: []spec{sent("old", "2024-06-01", spec{value: exact(3000)}), sent("new", "2025-01-10", spec{value: exact(12000), doc: "s001"}),
				sent("later", "2025-09-01", spec{value: exact(15000)}), additional},
			want: []claims.Total{{Low: 37000, High: 42000, From: []string{"new", "more"},
				Label: "12,000 sent + additional 25,000–30,000 = 37,000–42,000"}},
		},
		{
			name: "on the latest day, the base in the increment's own article",
			claims: []spec{sent("a", "2025-01-10", spec{value: exact(12000), doc: "s001"}),
				sent("z", "2025-01-10", spec{value: exact(13000), doc: "other"}), additional},
			want: []claims.Total{{Low: 37000, High: 42000, From: []string{"a", "more"},
				Label: "12,000 sent + additional 25,000–30,000 = 37,000–42,000"}},
		},
		{
			name: "on the latest day, else the last in id order",
			claims: []spec{sent("early", "2024-12-01", spec{value: exact(9000), doc: "s001"}),
				sent("a", "2025-01-10", spec{value: exact(12000), doc: "x1"}),
				sent("z", "2025-01-10", spec{value: exact(13000), doc: "x2"}), additional},
			want: []claims.Total{{Low: 38000, High: 43000, From: []string{"z", "more"},
				Label: "13,000 sent + additional 25,000–30,000 = 38,000–43,000"}},
		},
		{
			name:   "no base, no total",
			claims: []spec{additional},
		},
		{
			name: "another part of one attack adds to no total",
			claims: []spec{
				{id: "launched", doc: "dev02", source: "Ukrainian air force", asOf: "2024-11-26", value: exact(188), unit: "drones", subject: "drones", measure: "launched"},
				{id: "more", doc: "dev02", source: "Ukrainian air force", asOf: "2024-11-26", value: exact(95), unit: "drones", subject: "drones", measure: "lost", incremental: true},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Reconcile(entries(t, tt.claims...), claims.Options{})
			var got []claims.Total
			for _, g := range r.Groups {
				for _, total := range g.ImpliedTotals {
					if total.Series != seriesOf(r, "more") {
						t.Errorf("total in series %q, want the increment's", total.Series)
					}
					total.Series = ""
					got = append(got, total)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("totals = %+v\nwant %+v", got, tt.want)
			}
		})
	}
}
