package dates

import (
	"strings"
	"testing"
	"time"

	"claimtrack/claims"
)

// want is one expected mention; from and to are "" when unresolved.
type want struct {
	text     string
	kind     Kind
	from, to string
	prec     claims.Precision
	relation string
}

type scanCase struct {
	in   string
	want []want
}

func date(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func show(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// runScans checks every mention of every case, in order, against ref.
func runScans(t *testing.T, ref string, opts Options, cases []scanCase) {
	t.Helper()
	var r time.Time
	if ref != "" {
		r = date(ref)
	}
	for _, c := range cases {
		got := Scan(c.in, r, opts)
		if len(got) != len(c.want) {
			t.Errorf("%q: got %d mentions %v, want %d", c.in, len(got), texts(got), len(c.want))
			continue
		}
		for i, w := range c.want {
			m := got[i]
			if c.in[m.Start:m.End] != m.Text {
				t.Errorf("%q: offsets %d..%d do not give %q", c.in, m.Start, m.End, m.Text)
			}
			g := want{m.Text, m.Kind, show(m.From), show(m.To), m.Precision, m.Relation}
			if g != w {
				t.Errorf("%q:\n got %+v\nwant %+v", c.in, g, w)
			}
		}
	}
}

func texts(ms []Mention) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Text)
	}
	return out
}

// A Sunday, as in the Lavrov article.
const july13 = "2025-07-13"

func TestWeekdays(t *testing.T) {
	runScans(t, july13, Options{}, []scanCase{
		{"Lavrov, who arrived in North Korea on Friday for a three-day visit", []want{
			{"on Friday", KindDate, "2025-07-11", "2025-07-11", claims.PrecisionDay, "on"},
			{"three-day", KindDuration, "", "", "", ""},
		}},
		{"said on Saturday", []want{{"on Saturday", KindDate, "2025-07-12", "2025-07-12", claims.PrecisionDay, "on"}}},
		{"Saturday", []want{{"Saturday", KindDate, "2025-07-12", "2025-07-12", claims.PrecisionDay, ""}}},
		{"on Wednesday", []want{{"on Wednesday", KindDate, "2025-07-09", "2025-07-09", claims.PrecisionDay, "on"}}},
		{"on Sunday", []want{{"on Sunday", KindDate, july13, july13, claims.PrecisionDay, "on"}}},
		{"last Saturday", []want{{"last Saturday", KindDate, "2025-07-12", "2025-07-12", claims.PrecisionDay, ""}}},
		{"last Sunday", []want{{"last Sunday", KindDate, "2025-07-06", "2025-07-06", claims.PrecisionDay, ""}}},
		{"next Monday", []want{{"next Monday", KindDate, "2025-07-14", "2025-07-14", claims.PrecisionDay, ""}}},
		{"this Friday", []want{{"this Friday", KindDate, "2025-07-11", "2025-07-11", claims.PrecisionDay, ""}}},
		{"Thursday evening", []want{{"Thursday evening", KindDate, "2025-07-10", "2025-07-10", claims.PrecisionDay, ""}}},
		{"late Thursday", []want{{"late Thursday", KindDate, "2025-07-10", "2025-07-10", claims.PrecisionDay, ""}}},
		{"on Saturday (September 16)", []want{{"on Saturday (September 16)", KindDate, "2024-09-16", "2024-09-16", claims.PrecisionDay, "on"}}},
		{"Saturday, Sept. 16", []want{{"Saturday, Sept. 16", KindDate, "2024-09-16", "2024-09-16", claims.PrecisionDay, ""}}},
		{"Friday next week", []want{{"Friday next week", KindDate, "2025-07-18", "2025-07-18", claims.PrecisionDay, ""}}},
		{"last week on Tuesday", []want{{"last week on Tuesday", KindDate, "2025-07-01", "2025-07-01", claims.PrecisionDay, ""}}},
		{"Thursday the 10th", []want{{"Thursday the 10th", KindDate, "2025-07-10", "2025-07-10", claims.PrecisionDay, ""}}},
		{"the first Friday of July", []want{{"the first Friday of July", KindDate, "2025-07-04", "2025-07-04", claims.PrecisionDay, ""}}},
		{"the last Sunday of March 2014", []want{{"the last Sunday of March 2014", KindDate, "2014-03-30", "2014-03-30", claims.PrecisionDay, ""}}},
	})
	runScans(t, "2024-12-18", Options{}, []scanCase{ // a Wednesday
		{"on Tuesday", []want{{"on Tuesday", KindDate, "2024-12-17", "2024-12-17", claims.PrecisionDay, "on"}}},
		{"on Monday", []want{{"on Monday", KindDate, "2024-12-16", "2024-12-16", claims.PrecisionDay, "on"}}},
		{"on Wednesday", []want{{"on Wednesday", KindDate, "2024-12-18", "2024-12-18", claims.PrecisionDay, "on"}}},
	})
}

