package numbers

// sep is what joins two words of a number.
type sep uint8

const (
	sepNone   sep = iota
	sepSpace      // "twenty five", "nine million"
	sepHyphen     // "twenty-five", "eleven-thousand"
)

// next finds where the word after end starts and what joins it. The
// position may hold anything; callers check it.
func (sc *scanner) next(end int) (int, sep) {
	s := sc.s
	if end < len(s) && s[end] == '-' {
		if end+1 < len(s) && isAlnum(s[end+1]) {
			return end + 1, sepHyphen
		}
		return end, sepNone
	}
	j := skipSpace(s, end)
	if j == end || j == len(s) {
		return end, sepNone
	}
	return j, sepSpace
}

// wordAt reads the ASCII word at i and looks it up. Words glued to digits
// are names ("A4") and never number words.
func (sc *scanner) wordAt(i int) (end int, lx lexeme, ok bool) {
	s := sc.s
	if i >= len(s) || !isLetter(s[i]) {
		return i, lexeme{}, false
	}
	end = letterEnd(s, i)
	if end < len(s) && isDigit(s[end]) {
		return end, lexeme{}, false
	}
	lx, ok = lookup(s[i:end])
	return end, lx, ok
}

// wordIs reports whether the word at i is w (in lower case), and where it ends.
func (sc *scanner) wordIs(i int, w string) (int, bool) {
	s := sc.s
	end := i + len(w)
	if end > len(s) || !equalFold(s[i:end], w) || end < len(s) && isAlnum(s[end]) {
		return i, false
	}
	return end, true
}

// spelled reads the figure that starts with the number word lx at s[i:end].
func (sc *scanner) spelled(i, end int, lx lexeme) (figure, bool) {
	switch {
	case lx.class == wordArticle:
		return sc.article(i, end)
	case lx.class == wordHalf || lx.class == wordQuarter:
		if lx.plural {
			return figure{}, false
		}
		return sc.half(i, end, lx)
	case lx.class == wordSeveral:
		if lx.text == "few" { // only "a few hundred"
			return figure{}, false
		}
		return sc.vague(i, lx)
	case lx.plural:
		if lx.ordinal { // "fifths" needs a numerator
			return figure{}, false
		}
		return sc.vague(i, lx)
	case lx.text == "one" && sc.pronounOne(i, end):
		return figure{}, false
	}
	return sc.number(i)
}

// pronounOne reports whether the "one" at s[i:end] names no number:
// "no one", "no-one", "one another".
func (sc *scanner) pronounOne(i, end int) bool {
	s := sc.s
	if _, ok := sc.prevWordIs(i, "no"); ok {
		return true
	}
	if i >= 3 && s[i-1] == '-' && equalFold(s[i-3:i-1], "no") && (i == 3 || !isAlnum(s[i-4])) {
		return true
	}
	if next, sp := sc.next(end); sp == sepSpace {
		if _, ok := sc.wordIs(next, "another"); ok {
			return true
		}
	}
	return false
}

// compound is the state of a number in words being read, e.g. "two
// hundred and five thousand".
type compound struct {
	total     float64   // the part already multiplied by a scale
	cur       float64   // the part below the last scale
	largest   float64   // largest scale folded into total
	lastScale float64   // scale applied last; a later one must be smaller or multiply all
	last      wordClass // class of the last word taken
	lastValue float64   // value of the last word taken
	words     int
	tensOpen  bool // a tens word was taken and a unit may follow: "twenty" … "five"
	article   bool // only "a" so far: it must be multiplied
	ordinal   bool // ended on an ordinal word
	done      bool // ended on a word nothing may follow ("dozen", "zero")
	end       int
}

func (c *compound) value() float64 { return c.total + c.cur }

