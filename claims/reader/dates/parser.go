package dates

import (
	"strings"
	"time"

	"claimtrack/claims"
)

// parser walks the tokens of one text. Each grammar method takes the index
// of the token to start at and reports the piece it read, if any.
type parser struct {
	text    string
	toks    []token
	ref     time.Time // publication date, zero when unknown
	future  bool
	year    int // the article's year when ref is zero (Options.Year)
	lastEnd int // index of the token after the last mention, -1 before the first
}

// piece is one date expression before a relation word is applied.
type piece struct {
	end       int // index of the first token after the piece
	kind      Kind
	from, to  time.Time
	prec      claims.Precision
	weekday   bool
	yearKnown bool
	days      int
	amount    amount // a duration's length
	// The year, month and day the text wrote (0 when it did not), kept so
	// that a range can lend one end's month or year to the other:
	// "November 19 to 20", "from 4 to 22 January 1995".
	year, month, day int
	wday             int  // a lone weekday's number, -1 otherwise
	fixed            bool // resolved from words like "last" or "today": the fields above are not to be re-read
	bareDay          bool // a bare day number that needs a month from the range's other end
	weak             bool // a duration counted by "a" ("a year"), taken only after a relation word
	unknownMonth     bool // a day of "next month" or the like, with no reference date to find the month
}

// --- token helpers

func (p *parser) word(i int) *wordInfo {
	if i < 0 || i >= len(p.toks) || p.toks[i].word == 0 {
		return nil
	}
	return &vocabulary.words[p.toks[i].word]
}

func (p *parser) is(i int, k keyword) bool {
	w := p.word(i)
	return w != nil && w.key == k
}

func (p *parser) isPunct(i int, c byte) bool {
	return i >= 0 && i < len(p.toks) && p.toks[i].kind == punctToken && p.toks[i].punct == c
}

// glued reports whether token i exists and touches the token before it.
func (p *parser) glued(i int) bool { return i < len(p.toks) && !p.toks[i].spaced }

// skipPunct steps over token i when it is the mark c.
func (p *parser) skipPunct(i int, c byte) int {
	if p.isPunct(i, c) {
		return i + 1
	}
	return i
}

// skipWord steps over token i when it is the keyword k.
func (p *parser) skipWord(i int, k keyword) int {
	if p.is(i, k) {
		return i + 1
	}
	return i
}

// phraseAt finds the longest phrase of class c starting at token i and
// gives it with the index after it. c == 0 takes any class.
func (p *parser) phraseAt(i int, c class) (*phrase, int, bool) {
	w := p.word(i)
	if w == nil {
		return nil, i, false
	}
next:
	for k := range w.phrases {
		ph := &w.phrases[k]
		// A common word needs a capital; weekdayExpr checks weekdays itself.
		if c != 0 && ph.class != c || ph.common && !p.toks[i].capital && ph.class != weekdayClass {
			continue
		}
		for r, word := range ph.rest {
			if i+1+r >= len(p.toks) || p.toks[i+1+r].word != word {
				continue next
			}
		}
		return ph, i + 1 + len(ph.rest), true
	}
	return nil, i, false
}

func (p *parser) canStart(i int) bool {
	t := &p.toks[i]
	switch t.kind {
	case numberToken:
		return true
	case punctToken:
		return t.punct == '\''
	}
	return t.word != 0 && vocabulary.words[t.word].starts
}

// lean is how a weekday, month or day without a year resolves by default.
func (p *parser) defaultLean() lean {
	if p.future {
		return leanFuture
	}
	return leanPast
}

// --- mentions

// mention reads one whole expression at token i: an optional relation word,
// then a date, a range or a duration.
func (p *parser) mention(i int) (Mention, int, bool) {
	rel := ""
	j := i
	if ph, next, ok := p.phraseAt(i, relationClass); ok {
		rel, j = ph.name, next
	}
	if rel == "between" || rel == "from" {
		if pc, ok := p.rangeAt(j, rel == "between"); ok {
			return p.finish(i, pc, "between"), pc.end, true
		}
		if rel == "between" {
			return Mention{}, 0, false
		}
		// A lone "from" belongs to the figure ("up from 2019"), not the date.
		rel, i = "", j
	}
	pc, ok := p.expr(j, false)
	if !ok && p.bareDayRange(j) {
		// "4 to 23 next month": bare days that take the month written after them
		pc, ok = p.rangeAt(j, false)
	}
	if !ok && rel != "" {
		// "in just three months", "over nearly two years"
		if _, k, hedged := p.phraseAt(j, hedgeClass); hedged {
			pc, ok = p.expr(k, false)
			ok = ok && pc.kind == KindDuration
		}
	}
	if !ok || pc.weak && rel == "" {
		return Mention{}, 0, false
	}
	if pc.kind == KindDuration {
		if r, ok := p.durationUpTo(pc); ok {
			pc = r
		}
	}
	if r, ok := p.rangeTail(pc); ok {
		pc = r
		if rel == "" || rel == "from" {
			rel = "between"
		}
	}
	return p.finish(i, pc, rel), pc.end, true
}

