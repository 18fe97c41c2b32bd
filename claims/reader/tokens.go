package reader

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word or a punctuation mark of a sentence, with byte offsets in
// the document text.
type token struct {
	start, end int
	text       string
	lower      string
	punct      bool
}

// tokenize splits text[start:end] into words and punctuation. A word keeps
// inner hyphens, apostrophes and dots ("Kim Jong-un", "Korea's", "U.S.");
// a trailing dot stays only on initials and initialisms.
func tokenize(text string, start, end int) []token { return tokenizeLowered(text, "", start, end) }

// tokenizeLowered is tokenize given lower, text lower-cased byte for byte
// (the same length), whose slices are the tokens' lower forms: an article
// lower-cased once spares a copy per capitalized word. With lower "" each
// word is lower-cased on its own.
func tokenizeLowered(text, lower string, start, end int) []token {
	toks := make([]token, 0, (end-start)/5+1) // about one token in five bytes of news text
	i := start
	for i < end {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		if !wordRune(r) {
			toks = append(toks, token{start: i, end: i + size, text: text[i : i+size], lower: text[i : i+size], punct: true})
			i += size
			continue
		}
		j := i
		for j < end {
			r, size := utf8.DecodeRuneInString(text[j:])
			if wordRune(r) {
				j += size
				continue
			}
			if (r == '-' || r == '\'' || r == '’' || r == '.' || r == ',') && j+size < end {
				next, _ := utf8.DecodeRuneInString(text[j+size:])
				prev, _ := utf8.DecodeLastRuneInString(text[i:j])
				if r == ',' || r == '.' {
					// "1,121" and "17.9" stay whole; "U.S" too.
					if (unicode.IsDigit(prev) && unicode.IsDigit(next)) || (r == '.' && unicode.IsLetter(next) && unicode.IsUpper(prev) && j-i <= 3) {
						j += size
						continue
					}
					break
				}
				if wordRune(next) {
					j += size
					continue
				}
			}
			break
		}
		// Keep the dot of an initial or initialism: "G.", "U.S.", "W.".
		if j < end && text[j] == '.' {
			w := text[i:j]
			if (len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z') || (strings.Contains(w, ".") && len(w) <= 4) || abbreviations[strings.ToLower(w)] {
				j++
			}
		}
		w := text[i:j]
		t := token{start: i, end: j, text: w}
		if lower != "" {
			t.lower = lower[i:j]
		} else {
			t.lower = strings.ToLower(w)
		}
		toks = append(toks, t)
		i = j
	}
	return toks
}

func wordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// capitalized reports whether a word starts with an upper-case letter.
func (t token) capitalized() bool {
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsUpper(r)
}

// tokenAt returns the index of the first token starting at or after offset.
func tokenAt(toks []token, offset int) int {
	for i, t := range toks {
		if t.start >= offset {
			return i
		}
	}
	return len(toks)
}

// tokenContaining returns the index of the token that holds offset, or of
// the first one after it; -1 when no token is left.
func tokenContaining(toks []token, offset int) int {
	for i, t := range toks {
		if t.end > offset {
			return i
		}
	}
	return -1
}

// tokenBefore returns the index of the last token ending at or before offset, or -1.
func tokenBefore(toks []token, offset int) int {
	for i := len(toks) - 1; i >= 0; i-- {
		if toks[i].end <= offset {
			return i
		}
	}
	return -1
}

// phraseAt reports whether the lower-cased words of phrase start at toks[i].
func phraseAt(toks []token, i int, phrase []string) bool {
	if i < 0 || i+len(phrase) > len(toks) {
		return false
	}
	for k, w := range phrase {
		if toks[i+k].lower != w {
			return false
		}
	}
	return true
}

// phraseEndingAt reports whether phrase's words end at toks[i] (inclusive).
func phraseEndingAt(toks []token, i int, phrase []string) bool {
	return phraseAt(toks, i-len(phrase)+1, phrase)
}

func joinTokens(text string, toks []token) string {
	if len(toks) == 0 {
		return ""
	}
	return text[toks[0].start:toks[len(toks)-1].end]
}
