package reconcile

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"

	"claimtrack/claims"
)

// seriesKey is what two claims must share to measure the same thing.
// Its words are symbols of claimTable.words.
type seriesKey struct {
	nationality symbol // "North Korean"; "" when the subject names no people
	unitClass   symbol // after folding people units for harm measures
	measure     symbol // measure class
	modality    symbol
	incremental bool // "an additional 25,000" counts a step, not a total
	place       symbol
	sector      symbol // "health care": a sector's figure is not the total's
	story       symbol // the story of the claim's article: stories never share a series
}

// keyText spells a series key out: its id is a hash of this.
func (l *claimTable) keyText(k seriesKey) string {
	text := l.text(k.nationality) + "|" + l.text(k.unitClass) + "|" + l.text(k.measure) + "|" + l.text(k.modality) + "|" +
		strconv.FormatBool(k.incremental) + "|" + l.text(k.place)
	if k.sector != 0 {
		text += "|" + l.text(k.sector) // after the rest, so that keys without one keep their ids
	}
	if k.story != 0 {
		text += "|story:" + l.text(k.story)
	}
	return text
}

// seriesInfo is one series being reconciled.
type seriesInfo struct {
	key     seriesKey
	id      string
	label   string // filled on first use by seriesLabel
	scope   string
	domain  string  // the story it belongs to; "" for a weak series
	members []int32 // claim indices
	group   int32
}

// keyOf is a claim's series key with its resolved place.
func (f *fact) keyOf() seriesKey {
	return seriesKey{f.nationality, f.unitClass, f.measure, f.modality, f.incremental, f.place, f.sector, f.story}
}

// listMembers lists the claims of each series in the order they joined it.
// The lists share one array, sized by a count first: thousands of lists
// growing claim by claim would be copied at every doubling, all over memory.
func (l *claimTable) listMembers(joined []int32) {
	ends := make([]int32, len(l.series))
	for _, i := range joined {
		ends[l.facts[i].series]++
	}
	var end int32
	for s, n := range ends {
		end += n
		ends[s] = end
	}
	all := make([]int32, len(joined))
	for k := len(joined) - 1; k >= 0; k-- { // from the back, so each list keeps its order
		i := joined[k]
		s := l.facts[i].series
		ends[s]--
		all[ends[s]] = i
	}
	for s := range l.series {
		start, end := ends[s], int32(len(all))
		if s+1 < len(l.series) {
			end = ends[s+1]
		}
		l.series[s].members = all[start:end:end] // an append copies, not overwrites the next list
	}
}

// inIDOrder returns the series sorted by id, and renumber, the new index of
// each old one.
func inIDOrder(series []seriesInfo) (sorted []seriesInfo, renumber []int32) {
	order := make([]int32, len(series))
	for s := range order {
		order[s] = int32(s)
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(series[a].id, series[b].id) })
	sorted, renumber = make([]seriesInfo, len(order)), make([]int32, len(order))
	for s, old := range order {
		sorted[s], renumber[old] = series[old], int32(s)
	}
	return sorted, renumber
}

// seriesFor returns the series of f's key, opening it when new.
func (l *claimTable) seriesFor(f *fact, index map[seriesKey]int32) int32 {
	key := f.keyOf()
	s, ok := index[key]
	if !ok {
		s = int32(len(l.series))
		index[key] = s
		scope := l.text(f.scope)
		if scope == "" {
			scope = claims.ScopeState
		}
		l.series = append(l.series, seriesInfo{
			key:    key,
			id:     hashID(l.keyText(key)),
			scope:  scope,
			domain: domainOf(l.text(key.unitClass), l.text(key.measure)),
		})
	}
	return s
}

// placeBlocks are the places named in each block of claims that agree on
// everything but place.
type placeBlocks map[seriesKey]*placeBlock

type placeBlock struct {
	place     symbol
	ambiguous bool // the block names more than one place
}

func (blocks placeBlocks) of(f *fact) *placeBlock {
	key := f.keyOf()
	key.place = 0
	b, ok := blocks[key]
	if !ok {
		b = &placeBlock{}
		blocks[key] = b
	}
	return b
}

// note records the place f names, if any, in its block.
func (blocks placeBlocks) note(f *fact) {
	if f.explicitPlace == 0 {
		return
	}
	b := blocks.of(f)
	switch {
	case b.place == 0:
		b.place = f.explicitPlace
	case b.place != f.explicitPlace:
		b.ambiguous = true
	}
}

// resolve gives f its place: its own, else its block's one place.
func (blocks placeBlocks) resolve(f *fact) {
	f.place = f.explicitPlace
	if f.place != 0 {
		return
	}
	if b := blocks.of(f); !b.ambiguous {
		f.place = b.place
	}
}

// soleSeriesOfUnit finds the one series of the claim's unit class among the
// measured claims of its article.
func (l *claimTable) soleSeriesOfUnit(i int32) (int32, bool) {
	f := &l.facts[i]
	if len(l.byDoc[f.doc]) > maxArticleClaims {
		return 0, false
	}
	found := int32(-1)
	for _, j := range l.byDoc[f.doc] {
		g := &l.facts[j]
		if g.measure == 0 || g.rawUnitClass != f.rawUnitClass || g.series == found {
			continue
		}
		if found >= 0 {
			return 0, false
		}
		found = g.series
	}
	return found, found >= 0
}

// Story domains: the strong kinds of claim a group forms around.
const (
	troops        = "troops"
	armsTransfers = "arms transfers"
	production    = "production"
	strikes       = "strikes"
)

// domainOf names the story a kind of claim belongs to, or "" for weak claims
// (losses, people, magnitudes, crowds, areas) that belong to whatever story
// their article tells.
func domainOf(unitClass, measure string) string {
	switch {
	case measure == "produced":
		return production
	case strikeMeasures[measure]:
		return strikes
	case unitClass == "personnel":
		return troops
	case armsUnits[unitClass] && measure != "destroyed" && measure != "affected":
		return armsTransfers
	}
	return ""
}

// hashID is a short stable id derived from content.
func hashID(content string) string { return shortID(sha256.Sum256([]byte(content))) }

// shortID is the id of a hash: its first 8 bytes in hex, in the form a
// spreadsheet keeps as text. Series, groups and findings are named so.
func shortID(sum [32]byte) string { return claims.SpreadsheetSafe(hex.EncodeToString(sum[:8])) }
