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

// names lists the names the article uses, its most frequent first: runs of
// up to three words that start with a capital inside a sentence (not its
// first word, nor one after a quotation mark or a dash) and are not a month,
// a weekday, a title, an outlet or a closed-class word ("North Carolina",
// "Labor Department"). "Libya's" counts as "Libya". They are what the
// reconciler ties the articles of a story by.
func (d *document) names() []claims.Name {
	counts := map[string]int{}
	var order []string
	for i := range d.sentences {
		toks := d.sentences[i].toks
		for k := 1; k < len(toks); k++ {
			if !toks[k].capitalized() {
				continue // the common case, checked first
			}
			if p, ok := d.lx.titles.at(toks, k); ok {
				k += len(p.words) - 1 // "Prime Minister" is no name
				continue
			}
			prev := toks[k-1]
			if prev.punct && prev.text != "," && prev.text != ")" || !d.nameWord(toks, k) {
				continue
			}
			// A run of name words, up to a title or a possessive that ends
			// it ("Libya's health ministry" names Libya).
			owner, owned := possessive(toks[k])
			words := []string{owner.text}
			for len(words) < maxStoryNameWords && !owned && k+1 < len(toks) && d.nameWord(toks, k+1) {
				if _, isTitle := d.lx.titles.at(toks, k+1); isTitle {
					break
				}
				k++
				owner, owned = possessive(toks[k])
				words = append(words, owner.text)
			}
			name := strings.Join(words, " ")
			if counts[name] == 0 {
				order = append(order, name)
			}
			counts[name]++
		}
	}
	// An outlet tells who published, not what about: checked once a name.
	order = slices.DeleteFunc(order, func(name string) bool { _, isOutlet := IsOutlet(name); return isOutlet })
	// Most frequent first; among equals, the first named.
	slices.SortStableFunc(order, func(a, b string) int { return cmp.Compare(counts[b], counts[a]) })
	names := make([]claims.Name, 0, min(len(order), articleNames))
	for _, name := range order[:min(len(order), articleNames)] {
		names = append(names, claims.Name{Text: name, Count: counts[name]})
	}
	return names
}

// maxStoryNameWords is the longest name kept: longer runs are names of bodies
// whose first words name them well enough.
const maxStoryNameWords = 3

// nameWord reports a word that may be part of a name: capitalized, not a
// month, weekday, closed-class word or pronoun.
func (d *document) nameWord(toks []token, k int) bool {
	t := toks[k]
	if t.punct || !t.capitalized() {
		return false
	}
	owner, _ := possessive(t)
	w := owner.lower
	return len(w) >= 2 && !functionWords[w] && !pronouns[w] && !monthOrWeekday(w) && !isDigitWord(w)
}
