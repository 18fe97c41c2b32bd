package reader

import (
	"slices"
	"strings"

	"claimtrack/claims"
)

// anchor is one attribution found in a sentence: who is cited, and which
// part of the sentence it covers.
type anchor struct {
	chain []string // outermost first, names as resolved
	// A figure at byte offset p is covered when from <= p < to.
	from, to int
	priority int // trailing "…, X said" beats the others; among those the nearest wins
	at       int // where the attribution stands, for "according to" anywhere in the sentence
}

// entity is a source named in the article, for later references to it.
type entity struct {
	name string
	kind string // person, org, report
	// fullName is a person's name without a title, when it has a first and
	// a last name ("Vladimir Putin" of "President Vladimir Putin"): the
	// name a later "Putin" can mean.
	fullName string
	lower    string // name in lower case, for matching references
}

const (
	leadingPriority = iota + 1
	accordingPriority
	trailingPriority
)

// attributions finds who the sentence attributes its content to: "X said
// (that) …", "…, X said", "according to X", "X quoted Y as saying", "…, CNN
// said, citing Y", "X put attendance at …", "…, who put attendance at".
func (d *document) attributions(s *sentenceInfo) []anchor {
	toks := s.toks
	var out []anchor
	var cited []string // a leading "Citing X," for the speaker named next
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		// "according to X", "as per X"
		if phraseAt(toks, i, []string{"according", "to"}) || phraseAt(toks, i, []string{"as", "per"}) {
			from, to := i+2, phraseEnd(toks, i+2)
			// "according to the country's largest newspaper, Prothom Alo, …": the name.
			if to+2 < len(toks) && toks[to].text == "," && toks[to+1].capitalized() {
				k := to + 1
				for k < len(toks) && toks[k].capitalized() {
					k++
				}
				if k < len(toks) && toks[k].text == "," {
					from, to = to+1, k
				}
			}
			// "X said that according to its initial assessment, …": its
			// own document; X, the speaker, stands.
			if from < len(toks) && (toks[from].lower == "its" || toks[from].lower == "their") {
				i = to - 1
				continue
			}
			if chain := d.sourceChain(toks, from, to); len(chain) > 0 {
				out = append(out, anchor{chain: chain, from: s.Start, to: s.End, priority: accordingPriority, at: t.start})
			}
			continue
		}
		// "in a statement carried by KCNA", "a report carried by state media"
		if phraseAt(toks, i, []string{"carried", "by"}) {
			from, to := i+2, phraseEnd(toks, i+2)
			if relay := d.sourceChain(toks, from, to); len(relay) > 0 {
				if len(out) > 0 && out[len(out)-1].from <= t.start {
					last := &out[len(out)-1]
					last.chain = append(relay, last.chain...)
				} else {
					out = append(out, anchor{chain: relay, from: s.Start, to: s.End, priority: accordingPriority, at: t.start})
				}
			}
			i = to - 1
			continue
		}
		if t.lower == "citing" && len(out) > 0 {
			from, to := i+1, phraseEnd(toks, i+1)
			if inner := d.sourceChain(toks, from, to); len(inner) > 0 {
				last := &out[len(out)-1]
				last.chain = append(last.chain, inner...)
			}
			continue
		}
		// "Citing figures from Ukraine's General Staff, the ministry said":
		// the cited source is relayed by the speaker the sentence names next.
		if t.lower == "citing" && len(out) == 0 && i <= 1 {
			from, to := i+1, phraseEnd(toks, i+1)
			cited = d.sourceChain(toks, from, to)
			i = to - 1
			continue
		}
		if (t.lower == "adding" || t.lower == "saying") && i > 0 && toks[i-1].text == "," && len(out) > 0 {
			out = append(out, anchor{chain: out[len(out)-1].chain, from: t.start, to: s.End, priority: trailingPriority})
			continue
		}
		// "the Associated Press's running count of deaths … to at least 214",
		// "AccuWeather … raised its estimate … to $145bn", "the Libyan Red
		// Crescent figure of 11,300": a document's owner is the source of
		// what it states.
		if documents[t.lower] && !t.capitalized() {
			if owner := d.ownerBefore(toks, i); len(owner) > 0 {
				out = append(out, anchor{chain: owner, from: t.start, to: clauseEndOffset(s, toks, i+1), priority: leadingPriority})
				continue
			}
		}
		v, speech := d.lx.speech.at(toks, i)
		if !speech {
			v, speech = d.lx.estimate.at(toks, i)
		}
		if !speech {
			continue
		}
		// "Henderson County, which had reported nine deaths, now lists seven":
		// the relative clause states the antecedent's figure.
		if insideRelative(toks, i) {
			if who := relativePronounBefore(toks, i); who > 0 && toks[who-1].text == "," {
				if subj := d.relativeAntecedent(toks, who); len(subj) > 0 {
					out = append(out, anchor{chain: subj, from: toks[i].start, to: clauseEndOffset(s, toks, i+len(v.words)), priority: leadingPriority})
				}
			}
			continue
		}
		verbEnd := i + len(v.words)
		// "construction added 34,000 jobs": a change in amount, not a report.
		if d.lx.amount[t.lower] && figureAt(s, toks, verbEnd) {
			continue
		}
		// "the quake has claimed at least 2,719 lives": a toll, not a claim.
		// ("Officials said the earthquake had taken 300 lives" is a report.)
		if strings.HasPrefix(t.lower, "claim") && livesWithin(toks, verbEnd) {
			continue
		}
		// "a best estimate of $11bn", "AccuWeather's latest estimate, $225bn":
		// a noun, not a verb, whose owner is the source of what follows.
		if d.determinerBefore(toks, i) {
			if owner := d.ownerBefore(toks, i); len(owner) > 0 {
				out = append(out, anchor{chain: owner, from: toks[i].start, to: clauseEndOffset(s, toks, verbEnd), priority: leadingPriority})
			}
			continue
		}
		// "jobless claims rose", "the reports were denied": a plural noun,
		// as the verb after it says. ("Police reports show" keeps the
		// police as the source.)
		if strings.HasSuffix(t.lower, "s") && verbEnd < len(toks) && (amountVerbs[toks[verbEnd].lower] || finiteVerbs[toks[verbEnd].lower]) {
			continue
		}
		// The passive has no speaker before its verb: "a tunnel was found",
		// "the toll was confirmed by the ministry" (the speaker after "by").
		if passiveBefore(toks, i) {
			if verbEnd < len(toks) && toks[verbEnd].lower == "by" {
				from, to := verbEnd+1, phraseEnd(toks, verbEnd+1)
				if chain := d.sourceChain(toks, from, to); len(chain) > 0 {
					out = append(out, anchor{chain: chain, from: s.Start, to: s.End, priority: accordingPriority, at: t.start})
				}
			}
			continue
		}
		// "X quoted Y as saying"
		if t.lower == "quoted" {
			if as := indexWord(toks, verbEnd, "as"); as > verbEnd {
				subject := d.subjectBefore(toks, i)
				quoted := d.sourceChain(toks, verbEnd, clauseEnd(toks, verbEnd, as))
				chain := append(d.sourceChain(toks, subject, i), quoted...)
				if len(chain) > 0 {
					out = append(out, anchor{chain: chain, from: toks[as].start, to: s.End, priority: leadingPriority})
				}
				i = as
				continue
			}
		}
		// "as quoted by X"
		if t.lower == "quoted" && verbEnd < len(toks) && toks[verbEnd].lower == "by" {
			from, to := verbEnd+1, phraseEnd(toks, verbEnd+1)
			if chain := d.sourceChain(toks, from, to); len(chain) > 0 {
				out = append(out, anchor{chain: chain, from: s.Start, to: s.End, priority: accordingPriority, at: t.start})
			}
			continue
		}
		// "OCHA, which, citing the Libyan Red Crescent, said": the body
		// before the relative, relaying the one it cites.
		if who, cited, ok := relativeCiting(toks, i); ok {
			if subj := d.relativeAntecedent(toks, who); len(subj) > 0 {
				chain := append(subj, d.sourceChain(toks, cited, phraseEnd(toks, cited))...)
				out = append(out, anchor{chain: chain, from: toks[i].start, to: s.End, priority: leadingPriority})
			}
			continue
		}
		// "The Institute for the Study of War, citing the General Staff,
		// said": the subject relays the one it cites.
		if comma, cited, ok := citingAppositive(toks, i); ok {
			if from := d.subjectBefore(toks, comma); from < comma {
				if subj := d.sourceChain(toks, from, comma); len(subj) > 0 {
					chain := append(subj, d.sourceChain(toks, cited, phraseEnd(toks, cited))...)
					out = append(out, anchor{chain: chain, from: toks[from].start, to: s.End, priority: leadingPriority})
					continue
				}
			}
		}
		// "…, who put attendance at 10,000": the person before the appositive.
		if i > 0 && toks[i-1].text == "who" {
			if subj := d.relativeAntecedent(toks, i-1); len(subj) > 0 {
				out = append(out, anchor{chain: subj, from: toks[i].start, to: clauseEndOffset(s, toks, verbEnd), priority: leadingPriority})
			}
			continue
		}
		subject := d.subjectBefore(toks, i)
		trailing := afterComma(toks, subject) && anyNumberBefore(s, toks[subject].start)
		if subject == i {
			// "…, reported the official Rodong Sinmun newspaper."
			if i > 0 && toks[i-1].text == "," && anyNumberBefore(s, toks[i].start) && !anyNumberAfter(s, toks[i].end) {
				if chain := d.sourceChain(toks, verbEnd, phraseEnd(toks, verbEnd)); len(chain) > 0 {
					out = append(out, anchor{chain: chain, from: s.Start, to: toks[i].start, priority: trailingPriority})
				}
				continue
			}
			// "and said it occurred at …": the subject of the verb before.
			if i > 0 && toks[i-1].lower == "and" && len(out) > 0 {
				out = append(out, anchor{chain: out[len(out)-1].chain, from: toks[i].start, to: s.End, priority: leadingPriority})
			}
			continue
		}
		chain := d.sourceChain(toks, subject, i)
		// "The department cut its estimate … and trimmed July from the 114,000
		// it first reported": a pronoun names the speaker of the sentence so far.
		if w := toks[subject].lower; (w == "it" || w == "they") && len(out) > 0 && onlyAdverbs(toks[subject+1:i]) {
			chain = out[len(out)-1].chain
		}
		if len(chain) == 0 {
			continue
		}
		if trailing {
			// "…, Defense Minister Shin Won-sik told Bloomberg News in an interview."
			if t.lower == "told" && verbEnd < len(toks) {
				if outlet, ok := IsOutlet(toks[verbEnd].text); ok || knownOutletAt(toks, verbEnd) != "" {
					if !ok {
						outlet = knownOutletAt(toks, verbEnd)
					}
					chain = append([]string{outlet}, chain...)
				}
			}
			out = append(out, anchor{chain: chain, from: s.Start, to: s.End, priority: trailingPriority, at: toks[subject].start})
			continue
		}
		// "Green cited early figures from the Pacific Disaster Center: …":
		// the speaker relays the source of what he cites.
		if t.lower == "cited" {
			for k := verbEnd; k < len(toks) && k < verbEnd+4 && !toks[k].punct; k++ {
				if toks[k].lower == "from" || toks[k].lower == "by" {
					chain = append(slices.Clone(chain), d.sourceChain(toks, k+1, phraseEnd(toks, k+1))...)
					break
				}
			}
		}
		out = append(out, anchor{chain: chain, from: toks[i].start, to: clauseEndOffset(s, toks, verbEnd), priority: leadingPriority})
	}
	if len(cited) > 0 && len(out) > 0 {
		out[0].chain = append(slices.Clone(out[0].chain), cited...)
	}
	// "The BBC Russian Service and Mediazona have established the names of
	// 122,883 …, the outlets reported": a trailing reference that names
	// nobody else is the source the sentence named before it. ("A
	// councillor told Reuters the ministry had registered …": the ministry
	// leads its own clause.)
	for k := 1; k < len(out); k++ {
		if out[k].priority == trailingPriority && len(out[k].chain) == 1 && isReference(d, out[k].chain[0]) {
			out[k].chain = out[k-1].chain
		}
	}
	return out
}

