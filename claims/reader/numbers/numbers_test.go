package numbers

import (
	"math"
	"strings"
	"testing"
)

// m describes an expected mention: its text, which also gives its offsets
// (the first match after the previous mention), and its reading.
type m struct {
	text      string
	low, high float64
	kind      Kind
	flags     string // any of "r" (Range), "v" (Vague), "s" (Spelled)
	currency  string
	unit      string
}

func card(text string, v float64) m { return m{text: text, low: v, high: v, kind: KindCardinal} }
func words(text string, v float64) m {
	return m{text: text, low: v, high: v, kind: KindCardinal, flags: "s"}
}
func span(text string, lo, hi float64) m {
	return m{text: text, low: lo, high: hi, kind: KindCardinal, flags: "r"}
}
func vague(text string, lo, hi float64) m {
	return m{text: text, low: lo, high: hi, kind: KindCardinal, flags: "vs"}
}
func ord(text string, v float64) m { return m{text: text, low: v, high: v, kind: KindOrdinal} }
func frac(text string, v float64) m {
	return m{text: text, low: v, high: v, kind: KindFraction, flags: "s"}
}
func pct(text string, v float64) m {
	return m{text: text, low: v, high: v, kind: KindPercent, unit: "percent"}
}
func money(text, cur string, v float64) m {
	return m{text: text, low: v, high: v, kind: KindMoney, currency: cur}
}
func ident(text string) m { return m{text: text, kind: KindIdentifier} }
func clock(text string, hours float64) m {
	return m{text: text, low: hours, high: hours, kind: KindTime}
}
func times(text string, v float64) m { return m{text: text, low: v, high: v, kind: KindMultiplier} }
func (x m) with(flags string) m      { x.flags = flags; return x }
func (x m) to(high float64) m        { x.high, x.flags = high, "r"+x.flags; return x }
func (x m) in(unit string) m         { x.unit = unit; return x }
func (x m) as(kind Kind) m           { x.kind = kind; return x }
func (x m) of(currency string) m     { x.currency = currency; return x }

