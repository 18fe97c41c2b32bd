package reconcile

import (
	"strings"
	"unicode"
)

// Words that say what sort of place a name is, not which one.
var placeKinds = map[string]bool{
	"region": true, "province": true, "oblast": true, "area": true, "city": true,
	"county": true, "district": true, "prefecture": true, "governorate": true,
}

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
		if w == "the" || owner || placeKinds[w] {
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