// isReference reports a source that only refers back: "outlets" from "the
// outlets", "journalists" from "the journalists" (data/person_refs.txt).
func isReference(d *document, name string) bool {
	_, ok := d.lx.references["the "+strings.ToLower(name)]
	return ok
}

// passiveBefore reports a form of "be" before the verb at i, over adverbs:
// "were revised", "were also revised", "was sharply revised".
func passiveBefore(toks []token, i int) bool {
	j := i - 1
	for j >= 0 && (timeAdverbs[toks[j].lower] && !passiveAuxiliaries[toks[j].lower] || strings.HasSuffix(toks[j].lower, "ly") && !toks[j].capitalized()) {
		j--
	}
	return j >= 0 && passiveAuxiliaries[toks[j].lower]
}

// passiveAuxiliaries make a speech verb after them passive: the forms of
// "be", a closed class, so in code.
var passiveAuxiliaries = map[string]bool{"was": true, "were": true, "is": true, "are": true, "be": true, "been": true, "being": true}

// attribute gives the attribution chain of a figure at byte offset pos: the
// sentence's own anchor that covers it, else the previous sentence's when it
// continues the same paragraph, else none (the outlet's own voice).
func (d *document) attribute(s *sentenceInfo, anchors []anchor, pos int) claims.Attribution {
	var best *anchor
	for i := range anchors {
		a := &anchors[i]
		if pos < a.from || pos >= a.to {
			continue
		}
		if best == nil || betterAnchor(a, best, pos) {
			best = a
		}
	}
	var chain []string
	switch {
	case best != nil:
		chain = best.chain
	case len(anchors) == 0 && d.lastAttribution != nil && d.lastAttributionPara == s.Paragraph:
		chain = d.lastAttribution
	default:
		return claims.Attribution{}
	}
	return d.fullChain(chain)
}

