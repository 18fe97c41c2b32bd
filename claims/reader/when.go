package reader

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"claimtrack/claims"
	"claimtrack/claims/reader/dates"
)

// when sets the date a figure describes and the period it covers. The date
// named nearest the figure in its own clause wins; a figure about an event
// ("the crowd", "the quake") without one takes the event's date named
// earlier; "over that period" and "that total" take the previous figure's
// time; otherwise the figure is as of the publication date.
func (d *document) when(s *sentenceInfo, c *claims.Claim, earlier []claims.Claim) {
	m, ok := d.nearestDate(s, c)
	if ok && m.From.IsZero() {
		// "marched yesterday … for the last protest day on April 6" in an
		// article with no day of its own: the figure's date is unknown,
		// and another figure's or the event's would be wrong.
		return
	}
	// "June's gain now stands at 179,000, down from the 206,000 it had
	// reported a month ago": the earlier value of a figure is of that
	// figure's time; the date after it is of the report.
	if n := len(earlier); n > 0 && !earlier[n-1].Period.IsZero() && (!ok || d.reportedAfter(s, c, m)) && c.Earlier {
		c.AsOf, c.Period = earlier[n-1].AsOf, earlier[n-1].Period
		return
	}
	if ok {
		// "600,000 troops have been killed since Moscow invaded Ukraine in
		// February 2022": a running figure from that date to the day it is
		// given.
		if d.runningSince(s, c, m) {
			c.Period = claims.Period{Start: claims.Date{Time: m.From}, End: d.ref, Precision: claims.PrecisionDay}
			c.AsOf = d.ref
			return
		}
		if m.Kind == dates.KindPeriod || m.Precision != claims.PrecisionDay || m.From != m.To {
			c.Period = claims.Period{Start: claims.Date{Time: m.From}, End: claims.Date{Time: m.To}, Precision: m.Precision}
			end := m.To
			if !d.ref.IsZero() && end.After(d.ref.Time) {
				end = d.ref.Time
			}
			c.AsOf = claims.Date{Time: end}
		} else {
			c.AsOf = claims.Date{Time: m.From}
		}
		return
	}
	if refersToEarlierTime(s.toks) {
		for _, list := range [][]claims.Claim{earlier, d.claims} {
			if len(list) > 0 {
				prev := list[len(list)-1]
				c.AsOf, c.Period = prev.AsOf, prev.Period
				return
			}
		}
	}
	class, scope := claims.MeasureClass(c.Measure)
	if scope == claims.ScopeEvent {
		// The event's date: that of the article's last figure of the same
		// kind of event ("launched over 300 missiles and drones yesterday
		// … included 30 cruise missiles"), else the last day it named.
		if prev, ok := d.lastEvent(class, earlier); ok {
			c.AsOf, c.Period = prev.AsOf, prev.Period
			return
		}
		if !d.eventDate.IsZero() {
			c.AsOf = d.eventDate
			return
		}
	}
	// A statistic with no date of its own is of the article's reporting
	// period: that of its first figure of the same unit given for a month or
	// months ("added 114,000 jobs in July", "in the year to March"). A
	// running count is as of the day it is given.
	if scope != claims.ScopeCumulative {
		first, ok := d.firstMonthly[c.Unit]
		for k := 0; k < len(earlier) && !ok; k++ {
			first, ok = earlier[k], earlier[k].Period.Precision == claims.PrecisionMonth && earlier[k].Unit == c.Unit
		}
		// Failing that, the month of the lead's figure ("Employers added
		// 254,000 jobs in September … The unemployment rate fell to
		// 4.1%"), unless the clause says it is of today ("now").
		if !ok && !d.leadMonthly.AsOf.IsZero() && !saysNow(s.toks) {
			first, ok = d.leadMonthly, true
		}
		if ok {
			c.AsOf, c.Period = first.AsOf, first.Period
			return
		}
	}
	c.AsOf = d.ref
}

