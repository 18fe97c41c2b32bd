package claims

import "strings"

// Source is who stands behind a claim, as sources are counted: one Key per
// independent source, and the body it speaks for (data/affiliations.txt).
type Source struct {
	Key   string // normalised root: one key per independent source
	Name  string // as shown in summaries
	Voice string // the body the source speaks for; its own key when unknown
	Kind  string // government, wire, ngo …; "" when unknown
}

// RootName names the root source of a claim: the root after aliases are
// merged, else the innermost link of the chain, else the outlet speaking in
// its own voice (own is true), else the document itself.
func RootName(e *Entry) (name string, own bool) {
	if root := strings.TrimSpace(e.Attribution.Root); root != "" {
		return root, false
	}
	if chain := e.Attribution.Chain; len(chain) > 0 && strings.TrimSpace(chain[len(chain)-1]) != "" {
		return strings.TrimSpace(chain[len(chain)-1]), false
	}
	if outlet := strings.TrimSpace(e.Outlet); outlet != "" {
		return outlet, true
	}
	return e.Document, true
}

// NamedSource normalises a source name and looks up whom it speaks for.
func NamedSource(name string) Source {
	name = CanonicalSource(name)
	words := NormalWords(name)
	key := strings.Join(words, " ")
	// "the NIS" only meets its alias once "the" is gone.
	if canonical := CanonicalSource(key); canonical != key {
		name = canonical
		words = NormalWords(canonical)
		key = strings.Join(words, " ")
	}
	s := Source{Key: key, Name: name, Voice: key}
	if f, ok := Words().affiliations.find(words); ok {
		s.Voice, s.Kind = f[0], f[1]
	} else if country := stateOf(words); country != "" {
		s.Voice, s.Kind = country, "government"
	}
	return s
}

// stateOf is the country whose government a source not in affiliations.txt
// speaks for: one named by the country alone ("Thailand"), or by the
// country or its people with a word of state_bodies.txt ("Ministry of
// Disaster Management of Afghanistan", "Thai authorities"); "" otherwise.
func stateOf(words []string) string {
	body := false
	for _, w := range words {
		body = body || Words().stateBodies[w]
	}
	for i := range words {
		for n := min(3, len(words)-i); n >= 1; n-- {
			phrase := strings.Join(words[i:i+n], " ")
			if c := CountryOf(phrase); c != "" && strings.EqualFold(c, phrase) && (body || len(words) == n) {
				return c
			}
			if c := CountryOfAdjective(phrase); c != "" && body {
				return c
			}
		}
	}
	return ""
}

// Speaker is who stands behind a claim, for reports that show and count
// sources the way findings do.
type Speaker struct {
	Name string // the root source, or the outlet (or document) speaking itself
	Body string // whom the source speaks for: "United States" for the Pentagon; Name when unknown
	Kind string // government, wire, ngo …; "" when unknown
	Own  bool   // no source named: the outlet states the figure in its own voice
	// Side is one key per independent source: speakers for one body share it.
	Side string
}

// SpeakerOf names the source behind a stored claim.
func SpeakerOf(e Entry) Speaker {
	name, own := RootName(&e)
	s := DescribeSource(name)
	s.Own = own
	return s
}

// DescribeSource looks a source or outlet name up in the affiliation list:
// whom it speaks for and what sort of source it is.
func DescribeSource(name string) Speaker {
	src := NamedSource(name)
	body := src.Name
	if src.Kind != "" {
		body = src.Voice
	}
	return Speaker{Name: src.Name, Body: body, Kind: src.Kind, Side: strings.ToLower(src.Voice)}
}
