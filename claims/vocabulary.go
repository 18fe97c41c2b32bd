package claims

import (
	"embed"
	"io/fs"
	"slices"
	"strings"
	"unicode"
)

// The vocabulary the reader and the reconciler share lives in data/ as plain
// text, so that a user can read and extend it and so that both sides agree on
// which units, measures, sources, places and actions are one: units.txt,
// measures.txt, sources.txt, affiliations.txt, state_bodies.txt,
// countries.txt, place_kinds.txt and actions.txt. This file is their one
// loader.
//
//go:embed data/*.txt
var dataFiles embed.FS

// wordList returns the entries of one of the vocabulary's data files.
func wordList(name string) [][]string { return EmbeddedWordList(dataFiles, name) }

// EmbeddedWordList reads data/name from a package's embedded files as a word
// list. The files are embedded at build time, so a missing one is a build
// mistake and panics.
func EmbeddedWordList(files fs.FS, name string) [][]string {
	raw, err := fs.ReadFile(files, "data/"+name)
	if err != nil {
		panic("missing data file " + name + ": " + err.Error())
	}
	return ParseWordList(raw)
}

// ParseWordList reads claimtrack's word-list format: one entry a line, fields
// separated by "|" and trimmed, blank lines and "#" comments skipped.
func ParseWordList(raw []byte) [][]string {
	var rows [][]string
	for line := range strings.Lines(string(raw)) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "|")
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		rows = append(rows, fields)
	}
	return rows
}

// WordClasses reads a word list whose entries name their class first
// ("class | word | word…") as one set of lower-case words per class; lines
// of one class add to it.
func WordClasses(rows [][]string) map[string]map[string]bool {
	classes := map[string]map[string]bool{}
	for _, f := range rows {
		set := classes[f[0]]
		if set == nil {
			set = map[string]bool{}
			classes[f[0]] = set
		}
		for _, w := range f[1:] {
			set[strings.ToLower(w)] = true
		}
	}
	return classes
}

// Unit is a canonical unit of data/units.txt: its name (what Claim.Unit
// holds), its class (units of a class can be compared: soldiers and troops)
// and the words that name it.
type Unit struct {
	Name, Class string
	Forms       []string
}

// Scopes of a measure (data/measures.txt): what sort of figure it gives.
const (
	ScopeCumulative = "cumulative" // a running total that never falls
	ScopeEvent      = "event"      // one attack, rally or quake
	ScopeState      = "state"      // a level at a time
)

// Measure is a canonical measure of data/measures.txt: its name (what
// Claim.Measure holds), its class (shipped and sent are one transfer), its
// scope ("cumulative", "event" or "state") and the words that say it.
type Measure struct {
	Name, Class, Scope string
	Forms              []string
}

// Action is a canonical action of an event claim (data/actions.txt): its
// name, its class ("met" and "held talks" are one meeting) and its words.
type Action struct {
	Name, Class string
	Forms       []string
}

// Vocabulary is the shared word lists, loaded once.
type Vocabulary struct {
	Units    []Unit
	Measures []Measure
	Actions  []Action
	// Sectors are the parts of an economy of data/sectors.txt, each a line:
	// its name first, then its other names.
	Sectors [][]string

	unitClass   map[string]string
	measures    map[string]Measure
	actionClass map[string]string
	// sources maps every listed source name and alias, lower-cased, to its
	// canonical name; sourceVariants the same folded by nameKey.
	sources        map[string]string
	sourceVariants map[string]string
	// countries maps countries, their adjectives and cities, lower-cased, to
	// the country; adjectives holds the adjectives and possessives alone.
	countries, adjectives map[string]string
	// regions maps regions inside a country, lower-cased, to the country.
	regions      map[string]string
	sectors      phraseTable // every name of a sector → its first
	affiliations phraseTable
	peoples      phraseTable
	placeKinds   map[string]bool
	// stateBodies are the words of state_bodies.txt.
	stateBodies map[string]bool
}

var words = loadVocabulary()

// Words returns the shared vocabulary.
func Words() *Vocabulary { return words }

func loadVocabulary() *Vocabulary {
	v := &Vocabulary{unitClass: map[string]string{}, measures: map[string]Measure{},
		actionClass: map[string]string{}, sources: map[string]string{}, sourceVariants: map[string]string{},
		countries: map[string]string{}, regions: map[string]string{}, adjectives: map[string]string{}, placeKinds: map[string]bool{},
		affiliations: loadPhrases("affiliations.txt"), peoples: phraseTable{fields: map[string][]string{}},
		sectors: phraseTable{fields: map[string][]string{}}, stateBodies: map[string]bool{}}
	for _, f := range wordList("state_bodies.txt") {
		for _, w := range f {
			v.stateBodies[strings.ToLower(w)] = true
		}
	}
	for _, f := range wordList("units.txt") {
		name, class, _ := strings.Cut(f[0], "@")
		v.Units = append(v.Units, Unit{Name: name, Class: class, Forms: f[1:]})
		v.unitClass[name] = class
	}
	for _, f := range wordList("measures.txt") {
		m := Measure{Name: f[0], Class: f[1], Scope: f[2], Forms: f[3:]}
		v.Measures = append(v.Measures, m)
		v.measures[m.Name] = m
	}
	for _, f := range wordList("actions.txt") {
		v.Actions = append(v.Actions, Action{Name: f[0], Class: f[1], Forms: f[2:]})
		v.actionClass[f[0]] = f[1]
	}
	for _, f := range wordList("sources.txt") {
		for _, alias := range f {
			v.sources[strings.ToLower(alias)] = f[0]
			v.sourceVariants[nameKey(alias)] = f[0]
		}
	}
	for _, f := range wordList("place_kinds.txt") {
		for _, w := range f {
			v.placeKinds[w] = true
		}
	}
	for _, f := range wordList("sectors.txt") {
		v.Sectors = append(v.Sectors, f)
		for _, name := range f {
			v.sectors.add(name, []string{f[0]})
		}
	}
	for _, f := range wordList("regions.txt") {
		v.regions[strings.ToLower(f[0])] = f[1]
	}
	for _, f := range wordList("countries.txt") {
		f = append(f, "", "", "")
		country, demonym, others := f[0], f[1], commaList(f[2])
		var cities, capitals []string
		for _, city := range commaList(f[3]) {
			if name, marked := strings.CutSuffix(city, "*"); marked {
				city = name
				capitals = append(capitals, name)
			}
			cities = append(cities, city)
		}
		whose := append([]string{demonym}, others...)
		for _, name := range slices.Concat([]string{country}, whose, cities) {
			if name != "" {
				v.countries[strings.ToLower(name)] = country
			}
		}
		for _, name := range whose {
			if name != "" {
				v.adjectives[strings.ToLower(name)] = country
			}
		}
		if demonym == "" {
			continue
		}
		people := slices.Concat([]string{country}, whose, capitals)
		for _, name := range people {
			v.peoples.add(name, []string{demonym})
		}
	}
	return v
}

