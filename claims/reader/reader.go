// Package reader turns English article text into claims: it parses a
// document's header (date, dateline, outlet), splits sentences, and reads
// each figure's value, qualifier, unit, measure, place, date and attribution,
// and the events the text reports. Numbers and dates are read by its
// subpackages numbers and dates; its own word lists are in data/, the
// vocabulary it shares with the reconciler in the claims package.
package reader

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"claimtrack/claims"
	"claimtrack/claims/reader/dates"
	"claimtrack/claims/reader/numbers"
)

// Reader turns an article into claims. It holds only its word lists, so one
// Reader may read many documents, one at a time per goroutine.
type Reader struct{ lx *lexicon }

// NewReader returns a reader with the built-in word lists.
func NewReader() *Reader { return &Reader{lx: vocabulary} }

// ClaimID derives a claim's id from its document's content and its span, so
// the same text always yields the same ids: the first 4 hex digits of the
// document's hash, then 12 of a hash of the span. The claims of one
// document thus sit together in the index on ids, and storing an article
// touches a page or two of it rather than one per claim (ids hashed whole
// made ingest three times slower on a ledger of millions of claims), while
// the 8 digits reports show still tell a document's claims apart. An id a
// spreadsheet would read as a number is made safe (claims.SpreadsheetSafe).
func ClaimID(docHash string, start, end int) string {
	sum := sha256.Sum256([]byte(docHash + ":" + strconv.Itoa(start) + ":" + strconv.Itoa(end)))
	span := hex.EncodeToString(sum[:8])
	if len(docHash) < 4 {
		return claims.SpreadsheetSafe(span)
	}
	return claims.SpreadsheetSafe(docHash[:4] + span[:12])
}

// sentenceInfo is what the reader keeps of one sentence while reading it.
type sentenceInfo struct {
	Sentence
	text    string // the sentence's own text
	toks    []token
	numbers []numbers.Number // offsets relative to the document
	dates   []dates.Mention  // offsets relative to the document
	sourced bool             // it names a source (an attribution anchor)
}

// document is the reader's working state for one article: what was named
// so far, so later sentences can refer back to it.
type document struct {
	lx        *lexicon
	doc       *claims.Document
	ref       claims.Date
	sentences []sentenceInfo
	claims    []claims.Claim
	// Indexes of claims, kept as they are added (see addClaims) so that no
	// figure looks through all those before it: the latest attribution of
	// each kind of figure, and the first figure of each unit given for a
	// month.
	lastReport   map[figureKind]claims.Claim
	firstMonthly map[string]claims.Claim
	// lastOfClass is the latest dated figure of each measure class (lastEvent).
	lastOfClass map[string]claims.Claim
	// leadMonthly is the article's first quantity for a month in its lead
	// paragraphs: its reporting period.
	leadMonthly claims.Claim
	// leadStart is the paragraph where the lead starts (firstFigureParagraph).
	leadStart int
	// entities are the sources named most recently, the latest last; at most
	// 2×recalledEntities (see remember).
	entities []entity
	// aliases learned from the text: "USGS" → "U.S. Geological Survey".
	aliases map[string]string
	// lastAttribution is the attribution of the previous sentence that had one,
	// and the paragraph it was in.
	lastAttribution     []string
	lastAttributionPara int
	// personNames remembers personName's answers: an article names its
	// sources again and again.
	personNames map[string]string
	// eventDate is the latest day-precision date the article has named, for
	// figures about that event ("the crowd", "the quake").
	eventDate claims.Date
}

