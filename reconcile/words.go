package reconcile

import (
	"embed"
	"strings"
	"unicode"

	"claimtrack/claims"
)

// The reconciler's own word lists, in data/ as plain text a user can read
// and extend: which measures and units it treats alike (word_classes.txt)
// and which harm units say their measure (harm_units.txt).
//
//go:embed data/*.txt
var dataFiles embed.FS

// dataLines returns the entries of one of the reconciler's data files.
func dataLines(name string) [][]string { return claims.EmbeddedWordList(dataFiles, name) }

// wordClasses are the sets of data/word_classes.txt, by kind.
var wordClasses = claims.WordClasses(dataLines("word_classes.txt"))

var (
	harmMeasures   = wordClasses["harm measure"]   // killed, wounded, casualties…
	peopleMeasures = wordClasses["people measure"] // crowd, affected
	peopleUnits    = wordClasses["people unit"]    // personnel, people, harm, crowd
	lossParts      = wordClasses["loss part"]      // killed, wounded, missing, captured
	armsUnits      = wordClasses["arms unit"]      // munitions, missiles, vessels…
	strikeMeasures = wordClasses["strike measure"] // launched, intercepted, lost
)

// harmUnitMeasures maps a harm unit to the measure it says: "255 deaths"
// were killed.
var harmUnitMeasures = func() map[string]string {
	m := map[string]string{}
	for _, f := range dataLines("harm_units.txt") {
		m[f[0]] = f[1]
	}
	return m
}()

// normalPlace reduces a place to the words that tell it apart: "Russia's
// Kursk region" and "Kursk" are one place.
func normalPlace(place string) string {
	s := strings.ToLower(strings.ReplaceAll(place, ".", ""))
	s = strings.ReplaceAll(s, "’", "'")
	words := strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\'')
	})
	var kept []string
	for i, w := range words {
		// The owner of a named region adds nothing: "Russia's Kursk".
		owner := strings.HasSuffix(w, "'s") && i < len(words)-1
		if w == "the" || owner || claims.IsPlaceKind(w) {
			continue
		}
		kept = append(kept, strings.Trim(w, "'"))
	}
	if len(kept) == 0 {
		return strings.Join(words, " ")
	}
	return strings.Join(kept, " ")
}

// containsPlace reports whether the wider place names the narrower one as
// whole words: "Turkey and Syria" contains "Syria".
func containsPlace(wider, narrower string) bool {
	return wider != narrower && strings.Contains(" "+wider+" ", " "+narrower+" ")
}