// refersToEarlierTime reports "that period", "the same period", "that
// total" or "that time": the previous figure's time.
func refersToEarlierTime(toks []token) bool {
	for i := 1; i < len(toks); i++ {
		switch toks[i].lower {
		case "period", "total", "time":
			if toks[i-1].lower == "that" || toks[i].lower == "period" && toks[i-1].lower == "same" && i > 1 && toks[i-2].lower == "the" {
				return true
			}
		}
	}
	return false
}

// lastEvent is the article's latest figure, in this sentence or before,
// whose measure is of class: a figure of an event the text does not date
// again is of that event, and of its time.
func (d *document) lastEvent(class string, sentence []claims.Claim) (claims.Claim, bool) {
	for k := len(sentence) - 1; k >= 0; k-- {
		if c := sentence[k]; datedEvent(c) {
			if cl, _ := claims.MeasureClass(c.Measure); cl == class {
				return c, true
			}
		}
	}
	c, ok := d.lastOfClass[class]
	return c, ok
}

// datedEvent reports a figure with a date and a measure, which a later
// figure of the same kind of event may take its time from.
func datedEvent(c claims.Claim) bool { return !c.AsOf.IsZero() && c.Measure != "" }

// runningSince reports a date m that starts a running figure: "since" stands
// before it in its clause ("killed since Moscow invaded Ukraine in February
// 2022", "Since the start of the invasion in February 2022, Russia has
// lost"), and it lies before the day the figure is given.
func (d *document) runningSince(s *sentenceInfo, c *claims.Claim, m dates.Mention) bool {
	if d.ref.IsZero() || !m.From.Before(d.ref.Time) {
		return false
	}
	from := s.Start
	if m.Start > c.End {
		from = c.End
	}
	if m.Start <= from {
		return false
	}
	clause := strings.ToLower(d.doc.Text[from:m.Start])
	since := strings.LastIndex(clause, "since ")
	return since >= 0 && (since == 0 || clause[since-1] == ' ') && !strings.ContainsAny(clause[since:], ",;")
}

// figureNounAfter reports a noun after a date's "'s" at offset that names a
// figure, as its first or second word ("June's gain", "June's revised
// gain", "Tuesday's report"): the words predicate_words.txt lists as
// documents, and those of figureNouns.
func figureNounAfter(text string, at int) bool {
	rest := text[at:min(at+40, len(text))]
	rest = strings.TrimPrefix(strings.TrimPrefix(rest, "'s"), "’s")
	fields := strings.Fields(strings.ToLower(rest))
	if len(fields) > 0 {
		if r, _ := utf8.DecodeRuneInString(fields[0]); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return true // "September's — first reported at 254,000 —": the figure's noun is understood
		}
	}
	for k := 0; k < 2 && k < len(fields); k++ {
		if w := strings.Trim(fields[k], ".,;:"); figureNouns[w] || documents[w] {
			return true
		}
	}
	return false
}

// figureNouns are nouns for a figure's change over its period
// (predicate_words.txt).
var figureNouns = predicateWords["figure noun"]

// comparedWords introduce a figure set against another: "from 4.3% in
// July", "after gaining 0.3% in June", "compared with 206,000 in June".
var comparedWords = map[string]bool{"from": true, "after": true, "with": true, "than": true}

// comparedFigureBetween reports a figure of the sentence between offsets
// from and to that a word of comparison introduces.
func comparedFigureBetween(s *sentenceInfo, from, to int) bool {
	for _, n := range s.numbers {
		if n.Start < from || n.End > to {
			continue
		}
		k := tokenAt(s.toks, n.Start)
		for k > 0 && (s.toks[k-1].lower == "the" || s.toks[k-1].lower == "gaining" || s.toks[k-1].lower == "rising" || s.toks[k-1].lower == "a") {
			k--
		}
		if k > 0 && comparedWords[s.toks[k-1].lower] {
			return true
		}
	}
	return false
}