// betterAnchor prefers a trailing "…, X said" (the speaker of the whole
// sentence), then the anchor whose verb is nearest the figure: "Oktay said
// 8,574 …, while 2,530 …, according to the government".
func betterAnchor(a, b *anchor, pos int) bool {
	aTrails := a.priority == trailingPriority && pos < a.at
	bTrails := b.priority == trailingPriority && pos < b.at
	if aTrails != bTrails {
		return aTrails
	}
	return anchorDistance(a, pos) < anchorDistance(b, pos)
}

// anchorDistance is how far an attribution stands from a figure: from its
// source's name for "…, X said" and "according to X", else from its verb.
func anchorDistance(a *anchor, pos int) int {
	if a.priority == accordingPriority || a.priority == trailingPriority && a.at > 0 {
		return abs(a.at - pos)
	}
	return abs(a.from - pos)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// fullChain puts the outlet first and merges names through aliases for the root.
func (d *document) fullChain(chain []string) claims.Attribution {
	var full []string
	if d.doc.Outlet != "" {
		full = append(full, d.doc.Outlet)
	}
	for _, name := range chain {
		if len(full) > 0 && strings.EqualFold(full[len(full)-1], name) {
			continue
		}
		full = append(full, name)
	}
	if len(full) == 1 && d.doc.Outlet != "" {
		return claims.Attribution{Chain: full, Root: d.doc.Outlet}
	}
	return claims.Attribution{Chain: full, Root: d.rootName(full[len(full)-1])}
}

// rootName is a source's identity: titles and articles dropped, dotted
// initialisms undotted, aliases (learned and listed) merged.
func (d *document) rootName(name string) string {
	if full, ok := d.aliases[strings.ToLower(name)]; ok {
		name = full
	}
	name = strings.ReplaceAll(name, "U.S.", "US")
	name = strings.ReplaceAll(name, "U.N.", "UN")
	name = strings.ReplaceAll(name, "U.K.", "UK")
	// "Andrii Kovalenko of Ukraine's Center for …" is Andrii Kovalenko.
	if person, _, found := strings.Cut(name, " of "); found && claims.CanonicalSource(name) == name && entityKind(tokenize(person, 0, len(person))) == "person" && !isListedSource(name) {
		name = person
	}
	name = d.personName(name)
	if full, ok := d.aliases[strings.ToLower(name)]; ok {
		name = full
	}
	return claims.CanonicalSource(name)
}

// sourceChain reads the source named by toks[from:to] as a chain: "an
// analysis by Reuters and the think tank RUSI" is RUSI (the outlet itself is
// already outermost), "a report from 11 UN member states" is the states,
// "he" or "the agency" is the person or agency last named.
func (d *document) sourceChain(toks []token, from, to int) []string {
	for to > from && (toks[to-1].punct && toks[to-1].text != ")") {
		to--
	}
	// Drop appositives and relative clauses: "a senior US official, who spoke …"
	for k := from; k < to; k++ {
		if toks[k].text == "," && !listContinues(toks, k) {
			to = k
			break
		}
	}
	// A place after the source is not part of its name: "the delegation in the capital".
	for k := from + 1; k < to; k++ {
		if (toks[k].lower == "in" || toks[k].lower == "at") && !toks[k-1].capitalized() {
			to = k
			break
		}
	}
	// Adverbs between the subject and the verb: "some news outlets simply reported".
	for to > from && strings.HasSuffix(toks[to-1].lower, "ly") && !toks[to-1].capitalized() {
		to--
	}
	for to > from && (timeAdverbs[toks[to-1].lower] || to-from >= 2 && toks[to-1].lower == "far" && toks[to-2].lower == "so") {
		if toks[to-1].lower == "far" {
			to-- // "the ministry had so far": both words go
		}
		to--
	}
	// "Earlier China Central Television reported", "Meanwhile the ministry".
	for from < to && timeAdverbs[toks[from].lower] {
		from++
	}
	// "An assessment provided to Congress": a participle's phrase describes
	// the source and is no part of its name.
	for k := from + 1; k+1 < to; k++ {
		if strings.HasSuffix(toks[k].lower, "ed") && !toks[k].capitalized() && (toks[k+1].lower == "to" || toks[k+1].lower == "by") {
			// "Figures provided by French authorities": what a body
			// provided, released or compiled is its.
			if toks[k+1].lower == "by" && documents[toks[k-1].lower] && k+2 < to {
				return d.sourceChain(toks, k+2, to)
			}
			to = k
			break
		}
	}
	// "An assessment provided to Congress on Dec. 12 last year": what
	// follows "on" and a date is no part of the source.
	for k := from + 1; k+1 < to; k++ {
		if toks[k].lower == "on" && dateWord(toks, k+1) {
			to = k
			break
		}
	}
	// A date is no part of the source: "on May 3 the ministry", "Gov. Roy
	// Cooper on Wednesday". (Inside a name it may be: "OCHA's Tuesday update".)
	for k := to - 1; k >= from; k-- {
		if !dateWord(toks, k) {
			continue
		}
		if k > from && toks[k-1].capitalized() && monthOrWeekday(toks[k].lower) {
			break // "Prime Minister Theresa May": a name, not a month
		}
		switch {
		case k+1 < to && (toks[k+1].lower == "the" || toks[k+1].capitalized()):
			from = k + 1
		case k+1 == to:
			// "the health ministry Tuesday": back over the date alone.
			for to > from && (dateWord(toks, to-1) || dateFiller[toks[to-1].lower] || toks[to-1].text == ".") {
				to--
			}
			if to > from && toks[to-1].lower == "on" {
				to--
			}
		}
		break
	}
	// "according to figures the Labor Department released Friday": the body
	// in the relative clause on a document published it.
	if to-from >= 3 && documents[toks[from].lower] && strings.HasSuffix(toks[to-1].lower, "ed") && toks[to-2].capitalized() {
		from, to = from+1, to-1
	}
	if from >= to || !nameShaped(d, toks[from:to]) {
		return nil
	}
	// "county figures show", "state data show": a body named before the
	// document published it.
	if documents[toks[to-1].lower] && to-from == 2 && !toks[from].capitalized() && !functionWords[toks[from].lower] {
		ref := "the " + toks[from].lower
		if kind, ok := d.lx.references[ref]; ok {
			if e, found := d.lastEntity(kind, ref); found {
				return []string{e.name}
			}
		}
	}
	// "OCHA's Tuesday update", "the department's monthly strike report":
	// the owner of a report is its source.
	if kind := d.lx.references["the "+toks[to-1].lower]; kind == "report" {
		for k := from; k < to-1; k++ {
			if owner, ok := possessive(toks[k]); ok {
				owned := append(slices.Clone(toks[from:k]), owner)
				if chain := d.sourceChain(owned, 0, len(owned)); len(chain) > 0 {
					return chain
				}
			}
		}
	}
	phraseText := strings.TrimSpace(joinTokens(d.doc.Text, toks[from:to]))
	lower := strings.ToLower(phraseText)
	if kind, ok := d.lx.references[lower]; ok {
		if e, found := d.lastEntity(kind, lower); found {
			return []string{e.name}
		}
		if !strings.HasPrefix(lower, "the ") {
			return nil // a pronoun with nobody named before it
		}
		// "The ministry said", with no ministry named before: the words are all we have.
	}
	if kind, ok := d.lx.references["the "+lastWord(lower)]; ok && strings.HasPrefix(lower, "the ") && kind != "person" {
		// "the air force" after "the Ukrainian air force"
		if e, found := d.entityEndingWith(lastWord(lower)); found {
			return []string{e.name}
		}
	}
	if strings.HasPrefix(lower, "the ") {
		if e, found := d.entityEndingWith(strings.TrimPrefix(lower, "the ")); found {
			return []string{e.name}
		}
	}
	// "an analysis by X", "a report from X"
	for k := from; k < to; k++ {
		if (toks[k].lower == "by" || toks[k].lower == "from") && k > from && k+1 < to {
			if _, isReport := d.lx.references["the "+toks[k-1].lower]; isReport {
				return d.coAuthors(toks, k+1, to)
			}
		}
	}
	name := d.cleanName(toks, from, to)
	if name == "" {
		return nil
	}
	// "Oktay said" after "Vice President Fuat Oktay"; "Lee said" after "Lee Seong-kweun".
	if to-from == 1 && toks[from].capitalized() {
		if e, found := d.personNamed(toks[from].text); found {
			return []string{e.name}
		}
	}
	if outlet, ok := IsOutlet(name); ok {
		return []string{outlet}
	}
	if outlet := knownOutletAt(toks, to-1); outlet != "" && strings.Contains(strings.ToLower(name), "newspaper") {
		return []string{outlet}
	}
	return []string{name}
}

// capitalizedRun reports words that all start with a capital: a name.
func capitalizedRun(toks []token) bool {
	for _, t := range toks {
		if !t.capitalized() {
			return false
		}
	}
	return len(toks) > 0
}

// afterComma reports a word after a comma, or after a comma and the quote
// it closes: '"…risen to 195," the Collector said'.
func afterComma(toks []token, k int) bool {
	if k > 0 && toks[k-1].text == "," {
		return true
	}
	return k > 1 && toks[k-2].text == "," && (toks[k-1].text == "\"" || toks[k-1].text == "”" || toks[k-1].text == "'" || toks[k-1].text == "’")
}

// possessive returns a word's owner without its "'s": "department's" → "department".
func possessive(t token) (token, bool) {
	for _, suffix := range []string{"'s", "’s"} {
		if strings.HasSuffix(t.lower, suffix) && len(t.lower) > len(suffix) {
			t.end -= len(suffix)
			t.text, t.lower = t.text[:len(t.text)-len(suffix)], t.lower[:len(t.lower)-len(suffix)]
			return t, true
		}
	}
	return t, false
}

// nameShaped reports whether a source phrase can name somebody: it does not
// end in a verb that attributes ("and said claims …" names nobody) nor
// hold a figure ("beating the 2,030", "instead of the 2.9 million jobs";
// "District 751" and "11 UN member states" are names).
func nameShaped(d *document, toks []token) bool {
	for k, t := range toks {
		if !isDigitWord(t.lower) {
			continue
		}
		if k > 0 && !toks[k-1].capitalized() || k == 0 && (len(t.lower) >= 4 || strings.ContainsAny(t.lower, ",.")) {
			return false
		}
		if k == 0 && (len(toks) == 1 || !toks[1].capitalized()) {
			return false // "157", "157 people"
		}
	}
	last := len(toks) - 1
	// A phrase cut mid-way names nobody: "put the number of", "predicted
	// the", "counts killed and wounded together and"; nor does a pronoun
	// taken for a name ("He"; "Theresa May" is one), a day ("released on
	// Wednesday") or a lone past participle ("experts they consulted").
	if functionWords[toks[last].lower] && !isName(toks[last]) && (last == 0 || !toks[last].capitalized() || !toks[last-1].capitalized()) ||
		len(toks) == 1 && weekdayNamed(toks[0].lower) >= 0 ||
		len(toks) == 1 && !toks[0].capitalized() && strings.HasSuffix(toks[0].lower, "ed") {
		return false
	}
	// "A list released on Sept. 1 showed", "figures compiled by": a
	// document and how it came out name nobody; its owner would.
	first := 0
	for first < last && (toks[first].lower == "a" || toks[first].lower == "an" || toks[first].lower == "the") {
		first++
	}
	if first < last && documents[toks[first].lower] && !toks[last].capitalized() && strings.HasSuffix(toks[last].lower, "ed") {
		return false
	}
	// "Inflation registered at 3.1%": what is measured does not speak.
	if m, isMeasure := d.lx.measures.at(toks, 0); isMeasure && len(m.words) == len(toks) {
		return false
	}
	if _, isVerb := d.lx.speech.endingAt(toks, last); isVerb && !toks[last].capitalized() && !strings.HasSuffix(toks[last].lower, "s") {
		return false
	}
	if _, isVerb := d.lx.estimate.endingAt(toks, last); isVerb && !toks[last].capitalized() && !strings.HasSuffix(toks[last].lower, "s") {
		return false
	}
	return true
}

// dateWord reports a word of a date: a month or weekday, or a day after a
// month ("May 3"); "District 751" is a name.
func dateWord(toks []token, k int) bool {
	if monthOrWeekday(toks[k].lower) {
		return true
	}
	return isDigitWord(toks[k].lower) && k > 0 && monthOrWeekday(toks[k-1].lower)
}

// onlyAdverbs reports words that are all adverbs of time or auxiliaries.
func onlyAdverbs(toks []token) bool {
	for _, t := range toks {
		if !timeAdverbs[t.lower] && !auxiliaries[t.lower] {
			return false
		}
	}
	return true
}

// dateFiller are the words that run on from a date: "on Dec. 12 last year",
// "on Tuesday afternoon". (A closed set of English time words, so in code.)
var dateFiller = map[string]bool{"last": true, "this": true, "next": true, "year": true, "week": true,
	"month": true, "morning": true, "afternoon": true, "evening": true, "night": true}

// monthOrWeekday reports a month or weekday name, or a month's abbreviation.
func monthOrWeekday(w string) bool {
	if _, ok := monthNames[strings.TrimSuffix(w, ".")]; ok {
		return true
	}
	// An exact name first ("tuesday", "tuesday's", "tuesdays"): the scan
	// for one inside a word is for the rarer joined forms ("tuesday-night").
	bare := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s"), "s")
	if slices.Contains(weekdayNames[:], bare) {
		return true
	}
	return strings.ContainsRune(w, '-') && weekdayNamed(w) >= 0
}

// coAuthors reads "Reuters and the British think tank the Royal United
// Services Institute (RUSI)": the outlet already leads the chain, so the
// other authors are the source.
func (d *document) coAuthors(toks []token, from, to int) []string {
	var names []string
	start := from
	for k := from; k <= to; k++ {
		if k == to || toks[k].lower == "and" && k+1 < to && (toks[k+1].capitalized() || toks[k+1].lower == "the") {
			if name := d.cleanName(toks, start, k); name != "" && !strings.EqualFold(name, d.doc.Outlet) {
				names = append(names, name)
			}
			start = k + 1
		}
	}
	if len(names) == 0 {
		return nil
	}
	return []string{strings.Join(names, " and ")}
}

// cleanName trims a source phrase to the name it gives: determiners and
// descriptions before a proper name go ("the British think tank the Royal
// United Services Institute (RUSI)" → "Royal United Services Institute"), and
// the "(RUSI)" is learned as an alias.
func (d *document) cleanName(toks []token, from, to int) string {
	// A bracketed short form at the end is an alias of what precedes it.
	if to-from >= 4 && toks[to-1].text == ")" && toks[to-3].text == "(" {
		d.learn(toks[to-2].text, joinTokens(d.doc.Text, toks[from:to-3]))
		to -= 3
	}
	// A later "the" starts the name proper: "the British think tank the Royal
	// …"; one after "for" or "of" is inside it ("the Institute for the
	// Study of War").
	for k := to - 1; k > from; k-- {
		if toks[k].lower == "the" && k+1 < to && toks[k+1].capitalized() && toks[k-1].lower != "for" && toks[k-1].lower != "of" {
			from = k
			break
		}
	}
	// "a week ago the governor": the time before a name is no part of it.
	for k := to - 2; k >= from; k-- {
		if toks[k].lower == "ago" {
			from = k + 1
			break
		}
	}
	// "the Washington-based Institute": where a body sits describes it.
	for from < to && (toks[from].lower == "the" || toks[from].lower == "a" || toks[from].lower == "an" || strings.HasSuffix(toks[from].lower, "-based")) {
		from++
	}
	if from >= to {
		return ""
	}
	// "Min Aung Hlaing in a televised address": how a name spoke is not
	// part of it.
	for k := from + 1; k+1 < to; k++ {
		if (toks[k].lower == "in" || toks[k].lower == "on" || toks[k].lower == "at") && toks[k-1].capitalized() &&
			(toks[k+1].lower == "a" || toks[k+1].lower == "an" || toks[k+1].lower == "his" || toks[k+1].lower == "her" || toks[k+1].lower == "their") {
			to = k
			break
		}
	}
	// "the consultancy Bain", "the think tank RUSI": a description, then the name.
	if toks[to-1].capitalized() {
		k := to - 1
		for k > from && (toks[k-1].capitalized() || toks[k-1].text == "&" && k-1 > from && toks[k-2].capitalized()) {
			k-- // "Karen Clark & Co" is one name
		}
		// "state TV": a two-letter word is no name on its own.
		if k > from && !toks[k-1].capitalized() && !functionWords[toks[k-1].lower] && !(to-k == 1 && len(toks[k].text) <= 2) {
			from = k
		}
	}
	return joinTokens(d.doc.Text, toks[from:to])
}

// isName reports an all-capitals word such as "WHO" or "UN", which is a
// name even when it spells a function word.
func isName(t token) bool {
	return len(t.text) >= 2 && strings.ToUpper(t.text) == t.text && t.text != strings.ToLower(t.text)
}

// isListedSource reports a name the sources list knows ("Joint Chiefs of Staff").
func isListedSource(name string) bool {
	_, ok := claims.ListedSource(name)
	return ok
}

// personName strips a title from a name: "White House spokesman John Kirby"
// → "John Kirby". Without a capitalized name after the title the whole
// phrase is kept ("a senior US military official").
func (d *document) personName(name string) string {
	if p, ok := d.personNames[name]; ok {
		return p
	}
	p := d.titleStripped(name)
	d.personNames[name] = p
	return p
}

// titleStripped is personName without the document's memory of names.
func (d *document) titleStripped(name string) string {
	return joinTokens(name, d.nameAfterTitle(tokenize(name, 0, len(name))))
}

// nameAfterTitle is personName on a name's tokens: those after its title,
// or all of them.
func (d *document) nameAfterTitle(toks []token) []token {
	for i := len(toks) - 1; i >= 0; i-- {
		if _, ok := d.lx.titles.endingAt(toks, i); ok {
			rest := toks[i+1:]
			// "the General Staff", "the Secretary General's Office": a body.
			if k := entityKind(rest); k == "org" || k == "report" {
				return toks
			}
			if len(rest) >= 1 && len(rest) <= 4 && rest[0].capitalized() {
				return rest
			}
			return toks
		}
	}
	return toks
}

// figureAt reports a figure at toks[k], or one word after it ("added just
// 12,000", "added about 2.1 million").
func figureAt(s *sentenceInfo, toks []token, k int) bool {
	for _, j := range []int{k, k + 1} {
		if j >= len(toks) {
			return false
		}
		for _, n := range s.numbers {
			if n.Start == toks[j].start {
				return true
			}
		}
	}
	return false
}

// determinerBefore reports a word at i, one that names a document as well
// as a verb of saying (data/predicate_words.txt "document": "report",
// "estimate"), that a determiner or a possessive makes a noun: "an
// estimate", "a best estimate", "the department's monthly strike report".
// ("Moody's said", "Ukraine's military says": verbs.)
func (d *document) determinerBefore(toks []token, i int) bool {
	if !documents[toks[i].lower] {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		switch w := toks[j].lower; {
		case w == "a" || w == "an" || w == "its" || w == "their" || w == "his" || w == "her" || w == "our" || w == "this" || w == "that":
			return true
		case strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s"):
			return true
		case toks[j].punct || toks[j].capitalized():
			return false
		}
	}
	return false
}

// ownerBefore reads the owner of a document named at i: "AccuWeather's
// latest estimate" → AccuWeather; "X raised its estimate" → X; "the Libyan
// Red Crescent figure" → the Libyan Red Crescent; none for "an estimate".
func (d *document) ownerBefore(toks []token, i int) []string {
	if k := i - 1; k > 0 && toks[k].capitalized() && !monthOrWeekday(toks[k].lower) {
		start := k
		for start > 0 && toks[start-1].capitalized() && !toks[start-1].punct && toks[start-1].lower != "the" {
			start--
		}
		if start > 0 && (toks[start-1].lower == "the" || toks[start-1].lower == "a") {
			if chain := d.sourceChain(toks, start, i); len(chain) > 0 {
				return chain
			}
		}
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if (toks[k].lower == "its" || toks[k].lower == "their") && k > 0 {
			// "AccuWeather raised its estimate": the verb's subject owns
			// it; "according to its initial assessment" names no verb,
			// and the sentence's speaker stands.
			if functionWords[toks[k-1].lower] {
				return nil
			}
			if subject := d.subjectBefore(toks, k-1); subject < k-1 {
				return d.sourceChain(toks, subject, k-1)
			}
			return nil
		}
		if toks[k].punct {
			return nil
		}
		owner, ok := possessive(toks[k])
		if !ok {
			continue
		}
		start := k
		for start > 0 && (toks[start-1].capitalized() || toks[start-1].lower == "the") && !toks[start-1].punct {
			start--
		}
		owned := append(slices.Clone(toks[start:k]), owner)
		if !owner.capitalized() && !isReference(d, owner.text) {
			return nil // "the storm's overall toll": a storm counts nothing
		}
		if placeNamed(owned) && !headsBody(toks[k+1:i]) {
			// "Thailand's national death toll": a country's toll, counted
			// by somebody the words do not name.
			return nil
		}
		return d.sourceChain(owned, 0, len(owned))
	}
	return nil
}

// subjectBefore returns the index where the subject of the verb at i starts
// (i itself when there is none): back over auxiliaries and adverbs to the
// start of the clause, skipping an appositive between commas.
func (d *document) subjectBefore(toks []token, i int) int {
	if i > 0 && toks[i-1].lower == "and" {
		return i // a second verb of the same subject: "measured it … and said"
	}
	j := i - 1
	for {
		// Auxiliaries and adverbs: "had so far registered", "now count".
		for j >= 0 && (auxiliaries[toks[j].lower] || timeAdverbs[toks[j].lower] || toks[j].lower == "far" && j > 0 && toks[j-1].lower == "so" ||
			toks[j].lower == "so" && j+1 < len(toks) && toks[j+1].lower == "far" || strings.HasSuffix(toks[j].lower, "ly") && !toks[j].capitalized()) {
			j--
		}
		// "Gov. Roy Cooper on Wednesday estimated", "the ministry on Oct. 9 said".
		on := j
		for on >= 0 && on > j-6 && (dateWord(toks, on) || dateFiller[toks[on].lower] || toks[on].text == ".") {
			on--
		}
		if on == j || on < 0 || toks[on].lower != "on" {
			break
		}
		j = on - 1
	}
	// "Indivisible Chicago, one of the groups behind the event, said";
	// "Lavrov, who arrived in North Korea on Friday, also held talks".
	if j >= 0 && toks[j].text == "," {
		k := j - 1
		for k >= 0 && toks[k].text != "," {
			k--
		}
		// "its sheriff, Larry Leitha, said": the name after a title is the
		// speaker.
		if _, titled := d.lx.titles.endingAt(toks, k-1); k > 0 && titled && k+1 < j && capitalizedRun(toks[k+1:j]) {
			return k + 1
		}
		relative := k > 0 && (toks[k+1].text == "who" || toks[k+1].text == "which")
		// "UN agencies, relying on WHO data, now count": a participle's
		// phrase; "Kamal al-Siwi, head of the authority for …, said": a title.
		_, titled := d.lx.titles.at(toks, k+1)
		participle := k+1 < j && strings.HasSuffix(toks[k+1].lower, "ing") && !toks[k+1].capitalized()
		// A relative clause may run longer than an appositive: "Asheville
		// police, who had a list of 155 people reported missing in the
		// city a week after the storm, said".
		if k > 0 && (j-k < 16 || relative && j-k < 28) && (relative || titled || participle || !d.isVerbPhrase(toks, k+1, j)) {
			j = k - 1
		} else {
			return i
		}
	}
	end := j + 1
	for j >= 0 && end-j <= 12 {
		t := toks[j]
		if t.text == ")" {
			for j >= 0 && toks[j].text != "(" {
				j--
			}
			j = max(j-1, -1)
			continue
		}
		if t.punct && t.text != "'" && t.text != "’" && t.text != "&" {
			break
		}
		// "told AFP the ministry had registered": a "the" after a name
		// opens the subject; the name is the object of another verb.
		if t.lower == "the" && j > 0 && toks[j-1].capitalized() && j < end-1 {
			j--
			break
		}
		if (t.lower == "in" || t.lower == "at") && j > 0 && !toks[j-1].punct && !functionWords[toks[j-1].lower] && j < end-1 {
			j-- // "the government delegation in the capital said"
			continue
		}
		// "an assessment provided to Congress", "figures released by the
		// county": a participle's phrase describes the subject.
		if (t.lower == "to" || t.lower == "by") && j > 1 && strings.HasSuffix(toks[j-1].lower, "ed") && !toks[j-1].capitalized() && j < end-1 {
			j -= 2
			continue
		}
		if functionWords[t.lower] && !isName(t) && !(t.capitalized() && j > 0 && toks[j-1].capitalized()) && t.lower != "of" && t.lower != "the" && t.lower != "and" && t.lower != "for" && t.lower != "a" && t.lower != "an" {
			if t.lower == "he" || t.lower == "she" || t.lower == "they" || t.lower == "it" {
				if j == end-1 {
					return j
				}
			}
			break
		}
		if _, isVerb := d.lx.speech.at(toks, j); isVerb && j < end-1 && !d.determinerBefore(toks, j) {
			break
		}
		if _, isMeasure := d.lx.measures.at(toks, j); isMeasure && !t.capitalized() {
			break
		}
		j--
	}
	start := j + 1
	for start < end && (toks[start].lower == "and" || toks[start].lower == "of" || toks[start].lower == "for") {
		start++
	}
	if start >= end {
		return i
	}
	return start
}

// isVerbPhrase reports whether toks[from:to] holds a verb we know, which
// makes a comma-bounded stretch a clause rather than an appositive.
func (d *document) isVerbPhrase(toks []token, from, to int) bool {
	for k := from; k < to; k++ {
		if _, ok := d.lx.measures.at(toks, k); ok && !toks[k].capitalized() {
			return true
		}
		if _, ok := d.lx.speech.at(toks, k); ok {
			return true
		}
	}
	return false
}

// relativeAntecedent finds who "who" refers to: "G. Keith Still, a crowd
// scientist at the University of Suffolk, who put …".
func (d *document) relativeAntecedent(toks []token, who int) []string {
	j := who - 1
	if j >= 0 && toks[j].text == "," {
		j--
	}
	// Skip one appositive ", a crowd scientist at the University of
	// Suffolk" or participle phrase ", released on Wednesday": "a survey by
	// ADP, released on Wednesday, which estimated" is the survey's.
	k := j
	for k >= 0 && toks[k].text != "," {
		k--
	}
	if k > 0 && k+1 < len(toks) {
		if w := toks[k+1].lower; w == "a" || w == "an" || w == "the" || strings.HasSuffix(w, "ed") && !toks[k+1].capitalized() {
			j = k - 1
		}
	}
	end := j + 1
	for j >= 0 && (toks[j].capitalized() || toks[j].text == ".") {
		j--
	}
	if j+1 >= end {
		return nil
	}
	return []string{joinTokens(d.doc.Text, toks[j+1:end])}
}

// relativeCiting reads "X, which, citing Y, said" before the verb at i: the
// index of "which" (or "who") and of the first word Y names.
func relativeCiting(toks []token, i int) (who, cited int, ok bool) {
	if i < 5 || toks[i-1].text != "," {
		return 0, 0, false
	}
	k := i - 2
	for k > 0 && toks[k].text != "," {
		k--
	}
	if k < 2 || toks[k+1].lower != "citing" && toks[k+1].lower != "quoting" || toks[k-1].lower != "which" && toks[k-1].lower != "who" {
		return 0, 0, false
	}
	return k - 1, k + 2, true
}

// citingAppositive reads "X, citing Y, said" before the verb at i: the
// index of the comma after X and of the first word Y names.
func citingAppositive(toks []token, i int) (comma, cited int, ok bool) {
	if i < 4 || toks[i-1].text != "," {
		return 0, 0, false
	}
	k := i - 2
	for k > 0 && toks[k].text != "," {
		k--
	}
	if k < 1 || toks[k+1].lower != "citing" && toks[k+1].lower != "quoting" || toks[k-1].punct {
		return 0, 0, false
	}
	return k, k + 2, true
}

// relativePronounBefore is the index of the "which" or "who" a few words
// before i, or -1.
func relativePronounBefore(toks []token, i int) int {
	for j := i - 1; j >= 0 && j >= i-4 && !toks[j].punct; j-- {
		if toks[j].lower == "which" || toks[j].lower == "who" {
			return j
		}
	}
	return -1
}

// insideRelative reports a verb in a relative clause ("which the military
// says happens"): it explains a word, it does not attribute the sentence.
func insideRelative(toks []token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		switch toks[j].lower {
		case "which", "that":
			return true
		}
		if toks[j].punct {
			return false
		}
	}
	return false
}

