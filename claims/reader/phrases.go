package reader

import (
	"sort"

	"claimtrack/claims"
)

// phrase is a word sequence from a data file and what it stands for.
type phrase struct {
	words []string
	value string // the canonical form
	class string
	scope string
}

// phraseDict finds data-file phrases in token sequences, longest first.
type phraseDict struct {
	byFirst map[string][]phrase
	byLast  map[string][]phrase
}

func newPhraseDict() phraseDict {
	return phraseDict{byFirst: map[string][]phrase{}, byLast: map[string][]phrase{}}
}

func (d phraseDict) add(p phrase) {
	d.byFirst[p.words[0]] = append(d.byFirst[p.words[0]], p)
	d.byLast[p.words[len(p.words)-1]] = append(d.byLast[p.words[len(p.words)-1]], p)
}

// sort puts longer phrases first so the longest match wins.
func (d phraseDict) sort() {
	for _, m := range []map[string][]phrase{d.byFirst, d.byLast} {
		for _, ps := range m {
			sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].words) > len(ps[j].words) })
		}
	}
}

func phraseWords(s string) []string {
	toks := tokenize(s, 0, len(s))
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.lower
	}
	return words
}

// at returns the longest phrase starting at toks[i].
func (d phraseDict) at(toks []token, i int) (phrase, bool) {
	if i < 0 || i >= len(toks) {
		return phrase{}, false
	}
	for _, p := range d.byFirst[toks[i].lower] {
		if phraseAt(toks, i, p.words) {
			return p, true
		}
	}
	return phrase{}, false
}

// endingAt returns the longest phrase whose last word is toks[i].
func (d phraseDict) endingAt(toks []token, i int) (phrase, bool) {
	if i < 0 || i >= len(toks) {
		return phrase{}, false
	}
	for _, p := range d.byLast[toks[i].lower] {
		if phraseEndingAt(toks, i, p.words) {
			return p, true
		}
	}
	return phrase{}, false
}

// lexicon holds the reader's word lists: its own, loaded from data/, and the
// shared vocabulary's units and measures as phrase dictionaries.
type lexicon struct {
	units      phraseDict // value: canonical unit, class: unit class
	measures   phraseDict // value: canonical measure, class, scope
	qualifiers phraseDict // value: qualifier
	speech     phraseDict
	estimate   phraseDict
	amount     map[string]bool // speech verbs that, before a figure, say a change
	titles     phraseDict
	references map[string]string // "the agency" → org
	sectors    phraseDict        // value: the sector's name (claims/data/sectors.txt)
	// earlier and earlierAfter are the words before and after a figure
	// that set it as an earlier value of another (predicate_words.txt).
	earlier, earlierAfter phraseDict
}

// vocabulary is the reader's lexicon, loaded once.
var vocabulary = loadLexicon()

func loadLexicon() *lexicon {
	lx := &lexicon{units: newPhraseDict(), measures: newPhraseDict(), qualifiers: newPhraseDict(),
		speech: newPhraseDict(), estimate: newPhraseDict(), titles: newPhraseDict(),
		sectors: newPhraseDict(), earlier: newPhraseDict(), earlierAfter: newPhraseDict(),
		references: map[string]string{}, amount: map[string]bool{}}
	shared := claims.Words()
	for _, u := range shared.Units {
		for _, form := range u.Forms {
			lx.units.add(phrase{words: phraseWords(form), value: u.Name, class: u.Class})
		}
	}
	for _, m := range shared.Measures {
		for _, form := range m.Forms {
			lx.measures.add(phrase{words: phraseWords(form), value: m.Name, class: m.Class, scope: m.Scope})
		}
	}
	for _, f := range dataLines("qualifiers.txt") {
		for _, form := range f[1:] {
			lx.qualifiers.add(phrase{words: phraseWords(form), value: f[0]})
		}
	}
	for _, f := range dataLines("attribution.txt") {
		if f[0] == "amount" {
			for _, w := range f[1:] {
				lx.amount[w] = true
			}
			continue
		}
		dict := lx.speech
		if f[0] == "estimate" {
			dict = lx.estimate
		}
		for _, form := range f[1:] {
			dict.add(phrase{words: phraseWords(form), value: f[0]})
		}
	}
	for _, f := range dataLines("titles.txt") {
		for _, form := range f {
			lx.titles.add(phrase{words: phraseWords(form), value: form})
		}
	}
	for _, f := range shared.Sectors {
		for _, form := range f {
			lx.sectors.add(phrase{words: phraseWords(form), value: f[0]})
		}
	}
	for _, f := range dataLines("predicate_words.txt") {
		dict := map[string]phraseDict{"earlier": lx.earlier, "earlier after": lx.earlierAfter}[f[0]]
		if dict.byFirst == nil {
			continue
		}
		for _, form := range f[1:] {
			dict.add(phrase{words: phraseWords(form), value: form})
		}
	}
	for _, f := range dataLines("person_refs.txt") {
		lx.references[f[0]] = f[1]
	}
	for _, d := range []phraseDict{lx.units, lx.measures, lx.qualifiers, lx.speech, lx.estimate, lx.titles, lx.sectors, lx.earlier, lx.earlierAfter} {
		d.sort()
	}
	return lx
}
