package eval

// These tests hold claims/reader/numbers to the test specs of two other number
// recognisers, Microsoft Recognizers-Text (English Number, NumberRange,
// Percent and Ordinal models) and quantulum3, kept under shared/eval/peers
// (SOURCE.txt there says where they come from). Each test logs its pass rate
// over the cases in scope (go test -v) and fails when the rate drops more
// than two points below the rate reached when it was written.
//
// A case is out of scope when it is not news prose or when our spec reads
// it another way on purpose; each list below says why, case by case. The
// peers' NotSupported markers are ignored: they say which of their own ports
// lack a feature, not whether news copy uses it.

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"claimtrack/claims/reader/numbers"
)

const numPeersDir = "../../shared/eval/peers"

// Pass rates reached over the cases in scope; a test fails two points below.
const (
	numModelRate      = 1.0   // 120 of 120
	numRangeModelRate = 0.987 // 81 of 82
	numPercentRate    = 1.0   // 12 of 12
	numOrdinalRate    = 1.0   // 21 of 21
	numQuantulumRate  = 1.0   // 76 of 76
)

// numRTCase is one Recognizers-Text spec case.
type numRTCase struct {
	Input   string
	Results []struct {
		Text       string
		Resolution struct {
			Value string `json:"value"`
		}
		Start, End int // UTF-16 offsets, End inclusive
	}
}

// Out of scope in NumberModel.json, by reason.
var numModelOutOfScope = numReasons(map[string][]string{
	// Our spec keeps a glued unit with its number ("17.9km") and reads a
	// glued "m" as million, as UK news copy does; Recognizers-Text drops them.
	"glued unit": {"the 180.25ml liquid", "the 180ml liquid", " 29km Road ", "the .25ml liquid", "1m isn't a number."},
	// Our spec makes "9/11", "24/7" and dotted or dashed codes identifiers.
	"slash or dotted code": {"192.168.1.2", "-4/5", "- 1 4/5", "2  1/4", "3/4", "Any time to meet on 5/17/2018?",
		"My phone number is +1-222-2222/2222", "SCP-173"},
	"scientific notation": {"1e10", "1.1^23", "1.1^+23", "2.5^-1", "-2500^-1", "-1.1^+23", "-2.5^-1", "-1.1^--23",
		"-127.32e13", "12.32e+14", "-12e-1", "1.3x10^6", "1.3e6", "6.23x10^-4"},
	// Arithmetic read aloud: "point" decimals, "over" and "out of" ratios,
	// "minus" and "negative" words, "nought".
	"spoken arithmetic": {" two hundred point zero three", " two hundred point seventy-one",
		"The answer is minus five point five", "one over three", "1 over twenty-one",
		"1 over one hundred and twenty one", "1 over three", "1 over 3", "one over 3", "one over 20",
		"one over twenty", "one over one hundred", "one over one hundred and twenty five", "one out of three",
		"1 in twenty-one", "2000 over 3", "The answer is negative one over 20", "two out of five hundred tvs",
		"two out of five hundreds tvs", "The answer is negative ninety - five hundred fifths",
		"The answer is minus ninety - five hundred fifths", "The answer is minus one",
		"The answer is minus one hundred thirty fifths", "The answer is minus 5", "The answer is negative one",
		"3 hundred and negative one are two valid numbers.", "nought is 0", "nine point nought four",
		"nought point nought three plus zero point zero eight equals nought point eleven",
		"they were playing three-nought-four", "naught", "naught point five"},
	// Denominators that Recognizers-Text itself reads two ways, or that
	// only a maths class writes: "one hundred thirty fifths" is 100/35 there
	// but "one hundred thirty two fifths" is 132/5.
	"spoken compound fraction": {"one hundred thirty fifths", "one one hundred fifth", "one one hundred and fifth",
		"one hundred one thousand fifths", "twenty and three and three fifths", "two and fifty-four hundredths",
		"one hundred and thirty fifths", "one hundred and thirty-two fifths",
		"two hundred and fifty-four hundredths", "ninety - five hundred-fifths",
		"how much is ninety - five hundred fifths?", " three hundred and two dozens", " 100 millionths",
		" two millionth", "one - fourth", "five - eighths"},
	// Digit grouping by plain spaces is ambiguous in prose ("in 2019 125
	// people"); decimal commas and Indian grouping are not English news style.
	"foreign digit grouping": {"1 234 567", "40 000 is the same as 40\u202f000", "For now, China's population is 1 414 021 100.",
		"In some countries you can write 5.00 or 5,00.", "1.111,11, 1,111.11", "The number is 1,3.",
		"The result is 12,34,567.89"},
	// Abbreviations news copy does not use, or spaced single-letter ones.
	"unused abbreviation": {"10G", "- 10  k", " 2.33 k", "1,674.5 G", "1,674,200.5 M", "That account revenue target is US$ 1MM",
		" 3 dzs", " five dozs"},
	// Our spec returns "one" as 1 wherever it stands; the caller filters.
	"pronoun one": {"The one you mentioned is invalid", "This one you is not correct", "Which one do you prefer?",
		"That one is really good"},
	// Digits mixed into a compound of words, and a bare "hundred".
	"mixed compound": {"I can give you 3 hundred and 21 yuan.", "4 thousand 3 hundred and 21 is a valid number.",
		"4 thousand 3 hundred and 0 are two valid numbers.", "4000 3 hundred and 21 are two valid numbers.",
		"3 hundred and 2 hundred are two valid numbers.", "3 hundred and 2.12 hundred are two valid numbers.",
		"3 hundred and one is a valid numbers.", "I count 6 crore and two hundred", "hundred thousand dollars", "fifty - two"},
	// A fraction after a scale: "one million and a half" is not news English.
	"fraction after a scale": {"There are one million and a half possibilities", "The population is 3 million and a half",
		"They have two million and one half", "Current value is one billion and a half million",
		"Last value was one billion and a quarter million", "They have 3 million and a quarter",
		"The number is five billion and three quarters", "I counted six million and two thirds",
		"They have two million and three fifths", "We spent nine million and five ninths",
		" one billion and three quarters million"},
})