// phraseEnd is where a source phrase after "according to" or "citing" ends:
// at a comma, a stop, or a verb.
func phraseEnd(toks []token, from int) int {
	j := from
	for j < len(toks) {
		t := toks[j]
		if t.text == "," && listContinues(toks, j) {
			j++
			continue
		}
		if t.punct && t.text != "(" && t.text != ")" && t.text != "'" && t.text != "’" && t.text != "&" && t.text != "-" {
			break
		}
		if t.lower == "that" || t.lower == "who" || t.lower == "which" || t.lower == "on" || t.lower == "in" && j > from+1 && !toks[j+min(1, len(toks)-j-1)].capitalized() {
			break
		}
		if j > from && (t.lower == "said" || t.lower == "says") {
			break // "as per a ministry statement said"
		}
		j++
	}
	return j
}

// listContinues reports a comma inside a list of names: "South Korean, U.S.
// and Ukrainian officials".
func listContinues(toks []token, comma int) bool {
	if comma+1 >= len(toks) || !toks[comma+1].capitalized() {
		return false
	}
	for j := comma + 1; j < len(toks) && j <= comma+4; j++ {
		if toks[j].lower == "and" {
			return true
		}
		if toks[j].punct {
			return false
		}
	}
	return false
}

func clauseEnd(toks []token, from, limit int) int {
	for j := from; j < limit; j++ {
		if toks[j].text == "," {
			return j
		}
	}
	return limit
}