func TestWeekdayFlag(t *testing.T) {
	ms := Scan("on Friday and on Saturday, Sept. 16", date(july13), Options{})
	if len(ms) != 2 || !ms[0].Weekday || ms[1].Weekday {
		t.Fatalf("got %+v, want the lone weekday flagged and the dated one not", ms)
	}
}

func TestDaysAroundThePublicationDate(t *testing.T) {
	runScans(t, july13, Options{}, []scanCase{
		{"today", []want{{"today", KindDate, july13, july13, claims.PrecisionDay, ""}}},
		{"yesterday morning", []want{{"yesterday morning", KindDate, "2025-07-12", "2025-07-12", claims.PrecisionDay, ""}}},
		{"tomorrow", []want{{"tomorrow", KindDate, "2025-07-14", "2025-07-14", claims.PrecisionDay, ""}}},
		{"the previous day", []want{{"the previous day", KindDate, "2025-07-12", "2025-07-12", claims.PrecisionDay, ""}}},
		{"a day earlier", []want{{"a day earlier", KindDate, "2025-07-12", "2025-07-12", claims.PrecisionDay, ""}}},
		{"the day before yesterday", []want{{"the day before yesterday", KindDate, "2025-07-11", "2025-07-11", claims.PrecisionDay, ""}}},
		{"overnight", []want{{"overnight", KindDate, july13, july13, claims.PrecisionDay, ""}}},
		{"last night", []want{{"last night", KindDate, "2025-07-12", "2025-07-12", claims.PrecisionDay, ""}}},
		{"two years ago", []want{{"two years ago", KindDate, "2023-07-13", "2023-07-13", claims.PrecisionDay, ""}}},
		{"three weeks later", []want{{"three weeks later", KindDate, "2025-08-03", "2025-08-03", claims.PrecisionDay, ""}}},
	})
}

func TestCalendarUnits(t *testing.T) {
	runScans(t, july13, Options{}, []scanCase{
		{"this week", []want{{"this week", KindPeriod, "2025-07-07", july13, claims.PrecisionDay, ""}}},
		{"last week", []want{{"last week", KindPeriod, "2025-06-30", "2025-07-06", claims.PrecisionDay, ""}}},
		{"earlier this week", []want{{"earlier this week", KindPeriod, "2025-07-07", july13, claims.PrecisionDay, ""}}},
		{"this month", []want{{"this month", KindDate, "2025-07-01", "2025-07-31", claims.PrecisionMonth, ""}}},
		{"earlier this month", []want{{"earlier this month", KindPeriod, "2025-07-01", july13, claims.PrecisionDay, ""}}},
		{"last month", []want{{"last month", KindDate, "2025-06-01", "2025-06-30", claims.PrecisionMonth, ""}}},
		{"this year", []want{{"this year", KindDate, "2025-01-01", "2025-12-31", claims.PrecisionYear, ""}}},
		{"sent to Russia last year", []want{{"last year", KindDate, "2024-01-01", "2024-12-31", claims.PrecisionYear, ""}}},
		{"earlier this year", []want{{"earlier this year", KindPeriod, "2025-01-01", july13, claims.PrecisionDay, ""}}},
		{"later this year", []want{{"later this year", KindPeriod, july13, "2025-12-31", claims.PrecisionDay, ""}}},
		{"shares are down 20% year to date", []want{{"year to date", KindPeriod, "2025-01-01", july13, claims.PrecisionDay, ""}}},
		{"year-to-date sales", []want{{"year-to-date", KindPeriod, "2025-01-01", july13, claims.PrecisionDay, ""}}},
		{"for the rest of the year", []want{{"for the rest of the year", KindPeriod, july13, "2025-12-31", claims.PrecisionDay, "for"}}},
		{"over the weekend", []want{{"over the weekend", KindPeriod, "2025-07-12", july13, claims.PrecisionDay, "over"}}},
		{"last quarter", []want{{"last quarter", KindPeriod, "2025-04-01", "2025-06-30", claims.PrecisionMonth, ""}}},
		{"this decade", []want{{"this decade", KindPeriod, "2020-01-01", "2029-12-31", claims.PrecisionYear, ""}}},
	})
}

