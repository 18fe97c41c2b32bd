package reader

import (
	"math"
	"strings"
	"time"

	"claimtrack/claims"
	"claimtrack/claims/reader/numbers"
)

var (
	functionWords   = wordSet("function_words.txt")
	identifierWords = wordSet("identifiers.txt")
	streetWords     = wordSet("street_words.txt")
	notCounted      = wordClasses("not_counted.txt")
)

func wordSet(file string) map[string]bool {
	set := map[string]bool{}
	for _, f := range dataLines(file) {
		for _, w := range f {
			set[strings.ToLower(w)] = true
		}
	}
	return set
}

// np is a noun phrase found around a figure: the tokens it spans and the
// unit its head names.
type np struct {
	from, to int // token indexes, to exclusive
	unit     string
	class    string
	head     int // token index of the unit phrase's first word, -1 if none
	// share marks "65 of 90 drones": what follows describes the whole.
	share bool
}

func (p np) empty() bool { return p.to <= p.from }

// quantity turns number k of sentence s into a claim, or reports that it is
// not one (a year, a name, a figure with nothing counted).
func (d *document) quantity(s *sentenceInfo, k int, earlier []claims.Claim) (claims.Claim, bool) {
	n := s.numbers[k]
	toks := s.toks
	if !quantityKind(n) || d.insideDate(s, n) || d.isConversion(s, k, earlier) {
		return claims.Claim{}, false
	}
	first := tokenContaining(toks, n.Start)
	if first < 0 || priorFigure(s, k, first, d.ref.Time) {
		return claims.Claim{}, false
	}
	last := max(tokenBefore(toks, n.End), first) // last token of the number
	if notAQuantity(d.doc.Text, toks, first, last, n) && !d.onePerson(toks, last, n) {
		return claims.Claim{}, false
	}
	c := claims.Claim{Document: d.doc.Name, Kind: claims.KindQuantity, Modality: claims.Actual}
	low, high := n.Low, n.High
	c.Value = claims.Value{Low: &low, High: &high, Qualifier: claims.Exact}
	textStart := n.Start

	// What comes before: a qualifier ("at least"), "additional", "a record".
	before := first - 1
	for steps := 0; before >= 0 && steps < 4; steps++ {
		if q, ok := d.lx.qualifiers.endingAt(toks, before); ok && c.Value.Qualifier == claims.Exact {
			c.Value.Qualifier = claims.Qualifier(q.value)
			textStart = toks[before-len(q.words)+1].start
			before -= len(q.words)
			continue
		}
		if w := toks[before].lower; increments[w] || w == "more" {
			c.Incremental = w != "more" || before > 0 && toks[before-1].lower == "some"
			textStart = toks[before].start
			before--
			continue
		}
		switch toks[before].lower {
		case "a", "an", "the", "record", "total", "of", "some":
			if toks[before].lower == "of" && (before == 0 || toks[before-1].lower != "total") {
				break
			}
			if toks[before].lower == "some" && c.Value.Qualifier == claims.Exact {
				c.Value.Qualifier = claims.Approximately
			}
			textStart = toks[before].start
			before--
			continue
		}
		break
	}
	switch {
	case n.Range:
		c.Value.Qualifier = claims.Range
	case n.Vague:
		c.Value.Qualifier = claims.Vague
	}
	applyOpenBounds(&c.Value)

	// What is counted: the noun phrase after the figure, or one named before
	// it ("North Korean losses have passed 200", "put attendance at 10,000").
	after := tokenAt(toks, n.End)
	unitBefore, hasUnitBefore := d.lx.units.endingAt(toks, before)
	if hasUnitBefore && unitBefore.class != "magnitude" {
		hasUnitBefore = false // only a scale names its unit before the figure: "magnitude 6.8"
	}
	if after+1 < len(toks) && (toks[after].lower == "more" || increments[toks[after].lower]) {
		if _, isUnit := d.lx.units.at(toks, after+1); isUnit {
			c.Incremental = true // "3,000 more soldiers were sent"
			after++
		}
	}
	phrase := d.phraseAfter(s, after, n)
	if hasUnitBefore && phrase.class != unitBefore.class {
		phrase = np{from: after, to: after, head: -1, unit: unitBefore.value, class: unitBefore.class}
	}
	c.Unit, c.Subject = phrase.unit, joinTokens(d.doc.Text, toks[phrase.from:phrase.to])
	textEnd := n.End
	if !phrase.empty() {
		textEnd = toks[phrase.to-1].end
	}
	if n.Kind == numbers.KindPercent {
		c.Unit = "percent"
	}
	if n.Kind == numbers.KindMoney && n.Currency != "" {
		c.Unit = n.Currency
	}
	if c.Unit == "" && n.Unit != "" {
		c.Unit = d.canonicalUnit(n.Unit)
	}
	if c.Unit == "" {
		if u, subject, ok := d.phraseBefore(toks, before, linkedByQualifier(toks, before)); ok {
			c.Unit, c.Subject = u, subject
		}
	}
	opening, fromOpening := np{}, false
	if c.Unit == "" {
		if opening, fromOpening = d.openingPhrase(toks, before, linkedByQualifier(toks, before)); fromOpening {
			c.Unit, c.Subject = opening.unit, joinTokens(d.doc.Text, toks[opening.from:opening.to])
		}
	}
	if c.Unit == "" {
		if prev, ok := antecedent(d.claims, earlier, n); ok {
			c.Unit, c.Subject, c.Measure = prev.Unit, prev.Subject, prev.Measure
		}
	}
	if c.Unit == "" {
		if u, subject, ok := d.pluralSubject(toks, before); ok {
			c.Unit, c.Subject = u, subject
		}
	}
	if c.Unit == "" {
		return claims.Claim{}, false // a figure with nothing counted is not a claim
	}
	c.Start, c.End = textStart, textEnd
	c.Text = d.doc.Text[c.Start:c.End]
	c.Sentence = s.text
	c.ID = ClaimID(d.doc.Hash, c.Start, c.End)

	if phrase.empty() && c.Unit != "" {
		phrase.unit = c.Unit // named before the figure: its noun may say the measure
	}
	sector, sectorAt := d.sectorOf(toks, before, tokenAt(toks, n.End))
	measured := phrase
	if fromOpening {
		measured = opening
	}
	if m := d.measure(toks, first, before, measured); m != "" {
		c.Measure = m
	}
	if n.Kind == numbers.KindMoney && notForMoney(c.Measure) {
		c.Measure = "" // "insured losses at $8bn to $14bn" lost money, not lives; "from the fire" fired nothing
	}
	if sectorAt >= 0 {
		// "manufacturing by 115,000" names a sector, not what was done.
		if m, ok := d.lx.measures.at(toks, sectorAt); ok && m.value == c.Measure {
			c.Measure = ""
		}
	}
	// "a barrage of 170 attack drones, 120 ballistic missiles, and 30
	// cruise missiles": a figure that continues a list takes what happened
	// to the one before it.
	// One with a verb of its own is a clause of its own ("the death toll
	// has surpassed 2,000, and 25 million people are in need of aid").
	if n := len(earlier); c.Measure == "" && n > 0 && earlier[n-1].Measure != "" && earlier[n-1].End <= textStart &&
		listContinuation(d.doc.Text[earlier[n-1].End:textStart]) && !hasPredicate(toks, phrase, first) {
		c.Measure = earlier[n-1].Measure
	}
	// "at least 40,000 people marched in Lyon, 30,000 in Toulouse": an
	// elided repeat of the figure before, its qualifier included.
	if n := len(earlier); phrase.empty() && c.Value.Qualifier == claims.Exact && n > 0 && elidedRepeat(toks, first, last) {
		if q := earlier[n-1].Value.Qualifier; q == claims.AtLeast || q == claims.MoreThan || q == claims.Approximately {
			c.Value.Qualifier = q
			applyOpenBounds(&c.Value)
		}
	}
	if c.Measure == "" && populationOf(toks, before) {
		c.Measure = "population" // "a city of 90,000": context, not a count of what happened
	}
	if c.Measure == "" && !hasPredicate(toks, phrase, first) {
		// "a conservative range of four to six million shells": the verb
		// was in an earlier sentence about the same things.
		// Only from the figures just before: a measure carried across an
		// article made "1.08 million people affected" missing.
		c.Measure = sameUnitMeasure(d.claims[max(0, len(d.claims)-recentClaims):], earlier, c.Unit)
	}
	c.Subject = d.owner(s, toks, before, phrase, c, earlier)
	if sector != "" {
		switch claims.SectorOf(c.Subject) {
		case "":
			c.Subject = strings.TrimSpace(sector + " " + c.Subject) // "health care added 52,000 jobs"
		case sector:
		default: // "health care added 52,000 jobs and government 40,000": not the earlier figure's sector
			c.Subject = sector + " " + c.Unit
		}
	}
	c.Modality = modality(toks, first, phrase)
	c.Place = d.place(toks, before, phrase)
	c.Earlier = d.setAgainstEarlier(toks, c.Start, c.End)
	d.when(s, &c, earlier)
	return c, true
}

