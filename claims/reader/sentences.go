package reader

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is a span of the document text. Paragraph counts line breaks:
// wire copy puts a paragraph on each line, and attributions rarely carry past one.
type Sentence struct {
	Start, End int
	Paragraph  int
}

var abbreviations = func() map[string]bool {
	m := map[string]bool{}
	for _, f := range dataLines("abbreviations.txt") {
		m[strings.ToLower(f[0])] = true
	}
	return m
}()

// maxSentenceBytes bounds a sentence: real ones stay far below it, and text
// without stops (a table, a scrape gone wrong) must not become one "sentence"
// whose reading grows with its square.
const maxSentenceBytes = 2000

// SplitSentences splits text[from:] into sentences. A full stop, question or
// exclamation mark ends a sentence when white space and a capital, digit or
// opening quote follow, unless it closes an abbreviation ("Mr.", "Jan."), an
// initial ("G. Keith Still") or a dotted initialism ("U.S."). A line break
// always ends one: headlines and sign-offs have no final stop.
func SplitSentences(text string, from int) []Sentence {
	var out []Sentence
	para := 0
	start := from
	emit := func(end int) {
		s, e := trimSpan(text, start, end)
		for e-s > maxSentenceBytes {
			cut := s + maxSentenceBytes
			if space := strings.LastIndexByte(text[s:cut], ' '); space > 0 {
				cut = s + space
			}
			for cut > s && !utf8.RuneStart(text[cut]) {
				cut--
			}
			if cut == s {
				cut = s + maxSentenceBytes
			}
			out = append(out, Sentence{Start: s, End: cut, Paragraph: para})
			s, _ = trimSpan(text, cut, e)
		}
		if s < e {
			out = append(out, Sentence{Start: s, End: e, Paragraph: para})
		}
	}
	for i := from; i < len(text); i++ {
		c := text[i]
		if c == '\n' {
			emit(i)
			start = i + 1
			para++
			for start < len(text) && text[start] == '\n' {
				start++
				i++
			}
			continue
		}
		if c != '.' && c != '?' && c != '!' {
			continue
		}
		end := closeQuotes(text, i+1)
		if end >= len(text) || (text[end] != ' ' && text[end] != '\t') {
			continue
		}
		next := skipBlanks(text, end)
		if next >= len(text) || text[next] == '\n' {
			continue // the line break ends it
		}
		if !opensSentence(text[next:]) {
			continue
		}
		if c == '.' && !endsSentence(text, i) {
			continue
		}
		emit(end)
		start = next
		i = next - 1
	}
	emit(len(text))
	return out
}

func trimSpan(text string, s, e int) (int, int) {
	for s < e && isBlank(text[s]) {
		s++
	}
	for e > s && isBlank(text[e-1]) {
		e--
	}
	return s, e
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }

func skipBlanks(text string, i int) int {
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	return i
}

// closeQuotes skips closing quotes and brackets after a stop.
func closeQuotes(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r != '"' && r != '\'' && r != ')' && r != ']' && r != '”' && r != '’' {
			return i
		}
		i += size
	}
	return i
}

func opensSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '\'' || r == '“' || r == '‘' || r == '('
}

// endsSentence decides whether the full stop at i ends a sentence, judging
// the word it closes.
func endsSentence(text string, i int) bool {
	// Abbreviations and initialisms are short: look back a few bytes only, so
	// a long dotted run ("a.a.a.…") costs no more than a short one.
	const longestAbbreviation = 12
	j := i
	for j > 0 && i-j < longestAbbreviation && text[j-1] != ' ' && text[j-1] != '\n' && text[j-1] != '(' && text[j-1] != '"' {
		j--
	}
	if j > 0 && i-j == longestAbbreviation && text[j-1] != ' ' && text[j-1] != '\n' {
		return true // a longer word is no abbreviation
	}
	word := text[j:i]
	if word == "" {
		return true
	}
	if abbreviations[strings.ToLower(strings.TrimLeft(word, "'‘“"))] {
		return false
	}
	if len(word) == 1 && word[0] >= 'A' && word[0] <= 'Z' {
		return false // an initial
	}
	// Dotted initialisms: U.S, U.N, N.Korea
	if strings.Contains(word, ".") {
		parts := strings.Split(word, ".")
		short := true
		for _, p := range parts[:len(parts)-1] {
			if len(p) > 2 || p == "" || !unicode.IsLetter(rune(p[0])) {
				short = false
			}
		}
		if short && len(parts[len(parts)-1]) <= 2 {
			return false
		}
	}
	return true
}
