package reports

import (
	"encoding/json"
	"io"
	"slices"
	"strings"

	"claimtrack/claims"
)

// Audit is everything about one claim: where it stands, who said it, what it
// allows, how it compares with the rest of its series, and who else relays
// its source.
type Audit struct {
	Point
	Series   *SeriesView      // nil when the claim is in no series (not reconciled yet)
	Findings []claims.Finding // those naming the claim, conflicts first
	Echoes   []Point          // claims in other documents from the same root source, by date
	// SourceClaims counts the root source's claims in other documents, of
	// which Echoes lists those of the series and the last stored on a large
	// ledger; counting stopped there when SourceClaimsCapped.
	SourceClaims       int
	SourceClaimsCapped bool
}

// BuildAudit audits target against the snapshot, whose entries should hold at
// least the target's series and the claims of its root source to list.
func BuildAudit(target claims.Entry, l Snapshot) Audit {
	a := Audit{Point: NewPoint(&target, l.Options)}
	x := indexSnapshot(l)
	for _, s := range l.Series {
		if s.ID == target.Series {
			v := x.seriesView(s)
			a.Series = &v
		}
	}
	for _, f := range l.Findings {
		if slices.Contains(f.Claims, target.ID) {
			a.Findings = append(a.Findings, f)
		}
	}
	slices.SortStableFunc(a.Findings, func(p, q claims.Finding) int { return p.Type.Rank() - q.Type.Rank() })
	if target.Attribution.Root != "" {
		seen := map[string]bool{}
		for i := range l.Entries {
			if e := &l.Entries[i]; e.Attribution.Root == target.Attribution.Root && e.Document != target.Document && !seen[e.ID] {
				seen[e.ID] = true
				a.Echoes = append(a.Echoes, NewPoint(e, l.Options))
			}
		}
		slices.SortFunc(a.Echoes, byTime)
	}
	return a
}

// verdict says how another claim compares with the audited one: the types of
// the findings naming both, or "audited" for the claim itself.
func (a Audit) verdict(p Point) string {
	if p.ID == a.ID {
		return "this claim"
	}
	var kinds []string
	for _, f := range a.Findings {
		if slices.Contains(f.Claims, p.ID) && !slices.Contains(kinds, string(f.Type)) {
			kinds = append(kinds, string(f.Type))
		}
	}
	return strings.Join(kinds, ", ")
}

// MarkedSentence returns the claim's sentence with its words passed through
// mark, or the words alone when the sentence does not hold them.
func MarkedSentence(e claims.Entry, mark func(string) string) string {
	k := strings.Index(e.Sentence, e.Text)
	if k < 0 || e.Text == "" {
		return mark(e.Text)
	}
	return e.Sentence[:k] + mark(e.Text) + e.Sentence[k+len(e.Text):]
}

// ChainText writes who relayed a claim, from the outlet down to the root
// source: "ANI → CNN → Ukrainian intelligence (root)", naming the root as
// merged when the text spells it otherwise.
func ChainText(e claims.Entry) string {
	root := e.Attribution.Root
	if len(e.Attribution.Chain) == 0 && root == "" {
		if e.Outlet == "" {
			return "the document's own report"
		}
		return e.Outlet + "'s own report"
	}
	var links []string
	for _, name := range append([]string{e.Outlet}, e.Attribution.Chain...) {
		if name != "" && (len(links) == 0 || !strings.EqualFold(links[len(links)-1], name)) {
			links = append(links, name)
		}
	}
	switch last := links[len(links)-1]; {
	case root == "":
		return strings.Join(links, " → ")
	case strings.EqualFold(last, root):
		return strings.Join(links, " → ") + " (root)"
	}
	return strings.Join(links, " → ") + " (root: " + root + ")"
}

// facts are the audit's key–value lines, in reading order.
func (a Audit) facts() [][2]string {
	source := sourceLine(a.Speaker)
	if a.Speaker.Kind != "" {
		source += ", " + a.Speaker.Kind
	}
	qualifier := "none: no figure"
	if a.HasValue() {
		qualifier = qualifierWords(a.Value.Qualifier) + ", standing for " + a.StandsFor()
	}
	facts := [][2]string{
		{"Claim", a.ID},
		{"Document", a.Document},
		{"Outlet", orDash(a.Outlet)},
		{"Published", orDash(a.Published.String())},
		{"Attribution", ChainText(*a.Entry)},
		{"Source", source},
		{"Figure", figureText(a.Point)},
		{"Qualifier", qualifier},
		{"As of", orDash(a.AsOf.String())},
	}
	if !a.Period.IsZero() {
		period := a.Period.Start.String() + " to " + a.Period.End.String()
		if a.Period.Precision != "" {
			period += " (" + string(a.Period.Precision) + ")"
		}
		facts = append(facts, [2]string{"Period", period})
	}
	return facts
}