// quantityKind keeps the kinds of number that can state a quantity.
func quantityKind(n numbers.Number) bool {
	switch n.Kind {
	case numbers.KindOrdinal, numbers.KindIdentifier, numbers.KindTime:
		return false
	}
	return true
}

// insideDate reports a number that is part of a date ("July 27, 1953",
// "in 2024", "since February 2022").
func (d *document) insideDate(s *sentenceInfo, n numbers.Number) bool {
	for _, m := range s.dates {
		if n.Start >= m.Start && n.End <= m.End {
			return true
		}
	}
	return false
}

// startsDate reports a token that begins one of the sentence's dates.
func startsDate(s *sentenceInfo, t token) bool {
	for _, m := range s.dates {
		if t.start == m.Start {
			return true
		}
	}
	return false
}

// isConversion reports a figure in brackets right after another that restates
// it in other units: "17.9 km (11 miles)" is one claim.
func (d *document) isConversion(s *sentenceInfo, k int, earlier []claims.Claim) bool {
	if k == 0 || len(earlier) == 0 {
		return false
	}
	n := s.numbers[k]
	prev := earlier[len(earlier)-1]
	if prev.End > n.Start {
		return false
	}
	return strings.TrimSpace(d.doc.Text[prev.End:n.Start]) == "("
}

