package reader

import (
	"strings"
	"time"

	"claimtrack/claims"
	"claimtrack/claims/reader/dates"
	"claimtrack/claims/reader/numbers"
)

// actions are the event verbs and nouns of the shared vocabulary.
var actions = func() phraseDict {
	d := newPhraseDict()
	for _, a := range claims.Words().Actions {
		for _, form := range a.Forms {
			d.add(phrase{words: phraseWords(form), value: a.Name, class: a.Class})
		}
	}
	d.sort()
	return d
}()

// eventDraft is an event being read, before it becomes a claim.
type eventDraft struct {
	verb, end    int // token span of the action words
	action       phrase
	actors       []string
	counterparts []string
	object       string
	place        string
	when         *dates.Mention
	ordinal      int
	relativeDays int // "a day after Lavrov arrived": days before the main event
	// nominal events are named by a noun phrase, which is their whole span:
	// toks[from:to] "the first round of talks in Moscow in November 2024".
	nominal  bool
	from, to int
}

// events reads the event claims of a sentence: "Choe Son-hui met Sergei
// Lavrov in Wonsan", "Lavrov, who arrived in North Korea on Friday", "Putin
// and Kim signed a treaty in Pyongyang in June last year", "during a meeting
// with counterpart Kang Sun Nam in Pyongyang", "the first round of talks in
// Moscow in November 2024". An event needs an action and a named actor (or,
// for a numbered round of talks, its number): a sentence that only mentions
// names yields none.
func (d *document) events(s *sentenceInfo, anchors []anchor) []claims.Claim {
	toks := s.toks
	var drafts []eventDraft
	for i := 0; i < len(toks); i++ {
		if toks[i].capitalized() && i > 0 {
			continue
		}
		a, ok := actions.at(toks, i)
		if !ok || insideQuotes(toks, i) {
			continue
		}
		end := i + len(a.words)
		if a.class == "anniversary" && indexWord(toks, end, "anniversary") < 0 {
			continue
		}
		dr := eventDraft{verb: i, end: end, action: a}
		dr.actors = d.eventActors(s, i)
		if len(dr.actors) == 0 {
			continue
		}
		d.eventObject(s, &dr)
		drafts = append(drafts, dr)
		i = end - 1
	}
	verbs := len(drafts)
	for _, nominal := range d.nominalEvents(s) {
		// A round a verb already owns ("met … for the second round") is that event.
		owned := false
		for _, dr := range drafts[:verbs] {
			owned = owned || nominal.ordinal != 0 && roundNumber(s, toks, dr.end, clauseStop(toks, dr.end)) == nominal.ordinal
		}
		if !owned && (nominal.ordinal != 0 || verbs == 0) {
			drafts = append(drafts, nominal)
		}
	}
	var out []claims.Claim
	var main *claims.Claim
	for k := range drafts {
		dr := &drafts[k]
		if dr.ordinal == 0 {
			dr.ordinal = roundNumber(s, toks, dr.end, clauseStop(toks, dr.end))
		}
		c := d.eventClaim(s, anchors, dr)
		if dr.relativeDays != 0 && main != nil && main.Period.Precision == claims.PrecisionDay {
			day := main.AsOf.AddDays(-dr.relativeDays)
			c.AsOf, c.Period = day, claims.Period{Start: day, End: day, Precision: claims.PrecisionDay}
		}
		if duplicateEvent(out, c) {
			continue
		}
		out = append(out, c)
		if main == nil && dr.relativeDays == 0 {
			main = &out[len(out)-1]
		}
	}
	return out
}