// reportedAfter reports a date after figure c that a verb of reporting
// introduces: "the 206,000 it had reported a month ago". Not the whole
// speech lexicon: its "added" and "found" say a figure's change there
// (tried: as-of 0.852 → 0.849).
func (d *document) reportedAfter(s *sentenceInfo, c *claims.Claim, m dates.Mention) bool {
	for k := tokenAt(s.toks, c.End); k < len(s.toks) && s.toks[k].start < m.Start; k++ {
		if w := s.toks[k].lower; w == "reported" || w == "said" || w == "announced" || w == "published" {
			return true
		}
	}
	return false
}

// baselineDate reports a date a comparison introduces, that of the figure
// set against: "rose 0.4 percent from July", "3.8 percent higher than a
// year earlier", "compared with a year ago".
func baselineDate(s *sentenceInfo, m dates.Mention) bool {
	if m.Kind == dates.KindPeriod {
		return false
	}
	k := tokenAt(s.toks, m.Start) - 1
	return k >= 0 && s.toks[k].lower != "after" && comparedWords[s.toks[k].lower]
}

// inRelativeBefore reports a date whose clause, before it, opens with a
// relative pronoun and, after it, reaches the figure through the main verb's
// auxiliary: "the quake that struck on Monday | has killed 13".
func inRelativeBefore(before, after string) bool {
	if !strings.Contains(before, " that ") && !strings.Contains(before, " which ") || strings.Contains(before, " said that ") ||
		strings.Contains(before, " says that ") {
		return false // "officials said that on Monday the storm had killed 13": reported speech
	}
	for _, aux := range []string{" has ", " have ", " had "} {
		if strings.Contains(" "+after, aux) {
			return true
		}
	}
	return false
}