func TestMonthsAndYears(t *testing.T) {
	runScans(t, july13, Options{}, []scanCase{
		{"in June last year", []want{{"in June last year", KindDate, "2024-06-01", "2024-06-30", claims.PrecisionMonth, "in"}}},
		{"in June", []want{{"in June", KindDate, "2025-06-01", "2025-06-30", claims.PrecisionMonth, "in"}}},
		{"in August", []want{{"in August", KindDate, "2024-08-01", "2024-08-31", claims.PrecisionMonth, "in"}}},
		{"last June", []want{{"last June", KindDate, "2025-06-01", "2025-06-30", claims.PrecisionMonth, ""}}},
		{"in November 2024", []want{{"in November 2024", KindDate, "2024-11-01", "2024-11-30", claims.PrecisionMonth, "in"}}},
		{"November 2024", []want{{"November 2024", KindDate, "2024-11-01", "2024-11-30", claims.PrecisionMonth, ""}}},
		{"in 2024", []want{{"in 2024", KindDate, "2024-01-01", "2024-12-31", claims.PrecisionYear, "in"}}},
		// A year after "the" dates a named event.
		{"the 2018 Camp Fire", []want{{"the 2018", KindDate, "2018-01-01", "2018-12-31", claims.PrecisionYear, ""}}},
		// A list of dates that follow on from each other is one span.
		{"in 2020 and 2021", []want{{"in 2020 and 2021", KindPeriod, "2020-01-01", "2021-12-31", claims.PrecisionYear, "in"}}},
		{"in October, November and December 2024", []want{
			{"in October, November and December 2024", KindPeriod, "2024-10-01", "2024-12-31", claims.PrecisionMonth, "in"}}},
		// A gap, or dates of different kinds, leave the dates apart.
		{"in 2020 and 2022", []want{
			{"in 2020", KindDate, "2020-01-01", "2020-12-31", claims.PrecisionYear, "in"},
			{"2022", KindDate, "2022-01-01", "2022-12-31", claims.PrecisionYear, ""},
		}},
		{"in 2020 and March 2021", []want{
			{"in 2020", KindDate, "2020-01-01", "2020-12-31", claims.PrecisionYear, "in"},
			{"March 2021", KindDate, "2021-03-01", "2021-03-31", claims.PrecisionMonth, ""},
		}},
		{"since February 2022", []want{{"since February 2022", KindPeriod, "2022-02-01", july13, claims.PrecisionMonth, "since"}}},
		{"since September 2023", []want{{"since September 2023", KindPeriod, "2023-09-01", july13, claims.PrecisionMonth, "since"}}},
		{"since mid-2022", []want{{"since mid-2022", KindPeriod, "2022-05-01", july13, claims.PrecisionMonth, "since"}}},
		{"mid-2022", []want{{"mid-2022", KindPeriod, "2022-05-01", "2022-08-31", claims.PrecisionMonth, ""}}},
		{"by mid-January", []want{{"by mid-January", KindPeriod, "2025-01-11", "2025-01-20", claims.PrecisionDay, "by"}}},
		{"late 2023", []want{{"late 2023", KindPeriod, "2023-09-01", "2023-12-31", claims.PrecisionMonth, ""}}},
		{"early last year", []want{{"early last year", KindPeriod, "2024-01-01", "2024-04-30", claims.PrecisionMonth, ""}}},
		{"at the end of March", []want{{"at the end of March", KindPeriod, "2025-03-16", "2025-03-31", claims.PrecisionDay, "at"}}},
		{"the first half of 2024", []want{{"the first half of 2024", KindPeriod, "2024-01-01", "2024-06-30", claims.PrecisionMonth, ""}}},
		{"in the second quarter", []want{{"in the second quarter", KindPeriod, "2025-04-01", "2025-06-30", claims.PrecisionMonth, "in"}}},
		{"Q2 2024", []want{{"Q2 2024", KindPeriod, "2024-04-01", "2024-06-30", claims.PrecisionMonth, ""}}},
		{"second-quarter 2023 profit", []want{{"second-quarter 2023", KindPeriod, "2023-04-01", "2023-06-30", claims.PrecisionMonth, ""}}},
		{"H1 2016", []want{{"H1 2016", KindPeriod, "2016-01-01", "2016-06-30", claims.PrecisionMonth, ""}}},
		{"last summer", []want{{"last summer", KindPeriod, "2024-06-01", "2024-08-31", claims.PrecisionMonth, ""}}},
		{"this summer", []want{{"this summer", KindPeriod, "2025-06-01", "2025-08-31", claims.PrecisionMonth, ""}}},
		{"in the winter of 2022", []want{{"in the winter of 2022", KindPeriod, "2022-12-01", "2023-02-28", claims.PrecisionMonth, "in"}}},
		{"the 1990s", []want{{"the 1990s", KindPeriod, "1990-01-01", "1999-12-31", claims.PrecisionYear, ""}}},
		{"in the late 1990s", []want{{"in the late 1990s", KindPeriod, "1997-01-01", "1999-12-31", claims.PrecisionYear, "in"}}},
		{"the '90s", []want{{"the '90s", KindPeriod, "1990-01-01", "1999-12-31", claims.PrecisionYear, ""}}},
		{"the 21st century", []want{{"the 21st century", KindPeriod, "2000-01-01", "2099-12-31", claims.PrecisionYear, ""}}},
		{"in 2023-24", []want{{"in 2023-24", KindPeriod, "2023-01-01", "2024-12-31", claims.PrecisionYear, "in"}}},
	})
}