// eventActors finds who acted: the subject before the verb ("Putin and Kim
// Jong-un signed"), the antecedent of "who" ("Lavrov, who arrived"), or the
// person a pronoun refers to ("she met").
func (d *document) eventActors(s *sentenceInfo, verb int) []string {
	toks := s.toks
	i := verb
	// Step back over a date between subject and verb: "Kim and Shoigu on
	// Saturday (September 16) discussed".
	if k := verb - 1; k >= 0 {
		for _, m := range s.dates {
			if toks[k].start >= m.Start && toks[k].end <= m.End {
				i = tokenContaining(toks, m.Start)
			}
		}
	}
	for i > 0 && (auxiliaries[toks[i-1].lower] || toks[i-1].lower == "will" || toks[i-1].lower == "last" || strings.HasSuffix(toks[i-1].lower, "ly")) {
		i--
	}
	if i > 0 && toks[i-1].text == "who" {
		if names := d.relativeAntecedent(toks, i-1); len(names) > 0 {
			return d.people(names[0])
		}
		return nil
	}
	start := d.subjectBefore(toks, i)
	if start == i {
		return nil
	}
	end := i
	for k := start; k < i; k++ {
		if toks[k].text == "," {
			end = k // the subject ends where its appositive begins
			break
		}
	}
	// A date before the subject is no part of it: "On Thursday Pyongyang marks".
	for _, m := range s.dates {
		if m.Start <= toks[start].start && m.End > toks[start].start {
			for start < end && toks[start].start < m.End {
				start++
			}
		}
	}
	if start >= end {
		return nil
	}
	phrase := joinTokens(d.doc.Text, toks[start:end])
	lower := strings.ToLower(phrase)
	if kind, ok := d.lx.references[lower]; ok && kind == "any" {
		return nil // "They also arrived": the figures, the workers? Nobody a reader could name.
	}
	if kind, ok := d.lx.references[lower]; ok && kind == "person" {
		// "after Choe returned from her visit …, during which she met"
		for k := start - 1; k >= 0; k-- {
			if toks[k].capitalized() && d.isKnownPerson(toks[k].text) {
				return []string{d.canonicalName(toks[k].text)}
			}
		}
		if e, found := d.lastEntity("person", lower); found {
			return []string{d.canonicalName(e.name)}
		}
		return nil
	}
	return d.people(phrase)
}

// people splits "Russian President Vladimir Putin and North Korean leader
// Kim Jong-un" into the names it holds, titles stripped and aliases merged.
// Phrases that name nobody ("the two sides", "a tourist zone") give none.
func (d *document) people(phrase string) []string {
	var out []string
	for _, part := range strings.Split(phrase, " and ") {
		part = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(part, "the "), "The "))
		part = strings.TrimSuffix(strings.TrimSuffix(part, "'s"), "’s")
		toks := tokenize(part, 0, len(part))
		if len(toks) == 0 || !toks[len(toks)-1].capitalized() {
			continue
		}
		name := d.canonicalName(d.personName(part))
		if _, isTitle := d.lx.titles.at(tokenize(strings.ToLower(name), 0, len(name)), 0); isTitle {
			continue // "Vice Foreign Ministers": a title, not a name
		}
		out = append(out, name)
	}
	return out
}

// canonicalName merges a name with an earlier fuller one ("Kim" → "Kim Jong
// Un") and with the listed aliases ("Choe Son-hui" → "Choe Son Hui").
func (d *document) canonicalName(name string) string {
	if !strings.Contains(name, " ") {
		if e, found := d.personNamed(name); found {
			name = e.name
		}
	}
	return claims.CanonicalSource(name)
}

// eventObject reads what follows the action: counterparts ("met her Russian
// counterpart, Sergei Lavrov"), a place ("visited North Korea", "in
// Wonsan"), an object ("signed a treaty"), the date, and "a day after".
func (d *document) eventObject(s *sentenceInfo, dr *eventDraft) {
	toks := s.toks
	end := clauseStop(toks, dr.end)
	switch dr.action.class {
	case "visit", "arrival", "departure":
		if pl := placeAt(d.doc.Text, toks, skipWord(toks, dr.end, "to")); pl != "" {
			dr.place = pl
		}
	default:
		dr.counterparts = d.namesIn(toks, skipWord(toks, dr.end, "with"), end)
		if len(dr.counterparts) == 0 && (dr.action.class == "signing" || dr.action.class == "inspection" || dr.action.class == "opening") {
			dr.object = nounAfter(d.doc.Text, toks, dr.end, end) // "signed a treaty", "inspected bombers"
		}
	}
	for j := dr.end; j < end; j++ {
		if toks[j].lower == "in" && dr.place == "" {
			dr.place = placeAt(d.doc.Text, toks, j+1)
		}
	}
	// "a day after Lavrov arrived": this event is dated from the sentence's main one.
	for j := dr.verb - 1; j >= 0 && j >= dr.verb-5; j-- {
		if toks[j].lower == "after" && j >= 2 && toks[j-1].lower == "day" {
			dr.relativeDays = 1
			if n, ok := numbers.Parse(toks[j-2].lower); ok {
				dr.relativeDays = int(n)
			}
		}
	}
	dr.when = d.eventWhen(s, dr)
}

