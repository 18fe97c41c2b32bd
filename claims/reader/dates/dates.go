// Package dates finds the dates, periods, durations and times of day that news
// text mentions and resolves them against the article's publication date.
//
// Resolution never looks at the clock: relative words ("on Saturday", "last
// year", "over the past year and a half") are read against the reference date
// passed to Scan. News looks back, so a weekday or a month given without a
// year is the most recent one on or before the reference date unless
// Options.Future asks for the next one.
//
// Scan tokenizes the text once and walks the tokens with a small hand-written
// grammar; it uses no regular expressions. The month, weekday and other word
// lists live in words.txt.
package dates

import (
	"sync"
	"time"

	"claimtrack/claims"
)

// Kind says what a mention names.
type Kind string

const (
	KindDate     Kind = "date"     // a day, a month or a year
	KindPeriod   Kind = "period"   // a span with two ends
	KindDuration Kind = "duration" // a length of time not tied to the calendar ("three months")
	KindTime     Kind = "time"     // a time of day
)

// Mention is one date expression found in the text.
type Mention struct {
	Start, End int // byte offsets of the whole expression, relation word included
	Text       string
	Kind       Kind
	// From and To are the resolved span at UTC midnight, both days included:
	// a single day has From == To, a month runs from its first day to its
	// last. Both are zero when the text cannot be resolved (no reference
	// date, or an impossible day such as February 30).
	From, To  time.Time
	Precision claims.Precision
	// Relation is the word that ties a figure to the date: "on", "in", "at",
	// "since", "by", "as of", "until", "between", "over", "during", "for",
	// "within", "before", "after", or "" when there is none. After "by",
	// "as of" and "until" the figure holds at To; "since" makes a period
	// that ends at the reference date.
	Relation string
	Weekday  bool // the day was found from a weekday name ("on Saturday")
	// YearKnown is false when the text gives no year and there is no
	// reference date to take it from.
	YearKnown bool
	// Month and Day are the month and day of month the text names for a
	// single date, kept even when the year is unknown ("Jan. 27").
	Month time.Month
	Day   int
	Days  int // length of a duration in days, approximate for months and years
}

// Options changes how dates without a year resolve.
type Options struct {
	// Future resolves a weekday, month or day without a year forward from
	// the reference date ("on Sunday, Kim will go…") instead of back.
	Future bool
	// Year, when ref is zero, is the year of an article whose day is not
	// known: a month, or a month and day, written without a year falls in
	// it ("on September 28" in a piece of 2023). Weekdays and relative days
	// stay unresolved, having no day to count from.
	Year int
}

// Scan finds the date expressions in s, in text order. ref is the
// publication date; when it is zero only dates that carry their own year are
// resolved.
func Scan(s string, ref time.Time, opts Options) []Mention {
	if !ref.IsZero() {
		ref = time.Date(ref.Year(), ref.Month(), ref.Day(), 0, 0, 0, 0, time.UTC)
	}
	sc := scratchPool.Get().(*scratch)
	p := parser{text: s, toks: tokenize(s, sc.toks[:0]), ref: ref, future: opts.Future, year: opts.Year, lastEnd: -1}
	found := sc.found[:0]
	for i := 0; i < len(p.toks); {
		if !p.canStart(i) {
			i++
			continue
		}
		m, next, ok := p.mention(i)
		if !ok {
			i++
			continue
		}
		if m.Kind == KindTime && len(found) > 0 {
			m = p.placeTime(m, found[len(found)-1])
		}
		if n := len(found); n > 0 && p.continuesList(found[n-1], m) {
			found[n-1] = p.joinList(found[n-1], m)
			i, p.lastEnd = next, next
			continue
		}
		found = append(found, m)
		i, p.lastEnd = next, next
	}
	var out []Mention
	if len(found) > 0 {
		out = append(make([]Mention, 0, len(found)), found...)
	}
	clear(found) // the pooled mentions must not keep this text alive
	sc.toks, sc.found = p.toks[:0], found[:0]
	scratchPool.Put(sc)
	return out
}

// continuesList reports whether m follows prev in a list of dates that
// together make one span: "in October and November", "in 2023, 2024 and
// 2025". The dates must be alike and follow on from each other: "in October
// and December" leaves November out, so it stays two dates.
func (p *parser) continuesList(prev, m Mention) bool {
	if m.Kind != KindDate || prev.Kind != KindDate && prev.Kind != KindPeriod || m.Relation != "" ||
		m.Precision != prev.Precision || prev.To.IsZero() || m.From.IsZero() || !prev.To.AddDate(0, 0, 1).Equal(m.From) {
		return false
	}
	switch p.text[prev.End:m.Start] {
	case " and ", ", ", ", and ":
		return true
	}
	return false
}

// joinList makes prev and the date m that continues its list one period.
func (p *parser) joinList(prev, m Mention) Mention {
	prev.Kind, prev.End, prev.To = KindPeriod, m.End, m.To
	prev.Text = p.text[prev.Start:m.End]
	prev.Month, prev.Day = 0, 0
	return prev
}

// scratch is the working memory of one Scan, kept between calls: the claim
// reader scans many texts, and one exact-size copy of the mentions is all a
// call then allocates.
type scratch struct {
	toks  []token
	found []Mention
}

var scratchPool = sync.Pool{New: func() any { return &scratch{toks: make([]token, 0, 1024)} }}
