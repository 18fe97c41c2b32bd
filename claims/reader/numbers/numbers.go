// Package numbers finds the numbers in English news copy: figures ("1,121",
// "4.8m", "$48.2 million"), numbers in words ("twenty-five thousand"),
// percentages, fractions, multipliers, ordinals, ranges ("25,000 to 30,000")
// and vague amounts ("several hundred", "tens of thousands").
//
// Scan makes one pass over the text without regular expressions; it leaves
// qualifiers ("about", "nearly", "at least") and the choice of which numbers
// are claims to its caller.
package numbers

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind says what a number counts.
type Kind string

const (
	KindCardinal   Kind = "cardinal"
	KindOrdinal    Kind = "ordinal"
	KindPercent    Kind = "percent"
	KindMoney      Kind = "money"
	KindFraction   Kind = "fraction"
	KindMultiplier Kind = "multiplier" // "eight-fold": Low is the factor
	KindIdentifier Kind = "identifier" // "F-16", "G7", "9/11": Low and High are 0
	KindTime       Kind = "time"       // "16:00 GMT": Low is the hour of day, 16.5 for half past four pm
)

// Number is one mention of a number in a text.
type Number struct {
	Start, End int     // byte offsets of the whole mention in the scanned text
	Text       string  // the text between Start and End
	Low, High  float64 // equal for one figure; the ends of a range; the implied bounds of a vague amount
	Kind       Kind
	Range      bool   // "25,000 to 30,000", "between 10 and 15 per cent"
	Vague      bool   // "several hundred", "tens of thousands", "dozens"
	Spelled    bool   // the figure is written in words: "nine million", "a third"
	Currency   string // ISO code for money: "USD", "GBP"
	// Unit is "percent" (or "percentage point") for percentages, the unit
	// glued to the digits ("17.9km" gives "km", "1960s" gives "s"), or the
	// time zone of a clock time; "" otherwise.
	Unit string
}

// Scan returns the numbers mentioned in s, in order and without overlaps.
// Where readings compete the longest one wins.
func Scan(s string) []Number {
	sc := scanner{s: s}
	for i := 0; i < len(s); {
		if !mayStartMention[s[i]] { // blanks and punctuation: the common case
			i++
			continue
		}
		i = sc.step(i)
	}
	return sc.out
}

// mayStartMention marks the bytes a mention can start with: letters,
// digits, a sign or point, "$", and the first bytes of other characters.
var mayStartMention = func() (t [256]bool) {
	for c := range t {
		b := byte(c)
		t[c] = isAlnum(b) || b == '-' || b == '.' || b == '$' || b >= utf8.RuneSelf
	}
	return t
}()

// Parse reads a string that is one number as a whole: "twenty-five thousand",
// "4.8m", "1,121", "40%". Ranges, vague amounts, names and times are refused.
func Parse(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	ns := Scan(s)
	if len(ns) != 1 {
		return 0, false
	}
	n := ns[0]
	if n.Start != 0 || n.End != len(s) || n.Range || n.Vague || n.Kind == KindIdentifier || n.Kind == KindTime {
		return 0, false
	}
	return n.Low, true
}

// figure is a number being read, with what the reader needs to combine it.
type figure struct {
	Number
	scale   float64 // trailing magnitude ("million" in "six million", "k" in "5k"); 1 if none
	digits  bool    // written with digits
	literal bool    // nothing but digits: "1995" in "1995-01"
	closed  bool    // nothing may follow: a glued unit, a percent sign, "-fold"
}

func newFigure(start, end int, v float64) figure {
	return figure{Number: Number{Start: start, End: end, Low: v, High: v, Kind: KindCardinal}, scale: 1}
}

func (f *figure) set(v float64) { f.Low, f.High = v, v }

// rangeable reports whether the figure may be one end of a range.
func (f *figure) rangeable() bool {
	switch f.Kind {
	case KindCardinal, KindMoney, KindPercent, KindFraction:
		return !f.Vague && !f.Range
	}
	return false
}

type scanner struct {
	s    string
	out  []Number
	last int // end of the last mention: look-behind never reaches before it
}

