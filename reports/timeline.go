package reports

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// BuildSeries gathers one series from the snapshot: its claims in time order,
// what each independent source says now, its findings and implied totals.
func BuildSeries(l Snapshot, seriesID string) (SeriesView, bool) {
	for _, s := range l.Series {
		if s.ID == seriesID {
			return indexSnapshot(l).seriesView(s), true
		}
	}
	return SeriesView{}, false
}

// WriteTimeline renders a series over time: a table of every value by date
// and source, and a chart of their intervals, for the terminal (width 0: 80
// columns for the chart) or Markdown; or a row per claim as CSV or JSON Lines.
func WriteTimeline(w io.Writer, v SeriesView, f Format, width int, st Style) error {
	switch f {
	case CSV:
		return timelineRows(v, nil).Write(w, CSV, 0)
	case JSONL:
		records := make([]timelineRecord, len(v.Points))
		for i, p := range v.Points {
			records[i] = newTimelineRecord(v, p)
		}
		return WriteJSONL(w, records)
	}
	t := &text{w: w, markdown: f == Markdown, width: width, st: st}
	t.heading(1, v.Title(), string(v.Status))
	claimCount := Plural(len(v.Points), "claim")
	if v.Earlier > 0 {
		claimCount = Plural(len(v.Points)+v.Earlier, "claim") + ", the latest " + strconv.Itoa(len(v.Points)) + " listed"
	}
	t.printf("Story: %s · %s · %s · %s · %s\n\n", v.GroupLabel, claimCount,
		Plural(len(v.Latest), "independent source"), t.st.Verdict(string(v.Status), string(v.Status)), t.code("series "+v.ID))
	t.grid(timelineGrid(v, nil))
	t.chart(v.Points)
	for _, f := range v.Findings {
		t.finding(f)
	}
	t.totals(v.Totals)
	return t.err
}

// timelineGrid lists a series' claims by date for people; verdict, when
// given, adds a column saying how each claim compares with an audited one.
func timelineGrid(v SeriesView, verdict func(Point) string) Grid {
	g := Grid{Header: []string{"Date", "Source", "Value", "Stands for", "Outlet", "Published", "Claim"},
		NumberColumns: []int{2, 3}, Drop: []int{5, 4, 3}}
	if verdict != nil {
		g.Header = append(g.Header, "Verdict")
	}
	for _, p := range v.Points {
		row := []string{p.When.String(), sourceLine(p.Speaker), p.Figure(), p.StandsFor(),
			p.Outlet, p.Published.String(), shortID(p.ID)}
		if verdict != nil {
			row = append(row, verdict(p))
		}
		g.Rows = append(g.Rows, row)
	}
	return g
}

// timelineRows lists a series' claims by date for programs.
func timelineRows(v SeriesView, verdict func(Point) string) Grid {
	g := Grid{Header: []string{"series", "date", "source", "speaks_for", "value_low", "value_high", "qualifier",
		"interval_low", "interval_high", "published", "outlet", "document", "claim"}}
	if verdict != nil {
		g.Header = append(g.Header, "verdict")
	}
	for _, p := range v.Points {
		row := []string{v.ID, p.When.String(), p.Speaker.Name, p.Speaker.Body, number(p.Value.Low), number(p.Value.High),
			string(p.Value.Qualifier), number(finite(p.Low)), number(finite(p.High)), p.Published.String(),
			p.Outlet, p.Document, p.ID}
		if verdict != nil {
			row = append(row, verdict(p))
		}
		g.Rows = append(g.Rows, row)
	}
	return g
}

type timelineRecord struct {
	Series       string   `json:"series"`
	Label        string   `json:"label"`
	IntervalLow  *float64 `json:"interval_low"`
	IntervalHigh *float64 `json:"interval_high"`
	pointRecord
}

func newTimelineRecord(v SeriesView, p Point) timelineRecord {
	return timelineRecord{Series: v.ID, Label: v.Label, IntervalLow: finite(p.Low), IntervalHigh: finite(p.High),
		pointRecord: newPointRecord(p)}
}