// priorFigure reports the figure a change started from, when the sentence
// states it after the figure now and gives it no time of its own: "rose to
// 52 from 30", "52, up from 30". Like "rose from 30 to 52", the sentence
// claims the 52; the 30 stood at some earlier time it does not say. A prior
// figure with its own time ("up from 30 a year earlier") is kept.
func priorFigure(s *sentenceInfo, k, first int, ref time.Time) bool {
	toks := s.toks
	if k == 0 || first < 2 || toks[first-1].lower != "from" || ownTimeFollows(s, s.numbers[k].End, ref) {
		return false
	}
	if w := toks[first-2].lower; w == "up" || w == "down" {
		return true
	}
	// "to 52 [deaths] from 30": the figure before is the figure now.
	now := tokenContaining(toks, s.numbers[k-1].Start)
	if now < 1 || toks[now-1].lower != "to" || first-1-tokenBefore(toks, s.numbers[k-1].End) > 3 {
		return false
	}
	return numbers.ChangeBefore(s.text, toks[now-1].start-s.Start)
}

// ownTimeFollows reports whether the figure ending at offset is followed by
// a time of its own, earlier than the article: "30 a year earlier", "30 in
// January", "30 in 2023". A weekday or "last week" after it tells when the
// change happened instead: "rose to 52 from 30 on Sunday".
func ownTimeFollows(s *sentenceInfo, offset int, ref time.Time) bool {
	for _, m := range s.dates {
		if m.Start < offset || m.Start-offset > len(" in the") {
			continue
		}
		earlier := strings.Contains(m.Text, "earlier") || strings.Contains(m.Text, "ago") ||
			strings.Contains(m.Text, "before") || strings.Contains(m.Text, "previous")
		named := (m.Precision == claims.PrecisionMonth || m.Precision == claims.PrecisionYear) && !m.To.IsZero() && m.To.Before(ref)
		return earlier || named
	}
	return false
}

