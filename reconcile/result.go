package reconcile

import (
	"claimtrack/claims"

	"cmp"
	"slices"
)

// result assembles the output: series, groups and findings, each sorted by
// id, with claim ids in id order.
func (l *ledger) result(out *findingSet) claims.Reconciliation {
	seriesClaims := make([][]string, len(l.series))
	for s := range l.series {
		seriesClaims[s] = make([]string, 0, len(l.series[s].members))
	}
	groupClaims := make([][]string, len(l.groups))
	for g := range l.groups {
		size := 0
		for _, s := range l.groups[g].series {
			size += len(l.series[s].members)
		}
		groupClaims[g] = make([]string, 0, size)
	}
	for _, i := range l.byRank {
		f := &l.facts[i]
		seriesClaims[f.series] = append(seriesClaims[f.series], l.entries[i].ID)
		groupClaims[f.group] = append(groupClaims[f.group], l.entries[i].ID)
	}

	var r claims.Reconciliation
	r.Series = make([]claims.Series, len(l.series))
	for s := range l.series {
		si := &l.series[s]
		r.Series[s] = claims.Series{
			ID:     si.id,
			Group:  l.groups[si.group].id,
			Label:  l.seriesLabel(int32(s)),
			Claims: seriesClaims[s],
			Status: l.status(int32(s), out),
		}
	}
	r.Groups = make([]claims.Group, len(l.groups))
	for g := range l.groups {
		r.Groups[g] = claims.Group{
			ID:            l.groups[g].id,
			Label:         l.groups[g].label,
			Claims:        groupClaims[g],
			ImpliedTotals: l.groups[g].totals,
		}
	}
	r.Findings = out.sorted()
	slices.SortFunc(r.Series, func(a, b claims.Series) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(r.Groups, func(a, b claims.Group) int { return cmp.Compare(a.ID, b.ID) })
	return r
}

// status sums up a series: its worst finding, else whether more than one
// side stands behind it.
func (l *ledger) status(s int32, out *findingSet) string {
	kinds := out.kinds[s]
	switch {
	case kinds&hasConflict != 0:
		return StatusConflict
	case kinds&hasChange != 0:
		return StatusChanged
	case kinds&hasCorroboration != 0:
		return StatusCorroborated
	case l.independentSources(l.series[s].members) > 1:
		return StatusConsistent
	}
	return StatusSingleSource
}
