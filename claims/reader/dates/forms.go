package dates

import (
	"time"

	"claimtrack/claims"
)

// expr reads one date expression at token i, without a relation word;
// article says "the" came just before token i.
func (p *parser) expr(i int, article bool) (piece, bool) {
	if i >= len(p.toks) {
		return piece{}, false
	}
	switch t := &p.toks[i]; t.kind {
	case numberToken:
		return p.numberExpr(i, article)
	case punctToken:
		if t.punct == '\'' {
			return p.shortDecade(i)
		}
		return piece{}, false
	}
	w := p.word(i)
	if w == nil {
		return piece{}, false
	}
	switch w.key {
	case kwThe:
		if !article {
			return p.expr(i+1, true) // "the 27th", "the past year", "the end of March"
		}
	case kwQ, kwH:
		return p.quarterOrHalf(i)
	case kwRest:
		return p.restOf(i + 1)
	}
	ph, next, ok := p.phraseAt(i, 0)
	if !ok {
		return piece{}, false
	}
	if article {
		switch ph.class {
		case monthClass, weekdayClass, daywordClass, sideClass:
			return piece{}, false // "the June figures", "the Monday after"
		}
	}
	return p.wordExpr(i, ph, next, article)
}

// wordExpr reads an expression that starts with the word-list phrase ph at
// token i; article says "the" came before it.
func (p *parser) wordExpr(i int, ph *phrase, next int, article bool) (piece, bool) {
	switch ph.class {
	case monthClass:
		bare := article || p.contextBefore(i) || p.toks[i].capital && !ph.common
		return p.monthExpr(ph.value, next, p.defaultLean(), bare)
	case weekdayClass:
		if ph.common && !(p.toks[i].capital && p.contextBefore(i)) && !p.weekdayDated(next) {
			return piece{}, false // "Sun" or "wed" alone is more likely a word
		}
		return p.weekdayExpr(time.Weekday(ph.value), next, p.defaultLean(), false)
	case daywordClass:
		return p.dayword(ph, next), true
	case shiftClass:
		return p.shiftExpr(next, ph.name, article)
	case partClass:
		return p.partExpr(next, ph.name)
	case sideClass:
		return p.sideExpr(next, ph.name)
	case seasonClass:
		return p.seasonExpr(ph.value, next, p.defaultLean(), article || p.contextBefore(i))
	case countClass:
		return p.countExpr(i)
	case ordinalClass:
		return p.ordinalExpr(i, next)
	case unitClass:
		return p.unitExpr(ph.name, next, article)
	}
	return piece{}, false
}

// contextBefore reports whether the word before token i makes a lone year,
// month or season there a date: "in 2024", "since May", "of 2023", "the
// year 2024", or a list that a date just began ("in 2020 and 2021").
func (p *parser) contextBefore(i int) bool {
	if i-1 == p.lastEnd && (p.is(i-1, kwAnd) || p.is(i-1, kwOr) || p.isPunct(i-1, ',')) {
		return true
	}
	w := p.word(i - 1)
	if w == nil {
		return false
	}
	if w.key == kwOf {
		return true
	}
	for _, ph := range w.phrases {
		if ph.class == relationClass && ph.name != "at" || ph.class == unitClass && ph.name == "year" && !p.plural(i-1) {
			return true
		}
	}
	return false
}

// --- numbers

// numberExpr reads an expression that starts with a number.
func (p *parser) numberExpr(i int, article bool) (piece, bool) {
	n, _ := p.numeral(i)
	switch {
	case n.groups == 3:
		return p.numericDate(i, n)
	case n.groups == 2 && n.sep[0] == ':':
		return p.clock(i, n.val[0], n.val[1], n.width[1] == 2)
	case n.groups == 2 && n.sep[0] == '-':
		return p.yearRange(i, n)
	case n.groups == 2 && n.sep[0] == '.':
		return p.countExpr(i) // "1.5 years"
	case n.groups != 1:
		return piece{}, false
	case n.plural:
		return p.decade(i, n)
	case n.ordinal:
		return p.ordinalNumber(i, n, article)
	}
	if d, ok := n.dayOfMonth(); ok {
		if pc, ok := p.dayFirst(i, d); ok {
			return pc, true
		}
	}
	if n.width[0] == 4 {
		if pc, ok := p.yearFirst(i, n.val[0]); ok {
			return pc, true
		}
	}
	if pc, ok := p.countExpr(i); ok {
		return pc, true
	}
	if pc, ok := p.clock(i, n.val[0], -1, false); ok {
		return pc, true
	}
	if y, ok := n.year(); ok && (p.contextBefore(i) || article && p.namesEvent(i+1)) {
		return p.calendar(i+1, y, 0, 0, p.defaultLean()), true
	}
	return piece{}, false
}

