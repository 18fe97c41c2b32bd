package dates

import (
	"time"

	"claimtrack/claims"
)

// shiftStep is how many units a shift word moves: "last week" is -1.
func shiftStep(shift string) int {
	switch shift {
	case "last", "previous", "past":
		return -1
	case "next", "coming":
		return 1
	}
	return 0
}

// shiftLean is which occurrence a shift word picks for a month, season or
// weekday: "last June", "next Monday", "this summer".
func shiftLean(shift string) lean {
	switch shift {
	case "last", "previous", "past":
		return leanLast
	case "next":
		return leanNext
	case "coming":
		return leanFuture
	}
	return leanThis
}

// unresolved is a piece the reference date was needed for and is missing.
func unresolved(end int, kind Kind, prec claims.Precision) piece {
	return piece{end: end, kind: kind, prec: prec, wday: -1, fixed: true}
}

// shiftExpr reads what follows "this", "last", "next", "past" and the like:
// a count of units ("past three months"), a unit ("last week"), a weekday,
// a month or a season. article says "the" came first: "the last year" is
// the twelve months up to the reference date, "last year" the calendar year.
func (p *parser) shiftExpr(k int, shift string, article bool) (piece, bool) {
	if ph, nx, ok := p.phraseAt(k, shiftClass); ok && shift == "this" && ph.name == "past" {
		shift, k = "last", nx // "this past weekend"
	}
	step := shiftStep(shift)
	if a, end, counted, plural, ok := p.amountAt(k, true); ok && step != 0 {
		if counted || !plural && (shift == "past" || article && shift == "last") {
			return p.rolling(end, a, step), true
		}
	}
	ph, next, ok := p.phraseAt(k, 0)
	if !ok {
		return piece{}, false
	}
	switch ph.class {
	case weekdayClass:
		if article && shift == "last" { // "the last Sunday of March"
			if pc, ok := p.nthWeekday(-1, time.Weekday(ph.value), next); ok {
				return pc, true
			}
		}
		return p.weekdayExpr(time.Weekday(ph.value), next, shiftLean(shift), true)
	case monthClass:
		pc, ok := p.monthExpr(ph.value, next, shiftLean(shift), true)
		pc.fixed = true
		return pc, ok
	case seasonClass:
		return p.seasonExpr(ph.value, next, shiftLean(shift), true)
	case unitClass:
		if p.plural(k) {
			return piece{}, false // "the coming weeks" names no span
		}
		return p.calendarUnit(ph.name, next, shift)
	}
	return piece{}, false
}

// plural reports whether the word at i ends in "s" ("weeks").
func (p *parser) plural(i int) bool {
	t := p.toks[i]
	return p.text[t.end-1]|0x20 == 's'
}

// rolling is the span of an amount back to the reference date, or forward
// from the day after it.
func (p *parser) rolling(end int, a amount, step int) piece {
	if p.ref.IsZero() {
		return unresolved(end, KindPeriod, claims.PrecisionDay)
	}
	if step < 0 {
		return p.span(end, a.add(p.ref, -1), p.ref, claims.PrecisionDay)
	}
	return p.span(end, p.ref.AddDate(0, 0, 1), a.add(p.ref, 1), claims.PrecisionDay)
}

// calendarUnit is the calendar week, month, year, … the shift word picks
// ("last week", "next year", "the previous day"), with a weekday after a week
// ("next week on Friday") and a quarter after a year ("next year's third
// quarter").
func (p *parser) calendarUnit(unit string, next int, shift string) (piece, bool) {
	step := shiftStep(shift)
	switch unit {
	case "day": // "the next day", "the previous day"; "the last day" is not a date
		if shift != "next" && shift != "previous" {
			return piece{}, false
		}
		return p.dayOffset(next, step), true
	case "fortnight":
		return piece{}, false
	case "week":
		k := next
		if ph, nx, ok := p.phraseAt(k, relationClass); ok && ph.name == "on" {
			k = nx
		}
		if ph, nx, ok := p.phraseAt(k, weekdayClass); ok {
			return p.weekdayOfWeek(nx, time.Weekday(ph.value), step), true
		}
	case "year":
		if p.isPunct(next, '\'') && p.is(next+1, kwS) { // "next year's third quarter"
			if s, end, ok := p.ordinalSlot(next + 2); ok {
				y := 0
				if !p.ref.IsZero() {
					y = p.ref.Year() + step
				}
				return p.yearSlot(end, y, s), true
			}
		}
	}
	if p.ref.IsZero() {
		kind := KindPeriod
		if unit == "month" || unit == "year" {
			kind = KindDate
		}
		return unresolved(next, kind, unitPrecision[unit]), true
	}
	from, to := p.unitSpan(unit, step)
	return p.span(next, from, to, unitPrecision[unit]), true
}

