package reader

import (
	"errors"
	"strings"
	"testing"
	"time"

	"claimtrack/claims"
)

func TestParseDocumentHeadersAndDatelines(t *testing.T) {
	tests := []struct {
		name, text        string
		published, outlet string
		dateline          string
		month             time.Month
		day               int
		body              string // what the body starts with
		warn              bool
	}{
		{"header+dateline", " date 2025-07-13 Wonsan [North Korea], July 13 (ANI): Russian Foreign Minister met",
			"2025-07-13", "ANI", "Wonsan [North Korea], July 13 (ANI)", time.July, 13, "Russian", false},
		{"header only", " date 2024-12-18 Kyiv • North Korean losses", "2024-12-18", "", "Kyiv •", 0, 0, "North Korean", false},
		{"dateline no separator", " date 2024-01-27 Seoul, Jan 27 North Korean Foreign Minister", "2024-01-27", "", "Seoul, Jan 27", time.January, 27, "North Korean", false},
		{"no year", "Washington, July 12: North Korea and Russia", "", "", "Washington, July 12", time.July, 12, "North Korea", true},
		{"reuters dash", "SEOUL, Dec 19 (Reuters) - South Korea's spy agency", "", "Reuters", "SEOUL, Dec 19 (Reuters)", time.December, 19, "South Korea", true},
		{"afp", "KYIV, Nov 26 (AFP) - Russia fired", "", "AFP", "KYIV, Nov 26 (AFP)", time.November, 26, "Russia", true},
		{"dateline with year", "LONDON, April 16, 2025 (Reuters) - North Korea", "2025-04-16", "Reuters", "LONDON, April 16, 2025 (Reuters)", time.April, 16, "North Korea", false},
		{"ani colon", "Washington, July 12 (ANI): Text", "", "ANI", "Washington, July 12 (ANI)", time.July, 12, "Text", true},
		{"city and country", "BENGHAZI, Libya, Sept 12 (Reuters) - More than 5,300", "", "Reuters", "BENGHAZI, Libya, Sept 12 (Reuters)", time.September, 12, "More than", true},
		{"city, state and year", "ASHEVILLE, N.C., Sept. 28, 2024 (AP) — Rescue crews", "2024-09-28", "AP", "ASHEVILLE, N.C., Sept. 28, 2024 (AP)", time.September, 28, "Rescue crews", false},
		{"city, country of two words", "Wailuku, United States, Aug 16 (AFP) - The confirmed", "", "AFP", "Wailuku, United States, Aug 16 (AFP)", time.August, 16, "The confirmed", true},
		{"sign-off", " date 2024-12-19 South Korea's spy agency says.\n\nKBS News.", "2024-12-19", "KBS", "", 0, 0, "South Korea", false},
		{"watch sign-off", " date 2023-07-26 Russian Defence Minister.\n\nWATCH WION LIVE HERE", "2023-07-26", "WION", "", 0, 0, "Russian", false},
		{"bracketed credit closing the text", "The storm killed 40 people, officials said. (AFP)", "", "AFP", "", 0, 0, "The storm", true},
		{"credit line", "The storm killed 40 people.\n\n©2024 Tribune News Service", "", "Tribune News Service", "", 0, 0, "The storm", true},
		{"plain sentence is no dateline", "North Korea, the report said, sent troops.", "", "", "", 0, 0, "North Korea", true},
		{"no date at all", "How many people turned out?", "", "", "", 0, 0, "How many", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, warnings, err := ParseDocument("a.txt", "a.txt", []byte(tt.text), ParseOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if got := doc.Published.String(); got != tt.published {
				t.Errorf("published = %q, want %q", got, tt.published)
			}
			if doc.Outlet != tt.outlet {
				t.Errorf("outlet = %q, want %q", doc.Outlet, tt.outlet)
			}
			if doc.Dateline != tt.dateline || doc.DatelineMonth != tt.month || doc.DatelineDay != tt.day {
				t.Errorf("dateline = %q %v %d, want %q %v %d", doc.Dateline, doc.DatelineMonth, doc.DatelineDay, tt.dateline, tt.month, tt.day)
			}
			if !strings.HasPrefix(doc.Text[doc.BodyStart:], tt.body) {
				t.Errorf("body starts %q, want %q", doc.Text[doc.BodyStart:], tt.body)
			}
			if (len(warnings) > 0) != tt.warn {
				t.Errorf("warnings = %q, want some: %v", warnings, tt.warn)
			}
		})
	}
}