// take adds a word to the number, or reports that it cannot follow.
func (c *compound) take(lx lexeme) bool {
	v := lx.value
	afterBoundary := c.words == 0 || c.last == wordHundred || c.last == wordScale
	switch lx.class {
	case wordZero:
		if c.words > 0 {
			return false
		}
		c.done = true
	case wordArticle:
		if c.words > 0 {
			return false
		}
		c.cur, c.article = 1, true
	case wordUnit:
		if c.article || !afterBoundary && !c.tensOpen {
			return false
		}
		c.cur += v
		c.tensOpen = false
	case wordTeen, wordTens:
		if c.article || !afterBoundary {
			return false
		}
		c.cur += v
		c.tensOpen = lx.class == wordTens
	case wordHundred:
		if lx.ordinal && c.words == 0 { // "the hundredth"
			c.cur = 1
		}
		if c.cur <= 0 || c.cur >= 100 || c.last == wordHundred {
			return false
		}
		c.cur *= 100
		c.tensOpen = false
	case wordScale:
		if lx.ordinal && c.words == 0 { // "a millionth"
			c.cur = 1
		}
		switch {
		case c.cur == 0 && c.total == 0:
			return false
		case v > c.largest: // "three lakh crore", "two hundred thousand"
			c.total = (c.total + c.cur) * v
			c.largest = v
		case v < c.lastScale && c.cur > 0: // "one million two thousand"
			c.total += c.cur * v
		default:
			return false
		}
		c.cur, c.lastScale, c.tensOpen = 0, v, false
	case wordDozen:
		if c.words == 0 {
			c.cur = 1
		}
		if c.total != 0 || c.cur <= 0 || c.cur >= 100 {
			return false
		}
		c.cur *= 12
		c.done = true
	default:
		return false
	}
	if lx.class != wordArticle {
		c.article = false
	}
	c.last, c.lastValue, c.ordinal = lx.class, v, lx.ordinal
	c.words++
	return true
}

// compound reads the longest number in words at i. An "and" joins only
// after a hundred or a scale ("one hundred and twenty"), and is given back
// when the words after it turn out to start a second number ("between two
// thousand and three thousand").
func (sc *scanner) compound(i int) compound {
	var c, beforeAnd compound
	inAnd := false
	pos := i
	for {
		end, lx, ok := sc.wordAt(pos)
		if !ok || lx.plural && (lx.class != wordDozen || c.words == 0) { // "three dozens"
			break
		}
		grows := lx.class == wordHundred || lx.class == wordScale
		if !c.take(lx) {
			if inAnd && grows {
				c = beforeAnd
			}
			break
		}
		if grows {
			inAnd = false
		}
		c.end = end
		if c.ordinal || c.done {
			break
		}
		next, sp := sc.next(end)
		if sp == sepNone {
			break
		}
		if c.last == wordHundred || c.last == wordScale {
			if sp == sepHyphen && isDigit(sc.s[next]) { // KBS style: "four-thousand-100"
				sc.trailingDigits(&c, next)
				break
			}
			if andEnd, ok := sc.wordIs(next, "and"); ok && sp == sepSpace {
				after, sp := sc.next(andEnd)
				if sp != sepSpace || !sc.andContinues(after) {
					break
				}
				beforeAnd, inAnd = c, true
				next = after
			}
		}
		pos = next
	}
	return c
}

// andContinues reports whether the word after an "and" continues a number
// ("and twenty") rather than adding a fraction ("and a half").
func (sc *scanner) andContinues(pos int) bool {
	_, lx, ok := sc.wordAt(pos)
	if !ok || lx.plural || lx.class != wordUnit && lx.class != wordTeen && lx.class != wordTens {
		return false
	}
	_, isFraction := sc.fractionAt(pos)
	return !isFraction
}

// trailingDigits adds digits joined by a hyphen after a scale word:
// "four-thousand-100".
func (sc *scanner) trailingDigits(c *compound, pos int) {
	lit := readLiteral(sc.s, pos)
	if lit.integer() && lit.value < c.lastScale && (lit.end == len(sc.s) || !isAlnum(sc.s[lit.end])) {
		c.cur += lit.value
		c.end = lit.end
		c.last = wordUnit
	}
}

// number reads a number in words at i: "nine million", "twenty-first",
// "two-thirds", "one and a half", "a hundred".
func (sc *scanner) number(i int) (figure, bool) {
	c := sc.compound(i)
	if c.words == 0 || c.article {
		return figure{}, false
	}
	f := newFigure(i, c.end, c.value())
	f.Spelled = true
	if c.ordinal {
		f.Kind, f.closed = KindOrdinal, true
		return f, true
	}
	if fr, ok := sc.overDenominator(i, c); ok {
		sc.tail(&fr)
		return fr, true
	}
	switch c.last {
	case wordHundred:
		f.scale = 100
	case wordScale:
		f.scale = c.lastScale
	}
	sc.tail(&f)
	return f, true
}

