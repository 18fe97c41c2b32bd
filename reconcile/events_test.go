package reconcile

import (
	"testing"

	"claimtrack/claims"
)

// eventClaim is a hand-made event claim.
func eventClaim(t *testing.T, id, doc, root, outlet, action string, actors, counterparts []string, day, precision string) claims.Entry {
	d := date(t, day)
	start := d
	if precision == "month" {
		start = claims.NewDate(d.Year(), d.Month(), 1)
	}
	e := claims.Entry{Claim: claims.Claim{ID: id, Document: doc, Kind: claims.KindEvent, Action: action,
		Actors: actors, Counterparts: counterparts, AsOf: d,
		Period: claims.Period{Start: start, End: d, Precision: claims.Precision(precision)}}, Outlet: outlet}
	if root != "" {
		e.Attribution = claims.Attribution{Chain: []string{outlet, root}, Root: root}
	}
	return e
}

func TestEventOccurrences(t *testing.T) {
	r := Reconcile([]claims.Entry{
		// One meeting told by TASS and by ANI, in either direction.
		eventClaim(t, "tass", "000", "TASS", "", "met", []string{"Choe Son Hui"}, []string{"Sergey Lavrov"}, "2025-07-12", "day"),
		eventClaim(t, "ani", "001", "", "ANI", "held talks", []string{"Sergey Lavrov"}, []string{"Choe Son Hui"}, "2025-07-12", "day"),
		// Another meeting of one of them, with someone else, the same day.
		eventClaim(t, "kim", "001", "", "ANI", "met", []string{"Sergey Lavrov"}, []string{"Kim Jong Un"}, "2025-07-12", "day"),
		// Choe's trip months earlier is another event.
		eventClaim(t, "nov", "001", "CNN", "ANI", "visited", []string{"Choe Son Hui"}, nil, "2024-11-30", "month"),
		// Two sources disagree on the day of one summit.
		eventClaim(t, "x13", "a", "Yonhap", "", "met", []string{"Kim Jong Un"}, []string{"Vladimir Putin"}, "2023-09-13", "day"),
		eventClaim(t, "x14", "b", "KCNA", "", "met", []string{"Kim Jong Un"}, []string{"Vladimir Putin"}, "2023-09-14", "day"),
	}, Options{})
	if seriesOf(r, "tass") != seriesOf(r, "ani") || seriesOf(r, "tass") == seriesOf(r, "kim") || seriesOf(r, "tass") == seriesOf(r, "nov") {
		t.Errorf("occurrences: tass %s ani %s kim %s nov %s", seriesOf(r, "tass"), seriesOf(r, "ani"), seriesOf(r, "kim"), seriesOf(r, "nov"))
	}
	if !together(r, Corroboration, "tass", "ani") {
		t.Errorf("TASS and ANI corroborate the Choe–Lavrov talks: %+v", r.Findings)
	}
	if !together(r, Conflict, "x13", "x14") {
		t.Errorf("the 13th against the 14th is a conflict: %+v", r.Findings)
	}
}