// Read extracts the claims of a document. When the text gives no year it
// fills doc.Inferred with a publication date worked out from the text; it
// fills doc.Names with the names the article stresses.
func (r *Reader) Read(doc *claims.Document) []claims.Claim {
	d := &document{lx: r.lx, doc: doc, aliases: map[string]string{}, lastAttributionPara: -1, personNames: map[string]string{},
		lastReport: map[figureKind]claims.Claim{}, firstMonthly: map[string]claims.Claim{}, lastOfClass: map[string]claims.Claim{}}
	lower := lowerInPlace(doc.Text)
	seen := map[string]bool{}
	for _, s := range SplitSentences(doc.Text, doc.BodyStart) {
		text := doc.Text[s.Start:s.End]
		info := sentenceInfo{Sentence: s, text: text, toks: tokenizeLowered(doc.Text, lower, s.Start, s.End)}
		for _, n := range numbers.Scan(text) {
			n.Start += s.Start
			n.End += s.Start
			info.numbers = append(info.numbers, n)
		}
		// A headline or highlight repeated in the body states its figures once.
		if seen[text] {
			info.numbers = nil
		}
		seen[text] = true
		d.sentences = append(d.sentences, info)
	}
	d.ref = doc.Reference()
	for i := range d.sentences {
		s := &d.sentences[i]
		for _, m := range dates.Scan(s.text, d.ref.Time, dates.Options{Year: doc.InferredYear}) {
			m.Start += s.Start
			m.End += s.Start
			s.dates = append(s.dates, m)
		}
	}
	d.dropHeadlineRepeats()
	d.leadStart = d.firstFigureParagraph()
	for i := range d.sentences {
		d.read(i)
	}
	d.continueLeadReport()
	doc.Names = d.names()
	return d.claims
}

// sentenceAt returns the sentence that holds a document offset.
func (d *document) sentenceAt(offset int) *sentenceInfo {
	k, _ := slices.BinarySearchFunc(d.sentences, offset, func(s sentenceInfo, off int) int { return cmp.Compare(s.End, off+1) })
	return &d.sentences[min(k, len(d.sentences)-1)]
}

// isStatistic reports a figure for a month or a quarter: a release's.
func isStatistic(c claims.Claim) bool { return c.Period.Precision == claims.PrecisionMonth }

// leadParagraphs is how far into an article its lead report is looked for.
const leadParagraphs = 2

// inLead reports a claim in the article's lead: the first paragraphs that
// hold figures.
func (d *document) inLead(c claims.Claim) bool {
	return d.leadStart >= 0 && d.sentenceAt(c.Start).Paragraph-d.leadStart < leadParagraphs
}

// firstFigureParagraph is the first paragraph that holds a figure, -1 for
// none: where an article's lead starts.
func (d *document) firstFigureParagraph() int {
	for _, s := range d.sentences {
		if len(s.numbers) > 0 {
			return s.Paragraph
		}
	}
	return -1
}

// continueLeadReport gives the article's lead report, when it is a
// statistical release, to its other figures that no source claims: wire
// copy names the release behind its news once, near the top ("Nonfarm
// payrolls increased by 114,000 jobs last month, the Labor Department
// said"), and its other figures for a month or a quarter, or for no period
// at all, are the release's too ("the unemployment rate jumped to 4.3%",
// "average hourly earnings rose 0.2% after gaining 0.3% in June"). The lead
// report is the first figure's with a named source in the first
// paragraphs, and a release's when that figure is for a month or a
// quarter; a toll's report is not carried so (a city's population beside
// it is the outlet's own). A forecast or a possible figure is not a
// report's, nor a figure for a year or a span of years ("the largest
// downgrade since 2009").
func (d *document) continueLeadReport() {
	var lead claims.Attribution
	for _, c := range d.claims {
		if c.Attribution.Root != "" && c.Kind == claims.KindQuantity && c.Modality == claims.Actual {
			if d.inLead(c) && isStatistic(c) {
				lead = c.Attribution
			}
			break
		}
	}
	if lead.Root == "" {
		return
	}
	for i := range d.claims {
		c := &d.claims[i]
		if c.Attribution.Root == "" && c.Kind == claims.KindQuantity && c.Modality == claims.Actual && (isStatistic(*c) || c.Period.IsZero()) &&
			!d.sentenceAt(c.Start).sourced {
			c.Attribution = lead
		}
	}
}

// lowerInPlace returns text lower-cased byte for byte, so that its slices
// are the lower case of text's, or "" when a letter's lower case is longer
// or shorter ("İ").
func lowerInPlace(text string) string {
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if utf8.RuneLen(unicode.ToLower(r)) != size {
			return ""
		}
		i += size
	}
	return strings.ToLower(text)
}

