package reconcile

import (
	"slices"
	"testing"

	"claimtrack/claims"
)

func num(v float64) *float64 { return &v }

func exact(v float64) claims.Value {
	return claims.Value{Low: num(v), High: num(v), Qualifier: claims.Exact}
}
func approx(v float64) claims.Value {
	return claims.Value{Low: num(v), High: num(v), Qualifier: claims.Approximately}
}
func atLeast(v float64) claims.Value {
	return claims.Value{Low: num(v), Qualifier: claims.AtLeast}
}
func moreThan(v float64) claims.Value { return claims.Value{Low: num(v), Qualifier: claims.MoreThan} }
func upTo(v float64) claims.Value     { return claims.Value{High: num(v), Qualifier: claims.UpTo} }
func between(lo, hi float64) claims.Value {
	return claims.Value{Low: num(lo), High: num(hi), Qualifier: claims.Range}
}
func vague(lo, hi float64) claims.Value {
	return claims.Value{Low: num(lo), High: num(hi), Qualifier: claims.Vague}
}

// spec is a hand-made claim, as the reader would store it.
type spec struct {
	id, doc     string
	source      string // root source; "" for the outlet's own voice
	outlet      string
	asOf        string
	period      [2]string
	value       claims.Value
	unit        string
	subject     string
	measure     string
	place       string
	text        string
	sentence    string
	modality    claims.Modality
	incremental bool
	start       int
}

func date(t testing.TB, s string) claims.Date {
	t.Helper()
	if s == "" {
		return claims.Date{}
	}
	d, err := claims.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func (s spec) entry(t testing.TB) claims.Entry {
	e := claims.Entry{
		Claim: claims.Claim{
			ID: s.id, Document: s.doc, Kind: claims.KindQuantity, Text: s.text, Sentence: s.sentence,
			Value: s.value, Unit: s.unit, Subject: s.subject, Measure: s.measure, Place: s.place,
			Modality: s.modality, Incremental: s.incremental, Start: s.start,
			AsOf:   date(t, s.asOf),
			Period: claims.Period{Start: date(t, s.period[0]), End: date(t, s.period[1])},
		},
		Outlet:    s.outlet,
		Published: date(t, s.asOf),
	}
	if e.Modality == "" {
		e.Modality = claims.Actual
	}
	if s.source != "" {
		e.Attribution = claims.Attribution{Chain: []string{s.outlet, s.source}, Root: s.source}
	}
	return e
}

func entries(t testing.TB, specs ...spec) []claims.Entry {
	out := make([]claims.Entry, len(specs))
	for i, s := range specs {
		out[i] = s.entry(t)
	}
	return out
}

// together reports whether a finding of the given type names both claims.
func together(r claims.Reconciliation, kind claims.FindingType, a, b string) bool {
	for _, f := range r.Findings {
		if f.Type == kind && slices.Contains(f.Claims, a) && slices.Contains(f.Claims, b) {
			return true
		}
	}
	return false
}

func seriesOf(r claims.Reconciliation, id string) string {
	for _, s := range r.Series {
		if slices.Contains(s.Claims, id) {
			return s.ID
		}
	}
	return ""
}

func groupOf(r claims.Reconciliation, id string) string {
	for _, g := range r.Groups {
		if slices.Contains(g.Claims, id) {
			return g.ID
		}
	}
	return ""
}