var scanTests = []struct {
	name string
	in   string
	want []m
}{
	// Digits.
	{"thousands separators", "killed 1,121 people", []m{card("1,121", 1121)}},
	{"decimal", "a 17.9 rise and 4.8 more", []m{card("17.9", 17.9), card("4.8", 4.8)}},
	{"millions with separators", "1,500,000 shells", []m{card("1,500,000", 1.5e6)}},
	{"lakhs and crores grouped the Indian way", "about 8,17,000 people and 1,23,45,678 voters", []m{card("8,17,000", 817000), card("1,23,45,678", 12345678)}},
	{"pairs without a last group of three are not lakhs", "scores of 8,17 and 12,34,5", []m{card("8", 8), card("17", 17), card("12", 12), card("34", 34), card("5", 5)}},
	{"leading point", "up .5 today", []m{card(".5", 0.5)}},
	{"negative", "fell to -5 and −3.5", []m{card("-5", -5), card("−3.5", -3.5)}},
	{"hyphen after a word is no minus", "in mid-2023", []m{card("2023", 2023)}},
	{"sentence end", "It was 192.", []m{card("192", 192)}},
	{"list of numbers", "pages 22,24,26", []m{card("22", 22), card("24", 24), card("26", 26)}},
	{"bad grouping", "1, 234 and 1234,567", []m{card("1", 1), card("234", 234), card("1234", 1234), card("567", 567)}},
	{"no-break space grouping", "40\u202f000 troops", []m{card("40\u202f000", 40000)}},
	{"large integer", "123456789101231", []m{card("123456789101231", 123456789101231)}},
	{"very long integer", "12345678901234567890123", []m{card("12345678901234567890123", 12345678901234567890123)}},

	// Numbers in words.
	{"scale", "nine million artillery shells", []m{words("nine million", 9e6)}},
	{"article", "a hundred soldiers", []m{words("a hundred", 100)}},
	{"and", "one hundred and twenty men", []m{words("one hundred and twenty", 120)}},
	{"hyphenated", "twenty-five thousand troops", []m{words("twenty-five thousand", 25000)}},
	{"hyphen before scale", "eleven-thousand troops", []m{words("eleven-thousand", 11000)}},
	{"KBS style", "three-thousand and one-thousand", []m{words("three-thousand", 3000), words("one-thousand", 1000)}},
	{"KBS digits after words", "some four-thousand-100 troops", []m{words("four-thousand-100", 4100)}},
	{"KBS digits before words", "15-thousand and 11-thousand", []m{card("15-thousand", 15000), card("11-thousand", 11000)}},
	{"dozen", "a dozen, two dozen, three dozens", []m{words("a dozen", 12), words("two dozen", 24), words("three dozens", 36)}},
	{"half a dozen", "half a dozen", []m{words("half a dozen", 6)}},
	{"tens and units", "ninety-nine and fifty two", []m{words("ninety-nine", 99), words("fifty two", 52)}},
	{"nested scales", "two hundred and two thousand", []m{words("two hundred and two thousand", 202000)}},
	{"descending scales", "one million two thousand three hundred", []m{words("one million two thousand three hundred", 1002300)}},
	{"capitalised", "Twenty-six people died", []m{words("Twenty-six", 26)}},
	{"hundreds by tens", "twenty-five hundred", []m{words("twenty-five hundred", 2500)}},
	{"lakh and crore", "13 lakh and three lakh crore", []m{card("13 lakh", 1.3e6), words("three lakh crore", 3e12)}},
	{"zero", "zero casualties", []m{words("zero", 0)}},
	{"and gives back", "one hundred and two hundred", []m{words("one hundred", 100), words("two hundred", 200)}},

	// Magnitudes after digits.
	{"spaced scale", "9 million and 1.2 billion", []m{card("9 million", 9e6), card("1.2 billion", 1.2e9)}},
	{"glued scales", "4.8m, 1.2bn, 3M, 5k, 1.2b", []m{card("4.8m", 4.8e6), card("1.2bn", 1.2e9), card("3M", 3e6), card("5k", 5000), card("1.2b", 1.2e9)}},
	{"glued m before a race is a name", "won the 100m sprint and the 400m hurdles", []m{ident("100m"), ident("400m")}},
	{"glued m before a dimension is metres", "a 300m-long tunnel", []m{card("300m", 300).in("m")}},
	{"glued m before a structure is metres", "a 300m tunnel, 10m waves, a £300m bridge", []m{card("300m", 300).in("m"), card("10m", 10).in("m"), money("£300m", "GBP", 3e8)}},
	{"glued m elsewhere is millions", "100m people, £100m sprint fund, 4.8m-strong", []m{card("100m", 1e8), money("£100m", "GBP", 1e8), card("4.8m", 4.8e6)}},
	{"trillion", "1.3 trillion", []m{card("1.3 trillion", 1.3e12)}},
	{"wire abbreviation", "10 bln and 10 mln", []m{card("10 bln", 1e10), card("10 mln", 1e7)}},
	{"hundred after digits", "322 hundred", []m{card("322 hundred", 32200)}},

	// Money.
	{"dollars", "$48.2 million", []m{money("$48.2 million", "USD", 48.2e6)}},
	{"pounds", "£2,000", []m{money("£2,000", "GBP", 2000)}},
	{"euros glued scale", "€5bn", []m{money("€5bn", "EUR", 5e9)}},
	{"US dollars", "US$3 million", []m{money("US$3 million", "USD", 3e6)}},
	{"spaced sign", "$ 10", []m{money("$ 10", "USD", 10)}},
	{"currency code", "USD 5 million and KRW 1.3 trillion", []m{money("USD 5 million", "USD", 5e6), money("KRW 1.3 trillion", "KRW", 1.3e12)}},
	{"currency word", "1.3 trillion won and five million dollars", []m{money("1.3 trillion won", "KRW", 1.3e12), money("five million dollars", "USD", 5e6).with("s")}},
	{"won sign", "₩5,000", []m{money("₩5,000", "KRW", 5000)}},
	{"trillion after sign", "$2.174T", []m{money("$2.174T", "USD", 2.174e12)}},
	{"euro after", "15€", []m{money("15€", "EUR", 15)}},

	// Percentages: qualifiers are the caller's.
	{"percent sign", "40% of voters", []m{pct("40%", 40)}},
	{"per cent", "30 per cent", []m{pct("30 per cent", 30)}},
	{"percent", "40 percent", []m{pct("40 percent", 40)}},
	{"qualifier left out", "nearly 40%", []m{pct("40%", 40)}},
	{"spaced sign", "40 % more", []m{pct("40 %", 40)}},
	{"percentage points", "5 percentage points", []m{pct("5 percentage points", 5).in("percentage point")}},
	{"negative percent", "-4.8%", []m{pct("-4.8%", -4.8)}},
	{"words", "twenty percent", []m{pct("twenty percent", 20).with("s")}},
	{"pc", "up 40pc", []m{pct("40pc", 40)}},
	{"web escape", "q=30%25", []m{ident("30%25")}},

	// Fractions.
	{"a third of", "a third of the troops", []m{frac("a third", 1.0/3)}},
	{"a third at the end", "It fell by a third.", []m{frac("a third", 1.0/3)}},
	{"a third before a noun", "A third view came from", []m{ord("third", 3).with("s")}},
	{"the third", "the third round", []m{ord("third", 3).with("s")}},
	{"a third-party", "a third-party", []m{ord("third", 3).with("s")}},
	{"a quarter", "a quarter, a quarter of it", []m{frac("a quarter", 0.25), frac("a quarter", 0.25)}},
	{"a quarter before a noun", "a quarter century", nil},
	{"hyphenated", "two-thirds of", []m{frac("two-thirds", 2.0/3)}},
	{"plural", "two thirds majority and three quarters of", []m{frac("two thirds", 2.0/3), frac("three quarters", 0.75)}},
	{"fiscal quarters", "in the past two quarters profit rose", []m{words("two", 2)}},
	{"half of", "half of them, cut by half, more than half the", []m{frac("half", 0.5), frac("half", 0.5), frac("half", 0.5)}},
	{"half alone", "the second half, a half-brother", []m{ord("second", 2).with("s")}},
	{"one half", "one-half and one half.", []m{frac("one-half", 0.5), frac("one half", 0.5)}},
	{"and a half", "one and a half years", []m{words("one and a half", 1.5)}},
	{"and a half with scale", "five and a half million", []m{words("five and a half million", 5.5e6)}},
	{"digits and a half", "2 and a half", []m{card("2 and a half", 2.5)}},
	{"half a million", "half a million and a quarter of a million", []m{words("half a million", 5e5), words("a quarter of a million", 2.5e5)}},
	{"fraction of a million", "two-thirds of a million", []m{words("two-thirds of a million", 2e6/3)}},
	{"quarter-million", "a quarter-million", []m{words("a quarter-million", 2.5e5)}},
	{"fifth", "a fifth of", []m{frac("a fifth", 0.2)}},
	{"vulgar fraction", "½ and 2½ and 2 ½", []m{frac("½", 0.5).with(""), card("2½", 2.5), card("2 ½", 2.5)}},
	{"hyphenated and a half", "a four-and-a-half-year term", []m{words("four-and-a-half", 4.5)}},

	// Multipliers.
	{"fold", "eight-fold, threefold, tenfold, 8-fold", []m{times("eight-fold", 8).with("s"), times("threefold", 3).with("s"), times("tenfold", 10).with("s"), times("8-fold", 8)}},
	{"manifold", "manifold", nil},

	// Ordinals.
	{"ordinal words", "second and seventeenth", []m{ord("second", 2).with("s"), ord("seventeenth", 17).with("s")}},
	{"ordinal digits", "22nd, 75th, 1st, 2ND", []m{ord("22nd", 22), ord("75th", 75), ord("1st", 1), ord("2ND", 2)}},
	{"compound ordinal", "twenty-first and one hundredth", []m{ord("twenty-first", 21).with("s"), ord("one hundredth", 100).with("s")}},
	{"century", "21st-century", []m{ord("21st", 21)}},

	// Ranges.
	{"to", "25,000 to 30,000 soldiers", []m{span("25,000 to 30,000", 25000, 30000)}},
	{"hyphen", "25,000-30,000", []m{span("25,000-30,000", 25000, 30000)}},
	{"en dash", "25,000–30,000", []m{span("25,000–30,000", 25000, 30000)}},
	{"spaced dash", "1000 - 5000", []m{span("1000 - 5000", 1000, 5000)}},
	{"between", "between 10,000 and 15,000", []m{span("between 10,000 and 15,000", 10000, 15000)}},
	{"from", "from 4 to 6", []m{span("from 4 to 6", 4, 6)}},
	{"scale on both ends", "four to six million", []m{span("four to six million", 4e6, 6e6).with("rs")}},
	{"scale not shared", "between 500 and 2 million", []m{span("between 500 and 2 million", 500, 2e6)}},
	{"scale shared after between", "between five and ten thousand", []m{span("between five and ten thousand", 5000, 10000).with("rs")}},
	{"small range", "1 to 2", []m{span("1 to 2", 1, 2)}},
	{"percent range", "10 to 15 per cent", []m{pct("10 to 15 per cent", 10).to(15)}},
	{"percent sign range", "10-15% and 10%-15%", []m{pct("10-15%", 10).to(15), pct("10%-15%", 10).to(15)}},
	{"money range", "between $1 million and $2 million", []m{money("between $1 million and $2 million", "USD", 1e6).to(2e6)}},
	{"money shares scale", "$1-2 million", []m{money("$1-2 million", "USD", 1e6).to(2e6)}},
	{"year range", "2023-2025", []m{span("2023-2025", 2023, 2025)}},
	{"year span", "the 2023-24 season", []m{span("2023-24", 2023, 2024)}},
	{"suspended hyphen", "an 8- to 16-metre wall", []m{span("8- to 16", 8, 16)}},
	{"glued scales", "5k-20k and 1.5-2bn", []m{span("5k-20k", 5000, 20000), span("1.5-2bn", 1.5e9, 2e9)}},
	{"fractional scale", "from 1 to 1.5 million", []m{span("from 1 to 1.5 million", 1e6, 1.5e6)}},
	{"between words", "between ten and fifteen", []m{span("between ten and fifteen", 10, 15).with("rs")}},
	{"between scales", "between two thousand and three thousand", []m{span("between two thousand and three thousand", 2000, 3000).with("rs")}},
	{"falling from", "from 30 to 20", []m{span("from 30 to 20", 20, 30)}},
	{"score", "won 3 to 1 and 2-1", []m{card("3", 3), card("1", 1), ident("2-1")}},
	{"same unit", "44 mg to 50 mg", []m{span("44 mg to 50", 44, 50)}},
	{"different units", "from 44 ml to 50 mg", []m{card("44", 44), card("50", 50)}},
	{"negative ends", "from -18 °C to -34 °C", []m{span("from -18 °C to -34", -34, -18)}},
	{"list", "45 and 50 cases", []m{card("45", 45), card("50", 50)}},

	// Names and codes.
	{"hyphenated names", "Maia-1, Kh-59, COVID-19, F-16, Su-27, MiG-29, SCP-173",
		[]m{ident("Maia-1"), ident("Kh-59"), ident("COVID-19"), ident("F-16"), ident("Su-27"), ident("MiG-29"), ident("SCP-173")}},
	{"glued names", "G7, A4, 4x4, H5N1, i7", []m{ident("G7"), ident("A4"), ident("4x4"), ident("H5N1"), ident("i7")}},
	{"slashes", "9/11 and 24/7", []m{ident("9/11"), ident("24/7")}},
	{"codes", "2024-01-05, 192.168.1.2, 1-222-2222, 1995-01", []m{ident("2024-01-05"), ident("192.168.1.2"), ident("1-222-2222"), ident("1995-01")}},
	{"letter suffix", "5G and 3D", []m{ident("5G"), ident("3D")}},
	{"A-10", "an A-10 jet", []m{ident("A-10")}},
	{"plural name", "F-16s", []m{ident("F-16s")}},

	// Clock times.
	{"clock", "at 04:17", []m{clock("04:17", 4+17.0/60)}},
	{"pm", "at 4:17 pm", []m{clock("4:17 pm", 16+17.0/60)}},
	{"zone", "at 16:00 GMT.", []m{clock("16:00 GMT", 16).in("GMT")}},
	{"hour", "4pm, 10 a.m. and 4.17pm", []m{clock("4pm", 16), clock("10 a.m.", 10), clock("4.17pm", 16+17.0/60)}},
	{"wire time", "at 0600 GMT and 1530 KST", []m{clock("0600 GMT", 6).in("GMT"), clock("1530 KST", 15.5).in("KST")}},
	{"not a time", "ratio 2:1 and 2.1 pm", []m{ident("2:1"), card("2.1", 2.1)}},

	// Vague amounts.
	{"dozens", "dozens of people", []m{vague("dozens", 24, 99)}},
	{"in the dozens", "deaths in the dozens", []m{vague("in the dozens", 24, 99)}},
	{"several hundred", "several hundred casualties", []m{vague("several hundred", 300, 800)}},
	{"a few hundred", "a few hundred", []m{vague("a few hundred", 200, 500)}},
	{"hundreds of", "hundreds of civilians", []m{vague("hundreds", 100, 999)}},
	{"hundreds of thousands", "hundreds of thousands of refugees", []m{vague("hundreds of thousands", 100000, 999999)}},
	{"thousands of", "thousands of troops", []m{vague("thousands", 1000, 9999)}},
	{"tens of thousands", "tens of thousands", []m{vague("tens of thousands", 10000, 99999)}},
	{"several thousand", "several thousand", []m{vague("several thousand", 3000, 8000)}},
	{"millions", "millions", []m{vague("millions", 1e6, 9.99e6)}},
	{"several hundred thousand", "several hundred thousand", []m{vague("several hundred thousand", 3e5, 8e5)}},
	{"vague money", "millions of dollars", []m{vague("millions of dollars", 1e6, 9.99e6).as(KindMoney).of("USD")}},
	{"tens alone", "tens of soldiers", nil},
	{"few alone", "a few days", nil},

	// News idioms.
	{"even odds", "a 50-50 chance", []m{ident("50-50")}},
	{"war years", "the 1950-53 war", []m{span("1950-53", 1950, 1953)}},
	{"rate", "$1.5bn-a-year deal", []m{money("$1.5bn", "USD", 1.5e9)}},
	{"scale on both ends", "1.5 million-2 million", []m{span("1.5 million-2 million", 1.5e6, 2e6)}},
	{"decade", "the mid-1990s and the '80s", []m{card("1990s", 1990).in("s"), card("80s", 80).in("s")}},
	{"strong", "a 100,000-strong army of 30-year-old two-year conscripts", []m{card("100,000", 1e5), card("30", 30), words("two", 2)}},
	{"first-ever", "the first-ever and second-largest", []m{ord("first", 1).with("s"), ord("second", 2).with("s")}},
	{"one in five", "one-in-five and four in 10", []m{words("one", 1), words("five", 5), words("four", 4), card("10", 10)}},
	{"name prefixes", "G-20, Top-10, under-18s, post-2014", []m{ident("G-20"), card("10", 10), card("18s", 18).in("s"), card("2014", 2014)}},
	{"calibre", "155mm shells and 5.56mm rounds", []m{card("155mm", 155).in("mm"), card("5.56mm", 5.56).in("mm")}},
	{"glued code", "KRW1.3tn", []m{money("KRW1.3tn", "KRW", 1.3e12)}},
	{"times", "a 3x rise", []m{times("3x", 3)}},
	{"change, not a range", "fell from 30 to 20 per cent", []m{pct("30", 30), pct("20 per cent", 20)}},
	{"a change further back", "raised its estimate from 1,000 to 1,500", []m{card("1,000", 1000), card("1,500", 1500)}},
	{"a range after from", "ranging from 10 to 15 degrees", []m{card("from 10 to 15", 10).to(15)}},
	{"times are no range ends", "between 2 and 3 p.m.", []m{card("2", 2), clock("3 p.m.", 15)}},
	{"ordinals are no range ends", "the 10th to 15th", []m{ord("10th", 10), ord("15th", 15)}},

	// "one" and words that hide numbers.
	{"one", "one of the groups, one day", []m{words("one", 1), words("one", 1)}},
	{"pronoun one", "no one, No-one, someone, anyone, everyone, one another", nil},
	{"inside words", "often a tone of network tension", nil},
	{"article alone", "a an A", nil},
	{"accented word", "Zoë5 and naïveté", nil},
}