// namesEvent reports a capitalized singular word at token i, which a year
// after "the" dates: "the 2018 Camp Fire", "the 1918 Cloquet Fire". A
// plural is counted people ("the 1500 Marines").
func (p *parser) namesEvent(i int) bool {
	return i < len(p.toks) && p.toks[i].kind == wordToken && p.toks[i].capital && !p.plural(i)
}

// dayFirst reads a date that starts with its day: "27 July 2023", "1st Jan",
// "4th of March", "16. Nov. 2016", "28-nov", "26th june of 2020".
func (p *parser) dayFirst(i, d int) (piece, bool) {
	k := i + 1
	switch {
	case p.isPunct(k, '.') && p.glued(k):
		k++
	case p.isPunct(k, '-') && p.glued(k) && p.glued(k+1):
		k++
	}
	k = p.skipWord(k, kwOf)
	ph, next, ok := p.phraseAt(k, monthClass)
	if !ok {
		return piece{}, false
	}
	y, end := p.yearAfterMonth(p.skipGluedDot(next))
	if y == 0 {
		end = next
	}
	return p.calendar(end, y, ph.value, d, p.defaultLean()), true
}

// yearFirst reads forms that start with a four-digit year: "2019-sep-1",
// "2016 Q3", "2016 H2", "2016 June", "2016, Nov".
func (p *parser) yearFirst(i, y int) (piece, bool) {
	k := i + 1
	if (p.isPunct(k, '-') || p.isPunct(k, '/')) && p.glued(k) && p.glued(k+1) {
		sep := p.toks[k].punct
		if ph, next, ok := p.phraseAt(k+1, monthClass); ok && p.isPunct(next, sep) && p.glued(next) {
			if n, ok := p.numeral(next + 1); ok && p.glued(next+1) {
				if d, ok := n.dayOfMonth(); ok {
					return p.calendar(next+2, y, ph.value, d, p.defaultLean()), true
				}
			}
		}
		return piece{}, false
	}
	if s, end, ok := p.quarterOrHalfName(k); ok { // "2016 Q3", "2016H2"
		return p.yearSlot(end, y, s), true
	}
	if ph, next, ok := p.phraseAt(p.skipPunct(k, ','), monthClass); ok && y >= 1900 && y <= 2100 {
		return p.calendar(next, y, ph.value, 0, p.defaultLean()), true // "2016 June", as a year followed by its month
	}
	return piece{}, false
}

// yearAfterMonth reads the year that may follow a month and day:
// ", 2016", " 2016", " of 2016". It gives 0 and i when there is none.
func (p *parser) yearAfterMonth(i int) (int, int) {
	k := p.skipPunct(i, ',')
	k = p.skipWord(k, kwOf)
	n, ok := p.numeral(k)
	if ok && n.plain() && n.width[0] == 4 && n.val[0] >= 1000 && n.val[0] < 3000 {
		return n.val[0], k + 1
	}
	return 0, i
}

// skipGluedDot steps over the full stop of an abbreviation ("Jan.").
func (p *parser) skipGluedDot(i int) int {
	if p.isPunct(i, '.') && p.glued(i) {
		return i + 1
	}
	return i
}

// numericDate reads an all-number date: 2024-01-26, 2015/08/12, 02/22/2016,
// 21/04/16, 13.5.2015. Month-first is taken unless the first number cannot
// be a month; dotted dates are day-first, as where they are written.
func (p *parser) numericDate(i int, n numeral) (piece, bool) {
	if n.groups != 3 || n.sep[0] != n.sep[1] || n.ordinal || n.plural || n.sep[0] == ',' || n.sep[0] == ':' {
		return piece{}, false
	}
	var y, m, d int
	switch {
	case n.width[0] == 4:
		y, m, d = n.val[0], n.val[1], n.val[2]
	case n.width[2] == 4 || n.width[2] == 2 && n.sep[0] != '.':
		y = fullYear(n.val[2], n.width[2])
		m, d = n.val[0], n.val[1]
		if n.sep[0] == '.' || m > 12 {
			m, d = d, m
		}
	default:
		return piece{}, false
	}
	if m < 1 || m > 12 || d < 1 || d > 31 || n.width[1] > 2 {
		return piece{}, false
	}
	return p.calendar(i+1, y, m, d, p.defaultLean()), true
}

