package numbers

import "strings"

// wordClass is the part a word plays in a number written in words.
type wordClass uint8

const (
	wordZero    wordClass = iota + 1
	wordUnit              // one … nine
	wordTeen              // ten … nineteen
	wordTens              // twenty … ninety
	wordHundred           // hundred
	wordScale             // thousand, million, …, lakh, crore
	wordArticle           // a, an: one of whatever follows ("a hundred", "a third of")
	wordDozen             // dozen
	wordHalf              // half, halves
	wordQuarter           // quarter, quarters
	wordTensOf            // tens, only as in "tens of thousands"
	wordSeveral           // several, few: vague multipliers of a scale
)

// lexeme is one entry of the lexicon.
type lexeme struct {
	text    string // canonical lower-case spelling, also the key of vagueAmounts
	class   wordClass
	value   float64 // for ordinals the matching cardinal; for half and quarter the denominator
	ordinal bool    // fifth, hundredth
	plural  bool    // fifths, hundreds, dozens
}

// denominator reports whether the word can be the bottom of a fraction:
// "third", "quarters", "hundredths". "first" and "second" never are.
func (l lexeme) denominator() bool {
	return l.class == wordHalf || l.class == wordQuarter || l.ordinal && l.value >= 3
}

// spelledNumbers lists each cardinal with its ordinal. Plurals are derived:
// "hundreds", "thousands" (vague amounts) and "thirds", "fifths", "firsts"
// (fractions: "three twenty-firsts").
var spelledNumbers = []struct {
	cardinal, ordinal string
	value             float64
	class             wordClass
}{
	{"zero", "", 0, wordZero},
	{"one", "first", 1, wordUnit},
	{"two", "second", 2, wordUnit},
	{"three", "third", 3, wordUnit},
	{"four", "fourth", 4, wordUnit},
	{"five", "fifth", 5, wordUnit},
	{"six", "sixth", 6, wordUnit},
	{"seven", "seventh", 7, wordUnit},
	{"eight", "eighth", 8, wordUnit},
	{"nine", "ninth", 9, wordUnit},
	{"ten", "tenth", 10, wordTeen},
	{"eleven", "eleventh", 11, wordTeen},
	{"twelve", "twelfth", 12, wordTeen},
	{"thirteen", "thirteenth", 13, wordTeen},
	{"fourteen", "fourteenth", 14, wordTeen},
	{"fifteen", "fifteenth", 15, wordTeen},
	{"sixteen", "sixteenth", 16, wordTeen},
	{"seventeen", "seventeenth", 17, wordTeen},
	{"eighteen", "eighteenth", 18, wordTeen},
	{"nineteen", "nineteenth", 19, wordTeen},
	{"twenty", "twentieth", 20, wordTens},
	{"thirty", "thirtieth", 30, wordTens},
	{"forty", "fortieth", 40, wordTens},
	{"fifty", "fiftieth", 50, wordTens},
	{"sixty", "sixtieth", 60, wordTens},
	{"seventy", "seventieth", 70, wordTens},
	{"eighty", "eightieth", 80, wordTens},
	{"ninety", "ninetieth", 90, wordTens},
	{"hundred", "hundredth", 100, wordHundred},
	{"thousand", "thousandth", 1e3, wordScale},
	{"million", "millionth", 1e6, wordScale},
	{"billion", "billionth", 1e9, wordScale},
	{"trillion", "trillionth", 1e12, wordScale},
	{"lakh", "", 1e5, wordScale},
	{"crore", "", 1e7, wordScale},
}

// otherWords are the number words that have no ordinal.
var otherWords = []lexeme{
	{text: "a", class: wordArticle, value: 1},
	{text: "an", class: wordArticle, value: 1},
	{text: "dozen", class: wordDozen, value: 12},
	{text: "dozens", class: wordDozen, value: 12, plural: true},
	{text: "half", class: wordHalf, value: 2},
	{text: "halves", class: wordHalf, value: 2, plural: true},
	{text: "quarter", class: wordQuarter, value: 4},
	{text: "quarters", class: wordQuarter, value: 4, plural: true},
	{text: "tens", class: wordTensOf, value: 10, plural: true},
	{text: "several", class: wordSeveral},
	{text: "few", class: wordSeveral},
}

// maxWordLen bounds the words worth looking up ("seventeenths" is the longest).
const maxWordLen = 12

var lexicon = buildLexicon()