// eventWhen picks the date mention of the event's clause nearest its verb,
// skipping dates that belong to the report ("its state media reported on
// Saturday"). A present or future verb looks forward: "On Thursday
// Pyongyang marks the anniversary", "On Sunday, Kim will go".
func (d *document) eventWhen(s *sentenceInfo, dr *eventDraft) *dates.Mention {
	mentions := s.dates
	if forward(s.toks, dr) {
		mentions = nil
		for _, m := range dates.Scan(s.text, d.ref.Time, dates.Options{Future: true}) {
			m.Start += s.Start
			m.End += s.Start
			mentions = append(mentions, m)
		}
	}
	verbAt := s.toks[dr.verb].start
	if dr.nominal {
		var own []dates.Mention
		for _, m := range mentions {
			if m.Start >= s.toks[dr.from].start && m.End <= s.toks[dr.to-1].end {
				own = append(own, m)
			}
		}
		mentions = own
	}
	var best *dates.Mention
	bestDist := -1
	for k := range mentions {
		m := &mentions[k]
		if m.From.IsZero() || m.Kind == dates.KindDuration || m.Kind == dates.KindTime || d.reportDate(s, m) {
			continue
		}
		if insideRelativeClause(s.toks, m, dr.verb) {
			continue // "Lavrov, who arrived on Friday, also held talks … on Saturday"
		}
		dist := m.Start - verbAt
		if dist < 0 {
			dist = verbAt - m.End
		}
		if best == nil || dist < bestDist {
			best, bestDist = m, dist
		}
	}
	return best
}

// insideRelativeClause reports a date inside a ", who …," or ", which …,"
// clause that does not hold the verb: it dates something else.
func insideRelativeClause(toks []token, m *dates.Mention, verb int) bool {
	k := tokenContaining(toks, m.Start)
	if k < 0 {
		return false
	}
	open := -1
	for j := k; j >= 0; j-- {
		if toks[j].text == "," {
			if j+1 < len(toks) && (toks[j+1].text == "who" || toks[j+1].text == "which") {
				open = j
			}
			break
		}
	}
	if open < 0 {
		return false
	}
	close := len(toks)
	for j := k; j < len(toks); j++ {
		if toks[j].text == "," {
			close = j
			break
		}
	}
	return verb < open || verb > close
}

// forward reports a present or future action: "will go", "marks", "is set to meet".
func forward(toks []token, dr *eventDraft) bool {
	w := toks[dr.verb].lower
	if dr.verb > 0 && (toks[dr.verb-1].lower == "will" || toks[dr.verb-1].lower == "to") || w == "will" || w == "set" {
		return true
	}
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && w != "talks" && w != "is" && dr.action.class != "visit"
}

// reportDate reports a date that dates the report, not the event: it stands
// after a speech verb of the sentence ("…, its state media reported on Saturday").
func (d *document) reportDate(s *sentenceInfo, m *dates.Mention) bool {
	k := tokenBefore(s.toks, m.Start)
	for j := k; j >= 0 && j >= k-2; j-- {
		if _, ok := d.lx.speech.at(s.toks, j); ok {
			return true
		}
	}
	return false
}

// nominalEvents reads events named by a noun: "during a meeting with
// counterpart Kang Sun Nam in Pyongyang", "the first round of talks in
// Moscow in November 2024".
func (d *document) nominalEvents(s *sentenceInfo) []eventDraft {
	toks := s.toks
	var out []eventDraft
	for i := 0; i+1 < len(toks); i++ {
		switch {
		case (toks[i].lower == "meeting" || toks[i].lower == "talks") && toks[i+1].lower == "with" && i > 0 && (toks[i-1].lower == "a" || toks[i-1].lower == "the"):
			end := clauseEnd(toks, i+2, clauseStop(toks, i+2))
			dr := eventDraft{verb: i, end: i + 1, action: phrase{value: "held talks", class: "meeting"}, nominal: true, from: i - 1, to: end}
			dr.counterparts = d.namesIn(toks, i+2, end)
			if len(dr.counterparts) == 0 {
				continue
			}
			dr.actors = d.sentenceSubject(s, i, end)
			if len(dr.actors) == 0 {
				continue
			}
			for j := i + 2; j < end; j++ {
				if toks[j].lower == "in" && dr.place == "" {
					dr.place = placeAt(d.doc.Text, toks, j+1)
				}
			}
			dr.when = d.eventWhen(s, &dr)
			out = append(out, dr)
		case toks[i].lower == "round" && i+2 < len(toks) && toks[i+1].lower == "of" && i > 1 && toks[i-2].lower == "the":
			n := roundNumber(s, toks, i, i+1)
			if n == 0 {
				continue
			}
			end := clauseEnd(toks, i+2, clauseStop(toks, i+2))
			dr := eventDraft{verb: i, end: i + 2, action: phrase{value: "held talks", class: "meeting"}, ordinal: n,
				nominal: true, from: i - 2, to: end}
			for j := i + 2; j < end; j++ {
				if toks[j].lower == "in" && dr.place == "" {
					dr.place = placeAt(d.doc.Text, toks, j+1)
				}
			}
			dr.when = d.eventWhen(s, &dr)
			out = append(out, dr)
		}
	}
	return out
}

