package claims

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// IsControl reports whether r is a control character other than a line feed
// or a tab: what neither stored article text nor a message printed to the
// terminal may carry.
func IsControl(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' }

// Inert removes terminal escape sequences and other control characters
// but line feeds and tabs, so that an article's text can neither drive the
// terminal it is printed on (clear the screen, hide a link) nor lend its
// digits to a figure ("\x1b[31mred" is no 31). The reader stores article
// text so; the store passes what it reads through it too, for ledgers
// written before.
func Inert(s string) string {
	if !strings.ContainsFunc(s, IsControl) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x1b:
			i += escapeLength(s[i:])
			continue
		case IsControl(r):
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// escapeLength is the length of the escape sequence that starts s: CSI
// ("ESC [ … final"), OSC ("ESC ] … BEL" or "ESC ] … ESC \\"), or ESC and
// one character.
func escapeLength(s string) int {
	if len(s) < 2 {
		return len(s)
	}
	switch s[1] {
	case '[':
		for i := 2; i < len(s); i++ {
			if s[i] >= 0x40 && s[i] <= 0x7e {
				return i + 1
			}
		}
		return len(s)
	case ']':
		for i := 2; i < len(s); i++ {
			if s[i] == 0x07 {
				return i + 1
			}
			if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
		}
		return len(s)
	}
	_, size := utf8.DecodeRuneInString(s[1:])
	return 1 + size
}