// step reads the mention starting at i, if any, and returns where to go on.
func (sc *scanner) step(i int) int {
	s := sc.s
	c := s[i]
	switch {
	case isLetter(c):
		end := letterEnd(s, i)
		if mayStartFigure(s, i, end) {
			if f, ok := sc.wordFigure(i, end); ok {
				return sc.emit(f)
			}
		}
		return end
	case c >= utf8.RuneSelf:
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) {
			return alnumEnd(s, i+size) // a word in another script, or with accents
		}
		if f, ok := sc.figureAt(i); ok {
			return sc.emit(f)
		}
		return i + size
	}
	if f, ok := sc.figureAt(i); ok {
		return sc.emit(f)
	}
	return i + 1
}

// emit records f, joined to a second figure when they form a range.
func (sc *scanner) emit(f figure) int {
	sc.extendRange(&f)
	f.Text = sc.s[f.Start:f.End]
	if sc.out == nil { // news copy has about one number in 30 bytes
		sc.out = make([]Number, 0, (len(sc.s)-f.Start)/32+4)
	}
	sc.out = append(sc.out, f.Number)
	sc.last = f.End
	return f.End
}

// figureAt reads one figure (never a range) starting at i.
func (sc *scanner) figureAt(i int) (figure, bool) {
	s := sc.s
	c := s[i]
	switch {
	case isDigit(c):
		return sc.numeric(i, i, false, ""), true
	case isLetter(c):
		return sc.wordFigure(i, letterEnd(s, i))
	case c == '.':
		if i+1 < len(s) && isDigit(s[i+1]) && !sc.alnumBefore(i) {
			return sc.numeric(i, i, false, ""), true
		}
		return figure{}, false
	}
	if n := minusLen(s, i); n > 0 {
		if j := i + n; j < len(s) && startsLiteral(s, j) && !sc.alnumBefore(i) {
			return sc.numeric(i, j, true, ""), true
		}
		return figure{}, false
	}
	if c == '$' || c >= utf8.RuneSelf {
		if code, j, ok := currencySignAt(s, i); ok {
			return sc.money(i, j, code)
		}
	}
	if c >= utf8.RuneSelf {
		r, size := utf8.DecodeRuneInString(s[i:])
		if v, ok := vulgarFractions[r]; ok && !sc.alnumBefore(i) {
			f := newFigure(i, i+size, v)
			f.Kind = KindFraction
			return f, true
		}
	}
	return figure{}, false
}

// money reads the amount after a currency sign or code ending at j.
func (sc *scanner) money(start, j int, code string) (figure, bool) {
	s := sc.s
	if j < len(s) && s[j] == ' ' {
		j++
	}
	if j >= len(s) || !startsLiteral(s, j) {
		return figure{}, false
	}
	return sc.numeric(start, j, false, code), true
}

// wordFigure reads the figure that starts with the ASCII word s[i:end].
func (sc *scanner) wordFigure(i, end int) (figure, bool) {
	s := sc.s
	if end < len(s) {
		switch c := s[end]; {
		case isDigit(c) && end-i == 3 && currencyCodes[s[i:end]]: // "USD3.14"
			return sc.numeric(i, end, false, s[i:end]), true
		case isDigit(c): // "G7", "A4", "H5N1"
			return sc.identifier(i, i), true
		case c == '-' && end+1 < len(s) && isDigit(s[end+1]) && !isNamePrefix(s[i:end]): // "F-16", "COVID-19"
			return sc.identifier(i, i), true
		case c == '$':
			if code, j, ok := currencySignAt(s, i); ok {
				return sc.money(i, j, code)
			}
		case c == ' ' && end-i == 3 && isUpper(s[i]) && isUpper(s[i+1]) && currencyCodes[s[i:end]]: // "USD 5 million"
			return sc.money(i, end, s[i:end])
		}
	}
	lx, ok := lookup(s[i:end])
	if !ok {
		return sc.foldWord(i, end)
	}
	return sc.spelled(i, end, lx)
}

// mayStartFigure is a quick test that most words fail: could the word
// s[i:end] start a figure?
func mayStartFigure(s string, i, end int) bool {
	if end < len(s) {
		if c := s[end]; isDigit(c) || c == '-' || c == '$' || c == ' ' && end-i == 3 && isUpper(s[i]) && isUpper(s[i+1]) && isUpper(s[i+2]) {
			return true
		}
	}
	w := s[i:end]
	return mayBeNumberWord(w) || len(w) > len("fold") && equalFold(w[len(w)-len("fold"):], "fold")
}

