package sqlite

import (
	"strings"
	"testing"
)

func TestSearchMatches(t *testing.T) {
	const sentence = `Some 1,100 North Korean soldiers were killed or wounded in Kursk, the spy agency said.`
	const subject = "North Korean soldiers\nshells"
	for _, tt := range []struct {
		query string
		want  bool
	}{
		{"soldiers", true},
		{"Soldiers KURSK", true},
		{"soldiers tanks", false},
		{"soldier", false}, // whole words
		{"soldier*", true},
		{`"north korean soldiers"`, true},
		{`"korean north"`, false},
		{`"spy ag"*`, true},
		{"tanks OR kursk", true},
		{"tanks OR drones", false},
		{"soldiers NOT wounded", false},
		{"soldiers NOT tanks", true},
		{"soldiers -wounded", false},
		{"soldiers AND (tanks OR agency)", true},
		{"(tanks OR drones) soldiers", false},
		{"subject:shells", true},
		{"sentence:shells", false},
		{`subject:"north korean"`, true},
		{"1,100", true},
		{"100", true},                 // "1,100" is two words, as FTS4 split it
		{`killed "OR" wounded`, true}, // a quoted OR is a word
		{`"AND"`, false},
	} {
		q, err := parseSearch(tt.query)
		if err != nil {
			t.Errorf("parseSearch(%q): %v", tt.query, err)
			continue
		}
		if got := q.matches(sentence, subject); got != tt.want {
			t.Errorf("%q matches = %v, want %v", tt.query, got, tt.want)
		}
	}
}

func TestSearchMalformed(t *testing.T) {
	for _, query := range []string{
		"", "   ", `"unbalanced`, `subject:"open`, "(soldiers", "soldiers)", "OR soldiers",
		"soldiers OR", "AND soldiers", "soldiers AND", "soldiers NOT", "()", "place:Kursk", "-", `""`,
		strings.Repeat("killed OR ", maxSearchTerms) + "wounded", // one term too many
	} {
		if _, err := parseSearch(query); err == nil {
			t.Errorf("parseSearch(%q) succeeded", query)
		}
	}
}

func TestSearchTermsAreBounded(t *testing.T) {
	query := strings.TrimSuffix(strings.Repeat("killed OR ", maxSearchTerms), " OR ")
	if _, err := parseSearch(query); err != nil {
		t.Errorf("%d terms: %v", maxSearchTerms, err)
	}
	_, err := parseSearch(strings.Repeat("w OR ", 10_000) + "w")
	if err == nil || err.Error() != "10001 words and phrases: a search may hold 64 at most" {
		t.Errorf("10,001 terms: %v", err)
	}
}