// clauseEndOffset is the byte offset where the clause after a verb ends: at a
// semicolon, or at ", and" followed by a new subject with its own verb.
func clauseEndOffset(s *sentenceInfo, toks []token, from int) int {
	for j := from; j < len(toks); j++ {
		if toks[j].text == ";" {
			return toks[j].start
		}
		if toks[j].text == "," && j+2 < len(toks) && toks[j+1].lower == "and" && (toks[j+2].lower == "he" || toks[j+2].lower == "she" || toks[j+2].lower == "they") {
			return toks[j].start
		}

	}
	return s.End
}

func anyNumberBefore(s *sentenceInfo, offset int) bool {
	for _, n := range s.numbers {
		if n.End <= offset {
			return true
		}
	}
	return false
}

func anyNumberAfter(s *sentenceInfo, offset int) bool {
	for _, n := range s.numbers {
		if n.Start >= offset {
			return true
		}
	}
	return false
}

func indexWord(toks []token, from int, w string) int {
	for j := from; j < len(toks) && j < from+24; j++ {
		if toks[j].lower == w {
			return j
		}
	}
	return -1
}

func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

// knownOutletAt finds an outlet name that ends at toks[i] ("Bloomberg News",
// "the Guardian").
func knownOutletAt(toks []token, i int) string {
	if i < 0 || i >= len(toks) || outletsCapitalized && !toks[i].capitalized() && toks[i].lower != "the" && !isDigitWord(toks[i].lower) {
		return ""
	}
	for n := 1; n <= 3 && i-n+1 >= 0; n++ {
		name := joinTokensText(toks[i-n+1 : i+1])
		if c, ok := IsOutlet(name); ok {
			return c
		}
	}
	for n := 1; n <= 3 && i+n <= len(toks); n++ {
		name := joinTokensText(toks[i : i+n])
		if c, ok := IsOutlet(name); ok {
			return c
		}
	}
	return ""
}

