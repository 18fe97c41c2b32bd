package corpus

import (
	"strconv"
	"strings"
	"time"
)

// Articles are dated within these years, so relative dates ("on Tuesday",
// "last month") and datelines without a year resolve to plausible days.
var (
	firstDay = time.Date(2022, time.January, 1, 0, 0, 0, 0, time.UTC)
	days     = int(time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC).Sub(firstDay).Hours() / 24)
)

// article is one article being written: its own random stream, date and
// topic, so that its sentences agree with each other.
type article struct {
	rng   *rng
	date  time.Time
	topic *topic
	text  strings.Builder
}

// write returns article i of the corpus for seed.
func write(seed int64, i int) string {
	a := &article{rng: newRNG(seed, i)}
	a.date = firstDay.AddDate(0, 0, a.rng.intn(days))
	a.topic = &topics[a.rng.intn(len(topics))]
	a.writeOpening()
	a.writeBody()
	a.text.WriteByte('\n')
	return a.text.String()
}

// writeOpening writes what comes before the first sentence: most articles
// have a " date YYYY-MM-DD" header (with the text on the next line or on the
// same one, and sometimes a headline), the others a wire dateline.
func (a *article) writeOpening() {
	header := " date " + a.date.Format(time.DateOnly)
	switch r := a.rng.intn(100); {
	case r < 25:
		a.text.WriteString(header + "\n" + a.sentenceFrom(pick(a.rng, a.topic.headlines)) + "\n\n")
	case r < 45:
		a.text.WriteString(header + "\n")
	case r < 65:
		a.text.WriteString(header + " ")
	case r < 72:
		a.text.WriteString(header + "\n" + a.dateline())
	default:
		a.text.WriteString(a.dateline())
	}
}

func (a *article) dateline() string {
	wire := pick(a.rng, wires)
	place := pick(a.rng, a.topic.places)
	if wire.upperPlace {
		place = strings.ToUpper(place)
	}
	line := place + ", " + wire.months[a.date.Month()] + " " + strconv.Itoa(a.date.Day())
	if a.rng.chance(20) {
		line += ", " + strconv.Itoa(a.date.Year())
	}
	if wire.agency != "" {
		line += " (" + wire.agency + ")"
	}
	return line + wire.separator + " "
}

// writeBody writes a lead that states a figure, then paragraphs of one to
// three sentences and the odd subheading, and for some a reporting credit.
func (a *article) writeBody() {
	a.text.WriteString(a.sentenceFrom(pick(a.rng, attributions)))
	for range a.rng.between(12, 20) {
		a.text.WriteString("\n\n")
		if a.rng.chance(8) {
			a.text.WriteString(pick(a.rng, subheadings) + "\n\n")
		}
		for s := range a.rng.between(1, 3) {
			if s > 0 {
				a.text.WriteByte(' ')
			}
			a.text.WriteString(a.sentence())
		}
	}
	if a.rng.chance(25) {
		a.text.WriteString("\n\n(Reporting by " + pick(a.rng, reporters) + "; Editing by " + pick(a.rng, editors) + ")")
	}
}

// sentence is a sourced figure half the time, otherwise a quote or a
// sentence without figures.
func (a *article) sentence() string {
	switch r := a.rng.intn(100); {
	case r < 50:
		return a.sentenceFrom(pick(a.rng, attributions))
	case r < 62:
		return a.sentenceFrom(pick(a.rng, a.topic.quotes))
	default:
		return a.sentenceFrom(pick(a.rng, fillers))
	}
}