var unitPrecision = map[string]claims.Precision{
	"week": claims.PrecisionDay, "weekend": claims.PrecisionDay, "month": claims.PrecisionMonth, "quarter": claims.PrecisionMonth,
	"year": claims.PrecisionYear, "decade": claims.PrecisionYear, "century": claims.PrecisionYear,
}

// unitSpan is the calendar unit step units away from the one holding the
// reference date. Weeks run Monday to Sunday.
func (p *parser) unitSpan(unit string, step int) (from, to time.Time) {
	y, m := p.ref.Year(), p.ref.Month()
	switch unit {
	case "week":
		monday, _ := weekOf(p.ref)
		from = monday.AddDate(0, 0, 7*step)
		return from, from.AddDate(0, 0, 6)
	case "weekend":
		monday, _ := weekOf(p.ref)
		from = monday.AddDate(0, 0, 7*step+5)
		return from, from.AddDate(0, 0, 1)
	case "month":
		from = day(y, m+time.Month(step), 1)
		return from, lastOfMonth(from.Year(), from.Month())
	case "quarter":
		from = day(y, (m-1)/3*3+1+time.Month(3*step), 1)
		return from, from.AddDate(0, 3, -1)
	case "year":
		return day(y+step, 1, 1), day(y+step, 12, 31)
	case "decade":
		d := y/10*10 + 10*step
		return day(d, 1, 1), day(d+9, 12, 31)
	case "century":
		c := y/100*100 + 100*step
		return day(c, 1, 1), day(c+99, 12, 31)
	}
	return p.ref, p.ref
}

// unitExpr reads what starts with a unit: "the weekend", "the day before
// yesterday", "the month of June", "year to date", "the year to March".
func (p *parser) unitExpr(unit string, next int, article bool) (piece, bool) {
	if end, ok := p.toDate(next); ok && (unit == "year" || unit == "month" || unit == "week") {
		if p.ref.IsZero() {
			return unresolved(end, KindPeriod, claims.PrecisionDay), true
		}
		from, _ := p.unitSpan(unit, 0)
		return p.span(end, from, p.ref, claims.PrecisionDay), true
	}
	switch {
	case unit == "weekend" && article && !p.plural(next-1):
		// News means the weekend just past, or the one under way.
		shift := "this"
		if !p.future && p.ref.Weekday() != time.Saturday && p.ref.Weekday() != time.Sunday {
			shift = "last"
		}
		return p.calendarUnit(unit, next, shift)
	case unit == "day" && article:
		ph, k, ok := p.phraseAt(next, relationClass)
		if !ok || ph.name != "before" && ph.name != "after" {
			return piece{}, false
		}
		off := 1
		if ph.name == "before" {
			off = -1
		}
		if dw, nx, ok := p.phraseAt(k, daywordClass); ok && len(dw.rest) == 0 {
			off, k = off+dw.value, nx // "the day before yesterday"
		}
		return p.dayOffset(k, off), true
	case unit == "month" && p.is(next, kwOf):
		if ph, nx, ok := p.phraseAt(next+1, monthClass); ok {
			return p.monthExpr(ph.value, nx, p.defaultLean(), true)
		}
	case article && unitDays[unit]+unitMonths[unit] > 0 && !p.plural(next-1): // "the year to March"
		return p.durationUpTo(piece{end: next, kind: KindDuration, amount: amount{1, unit}})
	}
	return piece{}, false
}

// toDate reads "to date" or "-to-date" at i, giving the index after it.
func (p *parser) toDate(i int) (int, bool) {
	if p.is(i, kwTo) && p.is(i+1, kwDate) {
		return i + 2, true
	}
	if p.isPunct(i, '-') && p.is(i+1, kwTo) && p.isPunct(i+2, '-') && p.is(i+3, kwDate) {
		return i + 4, true
	}
	return 0, false
}

