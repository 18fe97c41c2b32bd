package reconcile

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"claimtrack/claims"
)

// Events reported a couple of days apart may be one event whose date the
// sources disagree on ("did they meet on the 12th or the 13th?").
const eventSlackDays = 2

// occurrence is one event as several claims report it.
type occurrence struct {
	class        string
	participants []string // everyone named, sorted
	counterparts []string
	from, to     int32 // days of the claim that opened the occurrence
	ordinal      int
	members      []int // indexes into the event claims

	seq  int // order of discovery: candidates are weighed in this order
	mark int // the last look-up that found it, so it counts once
	// The block keys of its claims; the index files it under keys[:filed]
	// for every week of its days.
	keys  []string
	filed int
}

// eventIndex files occurrences by block key and week, so an event claim
// meets only the occurrences of its people in the weeks around its own
// days, not every occurrence of theirs in years of reporting.
type eventIndex struct {
	buckets map[eventBucket][]*occurrence
	lookups int
	found   []*occurrence // scratch
}

type eventBucket struct {
	key  string
	week int32
}

// weekOf numbers the 8-day stretch a day falls in: wider than the slack
// either side of an event, so a look-up spans at most a few.
func weekOf(day int32) int32 { return day >> 3 }

// candidates returns the occurrences filed under keys in the weeks that
// days from to to, widened by the slack, touch, in order of discovery.
func (ix *eventIndex) candidates(keys []string, from, to int32) []*occurrence {
	ix.lookups++
	found := ix.found[:0]
	for _, key := range keys {
		for w := weekOf(from - eventSlackDays); w <= weekOf(to+eventSlackDays); w++ {
			for _, o := range ix.buckets[eventBucket{key, w}] {
				if o.mark != ix.lookups {
					o.mark = ix.lookups
					found = append(found, o)
				}
			}
		}
	}
	slices.SortFunc(found, func(a, b *occurrence) int { return cmp.Compare(a.seq, b.seq) })
	ix.found = found
	return found
}

// file files o under each of its keys not filed yet, for each week of its
// days (which do not change).
func (ix *eventIndex) file(o *occurrence) {
	for _, key := range o.keys[o.filed:] {
		for w := weekOf(o.from); w <= weekOf(o.to); w++ {
			b := eventBucket{key, w}
			ix.buckets[b] = append(ix.buckets[b], o)
		}
	}
	o.filed = len(o.keys)
}

// reconcileEvents sorts event claims into occurrences, one group and series
// each, and reports where independent sources disagree on an occurrence's
// date, place or ordinal, and where they corroborate it. It writes each
// occurrence to w once it is concluded, and stops at w's first error.
func reconcileEvents(events []claims.Entry, w claims.ReconciliationWriter) error {
	// Claims that name everyone come first, so a vaguer claim ("Choe met a
	// visiting diplomat") joins the occurrence it fits best. The sort keys
	// are worked out once per claim, not once per comparison.
	type sortKey struct {
		class  string
		people int
		day    int32
		i      int
	}
	keys := make([]sortKey, len(events))
	for i := range events {
		e := &events[i]
		keys[i] = sortKey{claims.ActionClass(e.Action), len(participants(e.Claim)), eventDay(e.Period.Start, e.AsOf), i}
	}
	slices.SortFunc(keys, func(a, b sortKey) int {
		return cmp.Or(cmp.Compare(a.class, b.class), cmp.Compare(b.people, a.people), cmp.Compare(a.day, b.day),
			cmp.Compare(events[a.i].ID, events[b.i].ID))
	})
	order := make([]int, len(keys))
	for k, key := range keys {
		order[k] = key.i
	}
	var found []*occurrence
	// Occurrences by class and participant, so an event meets only those that share someone.
	index := eventIndex{buckets: map[eventBucket][]*occurrence{}}
	for _, i := range order {
		e := &events[i]
		class := claims.ActionClass(e.Action)
		people := participants(e.Claim)
		from, to := eventSpan(e.Claim)
		keys := blockKeys(class, people, e.Ordinal)
		var best *occurrence
		bestShared := 0
		for _, o := range index.candidates(keys, from, to) {
			if !sameOccurrence(o, e.Claim, people, from, to) {
				continue
			}
			shared := sharedCount(people, o.participants)
			if best == nil || shared > bestShared || shared == bestShared && o.from > best.from {
				best, bestShared = o, shared
			}
		}
		if best == nil {
			best = &occurrence{class: class, from: from, to: to, ordinal: e.Ordinal, seq: len(found)}
			found = append(found, best)
		}
		// The occurrence keeps the days of the claim that opened it: were it
		// to take each member's, reports of daily meetings would chain into
		// one occurrence lasting years.
		best.members = append(best.members, i)
		if best.ordinal == 0 {
			best.ordinal = e.Ordinal
		}
		for _, p := range people {
			if !slices.Contains(best.participants, p) {
				best.participants = append(best.participants, p)
			}
		}
		slices.Sort(best.participants)
		for _, p := range e.Counterparts {
			if !slices.Contains(best.counterparts, p) {
				best.counterparts = append(best.counterparts, p)
			}
		}
		for _, key := range keys {
			if !slices.Contains(best.keys, key) {
				best.keys = append(best.keys, key)
			}
		}
		index.file(best)
	}
	// Each occurrence is written as it is concluded: the findings of
	// hundreds of thousands of events are never held together.
	for _, o := range found {
		id := occurrenceID(o, events)
		label := occurrenceLabel(o, events)
		findings := occurrenceFindings(o, events, id)
		status := claims.StatusSingleSource
		switch {
		case slices.ContainsFunc(findings, func(f claims.Finding) bool { return f.Type == claims.Conflict }):
			status = claims.StatusConflict
		case slices.ContainsFunc(findings, func(f claims.Finding) bool { return f.Type == claims.Corroboration }):
			status = claims.StatusCorroborated
		}
		for _, i := range o.members {
			if err := w.Assign(events[i].ID, id, id); err != nil {
				return err
			}
		}
		if err := w.Group(claims.Group{ID: id, Label: "event: " + label}); err != nil {
			return err
		}
		if err := w.Series(claims.Series{ID: id, Group: id, Label: label, Status: status}); err != nil {
			return err
		}
		for _, f := range findings {
			if err := w.Finding(f); err != nil {
				return err
			}
		}
	}
	return nil
}