func buildLexicon() map[string]lexeme {
	m := make(map[string]lexeme, 3*len(spelledNumbers)+len(otherWords))
	for _, n := range spelledNumbers {
		m[n.cardinal] = lexeme{text: n.cardinal, class: n.class, value: n.value}
		if n.class == wordHundred || n.class == wordScale {
			m[n.cardinal+"s"] = lexeme{text: n.cardinal + "s", class: n.class, value: n.value, plural: true}
		}
		if n.ordinal == "" {
			continue
		}
		m[n.ordinal] = lexeme{text: n.ordinal, class: n.class, value: n.value, ordinal: true}
		if n.value != 2 { // "seconds" is time
			m[n.ordinal+"s"] = lexeme{text: n.ordinal + "s", class: n.class, value: n.value, ordinal: true, plural: true}
		}
	}
	for _, l := range otherWords {
		m[l.text] = l
	}
	return m
}

// lookup finds a word in the lexicon.
func lookup(w string) (lexeme, bool) {
	if !mayBeNumberWord(w) {
		return lexeme{}, false
	}
	return lookupFold(lexicon, w)
}

// lookupFold finds an ASCII word in a map keyed by lower-case words,
// ignoring case and without allocating.
func lookupFold[V any](m map[string]V, w string) (V, bool) {
	var buf [maxWordLen]byte
	if len(w) == 0 || len(w) > len(buf) {
		var zero V
		return zero, false
	}
	for i := 0; i < len(w); i++ {
		buf[i] = lower(w[i])
	}
	v, ok := m[string(buf[:len(w)])]
	return v, ok
}

// firstTwo and lastLetter make a cheap test that rejects most words ("the",
// "ministry") before a map lookup: firstTwo has a bit for each word length
// per pair of first two letters (a one-letter word pairs with 26), and
// lastLetter a bit for each first letter per last letter and length.
var firstTwo, lastLetter = buildWordShapes()

func buildWordShapes() (firstTwo [26][27]uint16, lastLetter [26][maxWordLen + 1]uint32) {
	for w := range lexicon {
		first, second := shapeKey(w)
		firstTwo[first][second] |= 1 << len(w)
		lastLetter[w[len(w)-1]-'a'][len(w)] |= 1 << first
	}
	return firstTwo, lastLetter
}

func shapeKey(w string) (first, second int) {
	first, second = int(lower(w[0])-'a'), 26
	if len(w) > 1 {
		second = int(lower(w[1]) - 'a')
	}
	return first, second
}

// mayBeNumberWord reports whether the ASCII word w has the shape of a
// lexicon word.
func mayBeNumberWord(w string) bool {
	if len(w) == 0 || len(w) > maxWordLen {
		return false
	}
	first, second := shapeKey(w)
	return firstTwo[first][second]&(1<<len(w)) != 0 &&
		lastLetter[lower(w[len(w)-1])-'a'][len(w)]&(1<<first) != 0
}

// vagueAmounts are the bounds we give amounts that name no figure. These
// numbers are the project's convention, not a linguistic fact: change them here.
var vagueAmounts = []struct {
	phrase    string
	low, high float64
}{
	{"dozens", 24, 99},
	// "hundreds of" spans its whole order of magnitude, as analysts code it
	// (UCDP-style low/high): 100–999, not "at least two hundred".
	{"hundreds", 100, 999},
	{"thousands", 1_000, 9_999},
	{"tens of thousands", 10_000, 99_999},
	{"hundreds of thousands", 100_000, 999_999},
	{"millions", 1e6, 9.99e6},
	{"tens of millions", 1e7, 9.999e7},
	{"hundreds of millions", 1e8, 9.999e8},
	{"billions", 1e9, 9.99e9},
	{"tens of billions", 1e10, 9.999e10},
	{"hundreds of billions", 1e11, 9.999e11},
	{"trillions", 1e12, 9.99e12},
	{"several dozen", 36, 96},
	{"several hundred", 300, 800},
	{"several thousand", 3_000, 8_000},
	{"several million", 3e6, 8e6},
	{"several billion", 3e9, 8e9},
	{"a few dozen", 24, 60},
	{"a few hundred", 200, 500},
	{"a few thousand", 2_000, 5_000},
	{"a few million", 2e6, 5e6},
	{"a few billion", 2e9, 5e9},
}

// vagueKey names a vague amount by its two canonical parts: {"tens",
// "thousands"}, {"several", "hundred"}, {"dozens", ""}.
type vagueKey struct{ head, body string }

