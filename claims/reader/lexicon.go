package reader

import (
	"embed"
	"strings"

	"claimtrack/claims"
)

// The reader's word lists live in data/ as plain text so a user can read and
// extend them without touching code.
//
//go:embed data/*.txt
var dataFiles embed.FS

// dataLines returns the entries of one of the reader's data files.
func dataLines(name string) [][]string { return claims.EmbeddedWordList(dataFiles, name) }

// aliasTable maps the lower-cased aliases of a data file to their canonical
// name (the first field of each line).
type aliasTable struct {
	canonical map[string]string
	longest   int // longest alias in words, to bound phrase look-ups
}

func loadAliases(name string) aliasTable {
	t := aliasTable{canonical: map[string]string{}}
	for _, fields := range dataLines(name) {
		for _, alias := range fields {
			key := strings.ToLower(alias)
			t.canonical[key] = fields[0]
			if n := len(strings.Fields(key)); n > t.longest {
				t.longest = n
			}
		}
	}
	return t
}

// lookup returns the canonical name for an alias, matched case-insensitively.
func (t aliasTable) lookup(s string) (string, bool) {
	c, ok := t.canonical[strings.ToLower(strings.TrimSpace(s))]
	return c, ok
}

// find returns the canonical name of the first alias that occurs in s as
// whole words, preferring longer aliases at the same position.
func (t aliasTable) find(s string) (string, bool) {
	words := strings.FieldsFunc(s, func(r rune) bool {
		return !(r == '-' || r == '\'' || r == '.' || r == '&' || isLetterOrDigit(r))
	})
	for i := range words {
		for n := min(t.longest, len(words)-i); n >= 1; n-- {
			phrase := strings.Trim(strings.Join(words[i:i+n], " "), ".")
			if c, ok := t.lookup(phrase); ok {
				return c, true
			}
		}
	}
	return "", false
}