// overDenominator reads a fraction whose numerator is c: "two thirds",
// "three-quarters of", "one half", "twenty-three fifths".
func (sc *scanner) overDenominator(start int, c compound) (figure, bool) {
	next, sp := sc.next(c.end)
	if sp == sepNone {
		return figure{}, false
	}
	end, d, plural, ok := sc.denominatorAt(next)
	if !ok {
		return figure{}, false
	}
	n := c.value()
	if plural && sp == sepHyphen && c.last == wordTens && c.tensOpen && d < 10 {
		// "one hundred thirty-fifths": the tens belong to the denominator.
		n -= c.lastValue
		d += c.lastValue
	}
	if n <= 0 || !plural && (n != 1 || c.words != 1) { // "one half", never "two half"
		return figure{}, false
	}
	// A lone "one quarter" or "two quarters" (of a fiscal year) needs
	// "of" or punctuation after it; "two-thirds" and "five eighths" don't.
	needContext := sp == sepSpace && (!plural || d == 4)
	return sc.fraction(start, end, n/d, needContext)
}

// denominatorAt reads the bottom of a fraction at pos: "third", "quarters",
// "hundredths", "twenty-first".
func (sc *scanner) denominatorAt(pos int) (end int, d float64, plural, ok bool) {
	end, lx, ok := sc.wordAt(pos)
	switch {
	case !ok:
	case lx.class == wordTens && !lx.ordinal && !lx.plural:
		if next, sp := sc.next(end); sp != sepNone {
			if uEnd, unit, ok := sc.wordAt(next); ok && unit.class == wordUnit && unit.ordinal {
				return uEnd, lx.value + unit.value, unit.plural, true
			}
		}
	case lx.denominator():
		return end, lx.value, lx.plural, true
	}
	return pos, 0, false, false
}

// fraction makes the fraction figure s[start:end], multiplied by a scale
// that follows it. With needContext it must be followed by "of",
// punctuation or the end of the text.
func (sc *scanner) fraction(start, end int, v float64, needContext bool) (figure, bool) {
	f := fractionFigure(start, end, v)
	if sc.timesScale(&f) {
		return f, true
	}
	if needContext && !sc.fractionContext(end) {
		return figure{}, false
	}
	return f, true
}

func fractionFigure(start, end int, v float64) figure {
	f := newFigure(start, end, v)
	f.Kind, f.Spelled = KindFraction, true
	return f
}

// timesScale reads a scale after a fraction: "half a million", "a quarter
// of a million", "two-thirds of a million", "quarter-million", "half a dozen".
func (sc *scanner) timesScale(f *figure) bool {
	pos, sp := sc.next(f.End)
	if sp == sepNone {
		return false
	}
	if end, ok := sc.wordIs(pos, "of"); ok {
		if pos, sp = sc.next(end); sp != sepSpace {
			return false
		}
		if _, lx, ok := sc.wordAt(pos); !ok || lx.class != wordArticle {
			return false
		}
	}
	if end, lx, ok := sc.wordAt(pos); ok && lx.class == wordArticle && sp == sepSpace {
		if pos, sp = sc.next(end); sp != sepSpace {
			return false
		}
	}
	end, lx, ok := sc.wordAt(pos)
	if !ok || lx.plural || lx.ordinal || lx.class != wordScale && lx.class != wordHundred && lx.class != wordDozen {
		return false
	}
	f.set(f.Low * lx.value)
	f.End, f.Kind, f.scale = end, KindCardinal, lx.value
	return true
}

// fractionContext reports whether what follows a lone "a third" makes it
// a fraction: "of", punctuation or the end of the text. In "a third view"
// or "a third-party" it is an ordinal.
func (sc *scanner) fractionContext(pos int) bool {
	s := sc.s
	j := pos
	for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
		j++
	}
	switch {
	case j == len(s):
		return true
	case isLetter(s[j]):
		_, ok := sc.wordIs(j, "of")
		return ok
	case isDigit(s[j]), s[j] == '-' && j == pos:
		return false
	}
	return true
}

