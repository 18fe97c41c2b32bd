package reconcile

import (
	"bytes"
	"crypto/sha256"
	"math"
	"slices"
	"strconv"
	"strings"

	"claimtrack/claims"
)

// findingSet writes findings once each: the same type over the same claims
// is one finding, however many rules reach it (the first one's summary is kept).
type findingSet struct {
	l   *claimTable
	w   claims.ReconciliationWriter
	err error // the writer's first error; nothing is written after it
	// seen holds the first 8 bytes of each id written since forget: the
	// findings of one series name its claims only, so no other series
	// repeats them, and on a large ledger there are millions.
	seen findingIDs
	// kinds records which finding types each series has, for its status.
	kinds []kindSet
	ids   []string // scratch
	text  []byte   // scratch for ids and summaries
	// held, when set, keeps findings instead of writing them, until the
	// echoes of their claims are known (see checks); base is the position
	// of claim 0.
	held *[]heldFinding
	base int32
}

// kindSet is a set of the finding types a series status depends on.
type kindSet uint8

const (
	hasConflict kindSet = 1 << iota
	hasChange
	hasCorroboration
)

// kindBit is the bit of a finding type, 0 for types a status ignores.
func kindBit(kind claims.FindingType) kindSet {
	switch kind {
	case claims.Conflict:
		return hasConflict
	case claims.Change:
		return hasChange
	case claims.Corroboration:
		return hasCorroboration
	}
	return 0
}

func newFindingSet(l *claimTable, w claims.ReconciliationWriter) *findingSet {
	return &findingSet{l: l, w: w, seen: findingIDs{}, kinds: make([]kindSet, len(l.series))}
}

// forgetAbove is the size above which forget drops the set of ids rather
// than clearing it: clearing keeps the room a large series made, and takes
// time in proportion to it at every series after.
const forgetAbove = 1 << 12

// forget forgets the findings written so far, once no later finding can
// repeat them.
func (o *findingSet) forget() {
	if len(o.seen) > forgetAbove {
		o.seen = findingIDs{}
		return
	}
	clear(o.seen)
}

