package reader

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"claimtrack/claims"
)

// DefaultMaxDocumentBytes bounds one article; news copy is a few KB, so a file
// past this is almost certainly not an article (a dump, a log, a binary).
const DefaultMaxDocumentBytes = 16 << 20

// ParseOptions are the caller's overrides for one document.
type ParseOptions struct {
	Date     claims.Date // publication date to use instead of the text's
	Outlet   string      // outlet to use instead of the text's
	MaxBytes int         // 0 means DefaultMaxDocumentBytes
	// Today is the caller's clock: a publication date after it is warned
	// of, and a year-less dateline's year is not after it; zero skips both.
	Today claims.Date
	// Nearby reports whether the ledger holds articles with a dateline of
	// the city given (DatelineCity) published near a day: a year-less
	// dateline takes the year of the same place's other articles, most
	// likely the same story's. Nil when nothing is known.
	Nearby func(city string, d claims.Date) bool
	// Named gives, for a proper name lower-cased, the years of the ledger's
	// dated articles that name it (as a claim's source or place): an
	// article whose day cannot be known takes the year of the articles that
	// name what it names. Nil when nothing is known.
	Named func(name string) map[int]bool
}

// ErrBadInput marks input that is not a readable article; its message says why.
var ErrBadInput = errors.New("bad input")

func badInput(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrBadInput, fmt.Sprintf(format, args...))
}

// ParseDocument checks and normalizes raw article bytes and reads its
// publication date, dateline and outlet. Warnings are things a user should
// know but that do not stop ingest (a dateline without a year).
func ParseDocument(name, path string, raw []byte, opt ParseOptions) (claims.Document, []string, error) {
	limit := opt.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxDocumentBytes
	}
	text, err := normalizeText(raw, limit)
	if err != nil {
		return claims.Document{}, nil, err
	}
	doc := claims.Document{Name: name, Path: path, Text: text}
	sum := sha256.Sum256([]byte(text))
	doc.Hash = hex.EncodeToString(sum[:])

	pos := 0
	if d, end, ok := dateHeader(text); ok {
		doc.Published, pos = d, end
	}
	if dl, ok := readDateline(text, pos); ok {
		doc.Dateline = dl.text
		doc.DatelineMonth, doc.DatelineDay = dl.month, dl.day
		if doc.Published.IsZero() && dl.year > 0 {
			doc.Published = claims.NewDate(dl.year, dl.month, dl.day)
		}
		if dl.agency != "" {
			doc.Outlet = outletName(dl.agency)
		}
		pos = dl.end
	}
	doc.BodyStart = pos
	if doc.Outlet == "" {
		doc.Outlet = signOffOutlet(text)
	}
	if opt.Outlet != "" {
		doc.Outlet = opt.Outlet
	}
	if !opt.Date.IsZero() {
		doc.Published = opt.Date
	}
	var warnings []string
	if !opt.Today.IsZero() && doc.Published.After(opt.Today.Time) {
		warnings = append(warnings, fmt.Sprintf("%s: publication date %s is in the future", name, doc.Published))
	}
	if !looksEnglish(text) {
		warnings = append(warnings, fmt.Sprintf("%s: text does not look like English; claimtrack reads English and may miss its claims", name))
	}
	switch {
	case !doc.Published.IsZero():
	case doc.DatelineMonth != 0:
		missing := inferPublication(&doc, opt.Today, opt.Nearby)
		if missing == "" {
			warnings = append(warnings, fmt.Sprintf("%s: publication date inferred as %s: %s", name, doc.Inferred, doc.InferredReason))
			break
		}
		warnings = append(warnings, fmt.Sprintf("%s: dateline %q has no year and %s; publication date left unknown (use --date)%s", name, doc.Dateline, missing, yearOnly(&doc, opt)))
	default:
		warnings = append(warnings, fmt.Sprintf("%s: no publication date found (no date header or dateline; use --date)%s", name, yearOnly(&doc, opt)))
	}
	return doc, warnings, nil
}

// yearOnly infers the year of an article left without a day, and says so
// for the warning about its date ("" when it cannot).
func yearOnly(doc *claims.Document, opt ParseOptions) string {
	if inferYear(doc, opt.Today, opt.Named) != "" {
		return ""
	}
	return "; " + doc.InferredReason
}

