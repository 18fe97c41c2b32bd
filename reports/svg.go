package reports

import (
	"fmt"
	"html/template"
	"math"
	"slices"
	"strings"
	"time"

	"claimtrack/claims"
)

// sideColours tell independent sources apart in charts: the Okabe–Ito
// palette, which stays distinct for colour-blind readers.
var sideColours = []string{"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"}

// Chart geometry in SVG user units; the chart scales to the page width.
const (
	svgWidth, svgHeight              = 760, 200
	svgLeft, svgRight                = 72, 20
	svgTop, svgBottom                = 16, 36
	svgPlotWidth, svgPlotHeight      = svgWidth - svgLeft - svgRight, svgHeight - svgTop - svgBottom
	svgDodge                         = 10 // spreads claims of one day apart
	svgPointRadius, svgCapHalfLength = 4.5, 5
)

// chartSide is one independent source in a chart, with its colour.
type chartSide struct {
	Name, Colour string
}

// seriesChart draws a series as a hand-written SVG: each dated claim at its
// day, its interval as an error bar, in its source's colour, linked to its
// audit. It returns the legend too; nothing when no claim has a date and a value.
func seriesChart(v SeriesView, linked func(id string) bool) (template.HTML, []chartSide) {
	var points []Point
	for _, p := range v.Points {
		if !p.When.IsZero() && p.HasValue() {
			points = append(points, p)
		}
	}
	// Past a few hundred claims a chart is a smear, and the page's weight;
	// it shows the latest.
	points = points[max(0, len(points)-chartedPoints):]
	lo, hi, ok := chartScale(points)
	if !ok {
		return "", nil
	}
	ticks := niceTicks(lo, hi)
	lo, hi = ticks[0], ticks[len(ticks)-1]
	y := func(v float64) float64 {
		v = max(lo, min(hi, v))
		return svgTop + (hi-v)/(hi-lo)*svgPlotHeight
	}
	days, x, perDay := dayPositions(points)

	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %d %d" role="img" aria-label="%s over time">`,
		svgWidth, svgHeight, template.HTMLEscapeString(v.Title()))
	for _, value := range ticks {
		fmt.Fprintf(&b, `<line class="grid" x1="%d" x2="%d" y1="%.1f" y2="%.1f"/>`, svgLeft, svgWidth-svgRight, y(value), y(value))
		fmt.Fprintf(&b, `<text class="tick" x="%d" y="%.1f" text-anchor="end">%s</text>`, svgLeft-6, y(value)+4, axisNumber(value))
	}
	fmt.Fprintf(&b, `<line class="axis" x1="%d" x2="%d" y1="%d" y2="%d"/>`, svgLeft, svgWidth-svgRight, svgTop+svgPlotHeight, svgTop+svgPlotHeight)
	for _, d := range dayLabels(days, x) {
		fmt.Fprintf(&b, `<text class="tick" x="%.1f" y="%d" text-anchor="middle">%s</text>`, x[d], svgHeight-12, d.Format("2006-01-02"))
	}

	if unit := chartUnit(points); unit != "" {
		// The unit, up the left edge: what the numbers on the axis count.
		fmt.Fprintf(&b, `<text class="axis-title" x="%d" y="%d" transform="rotate(-90 %d %d)" text-anchor="middle">%s</text>`,
			14, svgTop+svgPlotHeight/2, 14, svgTop+svgPlotHeight/2, template.HTMLEscapeString(unit))
	}

	colours, legend := sideLegend(points)
	placed := map[time.Time]int{}
	for _, p := range points {
		// Claims of one day stand side by side rather than on top of each other.
		n, k := perDay[p.When.Time], placed[p.When.Time]
		placed[p.When.Time]++
		cx := x[p.When.Time] + (float64(k)-float64(n-1)/2)*svgDodge
		if start := p.Period.Start.Time; !start.IsZero() && start.Before(p.When.Time) {
			// A figure for a period spans it, from its first day to the
			// day it describes, at its value.
			writeSpan(&b, xAt(days, x, start), cx, y(spanValue(p)), colours[p.Speaker.Side])
		}
		writeErrorBar(&b, p, cx, y, colours[p.Speaker.Side], linked(p.ID))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()), legend
}