// participants are everyone an event claim names, sorted.
func participants(c claims.Claim) []string {
	people := append(append([]string(nil), c.Actors...), c.Counterparts...)
	slices.Sort(people)
	return slices.Compact(people)
}

// blockKeys are the index keys an event is looked up by: its class with each
// participant, or with its ordinal when it names nobody ("the second round").
func blockKeys(class string, people []string, ordinal int) []string {
	var keys []string
	for _, p := range people {
		keys = append(keys, class+"|"+p)
	}
	if ordinal > 0 {
		keys = append(keys, fmt.Sprintf("%s|#%d", class, ordinal))
	}
	return keys
}

// sameOccurrence decides whether an event claim reports occurrence o: their
// dates fall within a couple of days of each other, and when both name
// counterparts, they share one (Choe meeting Sun Weidong is not Choe meeting
// Putin that week).
func sameOccurrence(o *occurrence, c claims.Claim, people []string, from, to int32) bool {
	if from > o.to+eventSlackDays || to < o.from-eventSlackDays {
		return false
	}
	if len(c.Counterparts) > 0 && len(o.counterparts) > 0 && !shareAny(c.Counterparts, o.counterparts) &&
		!shareAny(c.Counterparts, o.participants) {
		return false
	}
	// Kim meeting Shoigu is not Kim meeting Putin: two named pairs that each
	// have someone the other lacks are different events.
	if len(people) >= 2 && len(o.participants) >= 2 && sharedCount(people, o.participants) < min(len(people), len(o.participants)) {
		return false
	}
	if c.Ordinal != 0 && o.ordinal != 0 && len(people) == 0 {
		return c.Ordinal == o.ordinal
	}
	return true
}

func sharedCount(a, b []string) int {
	n := 0
	for _, x := range a {
		if slices.Contains(b, x) {
			n++
		}
	}
	return n
}