// article reads a figure that starts with "a" or "an": "a hundred", "a
// dozen", "a third of", "a few hundred", "a quarter-million".
func (sc *scanner) article(i, end int) (figure, bool) {
	next, sp := sc.next(end)
	if sp != sepSpace {
		return figure{}, false
	}
	_, lx, ok := sc.wordAt(next)
	switch {
	case !ok:
	case lx.text == "few":
		return sc.vagueFrom(i, next, lx)
	case lx.denominator() || lx.class == wordTens && !lx.ordinal && !lx.plural:
		if dEnd, d, plural, ok := sc.denominatorAt(next); ok && !plural {
			return sc.fraction(i, dEnd, 1/d, true)
		}
	case !lx.plural && (lx.class == wordHundred || lx.class == wordScale || lx.class == wordDozen):
		return sc.number(i)
	}
	return figure{}, false
}

// Words around a bare "half" that make it a fraction: "half of", "half the",
// "half a century", "by half", "more than half".
var (
	halfFollowers = []string{"of", "the", "a", "an"}
	halfLeaders   = []string{"by", "than"}
)

// half reads a bare "half" or "quarter": "half a million", "quarter-million",
// "half of", "by half". Elsewhere ("second half", "half-brother") it is no number.
func (sc *scanner) half(i, end int, lx lexeme) (figure, bool) {
	f := fractionFigure(i, end, 1/lx.value)
	if sc.timesScale(&f) {
		return f, true
	}
	if lx.class == wordQuarter {
		return figure{}, false
	}
	if next, sp := sc.next(end); sp == sepSpace {
		for _, w := range halfFollowers {
			if _, ok := sc.wordIs(next, w); ok {
				return f, true
			}
		}
	}
	for _, w := range halfLeaders {
		if _, ok := sc.prevWordIs(i, w); ok {
			return f, true
		}
	}
	return figure{}, false
}

// vague reads an amount that names no figure: "dozens", "hundreds of
// thousands", "several hundred".
func (sc *scanner) vague(i int, lx lexeme) (figure, bool) {
	return sc.vagueFrom(sc.inThe(i), i, lx)
}

// vagueFrom reads the vague amount whose first word lx is at i; the
// mention starts at start ("a" in "a few hundred", "in" in "in the dozens").
func (sc *scanner) vagueFrom(start, i int, lx lexeme) (figure, bool) {
	end := i + len(lx.text)
	key := vagueKey{lx.text, ""}
	var body lexeme
	next, sp := sc.next(end)
	if lx.class == wordSeveral {
		var ok bool
		if sp != sepSpace {
			return figure{}, false
		}
		if end, body, ok = sc.wordAt(next); !ok || body.plural || body.ordinal {
			return figure{}, false
		}
		key.body = body.text
	} else if ofEnd, ok := sc.wordIs(next, "of"); ok && sp == sepSpace {
		// "tens of thousands", "hundreds of millions"
		if pos, sp := sc.next(ofEnd); sp == sepSpace {
			if bodyEnd, body, ok := sc.wordAt(pos); ok && body.plural && body.class == wordScale {
				if _, known := vagueBounds[vagueKey{lx.text, body.text}]; known {
					key.body, end = body.text, bodyEnd
				}
			}
		}
	}
	b, ok := vagueBounds[key]
	if !ok {
		return figure{}, false
	}
	f := newFigure(start, end, b[0])
	f.High, f.Vague, f.Spelled, f.closed = b[1], true, true, true
	if lx.class == wordSeveral {
		sc.vagueScales(&f, body.value)
	}
	sc.currencyWord(&f)
	return f, true
}

// vagueScales multiplies a vague amount by the larger scales after it:
// "several hundred thousand", "a few hundred million".
func (sc *scanner) vagueScales(f *figure, scale float64) {
	for {
		next, sp := sc.next(f.End)
		if sp != sepSpace {
			return
		}
		end, lx, ok := sc.wordAt(next)
		if !ok || lx.plural || lx.ordinal || lx.class != wordScale || lx.value <= scale {
			return
		}
		f.Low, f.High, f.End, scale = f.Low*lx.value, f.High*lx.value, end, lx.value
	}
}

