package reader

import (
	"strings"

	"claimtrack/claims"
	"claimtrack/claims/reader/numbers"
)

// The words of data/predicate_words.txt, by their kind.
var (
	predicateWords = wordClasses("predicate_words.txt")
	// auxiliaries may stand between a counted thing and what happened to it:
	// "1,121 people had been killed", "soldiers have reportedly been killed".
	auxiliaries = predicateWords["auxiliary"]
	// hedges put a report between a figure and its verb: "were believed to
	// have been deployed".
	hedges = predicateWords["hedge"]
	// increments make a figure one on top of another: "an additional 25,000".
	increments = predicateWords["increment"]
	// timeAdverbs, with the perfect's had/has/have, stand between a source
	// and its verb: "the department now estimates", "analysts had forecast".
	timeAdverbs = predicateWords["adverb"]
	// expectations make the figure they govern a forecast: "had forecast".
	expectations = predicateWords["expect"]

	// documents are what a source publishes: "its estimate", "the count".
	documents = predicateWords["document"]
)

// measure finds what happened to the counted thing, preferring, in order:
// the predicate after it ("soldiers … have been killed or wounded"), a
// participle right after it ("soldiers sent to Russia"), the verb before the
// figure ("launching a record 728 drones"), a noun that is itself a measure
// ("255 deaths", "a depth of 17.9 km").
func (d *document) measure(toks []token, first, before int, p np) string {
	end := p.to
	if p.empty() {
		end = tokenAfterNumber(toks, first)
	}
	var participle string
	if p.share {
		end = len(toks) // "downed 65 of 90 drones launched": the verb before says it
	}
	if p.head >= 0 {
		// "255 deaths", "several hundred casualties": the noun says it.
		if m, ok := d.lx.measures.at(toks, p.head); ok {
			participle = m.value
		}
	}
	limit := end + 10
	for j := end; j < len(toks) && j < limit; j++ {
		t := toks[j]
		// "516 people, including 203 men and 213 women, were reported
		// missing": the figure's parts stand between it and its verb.
		if t.lower == "including" || t.punct && t.text == "," && j+1 < len(toks) && toks[j+1].lower == "including" {
			if k := partsEnd(toks, j); k > j {
				limit += k - j
				j = k - 1
				continue
			}
		}
		if t.punct && t.text != "\"" && t.text != "“" && t.text != "”" || isDigitWord(t.lower) {
			break // the clause, or the next figure's words, begin
		}
		if t.lower == "and" || t.lower == "but" || t.lower == "while" {
			break // "killed three people and injured 213": the next verb is the next figure's
		}
		if t.lower == "that" || t.lower == "which" || t.lower == "who" {
			// "210 drones that were shot down" says what happened to them;
			// "which the military says" does not.
			if j+1 < len(toks) && auxiliaries[toks[j+1].lower] {
				continue
			}
			break
		}
		// "were believed to have been deployed", "are thought to be in",
		// "confirmed to be unaccounted for": a report between the figure
		// and what happened to it.
		if j+1 < len(toks) && toks[j+1].lower == "to" && (hedges[t.lower] ||
			j+2 < len(toks) && (toks[j+2].lower == "be" || toks[j+2].lower == "have") && !t.capitalized()) {
			j++
			continue
		}
		if strings.HasSuffix(t.lower, "ly") && !t.capitalized() {
			continue // "were locationally lost"
		}
		if m, ok := d.lx.measures.at(toks, j); ok {
			finite := j > end && auxiliaries[toks[j-1].lower]
			if finite || j == end && participle == "" && p.empty() {
				return m.value
			}
			if participle == "" {
				participle = m.value
			}
			j += len(m.words) - 1
			continue
		}
		if _, ok := d.lx.speech.at(toks, j); ok {
			// "were reported missing", "was confirmed dead": a report in
			// the passive before what happened.
			if _, next := d.lx.measures.at(toks, j+1); j > 0 && auxiliaries[toks[j-1].lower] && next {
				continue
			}
			break
		}
	}
	// "10 missing girls", "16 injured workers": a word before the noun,
	// when no verb after it says more ("shipping containers sent" were
	// sent: "shipping containers" is the unit's own name).
	for k := p.from; p.head >= 0 && k < p.head && participle == ""; k++ {
		if _, isUnit := d.lx.units.at(toks, k); isUnit {
			break
		}
		if m, ok := d.lx.measures.at(toks, k); ok && !toks[k].capitalized() {
			participle = m.value
		}
	}
	if participle != "" {
		return participle
	}
	// The verb before the figure, within its clause.
	for j := before; j >= 0 && j > before-9; j-- {
		t := toks[j]
		if t.punct && t.text != "-" {
			break
		}
		if m, ok := d.lx.measures.endingAt(toks, j); ok && !isUnitWord(d, toks, j) {
			if levelAt(toks, j+1) {
				break // "held at 80.9 percent": the level it stayed at, no one held
			}
			return m.value
		}
	}
	// A measure noun: "255 deaths", "a depth of 17.9 km", "the crowd at".
	if p.empty() && p.unit != "" {
		// "the death toll has risen to 46,000": the counted noun says it.
		if m, ok := d.lx.measures.at(tokenize(p.unit, 0, len(p.unit)), 0); ok {
			return m.value
		}
	}
	if p.head >= 0 {
		if m, ok := d.lx.measures.at(toks, p.head); ok {
			return m.value
		}
	}
	for j := before; j >= 0 && j > before-4; j-- {
		if m, ok := d.lx.measures.endingAt(toks, j); ok {
			return m.value
		}
		if toks[j].punct {
			break
		}
	}
	return ""
}

