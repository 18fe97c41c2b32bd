package numbers

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// literal is a run of digits with its thousands separators and decimal part.
type literal struct {
	end         int
	value       float64
	intDigits   int
	fracDigits  int
	grouped     bool // "1,121"
	leadingZero bool // "01", "007": a code or a date part, never a range end
}

func (l literal) integer() bool { return l.fracDigits == 0 }

// maxExactDigits is how many digits fit a uint64 mantissa.
const maxExactDigits = 19

var powersOfTen = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19}

// readLiteral reads "1,500,000", "17.9", ".5", "40 000" (with a no-break
// space) at i, which holds a digit or a point before a digit.
func readLiteral(s string, i int) literal {
	l := literal{end: i}
	var mantissa uint64
	digits, group := 0, 0
	j := i
	lakh := lakhGroupedEnd(s, i)
	for j < lakh {
		if isDigit(s[j]) {
			mantissa = mantissa*10 + uint64(s[j]-'0')
			digits++
			l.intDigits++
		}
		l.grouped = true
		j++
	}
	for j < len(s) && lakh < 0 {
		c := s[j]
		if isDigit(c) {
			if digits < maxExactDigits {
				mantissa = mantissa*10 + uint64(c-'0')
			}
			digits++
			l.intDigits++
			group++
			j++
			continue
		}
		// A separator counts only before exactly three digits, after a first
		// group of at most three: "1,234,567" but not "22,24" or "1234,567".
		sep := groupSeparatorLen(s, j)
		if sep == 0 || l.intDigits == 0 || !l.grouped && group > 3 || l.grouped && group != 3 || !threeDigits(s, j+sep) {
			break
		}
		l.grouped = true
		group = 0
		j += sep
	}
	if j+1 < len(s) && s[j] == '.' && isDigit(s[j+1]) {
		j++
		for j < len(s) && isDigit(s[j]) {
			if digits < maxExactDigits {
				mantissa = mantissa*10 + uint64(s[j]-'0')
				l.fracDigits++
			}
			digits++
			j++
		}
	}
	l.end = j
	l.leadingZero = l.intDigits > 1 && s[i] == '0'
	if digits <= maxExactDigits {
		l.value = float64(mantissa) / powersOfTen[l.fracDigits]
		return l
	}
	// Too many digits to hold exactly: rare enough to parse the slow way.
	clean := strings.NewReplacer(",", "", "\u00a0", "", "\u202f", "").Replace(s[i:j])
	l.value, _ = strconv.ParseFloat(clean, 64)
	l.fracDigits = 0
	if k := strings.IndexByte(clean, '.'); k >= 0 {
		l.fracDigits = len(clean) - k - 1
	}
	return l
}

// lakhGroupedEnd is the end of a number grouped the Indian way at i, in
// lakhs and crores ("8,17,000" is 817,000; "1,23,45,678"): one or two
// digits, pairs, then a last group of three. -1 when there is none.
func lakhGroupedEnd(s string, i int) int {
	j := i
	for j < len(s) && j-i < 2 && isDigit(s[j]) {
		j++
	}
	if j == i || j >= len(s) || s[j] != ',' {
		return -1
	}
	pairs := 0
	for j+3 < len(s) && s[j] == ',' && isDigit(s[j+1]) && isDigit(s[j+2]) && s[j+3] == ',' {
		j += 3
		pairs++
	}
	if pairs == 0 || !threeDigits(s, j+1) || pairs*2+5 > maxExactDigits {
		return -1
	}
	return j + 4
}

// groupSeparatorLen is the length of a thousands separator at j: a comma,
// a no-break space or a narrow no-break space; 0 if none.
func groupSeparatorLen(s string, j int) int {
	switch {
	case s[j] == ',':
		return 1
	case strings.HasPrefix(s[j:], "\u00a0"):
		return len("\u00a0")
	case strings.HasPrefix(s[j:], "\u202f"):
		return len("\u202f")
	}
	return 0
}

// threeDigits reports whether exactly three digits start at j.
func threeDigits(s string, j int) bool {
	return j+3 <= len(s) && isDigit(s[j]) && isDigit(s[j+1]) && isDigit(s[j+2]) &&
		(j+3 == len(s) || !isDigit(s[j+3]))
}

