package reader

import (
	"strconv"
	"strings"
	"time"

	"claimtrack/claims"
	"claimtrack/claims/reader/dates"
)

// when sets the date a figure describes and the period it covers. The date
// named nearest the figure in its own clause wins; a figure about an event
// ("the crowd", "the quake") without one takes the event's date named
// earlier; "over that period" and "that total" take the previous figure's
// time; otherwise the figure is as of the publication date.
func (d *document) when(s *sentenceInfo, c *claims.Claim, earlier []claims.Claim) {
	if m, ok := d.nearestDate(s, c); ok {
		if m.Kind == dates.Kind("period") || m.Precision != claims.Precision("day") || m.From != m.To {
			c.Period = claims.Period{Start: claims.Date{Time: m.From}, End: claims.Date{Time: m.To}, Precision: m.Precision}
			end := m.To
			if !d.ref.IsZero() && end.After(d.ref.Time) {
				end = d.ref.Time
			}
			c.AsOf = claims.Date{Time: end}
		} else {
			c.AsOf = claims.Date{Time: m.From}
		}
		return
	}
	lower := strings.ToLower(s.text)
	if strings.Contains(lower, "that period") || strings.Contains(lower, "the same period") ||
		strings.Contains(lower, "that total") || strings.Contains(lower, "that time") {
		for _, list := range [][]claims.Claim{earlier, d.claims} {
			if len(list) > 0 {
				prev := list[len(list)-1]
				c.AsOf, c.Period = prev.AsOf, prev.Period
				return
			}
		}
	}
	if _, scope := claims.MeasureClass(c.Measure); scope == "event" && !d.eventDate.IsZero() {
		c.AsOf = d.eventDate
		return
	}
	c.AsOf = d.ref
}

// nearestDate picks the resolved date mention closest to the figure within
// its clause; mentions that are part of the source's words ("said on
// Tuesday") count too, as the day the figure was given.
func (d *document) nearestDate(s *sentenceInfo, c *claims.Claim) (dates.Mention, bool) {
	var best dates.Mention
	bestDist := -1
	for _, m := range s.dates {
		if m.From.IsZero() || m.Kind == dates.Kind("duration") || m.Kind == dates.Kind("time") {
			continue
		}
		if m.Start < c.End && m.End > c.Start {
			continue
		}
		dist := m.Start - c.End
		between := ""
		if m.End <= c.Start {
			dist = c.Start - m.End
			between = d.doc.Text[m.End:c.Start]
			if strings.ContainsAny(between, ";") {
				continue
			}
		} else if m.Start >= c.End {
			between = d.doc.Text[c.End:m.Start]
		}
		if strings.Contains(between, ",") {
			dist += len(s.text) // another clause's date only when the figure's own has none
		}
		if bestDist < 0 || dist < bestDist {
			best, bestDist = m, dist
		}
	}
	return best, bestDist >= 0
}

// inferPublication works out the year of a dateline that gives only a month
// and a day: the article names a weekday for its own day ("said on Tuesday"
// under "KYIV, Nov 26"), so the year is the first one, not before any year
// the text mentions, in which that day fell on that weekday.
func inferPublication(doc *claims.Document, sentences []sentenceInfo) {
	if doc.DatelineMonth == 0 {
		return
	}
	latestYear := 0
	var weekday time.Weekday = -1
	for _, s := range sentences {
		for _, m := range dates.Scan(s.text, time.Time{}, dates.Options{}) {
			if m.YearKnown && !m.From.IsZero() && m.To.Year() > latestYear {
				latestYear = m.To.Year()
			}
			if m.Weekday && weekday < 0 {
				weekday = weekdayNamed(m.Text)
			}
		}
	}
	if weekday < 0 || latestYear == 0 {
		return
	}
	for y := latestYear; y < latestYear+12; y++ {
		day := time.Date(y, doc.DatelineMonth, doc.DatelineDay, 0, 0, 0, 0, time.UTC)
		if day.Weekday() == weekday {
			doc.Inferred = claims.Date{Time: day}
			doc.InferredReason = "the text names " + weekday.String() + " for the dateline's " +
				doc.DatelineMonth.String()[:3] + " " + strconv.Itoa(doc.DatelineDay) + ", first so in " + strconv.Itoa(y) +
				", the earliest year not before " + strconv.Itoa(latestYear) + " (the latest year the text mentions)"
			return
		}
	}
}

func weekdayNamed(text string) time.Weekday {
	lower := strings.ToLower(text)
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.Contains(lower, strings.ToLower(d.String())) {
			return d
		}
	}
	return -1
}