func TestDays(t *testing.T) {
	runScans(t, july13, Options{}, []scanCase{
		{"as of February 16", []want{{"as of February 16", KindDate, "2025-02-16", "2025-02-16", claims.PrecisionDay, "as of"}}},
		{"on July 27, 1953", []want{{"on July 27, 1953", KindDate, "1953-07-27", "1953-07-27", claims.PrecisionDay, "on"}}},
		{"27 July 2023", []want{{"27 July 2023", KindDate, "2023-07-27", "2023-07-27", claims.PrecisionDay, ""}}},
		{"Jan. 27", []want{{"Jan. 27", KindDate, "2025-01-27", "2025-01-27", claims.PrecisionDay, ""}}},
		{"Jan 27", []want{{"Jan 27", KindDate, "2025-01-27", "2025-01-27", claims.PrecisionDay, ""}}},
		{"January 27th", []want{{"January 27th", KindDate, "2025-01-27", "2025-01-27", claims.PrecisionDay, ""}}},
		{"Aug. 2", []want{{"Aug. 2", KindDate, "2024-08-02", "2024-08-02", claims.PrecisionDay, ""}}},
		{"the 4th of July", []want{{"the 4th of July", KindDate, "2025-07-04", "2025-07-04", claims.PrecisionDay, ""}}},
		{"on the 27th", []want{{"on the 27th", KindDate, "2025-06-27", "2025-06-27", claims.PrecisionDay, "on"}}},
		{"2024-01-26", []want{{"2024-01-26", KindDate, "2024-01-26", "2024-01-26", claims.PrecisionDay, ""}}},
		{"02/22/2016", []want{{"02/22/2016", KindDate, "2016-02-22", "2016-02-22", claims.PrecisionDay, ""}}},
		{"21/04/16", []want{{"21/04/16", KindDate, "2016-04-21", "2016-04-21", claims.PrecisionDay, ""}}},
		{"13.5.2015", []want{{"13.5.2015", KindDate, "2015-05-13", "2015-05-13", claims.PrecisionDay, ""}}},
		{"Friday 7/11", []want{{"Friday 7/11", KindDate, "2025-07-11", "2025-07-11", claims.PrecisionDay, ""}}},
		{"Feb. 30", []want{{"Feb. 30", KindDate, "", "", claims.PrecisionDay, ""}}},
	})
	runScans(t, "2025-03-01", Options{}, []scanCase{
		{"Feb 29", []want{{"Feb 29", KindDate, "2024-02-29", "2024-02-29", claims.PrecisionDay, ""}}},
	})
}