// UnitClass returns the class of a canonical unit ("soldiers" → "personnel"),
// or the unit itself when the word lists do not know it.
func UnitClass(unit string) string {
	if c, ok := words.unitClass[unit]; ok {
		return c
	}
	return unit
}

// MeasureClass returns the class of a canonical measure ("shipped" and "sent"
// → "transfer") and its scope: "cumulative" (a running total that never
// falls), "event" (one attack, rally or quake) or "state" (a level at a time).
// Unknown measures are their own class with scope "state".
func MeasureClass(measure string) (class, scope string) {
	if m, ok := words.measures[measure]; ok {
		return m.Class, m.Scope
	}
	return measure, ScopeState
}

// ActionClass returns the class of an event action ("met" and "held talks"
// are both a meeting), or the action itself when unknown.
func ActionClass(action string) string {
	if class, ok := words.actionClass[action]; ok {
		return class
	}
	return action
}

// CanonicalSource merges a source name with its known aliases
// ("NIS" → "National Intelligence Service").
func CanonicalSource(name string) string {
	if c, ok := ListedSource(name); ok {
		return c
	}
	// Spelling variants of one name: "Choe Son-hui", "Choe Son Hui", "CHOE SON HUI".
	if c, ok := words.sourceVariants[nameKey(name)]; ok {
		return c
	}
	return name
}

// ListedSource returns the canonical name of a source data/sources.txt
// lists under that name or alias, matched case-insensitively.
func ListedSource(name string) (string, bool) {
	c, ok := words.sources[strings.ToLower(strings.TrimSpace(name))]
	return c, ok
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

// CountryOf gives the country a place, city or demonym names ("Wonsan" →
// "North Korea", "Russian" → "Russia"), or "" when the word lists do not know it.
func CountryOf(place string) string {
	return words.countries[strings.ToLower(strings.TrimSpace(place))]
}

// IsRegionName reports a region inside a country that regions.txt lists
// ("South Carolina", "Kherson"). A country is not one: as a clause's
// subject it is mostly the actor ("Russia fired 188 drones"). Nor is a
// county or a city: "Maui County had reported 36 deaths" is the county's
// government speaking about the fire's toll, not a part of it.
func IsRegionName(name string) bool {
	return words.regions[strings.ToLower(strings.TrimSpace(name))] != ""
}

// CountryOfAdjective gives the country an adjective or possessive names
// ("Russian", "Syria's" → the country), or "" for any other word: unlike
// CountryOf it does not take a city or the country's own name.
func CountryOfAdjective(word string) string {
	return words.adjectives[strings.ToLower(word)]
}

// IsPlaceKind reports a word that says what sort of place a name is, not
// which one: "region", "county".
func IsPlaceKind(word string) bool { return words.placeKinds[strings.ToLower(word)] }

// NationalityOf returns the people a subject names ("North Korean losses" →
// "North Korean"), or "" when it names none: subjects naming different
// peoples never measure the same thing.
func NationalityOf(subject string) string {
	if f, ok := words.peoples.find(NormalWords(subject)); ok {
		return f[0]
	}
	return ""
}

// SectorOf returns the part of an economy a subject names ("health care
// jobs" → "health care", "private payrolls" → "private"), or "" when it
// names none: a sector's figure and the total measure different things.
func SectorOf(subject string) string {
	if f, ok := words.sectors.find(NormalWords(subject)); ok {
		return f[0]
	}
	return ""
}

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
	for _, f := range wordList(name) {
		t.add(f[0], f[1:])
	}
	return t
}

// commaList splits a field that lists names: "Moscow, Kremlin".
func commaList(field string) []string {
	var names []string
	for name := range strings.SplitSeq(field, ",") {
		if name = strings.TrimSpace(name); name != "" {
			names = append(names, name)
		}
	}
	return names
}

func (t *phraseTable) add(phrase string, fields []string) {
	key := strings.Join(NormalWords(phrase), " ")
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

// NormalWords splits a name into lower-case words without dots ("U.S." is
// "us"), possessive endings or a leading "the", so spellings of one name meet.
func NormalWords(s string) []string {
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