func TestParseDocumentOverrides(t *testing.T) {
	d, _ := claims.ParseDate("2024-11-26")
	doc, warnings, err := ParseDocument("a.txt", "a.txt", []byte("KYIV, Nov 26 (AFP) - Russia fired"), ParseOptions{Date: d, Outlet: "Le Monde"})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Published != d || doc.Outlet != "Le Monde" || len(warnings) != 0 {
		t.Errorf("got %v %q %q", doc.Published, doc.Outlet, warnings)
	}
}

func TestParseDocumentNormalizes(t *testing.T) {
	a, _, err := ParseDocument("a.txt", "", []byte("\xef\xbb\xbfLine one.\r\nLine two.\r\n"), ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b, _, _ := ParseDocument("b.txt", "", []byte("Line one.\nLine two.\n"), ParseOptions{})
	if a.Text != b.Text || a.Hash != b.Hash {
		t.Errorf("BOM/CRLF text %q (%s) differs from LF text %q (%s)", a.Text, a.Hash, b.Text, b.Hash)
	}
}

func TestParseDocumentBadInput(t *testing.T) {
	tests := []struct {
		name string
		raw  []byte
		want string
	}{
		{"empty", nil, "empty file"},
		{"blank", []byte(" \n\t\n"), "empty file"},
		{"binary", []byte("PK\x03\x04\x00\x00binary"), "binary file"},
		{"invalid utf8", []byte("caf\xe9 au lait"), "invalid UTF-8 at byte 3"},
		{"too big", []byte(strings.Repeat("a", 2048)), "over the 1.0 KB limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := ParseDocument("x.txt", "x.txt", tt.raw, ParseOptions{MaxBytes: 1024})
			if !errors.Is(err, ErrBadInput) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want bad input containing %q", err, tt.want)
			}
		})
	}
}

func TestParseDocumentWarnings(t *testing.T) {
	today, _ := claims.ParseDate("2026-11-21")
	_, warnings, _ := ParseDocument("f.txt", "", []byte(" date 2027-01-05 Troops said 300 people attended."), ParseOptions{Today: today})
	if len(warnings) != 1 || !strings.Contains(warnings[0], "f.txt: publication date 2027-01-05 is in the future") {
		t.Errorf("future date: %q", warnings)
	}
	german := " date 2024-01-05 Die Polizei schätzte die Zahl der Teilnehmer auf rund 20.000 Menschen, während die Veranstalter von mehr als 100.000 Demonstranten sprachen. Es war die größte Kundgebung seit Jahren in der Hauptstadt, berichteten örtliche Medien am Sonntag."
	_, warnings, _ = ParseDocument("de.txt", "", []byte(german), ParseOptions{Today: today})
	if len(warnings) != 1 || !strings.Contains(warnings[0], "de.txt: text does not look like English") {
		t.Errorf("non-English: %q", warnings)
	}
}

// Terminal escape sequences and other control characters do not reach the
// stored text: printed, it cannot drive a terminal, and "\x1b[31m" lends no
// 31 to the figures.
func TestParseDocumentMakesTextInert(t *testing.T) {
	text := " date 2024-01-10 The ministry said \x1b[31mred\x1b[0m that 40 people were killed, officials" +
		" added on Wednesday after a long day of searching the coast. \x1b]8;;http://x\x07link\x1b]8;;\x07 More" +
		" rain is expected later in the week across the whole region and well beyond it.\x07\n"
	doc, _, err := ParseDocument("e.txt", "", []byte(text), ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsFunc(doc.Text, func(r rune) bool { return r == 0x1b || r == 0x07 }) {
		t.Errorf("control characters kept: %q", doc.Text)
	}
	var values []float64
	for _, c := range NewReader().Read(&doc) {
		if c.Value.Low != nil {
			values = append(values, *c.Value.Low)
		}
	}
	if len(values) != 1 || values[0] != 40 {
		t.Errorf("figures %v, want only 40", values)
	}
}