// roundNumber reads "the second round" in toks[i:end]: the ordinal just
// before "round".
func roundNumber(s *sentenceInfo, toks []token, i, end int) int {
	for j := i; j < len(toks) && j < end; j++ {
		if toks[j].lower != "round" || j == 0 {
			continue
		}
		for _, n := range s.numbers {
			if n.Kind == numbers.KindOrdinal && n.End <= toks[j].start && n.End >= toks[j-1].start {
				return int(n.Low)
			}
		}
	}
	return 0
}

// sentenceSubject finds the person a nominal event belongs to: a name of
// the sentence outside the event phrase ("…, Shoigu, as per a ministry
// statement said"), else the person last named.
func (d *document) sentenceSubject(s *sentenceInfo, from, to int) []string {
	toks := s.toks
	for j := 0; j < len(toks); j++ {
		if j >= from && j < to || !toks[j].capitalized() || j == 0 && functionWords[toks[j].lower] {
			continue
		}
		k := j
		for k < len(toks) && toks[k].capitalized() && !(k >= from && k < to) {
			k++
		}
		name := joinTokens(d.doc.Text, toks[j:k])
		if entityKind(tokenize(name, 0, len(name))) == "person" || d.isKnownPerson(name) {
			return []string{d.canonicalName(d.personName(name))}
		}
		j = k
	}
	if e, ok := d.lastEntity("person", "he"); ok {
		return []string{d.canonicalName(e.name)}
	}
	return nil
}

func (d *document) isKnownPerson(name string) bool {
	_, ok := d.personNamed(name)
	return ok
}

// namesIn collects the people named in toks[from:to]: "her Russian
// counterpart, Sergei Lavrov" is Sergei Lavrov; "President Vladimir Putin
// and her Russian counterpart, Sergei Lavrov" is both.
func (d *document) namesIn(toks []token, from, to int) []string {
	var out []string
	for j := from; j < to; j++ {
		if !toks[j].capitalized() {
			continue
		}
		k := j
		for k < to && (toks[k].capitalized() || toks[k].text == "." && k > j) {
			k++
		}
		name := d.personName(joinTokens(d.doc.Text, toks[j:k]))
		words := strings.Fields(name)
		demonym := claims.CountryOf(name) != ""
		if len(words) >= 1 && !demonym && (len(words) >= 2 || d.isKnownPerson(name)) && entityKind(tokenize(name, 0, len(name))) != "" || d.isKnownPerson(name) {
			out = append(out, d.canonicalName(name))
		}
		j = k
	}
	return out
}

// nounAfter gives what an action was done to: "signed a "comprehensive
// strategic partnership" treaty" → treaty.
func nounAfter(text string, toks []token, from, to int) string {
	last := ""
	for j := from; j < to && j < from+8; j++ {
		t := toks[j]
		if t.punct && t.text != "\"" && t.text != "“" && t.text != "”" && t.text != "-" {
			break
		}
		if t.lower == "in" || t.lower == "on" || t.lower == "during" || t.lower == "with" || t.lower == "to" || t.lower == "for" {
			break
		}
		if !t.punct && !functionWords[t.lower] {
			last = t.text
		}
	}
	return last
}