// levelAt reports "at" giving a level at toks[i] ("held at 80.9 percent"),
// not the qualifier "at least" or "at most".
func levelAt(toks []token, i int) bool {
	return i+1 < len(toks) && toks[i].lower == "at" && toks[i+1].lower != "least" && toks[i+1].lower != "most"
}

// partsEnd is where the parts of a figure that "including" at toks[i] (or
// the comma before it) lists end: at the auxiliary or verb-ending word
// after them ("including 203 men and 213 women were"), or after the comma
// that closes them ("four people, including a child, died"); i when they
// do not end within a few words.
func partsEnd(toks []token, i int) int {
	for k := i + 1; k < len(toks) && k < i+12; k++ {
		switch {
		case toks[k].text == "," && k > i+1:
			return k + 1
		case auxiliaries[toks[k].lower] && k > i+2:
			return k
		case toks[k].punct:
			return i
		}
	}
	return i
}

// tokenAfterNumber is the first token after the number starting at first.
func tokenAfterNumber(toks []token, first int) int {
	j := first + 1
	for j < len(toks) && !toks[j].punct && isNumberWord(toks[j].lower) {
		j++
	}
	return j
}

func isNumberWord(w string) bool {
	switch w {
	case "million", "billion", "trillion", "thousand", "hundred", "m", "bn", "k", "to", "and":
		return true
	}
	return false
}

// isUnitWord reports whether the measure word ending at j is the counted
// thing of an earlier figure ("13 missiles" after "728 drones and").
func isUnitWord(d *document, toks []token, j int) bool {
	_, ok := d.lx.units.endingAt(toks, j)
	if !ok {
		return false
	}
	return j > 0 && (isDigitWord(toks[j-1].lower) || magnitudeWords[toks[j-1].lower])
}

var magnitudeWords = map[string]bool{"hundred": true, "thousand": true, "million": true, "billion": true,
	"trillion": true, "m": true, "bn": true, "k": true}

func isDigitWord(w string) bool {
	return w != "" && w[0] >= '0' && w[0] <= '9'
}