// chartUnit is what the charted claims count, when they agree on it.
func chartUnit(points []Point) string {
	unit := ""
	for _, p := range points {
		switch {
		case p.Unit == "":
		case unit == "":
			unit = p.Unit
		case p.Unit != unit:
			return ""
		}
	}
	return unit
}

// xAt places a day that is not one of the charted days (the start of a
// period) between the charted days around it, or at the left edge before
// the first.
func xAt(days []time.Time, x map[time.Time]float64, t time.Time) float64 {
	k, found := slices.BinarySearchFunc(days, t, func(d, t time.Time) int { return d.Compare(t) })
	switch {
	case found:
		return x[days[k]]
	case k == 0:
		return float64(svgLeft + 4)
	case k == len(days):
		return x[days[len(days)-1]]
	}
	before, after := days[k-1], days[k]
	share := float64(t.Sub(before)) / float64(after.Sub(before))
	return x[before] + share*(x[after]-x[before])
}

// spanValue is the height of a period's span: its stated figure, or the
// middle of a stated range.
func spanValue(p Point) float64 {
	switch {
	case p.Value.Low != nil && p.Value.High != nil:
		return (*p.Value.Low + *p.Value.High) / 2
	case p.Value.Low != nil:
		return *p.Value.Low
	case p.Value.High != nil:
		return *p.Value.High
	}
	return 0
}

// writeSpan draws the period a figure describes as a light band.
func writeSpan(b *strings.Builder, x1, x2, y float64, colour string) {
	fmt.Fprintf(b, `<line class="span" x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="%s" stroke-width="4" stroke-opacity="0.35"/>`,
		min(x1, x2), x2, y, y, colour)
}

// chartedPoints bounds the claims a chart draws: the latest of a series.
const chartedPoints = 120

// dayPositions places each day of the points (in time order) along the x
// axis in proportion to time, but never closer to the day before than their
// claims need to stand apart: a week of reports next to one a year later
// stays readable.
func dayPositions(points []Point) (days []time.Time, x map[time.Time]float64, perDay map[time.Time]int) {
	perDay = map[time.Time]int{}
	for _, p := range points {
		if perDay[p.When.Time] == 0 {
			days = append(days, p.When.Time)
		}
		perDay[p.When.Time]++
	}
	left, right := float64(svgLeft+24), float64(svgWidth-svgRight-24)
	x = map[time.Time]float64{}
	first, last := days[0], days[len(days)-1]
	if len(days) == 1 {
		x[first] = (left + right) / 2
		return days, x, perDay
	}
	pos := make([]float64, len(days))
	for i, d := range days {
		pos[i] = left + float64(d.Sub(first))/float64(last.Sub(first))*(right-left)
		if i > 0 {
			gap := float64(perDay[days[i-1]]+perDay[d])/2*svgDodge + 12
			pos[i] = max(pos[i], pos[i-1]+gap)
		}
	}
	// Pushing days apart may run past the right edge: squeeze back.
	scale := (right - left) / (pos[len(pos)-1] - left)
	for i, d := range days {
		x[d] = left + (pos[i]-left)*min(scale, 1)
	}
	return days, x, perDay
}

// dayLabels picks the days to write under the axis: the first and the last,
// and those between with room for their label.
func dayLabels(days []time.Time, x map[time.Time]float64) []time.Time {
	const room = 80 // a YYYY-MM-DD label, with a margin
	labels := []time.Time{days[0]}
	for _, d := range days[1:] {
		if x[d]-x[labels[len(labels)-1]] >= room {
			labels = append(labels, d)
		}
	}
	last := days[len(days)-1]
	if labels[len(labels)-1].Equal(last) {
		return labels
	}
	// The last day always gets its label, in place of any too close to it.
	for len(labels) > 1 && x[last]-x[labels[len(labels)-1]] < room {
		labels = labels[:len(labels)-1]
	}
	if x[last]-x[labels[0]] >= room {
		labels = append(labels, last)
	}
	return labels
}