// shiftedYear reads "last year", "this year", "the previous year", "the
// year", giving the year (0 without a reference date).
func (p *parser) shiftedYear(k int) (int, int, bool) {
	article := p.is(k, kwThe)
	k = p.skipWord(k, kwThe)
	step := 0
	if ph, nx, ok := p.phraseAt(k, shiftClass); ok && ph.name != "past" {
		step, k = shiftStep(ph.name), nx
	} else if !article {
		return 0, 0, false // "year" alone is no year
	}
	if u, nx, ok := p.phraseAt(k, unitClass); ok && u.name == "year" && !p.plural(k) {
		if p.ref.IsZero() {
			return 0, nx, true
		}
		return p.ref.Year() + step, nx, true
	}
	return 0, 0, false
}

// shiftedMonth reads "next month", "this month", "the previous month".
func (p *parser) shiftedMonth(k int) (y, m, end int, ok bool) {
	k = p.skipWord(k, kwThe)
	ph, nx, ok := p.phraseAt(k, shiftClass)
	if !ok || ph.name == "past" {
		return 0, 0, 0, false
	}
	if u, end, ok := p.phraseAt(nx, unitClass); ok && u.name == "month" && !p.plural(nx) {
		if p.ref.IsZero() {
			return 0, 0, end, true
		}
		first := day(p.ref.Year(), p.ref.Month()+time.Month(shiftStep(ph.name)), 1)
		return first.Year(), int(first.Month()), end, true
	}
	return 0, 0, 0, false
}

// partExpr reads what follows "early", "mid", "late", "the end" and the
// like, and keeps that part of it: "early 2023", "mid-January", "the end of
// March", "late last week", "the late 1990s".
func (p *parser) partExpr(k int, part string) (piece, bool) {
	if p.isPunct(k, '-') && p.glued(k) {
		k++
	}
	of := p.is(k, kwOf)
	k = p.skipWord(k, kwOf)
	article := p.is(k, kwThe)
	k = p.skipWord(k, kwThe)
	var target piece
	var ok bool
	if n, isNumber := p.numeral(k); isNumber {
		switch y, isYear := n.year(); {
		case n.plural:
			target, ok = p.decade(k, n)
		case isYear:
			target, ok = p.calendar(k+1, y, 0, 0, p.defaultLean()), true
		}
	} else if p.isPunct(k, '\'') {
		target, ok = p.shortDecade(k)
	} else if ph, next, found := p.phraseAt(k, 0); found {
		switch {
		case ph.class == monthClass:
			target, ok = p.monthExpr(ph.value, next, p.defaultLean(), true)
			if target.day > 0 {
				return target, ok // "early Jan. 27" is that day
			}
		case ph.class == shiftClass:
			target, ok = p.shiftExpr(next, ph.name, article)
		case ph.class == unitClass && article && !p.plural(k): // "the end of the year"
			target, ok = p.calendarUnit(ph.name, next, "this")
		case ph.class == weekdayClass && !of && !article: // "early Monday" is Monday
			return p.weekdayExpr(time.Weekday(ph.value), next, p.defaultLean(), false)
		case ph.class == daywordClass && !of && !article: // "late yesterday"
			return p.dayword(ph, next), true
		}
	}
	if !ok || target.kind == KindDuration || target.kind == KindTime {
		return piece{}, false
	}
	return p.applyPart(target, part), true
}

// applyPart keeps the early, middle or late part of a year (four months
// each), a month (its first half, the 11th to the 20th, its second half), a
// week (Monday–Wednesday, Tuesday–Friday, Thursday–Sunday) or a decade;
// other spans (a season) stay whole.
func (p *parser) applyPart(pc piece, part string) piece {
	f, t := pc.from, pc.to
	if f.IsZero() {
		pc.fixed = true
		return pc
	}
	third := 0 // early
	switch part {
	case "mid":
		third = 1
	case "late":
		third = 2
	}
	var prec claims.Precision
	switch {
	case f.YearDay() == 1 && t.Equal(day(f.Year(), 12, 31)): // a year
		f = day(f.Year(), time.Month(1+4*third), 1)
		t = f.AddDate(0, 4, -1)
		prec = claims.PrecisionMonth
	case f.Day() == 1 && t.Equal(lastOfMonth(f.Year(), f.Month())): // a month
		switch part {
		case "early":
			t = f.AddDate(0, 0, 14)
		case "mid":
			f, t = f.AddDate(0, 0, 10), f.AddDate(0, 0, 19)
		default:
			f = f.AddDate(0, 0, 15)
		}
		prec = claims.PrecisionDay
	case f.Weekday() == time.Monday && t.Equal(f.AddDate(0, 0, 6)): // a week
		first, last := []int{0, 1, 3}[third], []int{2, 4, 6}[third]
		f, t = f.AddDate(0, 0, first), f.AddDate(0, 0, last)
		prec = claims.PrecisionDay
	case f.YearDay() == 1 && f.Year()%10 == 0 && t.Equal(day(f.Year()+9, 12, 31)): // a decade
		first, last := []int{0, 4, 7}[third], []int{3, 6, 9}[third]
		f, t = day(f.Year()+first, 1, 1), day(f.Year()+last, 12, 31)
		prec = claims.PrecisionYear
	default:
		pc.fixed = true
		return pc
	}
	out := p.span(pc.end, f, t, prec)
	out.yearKnown = pc.yearKnown
	return out
}