// sentenceFrom fills in a template that starts a sentence and capitalizes it.
func (a *article) sentenceFrom(template string) string {
	s := a.fill(template)
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		s = string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

// fill replaces the template's {slot}s.
func (a *article) fill(template string) string {
	var b strings.Builder
	for {
		open := strings.IndexByte(template, '{')
		if open < 0 {
			b.WriteString(template)
			break
		}
		end := open + strings.IndexByte(template[open:], '}')
		name, arg, _ := strings.Cut(template[open+1:end], ":")
		b.WriteString(template[:open])
		b.WriteString(a.slot(name, arg))
		template = template[end+1:]
	}
	return b.String()
}

func (a *article) slot(name, arg string) string {
	r := a.rng
	switch name {
	case "clause":
		return a.fill(pick(r, a.topic.claims))
	case "q":
		return a.quantity(scaleNamed(arg), true)
	case "amount":
		return a.quantity(scaleNamed(arg), false)
	case "range":
		return a.numberRange(scaleNamed(arg))
	case "n":
		return a.number(scaleNamed(arg))
	case "source", "other_source":
		return pick(r, a.topic.sources)
	case "outlet":
		return pick(r, outletNames)
	case "person":
		return pick(r, persons)
	case "resident":
		return pick(r, residents)
	case "city":
		return pick(r, a.topic.cities)
	case "world_city":
		return pick(r, worldCities)
	case "said_when":
		return a.fill(pick(r, saidWhen))
	case "since":
		return a.fill(pick(r, since))
	case "weekday":
		return a.date.AddDate(0, 0, -r.intn(3)).Weekday().String()
	case "day":
		return strconv.Itoa(r.between(1, 28))
	case "month":
		return fullMonths[r.between(1, 12)]
	case "month_before":
		return fullMonths[a.date.AddDate(0, -r.between(1, 10), 0).Month()]
	case "year":
		return strconv.Itoa(a.date.Year())
	case "year_before":
		return strconv.Itoa(a.date.Year() - r.between(1, 2))
	case "year_past":
		return strconv.Itoa(a.date.Year() - r.between(1, 30))
	case "ordinal":
		return pick(r, ordinals)
	case "clock":
		return strconv.Itoa(r.between(10, 23)) + ":" + strconv.Itoa(r.between(10, 59))
	case "mag":
		return strconv.Itoa(r.between(5, 7)) + "." + strconv.Itoa(r.intn(10))
	case "pct":
		return strconv.Itoa(r.between(2, 85)) + pick(r, []string{" percent", " per cent", "%"})
	case "money":
		return pick(r, []string{"", "about ", "as much as "}) + "$" + pick(r, []string{"1.5", "5.5", "20", "2", "8.3", "600"}) +
			pick(r, []string{" billion", " million"})
	}
	panic("corpus: template uses unknown slot {" + name + "}")
}

func scaleNamed(name string) scale {
	s, ok := scales[name]
	if !ok {
		panic("corpus: template uses unknown scale " + name)
	}
	return s
}

// quantity is a figure as news states it: exact, qualified, a range or
// vague. Vague words lose their "of" when no noun follows ("tens of
// thousands").
func (a *article) quantity(s scale, beforeNoun bool) string {
	r := a.rng
	switch k := r.intn(100); {
	case k < 35:
		return a.number(s)
	case k < 70:
		q := pick(r, qualifiers)
		// Standalone amounts follow "at" in some templates: no "at at least".
		if !beforeNoun && q == "at least" {
			q = "more than"
		}
		return q + " " + a.number(s)
	case k < 82:
		return a.numberRange(s)
	}
	if beforeNoun {
		return pick(r, s.vague)
	}
	var standalone []string
	for _, v := range s.vague {
		if w, ok := strings.CutSuffix(v, " of"); ok {
			standalone = append(standalone, w)
		}
	}
	return pick(r, standalone)
}

// numberRange is "25,000 to 30,000", "between 300 and 400" or "1,000-1,500".
func (a *article) numberRange(s scale) string {
	low := a.value(s)
	high := round(low+max(1, low*a.rng.between(10, 60)/100), 2)
	words := a.rng.chance(40)
	lo, hi := a.spell(low, words), a.spell(max(high, low+1), words)
	switch a.rng.intn(3) {
	case 0:
		return lo + " to " + hi
	case 1:
		return "between " + lo + " and " + hi
	}
	return lo + "-" + hi
}

func (a *article) number(s scale) string { return a.spell(a.value(s), a.rng.chance(40)) }

// value draws a figure of the scale with as many decades small as large, and
// mostly rounded, as reported figures are.
func (a *article) value(s scale) int {
	var decades []int
	for d := 1; d <= s.hi; d *= 10 {
		if d*10 > s.lo {
			decades = append(decades, d)
		}
	}
	d := pick(a.rng, decades)
	n := a.rng.between(max(s.lo, d), min(s.hi, d*10-1))
	switch k := a.rng.intn(100); {
	case k < 55:
		return round(n, 2)
	case k < 80:
		return round(n, 3)
	}
	return n
}

// round rounds n to its first `digits` significant digits: 1,480 to 1,500.
func round(n, digits int) int {
	unit := 1
	for n/unit >= pow10(digits) {
		unit *= 10
	}
	return (n + unit/2) / unit * unit
}

func pow10(n int) int {
	p := 1
	for range n {
		p *= 10
	}
	return p
}

// spell writes n as news does: "1,480", "1.5 million", and with words for
// small numbers, "nine" or "nine million".
func (a *article) spell(n int, words bool) string {
	if n >= 1_000_000 && n%100_000 == 0 {
		whole, tenths := n/1_000_000, n/100_000%10
		switch {
		case tenths != 0:
			return strconv.Itoa(whole) + "." + strconv.Itoa(tenths) + " million"
		case words && whole < len(smallNumberWords):
			return smallNumberWords[whole] + " million"
		}
		return strconv.Itoa(whole) + " million"
	}
	if words && n < len(smallNumberWords) {
		return smallNumberWords[n]
	}
	return withCommas(n)
}

func withCommas(n int) string {
	digits := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