// dropHeadlineRepeats forgets figures of a headline (a first line without a
// final stop) that the body states again: the body says them with context.
func (d *document) dropHeadlineRepeats() {
	if len(d.sentences) < 2 {
		return
	}
	if !d.isHeadline(0) {
		return
	}
	head := &d.sentences[0]
	var kept []numbers.Number
	for _, n := range head.numbers {
		repeated := false
		for _, s := range d.sentences[1:] {
			for _, m := range s.numbers {
				if m.Low == n.Low && m.High == n.High {
					repeated = true
				}
			}
		}
		if !repeated {
			kept = append(kept, n)
		}
	}
	head.numbers = kept
}

// isHeadline reports a first line without a final stop: a headline, whose
// events the body tells again with their dates.
func (d *document) isHeadline(i int) bool {
	if i != 0 || len(d.sentences) < 2 {
		return false
	}
	s := d.sentences[0]
	return !strings.HasSuffix(s.text, ".") && s.Paragraph != d.sentences[1].Paragraph
}

// read extracts the claims of sentence i and remembers what it names.
func (d *document) read(i int) {
	s := &d.sentences[i]
	d.learnAliases(s)
	anchors := d.attributions(s)
	s.sourced = len(anchors) > 0
	var found []claims.Claim
	for k := range s.numbers {
		c, ok := d.quantity(s, k, found)
		if !ok {
			continue
		}
		c.Attribution = d.attribute(s, anchors, c.Start)
		// A figure in a sentence that names no source continues the report
		// of the article's last figure of its unit, measure, kind and
		// modality: "The Labor Department said employers added 114,000 jobs
		// … Private payrolls grew by 97,000."
		if len(c.Attribution.Chain) == 0 && len(anchors) == 0 {
			if r, ok := d.lastReport[kindOf(c)]; ok && s.Paragraph-d.sentenceAt(r.Start).Paragraph <= reportParagraphs {
				c.Attribution = r.Attribution
			}
		}
		found = append(found, c)
	}
	if !d.isHeadline(i) {
		found = append(found, d.events(s, anchors)...)
	}
	d.rememberEntities(s, anchors)
	if len(anchors) > 0 {
		d.lastAttribution = anchors[len(anchors)-1].chain
		d.lastAttributionPara = s.Paragraph
	}
	for _, m := range s.dates {
		// A day, not a span ("last week"), and one of the event the article
		// reports, not of another year ("January 31" read as last year's).
		oneDay := m.To.IsZero() || m.To.Equal(m.From)
		recent := d.ref.Time.Sub(m.From) <= eventDays*24*time.Hour
		if m.Precision == claims.PrecisionDay && oneDay && recent && !m.From.IsZero() && !m.From.After(d.ref.Time) && !baselineDate(s, m) {
			d.eventDate = claims.Date{Time: m.From}
		}
	}
	d.addClaims(found)
}

// eventDays is how long before its article a day it names may be the day of
// the event it reports.
const eventDays = 31

// reportParagraphs is how many paragraphs on a report's figure a figure of
// its kind that names no source still continues it: further on, the copy
// speaks of other things in its own voice (a neighbouring country's toll,
// four paragraphs after the junta's). Two were too few for the dev set's
// statistics releases.
const reportParagraphs = 3

// figureKind is what a figure counts and how: figures of one kind continue
// one report.
type figureKind struct {
	unit, measure string
	kind          claims.Kind
	modality      claims.Modality
}

func kindOf(c claims.Claim) figureKind {
	return figureKind{unit: c.Unit, measure: c.Measure, kind: c.Kind, modality: c.Modality}
}

// addClaims records a sentence's claims and keeps the indexes over them.
func (d *document) addClaims(found []claims.Claim) {
	for _, c := range found {
		d.lastReport[kindOf(c)] = c
		if _, ok := d.firstMonthly[c.Unit]; !ok && c.Period.Precision == claims.PrecisionMonth {
			d.firstMonthly[c.Unit] = c
		}
		if datedEvent(c) {
			class, _ := claims.MeasureClass(c.Measure)
			d.lastOfClass[class] = c
		}
		if d.leadMonthly.AsOf.IsZero() && c.Kind == claims.KindQuantity && c.Period.Precision == claims.PrecisionMonth && d.inLead(c) {
			d.leadMonthly = c
		}
	}
	d.claims = append(d.claims, found...)
}