// normalizeText turns raw bytes into the text claimtrack stores: valid UTF-8,
// no byte-order mark, LF line endings.
func normalizeText(raw []byte, limit int) (string, error) {
	if len(raw) > limit {
		return "", badInput("file is %s, over the %s limit for one article", byteSize(len(raw)), byteSize(limit))
	}
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	if order, ok := utf16Order(raw); ok {
		var err error
		if raw, err = decodeUTF16(raw, order); err != nil {
			return "", err
		}
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return "", badInput("empty file")
	}
	if i := bytes.IndexByte(raw, 0); i >= 0 {
		return "", badInput("binary file (NUL byte at offset %d), not article text", i)
	}
	if !utf8.Valid(raw) {
		return "", badInput("invalid UTF-8 at byte %d", firstInvalidUTF8(raw))
	}
	s := strings.ReplaceAll(string(raw), "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	if controlShare(s) > 0.05 {
		return "", badInput("binary file (mostly control characters), not article text")
	}
	return claims.Inert(s), nil
}

// utf16Order recognizes UTF-16 text, which Windows tools write: by its
// byte-order mark, or, without one, by the NUL byte that stands beside
// nearly every character of English text (one in two bytes, on the same
// side). It returns the byte order.
func utf16Order(b []byte) (binary.ByteOrder, bool) {
	switch {
	case bytes.HasPrefix(b, []byte{0xff, 0xfe}):
		return binary.LittleEndian, true
	case bytes.HasPrefix(b, []byte{0xfe, 0xff}):
		return binary.BigEndian, true
	case len(b) < 4 || len(b)%2 != 0:
		return nil, false
	}
	var even, odd int
	for i := 0; i+1 < len(b); i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	pairs := len(b) / 2
	switch {
	case odd >= pairs*9/10 && even == 0:
		return binary.LittleEndian, true
	case even >= pairs*9/10 && odd == 0:
		return binary.BigEndian, true
	}
	return nil, false
}

// decodeUTF16 turns UTF-16 text into UTF-8, dropping its byte-order mark.
func decodeUTF16(b []byte, order binary.ByteOrder) ([]byte, error) {
	if len(b)%2 != 0 {
		return nil, badInput("UTF-16 text with an odd number of bytes (%d): cut short?", len(b))
	}
	start := 0
	if order.Uint16(b) == 0xfeff {
		start = 2 // the byte-order mark
	}
	units := make([]uint16, 0, len(b)/2)
	for i := start; i < len(b); i += 2 {
		units = append(units, order.Uint16(b[i:]))
	}
	for i := 0; i < len(units); i++ {
		switch u := units[i]; {
		case utf16.IsSurrogate(rune(u)) && u < 0xdc00 && i+1 < len(units) && units[i+1] >= 0xdc00 && units[i+1] <= 0xdfff:
			i++ // a pair
		case utf16.IsSurrogate(rune(u)):
			return nil, badInput("invalid UTF-16 at byte %d (a lone surrogate)", start+2*i)
		}
	}
	return []byte(string(utf16.Decode(units))), nil
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}

// controlShare is the share of runes that are control characters other than
// ordinary white space: text has almost none, binary formats have many.
func controlShare(s string) float64 {
	var control, total int
	for _, r := range s {
		total++
		if claims.IsControl(r) {
			control++
		}
	}
	if total == 0 {
		return 0
	}
	return float64(control) / float64(total)
}

func byteSize(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// dateHeader reads the leading " date YYYY-MM-DD" line some feeds prepend.
func dateHeader(text string) (claims.Date, int, bool) {
	i := skipSpace(text, 0)
	const tag = "date "
	if !strings.HasPrefix(strings.ToLower(text[i:]), tag) {
		return claims.Date{}, 0, false
	}
	i = skipSpace(text, i+len(tag))
	if len(text) < i+10 {
		return claims.Date{}, 0, false
	}
	d, err := claims.ParseDate(text[i : i+10])
	if err != nil {
		return claims.Date{}, 0, false
	}
	return d, skipSpace(text, i+10), true
}

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n') {
		i++
	}
	return i
}