func TestPeerRecognizersNumberModel(t *testing.T) {
	var cases []numRTCase
	numReadPeer(t, "recognizers-text/Specs/Number/English/NumberModel.json", &cases)
	numCheckScope(t, numModelOutOfScope, numInputs(cases, func(c numRTCase) string { return c.Input }))
	score := numTally{t: t}
	for _, c := range cases {
		if why, out := numModelOutOfScope[c.Input]; out {
			score.skip(why)
			continue
		}
		var wants []numWant
		for _, r := range c.Results {
			v, err := strconv.ParseFloat(r.Resolution.Value, 64)
			if err != nil {
				t.Fatalf("%q: value %q", c.Input, r.Resolution.Value)
			}
			start, end := numRTSpan(c.Input, r.Start, r.End)
			wants = append(wants, numWant{low: v, high: v, start: start, end: end})
		}
		score.add(c.Input, numCompare(numbers.Scan(c.Input), wants, numIsAmount))
	}
	score.report("NumberModel", numModelRate)
}

// Out of scope in NumberRangeModel.json, by reason.
var numRangeOutOfScope = numReasons(map[string][]string{
	// Recognizers-Text reads "from 200 to 300 in 2008" as no range because
	// of the year; we return the range and leave years to the caller.
	"year context":   {"The number is from 200 to 300 in 2008"},
	"slash fraction": {"More than 1/2 of the people came here."},
	// Minus words and "2 in 5" ratios are spoken arithmetic, not news prose.
	"spoken arithmetic": {"He scores between negative ten and fifteen.", "How about 2 in 5 or more",
		"How about more than 2 in 5"},
})