func TestRangesAndSpans(t *testing.T) {
	runScans(t, july13, Options{}, []scanCase{
		{"between September 2023 and March 2025", []want{{"between September 2023 and March 2025", KindPeriod, "2023-09-01", "2025-03-31", claims.PrecisionMonth, "between"}}},
		{"from June to August", []want{{"from June to August", KindPeriod, "2024-06-01", "2024-08-31", claims.PrecisionMonth, "between"}}},
		{"from 2014 to 2018", []want{{"from 2014 to 2018", KindPeriod, "2014-01-01", "2018-12-31", claims.PrecisionYear, "between"}}},
		{"2014-2018", []want{{"2014-2018", KindPeriod, "2014-01-01", "2018-12-31", claims.PrecisionYear, ""}}},
		{"Oct. 2 to October 22", []want{{"Oct. 2 to October 22", KindPeriod, "2024-10-02", "2024-10-22", claims.PrecisionDay, "between"}}},
		{"November 19-20", []want{{"November 19-20", KindPeriod, "2024-11-19", "2024-11-20", claims.PrecisionDay, ""}}},
		{"from 4 to 22 this month", []want{{"from 4 to 22 this month", KindPeriod, "2025-07-04", "2025-07-22", claims.PrecisionDay, "between"}}},
		{"from December to March 2025", []want{{"from December to March 2025", KindPeriod, "2024-12-01", "2025-03-31", claims.PrecisionMonth, "between"}}},
		{"between now and November 15", []want{{"between now and November 15", KindPeriod, july13, "2025-11-15", claims.PrecisionDay, "between"}}},
		{"over the past week", []want{{"over the past week", KindPeriod, "2025-07-06", july13, claims.PrecisionDay, "over"}}},
		{"in the past three months", []want{{"in the past three months", KindPeriod, "2025-04-13", july13, claims.PrecisionDay, "in"}}},
		{"the last 12 months", []want{{"the last 12 months", KindPeriod, "2024-07-13", july13, claims.PrecisionDay, ""}}},
		{"over the next two years", []want{{"over the next two years", KindPeriod, "2025-07-14", "2027-07-13", claims.PrecisionDay, "over"}}},
		{"in the three months to June", []want{{"in the three months to June", KindPeriod, "2025-04-01", "2025-06-30", claims.PrecisionMonth, "in"}}},
		{"in the year to March", []want{{"in the year to March", KindPeriod, "2024-04-01", "2025-03-31", claims.PrecisionMonth, "in"}}},
	})
	runScans(t, "2025-04-16", Options{}, []scanCase{
		{"over the past year and a half", []want{{"over the past year and a half", KindPeriod, "2023-10-16", "2025-04-16", claims.PrecisionDay, "over"}}},
		{"between September 2023 and March 2025", []want{{"between September 2023 and March 2025", KindPeriod, "2023-09-01", "2025-03-31", claims.PrecisionMonth, "between"}}},
	})
}

func TestDurations(t *testing.T) {
	for _, c := range []struct {
		in       string
		text     string
		relation string
		days     int
	}{
		{"a three-day visit", "three-day", "", 3},
		{"in just three months", "in just three months", "in", 91},
		{"for a year and a half", "for a year and a half", "for", 548},
		{"two and a half years", "two and a half years", "", 913},
		{"over 18 months", "over 18 months", "over", 548},
		{"within a week", "within a week", "within", 7},
	} {
		ms := Scan(c.in, date(july13), Options{})
		if len(ms) != 1 {
			t.Errorf("%q: got %v, want one duration", c.in, texts(ms))
			continue
		}
		m := ms[0]
		if m.Kind != KindDuration || m.Text != c.text || m.Relation != c.relation || m.Days != c.days || !m.From.IsZero() {
			t.Errorf("%q: got %+v, want duration %q relation %q of %d days", c.in, m, c.text, c.relation, c.days)
		}
	}
}