// elidedRepeat reports a bare figure between a comma (or "and") and "in" a
// capitalized place: "…, 30,000 in Toulouse", "and 26,000 in Marseille".
func elidedRepeat(toks []token, first, last int) bool {
	if first < 1 || last+2 >= len(toks) || toks[last+1].lower != "in" || !toks[last+2].capitalized() {
		return false
	}
	return toks[first-1].text == "," || toks[first-1].lower == "and"
}

// listContinuation reports the words between two figures of a list: ", ",
// " and ", ", and ".
func listContinuation(between string) bool {
	switch strings.TrimSpace(between) {
	case ",", "and", ", and", ";":
		return true
	}
	return false
}

// notForMoney reports a measure no sum of money takes: what befalls people
// (killed, wounded, casualties, missing, captured) or weapons (launched,
// intercepted, lost), and *added*, the measure of jobs and counts that grew
// (money that is added is pledged or appropriated, measures of their own;
// "added" near a sum is most often another figure's verb).
func notForMoney(m string) bool {
	class, _ := claims.MeasureClass(m)
	switch class {
	case "killed", "wounded", "casualties", "missing", "captured", "launched", "intercepted", "lost", "added":
		return true
	}
	return false
}

// onePerson reports a spelled "one" that counts a person a war or a
// disaster befalls: "one person died", "one soldier was wounded", "one
// death" are the smallest tolls, where "one of the groups", "one day" and
// "one in seven" count nothing.
func (d *document) onePerson(toks []token, last int, n numbers.Number) bool {
	if !n.Spelled || n.Low != 1 || n.High != 1 || last+1 >= len(toks) {
		return false
	}
	u, ok := d.lx.units.at(toks, last+1)
	return ok && (u.class == "people" || u.class == "personnel" || u.class == "harm")
}

// notAQuantity rejects numbers that name or date things: years, ages,
// durations, calibres, street numbers, "Resolution 1874", a lone "one".
func notAQuantity(text string, toks []token, first, last int, n numbers.Number) bool {
	word := toks[first].lower
	if n.Spelled && n.Low == 1 && n.High == 1 && !strings.Contains(strings.ToLower(n.Text), "million") &&
		!strings.Contains(strings.ToLower(n.Text), "thousand") && !strings.Contains(strings.ToLower(n.Text), "hundred") {
		return true // "one of the groups", "one day"
	}
	// "the two countries", "all three men": a set the text already knows.
	if n.Spelled && n.High <= 12 && first > 0 {
		switch toks[first-1].lower {
		case "the", "both", "all", "these", "those", "its", "their":
			return true
		}
	}
	if first > 0 && identifierWords[strings.TrimSuffix(toks[first-1].lower, "'s")] && toks[first-1].capitalized() {
		return true
	}
	// A glued suffix: "three-day", "79-year-old", "152-mm".
	if i := strings.LastIndexAny(word, "-"); i > 0 && n.End < toks[first].end {
		if notCounted["glued"][word[i+1:]] {
			return true
		}
	}
	next := last + 1
	if next < len(toks) {
		if w := toks[next].lower; notCounted["calibre"][w] || notCounted["duration"][w] || notCounted["temperature"][w] {
			return true
		}
		if notCounted["span"][toks[next].lower] && next+1 < len(toks) && notCounted["duration"][toks[next+1].lower] {
			return true // "11 full days"
		}
		// "one in seven people": the second number of a ratio counts nobody.
		if first > 1 && toks[first-1].lower == "in" && isCardinal(toks[first-2].lower) {
			return true
		}
		// A street address: "50 W. Washington St.", "200 Nohea Kai Drive".
		if toks[next].capitalized() && (len(toks[next].text) == 2 && strings.HasSuffix(toks[next].text, ".")) {
			return true
		}
		if streetAfter(toks, next) {
			return true
		}
		// A phone number: "1-800-CALL-FBI", "1-800-555-0100".
		if toks[next].start == toks[last].end && (toks[next].text == "-" || strings.HasPrefix(toks[next].text, "-")) {
			return true
		}
		if strings.Count(toks[last].text, "-") >= 2 {
			return true
		}
	}
	// An age in apposition to a person: "said Salem, 47, who …".
	if first > 1 && next < len(toks) && toks[first-1].text == "," && toks[next].text == "," && hasUpper(toks[first-2].text) && n.Low == n.High && n.Low < 120 && !n.Spelled && first == last {
		return true
	}
	// The second of two days: "on September 17 and 18", "June 9 and 16".
	if first > 2 && (toks[first-1].lower == "and" || toks[first-1].lower == "to") && isDigitWord(toks[first-2].lower) && monthOrWeekday(toks[first-3].lower) && n.Low == n.High && n.Low <= 31 {
		return true
	}
	// A bound that defines a category: "businesses with fewer than 50
	// employees", "companies with over 500 workers", "firms with up to 9
	// staff". The bound is any qualifier of data/qualifiers.txt but an
	// approximate one: "towns with about 500 residents" may count them.
	if q, ok := vocabulary.qualifiers.endingAt(toks, first-1); ok && claims.Qualifier(q.value) != claims.Approximately {
		k := first - 1 - len(q.words)
		if k > 0 && toks[k].lower == "with" && strings.HasSuffix(toks[k-1].lower, "s") && !isDigitWord(toks[k-1].lower) {
			return true
		}
	}
	// A year: four digits without separators, 1900–2100.
	if n.Low == n.High && n.Low >= 1900 && n.Low <= 2100 && n.Low == math.Trunc(n.Low) &&
		!strings.ContainsAny(n.Text, ",. ") && len(strings.TrimSpace(n.Text)) == 4 {
		return true
	}
	if first > 0 && (toks[first-1].lower == "aged" || toks[first-1].lower == "age") {
		return true
	}
	return false
}