func joinTokensText(toks []token) string {
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.text
	}
	return strings.Join(words, " ")
}

// learn records an alias found in the text.
func (d *document) learn(alias, full string) {
	full = strings.TrimSpace(full)
	for _, det := range []string{"the ", "The "} {
		full = strings.TrimPrefix(full, det)
	}
	if alias == "" || full == "" {
		return
	}
	d.aliases[strings.ToLower(alias)] = full
}

// learnAliases reads "X (ABBR)" and "ABBR stands for X" / "known as".
func (d *document) learnAliases(s *sentenceInfo) {
	toks := s.toks
	for i := 2; i+1 < len(toks); i++ {
		if toks[i-1].text == "(" && toks[i+1].text == ")" && isAcronym(toks[i].text) {
			start := i - 2
			for start > 0 && (toks[start-1].capitalized() || toks[start-1].lower == "of" || toks[start-1].lower == "and" || toks[start-1].lower == "for") {
				start--
			}
			for start < i-1 && !toks[start].capitalized() {
				start++
			}
			if start < i-1 {
				d.learn(toks[i].text, joinTokens(d.doc.Text, toks[start:i-1]))
			}
		}
		// "the Main Intelligence Directorate, known as HUR"
		if phraseAt(toks, i, []string{"known", "as"}) && i > 1 && toks[i-1].text == "," && i+2 < len(toks) && isAcronym(toks[i+2].text) {
			start := i - 2
			for start > 0 && (toks[start-1].capitalized() || toks[start-1].lower == "of" || toks[start-1].lower == "and") {
				start--
			}
			if toks[start].capitalized() {
				d.learn(toks[i+2].text, joinTokens(d.doc.Text, toks[start:i-1]))
			}
		}
		if phraseAt(toks, i, []string{"stands", "for"}) && i > 0 {
			d.learn(toks[i-1].text, joinTokens(d.doc.Text, toks[i+2:phraseEnd(toks, i+2)]))
		}
	}
}

