package reconcile

import (
	"strings"

	"claimtrack/claims"
)

// Speaker is who stands behind a claim as the reconciler counts sources, for
// reports that show and count sources the way findings do.
type Speaker struct {
	Name string // the root source, or the outlet (or document) speaking itself
	Body string // whom the source speaks for: "United States" for the Pentagon; Name when unknown
	Kind string // government, wire, ngo …; "" when unknown
	Own  bool   // no source named: the outlet states the figure in its own voice
	// Side is one key per independent source: speakers for one body share it.
	Side string
}

// SpeakerOf names the source behind a stored claim.
func SpeakerOf(e claims.Entry) Speaker {
	name, own := rootName(&e)
	s := DescribeSource(name)
	s.Own = own
	return s
}

// DescribeSource looks a source or outlet name up in the affiliation list
// (data/affiliations.txt): whom it speaks for and what sort of source it is.
func DescribeSource(name string) Speaker {
	src := namedSource(name)
	body := src.name
	if src.kind != "" {
		body = src.voice
	}
	return Speaker{Name: src.name, Body: body, Kind: src.kind, Side: strings.ToLower(src.voice)}
}