func TestPeerRecognizersNumberRangeModel(t *testing.T) {
	var cases []numRTCase
	numReadPeer(t, "recognizers-text/Specs/Number/English/NumberRangeModel.json", &cases)
	numCheckScope(t, numRangeOutOfScope, numInputs(cases, func(c numRTCase) string { return c.Input }))
	score := numTally{t: t}
	for _, c := range cases {
		if why, out := numRangeOutOfScope[c.Input]; out {
			score.skip(why)
			continue
		}
		score.add(c.Input, numCompareRanges(c))
	}
	score.report("NumberRangeModel", numRangeModelRate)
}

// numCompareRanges checks one NumberRangeModel case. The comparison words
// ("more than", "at most") are the caller's: for them we only need the
// bounds read right. A range written with two numbers and a connector
// ("between 20 and 30", "1000-5000", "20 through 100") must come back as
// one Range mention with those ends. A case with no range must get none.
func numCompareRanges(c numRTCase) string {
	got := numbers.Scan(c.Input)
	used := make([]bool, len(got))
	for _, r := range c.Results {
		low, high, ok := numParseInterval(r.Resolution.Value)
		if !ok {
			return "bad interval " + r.Resolution.Value
		}
		start, end := numRTSpan(c.Input, r.Start, r.End)
		if numClosedRange(r.Text, low, high) && !numOrdinalRange(got, start, end) {
			k := numFind(got, used, func(n numbers.Number) bool {
				return n.Range && numOverlaps(n, start, end) && numClose(n.Low, low) && numClose(n.High, high)
			})
			if k < 0 {
				return "no range " + r.Text
			}
			used[k] = true
			continue
		}
		for side, bound := range []float64{low, high} {
			if math.IsInf(bound, 0) || side == 1 && bound == low {
				continue
			}
			k := numFind(got, used, func(n numbers.Number) bool {
				return !n.Range && numOverlaps(n, start, end) && numClose(n.Low, bound)
			})
			if k < 0 {
				return "bound not read: " + strconv.FormatFloat(bound, 'g', -1, 64) + " in " + r.Text
			}
			used[k] = true
		}
	}
	for k, n := range got {
		if n.Range && !used[k] {
			return "extra range " + n.Text
		}
	}
	return ""
}

// numOrdinalRange reports whether the span holds ordinals ("between the tenth
// and the fifteenth"): we read them as two ordinals, not as a quantity range.
func numOrdinalRange(got []numbers.Number, start, end int) bool {
	return numFind(got, make([]bool, len(got)), func(n numbers.Number) bool {
		return n.Kind == numbers.KindOrdinal && numOverlaps(n, start, end)
	}) >= 0
}

// numClosedRange reports whether an expected range names both ends with no
// comparison word: "between 20 and 30", "1000 - 5000", "20~100".
func numClosedRange(text string, low, high float64) bool {
	if math.IsInf(low, 0) || math.IsInf(high, 0) || low == high {
		return false
	}
	text = strings.ToLower(text)
	for _, w := range []string{"than", "above", "below", "over", "under", "least", "most", "equal", "more",
		"less", "greater", "higher", "lower", "exceed", "surpass", "up to", "<", ">", "="} {
		if strings.Contains(text, w) {
			return false
		}
	}
	return true
}

// numParseInterval reads "[20,30)", "(30,)", "(,100]" as bounds; a missing
// bound is infinite.
func numParseInterval(v string) (low, high float64, ok bool) {
	if len(v) < 3 {
		return 0, 0, false
	}
	lo, hi, found := strings.Cut(v[1:len(v)-1], ",")
	if !found {
		return 0, 0, false
	}
	low, high = math.Inf(-1), math.Inf(1)
	var err error
	if lo != "" {
		if low, err = strconv.ParseFloat(lo, 64); err != nil {
			return 0, 0, false
		}
	}
	if hi != "" {
		if high, err = strconv.ParseFloat(hi, 64); err != nil {
			return 0, 0, false
		}
	}
	return low, high, true
}