func TestTimesOfDay(t *testing.T) {
	runScans(t, july13, Options{}, []scanCase{
		{"at 04:17 local time", []want{{"at 04:17 local time", KindTime, july13, july13, claims.PrecisionDay, "at"}}},
		{"4 pm", []want{{"4 pm", KindTime, july13, july13, claims.PrecisionDay, ""}}},
		{"at 10:30 a.m. Monday", []want{
			{"at 10:30 a.m.", KindTime, july13, july13, claims.PrecisionDay, "at"},
			{"Monday", KindDate, "2025-07-07", "2025-07-07", claims.PrecisionDay, ""},
		}},
		{"on Saturday at 4 pm", []want{
			{"on Saturday", KindDate, "2025-07-12", "2025-07-12", claims.PrecisionDay, "on"},
			{"at 4 pm", KindTime, "2025-07-12", "2025-07-12", claims.PrecisionDay, "at"},
		}},
	})
}

func TestNotDates(t *testing.T) {
	for _, s := range []string{
		"the 75th anniversary", "Resolution 1874", "G7 leaders", "COVID-19", "1,121 containers",
		"11,000 troops", "the 250th", "2 people", "North Korea may have sent", "the 2024 election",
		"a 45-year-old man", "24/7", "after 9/11", "Sun Yat-sen", "Sat down", "Mar-a-Lago", "2,024",
		"for the 21st consecutive month", "H2 fuel cells", "rose 5% a year", "May Day", "the late president",
		"the end of the war", "a march on the capital", "in the coming weeks", "3.5 million", "fell to 7%",
		"the 1500 Marines",
	} {
		if ms := Scan(s, date(july13), Options{}); len(ms) > 0 {
			t.Errorf("%q: got %v, want nothing", s, texts(ms))
		}
	}
}

func TestCapitalMay(t *testing.T) {
	runScans(t, july13, Options{}, []scanCase{
		{"In May, prices rose", []want{{"In May", KindDate, "2025-05-01", "2025-05-31", claims.PrecisionMonth, "in"}}},
		{"May 5", []want{{"May 5", KindDate, "2025-05-05", "2025-05-05", claims.PrecisionDay, ""}}},
		{"late May", []want{{"late May", KindPeriod, "2025-05-16", "2025-05-31", claims.PrecisionDay, ""}}},
		{"may 5", nil},
	})
}

func TestFuture(t *testing.T) {
	runScans(t, july13, Options{Future: true}, []scanCase{
		{"on Sunday, Kim will go", []want{{"on Sunday", KindDate, july13, july13, claims.PrecisionDay, "on"}}},
		{"on Monday", []want{{"on Monday", KindDate, "2025-07-14", "2025-07-14", claims.PrecisionDay, "on"}}},
		{"in June", []want{{"in June", KindDate, "2026-06-01", "2026-06-30", claims.PrecisionMonth, "in"}}},
		{"Jan. 27", []want{{"Jan. 27", KindDate, "2026-01-27", "2026-01-27", claims.PrecisionDay, ""}}},
	})
}

func TestWithoutReferenceDate(t *testing.T) {
	runScans(t, "", Options{}, []scanCase{
		{"on Friday", []want{{"on Friday", KindDate, "", "", claims.PrecisionDay, "on"}}},
		{"last year", []want{{"last year", KindDate, "", "", claims.PrecisionYear, ""}}},
		{"on July 27, 1953", []want{{"on July 27, 1953", KindDate, "1953-07-27", "1953-07-27", claims.PrecisionDay, "on"}}},
		{"between September 2023 and March 2025", []want{{"between September 2023 and March 2025", KindPeriod, "2023-09-01", "2025-03-31", claims.PrecisionMonth, "between"}}},
		{"since 2019", []want{{"since 2019", KindDate, "2019-01-01", "2019-12-31", claims.PrecisionYear, "since"}}},
	})
	ms := Scan("SEOUL, Jan. 27 -", time.Time{}, Options{})
	if len(ms) != 1 || ms[0].YearKnown || ms[0].Month != time.January || ms[0].Day != 27 || !ms[0].From.IsZero() {
		t.Fatalf("got %+v, want Jan. 27 kept as month and day with no year", ms)
	}
}

