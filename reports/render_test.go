package reports

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"claimtrack/claims"
)

func num(v float64) *float64 { return &v }

func TestFormatNumberGroupsWholeDigitsOnly(t *testing.T) {
	for v, want := range map[float64]string{1041.5: "1,041.5", 7.85: "7.85", -12000: "-12,000", 9e6: "9,000,000"} {
		if got := FormatNumber(&v); got != want {
			t.Errorf("FormatNumber(%v) = %q, want %q", v, got, want)
		}
	}
}

func TestFormatSpan(t *testing.T) {
	for _, tc := range []struct {
		lo, hi float64
		want   string
	}{
		{11000 * 0.9, 11000 * 1.1, "9,900–12,100"}, // float noise rounded away
		{100, math.Inf(1), "≥100"},
		{math.Inf(-1), 5, "≤5"},
		{283, 283, "283"},
		{math.Inf(-1), math.Inf(1), "any"},
	} {
		if got := formatSpan(tc.lo, tc.hi); got != tc.want {
			t.Errorf("formatSpan(%v, %v) = %q, want %q", tc.lo, tc.hi, got, tc.want)
		}
	}
}

func TestBarDrawsIntervalValueAndOpenBounds(t *testing.T) {
	exact := Point{Entry: &claims.Entry{Claim: claims.Claim{Value: claims.Value{Low: num(50), High: num(50)}}}, Low: 40, High: 60}
	if got := bar(exact, 0, 100, 11); got != "    ├●┤    " {
		t.Errorf("exact: %q", got)
	}
	atLeast := Point{Entry: &claims.Entry{Claim: claims.Claim{Value: claims.Value{Low: num(20)}}}, Low: 20, High: math.Inf(1)}
	if got := bar(atLeast, 0, 100, 11); got != "  ●───────→" {
		t.Errorf("at least: %q", got)
	}
}

func TestNiceTicksAreRoundAndCoverTheRange(t *testing.T) {
	for _, tc := range []struct {
		lo, hi float64
		want   []float64
	}{
		{0, 4400, []float64{0, 1000, 2000, 3000, 4000, 5000}},
		{7.3, 7.9, []float64{7.2, 7.4, 7.6, 7.8, 8}},
	} {
		if got := niceTicks(tc.lo, tc.hi); !slices.Equal(got, tc.want) {
			t.Errorf("niceTicks(%v, %v) = %v, want %v", tc.lo, tc.hi, got, tc.want)
		}
	}
}

