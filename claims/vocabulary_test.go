package claims

import "testing"

// One list of countries (data/countries.txt) answers the three questions
// the reader and the reconciler ask of a name.
func TestCountries(t *testing.T) {
	tests := []struct {
		name                         string
		country, adjective, peopleOf string
	}{
		{"Wonsan", "North Korea", "", ""},
		{"Pyongyang", "North Korea", "", "North Korean"},
		{"North Korean", "North Korea", "North Korea", "North Korean"},
		{"DPRK", "North Korea", "North Korea", "North Korean"},
		{"Russian", "Russia", "Russia", "Russian"},
		{"Kursk", "Russia", "", ""},
		{"Kremlin", "Russia", "", ""},
		{"U.S.", "United States", "United States", "American"},
		{"Britain", "United Kingdom", "United Kingdom", "British"},
		{"Gaza", "Palestine", "", "Palestinian"},
		{"Tbilisi", "Georgia", "", ""},
		{"Washington", "United States", "", ""},
		{"Chicago", "", "", ""},
	}
	for _, tt := range tests {
		if got := CountryOf(tt.name); got != tt.country {
			t.Errorf("CountryOf(%q) = %q, want %q", tt.name, got, tt.country)
		}
		if got := CountryOfAdjective(tt.name); got != tt.adjective {
			t.Errorf("CountryOfAdjective(%q) = %q, want %q", tt.name, got, tt.adjective)
		}
		if got := NationalityOf(tt.name + " troops"); got != tt.peopleOf {
			t.Errorf("NationalityOf(%q) = %q, want %q", tt.name+" troops", got, tt.peopleOf)
		}
	}
}

func TestWordClasses(t *testing.T) {
	rows := ParseWordList([]byte("# comment\nalike | Agency | service\nalike | ministry\nplan | set\n"))
	got := WordClasses(rows)
	cases := []struct {
		class, word string
		want        bool
	}{
		{"alike", "agency", true},   // lower-cased
		{"alike", "Agency", false},  // only in lower case
		{"alike", "ministry", true}, // a second line of a class adds to it
		{"alike", "service", true},  // the first line is kept
		{"plan", "set", true},
		{"plan", "plan", false},       // the class name is no member
		{"comment", "comment", false}, // comments are skipped
	}
	for _, c := range cases {
		if got[c.class][c.word] != c.want {
			t.Errorf("WordClasses[%q][%q] = %v, want %v", c.class, c.word, !c.want, c.want)
		}
	}
}