// figureText says what a claim counts: "~11,000 soldiers · sent · planned".
func figureText(p Point) string {
	what := []string{strings.TrimSpace(p.Figure() + " " + p.Unit)}
	for _, s := range []string{p.Measure, p.Place} {
		if s != "" && s != p.Unit {
			what = append(what, s)
		}
	}
	if p.Modality != "" && p.Modality != claims.Actual {
		what = append(what, string(p.Modality))
	}
	if p.Incremental {
		what = append(what, "on top of an earlier figure")
	}
	return strings.Join(what, " · ")
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// Write renders the audit for the terminal (width 0: no limit) or as
// Markdown, as one JSON object, or as CSV rows of the claim's series with
// each row's verdict.
func (a Audit) Write(w io.Writer, f Format, width int, st Style) error {
	switch f {
	case CSV:
		if a.Series == nil {
			return timelineRows(SeriesView{Points: []Point{a.Point}}, a.verdict).Write(w, CSV, 0)
		}
		return timelineRows(*a.Series, a.verdict).Write(w, CSV, 0)
	case JSONL:
		return a.writeJSON(w)
	}
	t := &text{w: w, markdown: f == Markdown, width: width, st: st}
	t.heading(1, "Claim "+a.ID, "")
	mark := st.Mark
	if t.markdown {
		mark = func(s string) string { return "**" + s + "**" }
	}
	t.printf("%s\n\n", quote(MarkedSentence(*a.Entry, mark), t.markdown))
	for _, kv := range a.facts() {
		if t.markdown {
			t.printf("- **%s**: %s\n", kv[0], kv[1])
		} else {
			t.printf("  %-12s %s\n", kv[0], kv[1])
		}
	}
	t.printf("\n")

	t.heading(2, "Verdict", "")
	switch {
	case a.Series == nil:
		t.printf("Not reconciled yet: run claimtrack reconcile.\n\n")
	case len(a.Findings) == 0:
		t.printf("No finding names this claim (series status: %s).\n\n", a.Series.Status)
	default:
		for _, f := range a.Findings {
			t.finding(f)
		}
		t.printf("\n")
	}

	if a.Series != nil {
		t.heading(2, "Series: "+a.Series.Title(), string(a.Series.Status))
		t.printf("Story: %s · %s · %s · %s · %s\n\n", a.Series.GroupLabel, Plural(len(a.Series.Points), "claim"),
			Plural(len(a.Series.Latest), "independent source"), t.st.Verdict(string(a.Series.Status), string(a.Series.Status)),
			t.code("series "+a.Series.ID))
		near := *a.Series
		near.Points = pointsAround(a.Series.Points, a.ID, auditTimelineRows)
		if len(near.Points) < len(a.Series.Points) {
			t.printf("The %d claims nearest this one in time; %s lists all %d.\n\n",
				len(near.Points), t.code("claimtrack timeline "+a.Series.ID), len(a.Series.Points))
		}
		t.grid(timelineGrid(near, a.verdict))
		t.chart(near.Points) // the claims of the table: a chart of thousands says nothing
		t.totals(a.Series.Totals)
		if len(a.Series.Totals) > 0 {
			t.printf("\n")
		}
	}

	if a.Attribution.Root != "" {
		t.heading(2, "Other documents citing "+a.Attribution.Root, "")
		echoes := pointsNear(a.Echoes, a.Point, auditTimelineRows)
		if len(a.Echoes) == 0 {
			t.printf("None: only %s cites it.\n\n", a.Document)
		} else {
			g := Grid{Header: []string{"Document", "Outlet", "Published", "Value", "Text", "Claim"}, NumberColumns: []int{3},
				Drop: []int{1, 2, 0}}
			for _, p := range echoes {
				g.Rows = append(g.Rows, []string{p.Document, p.Outlet, p.Published.String(), p.Figure(), p.Text, shortID(p.ID)})
			}
			t.grid(g)
		}
		if a.SourceClaims > len(echoes) {
			more, listed := "", "those of this series and the last stored"
			if a.SourceClaimsCapped {
				more = "more than "
			}
			if len(echoes) < len(a.Echoes) {
				listed = "the " + FormatCount(len(echoes)) + " nearest this claim in time from this series and the last stored"
			}
			t.printf("%s has %s%s in other documents; listed are %s (all: %s).\n\n",
				a.Attribution.Root, more, Plural(a.SourceClaims, "claim"), listed, t.code("claimtrack claims --source '"+a.Attribution.Root+"'"))
		}
	}
	return t.err
}

// auditTimelineRows is how many claims of its series an audit lists, and how
// many claims of its root source in other documents: a series on a large
// ledger may hold thousands, and the timeline and claims commands list them all.
const auditTimelineRows = 25

// pointsAround keeps up to n of points (in time order), a window centred on
// the claim id, or the first n when no point is that claim.
func pointsAround(points []Point, id string, n int) []Point {
	return window(points, max(slices.IndexFunc(points, func(p Point) bool { return p.ID == id }), 0), n)
}

// pointsNear keeps up to n of points (in time order), a window centred on
// the first point not before p.
func pointsNear(points []Point, p Point, n int) []Point {
	at, _ := slices.BinarySearchFunc(points, p, byTime)
	return window(points, at, n)
}

// window keeps up to n of points, centred on points[at] as far as the ends allow.
func window(points []Point, at, n int) []Point {
	if len(points) <= n {
		return points
	}
	start := min(max(at-n/2, 0), len(points)-n)
	return points[start : start+n]
}

// quote sets a sentence apart: a Markdown quote, or indented in quotes.
func quote(s string, markdown bool) string {
	if markdown {
		return "> " + s
	}
	return "  “" + s + "”"
}

type auditRecord struct {
	ClaimRecord
	IntervalLow  *float64         `json:"interval_low"`
	IntervalHigh *float64         `json:"interval_high"`
	SpeaksFor    string           `json:"speaks_for"`
	SourceKind   string           `json:"source_kind"`
	SeriesLabel  *string          `json:"series_label"`
	SeriesStatus *claims.Status   `json:"series_status"`
	Timeline     []timelineRecord `json:"timeline"`
	Findings     []FindingRecord  `json:"findings"`
	Echoes       []pointRecord    `json:"echoes"`
	SourceClaims int              `json:"source_claims"`
	// SourceClaimsCapped: counting stopped at source_claims.
	SourceClaimsCapped bool `json:"source_claims_capped"`
}

func (a Audit) writeJSON(w io.Writer) error {
	rec := auditRecord{ClaimRecord: NewClaimRecord(*a.Entry), IntervalLow: finite(a.Low), IntervalHigh: finite(a.High),
		SpeaksFor: a.Speaker.Body, SourceKind: a.Speaker.Kind,
		Timeline: []timelineRecord{}, Findings: []FindingRecord{}, Echoes: []pointRecord{},
		SourceClaims: a.SourceClaims, SourceClaimsCapped: a.SourceClaimsCapped}
	if a.Series != nil {
		rec.SeriesLabel, rec.SeriesStatus = &a.Series.Label, &a.Series.Status
		for _, p := range a.Series.Points {
			rec.Timeline = append(rec.Timeline, newTimelineRecord(*a.Series, p))
		}
	}
	for _, f := range a.Findings {
		rec.Findings = append(rec.Findings, NewFindingRecord(f))
	}
	for _, p := range a.Echoes {
		rec.Echoes = append(rec.Echoes, newPointRecord(p))
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(rec)
}

// CandidatesGrid lists claims to choose from, numbered from 1.
func CandidatesGrid(entries []claims.Entry) Grid {
	g := Grid{Header: []string{"#", "Claim", "Document", "Outlet", "Published", "Value", "Text"}, NumberColumns: []int{0, 5},
		Drop: []int{3, 4, 2}}
	for i, e := range entries {
		g.Rows = append(g.Rows, []string{FormatCount(i + 1), e.ID, e.Document, e.Outlet, e.Published.String(),
			FormatValue(e.Value), e.Text})
	}
	return g
}
