package reconcile

import (
	"encoding/binary"
	"math"
	"slices"

	"claimtrack/claims"
)

// checks are the checks of figures that must fit together: an article's
// parts against their total and its percentages against the counts they
// relate (checkArticle), and casualties against the largest of their parts
// known for their moment across the ledger (noteLosses, then checkLosses).
// Their findings name the echoes of their claims, which are known only once
// series are compared, so they are held until then and written by write.
// A ledger reconciled at once and one reconciled in parts run the same
// checks: the claims of an article are given as members of a claim table,
// and base is the position of that table's claim 0 among all claims.
type checks struct {
	held    []heldFinding
	largest map[lossMoment]lossPart
}

func newChecks() *checks { return &checks{largest: map[lossMoment]lossPart{}} }

// lossPart is the largest part of casualties known for a moment: what a
// finding needs of it once its article is no longer held.
type lossPart struct {
	lo    float64
	id    string
	pos   int32
	voice int32
	say   string
}

// heldFinding is a finding waiting for the echoes of its claims.
type heldFinding struct {
	f       claims.Finding // no ID or Group yet; Claims are the members' own
	members []int32        // positions of the members
}

// checkArticle checks the figures of one article that must fit together.
func (c *checks) checkArticle(l *claimTable, members []int32, base int32) {
	if len(members) > maxArticleClaims {
		return
	}
	out := &findingSet{l: l, held: &c.held, base: base}
	l.checkPartsTotals(members, out)
	l.checkPercentages(members, out)
}

// noteLosses keeps the largest part of casualties (killed, wounded…) of each
// moment among members, the first in id order among equals.
func (c *checks) noteLosses(l *claimTable, members []int32, base int32) {
	people := l.words.of("people")
	for _, i := range members {
		f := &l.facts[i]
		m, ok := lossMomentOf(f, people)
		if !ok || !lossParts[l.text(f.measure)] || math.IsInf(f.lo, -1) {
			continue
		}
		id := l.id(i)
		if best, seen := c.largest[m]; !seen || f.lo > best.lo || f.lo == best.lo && id < best.id {
			c.largest[m] = lossPart{lo: f.lo, id: id, pos: base + i, voice: f.voice, say: l.say(i, true)}
		}
	}
}

// checkLosses finds casualties among members below the largest part noted
// for their moment: each is checked against one part, so the check is
// linear. Every claim must have been noted first.
func (c *checks) checkLosses(l *claimTable, members []int32, base int32) {
	people := l.words.of("people")
	for _, i := range members {
		f := &l.facts[i]
		m, ok := lossMomentOf(f, people)
		if !ok || l.text(f.measure) != "casualties" {
			continue
		}
		part, found := c.largest[m]
		if !found || f.hi >= part.lo {
			continue
		}
		sources := 2
		if part.voice == f.voice {
			sources = 1
		}
		ids := []string{l.id(i), part.id}
		slices.Sort(ids)
		c.held = append(c.held, heldFinding{
			f: claims.Finding{Type: claims.TotalBelowPart, Claims: ids, IndependentSources: sources,
				Summary: string(claims.TotalBelowPart) + ": " + belowPartSummary(l.say(i, true), part.say)},
			members: []int32{base + i, part.pos},
		})
	}
}

// write writes the held findings, each naming the echoes of its members
// (echoes gives their ids by position) in the group of its first member
// (groupOf), once each: the same type over the same claims is one finding.
func (c *checks) write(w claims.ReconciliationWriter, echoes func(pos int32) []string, groupOf func(pos int32) string) error {
	seen := findingIDs{}
	var buf []byte
	for _, h := range c.held {
		ids := h.f.Claims
		for _, pos := range h.members {
			ids = append(ids, echoes(pos)...)
		}
		slices.Sort(ids)
		ids = slices.Compact(ids)
		var id string
		var dup bool
		id, dup, buf = seen.identify(buf, h.f.Type, ids)
		if dup {
			continue
		}
		h.f.ID, h.f.Group, h.f.Claims = id, groupOf(h.members[0]), ids
		if err := w.Finding(h.f); err != nil {
			return err
		}
	}
	return nil
}

// findingIDs holds the first 8 bytes of the ids of the findings written: a
// finding's id hashes its type and sorted claim ids, so the same type over
// the same claims is one finding however many rules reach it.
type findingIDs map[uint64]struct{}

// identify returns the id of a finding of kind over the sorted ids and
// whether one was written already, and records it; buf is scratch.
func (seen findingIDs) identify(buf []byte, kind claims.FindingType, ids []string) (id string, dup bool, _ []byte) {
	var sum [32]byte
	sum, buf = findingSum(buf, kind, ids)
	key := binary.BigEndian.Uint64(sum[:8])
	if _, dup = seen[key]; dup {
		return "", true, buf
	}
	seen[key] = struct{}{}
	return shortID(sum), false, buf
}