func TestOffsets(t *testing.T) {
	s := "Lavrov, who arrived in North Korea on Friday for a three-day visit"
	ms := Scan(s, date(july13), Options{})
	if len(ms) != 2 || ms[0].Start != strings.Index(s, "on Friday") || ms[1].Start != strings.Index(s, "three-day") {
		t.Fatalf("got %+v", ms)
	}
	// Non-ASCII text before a date must not shift byte offsets.
	s = "Séoul — “on Saturday” it said"
	ms = Scan(s, date(july13), Options{})
	if len(ms) != 1 || s[ms[0].Start:ms[0].End] != "on Saturday" {
		t.Fatalf("got %+v", ms)
	}
}

func FuzzScan(f *testing.F) {
	for _, s := range []string{
		"Lavrov, who arrived in North Korea on Friday for a three-day visit",
		"between September 2023 and March 2025", "over the past year and a half",
		"from 4 to 22 this month", "November 19-20, 2024", "Saturday (Sept. 16)",
		"the first Friday of next month", "2019-sep-1", "04:17 local time", "’90s",
		"between 4-22 January, 1995", "Q2 2024 and H1 2016", "31/12/99", "mid-",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, ref := range []time.Time{{}, date(july13), date("2024-02-29")} {
			for _, opts := range []Options{{}, {Future: true}} {
				prevEnd := 0
				for _, m := range Scan(s, ref, opts) {
					if m.Start < prevEnd || m.End <= m.Start || m.End > len(s) || s[m.Start:m.End] != m.Text {
						t.Fatalf("%q: bad offsets %d..%d after %d for %q", s, m.Start, m.End, prevEnd, m.Text)
					}
					if !m.From.IsZero() && !m.To.IsZero() && m.To.Before(m.From) {
						t.Fatalf("%q: %q runs backwards: %v..%v", s, m.Text, m.From, m.To)
					}
					prevEnd = m.End
				}
			}
		}
	})
}

// newsText is a few kilobytes of wire-style prose, dense with dates and
// figures, for the benchmark.
var newsText = strings.Repeat(`SEOUL, July 13 (Reuters) - Russian Foreign Minister Sergei Lavrov, who arrived in North Korea on Friday for a three-day visit, said on Saturday that the two countries had agreed to expand trade. North Korea has sent at least 11,000 troops and 1,121 containers of munitions to Russia since September 2023, South Korean officials said, and shipped more in June last year. Exports rose 18% in 2024 from a year earlier, and by mid-January the total had reached $2.1 billion, according to a report released on Wednesday. The 75th anniversary of the armistice signed on July 27, 1953, falls later this month. Over the past year and a half, satellite images showed ships docking at Rajin roughly twice a week; between September 2023 and March 2025 analysts counted 64 voyages. "We will meet again on Monday," Kim Jong Un was quoted as saying at 04:17 local time. Resolution 1874, adopted by the UN Security Council in 2009, bans such transfers. In the first half of 2024, the G7 said, shipments doubled.
`, 4)

func BenchmarkScan(b *testing.B) {
	ref := date(july13)
	b.SetBytes(int64(len(newsText)))
	b.ReportAllocs()
	for b.Loop() {
		Scan(newsText, ref, Options{})
	}
}

// An article whose year is known but not its day: a month, or a month and
// day, falls in that year; a weekday or a relative day has nothing to count
// from and stays unresolved.
func TestDatesInAnArticleOfAKnownYear(t *testing.T) {
	runScans(t, "", Options{Year: 2023}, []scanCase{
		{"on September 28", []want{{"on September 28", KindDate, "2023-09-28", "2023-09-28", claims.PrecisionDay, "on"}}},
		{"added 12,000 jobs in October", []want{{"in October", KindDate, "2023-10-01", "2023-10-31", claims.PrecisionMonth, "in"}}},
		{"from October 5 to October 12", []want{{"from October 5 to October 12", KindPeriod, "2023-10-05", "2023-10-12", claims.PrecisionDay, "between"}}},
		{"on July 27, 1953", []want{{"on July 27, 1953", KindDate, "1953-07-27", "1953-07-27", claims.PrecisionDay, "on"}}},
		{"on Tuesday", []want{{"on Tuesday", KindDate, "", "", claims.PrecisionDay, "on"}}},
		{"yesterday", []want{{"yesterday", KindDate, "", "", claims.PrecisionDay, ""}}},
		{"since July", []want{{"since July", KindDate, "", "", claims.PrecisionMonth, "since"}}},
	})
}
