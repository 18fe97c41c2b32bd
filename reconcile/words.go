package reconcile

import (
	"embed"
	"strings"
	"unicode"

	"claimtrack/claims"
)

// The reconciler's own word lists: who speaks for whom, and which words in a
// subject name a people. Plain text, so a user can read and extend them.
//
//go:embed data/*.txt
var dataFiles embed.FS

// phraseTable maps lower-case phrases of whole words to the fields that
// follow the first one on their line.
type phraseTable struct {
	fields  map[string][]string
	longest int // longest phrase in words, to bound look-ups
}

// loadPhrases reads a data file of lines "phrase|field|field…" and keys
// each line by its first field.
func loadPhrases(name string) phraseTable {
	t := phraseTable{fields: map[string][]string{}}
	for _, f := range dataLines(name) {
		t.add(f[0], f[1:])
	}
	return t
}

// loadAliases reads a data file of lines "canonical|alias|alias…" and keys
// every alias by the canonical name.
func loadAliases(name string) phraseTable {
	t := phraseTable{fields: map[string][]string{}}
	for _, f := range dataLines(name) {
		for _, alias := range f[1:] {
			t.add(alias, f[:1])
		}
	}
	return t
}

func (t *phraseTable) add(phrase string, fields []string) {
	key := strings.Join(normalWords(phrase), " ")
	t.fields[key] = fields
	t.longest = max(t.longest, strings.Count(key, " ")+1)
}

// find returns the fields of the longest phrase found in words, leftmost
// first among phrases of one length.
func (t phraseTable) find(words []string) ([]string, bool) {
	for n := min(t.longest, len(words)); n >= 1; n-- {
		for i := 0; i+n <= len(words); i++ {
			if f, ok := t.fields[strings.Join(words[i:i+n], " ")]; ok {
				return f, true
			}
		}
	}
	return nil, false
}

// dataLines returns the entries of one of the reconciler's data files.
func dataLines(name string) [][]string {
	raw, err := dataFiles.ReadFile("data/" + name)
	if err != nil {
		// The files are embedded at build time; a missing one is a build mistake.
		panic("reconcile: missing data file " + name)
	}
	return claims.ParseWordList(raw)
}

// normalWords splits a name into lower-case words without dots ("U.S." is
// "us"), possessive endings or a leading "the", so spellings of one name meet.
func normalWords(s string) []string {
	s = strings.ToLower(strings.ReplaceAll(s, ".", ""))
	s = strings.ReplaceAll(s, "’", "'")
	words := strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\'' || r == '&')
	})
	out := words[:0]
	for _, w := range words {
		w = strings.TrimSuffix(strings.Trim(w, "'"), "'s")
		if w == "" || w == "the" {
			continue
		}
		out = append(out, w)
	}
	return out
}

// demonyms name the people a subject counts.
var demonyms = loadAliases("demonyms.txt")

// nationalityOf returns the people a subject names ("North Korean losses" →
// "North Korean"), or "" when it names none.
func nationalityOf(subject string) string {
	if f, ok := demonyms.find(normalWords(subject)); ok {
		return f[0]
	}
	return ""
}

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