type dateline struct {
	text      string
	month     time.Month
	day, year int
	agency    string
	end       int
}

// readDateline reads a wire dateline at pos: a place in capitals or title case,
// optionally a bracketed region, a comma, a month and day, optionally a year
// and an agency in brackets, and a separator — "Wonsan [North Korea], July 13
// (ANI):", "SEOUL, Dec 19 (Reuters) -", "Washington, July 12:", "Seoul, Jan 27".
// A place followed by a bullet ("Kyiv •") is a dateline without a date.
func readDateline(text string, pos int) (dateline, bool) {
	line := text[pos:]
	if nl := strings.IndexByte(line, '\n'); nl >= 0 {
		line = line[:nl]
	}
	place, rest, ok := datelinePlace(line)
	if !ok {
		return dateline{}, false
	}
	if after, ok := strings.CutPrefix(rest, " • "); ok {
		return dateline{text: strings.TrimSpace(line[:len(line)-len(after)]), end: pos + len(line) - len(after)}, place != ""
	}
	// The city's region or country may follow it: "BENGHAZI, Libya, Sept 12",
	// "ASHEVILLE, N.C., Sept. 28, 2024", "Wailuku, United States, Aug 16".
	for range maxDatelineRegions {
		r, ok := strings.CutPrefix(rest, ", ")
		if !ok {
			break
		}
		if m, _ := monthPrefix(r); m != 0 {
			break
		}
		_, after, ok := datelinePlace(r)
		if !ok || !strings.HasPrefix(after, ",") {
			break
		}
		rest = after
	}
	rest, ok = strings.CutPrefix(rest, ",")
	if !ok {
		return dateline{}, false
	}
	rest = strings.TrimLeft(rest, " ")
	month, n := monthPrefix(rest)
	if month == 0 {
		return dateline{}, false
	}
	rest = strings.TrimLeft(rest[n:], " ")
	day, n := leadingInt(rest)
	if day < 1 || day > 31 || n > 2 {
		return dateline{}, false
	}
	rest = rest[n:]
	dl := dateline{month: month, day: day}
	if r, ok := strings.CutPrefix(rest, ", "); ok {
		if y, n := leadingInt(r); n == 4 {
			dl.year, rest = y, r[n:]
		}
	}
	if r, ok := strings.CutPrefix(strings.TrimLeft(rest, " "), "("); ok {
		if close := strings.IndexByte(r, ')'); close > 0 && close < 40 {
			dl.agency, rest = r[:close], r[close+1:]
		}
	}
	// The separator: a colon, a dash, or (as in "Seoul, Jan 27 North Korean …")
	// nothing but a space before the first sentence.
	trimmed := strings.TrimLeft(rest, " ")
	switch {
	case strings.HasPrefix(trimmed, ":"):
		trimmed = trimmed[1:]
	case strings.HasPrefix(trimmed, "--"):
		trimmed = trimmed[2:]
	case strings.HasPrefix(trimmed, "-"), strings.HasPrefix(trimmed, "–"), strings.HasPrefix(trimmed, "—"):
		_, size := utf8.DecodeRuneInString(trimmed)
		trimmed = trimmed[size:]
	case len(rest) > 0 && rest[0] != ' ':
		return dateline{}, false
	}
	body := len(line) - len(strings.TrimLeft(trimmed, " "))
	dl.text = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(line[:body]), ":-–—"))
	dl.end = pos + body
	return dl, true
}

// maxDatelineRegions is how many places may follow a dateline's city before
// its date: a region and a country.
const maxDatelineRegions = 2

// datelinePlace reads up to five capitalized words and an optional
// "[Region]" at the start of a line.
func datelinePlace(line string) (place, rest string, ok bool) {
	i, words := 0, 0
	for i < len(line) && words < 5 {
		r, _ := utf8.DecodeRuneInString(line[i:])
		if !unicode.IsUpper(r) {
			break
		}
		j := i
		for j < len(line) {
			r, size := utf8.DecodeRuneInString(line[j:])
			if !(unicode.IsLetter(r) || r == '.' || r == '-' || r == '\'') {
				break
			}
			j += size
		}
		words++
		i = j
		if i < len(line) && line[i] == ' ' && i+1 < len(line) {
			next, _ := utf8.DecodeRuneInString(line[i+1:])
			if unicode.IsUpper(next) {
				i++
				continue
			}
		}
		break
	}
	if words == 0 {
		return "", line, false
	}
	if strings.HasPrefix(line[i:], " [") {
		if close := strings.IndexByte(line[i:], ']'); close > 0 && close < 40 {
			i += close + 1
		}
	}
	return strings.TrimSpace(line[:i]), line[i:], true
}

