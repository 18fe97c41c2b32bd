package reconcile

import (
	"strings"

	"claimtrack/claims"
)

// seriesLabel reads "North Korean soldiers · casualties · Kursk": whose, what
// is counted and what happened to it (in the words its claims use most),
// where, and whether it is a plan or a step on top of another figure.
func (l *claimTable) seriesLabel(s int32) string {
	si := &l.series[s]
	if si.label == "" {
		si.label = l.describeSeries(si)
	}
	return si.label
}

func (l *claimTable) describeSeries(si *seriesInfo) string {
	units, measures, places := counter{}, counter{}, counter{}
	for _, i := range si.members {
		r := &l.quoted[i]
		units.add(l.text(r.unit), 1)
		measures.add(l.text(r.measure), 1)
		places.add(l.text(r.place), 1)
	}
	what := strings.Join(strings.Fields(l.text(si.key.nationality)+" "+l.text(si.key.sector)+" "+units.top()), " ")
	parts := []string{what}
	if m := measures.top(); m != "" && m != units.top() {
		parts = append(parts, m)
	}
	if si.key.incremental {
		parts = append(parts, "additional")
	}
	if modality := l.text(si.key.modality); modality != string(claims.Actual) {
		parts = append(parts, modality)
	}
	if si.key.place != 0 {
		place := places.top()
		if place == "" {
			place = l.text(si.key.place) // members without a place joined this one's
		}
		parts = append(parts, place)
	}
	return strings.Join(parts, " · ")
}