// add records a finding about members (and their echoes). series is -1 for
// findings that span series; summary appends the finding's one line to a
// buffer.
func (o *findingSet) add(kind claims.FindingType, series int32, members []int32, summary func([]byte) []byte) {
	if series >= 0 {
		o.kinds[series] |= kindBit(kind)
	}
	if o.err != nil {
		return
	}
	ids := o.ids[:0]
	for _, i := range members {
		ids = append(ids, o.l.id(i))
		if o.l.facts[i].echoed {
			for _, echo := range o.l.echoes[i] {
				ids = append(ids, o.l.id(echo))
			}
		}
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	o.ids = ids
	var id string
	if o.held == nil {
		var dup bool
		if id, dup, o.text = o.seen.identify(o.text, kind, ids); dup {
			return
		}
	}
	f := claims.Finding{
		ID:                 id,
		Type:               kind,
		Claims:             slices.Clone(ids),
		IndependentSources: o.l.independentSources(members),
	}
	if o.held == nil { // a held finding's group is not known yet
		f.Group = o.l.groups[o.l.facts[members[0]].group].id
	}
	if series >= 0 {
		f.Series = o.l.series[series].id
	}
	o.text = summary(append(o.text[:0], kind+": "...))
	f.Summary = string(o.text)
	if o.held != nil {
		h := heldFinding{f: f, members: make([]int32, len(members))}
		for k, i := range members {
			h.members[k] = o.base + i
		}
		*o.held = append(*o.held, h)
		return
	}
	o.err = o.w.Finding(f)
}

// findingSum hashes a finding's type and sorted claim ids, in buf: a
// finding's id is the first 8 bytes.
func findingSum(buf []byte, kind claims.FindingType, ids []string) ([32]byte, []byte) {
	content := append(buf[:0], kind...)
	for _, id := range ids {
		content = append(append(content, '|'), id...)
	}
	return sha256.Sum256(content), content
}

// pair reports a conflict or change between an earlier claim a and a later b:
// "conflict: X said … on …; Y said … on …".
func (o *findingSet) pair(r relation, s, a, b int32) {
	kind := claims.Change
	if r == conflicting {
		kind = claims.Conflict
	}
	o.add(kind, s, []int32{a, b}, func(text []byte) []byte {
		l := o.l
		text = l.appendSay(text, a, true)
		text = append(text, "; "...)
		text = l.appendSay(text, b, false)
		switch fa, fb := &l.facts[a], &l.facts[b]; {
		case fa.source == fb.source:
			text = append(text, " (revised by the same source)"...)
		case fa.voice == fb.voice:
			text = append(text, " (both speak for "+l.voices[fa.voice]+")"...)
		case r == conflicting && fb.hi < fa.lo && fb.day-fa.day > sameMomentDays:
			text = append(text, " (a running total cannot fall)"...)
		}
		return text
	})
}

// partOfPeriod reports a figure for a span above the figure for a longer span
// that contains it.
func (o *findingSet) partOfPeriod(s, whole, part int32) {
	o.add(claims.Conflict, s, []int32{whole, part}, func(text []byte) []byte {
		text = o.l.appendSay(text, part, true)
		text = append(text, "; "...)
		text = o.l.appendSay(text, whole, false)
		return append(text, ", a period that contains it"...)
	})
}

// corroboration reports the claims of a series that independent sources agree on.
func (o *findingSet) corroboration(s int32, agreeing []int32) {
	o.add(claims.Corroboration, s, agreeing, func(text []byte) []byte {
		l := o.l
		// One claim per side, the earliest, in time order.
		var shown, voices []int32
		for _, i := range agreeing {
			if v := l.facts[i].voice; !slices.Contains(voices, v) {
				voices = append(voices, v)
				shown = append(shown, i)
			}
		}
		text = strconv.AppendInt(text, int64(len(voices)), 10)
		text = append(text, " independent sources agree on "+l.seriesLabel(s)+": "...)
		const most = 4
		for k, i := range shown[:min(most, len(shown))] {
			if k > 0 {
				text = append(text, "; "...)
			}
			text = l.appendSay(text, i, false)
			if kind := l.sources[l.facts[i].source].Kind; kind != "" {
				text = append(text, " ("+kind+")"...)
			}
		}
		if len(shown) > most {
			text = append(text, "; and "...)
			text = strconv.AppendInt(text, int64(len(shown)-most), 10)
			text = append(text, " more"...)
		}
		return text
	})
}

// independentSources counts the sides behind claims: one source relayed by
// many outlets, or several officials of one government, count once.
func (l *claimTable) independentSources(members []int32) int {
	var voices []int32
	for _, i := range members {
		if v := l.facts[i].voice; !slices.Contains(voices, v) {
			voices = append(voices, v)
		}
	}
	return len(voices)
}

// say describes one claim for a summary: who said what, about what, when.
// `senior US military official said several hundred (300–800) North Korean
// casualties on 2024-12-17`
func (l *claimTable) say(i int32, withSubject bool) string {
	return string(l.appendSay(nil, i, withSubject))
}

func (l *claimTable) appendSay(b []byte, i int32, withSubject bool) []byte {
	b = append(b, l.sources[l.facts[i].source].Name...)
	if l.facts[i].ownVoice {
		b = append(b, " reported "...)
	} else {
		b = append(b, " said "...)
	}
	b = l.appendValue(b, i)
	if withSubject {
		if subject := l.subjectText(i); subject != "" {
			b = append(append(b, ' '), subject...)
		}
	}
	return l.appendWhen(b, i)
}

// valueText writes a figure with its qualifier: "~1,000", "at least 100",
// "25,000–30,000", "several hundred (300–800)".
func (l *claimTable) valueText(i int32) string { return string(l.appendValue(nil, i)) }

func (l *claimTable) appendValue(b []byte, i int32) []byte {
	low, high, ok := claims.StatedFigures(l.quoted[i].low, l.quoted[i].high)
	if !ok {
		return append(b, "an unknown number"...)
	}
	switch claims.Qualifier(l.text(l.quoted[i].qualifier)) {
	case claims.Approximately:
		return appendSpan(append(b, '~'), low, high)
	case claims.AtLeast:
		return appendNumber(append(b, "at least "...), low)
	case claims.MoreThan:
		return appendNumber(append(b, "more than "...), low)
	case claims.AtMost:
		return appendNumber(append(b, "at most "...), high)
	case claims.LessThan:
		return appendNumber(append(b, "less than "...), high)
	case claims.UpTo:
		return appendNumber(append(b, "up to "...), high)
	case claims.Vague:
		f, e := &l.facts[i], l.entry(i)
		b = append(append(b, vagueWords(e.Claim)...), " ("...)
		return append(appendSpan(b, f.lo, f.hi), ')')
	}
	return appendSpan(b, low, high)
}

// subjectText names what a claim counts: its subject when that names the
// unit ("North Korean soldiers"), else its people and unit ("North Korean casualties").
func (l *claimTable) subjectText(i int32) string {
	r := &l.quoted[i]
	subject, unit := l.text(r.subject), l.text(r.unit)
	if subject != "" && containsFold(subject, unit) {
		return subject
	}
	if nationality := l.text(l.facts[i].nationality); nationality != "" {
		return nationality + " " + unit
	}
	return unit
}

// containsFold reports whether s contains sub, ignoring ASCII case.
func containsFold(s, sub string) bool {
	for k := 0; k+len(sub) <= len(s); k++ {
		if strings.EqualFold(s[k:k+len(sub)], sub) {
			return true
		}
	}
	return false
}

// vagueWords is the wording of a vague amount: the claim's text before what
// it counts ("several hundred" of "several hundred casualties").
func vagueWords(c claims.Claim) string {
	text := strings.ToLower(c.Text)
	for _, counted := range []string{c.Subject, c.Unit} {
		if counted == "" {
			continue
		}
		if k := strings.Index(text, strings.ToLower(counted)); k > 0 {
			return strings.TrimSpace(c.Text[:k])
		}
	}
	if c.Text != "" {
		return c.Text
	}
	return "some"
}

// appendWhen says when a figure applies: " for 2024-01-01 to 2024-12-31", " on 2024-12-17".
func (l *claimTable) appendWhen(b []byte, i int32) []byte {
	r := &l.quoted[i]
	switch {
	case r.periodStart != noDate && r.periodEnd != noDate:
		b = appendDate(append(b, " for "...), dayDate(r.periodStart))
		return appendDate(append(b, " to "...), dayDate(r.periodEnd))
	case r.asOf != noDate:
		return appendDate(append(b, " on "...), dayDate(r.asOf))
	case r.published != noDate:
		return appendDate(append(b, " on "...), dayDate(r.published))
	}
	return b
}

// appendDate writes a date as YYYY-MM-DD (claims.DateLayout), without the
// cost of a general layout.
func appendDate(b []byte, d claims.Date) []byte {
	y, m, day := d.Date()
	b = append(appendDigits(b, y, 4), '-')
	b = append(appendDigits(b, int(m), 2), '-')
	return appendDigits(b, day, 2)
}

// appendDigits writes the last width digits of v, with leading zeros.
func appendDigits(b []byte, v, width int) []byte {
	var digits [4]byte
	for k := width - 1; k >= 0; k-- {
		digits[k] = byte('0' + v%10)
		v /= 10
	}
	return append(b, digits[:width]...)
}

// spanText writes one number, or two as a range.
func spanText(low, high float64) string { return string(appendSpan(nil, low, high)) }

func appendSpan(b []byte, low, high float64) []byte {
	b = appendNumber(b, low)
	if low == high {
		return b
	}
	return appendNumber(append(b, "–"...), high)
}

// formatNumber writes a number with thousands separators (1,121; 7.8), and
// round millions in words (4.8 million).
func formatNumber(v float64) string { return string(appendNumber(nil, v)) }

func appendNumber(b []byte, v float64) []byte {
	switch {
	case math.IsInf(v, 1):
		return append(b, "∞"...)
	case math.IsInf(v, -1):
		return append(b, "-∞"...)
	}
	if millions := v / 1e6; math.Abs(millions) >= 1 && millions*10 == math.Trunc(millions*10) {
		return append(strconv.AppendFloat(b, millions, 'f', -1, 64), " million"...)
	}
	if v < 0 {
		b = append(b, '-')
	}
	var digits [32]byte
	whole, fraction, hasFraction := bytes.Cut(strconv.AppendFloat(digits[:0], math.Abs(v), 'f', -1, 64), []byte("."))
	for k, d := range whole {
		if k > 0 && (len(whole)-k)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, d)
	}
	if hasFraction {
		b = append(append(b, '.'), fraction...)
	}
	return b
}