var monthNames = map[string]time.Month{
	"january": time.January, "february": time.February, "march": time.March, "april": time.April,
	"may": time.May, "june": time.June, "july": time.July, "august": time.August,
	"september": time.September, "october": time.October, "november": time.November, "december": time.December,
	"jan": time.January, "feb": time.February, "mar": time.March, "apr": time.April,
	"jun": time.June, "jul": time.July, "aug": time.August, "sep": time.September,
	"sept": time.September, "oct": time.October, "nov": time.November, "dec": time.December,
}

// monthPrefix reads a month name or abbreviation (with an optional dot) at the
// start of s.
func monthPrefix(s string) (time.Month, int) {
	n := 0
	for n < len(s) && (s[n] >= 'a' && s[n] <= 'z' || s[n] >= 'A' && s[n] <= 'Z') {
		n++
	}
	m, ok := monthNames[strings.ToLower(s[:n])]
	if !ok {
		return 0, 0
	}
	if n < len(s) && s[n] == '.' {
		n++
	}
	return m, n
}

func leadingInt(s string) (int, int) {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n == 0 {
		return 0, 0
	}
	v, _ := strconv.Atoi(s[:n])
	return v, n
}

var outlets = loadAliases("outlets.txt")

// outletsCapitalized holds when every outlet's name starts, after an
// optional "the", with a capital or a digit, as all the listed ones do: a
// lower-case word then cannot end or start one (knownOutletAt). A user may
// add "dpa".
var outletsCapitalized = func() bool {
	for _, fields := range dataLines("outlets.txt") {
		for _, alias := range fields {
			r, _ := utf8.DecodeRuneInString(strings.TrimPrefix(strings.TrimPrefix(alias, "the "), "The "))
			if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
				return false
			}
		}
	}
	return true
}()

// outletName gives the canonical name of a wire tag, or the tag itself.
func outletName(tag string) string {
	if c, ok := outlets.lookup(tag); ok {
		return c
	}
	return strings.TrimSpace(tag)
}

// signOffOutlet finds a known outlet in the article's last line when that line
// is a short sign-off ("KBS News.", "WATCH WION LIVE HERE").
func signOffOutlet(text string) string {
	lines := strings.Split(strings.TrimSpace(text), "\n")
	last := strings.TrimSpace(lines[len(lines)-1])
	// "… officials said. (AFP)": a credit in brackets closing the text.
	if open := strings.LastIndexByte(last, '('); open >= 0 && strings.HasSuffix(last, ")") {
		if c, ok := outlets.lookup(strings.TrimSpace(last[open+1 : len(last)-1])); ok {
			return c
		}
	}
	if len(strings.Fields(last)) > 6 {
		return ""
	}
	c, _ := outlets.find(strings.Trim(last, ".()"))
	return c
}

// IsOutlet reports whether name is a known outlet, giving its canonical name.
func IsOutlet(name string) (string, bool) { return outlets.lookup(strings.TrimPrefix(name, "the ")) }

// looksEnglish reports whether enough of a text's words are common English
// function words: English prose runs at 30–50%, other languages near 0.
// Short texts get the benefit of the doubt.
func looksEnglish(text string) bool {
	words, common := 0, 0
	// Only the first 400 words are read, so the text is not split whole.
	var lower []byte
	for start := -1; words < 400; {
		r, size := utf8.DecodeRuneInString(text)
		if size > 0 && unicode.IsLetter(r) {
			lower = utf8.AppendRune(lower, unicode.ToLower(r))
			start = 0
		} else if start == 0 {
			words++
			if functionWords[string(lower)] { // no allocation for a map lookup
				common++
			}
			lower, start = lower[:0], -1
		}
		if size == 0 {
			break
		}
		text = text[size:]
	}
	return words < 30 || common*10 >= words
}