func isAcronym(s string) bool {
	if len(s) < 2 || len(s) > 8 {
		return false
	}
	upper := 0
	for _, r := range s {
		if r >= 'A' && r <= 'Z' {
			upper++
		}
	}
	return upper >= 2
}

// rememberEntities records the sources this sentence named, and the
// organizations and people it mentions, for later "the agency" or "he".
func (d *document) rememberEntities(s *sentenceInfo, anchors []anchor) {
	toks := s.toks
	for i := 0; i < len(toks); {
		if !toks[i].capitalized() || i == 0 && functionWords[toks[i].lower] {
			i++
			continue
		}
		j := i
		for j < len(toks) && (toks[j].capitalized() || (toks[j].lower == "of" || toks[j].lower == "for" || toks[j].lower == "and") && j+1 < len(toks) && toks[j+1].capitalized()) {
			j++
		}
		// As personName, then without a leading "The" or a possessive.
		run := d.nameAfterTitle(toks[i:j])
		if len(run) > 0 && run[0].text == "The" {
			run = run[1:]
		}
		if n := len(run); n > 0 {
			if owner, ok := possessive(run[n-1]); ok {
				run = append(run[:n-1:n-1], owner)
			}
			if kind := entityKind(run); kind != "" {
				d.remember(entity{name: joinTokens(d.doc.Text, run), kind: kind})
			}
		}
		i = j
	}
	for _, a := range anchors {
		if len(a.chain) == 0 {
			continue
		}
		name := d.personName(a.chain[len(a.chain)-1])
		toks := tokenize(name, 0, len(name))
		kind := entityKind(toks)
		switch {
		case kind != "":
		case len(toks) == 1 && toks[0].capitalized() && claims.CountryOf(toks[0].lower) == "" && !isAcronym(toks[0].text):
			kind = "org"
			if _, isOutlet := IsOutlet(name); !isOutlet {
				kind = "person"
			}
		default:
			kind = "org"
		}
		d.remember(entity{name: name, kind: kind})
	}
}