func TestScan(t *testing.T) {
	for _, tc := range scanTests {
		t.Run(tc.name, func(t *testing.T) {
			got := Scan(tc.in)
			if len(got) != len(tc.want) {
				t.Fatalf("Scan(%q) = %s, want %d mentions", tc.in, describe(got), len(tc.want))
			}
			from := 0
			for k, w := range tc.want {
				n := got[k]
				at := strings.Index(tc.in[from:], w.text)
				if at < 0 {
					t.Fatalf("bad test: %q not in %q", w.text, tc.in[from:])
				}
				start := from + at
				from = start + len(w.text)
				if n.Start != start || n.End != from || n.Text != w.text {
					t.Errorf("mention %d = %q [%d,%d), want %q [%d,%d)", k, n.Text, n.Start, n.End, w.text, start, from)
				}
				if n.Text != tc.in[n.Start:n.End] {
					t.Errorf("mention %d: Text %q is not the scanned span", k, n.Text)
				}
				if !near(n.Low, w.low) || !near(n.High, w.high) {
					t.Errorf("%q = [%v, %v], want [%v, %v]", n.Text, n.Low, n.High, w.low, w.high)
				}
				if n.Kind != w.kind || n.Currency != w.currency || n.Unit != w.unit {
					t.Errorf("%q: kind %s currency %q unit %q, want %s %q %q", n.Text, n.Kind, n.Currency, n.Unit, w.kind, w.currency, w.unit)
				}
				if flags := flagsOf(n); flags != w.flags && (w.kind != KindIdentifier || flags != "") {
					t.Errorf("%q: flags %q, want %q", n.Text, flags, w.flags)
				}
			}
		})
	}
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in string
		v  float64
		ok bool
	}{
		{"twenty-five thousand", 25000, true},
		{"4.8m", 4.8e6, true},
		{"1,121", 1121, true},
		{" nine million ", 9e6, true},
		{"a third", 1.0 / 3, true},
		{"40%", 40, true},
		{"$5bn", 5e9, true},
		{"seventeenth", 17, true},
		{"1,121 people", 0, false},
		{"25 to 30", 0, false},
		{"dozens", 0, false},
		{"F-16", 0, false},
		{"16:00", 0, false},
		{"", 0, false},
		{"hello", 0, false},
	} {
		v, ok := Parse(tc.in)
		if ok != tc.ok || ok && !near(v, tc.v) {
			t.Errorf("Parse(%q) = %v, %v; want %v, %v", tc.in, v, ok, tc.v, tc.ok)
		}
	}
}

