package numbers

import "strings"

// extendRange joins a to a second figure when a range connector follows:
// "25,000-30,000", "10 to 15 per cent", "four to six million", "between $1
// million and $2 million", "from 4 to 6", "8- to 16-metre", "44 mg to 50 mg".
func (sc *scanner) extendRange(a figure) (figure, bool) {
	if !a.rangeable() {
		return a, false
	}
	s := sc.s
	start, anchor := a.Start, ""
	for _, w := range [...]string{"between", "from"} {
		if st, ok := sc.prevWordIs(a.Start, w); ok {
			start, anchor = st, w
			break
		}
	}
	pos := a.End
	if a.digits && pos < len(s) {
		if d := dashLen(s, pos); d > 0 && startsLiteral(s, pos+d) { // "25,000-30,000"
			b, ok := sc.figureAt(pos + d)
			if !ok || !b.digits {
				return a, false
			}
			if r, ok := join(a, b, start, anchor); ok {
				return r, true
			}
			if a.literal && b.literal { // "2-1", "10-4": a score or a code
				return sc.identifier(a.Start, a.Start), true
			}
			return a, false
		}
		if s[pos] == '-' { // a suspended hyphen: "8- to 16-metre"
			pos++
		}
	}
	j := skipSpace(s, pos)
	if j == pos || j == len(s) {
		return a, false
	}
	if d := dashLen(s, j); d > 0 { // "1000 - 5000"
		k := skipSpace(s, j+d)
		if !a.digits || k == j+d || !startsLiteral(s, k) {
			return a, false
		}
		if b, ok := sc.figureAt(k); ok && b.digits {
			return join(a, b, start, anchor)
		}
		return a, false
	}
	if b, ok := sc.connected(j, anchor); ok {
		return join(a, b, start, anchor)
	}
	// The same unit after both ends: "44 mg to 50 mg", "-18 °C to -34 °C".
	unitEnd := unitWordEnd(s, j)
	if unitEnd == j {
		return a, false
	}
	if b, ok := sc.connected(skipSpace(s, unitEnd), anchor); ok && sc.wordFollows(b.End, s[j:unitEnd]) {
		return join(a, b, start, anchor)
	}
	return a, false
}

// connected reads a range connector at j ("to", "through", or "and" after
// "between") and the figure after it.
func (sc *scanner) connected(j int, anchor string) (figure, bool) {
	end := letterEnd(sc.s, j)
	switch w := sc.s[j:end]; {
	case equalFold(w, "to"), equalFold(w, "through"), equalFold(w, "thru"):
	case equalFold(w, "and") && anchor == "between":
	default:
		return figure{}, false
	}
	k := skipSpace(sc.s, end)
	if k == end || k == len(sc.s) {
		return figure{}, false
	}
	return sc.figureAt(k)
}

// join makes the range a–b, or reports that they are none. The mention
// starts at start; with an anchor ("between", "from") the ends may come in
// either order ("from 30 to 20").
func join(a, b figure, start int, anchor string) (figure, bool) {
	if !b.rangeable() {
		return a, false
	}
	switch {
	case a.Kind == b.Kind:
	case a.Kind == KindCardinal && a.Unit == "" && (b.Kind == KindPercent || b.Kind == KindMoney):
		// The sign or word on the second end applies to both: "10-15%".
		a.Kind, a.Unit, a.Currency = b.Kind, b.Unit, b.Currency
	case b.Kind == KindCardinal && b.Unit == "" && (a.Kind == KindPercent || a.Kind == KindMoney):
		// "$1 million to 2 million"
	default:
		return a, false
	}
	if b.Currency != "" && b.Currency != a.Currency || a.Unit != "" && b.Unit != "" && a.Unit != b.Unit {
		return a, false
	}
	low, high := a.Low, b.High
	if a.scale == 1 && b.scale > 1 && a.Low < b.Low/b.scale { // "four to six million"
		low *= b.scale
	}
	if low > high {
		if anchor == "" {
			return a, false
		}
		low, high = high, low
	}
	r := a
	r.Start, r.End = start, b.End
	r.Low, r.High = low, high
	r.Range = true
	r.Spelled = a.Spelled || b.Spelled
	if r.Unit == "" {
		r.Unit = b.Unit
	}
	r.scale = b.scale
	return r, true
}

// unitWordEnd is the end of a unit word at j: letters, or a degree sign and
// letters ("°C"); j if there is none.
func unitWordEnd(s string, j int) int {
	k := j
	if strings.HasPrefix(s[j:], "°") {
		k += len("°")
	}
	end := letterEnd(s, k)
	if end == k || end < len(s) && isDigit(s[end]) {
		return j
	}
	return end
}

// wordFollows reports whether the unit w comes again after blanks at pos.
func (sc *scanner) wordFollows(pos int, w string) bool {
	s := sc.s
	j := skipSpace(s, pos)
	end := j + len(w)
	if j == pos || end > len(s) || !strings.EqualFold(s[j:end], w) {
		return false
	}
	return end == len(s) || !isAlnum(s[end])
}