// finish turns a piece and its relation into a Mention.
func (p *parser) finish(start int, pc piece, rel string) Mention {
	m := Mention{
		Start: p.toks[start].start, End: p.toks[pc.end-1].end,
		Kind: pc.kind, From: pc.from, To: pc.to, Precision: pc.prec,
		Relation: rel, Weekday: pc.weekday, YearKnown: pc.yearKnown, Days: pc.days,
	}
	m.Text = p.text[m.Start:m.End]
	if pc.kind == KindDate && pc.month > 0 && !pc.bareDay {
		m.Month, m.Day = time.Month(pc.month), pc.day
	}
	if rel == "since" && (pc.kind == KindDate || pc.kind == KindPeriod) &&
		!pc.from.IsZero() && !p.ref.IsZero() && !pc.from.After(p.ref) {
		m.Kind, m.To = KindPeriod, p.ref
	}
	if rel == "since" && p.ref.IsZero() && pc.year == 0 {
		// "since July" in an article of a known year but no known day runs
		// to a day not known.
		m.From, m.To, m.YearKnown = time.Time{}, time.Time{}, false
	}
	return m
}

// placeTime puts a time of day on the day just before it ("on Saturday at
// 4 pm"); otherwise it stays on the publication date.
func (p *parser) placeTime(m, prev Mention) Mention {
	between := strings.Trim(p.text[min(prev.End, m.Start):m.Start], " ,")
	if between == "" && prev.Kind == KindDate && prev.Precision == claims.PrecisionDay {
		m.From, m.To, m.YearKnown = prev.From, prev.To, prev.YearKnown
	}
	return m
}

// --- ranges

// rangeAt reads "X and Y" after "between", or "X to Y" after "from".
func (p *parser) rangeAt(i int, between bool) (piece, bool) {
	if pc, ok := p.dayRun(i); ok { // "between 4-22 January"
		return pc, true
	}
	a, ok := p.endpoint(i)
	if !ok {
		return piece{}, false
	}
	k, ok := p.connector(a.end, between)
	if !ok {
		return piece{}, false
	}
	b, ok := p.endpoint(k)
	if !ok {
		return piece{}, false
	}
	return p.join(a, b)
}

// bareDayRange reports whether a range of bare days may start at i: "4 to
// 23", "4-23".
func (p *parser) bareDayRange(i int) bool {
	n, ok := p.numeral(i)
	if !ok {
		return false
	}
	if _, ok := n.dayOfMonth(); ok {
		_, ok = p.connector(i+1, false)
		return ok
	}
	return n.groups == 2 && n.sep[0] == '-' && n.width[0] <= 2 && n.width[1] <= 2
}

// rangeTail reads "to Y" after a date: "Oct. 2 to October 22",
// "today till tomorrow", "Friday through Sunday".
func (p *parser) rangeTail(a piece) (piece, bool) {
	if a.kind != KindDate {
		return piece{}, false
	}
	k, ok := p.connector(a.end, false)
	if !ok {
		return piece{}, false
	}
	b, ok := p.endpoint(k)
	if !ok || b.bareDay && a.month == 0 {
		return piece{}, false
	}
	return p.join(a, b)
}

// connector steps over the word joining a range's ends.
func (p *parser) connector(i int, between bool) (int, bool) {
	switch {
	case p.isPunct(i, '-'):
		return i + 1, true
	case between && p.is(i, kwAnd):
		return i + 1, true
	case p.is(i, kwTo), p.is(i, kwThru):
		return i + 1, true
	}
	if ph, next, ok := p.phraseAt(i, relationClass); ok && ph.name == "until" {
		return next, true
	}
	return i, false
}

// endpoint reads one end of a range: any date, "now", a bare year, or a
// bare day number ("from 4 to 22 this month") whose month comes later.
func (p *parser) endpoint(i int) (piece, bool) {
	if p.is(i, kwNow) {
		return p.dayOffset(i+1, 0), true
	}
	if pc, ok := p.expr(i, false); ok && pc.kind != KindDuration {
		return pc, true
	}
	n, ok := p.numeral(i)
	if !ok || n.groups != 1 || n.plural {
		return piece{}, false
	}
	if y, ok := n.year(); ok {
		return p.calendar(i+1, y, 0, 0, p.defaultLean()), true
	}
	if d, ok := n.dayOfMonth(); ok {
		pc := piece{end: i + 1, kind: KindDate, day: d, wday: -1, bareDay: true}
		return p.monthTail(pc), true
	}
	return piece{}, false
}