// nearestDate picks the resolved date mention closest to the figure within
// its clause; mentions that are part of the source's words ("said on
// Tuesday") count too, as the day the figure was given.
func (d *document) nearestDate(s *sentenceInfo, c *claims.Claim) (dates.Mention, bool) {
	var best dates.Mention
	bestDist := -1
	for _, m := range s.dates {
		if m.Kind == dates.KindDuration || m.Kind == dates.KindTime {
			continue
		}
		if m.Start < c.End && m.End > c.Start || baselineDate(s, m) {
			continue
		}
		// "last month's wildfire", "Friday's quake": a date that modifies
		// a noun names an event, not the figure's time, unless the noun is
		// a figure's own ("June's gain now stands at 179,000" is June's).
		if rest := d.doc.Text[m.End:min(m.End+4, len(d.doc.Text))]; (strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s")) &&
			!figureNounAfter(d.doc.Text, m.End) {
			continue
		}
		dist := m.Start - c.End
		between := ""
		if m.End <= c.Start {
			dist = c.Start - m.End
			between = d.doc.Text[m.End:c.Start]
			if strings.ContainsAny(between, ";") {
				continue
			}
			// "The earthquake that rattled the county around midnight Monday
			// has killed 13 people": a date in a relative clause on the
			// subject dates the subject, not the figure its verb gives.
			if inRelativeBefore(strings.ToLower(d.doc.Text[s.Start:m.Start]), strings.ToLower(between)) {
				continue
			}
		} else if m.Start >= c.End {
			between = d.doc.Text[c.End:m.Start]
			// "held 385 names; a week ago Green said": a semicolon ends the
			// figure's clause, after it as before it.
			if strings.ContainsAny(between, ";") {
				continue
			}
			// "…, which it said would make the fire the costliest since
			// Iniki in 1992": a relative clause after the figure says
			// something else.
			if strings.Contains(between, ", which") || strings.Contains(between, ", who") {
				continue
			}
			// "dipped to 4.2 percent from 4.3 percent in July": the date
			// is the figure's it follows, set against this one.
			if comparedFigureBetween(s, c.End, m.Start) {
				continue
			}
		}
		if strings.Contains(between, ",") {
			dist += len(s.text) // another clause's date only when the figure's own has none
		}
		if bestDist < 0 || dist < bestDist {
			best, bestDist = m, dist
		}
	}
	return best, bestDist >= 0
}

// yearsBack is how far before today (or after the latest year the text
// mentions) a year-less dateline's year is looked for.
const yearsBack = 12

// inferPublication works out the year of a dateline that gives only a month
// and a day from the weekdays the article names. Wire copy names the day of
// its news in its first sentences: the dateline's own day or the one before
// ("said on Tuesday", "made landfall late on Thursday"). The candidates are
// the years, not before the latest year the text mentions, whose dateline
// day is the first weekday the text names, or the day after it. It prefers
// a year near the ledger's other articles of the dateline's city (nearby),
// then one whose dateline day is that weekday itself, then the latest not
// after today: articles are read soon after they are written, and an
// article's own years are often history. Without today it takes the
// earliest. It returns why it inferred nothing, or "".
func inferPublication(doc *claims.Document, today claims.Date, nearby func(string, claims.Date) bool) (missing string) {
	latestYear, first := textYearAndWeekday(doc, today)
	if first < 0 {
		return "the text names no weekday"
	}
	from, to := latestYear, latestYear+yearsBack
	if !today.IsZero() {
		from, to = max(latestYear, today.Year()-yearsBack), today.Year()
	}
	if from == 0 {
		return "the text mentions no year"
	}
	// best is the year chosen; alone the one chosen without the ledger, to
	// say whether the ledger decided.
	best, bestScore, alone, aloneScore := 0, 0, 0, 0
	city := doc.DatelineCity()
	for y := from; y <= to; y++ {
		day := claims.NewDate(y, doc.DatelineMonth, doc.DatelineDay)
		if day.Month() != doc.DatelineMonth || !today.IsZero() && day.After(today.Time) {
			continue // no such day that year (Feb 29), or not yet
		}
		score := 0
		switch day.Weekday() {
		case first:
			score = 4
		case (first + 1) % 7:
			score = 2
		default:
			continue
		}
		if score > aloneScore || score == aloneScore && !today.IsZero() {
			alone, aloneScore = y, score
		}
		if nearby != nil && nearby(city, day) {
			score += 8
		}
		if score > bestScore || score == bestScore && !today.IsZero() {
			best, bestScore = y, score
		}
	}
	if best == 0 {
		return "no year puts the dateline's day on or after the first weekday the text names"
	}
	doc.Inferred = claims.NewDate(best, doc.DatelineMonth, doc.DatelineDay)
	bound := "the latest such year not after today"
	if today.IsZero() {
		bound = "the first such year not before " + strconv.Itoa(latestYear) + ", the latest year the text mentions"
	}
	if best != alone {
		bound = "the year of the ledger's articles near that day"
	}
	doc.InferredReason = "the text first names " + first.String() + " and the dateline's " +
		doc.DatelineMonth.String()[:3] + " " + strconv.Itoa(doc.DatelineDay) + " is a " + doc.Inferred.Weekday().String() +
		" in " + strconv.Itoa(best) + ", " + bound
	return ""
}

// textYearAndWeekday gives the latest year the text mentions, not after
// today, and the first weekday it names (-1: none).
func textYearAndWeekday(doc *claims.Document, today claims.Date) (latestYear int, first time.Weekday) {
	first = -1
	for _, s := range SplitSentences(doc.Text, doc.BodyStart) {
		for _, m := range dates.Scan(doc.Text[s.Start:s.End], time.Time{}, dates.Options{}) {
			if y := m.To.Year(); m.YearKnown && !m.From.IsZero() && y > latestYear && (today.IsZero() || y <= today.Year()) {
				latestYear = y
			}
			if m.Weekday && first < 0 {
				first = weekdayNamed(m.Text)
			}
		}
	}
	return latestYear, first
}

// inferYear works out the year of an article whose day cannot be known (no
// date header and no dateline, or a year-less dateline its weekdays do not
// place) from the ledger: the years of the dated articles that name the
// sources and places this one names. Each name has one vote, shared out
// among the years it was named in, so a name of one story (Derna, Buncombe
// County) outweighs one of every story (Reuters). The year must win at
// least one whole vote and twice the next year's, and lie between the
// latest year the text mentions and today. Month and day dates the text
// names then fall in that year; its weekdays stay unresolved. It returns
// why it inferred nothing, or "".
func inferYear(doc *claims.Document, today claims.Date, named func(string) map[int]bool) (missing string) {
	if named == nil {
		return "the ledger holds no dated article that names its sources or places"
	}
	latestYear, _ := textYearAndWeekday(doc, today)
	votes := map[int]float64{}
	voters := map[int][]string{} // names by year, strongest first once sorted
	weight := map[string]float64{}
	for _, name := range properNames(doc.Text[doc.BodyStart:]) {
		years := named(strings.ToLower(name))
		for y := range years {
			if y < latestYear || !today.IsZero() && y > today.Year() {
				continue
			}
			votes[y] += 1 / float64(len(years))
			voters[y] = append(voters[y], name)
			weight[name] = 1 / float64(len(years))
		}
	}
	best, second := 0, 0.0
	for y, v := range votes {
		if best == 0 || v > votes[best] || v == votes[best] && y > best {
			best = y
		}
	}
	for y, v := range votes {
		if y != best && v > second {
			second = v
		}
	}
	if best == 0 || votes[best] < 1 || votes[best] < 2*second {
		return "the ledger's dated articles that name its sources and places do not agree on a year"
	}
	names := voters[best]
	slices.SortStableFunc(names, func(a, b string) int { return cmp.Compare(weight[b], weight[a]) })
	if len(names) > 3 {
		names = names[:3]
	}
	doc.InferredYear = best
	doc.InferredReason = "year taken as " + strconv.Itoa(best) + ", that of the ledger's dated articles that name " +
		strings.Join(names, ", ") + ": dates it gives with a month fall in " + strconv.Itoa(best) + ", its weekdays stay unresolved"
	return ""
}

// maxNameWords bounds a proper name: "World Health Organization",
// "Karen Clark & Co." are a few words.
const maxNameWords = 4

// properNames lists, once each in text order, the runs of one to
// maxNameWords words that start with a capital letter and do not cross
// punctuation: the candidates for a name the ledger knows ("Derna", "World
// Health Organization", "Moody's RMS").
func properNames(text string) []string {
	var out []string
	seen := map[string]bool{}
	var words []string // the current run, with no punctuation between
	flush := func() {
		for i := range words {
			if r, _ := utf8.DecodeRuneInString(words[i]); !unicode.IsUpper(r) {
				continue
			}
			for j := i + 1; j <= len(words) && j-i <= maxNameWords; j++ {
				name := strings.Join(words[i:j], " ")
				// "Moody's RMS" is a name; "London's estimate" names London.
				for _, n := range []string{name, strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s")} {
					if !seen[n] {
						seen[n] = true
						out = append(out, n)
					}
				}
			}
		}
		words = words[:0]
	}
	start := -1
	for i, r := range text + "\n" {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || (start >= 0 && (r == '\'' || r == '’' || r == '-' || r == '&'))
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			words = append(words, strings.TrimRight(text[start:i], "'’-"))
			start = -1
			if r != ' ' {
				flush()
			}
		case !inWord && r != ' ':
			flush()
		}
	}
	return out
}

func weekdayNamed(text string) time.Weekday {
	lower := strings.ToLower(text)
	for d, name := range weekdayNames {
		if strings.Contains(lower, name) {
			return time.Weekday(d)
		}
	}
	return -1
}

// weekdayNames are the weekdays' names in lower case, Sunday first.
var weekdayNames = [7]string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

// saysNow reports a sentence that dates itself to the day it is written:
// "Russia was now devoting more than 40% of its public spending".
func saysNow(toks []token) bool {
	for _, t := range toks {
		if t.lower == "now" || t.lower == "currently" {
			return true
		}
	}
	return false
}