// modality reads what the text commits to from the words that govern the
// figure: "preparing to deploy" (planned), "may have sent" (possible),
// "is projected to reach" (projected).
func modality(toks []token, first int, p np) claims.Modality {
	// "23 million people could be affected"
	for j := p.to; j < len(toks) && j < p.to+3; j++ {
		switch toks[j].lower {
		case "could", "may", "might":
			return claims.Possible
		case "will", "would":
			return claims.Projected
		}
	}
	if forecastAround(toks, first, p) {
		return claims.Projected
	}
	from := max(0, first-8)
	for j := first - 1; j >= from; j-- {
		t := toks[j]
		if t.punct {
			break
		}
		switch {
		case predicateWords["plan"][t.lower]:
			if t.lower == "set" && !(j+1 < len(toks) && toks[j+1].lower == "to") {
				continue
			}
			return claims.Planned
		case predicateWords["possible"][t.lower]:
			return claims.Possible
		case expectations[t.lower] && j+1 < len(toks) && toks[j+1].lower == "to":
			return claims.Projected
		}
	}
	return claims.Actual
}

// forecastAround reports a figure that a verb of expectation governs: after
// "had" or "have" before it in its clause ("economists had forecast payrolls
// rising by 175,000", "analysts had expected 161,000"), or right after what
// it counts, as a participle or in a relative clause ("145,000 jobs expected
// by economists", "the 150,000 that analysts had forecast"). "The toll was
// expected to rise" says nothing of the toll itself.
func forecastAround(toks []token, first int, p np) bool {
	for j := first - 1; j >= 0 && j >= first-8 && !toks[j].punct; j-- {
		if expectations[toks[j].lower] && j > 0 && (toks[j-1].lower == "had" || toks[j-1].lower == "have" || toks[j-1].lower == "has") {
			return true
		}
	}
	j := max(p.to, first+1)
	if j < len(toks) && expectations[toks[j].lower] && j+1 < len(toks) && toks[j+1].lower == "by" {
		return true // "145,000 jobs expected by economists"
	}
	if j+3 < len(toks) && toks[j].lower == "that" {
		for k := j + 1; k < len(toks) && k <= j+4; k++ {
			if expectations[toks[k].lower] {
				return true // "the 150,000 that analysts had forecast"
			}
		}
	}
	return false
}

// owner names whose losses a harm count counts: "at least 100 deaths" among
// "North Korean soldiers" named just before; "the North Koreans had suffered
// several hundred casualties". Other subjects are kept as written.
func (d *document) owner(s *sentenceInfo, toks []token, before int, p np, c claims.Claim, earlier []claims.Claim) string {
	if claims.UnitClass(c.Unit) != "harm" {
		return c.Subject
	}
	// "casualties among North Korean troops", "deaths of civilians"
	if p.to+1 < len(toks) && (toks[p.to].lower == "among" || toks[p.to].lower == "of") {
		if _, ok := d.lx.units.at(toks, p.to+1); ok || toks[p.to+1].capitalized() {
			end := p.to + 1
			for end < len(toks) && end < p.to+5 && !toks[end].punct && !functionWords[toks[end].lower] {
				end++
			}
			return joinTokens(d.doc.Text, toks[p.to+1:end])
		}
	}
	// The subject of "suffered", "sustained", "lost", "took".
	for j := before; j >= 0 && j > before-6; j-- {
		switch w := toks[j].lower; {
		case predicateWords["suffer"][w]:
			k := j - 1
			for k >= 0 && auxiliaries[toks[k].lower] {
				k--
			}
			end := k + 1
			for k >= 0 && !toks[k].punct && !functionWords[toks[k].lower] {
				k--
			}
			if end > k+1 {
				return joinTokens(d.doc.Text, toks[k+1:end])
			}
		}
	}
	// A demonym already in the phrase ("North Korean losses") says whose.
	if strings.ContainsAny(c.Subject, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
		return c.Subject
	}
	// The people counted earlier in the sentence: "about 1,000 North Korean
	// soldiers … including at least 100 deaths".
	for i := len(earlier) - 1; i >= 0; i-- {
		if cls := claims.UnitClass(earlier[i].Unit); cls == "personnel" || cls == "people" {
			return earlier[i].Subject
		}
	}
	return c.Subject
}