// sideLegend gives each independent source a colour, in order of first
// appearance, named by its one source or, when several speak for it, by the
// body they speak for.
func sideLegend(points []Point) (map[string]string, []chartSide) {
	colours := map[string]string{}
	first := map[string]claims.Speaker{}
	names := map[string][]string{}
	var order []string
	for _, p := range points {
		side := p.Speaker.Side
		if _, ok := colours[side]; !ok {
			colours[side] = sideColours[len(order)%len(sideColours)]
			first[side] = p.Speaker
			order = append(order, side)
		}
		if !slices.Contains(names[side], p.Speaker.Name) {
			names[side] = append(names[side], p.Speaker.Name)
		}
	}
	legend := make([]chartSide, len(order))
	for i, side := range order {
		name := sourceLine(first[side])
		if len(names[side]) > 1 {
			name = first[side].Body + " (" + strings.Join(names[side], ", ") + ")"
		}
		legend[i] = chartSide{Name: name, Colour: colours[side]}
	}
	return colours, legend
}

// writeErrorBar draws one claim: a line over its interval with caps (an
// arrowhead where the interval is open), and its stated figure as a dot, or
// as a bar for a stated range.
func writeErrorBar(b *strings.Builder, p Point, cx float64, y func(float64) float64, colour string, linked bool) {
	top, bottom := svgTop, svgTop+svgPlotHeight
	y1, y2 := float64(top), float64(bottom)
	if !math.IsInf(p.High, 1) {
		y1 = y(p.High)
	}
	if !math.IsInf(p.Low, -1) {
		y2 = y(p.Low)
	}
	title := template.HTMLEscapeString(fmt.Sprintf("%s: %s (stands for %s), %s — %s",
		p.Speaker.Name, p.Figure(), p.StandsFor(), p.When, p.Outlet))
	if linked {
		fmt.Fprintf(b, `<a href="#claim-%s">`, p.ID)
	}
	fmt.Fprintf(b, `<g stroke="%s" fill="%s"><title>%s</title>`, colour, colour, title)
	fmt.Fprintf(b, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke-width="1.6"/>`, cx, cx, y1, y2)
	for _, end := range []struct {
		open bool
		at   float64
		tip  float64 // which way an arrowhead points
	}{{math.IsInf(p.High, 1), y1, -1}, {math.IsInf(p.Low, -1), y2, 1}} {
		if end.open {
			fmt.Fprintf(b, `<path d="M%.1f %.1f l-4 %.1f h8 z" stroke="none"/>`, cx, end.at, -7*end.tip)
		} else {
			fmt.Fprintf(b, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke-width="1.6"/>`,
				cx-svgCapHalfLength, cx+svgCapHalfLength, end.at, end.at)
		}
	}
	switch {
	case p.Value.Low != nil && p.Value.High != nil && *p.Value.Low != *p.Value.High:
		top, bottom := y(*p.Value.High), y(*p.Value.Low)
		fmt.Fprintf(b, `<rect x="%.1f" y="%.1f" width="6" height="%.1f" rx="2"/>`, cx-3, top, max(bottom-top, 2))
	case p.Value.Low != nil:
		fmt.Fprintf(b, `<circle cx="%.1f" cy="%.1f" r="%.1f"/>`, cx, y(*p.Value.Low), svgPointRadius)
	case p.Value.High != nil:
		fmt.Fprintf(b, `<circle cx="%.1f" cy="%.1f" r="%.1f"/>`, cx, y(*p.Value.High), svgPointRadius)
	}
	b.WriteString(`</g>`)
	if linked {
		b.WriteString(`</a>`)
	}
}

// axisNumber writes a tick label short: 1,500, 36k, 4.8M, 7.45.
func axisNumber(v float64) string {
	v = tidy(v)
	switch a := math.Abs(v); {
	case a >= 1e6:
		return trimFloat(v/1e6) + "M"
	case a >= 1e4:
		return trimFloat(v/1e3) + "k"
	}
	return FormatNumber(&v)
}

func trimFloat(v float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.1f", v), "0"), ".")
}

// niceTicks splits [lo, hi] into about five steps of 1, 2, 2.5 or 5 times
// a power of ten, widened to whole steps, so axis labels are round numbers.
func niceTicks(lo, hi float64) []float64 {
	if hi <= lo {
		hi = lo + 1
	}
	rough := (hi - lo) / 5
	magnitude := math.Pow10(int(math.Floor(math.Log10(rough))))
	step := 10 * magnitude
	for _, m := range []float64{1, 2, 2.5, 5} {
		if m*magnitude >= rough {
			step = m * magnitude
			break
		}
	}
	var ticks []float64
	for k := math.Floor(lo / step); k <= math.Ceil(hi/step); k++ {
		ticks = append(ticks, tidy(k*step))
	}
	return ticks
}