func TestVagueTableIsComplete(t *testing.T) {
	for _, v := range vagueAmounts {
		got := Scan(v.phrase)
		if len(got) != 1 || got[0].Text != v.phrase || got[0].Low != v.low || got[0].High != v.high || !got[0].Vague {
			t.Errorf("Scan(%q) = %s, want the whole phrase as [%v, %v]", v.phrase, describe(got), v.low, v.high)
		}
	}
}

func TestScanNeverAllocatesWithoutNumbers(t *testing.T) {
	text := strings.Repeat("The ministry said no one had been told about often tense network talks. ", 20)
	if allocs := testing.AllocsPerRun(100, func() { Scan(text) }); allocs != 0 {
		t.Errorf("Scan allocated %v times on text without numbers", allocs)
	}
}

func flagsOf(n Number) string {
	var b strings.Builder
	for _, f := range []struct {
		on bool
		c  byte
	}{{n.Range, 'r'}, {n.Vague, 'v'}, {n.Spelled, 's'}} {
		if f.on {
			b.WriteByte(f.c)
		}
	}
	return b.String()
}

func near(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

func describe(ns []Number) string {
	var b strings.Builder
	b.WriteByte('[')
	for k, n := range ns {
		if k > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strings.Join([]string{"\"" + n.Text + "\"", string(n.Kind), flagsOf(n)}, " "))
	}
	b.WriteByte(']')
	return b.String()
}