// place reads where a figure applies when the text says: "killed in Turkey",
// "in Russia's Kursk region", "compared with 1.3 million in Europe and the US",
// a sentence that opens "In the rebel-held northwest of the country,", or a
// country named by the clause's subject ("Russian factories can produce").
func (d *document) place(toks []token, before int, p np) string {
	end := p.to
	if p.empty() {
		end = before + 1
		for end < len(toks) && !toks[end].punct && (isDigitWord(toks[end].lower) || isNumberWord(toks[end].lower)) {
			end++
		}
		end = max(end, before+2)
	}
	for j := end; j < len(toks) && j < end+8; j++ {
		if toks[j].punct {
			break
		}
		if deicticPlace(toks, j) {
			if pl := d.speakerRegion(toks, before); pl != "" {
				return pl
			}
		}
		if toks[j].lower == "in" && j+1 < len(toks) {
			if pl := placeAt(d.doc.Text, toks, j+1); pl != "" {
				return pl
			}
		}
		if toks[j].lower == "that" || toks[j].lower == "which" {
			break
		}
	}
	if len(toks) > 2 && toks[0].lower == "in" {
		if pl := placeAt(d.doc.Text, toks, 1); pl != "" {
			return pl
		}
	}
	// The clause before the figure: "earthquakes in Turkey and Syria rose
	// above 11,000", "Russian factories can produce".
	for j := before; j >= 0 && j > before-10; j-- {
		if toks[j].punct {
			break
		}
		if toks[j].lower == "in" {
			if pl := placeAt(d.doc.Text, toks, j+1); pl != "" {
				return pl
			}
		}
	}
	for j := before; j >= 0 && j > before-8; j-- {
		if toks[j].punct {
			break
		}
		if country := claims.CountryOfAdjective(toks[j].lower); country != "" && j+1 < len(toks) && !toks[j+1].capitalized() {
			if _, isUnit := d.lx.units.at(toks, j+1); !isUnit {
				return country
			}
		}
	}
	return subjectPlace(d.doc.Text, toks, before)
}

// deicticPlace reports a place named by pointing back at toks[j]: "there",
// "in his state", "in the city".
func deicticPlace(toks []token, j int) bool {
	if toks[j].lower == "there" {
		return j > 0 && !auxiliaries[toks[j-1].lower] // "there were" points at nothing
	}
	if toks[j].lower != "in" || j+2 >= len(toks) {
		return false
	}
	switch toks[j+1].lower {
	case "his", "her", "their", "its", "the":
		// A kind of place a speaker may speak for: "in his state", "in the
		// city", "in the country".
		return claims.IsPlaceKind(toks[j+2].lower) || toks[j+2].lower == "country"
	}
	return false
}

// speakerRegion reads the place that qualifies a speaker named before
// toks[before]: "Georgia" in "Georgia Governor Brian Kemp", "Asheville" in
// "Asheville police". A figure the speaker puts "in his state" or "there" is
// that place's.
func (d *document) speakerRegion(toks []token, before int) string {
	for k := 1; k < before; k++ {
		if _, isTitle := d.lx.titles.at(toks, k); !isTitle && !speakerBodies[toks[k].lower] {
			continue
		}
		from := k
		for from > 0 && k-from < 3 && toks[from-1].capitalized() && !toks[from-1].punct && !functionWords[toks[from-1].lower] {
			from--
		}
		if from == k || knownOutletAt(toks, k-1) != "" {
			continue
		}
		return joinTokens(d.doc.Text, toks[from:k])
	}
	return ""
}

// speakerBodies are bodies a place's name qualifies: "Asheville police".
var speakerBodies = map[string]bool{"police": true, "officials": true, "authorities": true}