// dayRun reads "4-22 January, 1995" or "4-23 in next month": a day range in
// one token followed by its month.
func (p *parser) dayRun(i int) (piece, bool) {
	n, ok := p.numeral(i)
	if !ok || n.groups != 2 || n.sep[0] != '-' || n.width[0] > 2 || n.width[1] > 2 {
		return piece{}, false
	}
	a := piece{end: i + 1, kind: KindDate, day: n.val[0], wday: -1, bareDay: true}
	b := p.monthTail(piece{end: i + 1, kind: KindDate, day: n.val[1], wday: -1, bareDay: true})
	if b.bareDay {
		return piece{}, false
	}
	return p.join(a, b)
}

// monthTail gives a bare day the month written after it: "22 this month",
// "12 of Sept", "22 January, 1995", "23 in next month".
func (p *parser) monthTail(pc piece) piece {
	k := pc.end
	if p.is(k, kwOf) {
		k++
	} else if ph, next, ok := p.phraseAt(k, relationClass); ok && ph.name == "in" {
		k = next
	}
	if ph, next, ok := p.phraseAt(k, monthClass); ok {
		y, end := p.yearAfterMonth(p.skipGluedDot(next))
		return p.calendar(end, y, ph.value, pc.day, p.defaultLean())
	}
	if y, m, end, ok := p.shiftedMonth(k); ok {
		return p.dayOfShiftedMonth(end, y, m, pc.day)
	}
	return pc
}

// dayOfShiftedMonth is day d of the month shiftedMonth found ("the 20th of
// next month"); m is 0 when there was no reference date to find it.
func (p *parser) dayOfShiftedMonth(end, y, m, d int) piece {
	if m == 0 {
		pc := unresolved(end, KindDate, claims.PrecisionDay)
		pc.unknownMonth = true
		return pc
	}
	pc := p.calendar(end, y, m, d, p.defaultLean())
	pc.fixed = true
	return pc
}

// join makes a period of a range's two ends, lending month and year from one
// end to the other and resolving ends without a year so that the range runs
// forward.
func (p *parser) join(a, b piece) (piece, bool) {
	if a.bareDay && !b.bareDay && b.month > 0 {
		a.month, a.year, a.bareDay = b.month, b.year, false
	}
	if a.bareDay && b.unknownMonth { // "from 4 to 22 this month" with no reference date
		return unresolved(b.end, KindPeriod, claims.PrecisionDay), true
	}
	if b.bareDay && a.month > 0 {
		b.month, b.year, b.bareDay = a.month, a.year, false
	}
	if a.bareDay || b.bareDay {
		return piece{}, false
	}
	openA := !a.fixed && a.month > 0 && a.year == 0
	openB := !b.fixed && b.month > 0 && b.year == 0
	switch {
	case openA && !openB && b.year > 0:
		a.year = b.year
		if monthDayAfter(a, b) {
			a.year--
		}
	case openB && !openA && a.year > 0:
		b.year = a.year
		if monthDayAfter(a, b) {
			b.year++
		}
	}
	// Re-resolve the ends from what was written, now that both are known.
	if !a.fixed && (a.month > 0 || a.year > 0) {
		a = p.calendar(a.end, a.year, a.month, a.day, p.defaultLean())
	}
	if !b.fixed && (b.month > 0 || b.year > 0) {
		b = p.calendar(b.end, b.year, b.month, b.day, p.defaultLean())
	}
	switch {
	case openA && openB && !b.from.IsZero():
		a = p.calendar(a.end, b.from.Year(), a.month, a.day, p.defaultLean())
		if monthDayAfter(a, b) {
			a = p.calendar(a.end, b.from.Year()-1, a.month, a.day, p.defaultLean())
		}
	case openB && !openA && !a.from.IsZero():
		b = p.resolveAfter(b, a.from) // "between now and November 15th"
	case openA && !openB && !b.to.IsZero():
		a = p.resolveBefore(a, b.to)
	}
	if b.wday >= 0 && !a.from.IsZero() { // "Friday through Sunday"
		b.from = pickWeekday(time.Weekday(b.wday), a.from, leanFuture)
		b.to = b.from
	}
	if a.wday >= 0 && !b.to.IsZero() && a.from.After(b.to) {
		a.from = pickWeekday(time.Weekday(a.wday), b.to, leanPast)
	}
	if !a.from.IsZero() && !b.to.IsZero() && b.to.Before(a.from) {
		return piece{}, false
	}
	return piece{
		end: b.end, kind: KindPeriod, from: a.from, to: b.to,
		prec: coarser(a.prec, b.prec), yearKnown: a.yearKnown && b.yearKnown,
		wday: -1, fixed: true,
	}, true
}

