package reader

import (
	"claimtrack/claims"
	"claimtrack/claims/reader/dates"
	"claimtrack/claims/reader/numbers"
)

// Mention is a number or date the reader saw, with its resolution: the layer
// below claims, for checking what the reader made of the text.
type Mention struct {
	Document  string   `json:"document"`
	Kind      string   `json:"kind"` // number, ordinal, percent, money, dimension, date, duration
	Text      string   `json:"text"`
	Start     int      `json:"start"`
	End       int      `json:"end"`
	ValueLow  *float64 `json:"value_low"`
	ValueHigh *float64 `json:"value_high"`
	Unit      string   `json:"unit"`
	DateStart *string  `json:"date_start"`
	DateEnd   *string  `json:"date_end"`
}

// Mentions lists every number and date mention of a document in text order,
// dates resolved against its publication (or inferred) date.
func (r *Reader) Mentions(doc claims.Document) []Mention {
	var out []Mention
	ref := doc.Reference()
	for _, s := range SplitSentences(doc.Text, doc.BodyStart) {
		text := doc.Text[s.Start:s.End]
		var ms []Mention
		for _, n := range numbers.Scan(text) {
			if m, ok := numberMention(doc.Name, n); ok {
				m.Start += s.Start
				m.End += s.Start
				ms = append(ms, m)
			}
		}
		for _, d := range dates.Scan(text, ref.Time, dates.Options{Year: doc.InferredYear}) {
			m := Mention{Document: doc.Name, Kind: "date", Text: d.Text, Start: s.Start + d.Start, End: s.Start + d.End}
			if d.Kind == dates.KindDuration {
				m.Kind = "duration"
			}
			if !d.From.IsZero() {
				from, to := claims.Date{Time: d.From}.String(), claims.Date{Time: d.To}.String()
				m.DateStart, m.DateEnd = &from, &to
			}
			// A date wins over the numbers inside it ("July 27, 1953").
			kept := ms[:0]
			for _, n := range ms {
				if n.Start >= m.Start && n.End <= m.End {
					continue
				}
				kept = append(kept, n)
			}
			ms = append(kept, m)
		}
		sortMentions(ms)
		out = append(out, ms...)
	}
	return out
}

func numberMention(doc string, n numbers.Number) (Mention, bool) {
	m := Mention{Document: doc, Text: n.Text, Start: n.Start, End: n.End, Unit: n.Unit}
	switch n.Kind {
	case numbers.KindIdentifier, numbers.KindTime:
		return Mention{}, false
	case numbers.KindOrdinal:
		m.Kind = "ordinal"
	case numbers.KindPercent:
		m.Kind, m.Unit = "percent", "percent"
	case numbers.KindMoney:
		m.Kind, m.Unit = "money", n.Currency
	default:
		m.Kind = "number"
		if n.Unit != "" {
			m.Kind = "dimension"
		}
	}
	low, high := n.Low, n.High
	m.ValueLow, m.ValueHigh = &low, &high
	return m, true
}

func sortMentions(ms []Mention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].Start < ms[j-1].Start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}