// identifier reads a name or code made of letters and digits: "F-16",
// "Maia-1", "4x4", "9/11", "192.168.1.2". The numeric part starts at i.
func (sc *scanner) identifier(start, i int) figure {
	f := newFigure(start, chainEnd(sc.s, i), 0)
	f.Kind = KindIdentifier
	f.closed = true
	return f
}

// chainEnd is the end of a run of letters and digits, where a joiner
// ("-", "/", ".", ":", "+", "%", "_") may stand before a digit.
func chainEnd(s string, i int) int {
	for i < len(s) {
		c := s[i]
		switch {
		case isAlnum(c):
			i++
		case (c == '-' || c == '/' || c == '.' || c == ':' || c == '+' || c == '%' || c == '_') &&
			i+1 < len(s) && isDigit(s[i+1]):
			i += 2
		default:
			return i
		}
	}
	return i
}

// alnumBefore reports whether a letter or digit stands right before i.
func (sc *scanner) alnumBefore(i int) bool {
	if i == 0 {
		return false
	}
	if c := sc.s[i-1]; c < utf8.RuneSelf {
		return isAlnum(c)
	}
	r, _ := utf8.DecodeLastRuneInString(sc.s[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// prevWordIs reports whether the word before pos, across spaces, is w (in
// lower case), and where it starts. It never looks before the last mention.
func (sc *scanner) prevWordIs(pos int, w string) (int, bool) {
	s := sc.s
	j := pos
	for j > sc.last && (s[j-1] == ' ' || s[j-1] == '\t') {
		j--
	}
	if j == pos {
		return pos, false
	}
	start := j - len(w)
	if start < sc.last || start < 0 || !equalFold(s[start:j], w) || start > 0 && isAlnum(s[start-1]) {
		return pos, false
	}
	return start, true
}

func currencySignAt(s string, i int) (code string, end int, ok bool) {
	for _, c := range currencySigns {
		if strings.HasPrefix(s[i:], c.sign) {
			return c.code, i + len(c.sign), true
		}
	}
	return "", i, false
}

func isNamePrefix(w string) bool {
	is, _ := lookupFold(namePrefixes, w)
	return is
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isUpper(c byte) bool  { return 'A' <= c && c <= 'Z' }
func isAlnum(c byte) bool  { return isDigit(c) || isLetter(c) }

func lower(c byte) byte {
	if isUpper(c) {
		return c + 'a' - 'A'
	}
	return c
}

// equalFold compares an ASCII word with a lower-case one, ignoring case.
func equalFold(s, lowerWord string) bool {
	if len(s) != len(lowerWord) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if lower(s[i]) != lowerWord[i] {
			return false
		}
	}
	return true
}

func letterEnd(s string, i int) int {
	for i < len(s) && isLetter(s[i]) {
		i++
	}
	return i
}

// alnumEnd skips the rest of a word that may mix scripts.
func alnumEnd(s string, i int) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if !isAlnum(c) {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return i
		}
		i += size
	}
	return i
}

// startsLiteral reports whether a digit literal starts at i: "5", ".5".
func startsLiteral(s string, i int) bool {
	return i < len(s) && (isDigit(s[i]) || s[i] == '.' && i+1 < len(s) && isDigit(s[i+1]))
}

// minusLen is the length of a minus sign at i ("-" or "−"), or 0.
func minusLen(s string, i int) int {
	switch {
	case s[i] == '-':
		return 1
	case strings.HasPrefix(s[i:], "−"):
		return len("−")
	}
	return 0
}

// dashLen is the length of a range dash at i ("-", "–" or "~"), or 0.
func dashLen(s string, i int) int {
	switch {
	case i >= len(s):
		return 0
	case s[i] == '-' || s[i] == '~':
		return 1
	case strings.HasPrefix(s[i:], "–"):
		return len("–")
	}
	return 0
}

// skipSpace returns the end of the blanks at i; a blank line stops it.
func skipSpace(s string, i int) int {
	newline := false
	for i < len(s) {
		switch {
		case s[i] == ' ' || s[i] == '\t':
			i++
		case s[i] == '\n' && !newline:
			newline = true
			i++
		case strings.HasPrefix(s[i:], "\u00a0"):
			i += len("\u00a0")
		default:
			return i
		}
	}
	return i
}