// monthSlashDay reads a month and day without a year, "7/6", taken only
// after a weekday ("Friday 7/6"): elsewhere "24/7", "9/11" and scores are
// not dates of the reference year.
func (p *parser) monthSlashDay(i int, n numeral) (piece, bool) {
	m, d := n.val[0], n.val[1]
	if m > 12 {
		m, d = d, m
	}
	if n.width[0] > 2 || n.width[1] > 2 || m < 1 || m > 12 || d < 1 || d > 31 {
		return piece{}, false
	}
	return p.calendar(i+1, 0, m, d, p.defaultLean()), true
}

// yearRange reads "2014-2018" and the fiscal "2015-16".
func (p *parser) yearRange(i int, n numeral) (piece, bool) {
	a, b := n.val[0], n.val[1]
	if n.width[0] != 4 || a < 1900 || a > 2100 || n.ordinal || n.plural {
		return piece{}, false
	}
	switch {
	case n.width[1] == 4 && b > a && b <= 2100:
	case n.width[1] == 2 && b == (a+1)%100:
		b = a + 1
	default:
		return piece{}, false
	}
	return p.span(i+1, day(a, 1, 1), day(b, 12, 31), claims.PrecisionYear), true
}

// decade reads "1990s" and "1970's".
func (p *parser) decade(i int, n numeral) (piece, bool) {
	y := n.val[0]
	if n.width[0] != 4 || y%10 != 0 || y < 1000 {
		return piece{}, false
	}
	return p.span(i+1, day(y, 1, 1), day(y+9, 12, 31), claims.PrecisionYear), true
}

// shortDecade reads "'70s": the latest such decade that has begun by the
// reference date, or the 1900s without one.
func (p *parser) shortDecade(i int) (piece, bool) {
	n, ok := p.numeral(i + 1)
	if !ok || !p.glued(i+1) || !n.plural || n.width[0] != 2 || n.val[0]%10 != 0 {
		return piece{}, false
	}
	y := 1900 + n.val[0]
	if !p.ref.IsZero() && 2000+n.val[0] <= p.ref.Year() {
		y = 2000 + n.val[0]
	}
	return p.span(i+2, day(y, 1, 1), day(y+9, 12, 31), claims.PrecisionYear), true
}

// ordinalNumber reads what may follow "27th": a century ("the 21st
// century"), a month ("27th of March"), "of next month", or, after "the" or
// a relation word, a day of month alone ("on the 27th").
func (p *parser) ordinalNumber(i int, n numeral, article bool) (piece, bool) {
	k := i + 1
	if p.isPunct(k, '-') && p.glued(k) {
		k++
	}
	if ph, next, ok := p.phraseAt(k, unitClass); ok && ph.name == "century" && n.val[0] >= 1 && n.val[0] <= 30 {
		from := (n.val[0] - 1) * 100
		return p.span(next, day(from, 1, 1), day(from+99, 12, 31), claims.PrecisionYear), true
	}
	d, ok := n.dayOfMonth()
	if !ok {
		return piece{}, false
	}
	if pc, ok := p.dayFirst(i, d); ok {
		return pc, true
	}
	if y, m, end, ok := p.shiftedMonth(p.skipWord(i+1, kwOf)); ok { // "the 20th of next month"
		return p.dayOfShiftedMonth(end, y, m, d), true
	}
	if !article && !p.contextBefore(i) || !p.endsPhrase(i+1) {
		return piece{}, false // "the 21st consecutive month"
	}
	return p.calendar(i+1, 0, 0, d, p.defaultLean()), true
}

// endsPhrase reports whether token i may follow a date: the end of the text,
// a mark, or a word that starts a new phrase rather than naming a noun.
func (p *parser) endsPhrase(i int) bool {
	if i >= len(p.toks) || p.toks[i].kind == punctToken {
		return true
	}
	w := p.word(i)
	if w == nil {
		return false
	}
	if w.key == kwAnd || w.key == kwTo || w.key == kwOf {
		return true
	}
	for _, ph := range w.phrases {
		if ph.class == relationClass {
			return true
		}
	}
	return false
}

// --- times of day

