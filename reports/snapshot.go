package reports

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"claimtrack/claims"
)

// Snapshot is what reports are built from: stored claims and what the
// reconciler concluded about them. Entries may be a subset (a date filter, one
// series); the lists of groups, series and findings are whole.
type Snapshot struct {
	Documents, Claims int // how many are stored, whatever Entries holds
	Entries           []claims.Entry
	Groups            []claims.Group
	Series            []claims.Series
	Findings          []claims.Finding
	// Options are those the reconciliation was computed with: intervals
	// are shown at its tolerance.
	Options claims.Options
}

// Point is one claim placed in time, with who stands behind it and the
// interval of true values its qualifier allows.
type Point struct {
	*claims.Entry // shared with the snapshot, not copied: a ledger's claims are most of a report's memory
	Speaker       claims.Speaker
	When          claims.Date // the day the figure describes
	Low, High     float64     // may be infinite: "at least 100" is 100–+Inf
}

// NewPoint places a claim on the day it describes, with its interval at the
// reconciliation's options.
func NewPoint(e *claims.Entry, opt claims.Options) Point {
	p := Point{Entry: e, Speaker: claims.SpeakerOf(*e), When: e.Day()}
	p.Low, p.High = claims.Interval(e.Claim, opt)
	return p
}

// Figure writes what a point states: its value the way a reader says it, or
// for a claim with no figure (an event) the start of its own words.
func (p Point) Figure() string {
	if !p.HasValue() {
		return "“" + clip(p.Text, eventWords) + "”"
	}
	return FormatValue(p.Value)
}

// eventWords is how much of an event's words a table shows.
const eventWords = 48

// clip cuts s to at most n runes, marking the cut with an ellipsis.
func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return strings.TrimSpace(string(r[:n-1])) + "…"
	}
	return s
}

// StandsFor writes the interval of true values the figure allows, "" for a
// claim with no figure.
func (p Point) StandsFor() string {
	if !p.HasValue() {
		return ""
	}
	return formatSpan(p.Low, p.High)
}

// HasValue reports whether the claim states a figure; events do not.
func (p Point) HasValue() bool { return p.Value.Low != nil || p.Value.High != nil }

// byTime orders points by the day they describe, then by publication, then by id.
func byTime(a, b Point) int {
	return cmp.Or(a.When.Compare(b.When.Time), a.Published.Compare(b.Published.Time), cmp.Compare(a.ID, b.ID))
}

// SeriesView is one series with its claims in time order and what was found
// about it.
type SeriesView struct {
	claims.Series
	GroupLabel string
	Points     []Point // every claim of the series that is in the snapshot's entries, by date
	// Earlier is how many earlier claims a limit left out of Points.
	Earlier int
	// Latest is the latest claim of each independent source, by date: what
	// each side says now.
	Latest   []Point
	Findings []claims.Finding // conflicts first, then changes, then the rest
	Totals   []claims.Total   // implied by the series' incremental claims
}

// Title names the series for people: its label, or its id when the
// reconciler gave it none.
func (v SeriesView) Title() string {
	if strings.Trim(v.Label, " ·") == "" {
		return "series " + v.ID
	}
	return v.Label
}

// snapshotIndex looks up what reports join: claims, groups and findings by id.
type snapshotIndex struct {
	entries  map[string]*claims.Entry
	groups   map[string]claims.Group
	findings map[string][]claims.Finding // by series id
	options  claims.Options
}

func indexSnapshot(l Snapshot) snapshotIndex {
	x := snapshotIndex{entries: make(map[string]*claims.Entry, len(l.Entries)), groups: map[string]claims.Group{},
		findings: map[string][]claims.Finding{}, options: l.Options}
	for i := range l.Entries {
		x.entries[l.Entries[i].ID] = &l.Entries[i] // not a copy: a ledger's claims are most of a report's memory
	}
	for _, g := range l.Groups {
		x.groups[g.ID] = g
	}
	for _, f := range l.Findings {
		if f.Series != "" {
			x.findings[f.Series] = append(x.findings[f.Series], f)
		}
	}
	return x
}

// seriesView gathers a series' claims, findings and implied totals.
func (x snapshotIndex) seriesView(s claims.Series) SeriesView {
	v := SeriesView{Series: s, GroupLabel: x.groups[s.Group].Label}
	for _, id := range s.Claims {
		if e, ok := x.entries[id]; ok {
			v.Points = append(v.Points, NewPoint(e, x.options))
		}
	}
	slices.SortFunc(v.Points, byTime)
	v.Latest = latestPerSide(v.Points)
	for _, f := range x.findings[s.ID] {
		// A finding stays when at least one of its claims is shown.
		if slices.ContainsFunc(f.Claims, func(id string) bool { _, ok := x.entries[id]; return ok }) {
			v.Findings = append(v.Findings, f)
		}
	}
	slices.SortStableFunc(v.Findings, func(a, b claims.Finding) int { return cmp.Compare(a.Type.Rank(), b.Type.Rank()) })
	for _, t := range x.groups[s.Group].ImpliedTotals {
		if t.Series == s.ID {
			v.Totals = append(v.Totals, t)
		}
	}
	return v
}

// latestPerSide keeps the last of points (in time order) for each
// independent source, in time order.
func latestPerSide(points []Point) []Point {
	last := map[string]int{}
	for i, p := range points {
		last[p.Speaker.Side] = i
	}
	var out []Point
	for i, p := range points {
		if last[p.Speaker.Side] == i {
			out = append(out, p)
		}
	}
	return out
}

// sourceLine names who stands behind a point: "senior US military official
// (United States)", or the outlet with "(own report)".
func sourceLine(s claims.Speaker) string {
	switch {
	case s.Own:
		return s.Name + " (own report)"
	case s.Body != s.Name && !strings.Contains(s.Name, s.Body):
		return s.Name + " (" + s.Body + ")"
	}
	return s.Name
}

// shortID is enough of a claim id to tell claims apart on screen; audit takes it.
func shortID(id string) string {
	if len(id) > 8 {
		return id[:8]
	}
	return id
}

// formatSpan writes an interval for people: "36,000–41,000", "283", "≥100"
// for one open at the top, "≤5" for one open at the bottom.
func formatSpan(lo, hi float64) string {
	lo, hi = tidy(lo), tidy(hi)
	switch {
	case math.IsInf(lo, -1) && math.IsInf(hi, 1):
		return "any"
	case math.IsInf(hi, 1):
		return "≥" + FormatNumber(&lo)
	case math.IsInf(lo, -1):
		return "≤" + FormatNumber(&hi)
	case lo == hi:
		return FormatNumber(&lo)
	}
	return FormatNumber(&lo) + "–" + FormatNumber(&hi)
}

// finite gives nil for an open bound, so JSON and CSV leave it empty.
func finite(v float64) *float64 {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return nil
	}
	v = tidy(v)
	return &v
}

// tidy rounds away the float noise of computed bounds (11,000 × 0.9 is
// 9,900.000000000002) by keeping six significant digits.
func tidy(v float64) float64 {
	if v == 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return v
	}
	scale := math.Pow10(5 - int(math.Floor(math.Log10(math.Abs(v)))))
	return math.Round(v*scale) / scale
}
