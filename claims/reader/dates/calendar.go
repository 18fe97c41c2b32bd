package dates

import "time"

// Calendar arithmetic on UTC-midnight days.

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// validDay reports whether y-m-d is a real day (not February 30).
func validDay(y int, m time.Month, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	return day(y, m, d).Day() == d
}

func lastOfMonth(y int, m time.Month) time.Time { return day(y, m+1, 0) }

// weekOf gives the Monday-to-Sunday week that holds t.
func weekOf(t time.Time) (from, to time.Time) {
	from = t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
	return from, from.AddDate(0, 0, 6)
}

// lean says which occurrence of a repeating day or month a text means.
type lean uint8

const (
	leanPast   lean = iota // the latest one that has begun by the reference date
	leanFuture             // the first one that has not ended by the reference date
	leanLast               // the latest one over before the reference date ("last June")
	leanNext               // the first one that begins after the reference date ("next June")
	leanThis               // the one in the reference date's year or week ("this June")
)

// slot is a part of every year: a day, a month, a quarter, a season. toMonth
// may pass 12 for a slot that runs into the next year (winter); toDay 0 means
// the last day of toMonth.
type slot struct {
	fromMonth time.Month
	fromDay   int
	toMonth   time.Month
	toDay     int
}

func monthSlot(m time.Month) slot { return slot{m, 1, m, 0} }

// in gives the slot's span in year y; ok is false when the slot does not
// exist that year (February 29).
func (s slot) in(y int) (from, to time.Time, ok bool) {
	if !validDay(y, s.fromMonth, s.fromDay) {
		return time.Time{}, time.Time{}, false
	}
	from = day(y, s.fromMonth, s.fromDay)
	if s.toDay == 0 {
		to = day(y, s.toMonth+1, 0)
	} else {
		to = day(y, s.toMonth, s.toDay)
	}
	return from, to, true
}

// pick resolves a slot given without a year against ref. Leap days may
// need to look up to eight years away.
func (s slot) pick(ref time.Time, l lean) (from, to time.Time, ok bool) {
	if ref.IsZero() {
		return time.Time{}, time.Time{}, false
	}
	y := ref.Year()
	if l == leanThis {
		// The slot's own year, or the one running when it spans New Year.
		for _, c := range [...]int{y, y - 1} {
			if f, t, ok := s.in(c); ok && !ref.Before(f) && !ref.After(t) {
				return f, t, true
			}
		}
		return s.in(y)
	}
	backward := l == leanPast || l == leanLast
	for k := 0; k <= 9; k++ {
		c := y + 1 - k
		if !backward {
			c = y - 1 + k
		}
		f, t, ok := s.in(c)
		if !ok {
			continue
		}
		switch {
		case l == leanPast && !f.After(ref),
			l == leanLast && t.Before(ref),
			l == leanFuture && !t.Before(ref),
			l == leanNext && f.After(ref):
			return f, t, true
		}
	}
	return time.Time{}, time.Time{}, false
}

// pickDayOfMonth resolves a day of month given without month or year ("the
// 27th") by lean. With a weekday ("Thursday the 21st") the pair is rare
// enough that the nearest match on either side is meant.
func pickDayOfMonth(d int, weekday int, ref time.Time, l lean) (time.Time, bool) {
	if ref.IsZero() || d < 1 || d > 31 {
		return time.Time{}, false
	}
	back, okBack := stepDayOfMonth(d, weekday, ref, -1)
	ahead, okAhead := stepDayOfMonth(d, weekday, ref, 1)
	switch {
	case weekday >= 0 && okBack && okAhead:
		if ahead.Sub(ref) < ref.Sub(back) {
			return ahead, true
		}
		return back, true
	case l == leanFuture || l == leanNext:
		return ahead, okAhead
	}
	return back, okBack
}

// stepDayOfMonth walks month by month from ref's, back (step -1) or ahead
// (+1), to the first day d on or past ref that falls on weekday (-1: any).
func stepDayOfMonth(d, weekday int, ref time.Time, step int) (time.Time, bool) {
	first := day(ref.Year(), ref.Month(), 1)
	for k := 0; k < 60; k++ { // a weekday and a day of month meet within 14 months
		m := first.AddDate(0, step*k, 0)
		if !validDay(m.Year(), m.Month(), d) {
			continue
		}
		t := day(m.Year(), m.Month(), d)
		if step < 0 && t.After(ref) || step > 0 && t.Before(ref) {
			continue
		}
		if weekday < 0 || int(t.Weekday()) == weekday {
			return t, true
		}
	}
	return time.Time{}, false
}

// pickWeekday resolves a weekday name against ref.
func pickWeekday(w time.Weekday, ref time.Time, l lean) time.Time {
	diff := int(w) - int(ref.Weekday()) // days from ref to w in ref's Sunday week
	switch l {
	case leanPast:
		return ref.AddDate(0, 0, -mod(-diff, 7))
	case leanLast:
		return ref.AddDate(0, 0, -1-mod(-diff-1, 7))
	case leanFuture:
		return ref.AddDate(0, 0, mod(diff, 7))
	case leanNext:
		monday, _ := weekOf(ref)
		return monday.AddDate(0, 0, 7+mod(int(w)-1, 7))
	default: // leanThis: the weekday of the Monday-to-Sunday week
		monday, _ := weekOf(ref)
		return monday.AddDate(0, 0, mod(int(w)-1, 7))
	}
}

// weekdayIn gives weekday w of the Monday-to-Sunday week starting at monday.
func weekdayIn(monday time.Time, w time.Weekday) time.Time {
	return monday.AddDate(0, 0, mod(int(w)-1, 7))
}

func mod(a, n int) int { return ((a % n) + n) % n }

// amount is a length of time: count units, possibly fractional.
type amount struct {
	count float64
	unit  string
}

// unitMonths and unitDays give each unit's length; a unit has one or the other.
var (
	unitMonths = map[string]int{"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}
	unitDays   = map[string]int{"day": 1, "week": 7, "fortnight": 14}
)

// add moves t by sign × the amount. Month-based amounts move whole months and
// give a fraction's rest as days ("a year and a half" is 18 months).
func (a amount) add(t time.Time, sign int) time.Time {
	if n, ok := unitMonths[a.unit]; ok {
		months := a.count * float64(n)
		whole := int(months)
		days := int((months - float64(whole)) * 30)
		return t.AddDate(0, sign*whole, sign*days)
	}
	return t.AddDate(0, 0, sign*int(a.count*float64(unitDays[a.unit])))
}

// days is the amount's approximate length in days.
func (a amount) days() int {
	if n, ok := unitMonths[a.unit]; ok {
		return int(a.count*float64(n)*365.25/12 + 0.5)
	}
	return int(a.count * float64(unitDays[a.unit]))
}
