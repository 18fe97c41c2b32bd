package reconcile

import (
	"fmt"
	"slices"
	"strings"
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
	}, claims.Options{})
	if seriesOf(r, "tass") != seriesOf(r, "ani") || seriesOf(r, "tass") == seriesOf(r, "kim") || seriesOf(r, "tass") == seriesOf(r, "nov") {
		t.Errorf("occurrences: tass %s ani %s kim %s nov %s", seriesOf(r, "tass"), seriesOf(r, "ani"), seriesOf(r, "kim"), seriesOf(r, "nov"))
	}
	if !together(r, claims.Corroboration, "tass", "ani") {
		t.Errorf("TASS and ANI corroborate the Choe–Lavrov talks: %+v", r.Findings)
	}
	if !together(r, claims.Conflict, "x13", "x14") {
		t.Errorf("the 13th against the 14th is a conflict: %+v", r.Findings)
	}
}

// Event claims are looked up by the weeks around their days: claims a day or
// two apart across the edge of a week still meet, and a yearly run of one
// pair's meetings stays one occurrence per meeting.
func TestEventOccurrencesAcrossWeeks(t *testing.T) {
	var events []claims.Entry
	meet := func(id, source, day, precision string) {
		events = append(events, eventClaim(t, id, "doc-"+id, source, "", "met",
			[]string{"Kim Jong Un"}, []string{"Vladimir Putin"}, day, precision))
	}
	// 1970-01-08 is the first day of the second 8-day stretch (day 7 is the last of the first).
	meet("a", "KCNA", "1970-01-07", "day")
	meet("b", "TASS", "1970-01-09", "day")
	// A meeting every 30 days for two years, each told by two sources a day apart.
	start := date(t, "2023-01-01")
	for k := range 24 {
		day := start.AddDate(0, 0, 30*k)
		meet(fmt.Sprintf("m%02d-kcna", k), "KCNA", claims.Date{Time: day}.String(), "day")
		meet(fmt.Sprintf("m%02d-tass", k), "TASS", claims.Date{Time: day.AddDate(0, 0, 1)}.String(), "day")
	}
	r := Reconcile(events, claims.Options{})
	if seriesOf(r, "a") != seriesOf(r, "b") {
		t.Errorf("claims on the 7th and the 9th are one meeting: %s, %s", seriesOf(r, "a"), seriesOf(r, "b"))
	}
	if len(r.Series) != 25 {
		t.Errorf("%d occurrences, want 25 (one for 1970 and one a month)", len(r.Series))
	}
	for k := range 24 {
		kcna, tass := fmt.Sprintf("m%02d-kcna", k), fmt.Sprintf("m%02d-tass", k)
		if seriesOf(r, kcna) != seriesOf(r, tass) {
			t.Errorf("meeting %d: the two sources' claims are apart", k)
		}
	}
	if seriesOf(r, "m00-kcna") == seriesOf(r, "m01-kcna") {
		t.Error("meetings a month apart are one occurrence")
	}
}

// An occurrence keeps the days of the claim that opened it: meetings on each
// of ten days are not one meeting ten days long.
func TestDailyEventsDoNotChain(t *testing.T) {
	var events []claims.Entry
	for day := 1; day <= 10; day++ {
		events = append(events, eventClaim(t, fmt.Sprintf("d%02d", day), fmt.Sprintf("doc%02d", day), "KCNA", "", "met",
			[]string{"Kim Jong Un"}, []string{"Vladimir Putin"}, fmt.Sprintf("2024-06-%02d", day), "day"))
	}
	r := Reconcile(events, claims.Options{})
	// Each opens on a day and takes the next two: the 1st, 4th, 7th and 10th.
	if len(r.Series) != 4 {
		t.Errorf("%d occurrences, want 4", len(r.Series))
	}
	if seriesOf(r, "d01") != seriesOf(r, "d03") || seriesOf(r, "d03") == seriesOf(r, "d04") {
		t.Errorf("the 1st and 3rd are one meeting and the 4th another: %s %s %s",
			seriesOf(r, "d01"), seriesOf(r, "d03"), seriesOf(r, "d04"))
	}
}

// Claims relaying one source's version of an event disagree with another
// source's version once: one conflict naming them all.
func TestEventConflictNamesEveryClaimOfBothVersions(t *testing.T) {
	var events []claims.Entry
	for k := range 3 {
		events = append(events, eventClaim(t, fmt.Sprintf("tass%d", k), fmt.Sprintf("t%d", k), "TASS", "Outlet", "met",
			[]string{"Kim Jong Un"}, []string{"Vladimir Putin"}, "2023-09-13", "day"))
	}
	for k := range 2 {
		events = append(events, eventClaim(t, fmt.Sprintf("yonhap%d", k), fmt.Sprintf("y%d", k), "Yonhap", "Outlet", "met",
			[]string{"Kim Jong Un"}, []string{"Vladimir Putin"}, "2023-09-14", "day"))
	}
	r := Reconcile(events, claims.Options{})
	var conflicts []claims.Finding
	for _, f := range r.Findings {
		if f.Type == claims.Conflict {
			conflicts = append(conflicts, f)
		}
	}
	want := []string{"tass0", "tass1", "tass2", "yonhap0", "yonhap1"}
	if len(conflicts) != 1 || !slices.Equal(conflicts[0].Claims, want) {
		t.Fatalf("conflicts %+v, want one naming %q", conflicts, want)
	}
	if !strings.Contains(conflicts[0].Summary, "TASS says 2023-09-13, Yonhap says 2023-09-14") {
		t.Errorf("summary %q", conflicts[0].Summary)
	}
}
