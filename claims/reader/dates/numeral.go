package dates

// numeral is a number token taken apart: up to three digit groups and the
// separators between them ("2024-01-26", "04:17", "1,121"), with any glued
// ordinal or plural suffix ("27th", "1990s").
type numeral struct {
	val     [3]int
	width   [3]int // digits in each group
	sep     [2]byte
	groups  int // all groups, even past the third
	ordinal bool
	plural  bool
}

// numeral reads token i when it is a number.
func (p *parser) numeral(i int) (numeral, bool) {
	if i < 0 || i >= len(p.toks) || p.toks[i].kind != numberToken {
		return numeral{}, false
	}
	var n numeral
	s := p.text[p.toks[i].start:p.toks[i].end]
	n.groups = 1
	for k := 0; k < len(s); k++ {
		c := s[k]
		g := n.groups - 1
		switch {
		case isDigit(c):
			if g < len(n.val) && n.width[g] < 9 { // longer runs are never dates
				n.val[g] = n.val[g]*10 + int(c-'0')
			}
			if g < len(n.width) {
				n.width[g]++
			}
		case isNumberSeparator(c) && k+1 < len(s) && isDigit(s[k+1]):
			if g < len(n.sep) {
				n.sep[g] = c
			}
			n.groups++
		default: // the suffix the tokenizer let in: st, nd, rd, th, s, 's, ’s
			n.ordinal = len(s)-k == 2 && isOrdinalSuffix(s[k], s[k+1])
			n.plural = !n.ordinal
			return n, true
		}
	}
	return n, true
}

// plain reports whether the numeral is one group of digits and nothing else.
func (n numeral) plain() bool { return n.groups == 1 && !n.ordinal && !n.plural }

// year gives a plain four-digit number as a year of the range news writes
// about without further context.
func (n numeral) year() (int, bool) {
	if n.plain() && n.width[0] == 4 && n.val[0] >= 1900 && n.val[0] <= 2100 {
		return n.val[0], true
	}
	return 0, false
}

// dayOfMonth gives a one- or two-digit number, plain or ordinal, from 1 to 31.
func (n numeral) dayOfMonth() (int, bool) {
	if n.groups == 1 && !n.plural && n.width[0] <= 2 && n.val[0] >= 1 && n.val[0] <= 31 {
		return n.val[0], true
	}
	return 0, false
}

// count gives a plain number or decimal ("1.5") that may count units.
func (n numeral) count() (float64, bool) {
	switch {
	case n.plain() && n.width[0] <= 4:
		return float64(n.val[0]), n.val[0] > 0
	case n.groups == 2 && n.sep[0] == '.' && !n.ordinal && !n.plural && n.width[0] <= 3 && n.width[1] <= 2:
		frac := float64(n.val[1])
		for range n.width[1] {
			frac /= 10
		}
		return float64(n.val[0]) + frac, n.val[0]+n.val[1] > 0
	}
	return 0, false
}

// fullYear widens a two-digit year: 00–49 are this century, 50–99 the last.
func fullYear(v, width int) int {
	switch {
	case width == 4:
		return v
	case width == 2 && v < 50:
		return 2000 + v
	case width == 2:
		return 1900 + v
	}
	return 0
}