// sideExpr reads what follows "earlier" or "later": "earlier this week",
// "later in the year", "earlier today".
func (p *parser) sideExpr(k int, side string) (piece, bool) {
	if dw, nx, ok := p.phraseAt(k, daywordClass); ok {
		return p.dayOffset(nx, dw.value), true
	}
	if ph, nx, ok := p.phraseAt(k, relationClass); ok && ph.name == "in" && p.is(nx, kwThe) {
		k = nx + 1
	} else if ph, nx, ok := p.phraseAt(k, shiftClass); ok && ph.name == "this" {
		k = nx
	} else {
		return piece{}, false
	}
	u, end, ok := p.phraseAt(k, unitClass)
	if !ok || u.name == "day" || u.name == "fortnight" || p.plural(k) {
		return piece{}, false
	}
	if p.ref.IsZero() {
		return unresolved(end, KindPeriod, claims.PrecisionDay), true
	}
	from, to := p.unitSpan(u.name, 0)
	if side == "before" {
		return p.span(end, from, p.ref, claims.PrecisionDay), true
	}
	return p.span(end, p.ref, to, claims.PrecisionDay), true
}

// seasonExpr reads a season: "summer 2016", "the summer of 2016", "last
// summer", "in the winter". ctx says a word before makes a lone season a
// date ("summer" alone is often just the word).
func (p *parser) seasonExpr(start, next int, l lean, ctx bool) (piece, bool) {
	s := slot{time.Month(start), 1, time.Month(start + 2), 0}
	k := p.skipWord(next, kwOf)
	if n, ok := p.numeral(k); ok && n.plain() && n.width[0] == 4 && n.val[0] >= 1000 {
		return p.yearSlot(k+1, n.val[0], s), true
	}
	if y, end, ok := p.shiftedYear(k); ok { // "summer of last year"
		return p.yearSlot(end, y, s), true
	}
	if !ctx {
		return piece{}, false
	}
	return p.pickSlot(next, s, l), true
}

// yearSlot is a slot of a given year (0: unknown).
func (p *parser) yearSlot(end, y int, s slot) piece {
	if y == 0 {
		return unresolved(end, KindPeriod, claims.PrecisionMonth)
	}
	from, to, _ := s.in(y)
	return p.span(end, from, to, claims.PrecisionMonth)
}

// pickSlot resolves a slot named without a year.
func (p *parser) pickSlot(end int, s slot, l lean) piece {
	from, to, ok := s.pick(p.ref, l)
	if !ok {
		return unresolved(end, KindPeriod, claims.PrecisionMonth)
	}
	return p.span(end, from, to, claims.PrecisionMonth)
}

// slotWithYear reads the year that may follow a quarter or half: "of 2024",
// "2024", "of last year", "this year"; without one the slot resolves like a
// month.
func (p *parser) slotWithYear(k int, s slot) piece {
	yk := p.skipWord(k, kwOf)
	if n, ok := p.numeral(yk); ok && n.plain() && n.width[0] == 4 && n.val[0] >= 1000 {
		return p.yearSlot(yk+1, n.val[0], s)
	}
	if y, end, ok := p.shiftedYear(yk); ok {
		return p.yearSlot(end, y, s)
	}
	return p.pickSlot(k, s, p.defaultLean())
}

