package reader

import (
	"cmp"
	"slices"
	"strings"

	"claimtrack/claims"
)

// articleNames is how many names an article keeps: enough for the reconciler
// to tell its story from others, few enough to store with every article.
const articleNames = 24

// pronouns start with a capital only when they start a sentence or are "I":
// a closed class, never a name.
var pronouns = map[string]bool{"i": true, "we": true, "you": true, "he": true, "she": true, "it": true, "they": true,
	"us": true, "them": true, "him": true, "me": true}

// names lists the names the article uses, its most frequent first: words
// that start with a capital inside a sentence (not its first word, nor one
// after a quotation mark or a dash), that are not a month, a weekday, a
// title, an outlet or a closed-class word. "Libya's" counts as "Libya".
// They are what the reconciler ties the articles of a story by.
func (d *document) names() []claims.Name {
	counts := map[string]int{}
	var order []string
	for i := range d.sentences {
		toks := d.sentences[i].toks
		for k := 1; k < len(toks); k++ {
			t := toks[k]
			if p, ok := d.lx.titles.at(toks, k); ok {
				k += len(p.words) - 1 // "Prime Minister" is no name
				continue
			}
			prev := toks[k-1]
			if t.punct || !t.capitalized() || prev.punct && prev.text != "," && prev.text != ")" {
				continue
			}
			name := strings.TrimSuffix(strings.TrimSuffix(t.text, "'s"), "’s")
			lower := strings.ToLower(name)
			if len(name) < 2 || functionWords[lower] || pronouns[lower] || monthOrWeekday(lower) || isDigitWord(lower) ||
				knownOutletAt(toks, k) != "" { // the outlet tells who published, not what about
				continue
			}
			if counts[name] == 0 {
				order = append(order, name)
			}
			counts[name]++
		}
	}
	// Most frequent first; among equals, the first named.
	slices.SortStableFunc(order, func(a, b string) int { return cmp.Compare(counts[b], counts[a]) })
	names := make([]claims.Name, 0, min(len(order), articleNames))
	for _, name := range order[:min(len(order), articleNames)] {
		names = append(names, claims.Name{Text: name, Count: counts[name]})
	}
	return names
}