// isCardinal reports a word that is one whole number, in digits or spelled:
// what opens a ratio ("one in seven", "3 in 10").
func isCardinal(w string) bool {
	v, ok := numbers.Parse(w)
	return ok && v == math.Trunc(v)
}

// hasUpper reports a word with a capital anywhere: "al-Mansouri".
func hasUpper(w string) bool { return strings.ToLower(w) != w }

// streetAfter reports capitalized words from toks[i] that end in a word of
// a street: the figure before them is a house number.
func streetAfter(toks []token, i int) bool {
	for k := i; k < len(toks) && k < i+5 && toks[k].capitalized(); k++ {
		if streetWords[strings.TrimSuffix(toks[k].lower, ".")] && k > i {
			return true
		}
	}
	return false
}

// applyOpenBounds opens the side of a value its qualifier leaves open.
func applyOpenBounds(v *claims.Value) {
	switch v.Qualifier {
	case claims.AtLeast, claims.MoreThan:
		v.High = nil
	case claims.AtMost, claims.LessThan, claims.UpTo:
		v.Low = nil
	}
}

func (d *document) canonicalUnit(word string) string {
	toks := tokenize(word, 0, len(word))
	if p, ok := d.lx.units.at(toks, 0); ok && len(p.words) == len(toks) {
		return p.value
	}
	return strings.ToLower(word)
}