// Out of scope in PercentModel.json, by reason.
var numPercentOutOfScope = numReasons(map[string][]string{
	// "percent of 10" names the whole, not a percentage; and "minus" is
	// spoken arithmetic.
	"not news prose": {"percents of twenty", "percent of 10", "per cent of twenty-two", "per cent of 210",
		"just need minus five percent"},
})

func TestPeerRecognizersPercentModel(t *testing.T) {
	var cases []numRTCase
	numReadPeer(t, "recognizers-text/Specs/Number/English/PercentModel.json", &cases)
	numCheckScope(t, numPercentOutOfScope, numInputs(cases, func(c numRTCase) string { return c.Input }))
	score := numTally{t: t}
	for _, c := range cases {
		if why, out := numPercentOutOfScope[c.Input]; out {
			score.skip(why)
			continue
		}
		var wants []numWant
		relative := false
		for _, r := range c.Results {
			v, err := strconv.ParseFloat(strings.TrimSuffix(r.Resolution.Value, "%"), 64)
			if err != nil { // "a small percent" names no figure
				relative = true
				break
			}
			start, end := numRTSpan(c.Input, r.Start, r.End)
			wants = append(wants, numWant{low: v, high: v, start: start, end: end})
		}
		if relative {
			score.skip("percent without a figure")
			continue
		}
		score.add(c.Input, numCompare(numbers.Scan(c.Input), wants, func(n numbers.Number) bool {
			return n.Kind == numbers.KindPercent
		}))
	}
	score.report("PercentModel", numPercentRate)
}

// Out of scope in OrdinalModel.json, besides the relative ordinals ("last",
// "next", "penultimate"), which name no number.
var numOrdinalOutOfScope = numReasons(map[string][]string{
	// Our spec reads "and a third" after a number as a fraction.
	"fraction by spec": {"The measurement has a value of forty two and a third",
		"The measurement has a value of two hundred thirty two and a thirtieth"},
	"misspelling": {"Nineth Meeting of the Research Partnership Platform on Competition and Consumer Protection."},
})

func TestPeerRecognizersOrdinalModel(t *testing.T) {
	var cases []numRTCase
	numReadPeer(t, "recognizers-text/Specs/Number/English/OrdinalModel.json", &cases)
	numCheckScope(t, numOrdinalOutOfScope, numInputs(cases, func(c numRTCase) string { return c.Input }))
	score := numTally{t: t}
	for _, c := range cases {
		if why, out := numOrdinalOutOfScope[c.Input]; out {
			score.skip(why)
			continue
		}
		var wants []numWant
		relative := false
		for _, r := range c.Results {
			v, err := strconv.ParseFloat(r.Resolution.Value, 64)
			if err != nil { // "end-1", "current+1"
				relative = true
				break
			}
			start, end := numRTSpan(c.Input, r.Start, r.End)
			wants = append(wants, numWant{low: v, high: v, start: start, end: end})
		}
		if relative {
			score.skip("relative ordinal")
			continue
		}
		score.add(c.Input, numCompare(numbers.Scan(c.Input), wants, func(n numbers.Number) bool {
			return n.Kind == numbers.KindOrdinal
		}))
	}
	score.report("OrdinalModel", numOrdinalRate)
}

// numQuantulumCase is one quantulum3 spec case; a range is a value with an
// uncertainty of half its width.
type numQuantulumCase struct {
	Req string
	Res []struct {
		Value       float64
		Unit        string
		Surface     string
		Uncertainty *float64
	}
}