// Chart layout, in columns: a line per claim is its date, its source, its
// interval on a shared scale and its value, in 80 columns or the terminal's width.
const (
	chartWidth       = 80
	chartDateWidth   = 10
	chartSourceWidth = 18
	chartValueWidth  = 14
)

// chart draws each point's interval as a bar on one scale: ├──●──┤ for a
// figure with its rounding or tolerance, an arrow where a bound is open.
func (t *text) chart(all []Point) {
	var points []Point
	for _, p := range all {
		if p.HasValue() {
			points = append(points, p)
		}
	}
	lo, hi, ok := chartScale(points)
	// One figure makes no timeline: the table above says it all.
	if !ok || len(points) < 2 {
		return
	}
	width := chartWidth
	if t.width > 0 {
		width = min(t.width, 100)
	}
	barWidth := width - chartDateWidth - chartSourceWidth - chartValueWidth - 3
	if t.markdown {
		t.printf("```\n")
	}
	for _, p := range points {
		t.printf("%-*s %s %s %s\n", chartDateWidth, p.When.String(), pad(p.Speaker.Name, chartSourceWidth),
			bar(p, lo, hi, barWidth), p.Figure())
	}
	lowLabel, highLabel := FormatNumber(&lo), FormatNumber(&hi)
	gap := max(1, barWidth-utf8.RuneCountInString(lowLabel)-utf8.RuneCountInString(highLabel))
	t.printf("%s%s%s%s\n", strings.Repeat(" ", chartDateWidth+1+chartSourceWidth+1), lowLabel, strings.Repeat(" ", gap), highLabel)
	if t.markdown {
		t.printf("```\n")
	}
	t.printf("\n")
}

// chartScale picks the axis: from zero when the values are small against
// the largest (counts), else around the values with a margin (magnitudes).
func chartScale(points []Point) (lo, hi float64, ok bool) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, p := range points {
		for _, v := range []float64{p.Low, p.High} {
			if !math.IsInf(v, 0) {
				lo, hi = min(lo, v), max(hi, v)
			}
		}
	}
	if lo > hi {
		return 0, 0, false
	}
	if lo >= 0 && lo < 0.5*hi {
		return 0, niceCeil(hi), true
	}
	margin := (hi - lo) * 0.1
	if margin == 0 {
		margin = math.Abs(hi) * 0.1
	}
	return tidy(lo - margin), tidy(hi + margin), true
}

// niceCeil rounds up to two significant digits, for an axis end a reader can take in.
func niceCeil(v float64) float64 {
	if v <= 0 {
		return 1
	}
	step := math.Pow10(int(math.Floor(math.Log10(v))) - 1)
	return math.Ceil(v/step) * step
}

// bar draws one interval on a scale of width columns.
func bar(p Point, lo, hi float64, width int) string {
	col := func(v float64) int {
		c := int(math.Round((v - lo) / (hi - lo) * float64(width-1)))
		return max(0, min(width-1, c))
	}
	cells := []rune(strings.Repeat(" ", width))
	from, to := 0, width-1
	if !math.IsInf(p.Low, -1) {
		from = col(p.Low)
	}
	if !math.IsInf(p.High, 1) {
		to = col(p.High)
	}
	for c := from; c <= to; c++ {
		cells[c] = '─'
	}
	cells[from], cells[to] = '├', '┤'
	if math.IsInf(p.Low, -1) {
		cells[from] = '←'
	}
	if math.IsInf(p.High, 1) {
		cells[to] = '→'
	}
	for _, v := range []*float64{p.Value.Low, p.Value.High} {
		if v != nil {
			cells[col(*v)] = '●'
		}
	}
	return string(cells)
}

// pad cuts or fills s to exactly n columns.
func pad(s string, n int) string {
	return fmt.Sprintf("%-*s", n, clip(s, n))
}
