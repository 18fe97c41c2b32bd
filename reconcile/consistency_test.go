package reconcile

import (
	"strings"
	"testing"

	"claimtrack/claims"
)

func TestConsistency(t *testing.T) {
	day := "2023-02-08"
	deaths := func(id, place string, v spec) spec {
		v.id, v.doc, v.source, v.asOf, v.place = id, "quake", "AFAD", day, place
		v.unit, v.subject, v.measure = "people", "people", "killed"
		return v
	}
	nkSoldiers := func(id string, v spec) spec {
		v.id, v.doc, v.source, v.asOf = id, "s001", "Ukrainian intelligence", "2025-07-13"
		if v.unit == "" {
			v.unit, v.subject = "soldiers", "North Korean soldiers"
		}
		return v
	}
	tests := []struct {
		name    string
		claims  []spec
		kind    claims.FindingType
		claims_ string // the finding's claim ids, joined by spaces; "" for no finding
		summary string // words the summary has
	}{
		{
			name: "parts add up to their total",
			claims: []spec{
				deaths("turkey", "Turkey", spec{value: exact(12391), start: 10}),
				deaths("syria", "Syria", spec{value: exact(2992), start: 20}),
				deaths("total", "Turkey and Syria", spec{value: exact(15383), start: 30}),
			},
			kind: claims.PartsTotal, claims_: "syria total turkey",
			summary: "parts_total: 12,391 in Turkey + 2,992 in Syria = 15,383, matching Disaster and Emergency Management Authority said 15,383 people",
		},
		{
			name: "a total below its parts",
			claims: []spec{
				deaths("turkey", "Turkey", spec{value: exact(12391)}),
				deaths("syria", "Syria", spec{value: exact(2992)}),
				deaths("total", "Turkey and Syria", spec{value: approx(10000)}),
			},
			kind: claims.PartsTotal, claims_: "syria total turkey", summary: "inconsistent",
		},
		{
			name: "a total above its known parts says nothing",
			claims: []spec{
				deaths("turkey", "Turkey", spec{value: exact(1121)}),
				deaths("syria", "Syria", spec{value: exact(326)}),
				deaths("total", "Turkey and Syria", spec{value: moreThan(5000)}),
			},
			kind: claims.PartsTotal,
		},
		{
			name: "casualties below the killed alone",
			claims: []spec{
				nkSoldiers("casualties", spec{value: approx(1000), measure: "casualties"}),
				nkSoldiers("killed", spec{value: atLeast(2000), measure: "killed"}),
			},
			kind: claims.TotalBelowPart, claims_: "casualties killed", summary: "inconsistent",
		},
		{
			name: "casualties that include their dead",
			claims: []spec{
				nkSoldiers("casualties", spec{value: approx(1000), measure: "casualties"}),
				nkSoldiers("killed", spec{value: atLeast(100), measure: "killed"}),
			},
			kind: claims.TotalBelowPart,
		},
		{
			name: "a percentage that fits its counts",
			claims: []spec{
				nkSoldiers("sent", spec{value: approx(11000), measure: "sent", start: 10}),
				nkSoldiers("losses", spec{value: approx(4000), measure: "casualties", start: 200}),
				nkSoldiers("share", spec{value: approx(40), unit: "percent", subject: "them", measure: "casualties", start: 260}),
			},
			kind: claims.PercentOf, claims_: "losses sent share", summary: "4,000 casualties of ~11,000 sent is 30–44%",
		},
		{
			name: "a percentage that does not fit",
			claims: []spec{
				nkSoldiers("sent", spec{value: approx(11000), measure: "sent", start: 10}),
				nkSoldiers("losses", spec{value: approx(4000), measure: "casualties", start: 200}),
				nkSoldiers("share", spec{value: exact(70), unit: "percent", subject: "them", measure: "casualties", start: 260}),
			},
			kind: claims.PercentOf, claims_: "losses sent share", summary: "percent_of: inconsistent",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found := findingsOf(Reconcile(entries(t, tt.claims...), claims.Options{}), tt.kind)
			if tt.claims_ == "" {
				if len(found) > 0 {
					t.Fatalf("unexpected findings: %v", found)
				}
				return
			}
			f, ok := found[tt.claims_]
			if !ok || len(found) != 1 {
				t.Fatalf("want one %s finding over %q, got %v", tt.kind, tt.claims_, found)
			}
			if !strings.Contains(f.Summary, tt.summary) {
				t.Errorf("summary %q lacks %q", f.Summary, tt.summary)
			}
		})
	}
}