// monthDayAfter reports whether a's month and day come after b's in a year.
func monthDayAfter(a, b piece) bool {
	return a.month > b.month || a.month == b.month && a.day > b.day
}

// resolveAfter resolves an end without a year to its first occurrence that
// has not ended by t.
func (p *parser) resolveAfter(pc piece, t time.Time) piece {
	from, to, ok := p.slotOf(pc).pick(t, leanFuture)
	if ok {
		pc.from, pc.to, pc.yearKnown = from, to, true
	}
	return pc
}

// resolveBefore resolves an end without a year to its latest occurrence
// that has begun by t.
func (p *parser) resolveBefore(pc piece, t time.Time) piece {
	from, to, ok := p.slotOf(pc).pick(t, leanPast)
	if ok {
		pc.from, pc.to, pc.yearKnown = from, to, true
	}
	return pc
}

func (p *parser) slotOf(pc piece) slot {
	if pc.day > 0 {
		return slot{time.Month(pc.month), pc.day, time.Month(pc.month), pc.day}
	}
	return monthSlot(time.Month(pc.month))
}

// coarser gives the less precise of two precisions.
func coarser(a, b claims.Precision) claims.Precision {
	if a == claims.PrecisionYear || b == claims.PrecisionYear {
		return claims.PrecisionYear
	}
	if a == claims.PrecisionMonth || b == claims.PrecisionMonth {
		return claims.PrecisionMonth
	}
	return a
}

// calendar resolves a date written as year, month and day, any of which
// may be 0 (not written). A day that does not exist (February 30) gives a
// date with no span.
func (p *parser) calendar(end, y, m, d int, l lean) piece {
	pc := piece{end: end, kind: KindDate, year: y, month: m, day: d, wday: -1}
	var ok bool
	switch {
	case y > 0 && m > 0 && d > 0:
		pc.prec = claims.PrecisionDay
		if ok = validDay(y, time.Month(m), d); ok {
			pc.from = day(y, time.Month(m), d)
			pc.to = pc.from
		}
	case y > 0 && m > 0:
		pc.prec = claims.PrecisionMonth
		pc.from, pc.to, ok = day(y, time.Month(m), 1), lastOfMonth(y, time.Month(m)), true
	case y > 0:
		pc.prec = claims.PrecisionYear
		pc.from, pc.to, ok = day(y, 1, 1), day(y, 12, 31), true
	case m > 0 && d > 0 && p.ref.IsZero() && p.year > 0:
		pc.prec = claims.PrecisionDay
		pc.from, pc.to, ok = slot{time.Month(m), d, time.Month(m), d}.in(p.year)
	case m > 0 && d > 0:
		pc.prec = claims.PrecisionDay
		pc.from, pc.to, ok = slot{time.Month(m), d, time.Month(m), d}.pick(p.ref, l)
	case m > 0 && p.ref.IsZero() && p.year > 0:
		pc.prec = claims.PrecisionMonth
		pc.from, pc.to, ok = monthSlot(time.Month(m)).in(p.year)
	case m > 0:
		pc.prec = claims.PrecisionMonth
		pc.from, pc.to, ok = monthSlot(time.Month(m)).pick(p.ref, l)
	case d > 0:
		pc.prec = claims.PrecisionDay
		pc.from, ok = pickDayOfMonth(d, -1, p.ref, l)
		pc.to = pc.from
	}
	pc.yearKnown = y > 0 || ok
	return pc
}

// span makes a resolved piece that later words cannot change. It is a
// date when it covers one day, one calendar month or one calendar year, and
// a period otherwise.
func (p *parser) span(end int, from, to time.Time, prec claims.Precision) piece {
	pc := piece{end: end, kind: KindPeriod, from: from, to: to, prec: prec, wday: -1, fixed: true}
	pc.yearKnown = !from.IsZero()
	wholeMonth := from.Day() == 1 && to.Equal(lastOfMonth(from.Year(), from.Month()))
	wholeYear := from.YearDay() == 1 && to.Equal(day(from.Year(), 12, 31))
	if from.Equal(to) || wholeMonth || wholeYear {
		pc.kind = KindDate
	}
	return pc
}