// clauseStop is where the clause after a verb ends: a comma before a new
// clause, a semicolon, or "and" before another verb.
func clauseStop(toks []token, from int) int {
	for j := from; j < len(toks); j++ {
		switch {
		case toks[j].text == ";":
			return j
		case toks[j].text == "," && j+1 < len(toks) && (toks[j+1].lower == "who" || toks[j+1].lower == "which" || toks[j+1].lower == "where" || toks[j+1].lower == "a" && j+2 < len(toks) && toks[j+2].lower == "day" || toks[j+1].lower == "according" || toks[j+1].lower == "citing"):
			return j
		case toks[j].lower == "and" && j+1 < len(toks) && !toks[j+1].capitalized():
			if _, ok := actions.at(toks, j+1); ok {
				return j
			}
		}
	}
	return len(toks)
}

func skipWord(toks []token, i int, w string) int {
	if i < len(toks) && toks[i].lower == w {
		return i + 1
	}
	return i
}

// insideQuotes reports a token inside a quotation: what someone said
// happened is not the reporter's event.
func insideQuotes(toks []token, i int) bool {
	open := false
	for _, t := range toks[:i] {
		switch t.text {
		case "\"":
			open = !open
		case "“":
			open = true
		case "”":
			open = false
		}
	}
	return open
}

// eventClaim turns a draft into a claim: its span runs from the first actor
// (or the action) to the end of its clause's names, its date is the one
// named, else the article's event date, else the month of publication.
func (d *document) eventClaim(s *sentenceInfo, anchors []anchor, dr *eventDraft) claims.Claim {
	toks := s.toks
	start, end := toks[dr.verb].start, toks[min(dr.end, len(toks))-1].end
	if stop := clauseStop(toks, dr.end); stop > dr.end {
		end = toks[stop-1].end
	}
	if dr.nominal {
		start, end = toks[dr.from].start, toks[dr.to-1].end
	}
	if who := dr.verb - 1; who >= 0 && (toks[who].text == "who" || who > 0 && toks[who-1].text == "who") {
		end = toks[clauseEnd(toks, dr.end, len(toks))-1].end // "who arrived …," ends at its comma
	}
	c := claims.Claim{Document: d.doc.Name, Kind: claims.KindEvent, Modality: claims.Actual, Sentence: s.text,
		Actors: dr.actors, Action: dr.action.value, Counterparts: dr.counterparts, Object: dr.object,
		Place: dr.place, Ordinal: dr.ordinal}
	if subject := d.subjectBefore(toks, dr.verb); subject < dr.verb && !dr.nominal {
		start = toks[subject].start
	}
	c.Start, c.End = start, end
	c.Text = d.doc.Text[start:end]
	c.Subject = strings.Join(append(append([]string(nil), dr.actors...), dr.counterparts...), ", ")
	c.ID = ClaimID(d.doc.Hash, c.Start, c.End)
	switch m := dr.when; {
	case m != nil:
		c.Period = claims.Period{Start: claims.Date{Time: m.From}, End: claims.Date{Time: m.To}, Precision: m.Precision}
		c.AsOf = claims.Date{Time: m.From}
		if m.To.After(m.From) {
			c.AsOf = claims.Date{Time: m.To}
		}
		if !d.ref.IsZero() && c.AsOf.After(d.ref.Time) && c.Modality != claims.Planned && !forward(toks, dr) {
			c.AsOf = d.ref // "this week": as far as the article can tell
		}
	case !d.eventDate.IsZero() && s.Paragraph <= d.sentences[0].Paragraph+1:
		c.AsOf, c.Period = d.eventDate, claims.Period{Start: d.eventDate, End: d.eventDate, Precision: claims.PrecisionDay}
	case !d.ref.IsZero():
		first := time.Date(d.ref.Year(), d.ref.Month(), 1, 0, 0, 0, 0, time.UTC)
		c.AsOf = d.ref
		c.Period = claims.Period{Start: claims.Date{Time: first}, End: d.ref, Precision: claims.PrecisionMonth}
	}
	if forward(toks, dr) {
		c.Modality = claims.Planned
	}
	c.Attribution = d.attribute(s, anchors, c.Start)
	return c
}

// duplicateEvent reports an event already read from the sentence with the
// same action class and people ("met Putin and discussed military matters").
func duplicateEvent(found []claims.Claim, c claims.Claim) bool {
	for _, f := range found {
		if claims.ActionClass(f.Action) == claims.ActionClass(c.Action) && strings.Join(f.Actors, "|") == strings.Join(c.Actors, "|") && f.Ordinal == c.Ordinal &&
			f.AsOf == c.AsOf && (len(c.Counterparts) == 0 || strings.Join(f.Counterparts, "|") == strings.Join(c.Counterparts, "|")) {
			return true
		}
	}
	return false
}