// Out of scope in quantulum3's quantities.json, by reason.
var numQuantulumOutOfScope = numReasons(map[string][]string{
	"scientific notation": {"OPERA detected neutrinos traveling faster than light by a factor of 2.48×10−5, with 6.0-sigma significance.",
		"Violet light oscillates at 4e14 s-1", "Give me -1e-3 W/min, now!", "Objects fall with an acceleration of 9.83e-3 +/- 1e-5 km/s2",
		"A kibibyte is exactly 8x2^10 bits, which is approximately one thousand bytes.",
		"Workers on Ceres are exposed to 20 J/m^2 per year",
		"There is no difference in volume between 4km^3, 4 cubic kilometers and 4 km cubed",
		"There is no difference in volume between 4km^2, 4 square kilometers and 4 km squared",
		"Fermilab's Tevatron took about 4 years to reach 1 fb−1 in 2005, while two of CERN's LHC experiments, ATLAS and CMS, reached over 5 fb−1 of proton-proton data in 2011 alone."},
	// Our spec makes "9/11" and "24/7" identifiers, so slash fractions are too.
	"slash fraction": {"The door is 2 1/2 in thick, and it will be for at least several hundred years",
		"Even though we're in the 21st century, we need an accuracy of 16.25 nanometers, about 1/40 of the wavelength of red light",
		"A mouse can get through a 1/4 inch gap"},
	// The quantity is a unit with no number: "a gallon", "a penny".
	"unit without a number": {"I want a gallon of beer, and 3 to 4 L of wine", "Oh look, a penny!",
		"A baker's dozen is exactly 13 units whilst a gross is 144 (a square dozen).",
		"One gigaannum (1Ga) is a unit of time equal to one billion years",
		"In the quantum-mechanical description, matter (solid) at absolute zero is in its ground state, the point of lowest internal energy."},
	// "rose from $350 per kg to $680 per kg" is a change between two prices.
	"change, not range": {"The cost of gallium metal rose from about $350 per kg to $680 per kg"},
	// Accounting negatives and a trailing euro sign are not news style.
	"accounting notation": {"The annual revenue is ($99.99).", "The annual revenue is -15€ ($-99.99)."},
	// Space-grouped digits are ambiguous in prose; quantulum drops "245 23"
	// where we report both numbers.
	"space-grouped digits": {"valued at $13,009 million in 2013, and 278,000 t valued 10 000 dollars.", "245 23 yen"},
	"comma inside words":   {"three million, two hundred & forty, you say?"},
	// Our spec returns "one" as 1 wherever it stands; the caller filters.
	"pronoun one": {"That one costs 3 dimes"},
	// We read "2013-14" as the span of years 2013 to 2014; quantulum reads
	// nothing there, and the caller drops years anyway.
	"year span": {"We produced nothing in 2013-14."},
})

func TestPeerQuantulum(t *testing.T) {
	var cases []numQuantulumCase
	numReadPeer(t, "quantulum3/quantities.json", &cases)
	numCheckScope(t, numQuantulumOutOfScope, numInputs(cases, func(c numQuantulumCase) string { return c.Req }))
	score := numTally{t: t}
	for _, c := range cases {
		if why, out := numQuantulumOutOfScope[c.Req]; out {
			score.skip(why)
			continue
		}
		var wants []numWant
		from := 0
		for _, r := range c.Res {
			w := numWant{low: r.Value, high: r.Value}
			if r.Unit == "dozen" { // quantulum counts dozens, we count items
				w.low, w.high = 12*r.Value, 12*r.Value
			}
			if r.Uncertainty != nil && *r.Uncertainty > 0 {
				w.low, w.high, w.isRange = r.Value-*r.Uncertainty, r.Value+*r.Uncertainty, true
			}
			at := strings.Index(c.Req[from:], r.Surface)
			if at < 0 {
				t.Fatalf("%q: surface %q not found", c.Req, r.Surface)
			}
			w.start, w.end = from+at, from+at+len(r.Surface)
			from = w.end
			wants = append(wants, w)
		}
		score.add(c.Req, numCompare(numbers.Scan(c.Req), wants, numIsAmount))
	}
	score.report("quantulum3 quantities", numQuantulumRate)
}

// numWant is one expected number: its value or range and its byte span.
type numWant struct {
	low, high  float64
	isRange    bool
	start, end int
}