// ordinalExpr reads what follows "first", "second" …: "the first half of
// 2024", "the second quarter", "second-quarter", "the first Friday of July".
func (p *parser) ordinalExpr(i, next int) (piece, bool) {
	if s, end, ok := p.ordinalSlot(i); ok {
		return p.slotWithYear(end, s), true
	}
	if ph, _, ok := p.phraseAt(i, ordinalClass); ok {
		if w, end, ok := p.phraseAt(next, weekdayClass); ok {
			return p.nthWeekday(ph.value, time.Weekday(w.value), end)
		}
	}
	return piece{}, false
}

// ordinalSlot reads a half or a quarter by its ordinal at i: "first half",
// "third quarter", "fourth-quarter".
func (p *parser) ordinalSlot(i int) (slot, int, bool) {
	ph, k, ok := p.phraseAt(i, ordinalClass)
	if !ok {
		return slot{}, 0, false
	}
	n := ph.value
	if p.isPunct(k, '-') && p.glued(k) {
		k++
	}
	if p.is(k, kwHalf) && n <= 2 {
		return slot{time.Month(6*n - 5), 1, time.Month(6 * n), 0}, k + 1, true
	}
	if u, end, ok := p.phraseAt(k, unitClass); ok && u.name == "quarter" && n <= 4 && !p.plural(k) {
		return slot{time.Month(3*n - 2), 1, time.Month(3 * n), 0}, end, true
	}
	return slot{}, 0, false
}

// nthWeekday reads the month after "the first Friday" ("of July", "in this
// month", "of next month") and finds that day; n -1 is the last.
func (p *parser) nthWeekday(n int, w time.Weekday, k int) (piece, bool) {
	if ph, nx, ok := p.phraseAt(k, relationClass); ok && ph.name == "in" {
		k = nx
	} else if p.is(k, kwOf) {
		k++
	} else {
		return piece{}, false
	}
	var month piece
	if ph, nx, ok := p.phraseAt(k, monthClass); ok {
		month, _ = p.monthExpr(ph.value, nx, p.defaultLean(), true)
	} else if y, m, end, ok := p.shiftedMonth(k); ok {
		month = p.calendar(end, y, m, 0, p.defaultLean())
	} else {
		return piece{}, false
	}
	if month.from.IsZero() || month.day > 0 {
		return unresolved(month.end, KindDate, claims.PrecisionDay), true
	}
	var d time.Time
	if n > 0 {
		d = month.from.AddDate(0, 0, mod(int(w)-int(month.from.Weekday()), 7)+7*(n-1))
	} else {
		d = month.to.AddDate(0, 0, -mod(int(month.to.Weekday())-int(w), 7))
	}
	if d.Month() != month.from.Month() { // no fifth Sunday this month
		return unresolved(month.end, KindDate, claims.PrecisionDay), true
	}
	pc := p.span(month.end, d, d, claims.PrecisionDay)
	pc.weekday = true
	return pc, true
}

// quarterOrHalfName reads "Q3" or "H2" (capital letter, digit glued).
func (p *parser) quarterOrHalfName(i int) (slot, int, bool) {
	n, ok := p.numeral(i + 1)
	if !ok || !p.glued(i+1) || !n.plain() || !p.toks[i].capital {
		return slot{}, 0, false
	}
	switch q := n.val[0]; {
	case p.is(i, kwQ) && q >= 1 && q <= 4:
		return slot{time.Month(3*q - 2), 1, time.Month(3 * q), 0}, i + 2, true
	case p.is(i, kwH) && q >= 1 && q <= 2:
		return slot{time.Month(6*q - 5), 1, time.Month(6 * q), 0}, i + 2, true
	}
	return slot{}, 0, false
}

// quarterOrHalf reads "Q2 2024", "Q3 this year", "Q2", "H1 2016". A half
// needs its year: "H2" alone is as likely hydrogen.
func (p *parser) quarterOrHalf(i int) (piece, bool) {
	s, end, ok := p.quarterOrHalfName(i)
	if !ok {
		return piece{}, false
	}
	pc := p.slotWithYear(end, s)
	if pc.end == end && p.is(i, kwH) {
		return piece{}, false
	}
	return pc, true
}