// phraseAfter reads the noun phrase after a figure: "North Korean soldiers",
// "ballistic missiles", "people per square metre", "containers of munitions",
// "of the drones" (a share of something named). A date ends it: in "reached
// 5,000 last month" the month is when, not what.
func (d *document) phraseAfter(s *sentenceInfo, i int, n numbers.Number) np {
	toks := s.toks
	p := np{from: i, to: i, head: -1}
	// "downed 65 of 90 drones": the share counts what the whole counts.
	if i+2 < len(toks) && toks[i].lower == "of" && isDigitWord(toks[i+1].lower) {
		i += 2
		p.from, p.to, p.share = i, i, true
	}
	if i < len(toks) && toks[i].lower == "of" {
		j := i + 1
		if j < len(toks) {
			switch toks[j].lower {
			case "the", "these", "those", "its", "their", "his", "her", "our":
				j++
			case "them":
				return p // "4,000 of them": counted thing named before
			}
		}
		if n.Vague || n.Kind == numbers.KindPercent || j > i+1 {
			i = j
			p.from, p.to = i, i
		}
	}
	for j := i; j < len(toks) && j < i+6; j++ {
		t := toks[j]
		if t.punct || functionWords[t.lower] && !(j > i && t.lower == "per") || startsDate(s, t) {
			break
		}
		if unit, ok := d.lx.units.at(toks, j); ok {
			j += len(unit.words) - 1
			p.unit, p.class, p.head = unit.value, unit.class, j
			p.to = j + 1
			continue
		}
		if t.lower == "per" && j+1 < len(toks) {
			// "people per square metre": the rate is the unit
			if rate, ok := d.lx.units.at(toks, j+1); ok && p.unit != "" {
				combined := p.unit + " per " + strings.Join(rate.words, " ")
				p.unit = d.canonicalUnit(combined)
				p.to = j + 1 + len(rate.words)
				j = p.to - 1
				continue
			}
			break
		}
		if _, isMeasure := d.lx.measures.at(toks, j); isMeasure && p.unit != "" {
			break
		}
		if _, isSpeech := d.lx.speech.at(toks, j); isSpeech {
			break
		}
		if p.unit != "" && !t.capitalized() {
			break // the head was found; what follows is not part of it
		}
		if _, isMeasure := d.lx.measures.at(toks, j); isMeasure && !t.capitalized() && j > i {
			break
		}
		p.to = j + 1
		if !t.capitalized() && strings.HasSuffix(t.lower, "s") && !strings.HasSuffix(t.lower, "ss") {
			if _, isUnit := d.lx.units.at(toks, j+1); !isUnit {
				break // a plural noun ends the phrase: "two leaders | together"
			}
		}
	}
	if p.unit == "" && !p.empty() {
		last := toks[p.to-1]
		if last.capitalized() && p.to-p.from == 1 {
			return np{from: i, to: i, head: -1} // "20 Kyiv" is not a count of Kyivs
		}
		if _, isMeasure := d.lx.measures.at(toks, p.to-1); isMeasure {
			return np{from: i, to: i, head: -1}
		}
		// "30,000 others", "10 new", "5 coming from Malawi": no noun of its
		// own; what it counts is the figure's antecedent.
		if antecedentWords[last.lower] || strings.HasSuffix(last.lower, "ing") {
			return np{from: i, to: i, head: -1}
		}
		p.unit = last.lower
		p.head = p.to - 1
	}
	// "1,500 soldiers a day": a rate.
	if p.unit != "" && p.to+1 < len(toks) && (toks[p.to].lower == "a" || toks[p.to].lower == "per" || toks[p.to].lower == "each") {
		switch toks[p.to+1].lower {
		case "day", "week", "month", "year", "hour", "night":
			p.unit += " per " + toks[p.to+1].lower
			p.to += 2
			return p
		}
	}
	// "containers of munitions", "tonnes of grain": keep what they hold.
	if p.unit != "" && p.to+1 < len(toks) && toks[p.to].lower == "of" && !toks[p.to+1].punct && !functionWords[toks[p.to+1].lower] {
		end := p.to + 1
		for end < len(toks) && end < p.to+4 && !toks[end].punct && !functionWords[toks[end].lower] {
			if _, isMeasure := d.lx.measures.at(toks, end); isMeasure {
				break
			}
			end++
		}
		p.to = end
	}
	return p
}

