package dates

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

type tokenKind uint8

const (
	wordToken   tokenKind = iota + 1 // a run of letters
	numberToken                      // digits, with inner separators: 2024-01-26, 1,121, 04:17, 27th, 1990s
	punctToken                       // one punctuation mark
)

// token is one word, number or punctuation mark of the scanned text.
type token struct {
	start, end int
	kind       tokenKind
	spaced     bool  // whitespace or the start of the text comes before it
	capital    bool  // a word that starts with an upper-case letter
	punct      byte  // the mark of a punctToken; every dash is '-', every apostrophe '\''
	word       int32 // index into vocabulary.words, 0 when the word is unknown
}

// tokenize splits s into tokens, appending to toks. Words are looked up in
// the vocabulary once here so that the grammar compares small integers.
func tokenize(s string, toks []token) []token {
	spaced := true
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			spaced = true
			i++
			continue
		case isDigit(c):
			end := numberEnd(s, i)
			toks = append(toks, token{start: i, end: end, kind: numberToken, spaced: spaced})
			i = end
		case isASCIILetter(c):
			end := i + 1
			for end < len(s) && isASCIILetter(s[end]) {
				end++
			}
			if end < len(s) && s[end] >= utf8.RuneSelf && startsWithLetter(s[end:]) {
				end = wordEnd(s, end) // a word with non-ASCII letters: never in the vocabulary
				toks = append(toks, token{start: i, end: end, kind: wordToken, spaced: spaced, capital: c >= 'A' && c <= 'Z'})
			} else {
				toks = append(toks, token{start: i, end: end, kind: wordToken, spaced: spaced,
					capital: c >= 'A' && c <= 'Z', word: lookupWord(s[i:end])})
			}
			i = end
		case c < utf8.RuneSelf:
			toks = append(toks, token{start: i, end: i + 1, kind: punctToken, spaced: spaced, punct: c})
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			switch {
			case unicode.IsSpace(r):
				spaced = true
				i += size
				continue
			case unicode.IsLetter(r):
				end := wordEnd(s, i)
				toks = append(toks, token{start: i, end: end, kind: wordToken, spaced: spaced, capital: unicode.IsUpper(r)})
				i = end
			default:
				toks = append(toks, token{start: i, end: i + size, kind: punctToken, spaced: spaced, punct: normalPunct(r)})
				i += size
			}
		}
		spaced = false
	}
	return toks
}

// numberEnd finds where the number starting at i ends. A number keeps single
// separators between digits (2024-01-26, 1,121, 6,107.31, 04:17) and a
// glued ordinal or plural suffix (27th, 1990s, 1990's).
func numberEnd(s string, i int) int {
	for {
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		if i+1 < len(s) && isNumberSeparator(s[i]) && isDigit(s[i+1]) {
			i++
			continue
		}
		break
	}
	switch {
	case i+2 <= len(s) && isOrdinalSuffix(s[i], s[i+1]) && !letterAt(s, i+2):
		return i + 2
	case i < len(s) && (s[i] == 's' || s[i] == 'S') && !letterAt(s, i+1):
		return i + 1
	case i+1 < len(s) && s[i] == '\'' && s[i+1] == 's' && !letterAt(s, i+2):
		return i + 2
	case strings.HasPrefix(s[i:], "’s") && !letterAt(s, i+4): // 1990’s
		return i + 4
	}
	return i
}

func isOrdinalSuffix(a, b byte) bool {
	a, b = a|0x20, b|0x20 // lower case
	return a == 's' && b == 't' || a == 'n' && b == 'd' || a == 'r' && b == 'd' || a == 't' && b == 'h'
}

func isNumberSeparator(c byte) bool {
	return c == '-' || c == '/' || c == '.' || c == ',' || c == ':'
}

// wordEnd finds the end of a run of letters (any script) starting at i.
func wordEnd(s string, i int) int {
	for i < len(s) {
		if isASCIILetter(s[i]) {
			i++
			continue
		}
		if s[i] < utf8.RuneSelf {
			break
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			break
		}
		i += size
	}
	return i
}

func startsWithLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

func letterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	if s[i] < utf8.RuneSelf {
		return isASCIILetter(s[i])
	}
	return startsWithLetter(s[i:])
}

// normalPunct folds the typographic dashes and apostrophes news text uses
// into their ASCII forms; other marks become 0.
func normalPunct(r rune) byte {
	switch r {
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
		return '-'
	case '\u2018', '\u2019':
		return '\''
	}
	return 0
}

func isDigit(c byte) bool       { return c >= '0' && c <= '9' }
func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