// sectorOf reads the part of an economy a figure counts, and the index of
// its first word: the subject of its clause ("Health care added 52,000 jobs
// and government 40,000", "Transportation and warehousing payrolls rose by
// 14,000", "the information sector shed 20,000") or "in" right after it
// ("44,000 in transportation equipment"); claims/data/sectors.txt. "The
// government revised" is the government acting: after "the", a sector is
// one only when "sector" or "industry" follows.
func (d *document) sectorOf(toks []token, before, after int) (sector string, at int) {
	if after+1 < len(toks) && toks[after].lower == "in" {
		if p, ok := d.lx.sectors.at(toks, after+1); ok {
			return p.value, after + 1
		}
	}
	if before < 0 {
		return "", -1
	}
	start := clauseStart(toks, before)
	the := toks[start].lower == "the"
	if the {
		start++
	}
	p, ok := d.lx.sectors.at(toks, start)
	if !ok || start+len(p.words) > before+1 {
		return "", -1
	}
	if next := start + len(p.words); the && (next > before || toks[next].lower != "sector" && toks[next].lower != "industry") {
		return "", -1
	}
	return p.value, start
}

// clauseStart is where the clause that holds toks[before] starts: after
// the punctuation or the clause opener before it.
func clauseStart(toks []token, before int) int {
	start := before
	for start > 0 && !toks[start-1].punct && !clauseOpeners[toks[start-1].lower] {
		start--
	}
	return start
}

// clauseOpeners end the clause before a figure: its subject comes after.
var clauseOpeners = map[string]bool{"and": true, "while": true, "but": true, "whereas": true}

// subjectPlace reads a region that is the whole subject of the figure's
// clause: "South Carolina accounted for 24 of the deaths and Georgia for
// 17", "Florida has confirmed 11 deaths", "South Carolina has recorded 39,
// Georgia 33". The name must be one the word lists know as a region: a
// clause that opens with a person or a body ("Cooper said 11") names none,
// and one that opens with a country names the actor ("Russia fired 188
// drones"), not where. A name that qualifies a body or a person ("Hawaii
// authorities", "Georgia Governor Brian Kemp") is not the subject: they
// speak for the state about what may be narrower.
func subjectPlace(text string, toks []token, before int) string {
	if before < 0 {
		return ""
	}
	start := clauseStart(toks, before)
	if name := possessiveRegion(text, toks, start); name != "" {
		return name
	}
	end := start
	for end <= before && end-start < 4 && toks[end].capitalized() {
		end++
	}
	name := strings.TrimSuffix(strings.TrimSuffix(joinTokens(text, toks[start:end]), "'s"), "’s")
	if end == start || !claims.IsRegionName(name) {
		return ""
	}
	if end > before {
		return name // "Georgia 33"
	}
	next := toks[end].lower
	switch {
	case next == "for", auxiliaries[next], strings.HasSuffix(next, "ed"):
		return name // "Georgia for 17", "Florida has confirmed", "South Carolina recorded"
	case strings.HasSuffix(next, "s") && end+1 <= before && toks[end+1].lower == "for":
		return name // "North Carolina accounts for"
	}
	return ""
}

// possessiveRegion reads a region whose figure the clause at toks[start]
// gives: "Florida's death toll rose to 11", "Kansas' unemployment rate was
// 3.3%". The possessed words are a lowercase noun phrase whose verb is one
// of amount or a link: "Georgia's governor said 17" gives what a person
// said, which may be narrower than the state.
func possessiveRegion(text string, toks []token, start int) string {
	var name string
	k := start
	switch {
	case start >= 2 && (toks[start-1].text == "'" || toks[start-1].text == "’") && toks[start-2].capitalized() &&
		strings.HasSuffix(toks[start-2].text, "s"):
		name = toks[start-2].text // "Kansas' …": the apostrophe ends the clause's scan
	case start < len(toks) && toks[start].capitalized():
		owner, ok := possessive(toks[start])
		if !ok {
			return ""
		}
		name = owner.text
		k++
	default:
		return ""
	}
	if !claims.IsRegionName(name) {
		return ""
	}
	for n := 0; k < len(toks) && n < 4; k, n = k+1, n+1 {
		t := toks[k]
		if linking(t.lower) {
			return name
		}
		if t.punct || t.capitalized() {
			break
		}
	}
	return ""
}

