package reader

import (
	"strings"
	"testing"
	"time"

	"claimtrack/claims"
)

// The year of a year-less dateline, from the weekdays its article names.
func TestInferPublication(t *testing.T) {
	today := claims.NewDate(2026, time.December, 7)
	near2017 := func(_ string, d claims.Date) bool { return d.Year() == 2017 }
	tests := []struct {
		name    string
		text    string
		today   claims.Date
		nearby  func(string, claims.Date) bool
		want    string // the inferred date, or "" and the start of the reason
		missing string
	}{
		{"the latest year the first weekday fits, not after today",
			"BENGHAZI, Libya, Sept 12 (Reuters) - More than 5,300 people died, the ministry said on Tuesday.", today, nil, "2023-09-12", ""},
		{"a year the ledger's articles of the city share wins",
			"BENGHAZI, Libya, Sept 12 (Reuters) - More than 5,300 people died, the ministry said on Tuesday.", today, near2017, "2017-09-12", ""},
		{"the ledger's year over the first weekday's own",
			"ASHEVILLE, Oct. 23 - In a statement Tuesday, the county cut its count to 42 deaths.", today,
			func(city string, d claims.Date) bool { return city == "asheville" && d.Year() == 2024 }, "2024-10-23", ""},
		{"the dateline's day after the first weekday named",
			"TALLAHASSEE, Fla., Sept 27 (Reuters) - Helene killed 44 people after it made landfall late on Thursday, two years after the storms of 2023.", today, nil, "2024-09-27", ""},
		{"not before the latest year the text mentions",
			"KYIV, Nov 26 (AFP) - Russia fired 188 drones, the air force said on Tuesday. The war began in February 2022.", claims.Date{}, nil, "2024-11-26", ""},
		{"a future year is not a candidate",
			"LAHAINA, Hawaii, Aug 10 (Reuters) - The toll rose to 53 on Thursday.", claims.NewDate(2023, time.August, 9), nil, "2017-08-10", ""},
		{"no weekday, no year",
			"Tripoli, Sept 16: Six days after the storm, the toll is still disputed.", today, nil, "", "the text names no weekday"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, _, err := ParseDocument("d.txt", "", []byte(tt.text), ParseOptions{Today: tt.today, Nearby: tt.nearby})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Inferred.String() != tt.want {
				t.Errorf("inferred %q (%s), want %q", doc.Inferred, doc.InferredReason, tt.want)
			}
			if tt.missing != "" {
				if got := inferPublication(&doc, tt.today, tt.nearby); !strings.HasPrefix(got, tt.missing) {
					t.Errorf("missing %q, want %q", got, tt.missing)
				}
			}
		})
	}
}

// The year of an article with no day of its own, from the years of the
// ledger's articles that name its sources and places.
func TestInferYear(t *testing.T) {
	today := claims.NewDate(2026, time.December, 7)
	ledger := map[string]map[int]bool{
		"derna":                     {2023: true},
		"world health organization": {2023: true, 2020: true},
		"reuters":                   {2017: true, 2023: true, 2024: true},
		"london":                    {2024: true, 2025: true},
		"kyiv":                      {2024: true, 2025: true},
	}
	named := func(name string) map[int]bool { return ledger[name] }
	tests := []struct {
		name, text string
		named      func(string) map[int]bool
		want       int    // the year, or 0 and the start of the reason
		missing    string // why none
	}{
		{"the year of the story's names outweighs a name of every story",
			"One month on, Derna still counts its dead. The World Health Organization counted 4,255 deaths on September 28, Reuters reported.", named, 2023, ""},
		{"not before the latest year the text mentions",
			"London's estimate rose to 1.1 million so far in 2025, officials in Kyiv said.", named, 2025, ""},
		{"an even split is no year",
			"London's estimate rose to 1.1 million, officials in Kyiv said.", named, 0, "the ledger's dated articles"},
		{"a name of every story alone is no year",
			"More than 200 people died, Reuters reported.", named, 0, "the ledger's dated articles"},
		{"nothing known",
			"More than 200 people died in Derna.", nil, 0, "the ledger holds no dated article"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := claims.Document{Text: tt.text}
			missing := inferYear(&doc, today, tt.named)
			if doc.InferredYear != tt.want || !strings.HasPrefix(missing, tt.missing) || (tt.missing == "") != (missing == "") {
				t.Errorf("year %d, missing %q (%s); want %d, %q", doc.InferredYear, missing, doc.InferredReason, tt.want, tt.missing)
			}
		})
	}
}

