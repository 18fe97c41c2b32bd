package reconcile

import (
	"fmt"
	"reflect"
	"testing"

	"claimtrack/claims"
)

// FuzzReconcile reconciles claims made from arbitrary bytes: figures of any
// size and qualifier, dates far apart, periods, places, sources and event
// claims. The reconciler must not panic, must give every claim exactly one
// series and group and every finding its own id, and must give the same
// result for the same claims, whether at once or in parts.
func FuzzReconcile(f *testing.F) {
	f.Add([]byte("\x01\x10\x20\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f"))
	f.Add([]byte("\xff\xff\xff\xff\x00\x00\x00\x00\x80\x80\x80\x80\x7f\x7f\x7f\x7f\x01\x02"))
	f.Fuzz(func(t *testing.T, data []byte) {
		entries := fuzzEntries(data)
		r := Reconcile(entries, claims.Options{})
		seriesOf := map[string]int{}
		for _, s := range r.Series {
			for _, id := range s.Claims {
				seriesOf[id]++
			}
		}
		groupOf := map[string]int{}
		for _, g := range r.Groups {
			for _, id := range g.Claims {
				groupOf[id]++
			}
		}
		for _, e := range entries {
			if seriesOf[e.ID] != 1 || groupOf[e.ID] != 1 {
				t.Fatalf("claim %s is in %d series and %d groups, want 1 each", e.ID, seriesOf[e.ID], groupOf[e.ID])
			}
		}
		// The store keeps findings under a unique index on their ids.
		for k := 1; k < len(r.Findings); k++ {
			if r.Findings[k].ID == r.Findings[k-1].ID {
				t.Fatalf("two findings with id %s: %q and %q", r.Findings[k].ID, r.Findings[k-1].Summary, r.Findings[k].Summary)
			}
		}
		if again := Reconcile(entries, claims.Options{}); !reflect.DeepEqual(again, r) {
			t.Fatal("the same claims reconcile differently")
		}
		if len(data) > 0 {
			if parts := inParts(t, entries, 1+int(data[0])%8); !reflect.DeepEqual(parts, r) {
				t.Fatalf("in parts of %d claims: %s", 1+int(data[0])%8, reconciliationDiff(parts, r))
			}
		}
	})
}

// fuzzEntries makes up to 64 claims from data, 8 bytes each.
func fuzzEntries(data []byte) []claims.Entry {
	units := []string{"soldiers", "casualties", "shells", "percent", "people", "drones"}
	measures := []string{"sent", "killed", "", "launched", "produced", "wounded"}
	places := []string{"", "Kursk", "Turkey and Syria", "Syria", "Turkey"}
	sources := []string{"", "NIS", "Pentagon", "TASS", "Yonhap"}
	subjects := []string{"North Korean soldiers", "troops", "", "Russian drones"}
	qualifiers := []claims.Qualifier{claims.Exact, claims.Approximately, claims.AtLeast, claims.UpTo, claims.Range, claims.Vague}
	actors := [][]string{nil, {"Kim Jong Un"}, {"Kim Jong Un", "Vladimir Putin"}, {"Sergey Lavrov"}}
	var out []claims.Entry
	for k := 0; k+8 <= len(data) && len(out) < 64; k += 8 {
		b := data[k : k+8]
		day := claims.NewDate(1990, 1, 1).AddDate(0, 0, int(b[0])*97+int(b[1])) // 1990 to about 2058
		e := claims.Entry{Outlet: sources[int(b[2])%len(sources)], Published: claims.Date{Time: day}}
		c := &e.Claim
		c.ID = fmt.Sprintf("%04x%012x", int(b[3])%8, k)
		c.Document = fmt.Sprintf("doc%d", int(b[3])%8)
		c.Sentence = fmt.Sprintf("sentence %d", b[4]%4)
		c.Start = k
		if b[5]%7 == 0 {
			c.Kind = claims.KindEvent
			c.Action = []string{"met", "visited", "signed"}[int(b[6])%3]
			c.Actors = actors[int(b[6])%len(actors)]
			c.AsOf = claims.Date{Time: day}
			c.Period = claims.Period{Start: c.AsOf, End: c.AsOf, Precision: claims.PrecisionDay}
			c.Ordinal = int(b[7] % 3)
		} else {
			c.Kind = "count"
			low := float64(b[6]) * float64(uint(1)<<(b[7]%40))
			high := low + float64(b[5])
			q := qualifiers[int(b[7])%len(qualifiers)]
			c.Value = claims.Value{Low: &low, High: &high, Qualifier: q}
			if q == claims.AtLeast {
				c.Value.High = nil
			}
			c.Unit = units[int(b[5])%len(units)]
			c.Measure = measures[int(b[6])%len(measures)]
			c.Subject = subjects[int(b[4])%len(subjects)]
			c.Incremental = b[5]%11 == 0
			if b[7]%5 == 0 {
				c.Period = claims.Period{Start: claims.Date{Time: day.AddDate(-1, 0, 0)}, End: claims.Date{Time: day}, Precision: claims.PrecisionYear}
			} else {
				c.AsOf = claims.Date{Time: day}
			}
		}
		c.Place = places[int(b[2])%len(places)]
		if root := sources[int(b[4])%len(sources)]; root != "" {
			c.Attribution = claims.Attribution{Chain: []string{e.Outlet, root}, Root: root}
		}
		out = append(out, e)
	}
	return out
}