// clock reads a time of day: "04:17", "4 pm", "10:30 a.m.", with "local
// time", "GMT" or "UTC" after it. minute is -1 when none was written; a bare
// hour needs am or pm.
func (p *parser) clock(i, hour, minute int, twoDigitMinute bool) (piece, bool) {
	k := i + 1
	meridiem := false
	switch {
	case p.is(k, kwAM) || p.is(k, kwPM):
		meridiem = true
		k++
	case (p.is(k, kwA) || p.is(k, kwP)) && p.isPunct(k+1, '.') && p.is(k+2, kwM):
		meridiem = true
		k = p.skipGluedDot(k + 3)
	}
	switch {
	case minute < 0 && (!meridiem || hour < 1 || hour > 12):
		return piece{}, false
	case minute >= 0 && (!twoDigitMinute || minute > 59 || hour > 23 || meridiem && (hour < 1 || hour > 12)):
		return piece{}, false
	}
	switch {
	case p.is(k, kwLocal) && p.is(k+1, kwTime):
		k += 2
	case p.is(k, kwGMT) || p.is(k, kwUTC):
		k++
	}
	pc := piece{end: k, kind: KindTime, wday: -1, fixed: true}
	if !p.ref.IsZero() {
		pc.from, pc.to, pc.prec, pc.yearKnown = p.ref, p.ref, claims.PrecisionDay, true
	}
	return pc, true
}

// --- months and weekdays

// monthExpr reads what follows a month name at next: a day ("Jan. 27",
// "January 27th, 2024", "Oct-2"), a day range ("November 19-20"), a year
// ("June 2016", "June of 2016"), a year word ("June last year"), or nothing.
// bare allows the month alone.
func (p *parser) monthExpr(m, next int, l lean, bare bool) (piece, bool) {
	k := next
	if p.isPunct(k, '.') && p.glued(k) {
		k++
	}
	dk := k
	switch {
	case (p.isPunct(k, '-') || p.isPunct(k, '/')) && p.glued(k) && p.glued(k+1):
		dk = k + 1 // "Oct-2", "jan/1"
	case p.isPunct(k, ',') && p.isOrdinal(k+1):
		dk = k + 1 // "october, 1st"
	case p.is(k, kwThe) && p.isOrdinal(k+1):
		dk = k + 1 // "November the 15th"
	}
	if n, ok := p.numeral(dk); ok {
		if d, ok := n.dayOfMonth(); ok {
			y, end := p.yearAfterMonth(dk + 1)
			if y == 0 {
				end = dk + 1
			}
			pc := p.calendar(end, y, m, d, l)
			pc.fixed = l != p.defaultLean()
			return pc, true
		}
		if n.groups == 2 && n.sep[0] == '-' && n.width[0] <= 2 && n.width[1] <= 2 { // "November 19-20"
			y, end := p.yearAfterMonth(dk + 1)
			if y == 0 {
				end = dk + 1
			}
			a := piece{end: end, kind: KindDate, year: y, month: m, day: n.val[0], wday: -1}
			b := piece{end: end, kind: KindDate, year: y, month: m, day: n.val[1], wday: -1}
			if n.val[0] >= 1 && n.val[1] <= 31 {
				return p.join(a, b)
			}
		}
	}
	if y, end := p.yearAfterMonth(k); y > 0 {
		return p.calendar(end, y, m, 0, l), true
	}
	if y, end, ok := p.shiftedYear(p.skipWord(next, kwOf)); ok { // "June last year"
		return p.calendar(end, y, m, 0, l), true
	}
	if !bare {
		return piece{}, false
	}
	pc := p.calendar(next, 0, m, 0, l)
	pc.fixed = l != p.defaultLean()
	return pc, true
}

func (p *parser) isOrdinal(i int) bool {
	n, ok := p.numeral(i)
	return ok && n.ordinal
}

// weekdayDated reports whether a date follows a weekday ending before i.
func (p *parser) weekdayDated(i int) bool {
	_, ok := p.weekdayDate(i)
	return ok
}