// placeAt reads a place name starting at toks[i]: capitalized words, with
// "'s" and "and" inside ("Russia's Kursk region", "Europe and the US"), or a
// described region ("the rebel-held northwest of the country").
func placeAt(text string, toks []token, i int) string {
	j := i
	if j < len(toks) && toks[j].lower == "the" {
		j++
	}
	// "in neighbouring Thailand", "in war-torn Sudan": one word describes
	// the name after it.
	if j+1 < len(toks) && toks[j+1].capitalized() && !toks[j].capitalized() && !toks[j].punct && claims.CountryOf(toks[j+1].text) != "" &&
		!functionWords[toks[j].lower] && !claims.IsPlaceKind(toks[j].lower) && !compassWord(toks[j].lower) && len(numbers.Scan(toks[j].text)) == 0 {
		j++
	}
	start := j
	for j < len(toks) && j < start+8 {
		t := toks[j]
		switch {
		case t.capitalized():
		case t.lower == "and" || t.lower == "of" || t.lower == "the":
			if j+1 >= len(toks) || !(toks[j+1].capitalized() || toks[j+1].lower == "the") {
				return placeText(text, toks, i, start, j)
			}
		case claims.IsPlaceKind(t.lower):
			j++
			return placeText(text, toks, i, start, j)
		case t.lower == "two" || t.lower == "both" || t.lower == "three" || t.lower == "countries" || t.lower == "nations":
			// "in the two countries", "in both nations"
		case compassWord(t.lower):
			if j == start || toks[j-1].lower == "the" || strings.HasSuffix(toks[j-1].lower, "held") {
				j++
				continue
			}
			return placeText(text, toks, i, start, j)
		case strings.HasSuffix(t.lower, "-held") || strings.HasSuffix(t.lower, "-controlled") || strings.HasSuffix(t.lower, "-occupied"):
		default:
			return placeText(text, toks, i, start, j)
		}
		j++
	}
	return placeText(text, toks, i, start, j)
}

func placeText(text string, toks []token, i, start, end int) string {
	for end > start && (toks[end-1].lower == "and" || toks[end-1].lower == "of" || toks[end-1].lower == "the") {
		end--
	}
	if end <= start {
		return ""
	}
	if _, isMonth := monthNames[toks[start].lower]; isMonth {
		return ""
	}
	// "the northwest of the country" keeps going to the country
	if end+2 < len(toks) && toks[end].lower == "of" && toks[end+1].lower == "the" && toks[end+2].lower == "country" {
		end += 3
	}
	if !toks[start].capitalized() && !strings.Contains(joinTokens(text, toks[start:end]), " ") {
		return ""
	}
	if describesPlace(toks[start:end]) {
		return ""
	}
	return joinTokens(text, toks[start:end])
}

// compassWord reports a word of direction that narrows a place: "eastern
// Libya", "the northwest", "south-east".
func compassWord(w string) bool {
	return strings.Contains(w, "north") || strings.Contains(w, "south") || strings.Contains(w, "east") || strings.Contains(w, "west")
}

// describesPlace reports words that describe a place without naming it:
// "the eastern city", "the eastern Libyan city", "the coastal town". Which
// place they mean is the one the article names; on their own they would
// part its figures from those given for the name.
func describesPlace(words []token) bool {
	last := words[len(words)-1]
	if !claims.IsPlaceKind(last.lower) {
		return false
	}
	for _, w := range words[:len(words)-1] {
		if w.capitalized() && claims.CountryOfAdjective(w.lower) == "" {
			return false // "Kursk region", "Buncombe County"
		}
	}
	return true
}

// setAgainstEarlier reports a figure, spanning offsets start to end, that
// the words just before or after it set as the earlier value of what another
// figure of its sentence gives (claims.Claim.Earlier).
func (d *document) setAgainstEarlier(toks []token, start, end int) bool {
	j := tokenAt(toks, start) - 1
	for j >= 0 && (toks[j].lower == "the" || toks[j].lower == "a" || toks[j].lower == "an") {
		j--
	}
	if _, ok := d.lx.earlier.endingAt(toks, j); ok {
		return true
	}
	_, ok := d.lx.earlierAfter.at(toks, tokenAt(toks, end))
	return ok
}