// recalledEntities is how many of the latest named sources, at least, a
// reference ("the agency", "he", "Smith") can mean. A news article names a few dozen; a data
// dump or a live blog stored as one file can name tens of thousands, and
// looking through all of them for every reference would make reading
// quadratic in the article's length.
const recalledEntities = 256

// remember records a named source, forgetting those too far back to be
// recalled; the slice is cut only when it holds twice the window, so that
// remembering costs constant time on average.
func (d *document) remember(e entity) {
	if len(d.entities) == 2*recalledEntities {
		d.entities = append(d.entities[:0], d.entities[recalledEntities:]...)
	}
	e.lower = strings.ToLower(e.name)
	if e.kind == "person" {
		// Spaced as Fields splits it, so that personNamed's first and last
		// words are the same a tab or a no-break space between them or not.
		if words := strings.Fields(d.personName(e.name)); len(words) >= 2 {
			e.fullName = strings.Join(words, " ")
		}
	}
	d.entities = append(d.entities, e)
}

// livesWithin reports "lives" a few words after from, within the clause:
// "claimed at least 2,719 lives", "claimed the lives of 300".
func livesWithin(toks []token, from int) bool {
	for k := from; k < len(toks) && k < from+6 && !toks[k].punct; k++ {
		if toks[k].lower == "lives" {
			return true
		}
	}
	return false
}

// placeNamed reports words that name a country, a place in one or a region:
// a place, not a source.
func placeNamed(words []token) bool {
	name := joinTokensText(words)
	return claims.CountryOf(name) != "" || claims.IsRegionName(name)
}

// headsBody reports words that hold the head of a body's name: "defence
// ministry" in "Russia's defence ministry figures".
func headsBody(words []token) bool {
	for _, w := range words {
		if orgHeads[w.lower] == "org" {
			return true
		}
	}
	return false
}

// The groups of data/org_heads.txt: orgHeads maps the head words of a
// body's name to the kind of entity it names ("org" or "report"),
// alikeHeads holds the heads that may stand for one another, and
// genericHeads those that may refer to any body.
var orgHeads, alikeHeads, genericHeads = loadOrgHeads()

func loadOrgHeads() (map[string]string, [][]string, map[string]bool) {
	heads := map[string]string{}
	var alike [][]string
	generic := map[string]bool{}
	for _, f := range dataLines("org_heads.txt") {
		switch f[0] {
		case "org", "report":
			for _, w := range f[1:] {
				heads[strings.ToLower(w)] = f[0]
			}
		case "alike":
			alike = append(alike, f[1:])
		case "generic":
			for _, w := range f[1:] {
				generic[w] = true
			}
		}
	}
	return heads, alike, generic
}

// entityKind guesses whether capitalized words name an organization (by its
// head word), a person (two to four capitalized words that are no place,
// date or common capitalized noun) or neither.
func entityKind(toks []token) string {
	if len(toks) == 0 {
		return ""
	}
	for _, t := range toks {
		if k, ok := orgHeads[t.lower]; ok {
			return k
		}
	}
	if len(toks) < 2 || len(toks) > 4 {
		return ""
	}
	if claims.CountryOf(joinTokensText(toks)) != "" {
		return ""
	}
	for _, t := range toks {
		w := strings.TrimSuffix(strings.TrimSuffix(t.lower, "'s"), "’s")
		isPlace := claims.CountryOf(w) != ""
		_, isMonth := monthNames[w]
		if isPlace || isMonth || notNameWords[w] || t.lower == "and" || t.lower == "of" || !t.capitalized() || strings.HasSuffix(w, "ing") {
			return ""
		}
	}
	return "person"
}

// notNameWords are capitalized words that do not occur in people's names.
var notNameWords = wordSet("not_names.txt")

// lastEntity finds the most recent entity a reference can mean.
func (d *document) lastEntity(kind, ref string) (entity, bool) {
	head := lastWord(ref)
	for i := len(d.entities) - 1; i >= 0; i-- {
		e := d.entities[i]
		switch {
		case kind == "any", kind == "org" && e.kind == "org" && (ref == "it" || ref == "they"):
			return e, true
		case kind == "person" && e.kind == "person":
			return e, true
		case kind == "report" && (e.kind == "report" || e.kind == "org" && strings.Contains(e.lower, "institute")):
			return e, true
		case kind == "report" && documents[head] && e.kind == "org":
			return e, true // "the update said": the body last named published it
		case kind == "org" && e.kind == "org" && orgCompatible(head, e.lower):
			return e, true
		}
	}
	return entity{}, false
}

// orgCompatible: "the agency" can mean an agency or an intelligence service,
// "the ministry" a ministry or department; name is in lower case.
func orgCompatible(head, name string) bool {
	if genericHeads[head] {
		return true
	}
	for _, group := range alikeHeads {
		if slices.Contains(group, head) {
			return slices.ContainsFunc(group, func(w string) bool { return strings.Contains(name, w) })
		}
	}
	return strings.Contains(name, head)
}

// personNamed finds the person an earlier sentence named in full whose first
// or last name is word.
func (d *document) personNamed(word string) (entity, bool) {
	for i := len(d.entities) - 1; i >= 0; i-- {
		name := d.entities[i].fullName
		if name == "" {
			continue
		}
		first, _, _ := strings.Cut(name, " ")
		if first == word || name[strings.LastIndexByte(name, ' ')+1:] == word {
			return entity{name: name, kind: "person", fullName: name}, true
		}
	}
	return entity{}, false
}

// entityEndingWith finds the latest source whose name ends with the words of
// a definite description ("the air force" → "Ukrainian air force").
func (d *document) entityEndingWith(desc string) (entity, bool) {
	for i := len(d.entities) - 1; i >= 0; i-- {
		n := d.entities[i].lower
		if n != desc && strings.HasSuffix(n, " "+desc) {
			return d.entities[i], true
		}
	}
	return entity{}, false
}