// numeric reads a figure whose digits start at i. The mention starts at
// start, before a sign or currency symbol.
func (sc *scanner) numeric(start, i int, negative bool, currency string) figure {
	s := sc.s
	lit := readLiteral(s, i)
	f := newFigure(start, lit.end, lit.value)
	if negative {
		f.set(-lit.value)
	}
	f.digits = true
	if currency != "" {
		f.Kind, f.Currency = KindMoney, currency
	}
	j := lit.end
	if j == len(s) {
		f.literal = currency == ""
		return f
	}
	c := s[j]
	next := byte(0)
	if j+1 < len(s) {
		next = s[j+1]
	}
	switch {
	case (c == '/' || c == '.' || c == '+') && isDigit(next): // "9/11", "24/7", "192.168.1.2"
		return sc.identifier(start, i)
	case c == ':' && isDigit(next):
		if t, ok := sc.clock(start, lit, j); ok {
			return t
		}
		return sc.identifier(start, i) // "2:1"
	case isLetter(c):
		return sc.gluedLetters(f, lit, i, j)
	case c == '%':
		if isAlnum(next) { // an escape in a web address: "30%25"
			return sc.identifier(start, i)
		}
		f.End, f.Kind, f.Unit, f.closed = j+1, KindPercent, "percent", true
		return f
	case c == '-' && isLetter(next):
		sc.hyphenWord(&f, j+1)
		sc.tail(&f)
		return f
	case c >= utf8.RuneSelf:
		if currency == "" && strings.HasPrefix(s[j:], "€") { // "15€"
			f.End, f.Kind, f.Currency = j+len("€"), KindMoney, "EUR"
			sc.tail(&f)
			return f
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		if v, ok := vulgarFractions[r]; ok { // "2½"
			f.set(f.Low + v)
			f.End = j + size
			sc.tail(&f)
			return f
		}
	}
	if d := dashLen(s, j); d > 0 && j+d < len(s) && isDigit(s[j+d]) {
		if r, ok := sc.hyphenedDigits(f, i, lit, j+d); ok {
			return r
		}
	}
	if t, ok := sc.clockHour(start, lit, j); ok { // "4 pm", "4.17 pm"
		return t
	}
	if t, ok := sc.wireTime(start, lit, j); ok { // "1500 GMT"
		return t
	}
	if c == ' ' && j+1 < len(s) && s[j+1] >= utf8.RuneSelf {
		r, size := utf8.DecodeRuneInString(s[j+1:])
		if v, ok := vulgarFractions[r]; ok && lit.integer() { // "2 ½"
			f.set(f.Low + v)
			f.End = j + 1 + size
		}
	}
	f.literal = currency == "" && !negative && f.End == lit.end
	sc.tail(&f)
	return f
}

// hyphenedDigits looks at digits joined to a literal by a dash at k: a
// year span ("2023-24"), or a code or date ("1995-01", "2024-01-05",
// "1-222-2222"). Anything else is left for extendRange. The first
// literal a starts at i.
func (sc *scanner) hyphenedDigits(f figure, i int, a literal, k int) (figure, bool) {
	s := sc.s
	b := readLiteral(s, k)
	if b.end < len(s) && (s[b.end] == '-' || s[b.end] == '/') && b.end+1 < len(s) && isDigit(s[b.end+1]) ||
		b.leadingZero {
		return sc.identifier(f.Start, i), true
	}
	if a.integer() && !a.grouped && a.intDigits == 4 && a.value >= 1000 && a.value < 3000 &&
		f.Low > 0 && b.integer() && b.intDigits == 2 && (b.end == len(s) || !isAlnum(s[b.end])) {
		century := a.value - float64(int(a.value)%100)
		if end := century + b.value; end > a.value {
			f.End, f.High, f.Range, f.closed = b.end, end, true, true
			return f, true
		}
	}
	return f, false
}

// hyphenWord reads the word joined by a hyphen at j to a figure:
// "15-thousand" (KBS style), "8-fold". Other words ("30-year-old") stay out.
func (sc *scanner) hyphenWord(f *figure, j int) {
	end := letterEnd(sc.s, j)
	if equalFold(sc.s[j:end], "fold") {
		f.End, f.Kind, f.closed = end, KindMultiplier, true
		return
	}
	lx, ok := lookup(sc.s[j:end])
	if ok && !lx.plural && !lx.ordinal && (lx.class == wordScale || lx.class == wordHundred) {
		f.set(f.Low * lx.value)
		f.End, f.scale = end, lx.value
	}
}

// gluedLetters reads letters glued to a literal that ends at j: "22nd",
// "4.8m", "40pc", "1960s", "4pm", "17.9km", "4x4".
func (sc *scanner) gluedLetters(f figure, lit literal, i, j int) figure {
	s := sc.s
	k := letterEnd(s, j)
	if k < len(s) && isDigit(s[k]) { // "4x4", "06F6"
		return sc.identifier(f.Start, i)
	}
	run := s[j:k]
	switch {
	case lit.integer() && isOrdinalSuffix(run):
		f.End, f.Kind, f.closed = k, KindOrdinal, true
		return f
	case isMeridiem(run) || (run == "a" || run == "p" || run == "A" || run == "P") && strings.HasPrefix(s[k:], ".m"):
		if t, ok := sc.clockHour(f.Start, lit, j); ok {
			return t
		}
	}
	if run == "m" && f.Currency == "" {
		switch metresBefore(s, k) {
		case metreEvent: // "the 100m sprint" names a race
			return sc.identifier(f.Start, k)
		case metreDimension, metreStructure: // "a 300m-long tunnel", "a 300m tunnel"
			f.End, f.closed, f.Unit = k, true, run
			return f
		}
	}
	if scale, ok := gluedScales[run]; ok || (f.Currency != "" || lit.fracDigits > 0) && contextualScales[run] > 0 {
		if !ok {
			scale = contextualScales[run]
		}
		f.set(f.Low * scale)
		f.End, f.scale, f.literal = k, scale, false
		sc.tail(&f)
		return f
	}
	f.End, f.closed = k, true
	switch {
	case run == "pc" || run == "pct":
		f.Kind, f.Unit = KindPercent, "percent"
	case run == "x" || run == "X": // "a 3x rise"
		f.Kind = KindMultiplier
	case len(run) == 1 && isUpper(run[0]): // "5G", "3D"
		f.Kind = KindIdentifier
		f.set(0)
	default: // "17.9km", "1960s"
		f.Unit = run
	}
	return f
}

func isOrdinalSuffix(run string) bool {
	return equalFold(run, "st") || equalFold(run, "nd") || equalFold(run, "rd") || equalFold(run, "th")
}

func isMeridiem(run string) bool { return equalFold(run, "am") || equalFold(run, "pm") }

// clock reads "04:17", "4:17 pm", "16:00 GMT"; lit is the hour and the
// colon is at j.
func (sc *scanner) clock(start int, lit literal, j int) (figure, bool) {
	s := sc.s
	minutes, ok := twoDigits(s, j+1)
	if !ok || !lit.integer() || lit.grouped || lit.intDigits > 2 || lit.value > 24 || minutes > 59 {
		return figure{}, false
	}
	end := j + 3
	if end < len(s) && s[end] == ':' {
		if _, ok := twoDigits(s, end+1); ok {
			end += 3
		}
	}
	hours := lit.value + minutes/60
	if mEnd, pm, ok := meridiemAt(s, end); ok && lit.value >= 1 && lit.value <= 12 {
		hours, end = to24(hours, pm), mEnd
	}
	return sc.timeFigure(start, end, hours), true
}

// clockHour reads an hour before "am" or "pm": "4pm", "4 p.m.", "4.17pm".
func (sc *scanner) clockHour(start int, lit literal, j int) (figure, bool) {
	if lit.grouped || lit.intDigits > 2 || lit.value < 1 || lit.value >= 13 {
		return figure{}, false
	}
	hours := lit.value
	if !lit.integer() { // "4.17pm": the decimals are minutes
		whole := float64(int(lit.value))
		minutes := (lit.value - whole) * 100
		if lit.fracDigits != 2 || whole < 1 || minutes > 59.5 {
			return figure{}, false
		}
		hours = whole + minutes/60
	}
	end, pm, ok := meridiemAt(sc.s, j)
	if !ok {
		return figure{}, false
	}
	return sc.timeFigure(start, end, to24(hours, pm)), true
}

// wireTime reads a four-digit time before a zone, as wire copy writes it:
// "0600 GMT", "1530 KST".
func (sc *scanner) wireTime(start int, lit literal, j int) (figure, bool) {
	if !lit.integer() || lit.grouped || lit.intDigits != 4 {
		return figure{}, false
	}
	hours, minutes := float64(int(lit.value)/100), float64(int(lit.value)%100)
	if hours > 23 || minutes > 59 {
		return figure{}, false
	}
	if _, _, ok := timeZoneAt(sc.s, j); !ok {
		return figure{}, false
	}
	return sc.timeFigure(start, j, hours+minutes/60), true
}

func (sc *scanner) timeFigure(start, end int, hours float64) figure {
	f := newFigure(start, end, hours)
	f.Kind, f.closed = KindTime, true
	if zEnd, zone, ok := timeZoneAt(sc.s, end); ok {
		f.End, f.Unit = zEnd, zone
	}
	return f
}

func to24(hours float64, pm bool) float64 {
	switch {
	case pm && hours < 12:
		return hours + 12
	case !pm && hours >= 12:
		return hours - 12
	}
	return hours
}

// meridiemAt reads "am", "pm", "a.m." or "p.m." at j, after at most one space.
func meridiemAt(s string, j int) (end int, pm bool, ok bool) {
	if j < len(s) && s[j] == ' ' {
		j++
	}
	if j+2 > len(s) {
		return j, false, false
	}
	c := lower(s[j])
	if c != 'a' && c != 'p' {
		return j, false, false
	}
	switch {
	case lower(s[j+1]) == 'm' && (j+2 == len(s) || !isAlnum(s[j+2])):
		end = j + 2
	case strings.HasPrefix(s[j+1:], ".m.") || strings.HasPrefix(s[j+1:], ".M."):
		end = j + 4
	default:
		return j, false, false
	}
	return end, c == 'p', true
}

// timeZoneAt reads a zone such as "GMT" after one space at j.
func timeZoneAt(s string, j int) (end int, zone string, ok bool) {
	if j >= len(s) || s[j] != ' ' {
		return j, "", false
	}
	k := j + 1
	for k < len(s) && isUpper(s[k]) {
		k++
	}
	if k < len(s) && isAlnum(s[k]) || !timeZones[s[j+1:k]] {
		return j, "", false
	}
	return k, s[j+1 : k], true
}

func twoDigits(s string, j int) (float64, bool) {
	if j+2 > len(s) || !isDigit(s[j]) || !isDigit(s[j+1]) || j+2 < len(s) && isDigit(s[j+2]) {
		return 0, false
	}
	return float64(s[j]-'0')*10 + float64(s[j+1]-'0'), true
}