func shareAny(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// eventSpan is the days an event claim's date covers: its period, else its
// as-of day.
func eventSpan(c claims.Claim) (int32, int32) {
	from, to := eventDay(c.Period.Start, c.AsOf), eventDay(c.Period.End, c.AsOf)
	return from, to
}

func eventDay(d, fallback claims.Date) int32 {
	if d.IsZero() {
		d = fallback
	}
	if d.IsZero() {
		return 0
	}
	return int32(d.Unix() / 86400)
}

// occurrenceFindings compares the claims of one occurrence: a day, place or
// ordinal that independent sources give differently is a conflict; agreement
// of two or more independent sources is a corroboration.
func occurrenceFindings(o *occurrence, events []claims.Entry, series string) []claims.Finding {
	var out []claims.Finding
	sides := map[string]bool{}
	for _, i := range o.members {
		sides[eventSource(events[i])] = true
	}
	label := occurrenceLabel(o, events)
	// Claims that give one source's same day, place and round are one
	// version of the event; versions are compared pairwise, so a meeting
	// hundreds of articles relay costs as many comparisons as it has
	// versions, and a conflict names every claim of both versions.
	versions := eventVersions(o, events)
	for x := range versions {
		v := &versions[x]
		a := &events[o.members[v.members[0]]]
		for y := x + 1; y < len(versions); y++ {
			w := &versions[y]
			b := &events[o.members[w.members[0]]]
			if v.source == w.source {
				continue // one source's own wording, not a disagreement
			}
			var what string
			switch {
			case a.Period.Precision == claims.PrecisionDay && b.Period.Precision == claims.PrecisionDay && a.AsOf != b.AsOf:
				what = fmt.Sprintf("%s says %s, %s says %s", v.source, a.AsOf, w.source, b.AsOf)
			case v.country != "" && w.country != "" && v.country != w.country:
				what = fmt.Sprintf("%s says %s, %s says %s", v.source, a.Place, w.source, b.Place)
			case a.Ordinal != 0 && b.Ordinal != 0 && a.Ordinal != b.Ordinal:
				what = fmt.Sprintf("%s says round %d, %s says round %d", v.source, a.Ordinal, w.source, b.Ordinal)
			default:
				continue
			}
			ids := make([]string, 0, len(v.members)+len(w.members))
			for _, k := range append(slices.Clip(v.members), w.members...) {
				ids = append(ids, events[o.members[k]].ID)
			}
			out = append(out, eventFinding(claims.Conflict, series, ids, 2, "conflict: "+label+": "+what))
		}
	}
	if len(sides) >= 2 && len(out) == 0 {
		ids := make([]string, len(o.members))
		names := make([]string, 0, len(sides))
		for k, i := range o.members {
			ids[k] = events[i].ID
		}
		for s := range sides {
			names = append(names, s)
		}
		slices.Sort(names)
		out = append(out, eventFinding(claims.Corroboration, series, ids, len(sides),
			fmt.Sprintf("corroboration: %d independent sources report %s: %s", len(sides), label, strings.Join(names, "; "))))
	}
	return out
}

// eventVersion is the claims of an occurrence that give one source's same
// day, place and round.
type eventVersion struct {
	source, country string
	members         []int // positions in the occurrence's members
}

// eventVersions sorts an occurrence's claims into versions, in the order
// their first claims come.
func eventVersions(o *occurrence, events []claims.Entry) []eventVersion {
	type versionKey struct {
		source, place string
		dayPrecise    bool
		day           int64
		ordinal       int
	}
	var versions []eventVersion
	index := map[versionKey]int{}
	for k, i := range o.members {
		e := &events[i]
		key := versionKey{eventSource(*e), e.Place, e.Period.Precision == claims.PrecisionDay, e.AsOf.Unix(), e.Ordinal}
		v, ok := index[key]
		if !ok {
			v = len(versions)
			index[key] = v
			versions = append(versions, eventVersion{source: key.source, country: claims.CountryOf(e.Place)})
		}
		versions[v].members = append(versions[v].members, k)
	}
	return versions
}

// eventSource is who stands behind an event claim: its root source, else its
// outlet, else its document (an article of unknown outlet speaking itself).
func eventSource(e claims.Entry) string {
	switch {
	case e.Attribution.Root != "":
		return e.Attribution.Root
	case e.Outlet != "":
		return e.Outlet
	}
	return e.Document
}

func eventFinding(kind claims.FindingType, series string, ids []string, sources int, summary string) claims.Finding {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	sum, _ := findingSum(nil, kind, ids)
	return claims.Finding{ID: shortID(sum), Type: kind, Group: series, Series: series,
		Claims: ids, IndependentSources: sources, Summary: summary}
}

// occurrenceLabel reads like "met: Choe Son Hui, Sergey Lavrov · 2025-07-12 · Wonsan".
func occurrenceLabel(o *occurrence, events []claims.Entry) string {
	first := events[o.members[0]]
	parts := []string{first.Action}
	if len(o.participants) > 0 {
		parts[0] += ": " + strings.Join(o.participants, ", ")
	}
	if o.ordinal > 0 {
		parts = append(parts, fmt.Sprintf("round %d", o.ordinal))
	}
	day := first.AsOf
	for _, i := range o.members {
		if events[i].Period.Precision == claims.PrecisionDay {
			day = events[i].AsOf
			break
		}
	}
	if !day.IsZero() {
		parts = append(parts, day.String())
	}
	for _, i := range o.members {
		if events[i].Place != "" {
			parts = append(parts, events[i].Place)
			break
		}
	}
	return strings.Join(parts, " · ")
}

// occurrenceID is derived from the occurrence's class, participants and
// claims, so the same ledger always gives the same id.
func occurrenceID(o *occurrence, events []claims.Entry) string {
	ids := make([]string, len(o.members))
	for k, i := range o.members {
		ids[k] = events[i].ID
	}
	slices.Sort(ids)
	sum := sha256.Sum256([]byte("event|" + o.class + "|" + strings.Join(o.participants, ",") + "|" + strings.Join(ids, "|")))
	return "e" + hex.EncodeToString(sum[:7])
}
