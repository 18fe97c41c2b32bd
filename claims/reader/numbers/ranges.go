package numbers

import (
	_ "embed"
	"strings"
)

//go:embed data/change_verbs.txt
var changeVerbsText string

// changeVerbs are the words of change in data/change_verbs.txt.
var changeVerbs = func() map[string]bool {
	words := map[string]bool{}
	for _, line := range strings.Split(changeVerbsText, "\n") {
		if w := strings.TrimSpace(line); w != "" && !strings.HasPrefix(w, "#") {
			words[strings.ToLower(w)] = true
		}
	}
	return words
}()

// changeReach is how many words before "from" (or "to") a word of change
// may stand: "raised its casualty estimate from 30 to 52".
const changeReach = 4

// changedFrom reports whether a word of change stands shortly before the
// "from" at start, in the same clause.
func (sc *scanner) changedFrom(start int) bool { return changeBefore(sc.s, sc.last, start) }

// ChangeBefore reports whether a word of change of data/change_verbs.txt
// stands within a few words before offset at in s, with no punctuation or
// figure between: the "rose" of "rose to 52 from 30" before its "to".
func ChangeBefore(s string, at int) bool { return changeBefore(s, 0, at) }

// changeBefore is ChangeBefore looking no further back than limit.
func changeBefore(s string, limit, at int) bool {
	j := at
	for range changeReach {
		for j > limit && (s[j-1] == ' ' || s[j-1] == '\t') {
			j--
		}
		end := j
		for j > limit && isLetter(s[j-1]) {
			j--
		}
		if j == end {
			return false // punctuation, a figure, or the start of the text
		}
		if changeVerbs[strings.ToLower(s[j:end])] {
			return true
		}
	}
	return false
}

// extendRange joins a to a second figure when a range connector follows:
// "25,000-30,000", "10 to 15 per cent", "four to six million", "between $1
// million and $2 million", "from 4 to 6", "8- to 16-metre", "44 mg to 50 mg".
func (sc *scanner) extendRange(a *figure) {
	if !a.rangeable() {
		return
	}
	s := sc.s
	pos := a.End
	if a.digits && pos < len(s) {
		if d := dashLen(s, pos); d > 0 && startsLiteral(s, pos+d) { // "25,000-30,000"
			b, ok := sc.figureAt(pos + d)
			if !ok || !b.digits {
				return
			}
			if !sc.join(a, b) && a.literal && b.literal { // "2-1", "10-4": a score or a code
				*a = sc.identifier(a.Start, a.Start)
			}
			return
		}
		if s[pos] == '-' { // a suspended hyphen: "8- to 16-metre"
			pos++
		}
	}
	j := skipSpace(s, pos)
	if j == pos || j == len(s) {
		return
	}
	if d := dashLen(s, j); d > 0 { // "1000 - 5000"
		k := skipSpace(s, j+d)
		if !a.digits || k == j+d || !startsLiteral(s, k) {
			return
		}
		if b, ok := sc.figureAt(k); ok && b.digits {
			sc.join(a, b)
		}
		return
	}
	if b, ok := sc.connected(j, a.Start); ok {
		sc.join(a, b)
		return
	}
	// The same unit after both ends: "44 mg to 50 mg", "-18 °C to -34 °C".
	unitEnd := unitWordEnd(s, j)
	if unitEnd == j {
		return
	}
	if b, ok := sc.connected(skipSpace(s, unitEnd), a.Start); ok && sc.wordFollows(b.End, s[j:unitEnd]) {
		sc.join(a, b)
	}
}

// connected reads a range connector at j ("to", "through", or "and" after
// "between") and the figure after it; the first figure starts at aStart.
func (sc *scanner) connected(j, aStart int) (figure, bool) {
	end := letterEnd(sc.s, j)
	switch w := sc.s[j:end]; {
	case equalFold(w, "to"), equalFold(w, "through"), equalFold(w, "thru"):
	case equalFold(w, "and"):
		if _, anchor := sc.rangeAnchor(aStart); anchor != "between" {
			return figure{}, false
		}
	default:
		return figure{}, false
	}
	k := skipSpace(sc.s, end)
	if k == end || k == len(sc.s) {
		return figure{}, false
	}
	return sc.figureAt(k)
}

// rangeAnchor finds "between" or "from" before a range that starts at pos.
func (sc *scanner) rangeAnchor(pos int) (start int, anchor string) {
	for _, w := range [...]string{"between", "from"} {
		if start, ok := sc.prevWordIs(pos, w); ok {
			return start, w
		}
	}
	return pos, ""
}

// join makes a the range a–b, or reports that they are none. With an anchor
// ("between", "from") the mention starts there and the ends may come in
// either order ("from 30 to 20").
func (sc *scanner) join(a *figure, b figure) bool {
	if !b.rangeable() {
		return false
	}
	kind, unit, currency := a.Kind, a.Unit, a.Currency
	switch {
	case a.Kind == b.Kind:
	case a.Kind == KindCardinal && a.Unit == "" && (b.Kind == KindPercent || b.Kind == KindMoney):
		// The sign or word on the second end applies to both: "10-15%".
		kind, unit, currency = b.Kind, b.Unit, b.Currency
	case b.Kind == KindCardinal && b.Unit == "" && (a.Kind == KindPercent || a.Kind == KindMoney):
		// "$1 million to 2 million"
	default:
		return false
	}
	if b.Currency != "" && b.Currency != currency || unit != "" && b.Unit != "" && unit != b.Unit {
		return false
	}
	low, high := a.Low, b.High
	if a.scale == 1 && b.scale > 1 && a.Low < b.Low/b.scale { // "four to six million"
		low *= b.scale
	}
	start, anchor := sc.rangeAnchor(a.Start)
	if low == high && anchor == "" { // "50-50" is a name or a score
		return false
	}
	if anchor == "from" && sc.changedFrom(start) {
		// "rose from 30 to 52": a figure before and one after, not a
		// range; a sign or word on the second is the first's too ("fell
		// from 30 to 20 per cent").
		if unit == "" {
			unit = b.Unit
		}
		a.Kind, a.Unit, a.Currency = kind, unit, currency
		return false
	}
	if low > high {
		if anchor == "" {
			return false
		}
		low, high = high, low
	}
	if unit == "" {
		unit = b.Unit
	}
	a.Start, a.End = start, b.End
	a.Low, a.High = low, high
	a.Kind, a.Unit, a.Currency = kind, unit, currency
	a.Range = true
	a.Spelled = a.Spelled || b.Spelled
	a.scale = b.scale
	return true
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