// restOf reads "rest of the year": from the reference date to the end of
// the unit.
func (p *parser) restOf(k int) (piece, bool) {
	if !p.is(k, kwOf) {
		return piece{}, false
	}
	k++
	if ph, nx, ok := p.phraseAt(k, shiftClass); ok && ph.name == "this" {
		k = nx
	} else {
		k = p.skipWord(k, kwThe)
	}
	u, end, ok := p.phraseAt(k, unitClass)
	if !ok || u.name == "day" || u.name == "fortnight" || p.plural(k) {
		return piece{}, false
	}
	if p.ref.IsZero() {
		return unresolved(end, KindPeriod, claims.PrecisionDay), true
	}
	_, to := p.unitSpan(u.name, 0)
	return p.span(end, p.ref, to, claims.PrecisionDay), true
}

// --- amounts and durations

// amountAt reads an amount of time: "three months", "18-month", "a year and
// a half", "two and a half years", "1.5 years". With optionalCount a bare
// unit counts one ("the past year"). counted says a count was written;
// plural says the unit was.
func (p *parser) amountAt(k int, optionalCount bool) (a amount, end int, counted, plural, ok bool) {
	a.count = 1
	if n, isNumber := p.numeral(k); isNumber {
		if a.count, ok = n.count(); !ok {
			return
		}
		counted, k = true, k+1
	} else if ph, next, found := p.phraseAt(k, countClass); found {
		a.count, counted, k = float64(ph.value), true, next
	} else if !optionalCount {
		return
	}
	half := counted && p.andAHalf(k) // "two and a half years"
	if half {
		k += 3
	}
	if counted && p.isPunct(k, '-') && p.glued(k) && p.glued(k+1) {
		k++ // "three-day"
	}
	u, next, found := p.phraseAt(k, unitClass)
	if !found || u.name == "weekend" {
		return amount{}, 0, false, false, false
	}
	a.unit, plural = u.name, p.plural(k)
	k = next
	if !half && p.andAHalf(k) { // "a year and a half"
		half, k = true, k+3
	}
	if half {
		a.count += 0.5
		counted = true
	}
	return a, k, counted, plural, true
}

func (p *parser) andAHalf(k int) bool {
	return p.is(k, kwAnd) && p.is(k+1, kwA) && p.is(k+2, kwHalf)
}

// countExpr reads an amount and what follows it: a day counted back ("two
// years ago", "a day earlier") or forward ("three weeks later"), or a
// duration. "a year" alone is weak: "50 shells a year" is a rate.
func (p *parser) countExpr(i int) (piece, bool) {
	a, end, _, _, ok := p.amountAt(i, false)
	if !ok || p.is(end, kwOld) || p.isPunct(end, '-') && p.is(end+1, kwOld) {
		return piece{}, false // "a 45-year-old man"
	}
	sign := 0
	if p.is(end, kwAgo) {
		sign, end = -1, end+1
	} else if p.is(end, kwHence) {
		sign, end = 1, end+1
	} else if ph, nx, ok := p.phraseAt(end, sideClass); ok {
		sign, end = 1, nx
		if ph.name == "before" {
			sign = -1
		}
	} else if ph, nx, ok := p.phraseAt(end, relationClass); ok && ph.name == "from" && p.is(nx, kwNow) {
		sign, end = 1, nx+1
	}
	if sign != 0 {
		if p.ref.IsZero() {
			return unresolved(end, KindDate, claims.PrecisionDay), true
		}
		d := a.add(p.ref, sign)
		return p.span(end, d, d, claims.PrecisionDay), true
	}
	weak := p.is(i, kwA) && a.count == 1
	return piece{end: end, kind: KindDuration, days: a.days(), amount: a, wday: -1, fixed: true, weak: weak}, true
}

// durationUpTo reads the day a duration ends on, making it a period: "the
// three months to June", "the 12 months through March 2025".
func (p *parser) durationUpTo(d piece) (piece, bool) {
	k := d.end
	if p.is(k, kwTo) {
		k++
	} else if ph, nx, ok := p.phraseAt(k, relationClass); ok && ph.name == "until" {
		k = nx
	} else {
		return piece{}, false
	}
	last, ok := p.expr(k, false)
	if !ok || last.kind != KindDate && last.kind != KindPeriod {
		return piece{}, false
	}
	if last.to.IsZero() {
		return unresolved(last.end, KindPeriod, last.prec), true
	}
	from := d.amount.add(last.to.AddDate(0, 0, 1), -1)
	return p.span(last.end, from, last.to, last.prec), true
}