// inThe extends a vague amount back over "in the": "in the dozens".
func (sc *scanner) inThe(start int) int {
	if the, ok := sc.prevWordIs(start, "the"); ok {
		if in, ok := sc.prevWordIs(the, "in"); ok {
			return in
		}
	}
	return start
}

// foldWord reads a multiplier written as one word: "threefold", "tenfold".
func (sc *scanner) foldWord(i, end int) (figure, bool) {
	const suffix = "fold"
	w := sc.s[i:end]
	if len(w) <= len(suffix) || !equalFold(w[len(w)-len(suffix):], suffix) {
		return figure{}, false
	}
	lx, ok := lookup(w[:len(w)-len(suffix)])
	if !ok || lx.plural || lx.ordinal {
		return figure{}, false
	}
	switch lx.class {
	case wordUnit, wordTeen, wordTens, wordHundred, wordScale:
		f := newFigure(i, end, lx.value)
		f.Kind, f.Spelled = KindMultiplier, true
		return f, true
	}
	return figure{}, false
}

// tail reads what may follow a cardinal: a scale word ("9 million"),
// "dozen", "and a half", a percent sign or word, "-fold", a currency word.
func (sc *scanner) tail(f *figure) {
	if f.closed || f.Kind != KindCardinal && f.Kind != KindMoney {
		return
	}
	if f.digits && f.scale == 1 {
		sc.scaleWords(f)
	}
	if f.Kind == KindCardinal {
		if f.scale == 1 {
			sc.dozen(f)
		}
		sc.andFraction(f)
		if sc.percent(f) || sc.fold(f) {
			return
		}
	}
	if f.Currency == "" {
		sc.currencyWord(f)
	}
}

// scaleWords reads magnitude words after digits: "9 million", "1.3
// trillion", "10 bln", "13 lakh crore", "322 hundred".
func (sc *scanner) scaleWords(f *figure) {
	s := sc.s
	for {
		next, sp := sc.next(f.End)
		if sp != sepSpace {
			return
		}
		end := letterEnd(s, next)
		if end == next || end < len(s) && isDigit(s[end]) {
			return
		}
		scale, ok := spacedScales[s[next:end]]
		if !ok {
			lx, found := lookup(s[next:end])
			if !found || lx.plural || lx.ordinal || lx.class != wordScale && lx.class != wordHundred {
				return
			}
			scale = lx.value
		}
		if scale <= f.scale { // "5 hundred thousand" grows; "5 million thousand" is two numbers
			return
		}
		f.set(f.Low * scale)
		f.End, f.scale, f.literal = end, scale, false
	}
}

// dozen reads "dozen" after digits: "3 dozen".
func (sc *scanner) dozen(f *figure) {
	if !f.digits {
		return
	}
	if next, sp := sc.next(f.End); sp == sepSpace {
		if end, lx, ok := sc.wordAt(next); ok && lx.class == wordDozen {
			f.set(f.Low * 12)
			f.End, f.literal = end, false
		}
	}
}

// andFraction adds a fraction joined by "and": "two and a half",
// "four-and-a-half", "one hundred and three quarters", and a scale after
// it: "five and a half million".
func (sc *scanner) andFraction(f *figure) {
	if f.scale > 100 { // "one million and a half" is not news English
		return
	}
	next, sp := sc.next(f.End)
	if sp == sepNone {
		return
	}
	andEnd, ok := sc.wordIs(next, "and")
	if !ok {
		return
	}
	after, sp := sc.next(andEnd)
	if sp == sepNone {
		return
	}
	fr, ok := sc.fractionAt(after)
	if !ok {
		return
	}
	f.set(f.Low + fr.Low)
	f.End, f.literal = fr.End, false
	if f.scale > 1 {
		return
	}
	if next, sp := sc.next(f.End); sp == sepSpace {
		if end, lx, ok := sc.wordAt(next); ok && lx.class == wordScale && !lx.plural && !lx.ordinal {
			f.set(f.Low * lx.value)
			f.End, f.scale = end, lx.value
		}
	}
}