var vagueBounds = buildVagueBounds()

func buildVagueBounds() map[vagueKey][2]float64 {
	m := make(map[vagueKey][2]float64, len(vagueAmounts))
	for _, v := range vagueAmounts {
		var k vagueKey
		if body, ok := strings.CutPrefix(v.phrase, "a few "); ok {
			k = vagueKey{"few", body}
		} else if body, ok := strings.CutPrefix(v.phrase, "several "); ok {
			k = vagueKey{"several", body}
		} else {
			head, body, _ := strings.Cut(v.phrase, " of ")
			k = vagueKey{head, body}
		}
		m[k] = [2]float64{v.low, v.high}
	}
	return m
}

// Magnitudes glued to digits: "5k", "4.8m", "1.2bn". Single b and t only count
// after a currency sign or a decimal point ("$2T", "1.2b"): "4b" and "5T"
// are more often names.
var gluedScales = map[string]float64{
	"k": 1e3, "K": 1e3,
	"m": 1e6, "M": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6,
	"bn": 1e9, "Bn": 1e9, "BN": 1e9, "bln": 1e9,
	"tn": 1e12, "trn": 1e12, "tln": 1e12,
}

var contextualScales = map[string]float64{"b": 1e9, "B": 1e9, "t": 1e12, "T": 1e12}

// spacedScales are abbreviations that may follow digits after a space: "10 bln".
var spacedScales = map[string]float64{
	"mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12, "tln": 1e12,
}

// currencySigns are written before the amount. Longer signs come first so
// that "US$" wins over "$".
var currencySigns = []struct{ sign, code string }{
	{"US$", "USD"}, {"AU$", "AUD"}, {"A$", "AUD"}, {"CA$", "CAD"}, {"C$", "CAD"},
	{"HK$", "HKD"}, {"NZ$", "NZD"}, {"S$", "SGD"}, {"R$", "BRL"},
	{"$", "USD"}, {"£", "GBP"}, {"€", "EUR"}, {"¥", "JPY"}, {"₩", "KRW"},
	{"₹", "INR"}, {"₽", "RUB"}, {"₴", "UAH"},
}

// currencyCodes may stand before an amount: "USD 5 million", "KRW 1.3 trillion".
var currencyCodes = map[string]bool{
	"USD": true, "EUR": true, "GBP": true, "JPY": true, "CNY": true, "KRW": true,
	"RUB": true, "UAH": true, "INR": true, "CHF": true, "AUD": true, "CAD": true,
}

// currencyWords follow an amount: "5 million dollars", "1.3 trillion won".
// "pounds" is left out: in news it is as often a weight.
var currencyWords = map[string]string{
	"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR",
	"sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
	"won": "KRW", "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB",
	"rupee": "INR", "rupees": "INR", "hryvnia": "UAH", "hryvnias": "UAH",
}

// timeZones may follow a clock time: "16:00 GMT".
var timeZones = map[string]bool{
	"GMT": true, "UTC": true, "KST": true, "JST": true, "CET": true, "CEST": true,
	"BST": true, "EST": true, "EDT": true, "CST": true, "CDT": true, "PST": true,
	"PDT": true, "MSK": true, "ET": true, "PT": true,
}

// vulgarFractions are the single-character fractions ("½").
var vulgarFractions = map[rune]float64{
	'½': 1.0 / 2, '⅓': 1.0 / 3, '⅔': 2.0 / 3, '¼': 1.0 / 4, '¾': 3.0 / 4,
	'⅕': 1.0 / 5, '⅖': 2.0 / 5, '⅗': 3.0 / 5, '⅘': 4.0 / 5, '⅙': 1.0 / 6,
	'⅚': 5.0 / 6, '⅐': 1.0 / 7, '⅛': 1.0 / 8, '⅜': 3.0 / 8, '⅝': 5.0 / 8,
	'⅞': 7.0 / 8, '⅑': 1.0 / 9, '⅒': 1.0 / 10,
}

// namePrefixes may be joined to a year or figure by a hyphen without making
// it a name: "mid-2023", "under-18s", "top-10". Other words joined that way
// are names: "F-16", "COVID-19", "Kh-59".
var namePrefixes = map[string]bool{
	"mid": true, "pre": true, "post": true, "under": true, "over": true,
	"top": true, "late": true, "early": true, "non": true, "circa": true,
}
