package claims

import "strings"

// The reader's vocabulary, shared with the reconciler so both agree on which
// units and measures are comparable.
var vocabulary = loadLexicon()

// UnitClass returns the class of a canonical unit ("soldiers" → "personnel"),
// or the unit itself when the word lists do not know it.
func UnitClass(unit string) string {
	if c, ok := vocabulary.unitClass[unit]; ok {
		return c
	}
	return unit
}

// MeasureClass returns the class of a canonical measure ("shipped" and "sent"
// → "transfer") and its scope: "cumulative" (a running total that never
// falls), "event" (one attack, rally or quake) or "state" (a level at a time).
// Unknown measures are their own class with scope "state".
func MeasureClass(measure string) (class, scope string) {
	if p, ok := vocabulary.measureInfo[measure]; ok {
		return p.class, p.scope
	}
	return measure, "state"
}

// CanonicalSource merges a source name with its known aliases
// ("NIS" → "National Intelligence Service").
func CanonicalSource(name string) string {
	if c, ok := vocabulary.sources.lookup(name); ok {
		return c
	}
	// Spelling variants of one name: "Choe Son-hui", "Choe Son Hui", "CHOE SON HUI".
	if c, ok := vocabulary.sourceVariants[nameKey(name)]; ok {
		return c
	}
	return name
}

// nameKey folds the variants transliteration and house style give one name:
// case, hyphens, dots and spaces.
func nameKey(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		if r != '-' && r != ' ' && r != '.' && r != '\'' && r != '’' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// CountryOf gives the country a place or demonym names ("Wonsan" → "North
// Korea", "Russian" → "Russia"), or "" when the word lists do not know it.
func CountryOf(place string) string {
	return demonyms[strings.ToLower(strings.TrimSpace(place))]
}