// fractionAt reads a fraction after "and": "a half", "one quarter",
// "three quarters", "two thirds".
func (sc *scanner) fractionAt(pos int) (figure, bool) {
	end, lx, ok := sc.wordAt(pos)
	if !ok || lx.ordinal || lx.plural {
		return figure{}, false
	}
	if lx.class == wordArticle || lx.text == "one" {
		if next, sp := sc.next(end); sp != sepNone {
			if dEnd, d, plural, ok := sc.denominatorAt(next); ok && !plural {
				return fractionFigure(pos, dEnd, 1/d), true
			}
		}
		return figure{}, false
	}
	end, n, ok := sc.belowHundred(pos)
	if !ok {
		return figure{}, false
	}
	next, sp := sc.next(end)
	if sp == sepNone {
		return figure{}, false
	}
	if dEnd, d, plural, ok := sc.denominatorAt(next); ok && plural {
		return fractionFigure(pos, dEnd, n/d), true
	}
	return figure{}, false
}

// belowHundred reads a cardinal under a hundred in words at pos: "three",
// "fifteen", "twenty-five", "forty two".
func (sc *scanner) belowHundred(pos int) (end int, v float64, ok bool) {
	end, lx, ok := sc.wordAt(pos)
	if !ok || lx.ordinal || lx.plural || lx.class != wordUnit && lx.class != wordTeen && lx.class != wordTens {
		return pos, 0, false
	}
	if lx.class == wordTens {
		if next, sp := sc.next(end); sp != sepNone {
			if uEnd, unit, ok := sc.wordAt(next); ok && unit.class == wordUnit && !unit.ordinal && !unit.plural {
				return uEnd, lx.value + unit.value, true
			}
		}
	}
	return end, lx.value, true
}

// percent reads a percent sign or word after a figure: "40 %", "30 per
// cent", "40 percent", "5 percentage points".
func (sc *scanner) percent(f *figure) bool {
	s := sc.s
	if j := f.End + 1; j < len(s) && s[f.End] == ' ' && s[j] == '%' && (j+1 == len(s) || !isAlnum(s[j+1])) {
		f.End, f.Kind, f.Unit, f.closed = j+1, KindPercent, "percent", true
		return true
	}
	next, sp := sc.next(f.End)
	if sp != sepSpace {
		return false
	}
	end := letterEnd(s, next)
	if end < len(s) && isDigit(s[end]) {
		return false
	}
	unit := "percent"
	switch w := s[next:end]; {
	case equalFold(w, "percent"), equalFold(w, "percents"), equalFold(w, "pct"):
	case equalFold(w, "per"):
		pos, sp := sc.next(end)
		centEnd, ok := sc.wordIs(pos, "cent")
		if sp != sepSpace || !ok {
			return false
		}
		end = centEnd
	case equalFold(w, "percentage"):
		if pos, sp := sc.next(end); sp == sepSpace {
			if pointEnd, ok := sc.wordIs(pos, "points"); ok {
				end, unit = pointEnd, "percentage point"
			} else if pointEnd, ok := sc.wordIs(pos, "point"); ok {
				end, unit = pointEnd, "percentage point"
			}
		}
	default:
		return false
	}
	f.End, f.Kind, f.Unit, f.closed = end, KindPercent, unit, true
	return true
}

// fold reads "-fold" after a number in words: "eight-fold".
func (sc *scanner) fold(f *figure) bool {
	if next, sp := sc.next(f.End); sp == sepHyphen {
		if end, ok := sc.wordIs(next, "fold"); ok {
			f.End, f.Kind, f.closed = end, KindMultiplier, true
			return true
		}
	}
	return false
}

// currencyWord reads a currency named after the amount: "5 million
// dollars", "millions of dollars".
func (sc *scanner) currencyWord(f *figure) {
	next, sp := sc.next(f.End)
	if ofEnd, ok := sc.wordIs(next, "of"); ok && f.Vague && sp == sepSpace {
		next, sp = sc.next(ofEnd)
	}
	end := letterEnd(sc.s, next)
	if sp != sepSpace || end < len(sc.s) && isAlnum(sc.s[end]) {
		return
	}
	if code, ok := lookupFold(currencyWords, sc.s[next:end]); ok {
		f.End, f.Kind, f.Currency = end, KindMoney, code
	}
}