// weekdayExpr reads what follows a weekday name at next: a date ("Saturday,
// Sept. 16", "Thursday the 21st", "Saturday (September 16)"), a week
// ("Friday next week"), a part of the day ("Thursday evening"), or nothing.
// l says which such weekday a lone one is; shifted says a word like "last"
// came before it.
func (p *parser) weekdayExpr(w time.Weekday, next int, l lean, shifted bool) (piece, bool) {
	if pc, ok := p.weekdayDate(next); ok {
		return pc, true
	}
	if !shifted {
		if p.is(next, kwThe) { // "Thursday the 21st"
			if n, ok := p.numeral(next + 1); ok && !n.plural {
				if d, ok := n.dayOfMonth(); ok {
					pc := piece{end: next + 2, kind: KindDate, day: d, wday: -1, fixed: true, prec: claims.PrecisionDay}
					pc.from, pc.yearKnown = pickDayOfMonth(d, int(w), p.ref, p.defaultLean())
					pc.to = pc.from
					return pc, true
				}
			}
		}
		// "Friday next week", "Sunday of next week"
		k := p.skipWord(next, kwOf)
		if ph, nx, ok := p.phraseAt(k, shiftClass); ok {
			if u, end, ok := p.phraseAt(nx, unitClass); ok && u.name == "week" && !p.plural(nx) {
				return p.weekdayOfWeek(end, w, shiftStep(ph.name)), true
			}
		}
	}
	end := next
	if _, nx, ok := p.phraseAt(next, daypartClass); ok {
		end = nx
	}
	pc := piece{end: end, kind: KindDate, prec: claims.PrecisionDay, weekday: true, wday: -1, fixed: shifted}
	if !shifted {
		pc.wday = int(w)
	}
	if !p.ref.IsZero() {
		if l == leanFuture && shifted { // "the coming Friday": after today
			pc.from = pickWeekday(w, p.ref.AddDate(0, 0, 1), leanFuture)
		} else {
			pc.from = pickWeekday(w, p.ref, l)
		}
		pc.to, pc.yearKnown = pc.from, true
	}
	return pc, true
}

// weekdayOfWeek is weekday w of the week step weeks from the reference date's.
func (p *parser) weekdayOfWeek(end int, w time.Weekday, step int) piece {
	if p.ref.IsZero() {
		pc := unresolved(end, KindDate, claims.PrecisionDay)
		pc.weekday = true
		return pc
	}
	monday, _ := weekOf(p.ref)
	d := weekdayIn(monday.AddDate(0, 0, 7*step), w)
	pc := p.span(end, d, d, claims.PrecisionDay)
	pc.weekday = true
	return pc
}

// weekdayDate reads the date that may follow a weekday at i, after a comma,
// a dash or inside brackets: "Saturday, Sept. 16", "Saturday (September 16)",
// "friday 7/6", "Friday-Jun-15". The date decides the day.
func (p *parser) weekdayDate(i int) (piece, bool) {
	k := p.skipGluedDot(i)
	k = p.skipPunct(k, ',')
	paren := p.isPunct(k, '(')
	if paren {
		k++
	} else if p.isPunct(k, '-') && p.glued(k) {
		k++
	}
	pc, ok := p.datePart(k)
	if !ok {
		return piece{}, false
	}
	if paren {
		if !p.isPunct(pc.end, ')') {
			return piece{}, false
		}
		pc.end++
	}
	return pc, true
}

// datePart reads a date that names at least its month and day.
func (p *parser) datePart(k int) (piece, bool) {
	if ph, next, ok := p.phraseAt(k, monthClass); ok {
		pc, ok := p.monthExpr(ph.value, next, p.defaultLean(), false)
		return pc, ok && pc.day > 0
	}
	n, ok := p.numeral(k)
	if !ok {
		return piece{}, false
	}
	switch {
	case n.groups == 3:
		return p.numericDate(k, n)
	case n.groups == 2 && n.sep[0] != ',' && n.sep[0] != ':':
		return p.monthSlashDay(k, n) // "friday 7/6", "friday 7.6"
	}
	if d, ok := n.dayOfMonth(); ok {
		return p.dayFirst(k, d)
	}
	return piece{}, false
}

// dayword reads "today", "yesterday", "last night" and the like, with a part
// of the day after a one-word one ("yesterday morning").
func (p *parser) dayword(ph *phrase, next int) piece {
	end := next
	if len(ph.rest) == 0 {
		if _, nx, ok := p.phraseAt(next, daypartClass); ok {
			end = nx
		}
	}
	return p.dayOffset(end, ph.value)
}

// dayOffset is the day off days from the reference date.
func (p *parser) dayOffset(end, off int) piece {
	if p.ref.IsZero() {
		return piece{end: end, kind: KindDate, prec: claims.PrecisionDay, wday: -1, fixed: true}
	}
	d := p.ref.AddDate(0, 0, off)
	return p.span(end, d, d, claims.PrecisionDay)
}