// phraseBefore finds the counted thing when it comes before the figure:
// "North Korean losses in Russia's Kursk region have passed 200",
// "put North Korean casualties in the dozens", "estimated the crowd at 15,000",
// "magnitude 7.8".
func (d *document) phraseBefore(toks []token, before int, linked bool) (unit, subject string, ok bool) {
	if before < 0 {
		return "", "", false
	}
	// "magnitude 7.8", "a reading of 7.4" need the unit right before.
	if u, found := d.lx.units.endingAt(toks, before); found {
		return u.value, joinTokens(d.doc.Text, toks[before-len(u.words)+1:before+1]), true
	}
	// Walk back over linking verbs to the end of the subject phrase.
	j := before
	for j >= 0 && linking(toks[j].lower) {
		j--
	}
	if j == before && !linked && toks[before].lower != "at" && toks[before].lower != "in" {
		return "", "", false
	}
	// The clause that ends here: back to a punctuation mark or an estimate verb.
	start := j
	for start >= 0 && !toks[start].punct && start > j-10 {
		if _, isVerb := d.lx.estimate.at(toks, start); isVerb && start < j {
			break
		}
		if _, isVerb := d.lx.speech.at(toks, start); isVerb && start < j {
			break
		}
		start--
	}
	start++
	for k := start; k <= j; k++ {
		if u, found := d.lx.units.at(toks, k); found {
			from := k
			for from > start && !functionWords[toks[from-1].lower] {
				from--
			}
			to := k + len(u.words)
			return u.value, joinTokens(d.doc.Text, toks[from:to]), true
		}
	}
	return "", "", false
}

// amountBetween reports a verb of amount among the words after j up to
// before: "rose to", "has climbed to".
func amountBetween(toks []token, j, before int) bool {
	for k := j + 1; k <= before; k++ {
		if amountVerbs[toks[k].lower] {
			return true
		}
	}
	return false
}

// openingWords is how far into its clause the subject of a verb of amount
// may name what it counts.
const openingWords = 5

// openingPhrase reads what the opening noun phrase of the figure's clause
// counts when a verb of amount links them past a long modifier: "The number
// of people killed by the wildfires that tore across the Hawaiian island of
// Maui rose to 53", "The confirmed death toll from the wildfire that razed
// the town climbed to 106". What happened is said in that phrase, not in
// its modifier's verbs ("razed").
func (d *document) openingPhrase(toks []token, before int, linked bool) (np, bool) {
	j := before
	for j >= 0 && linking(toks[j].lower) {
		j--
	}
	if j < 0 || !linked && !amountBetween(toks, j, before) {
		return np{}, false
	}
	start := clauseStart(toks, j)
	for k := start; k < j && k < start+openingWords; k++ {
		t := toks[k]
		if t.punct || t.lower == "that" || t.lower == "which" || t.lower == "who" || isDigitWord(t.lower) {
			break
		}
		if u, found := d.lx.units.at(toks, k); found {
			return np{from: k, to: k + len(u.words), unit: u.value, class: u.class, head: k}, true
		}
	}
	return np{}, false
}

// subjectWords are the words of data/subject_words.txt, by their kind.
var subjectWords = wordClasses("subject_words.txt")

// wordClasses reads one of the reader's data files of lines
// "kind|word|word…" (claims.WordClasses).
func wordClasses(file string) map[string]map[string]bool {
	return claims.WordClasses(dataLines(file))
}

var (
	amountVerbs       = subjectWords["amount"]     // "rose", "totalled", "reached"
	linkWords         = subjectWords["link"]       // "was", "stood", "at"
	genericCounts     = subjectWords["generic"]    // "figures", "numbers"
	finiteVerbs       = subjectWords["finite"]     // "were", "will"
	linkingQualifiers = subjectWords["qualifier"]  // "passed", "topped"
	settlements       = subjectWords["settlement"] // "city", "port"
	antecedentWords   = subjectWords["antecedent"] // "others", "new"
)

// linking reports a word that may stand between a counted thing named
// before a figure and the figure: "casualties numbered several hundred",
// "the toll stood at 45", "losses have passed 200".
func linking(word string) bool { return amountVerbs[word] || linkWords[word] }