// A headerless article whose year the ledger gives: its month dates fall in
// that year, its weekdays and undated figures stay undated.
func TestFiguresOfAnArticleOfAKnownYear(t *testing.T) {
	named := func(name string) map[int]bool {
		if name == "derna" {
			return map[int]bool{2023: true}
		}
		return nil
	}
	text := "Derna is still counting its dead.\n\nOn September 28 the WHO had counted 4,255 deaths in Derna. OCHA put the toll at more than 4,300 on Tuesday."
	doc, warnings, err := ParseDocument("blog.txt", "", []byte(text), ParseOptions{Today: claims.NewDate(2026, time.December, 7), Named: named})
	if err != nil {
		t.Fatal(err)
	}
	if !doc.Reference().IsZero() || doc.InferredYear != 2023 {
		t.Fatalf("reference %s, year %d; want no day and 2023", doc.Reference(), doc.InferredYear)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "year taken as 2023") || !strings.Contains(warnings[0], "Derna") {
		t.Errorf("warnings %q, want one naming the year and Derna", warnings)
	}
	var got []string
	for _, c := range NewReader().Read(&doc) {
		got = append(got, c.Text+" "+c.AsOf.String())
	}
	want := []string{"4,255 deaths 2023-09-28", "more than 4,300 "}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("claims %q, want %q", got, want)
	}
}

// The time a figure describes when its sentence names none, and whether it
// is a forecast.
func TestFigureTimeAndModality(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // "as-of period-start modality" of each claim
	}{
		{"a statistic takes the month of the article's last like figure",
			"Employers added 114,000 jobs in July. Health care led with 55,000 jobs.",
			[]string{"2024-07-31 2024-07-01 actual", "2024-07-31 2024-07-01 actual"}},
		{"a running count does not",
			"The ministry counted 300 deaths in July. By now 450 people have died.",
			[]string{"2024-07-31 2024-07-01 actual", "2024-08-02  actual"}},
		{"a relative date that modifies an event is not the figure's",
			"Officials lowered the death toll from last month's wildfire to at least 97 people.",
			[]string{"2024-08-02  actual"}},
		{"a figure of an event the text does not date again is of that event",
			"Iran launched over 300 missiles and drones yesterday. It answered a strike on 1 April. The attacks included 30 cruise missiles.",
			[]string{"2024-08-01  actual", "2024-08-01  actual"}},
		{"a date that modifies an event is not the figure's",
			"The death toll from Wednesday's quake has climbed to 2,497.",
			[]string{"2024-08-02  actual"}},
		{"nor when a number stands between",
			"The death toll from last week's 7.7 magnitude earthquake has climbed to 2,719.",
			[]string{"2024-08-02  actual", "2024-08-02  actual"}},
		{"a named month's statistic is that month's",
			"June's gain now stands at 179,000 jobs.",
			[]string{"2024-06-30 2024-06-01 actual"}},
		{"a relative clause after the figure says something else",
			"The firm put insured losses at about $3.2 billion, which it said would make the fire the costliest since a storm in 1992.",
			[]string{"2024-08-02  actual"}},
		{"a running figure since a date is as of the day it is given",
			"More than 600,000 troops have been killed or wounded since Moscow invaded Ukraine in February 2022.",
			[]string{"2024-08-02 2022-02-01 actual"}},
		{"a running figure after a since-clause",
			"Since the start of the invasion in February 2022, Russia has lost more than 790,000 soldiers.",
			[]string{"2024-08-02 2022-02-01 actual"}},
		{"a date in a relative clause on the subject dates the subject",
			"The storm that struck the coast on Monday has killed 13 people.",
			[]string{"2024-08-02  actual"}},
		{"reported speech is no relative clause",
			"Officials said that on Monday the storm had killed 13 people.",
			[]string{"2024-07-29  actual"}},
		{"a figure an expectation governs is a forecast",
			"Economists had forecast payrolls rising by 175,000 jobs.",
			[]string{"2024-08-02  projected"}},
		{"a forecast after what it counts",
			"The figure fell short of the 145,000 jobs expected by economists.",
			[]string{"2024-08-02  projected"}},
		{"a toll expected to rise is a count",
			"The number of dead had topped 5,300 and was expected to rise.",
			[]string{"2024-08-02  actual"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, c := range readText(t, "2024-08-02", "", tt.text) {
				got = append(got, c.AsOf.String()+" "+c.Period.Start.String()+" "+string(c.Modality))
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