func TestChainTextEndsAtTheRoot(t *testing.T) {
	relayed := claims.Entry{Outlet: "ANI", Claim: claims.Claim{Attribution: claims.Attribution{
		Chain: []string{"ANI", "CNN", "the NIS"}, Root: "National Intelligence Service"}}}
	if got, want := ChainText(relayed), "ANI → CNN → the NIS (root: National Intelligence Service)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	own := claims.Entry{Outlet: "Reuters"}
	if got, want := ChainText(own), "Reuters's own report"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestMarkedSentence(t *testing.T) {
	e := claims.Entry{Claim: claims.Claim{Text: "11,000 troops", Sentence: "It sent 11,000 troops."}}
	if got := MarkedSentence(e, Style{}.Mark); got != "It sent »11,000 troops«." {
		t.Errorf("got %q", got)
	}
	if got := MarkedSentence(e, Style{Color: true}.Mark); !strings.Contains(got, "\x1b[") {
		t.Errorf("a colour style should mark with ANSI codes: %q", got)
	}
}

func TestPlainStyleWritesNoEscapes(t *testing.T) {
	var st Style
	for _, s := range []string{st.Bold("x"), st.Dim("x"), st.Verdict("conflict", "x")} {
		if s != "x" {
			t.Errorf("plain style changed text: %q", s)
		}
	}
}

func TestPointsAround(t *testing.T) {
	points := make([]Point, 10)
	for i := range points {
		points[i].Entry = &claims.Entry{}
		points[i].ID = strconv.Itoa(i)
	}
	ids := func(ps []Point) string {
		var s []string
		for _, p := range ps {
			s = append(s, p.ID)
		}
		return strings.Join(s, " ")
	}
	for _, tt := range []struct {
		id   string
		n    int
		want string
	}{
		{"5", 4, "3 4 5 6"},
		{"0", 4, "0 1 2 3"},
		{"9", 4, "6 7 8 9"},
		{"8", 3, "7 8 9"},
		{"missing", 3, "0 1 2"},
		{"5", 10, "0 1 2 3 4 5 6 7 8 9"},
		{"5", 20, "0 1 2 3 4 5 6 7 8 9"},
	} {
		if got := ids(pointsAround(points, tt.id, tt.n)); got != tt.want {
			t.Errorf("pointsAround(%s, %d) = %s, want %s", tt.id, tt.n, got, tt.want)
		}
	}
}

// dailyPoints makes n points, one a day from 2024-01-01, with ids and values
// counting up from 1000 and 100; with, when set, adds to each entry.
func dailyPoints(n int, with func(*claims.Entry)) []Point {
	var points []Point
	for i := range n {
		e := claims.Entry{}
		e.ID = strconv.Itoa(1000 + i)
		e.Value = claims.Value{Low: num(float64(100 + i)), High: num(float64(100 + i)), Qualifier: claims.Exact}
		e.AsOf = claims.Date{Time: claims.NewDate(2024, 1, 1).AddDate(0, 0, i)}
		if with != nil {
			with(&e)
		}
		points = append(points, NewPoint(&e, claims.Options{}))
	}
	return points
}

func TestAuditChartsTheClaimsItLists(t *testing.T) {
	points := dailyPoints(3*auditTimelineRows, nil)
	a := Audit{Point: points[40], Series: &SeriesView{Points: points}}
	var out strings.Builder
	if err := a.Write(&out, Table, 100, Style{}); err != nil {
		t.Fatal(err)
	}
	// Chart lines start with the date and end with the figure.
	charted := 0
	for line := range strings.Lines(out.String()) {
		if strings.HasPrefix(line, "2024-") {
			charted++
		}
	}
	if charted != auditTimelineRows {
		t.Errorf("the chart draws %d claims, want the %d the table lists:\n%s", charted, auditTimelineRows, out.String())
	}
}

func TestAuditListsTheSourcesClaimsNearestInTime(t *testing.T) {
	echoes := dailyPoints(3*auditTimelineRows, func(e *claims.Entry) {
		e.Document = "echo-" + e.ID
		e.Attribution = claims.Attribution{Chain: []string{"Reuters", "Pentagon"}, Root: "Pentagon"}
	})
	audited := echoes[60]
	audited.Document = "audited.txt"
	a := Audit{Point: audited, Echoes: slices.Delete(slices.Clone(echoes), 60, 61), SourceClaims: len(echoes) - 1}
	var out strings.Builder
	if err := a.Write(&out, Table, 200, Style{}); err != nil {
		t.Fatal(err)
	}
	listed := strings.Count(out.String(), "echo-")
	if listed != auditTimelineRows {
		t.Errorf("the audit lists %d claims of its source, want %d:\n%s", listed, auditTimelineRows, out.String())
	}
	// The window is centred on the audited claim, day 60: days 48 to 73 but 60.
	for day, want := range map[string]bool{"echo-1047": false, "echo-1048": true, "echo-1073": true, "echo-1074": false} {
		if strings.Contains(out.String(), day) != want {
			t.Errorf("the audit lists %s: %t, want %t:\n%s", day, !want, want, out.String())
		}
	}
	if !strings.Contains(out.String(), "listed are the 25 nearest this claim in time") {
		t.Errorf("the audit does not say it lists the 25 nearest:\n%s", out.String())
	}
}

// An implied total open above ("at least 11,000 sent and at least 25,000
// more") has no upper bound, which JSON writes as null: +Inf stopped the
// export half-way.
func TestOpenImpliedTotalExportsAsNull(t *testing.T) {
	group := claims.Group{ID: "g", Label: "troops", Claims: []string{"a", "b"},
		ImpliedTotals: []claims.Total{{Series: "s", Low: 36000, High: math.Inf(1), From: []string{"a", "b"}, Label: "≥36,000"}}}
	var b strings.Builder
	if err := WriteGroups(&b, JSONL, []claims.Group{group}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"low":36000,"high":null`) {
		t.Errorf("got %s", b.String())
	}
}

// A chart stays inside its box: open bounds (arrows at the edge of the
// scale), a period's span starting before the first day, and the unit's
// title up the side all lie within the SVG's view box.
func TestChartStaysInsideItsBox(t *testing.T) {
	points := dailyPoints(4, func(e *claims.Entry) {
		e.Unit = "deaths"
		switch e.ID {
		case "1000": // "more than 100": open above
			e.Value = claims.Value{Low: num(100), Qualifier: claims.MoreThan}
		case "1002": // a figure for the month before
			e.Period = claims.Period{Start: claims.NewDate(2023, 12, 1), End: e.AsOf, Precision: claims.PrecisionMonth}
		}
	})
	chart, _ := seriesChart(SeriesView{Points: points}, func(string) bool { return true })
	svg := string(chart)
	for _, want := range []string{`class="axis-title"`, ">deaths</text>", `class="span"`, `<path d="M`} {
		if !strings.Contains(svg, want) {
			t.Errorf("the chart lacks %s", want)
		}
	}
	coordinate := regexp.MustCompile(`\b(x1|x2|cx|x|y1|y2|cy|y)="(-?[0-9.]+)"`)
	for _, m := range coordinate.FindAllStringSubmatch(svg, -1) {
		v, _ := strconv.ParseFloat(m[2], 64)
		limit := float64(svgWidth)
		if strings.HasPrefix(m[1], "y") || m[1] == "cy" {
			limit = svgHeight
		}
		if v < 0 || v > limit {
			t.Errorf("%s=%s lies outside the %dx%d box", m[1], m[2], svgWidth, svgHeight)
		}
	}
	for _, m := range regexp.MustCompile(`<path d="M([0-9.]+) ([0-9.]+) l-4 (-?[0-9.]+)`).FindAllStringSubmatch(svg, -1) {
		y, _ := strconv.ParseFloat(m[2], 64)
		dy, _ := strconv.ParseFloat(m[3], 64)
		if y+dy < 0 || y+dy > svgHeight {
			t.Errorf("an arrowhead reaches %v, outside the box", y+dy)
		}
	}
}

func TestStoryCounts(t *testing.T) {
	series := func(group string, findings ...claims.FindingType) SeriesView {
		v := SeriesView{GroupLabel: "story " + group}
		v.Group = group
		for _, f := range findings {
			v.Findings = append(v.Findings, claims.Finding{Type: f})
		}
		return v
	}
	got := storyCounts([]SeriesView{
		series("a", claims.Change), series("b", claims.Conflict), series("a", claims.Change, claims.Corroboration),
		series("c"), series("c"), series("c"),
	})
	want := []StoryCount{
		{ID: "b", Label: "story b", Series: 1, Conflicts: 1},                  // a conflict first
		{ID: "a", Label: "story a", Series: 2, Changes: 2, Corroborations: 1}, // then changes
		{ID: "c", Label: "story c", Series: 3},                                // then the most series
	}
	if !slices.Equal(got, want) {
		t.Errorf("storyCounts = %+v, want %+v", got, want)
	}
}