// pluralSubject finds what an unlisted figure counts in the plural noun that
// is the subject of a verb of amount before it: "jobless claims rose to
// 230,000", "exports reached 5,000". A capitalised word is a name unless it
// starts the sentence; "the figure rose to 45" names nothing counted.
func (d *document) pluralSubject(toks []token, before int) (unit, subject string, ok bool) {
	j, amount := before, false
	for j >= 0 && linking(toks[j].lower) {
		amount = amount || amountVerbs[toks[j].lower]
		j--
	}
	if !amount || j < 0 {
		return "", "", false
	}
	head := toks[j]
	if head.punct || functionWords[head.lower] || genericCounts[head.lower] || head.capitalized() && j > 0 ||
		!strings.HasSuffix(head.lower, "s") || strings.HasSuffix(head.lower, "ss") || isDigitWord(head.lower) {
		return "", "", false
	}
	from := j
	for from > 0 && from > j-3 && !toks[from-1].punct && !functionWords[toks[from-1].lower] && !toks[from-1].capitalized() {
		from--
	}
	if from == 1 && toks[0].capitalized() && !toks[0].punct && !functionWords[toks[0].lower] {
		from = 0
	}
	return head.lower, joinTokens(d.doc.Text, toks[from:j+1]), true
}

// linkedByQualifier reports a qualifier that is itself a verb linking the
// figure to a subject before it: "losses have passed 200", "deaths topped 100".
func linkedByQualifier(toks []token, before int) bool {
	return before+1 < len(toks) && linkingQualifiers[toks[before+1].lower]
}

// antecedent finds the claim a bare figure continues: in the same sentence or
// the last few claims, the one whose value is closest in size ("gave an
// initial reading of 7.4" after "magnitude 7.8" and "17.9 km").
func antecedent(doc, sentence []claims.Claim, n numbers.Number) (claims.Claim, bool) {
	// The sentence's own figures first; then, when the sentence has none or
	// none of the figure's size ("one person died and 130 were injured"),
	// the article's last. A vague word beside figures of its sentence
	// ("thousands were spending a fourth night in the open") counts what
	// they count or nothing.
	if c, ok := nearestInSize(sentence, n); ok || len(sentence) > 0 && n.Vague {
		return c, ok
	}
	return nearestInSize(doc[max(0, len(doc)-4):], n)
}

// nearestInSize is the claim among candidates whose figure is nearest n's
// on a log scale, if within a factor of 20.
func nearestInSize(candidates []claims.Claim, n numbers.Number) (claims.Claim, bool) {
	best, bestDist := claims.Claim{}, math.Inf(1)
	v := n.High
	for _, c := range candidates {
		if c.Unit == "" || c.Unit == "percent" {
			continue
		}
		cv := 0.0
		if c.Value.High != nil {
			cv = *c.Value.High
		} else if c.Value.Low != nil {
			cv = *c.Value.Low
		}
		if cv <= 0 || v <= 0 {
			continue
		}
		dist := math.Abs(math.Log(cv / v))
		if dist <= bestDist {
			best, bestDist = c, dist
		}
	}
	return best, bestDist < math.Log(20)
}

// hasPredicate reports a verb phrase after the counted thing that the word
// lists do not know ("30 people were detained"): its measure is unknown, not
// inherited.
func hasPredicate(toks []token, p np, first int) bool {
	j := p.to
	if p.empty() {
		j = tokenAfterNumber(toks, first)
	}
	return j+1 < len(toks) && auxiliaries[toks[j].lower] && !toks[j+1].punct
}

// populationOf reports a figure after "<settlement> of", before which
// toks[before] is the last word: "a port of some 120,000 people".
func populationOf(toks []token, before int) bool {
	return before >= 1 && toks[before].lower == "of" && settlements[toks[before-1].lower]
}

// recentClaims is how many of an article's last figures a figure with no
// verb of its own may take its measure from.
const recentClaims = 3

// sameUnitMeasure carries the measure of an earlier claim of the same unit
// in the document to a figure whose sentence names none.
func sameUnitMeasure(doc, sentence []claims.Claim, unit string) string {
	for _, list := range [][]claims.Claim{sentence, doc} {
		for i := len(list) - 1; i >= 0; i-- {
			if list[i].Unit == unit && list[i].Measure != "" {
				return list[i].Measure
			}
		}
	}
	return ""
}