// numCompare matches the mentions that counts keeps against wants by value
// and overlapping span; it returns why they differ, or "".
func numCompare(got []numbers.Number, wants []numWant, counts func(numbers.Number) bool) string {
	used := make([]bool, len(got))
	for k, n := range got {
		used[k] = !counts(n)
	}
	for _, w := range wants {
		k := numFind(got, used, func(n numbers.Number) bool {
			return n.Range == w.isRange && numOverlaps(n, w.start, w.end) && numClose(n.Low, w.low) && numClose(n.High, w.high)
		})
		if k < 0 {
			return "missed " + strconv.FormatFloat(w.low, 'g', -1, 64) + " at " + strconv.Itoa(w.start)
		}
		used[k] = true
	}
	for k, n := range got {
		if !used[k] {
			return "extra " + n.Text + " = " + strconv.FormatFloat(n.Low, 'g', -1, 64)
		}
	}
	return ""
}

// numIsAmount keeps the kinds a number model reports: not ordinals, names or times.
func numIsAmount(n numbers.Number) bool {
	switch n.Kind {
	case numbers.KindOrdinal, numbers.KindIdentifier, numbers.KindTime:
		return false
	}
	return true
}

func numFind(got []numbers.Number, used []bool, ok func(numbers.Number) bool) int {
	for k, n := range got {
		if !used[k] && ok(n) {
			return k
		}
	}
	return -1
}

func numOverlaps(n numbers.Number, start, end int) bool { return n.Start < end && start < n.End }

func numClose(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

// numRTSpan turns Recognizers-Text offsets (UTF-16 units, end inclusive) into
// byte offsets (end exclusive).
func numRTSpan(s string, start, last int) (int, int) {
	byteAt := func(unit int) int {
		u := 0
		for i, r := range s {
			if u >= unit {
				return i
			}
			u++
			if r >= 0x10000 {
				u++
			}
		}
		return len(s)
	}
	end := byteAt(last)
	if end < len(s) {
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
	}
	return byteAt(start), end
}

// numTally counts the cases of one peer file.
type numTally struct {
	t                 *testing.T
	pass, total       int
	outOfScope        int
	outOfScopeReasons map[string]int
}

func (ty *numTally) skip(why string) {
	if ty.outOfScopeReasons == nil {
		ty.outOfScopeReasons = map[string]int{}
	}
	ty.outOfScope++
	ty.outOfScopeReasons[why]++
}

func (ty *numTally) add(input, failure string) {
	ty.total++
	if failure == "" {
		ty.pass++
		return
	}
	ty.t.Logf("fail %q: %s", input, failure)
}

func (ty *numTally) report(name string, reached float64) {
	ty.t.Helper()
	rate := 0.0
	if ty.total > 0 {
		rate = float64(ty.pass) / float64(ty.total)
	}
	ty.t.Logf("%s: %d/%d in scope pass (%.1f%%); %d out of scope %v",
		name, ty.pass, ty.total, 100*rate, ty.outOfScope, ty.outOfScopeReasons)
	if rate < reached-0.02 {
		ty.t.Errorf("%s pass rate %.1f%% fell below %.1f%%", name, 100*rate, 100*(reached-0.02))
	}
}

// numReadPeer decodes a peer spec file, skipping the test when it is absent.
func numReadPeer(t *testing.T, rel string, v any) {
	t.Helper()
	path := filepath.Join(numPeersDir, rel)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("peer spec %s is absent", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// numCheckScope reports out-of-scope entries that match no case, so that
// a typo cannot quietly put a case back in scope.
func numCheckScope(t *testing.T, scope map[string]string, inputs []string) {
	t.Helper()
	known := map[string]bool{}
	for _, in := range inputs {
		known[in] = true
	}
	for in := range scope {
		if !known[in] {
			t.Errorf("out-of-scope entry %q matches no case", in)
		}
	}
}

func numInputs[C any](cases []C, input func(C) string) []string {
	var in []string
	for _, c := range cases {
		in = append(in, input(c))
	}
	return in
}

// numReasons turns lists of cases by reason into a lookup by case.
func numReasons(byReason map[string][]string) map[string]string {
	m := map[string]string{}
	for why, cases := range byReason {
		for _, c := range cases {
			m[c] = why
		}
	}
	return m
}
