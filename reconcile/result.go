package reconcile

import (
	"cmp"
	"slices"

	"claimtrack/claims"
)

// reconcileSorted reconciles claims already sorted into series and groups:
// it writes each claim's group and series, compares the claims of each
// series, calls compared (when given) once the echoes of every claim are
// known, and writes the implied totals, the groups and the series.
func (l *claimTable) reconcileSorted(w claims.ReconciliationWriter, compared func() error) error {
	if err := l.writeAssignments(w); err != nil {
		return err
	}
	out := newFindingSet(l, w)
	l.compareSeries(out)
	if out.err != nil {
		return out.err
	}
	if compared != nil {
		if err := compared(); err != nil {
			return err
		}
	}
	l.impliedTotals()
	return l.writeGroupsAndSeries(w, out)
}

// writeAssignments tells w each claim's group and series, in the order the
// claims came: in id order it would jump about memory from claim to claim.
func (l *claimTable) writeAssignments(w claims.ReconciliationWriter) error {
	for i := range l.facts {
		f := &l.facts[i]
		if err := w.Assign(l.id(int32(i)), l.groups[f.group].id, l.series[f.series].id); err != nil {
			return err
		}
	}
	return nil
}

// writeGroupsAndSeries writes the groups, with their implied totals, and then
// the series with the status their findings give them.
func (l *claimTable) writeGroupsAndSeries(w claims.ReconciliationWriter, out *findingSet) error {
	for g := range l.groups {
		gi := &l.groups[g]
		if gi.elsewhere {
			continue
		}
		if err := w.Group(claims.Group{ID: gi.id, Label: gi.label, ImpliedTotals: gi.totals}); err != nil {
			return err
		}
	}
	for s := range l.series {
		si := &l.series[s]
		err := w.Series(claims.Series{
			ID:     si.id,
			Group:  l.groups[si.group].id,
			Label:  l.seriesLabel(int32(s)),
			Status: l.status(int32(s), out),
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// status sums up a series: its worst finding, else whether more than one
// side stands behind it.
func (l *claimTable) status(s int32, out *findingSet) claims.Status {
	kinds := out.kinds[s]
	switch {
	case kinds&hasConflict != 0:
		return claims.StatusConflict
	case kinds&hasChange != 0:
		return claims.StatusChanged
	case kinds&hasCorroboration != 0:
		return claims.StatusCorroborated
	case l.independentSources(l.series[s].members) > 1:
		return claims.StatusConsistent
	}
	return claims.StatusSingleSource
}

// collector gathers a reconciliation in memory: series, groups and findings
// each sorted by id, with claim ids in id order.
type collector struct {
	r            claims.Reconciliation
	groupClaims  map[string][]string
	seriesClaims map[string][]string
}

func newCollector() *collector {
	return &collector{
		r:           claims.Reconciliation{Groups: []claims.Group{}, Series: []claims.Series{}, Findings: []claims.Finding{}},
		groupClaims: map[string][]string{}, seriesClaims: map[string][]string{},
	}
}

func (c *collector) Assign(claimID, group, series string) error {
	c.groupClaims[group] = append(c.groupClaims[group], claimID)
	c.seriesClaims[series] = append(c.seriesClaims[series], claimID)
	return nil
}

func (c *collector) Finding(f claims.Finding) error {
	c.r.Findings = append(c.r.Findings, f)
	return nil
}

func (c *collector) Group(g claims.Group) error {
	c.r.Groups = append(c.r.Groups, g)
	return nil
}

func (c *collector) Series(s claims.Series) error {
	c.r.Series = append(c.r.Series, s)
	return nil
}

func (c *collector) result() claims.Reconciliation {
	for k := range c.r.Groups {
		g := &c.r.Groups[k]
		g.Claims = c.groupClaims[g.ID]
		slices.Sort(g.Claims)
	}
	for k := range c.r.Series {
		s := &c.r.Series[k]
		s.Claims = c.seriesClaims[s.ID]
		slices.Sort(s.Claims)
	}
	slices.SortFunc(c.r.Groups, func(a, b claims.Group) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(c.r.Series, func(a, b claims.Series) int { return cmp.Compare(a.ID, b.ID) })
	c.r.Findings = sortedByID(c.r.Findings)
	return c.r
}

// sortedByID sorts findings by id, comparing the first 8 bytes of each as a
// number and moving small keys rather than whole findings: a million
// findings sort in a fraction of the time.
func sortedByID(findings []claims.Finding) []claims.Finding {
	type keyed struct {
		prefix uint64
		i      int32
	}
	keys := make([]keyed, len(findings))
	for i := range findings {
		keys[i] = keyed{idPrefix(findings[i].ID), int32(i)}
	}
	slices.SortFunc(keys, func(a, b keyed) int {
		if c := cmp.Compare(a.prefix, b.prefix); c != 0 {
			return c
		}
		return cmp.Compare(findings[a.i].ID, findings[b.i].ID)
	})
	sorted := make([]claims.Finding, len(findings))
	for k, key := range keys {
		sorted[k] = findings[key.i]
	}
	return sorted
}
