package reader

import (
	"fmt"
	"strings"
	"testing"

	"claimtrack/claims"
)

// readOne reads a one-paragraph article published on date and returns its claims.
func readText(t *testing.T, date, outlet, text string) []claims.Claim {
	t.Helper()
	doc, _, err := ParseDocument("t.txt", "t.txt", []byte(" date "+date+" "+text), ParseOptions{Outlet: outlet})
	if err != nil {
		t.Fatal(err)
	}
	return NewReader().Read(&doc)
}

func describe(c claims.Claim) string {
	val := func(v *float64) string {
		if v == nil {
			return "-"
		}
		return fmt.Sprint(*v)
	}
	return fmt.Sprintf("%s..%s %s %s %s %s root=%s", val(c.Value.Low), val(c.Value.High), c.Value.Qualifier,
		c.Unit, c.Measure, c.AsOf, c.Attribution.Root)
}

func TestReaderConstructions(t *testing.T) {
	tests := []struct {
		name, date, text string
		want             []string // describe() of each claim, in order
	}{
		{"estimate with participle and period", "2025-07-13",
			"These forces would add to the estimated 11,000 North Korean soldiers sent to Russia last year.",
			[]string{"11000..11000 approximately soldiers sent 2024-12-31 root="}},
		{"range, planned, trailing speech with citing", "2025-07-13",
			"Pyongyang is preparing to deploy an additional 25,000 to 30,000 soldiers, CNN said, citing Ukrainian intelligence.",
			[]string{"25000..30000 range soldiers deployed 2025-07-13 root=Ukrainian intelligence"}},
		{"killed or wounded is casualties", "2025-07-13",
			"Western officials estimate that around 4,000 North Korean soldiers have been killed or wounded.",
			[]string{"4000..4000 approximately soldiers casualties 2025-07-13 root=Western officials"}},
		{"two claims share verb and date", "2025-07-13",
			"A report from 11 UN member states revealed that Pyongyang sent at least 100 ballistic missiles and nine million artillery shells to Russia in 2024.",
			[]string{"11..11 exact states  2024-12-31 root=", "100..- at_least missiles sent 2024-12-31 root=11 UN member states",
				"9e+06..9e+06 exact artillery shells sent 2024-12-31 root=11 UN member states"}},
		{"a report between the figure and its verb", "2025-07-08",
			"Governor Greg Abbott said there were 41 people confirmed to be unaccounted for.",
			[]string{"41..41 exact people missing 2025-07-08 root=Greg Abbott"}},
		{"a list takes what happened to its first figure", "2024-04-14",
			"Iran launched 170 attack drones, 120 ballistic missiles, and 30 cruise missiles, according to the Israel Defense Forces.",
			[]string{"170..170 exact drones launched 2024-04-14 root=Israel Defense Forces", "120..120 exact missiles launched 2024-04-14 root=Israel Defense Forces",
				"30..30 exact missiles launched 2024-04-14 root=Israel Defense Forces"}},
		{"a figure with a verb of its own is no list's", "2023-06-20",
			"The death toll has surpassed 2,000, and 25 million people are in need of aid, the UN said.",
			[]string{"2000..- more_than deaths killed 2023-06-20 root=United Nations", "2.5e+07..2.5e+07 exact people  2023-06-20 root=United Nations"}},
		{"lives a source says were taken are its report", "2025-04-04",
			"Officials said the earthquake had taken 300 lives.",
			[]string{"300..300 exact deaths killed 2025-04-04 root=Officials"}},
		{"a storm's toll names no source", "2025-07-07",
			"More deaths were confirmed, pushing the storm's overall toll to at least 79.",
			[]string{"79..- at_least deaths killed 2025-07-07 root="}},
		{"a country's toll names no source", "2025-03-30",
			"Thailand's national death toll from the quake stands at 20.",
			[]string{"20..20 exact deaths killed 2025-03-30 root="}},
		{"a toll that claimed lives is no claim, and how a name spoke is not its name", "2025-04-04",
			"Junta chief Min Aung Hlaing in a televised address said the earthquake had claimed at least 3,085 lives.",
			[]string{"3085..- at_least deaths killed 2025-04-04 root=Min Aung Hlaing"}},
		{"a reference that names nobody is the source named before it", "2025-08-08",
			"The newspaper Meduza and the outlet Proekt have established the names of 4,000 soldiers killed, the outlets reported on Friday.",
			[]string{"4000..4000 exact soldiers killed 2025-08-08 root=Proekt"}},
		{"a span is no event's day, nor is a day of another year", "2023-01-19",
			"The plan was presented last week, and unions called a strike for January 31. Officials said 80,000 people marched in Paris.",
			[]string{"80000..80000 exact people crowd 2023-01-19 root=Officials"}},
		{"a semicolon ends a figure's clause after it too", "2023-09-15",
			"A list released on Sept. 1 showed 385 names; a week ago the governor put it at 66.",
			[]string{"385..385 exact names  2023-09-01 root=", "66..66 exact names  2023-09-08 root=governor"}},
		{"those in a serious condition are injured", "2023-09-09",
			"The ministry said 1,305 people had died and 1,832 were injured, of whom 1,220 were in a serious condition.",
			[]string{"1305..1305 exact people killed 2023-09-09 root=ministry", "1832..1832 exact people wounded 2023-09-09 root=ministry",
				"1220..1220 exact people wounded 2023-09-09 root=ministry"}},
		{"an appeal's target is a need, not a pledge", "2023-06-20",
			"Donors pledged $1.5 billion, the UN said. Its appeal for the region, requiring $2.6 billion, is far from met.",
			[]string{"1.5e+09..1.5e+09 exact USD pledged 2023-06-20 root=United Nations", "2.6e+09..2.6e+09 exact USD needed 2023-06-20 root=United Nations"}},
		{"a report's kind of figure continues it for a few paragraphs, not the whole article", "2025-03-30",
			"The ministry said 300 people were killed.\n\nRescue teams worked through the night.\n\nRoads to the north were cut.\n\nAid began to arrive.\n\nThe rain stopped on Sunday.\n\nIn the neighbouring province, 20 people were killed.",
			[]string{"300..300 exact people killed 2025-03-30 root=ministry", "20..20 exact people killed 2025-03-30 root="}},
		{"the clause's opening phrase counts, past a long modifier", "2021-07-20",
			"The number of people killed by the floods that swept through the western German state of Rhineland-Palatinate rose to 117, police said.",
			[]string{"117..117 exact people killed 2021-07-20 root=police"}},
		{"a toll's modifier says nothing of what happened to it", "2021-07-20",
			"The death toll from the storm that flattened villages along the river valley climbed to 160 on Monday.",
			[]string{"160..160 exact deaths killed 2021-07-19 root="}},
		{"an elided repeat keeps the qualifier before it", "2023-03-07",
			"Police said at least 40,000 people marched in Lyon, 30,000 in Toulouse and 26,000 in Marseille.",
			[]string{"40000..- at_least people crowd 2023-03-07 root=Police", "30000..- at_least people crowd 2023-03-07 root=Police",
				"26000..- at_least people crowd 2023-03-07 root=Police"}},
		{"an undated rate is of the lead's month", "2024-10-04",
			"Employers added 254,000 jobs in September, the Labor Department said.\n\nThe unemployment rate fell to 4.1%.",
			[]string{"254000..254000 exact jobs added 2024-09-30 root=Labor Department", "4.1..4.1 exact percent unemployment rate 2024-09-30 root=Labor Department"}},
		{"a figure of now is not of the lead's month", "2024-10-04",
			"Employers added 254,000 jobs in September, the Labor Department said.\n\nThe state now spends 40% of its budget on defence.",
			[]string{"254000..254000 exact jobs added 2024-09-30 root=Labor Department", "40..40 exact percent  2024-10-04 root=Labor Department"}},
		{"a date a comparison introduces is not the figure's", "2024-09-06",
			"Employers added 142,000 jobs in August, the Labor Department said.\n\nAverage hourly earnings rose 0.4 percent from July, and were 3.8 percent higher than a year earlier. The employment rate was 80.9 percent.",
			[]string{"142000..142000 exact jobs added 2024-08-31 root=Labor Department", "0.4..0.4 exact percent  2024-08-31 root=Labor Department",
				"3.8..3.8 exact percent  2024-08-31 root=Labor Department", "80.9..80.9 exact percent  2024-08-31 root=Labor Department"}},
		{"a verb before 'at' gives a level, not what happened", "2024-10-23",
			"The count of deaths had held at 95 since Oct. 14.",
			[]string{"95..95 exact deaths killed 2024-10-23 root="}},
		{"an earlier value is of its figure's time, not its report's", "2024-08-02",
			"Employers added 114,000 jobs in July, the BLS said. June's gain now stands at 179,000 jobs, down from the 206,000 it had reported a month ago.",
			[]string{"114000..114000 exact jobs added 2024-07-31 root=Bureau of Labor Statistics", "179000..179000 exact jobs added 2024-06-30 root=Bureau of Labor Statistics",
				"206000..206000 exact jobs added 2024-06-30 root=Bureau of Labor Statistics"}},
		{"a figure's parts stand between it and its verb", "2024-07-31",
			"Another 516 people including 203 men and 213 women from the district were reported missing, UNOCHA said.",
			[]string{"516..516 exact people missing 2024-07-31 root=UNOCHA", "203..203 exact men  2024-07-31 root=UNOCHA", "213..213 exact women missing 2024-07-31 root=UNOCHA"}},
		{"a word before the noun says what happened", "2025-07-06",
			"Search efforts continued for 10 missing girls, officials said.",
			[]string{"10..10 exact girls missing 2025-07-06 root=officials"}},
		{"the bodies of people are their deaths", "2025-07-06",
			"Searchers have found the bodies of 68 people, Sheriff Larry Leitha said.",
			[]string{"68..68 exact people killed 2025-07-06 root=Larry Leitha"}},
		{"acres burned were burned, not fired", "2023-08-13",
			"A separate fire around Kula had burned about 678 acres, the county said.",
			[]string{"678..678 approximately hectares burned 2023-08-13 root=county"}},
		{"jobs added were added", "2024-11-01",
			"Employers added 12,000 jobs in October, the Labor Department said.",
			[]string{"12000..12000 exact jobs added 2024-10-31 root=Labor Department"}},
		{"found safe is not missing", "2023-08-21",
			"County officials said 1,285 people had been found safe.",
			[]string{"1285..1285 exact people located 2023-08-21 root=County officials"}},
		{"destroyed is what happened to homes", "2023-10-08",
			"Nearly 20,000 homes were destroyed in the quake, the ministry said.",
			[]string{"20000..20000 approximately buildings destroyed 2023-10-08 root=ministry"}},
		{"weekday and record", "2025-07-13",
			"Russia launched a record 728 drones and 13 missiles on Wednesday.",
			[]string{"728..728 exact drones launched 2025-07-09 root=", "13..13 exact missiles launched 2025-07-09 root="}},
		{"subject before a verb qualifier", "2024-12-18",
			"North Korean losses in Russia's Kursk region have passed 200, Andrii Kovalenko said on Wednesday.",
			[]string{"200..- more_than casualties casualties 2024-12-18 root=Andrii Kovalenko"}},
		{"vague with quoted source", "2024-12-18",
			"On Tuesday, the Guardian quoted a senior U.S. military official, who spoke on condition of anonymity, as saying that the North Koreans had suffered several hundred casualties.",
			[]string{"300..800 vague casualties casualties 2024-12-17 root=senior US military official"}},
		{"a list of months is one period", "2025-03-10",
			"Ukraine's military said Russian forces launched 120 drones in October and November.",
			[]string{"120..120 exact drones launched 2024-11-30 root=Ukraine's military"}},
		{"a change to one figure from another is the figure now", "2025-03-02",
			"The death toll from the strike on Dnipro rose to 52 from 30 on Sunday, regional governor Serhiy Lysak said.",
			[]string{"52..52 exact deaths killed 2025-03-02 root=Serhiy Lysak"}},
		{"up from a figure with no time of its own", "2025-03-02",
			"The number of displaced people reached 80,000, up from 64,000, the UN refugee agency said.",
			[]string{"80000..80000 exact refugees displaced 2025-03-02 root=UN refugee agency"}},
		{"down from a figure with a time of its own", "2025-03-02",
			"The number of displaced people fell to 80,000 on Sunday, down from 94,000 in January, the UN refugee agency said.",
			[]string{"80000..80000 exact refugees displaced 2025-03-02 root=UN refugee agency",
				"94000..94000 exact refugees displaced 2025-01-31 root=UN refugee agency"}},
		{"a passive speech verb names no speaker before it", "2025-03-02",
			"The death toll of 35 people was confirmed by the health ministry. A tunnel was found near the border. Another 12 people were killed on Sunday.",
			[]string{"35..35 exact people killed 2025-03-02 root=health ministry",
				"12..12 exact people killed 2025-03-02 root=health ministry"}},
		{"a date after the figure says when, and the subject what", "2025-03-03",
			"Exports reached 5,000 last month. The figure rose to 45 this week.",
			[]string{"5000..5000 exact exports  2025-02-28 root="}},
		{"a plural noun that is also a speech verb", "2025-03-03",
			"Initial jobless claims rose to 230,000 last week, the Labor Department said.",
			[]string{"230000..230000 exact claims  2025-03-02 root=Labor Department"}},
		{"a title before a body's head word is part of its name", "2025-03-03",
			"The Ukrainian General Staff said 40 soldiers were killed. Army General Valery Gerasimov said 30 soldiers were wounded.",
			[]string{"40..40 exact soldiers killed 2025-03-03 root=Ukrainian General Staff",
				"30..30 exact soldiers wounded 2025-03-03 root=Valery Gerasimov"}},
		{"a change from one figure to another is the figure now", "2025-03-02",
			"The death toll from the strike on Dnipro rose from 30 to 52 on Sunday, regional governor Serhiy Lysak said.",
			[]string{"52..52 exact deaths killed 2025-03-02 root=Serhiy Lysak"}},
		{"estimate verb with object at", "2025-06-16",
			"The Chicago Police Department estimated the crowd at approximately 15,000.",
			[]string{"15000..15000 approximately protesters crowd 2025-06-16 root=Chicago Police Department"}},
		{"conversion in brackets is one claim", "2023-02-06",
			"The U.S. Geological Survey (USGS) said it occurred at a depth of 17.9 km (11 miles).",
			[]string{"17.9..17.9 exact km depth 2023-02-06 root=US Geological Survey"}},
		{"a bare figure continues the closest earlier one", "2023-02-06",
			"USGS measured it at magnitude 7.8. AFAD gave an initial reading of 7.4.",
			[]string{"7.8..7.8 exact magnitude magnitude 2023-02-06 root=US Geological Survey",
				"7.4..7.4 exact magnitude magnitude 2023-02-06 root=Disaster and Emergency Management Authority"}},
		{"up to, capacity, told an outlet", "2024-06-14",
			"South Korea has identified at least 10,000 shipping containers sent from North Korea to Russia, enough to hold up to 4.8 million artillery shells, Defense Minister Shin Won-sik told Bloomberg News in an interview.",
			[]string{"10000..- at_least containers sent 2024-06-14 root=Shin Won-sik",
				"-..4.8e+06 up_to artillery shells capacity 2024-06-14 root=Shin Won-sik"}},
		{"period over the past", "2025-04-16",
			"North Korea has shipped at least 4 million artillery shells to Russia over the past year and a half, according to an analysis by the think tank RUSI.",
			[]string{"4e+06..- at_least artillery shells shipped 2025-04-16 root=Royal United Services Institute"}},
		{"not claims: years, times, names, calibres, addresses, ages", "2025-06-16",
			"The quake hit at 04:17 in 2023. Resolution 1874 was adopted in 2009. G7 leaders met. They fired 152 mm shells. It is at 50 W. Washington St. The 79-year-old spoke. It was the second round.",
			nil},
		{"the two countries is no count", "2024-01-27",
			"The two countries held talks, and the two sides agreed.",
			nil},
		{"percent and money", "2024-01-01",
			"Prices rose 40 percent and the fund raised $48.2 million, officials said.",
			[]string{"40..40 exact percent  2024-01-01 root=officials", "4.82e+07..4.82e+07 exact USD  2024-01-01 root=officials"}},
		{"a share of a whole, and a while-clause keeps the speaker", "2025-03-10",
			"Ukraine's military said it downed 65 of 90 drones launched by Russia overnight, while another 25 were lost to jamming.",
			[]string{"65..65 exact drones shot down 2025-03-10 root=Ukraine's military",
				"90..90 exact drones launched 2025-03-10 root=Ukraine's military",
				"25..25 exact drones lost 2025-03-10 root=Ukraine's military"}},
		{"a scale names its unit before the figure", "2023-09-09",
			"A magnitude 6.8 earthquake struck Morocco late on Friday, the interior ministry said on Saturday.",
			[]string{"6.8..6.8 exact magnitude magnitude 2023-09-08 root=interior ministry"}},
		{"according to a description, then the name", "2024-08-05",
			"According to the country's largest newspaper, Prothom Alo, the number of dead exceeded 280 by Saturday.",
			[]string{"280..- more_than deaths killed 2024-08-03 root=Prothom Alo"}},
		{"two verbs, two figures", "2023-02-20",
			"The new tremor killed three people and injured 213, Interior Minister Suleyman Soylu told reporters.",
			[]string{"3..3 exact people killed 2023-02-20 root=Suleyman Soylu", "213..213 exact injuries wounded 2023-02-20 root=Suleyman Soylu"}},
		{"a statement carried by an agency is relayed", "2024-01-27",
			"The ministry said 12 soldiers were wounded, in a statement carried by the state KCNA news agency.",
			[]string{"12..12 exact soldiers wounded 2024-01-27 root=ministry"}},
		{"an alias learned from 'known as', a variant spelling merged", "2024-11-04",
			"Ukraine's Main Intelligence Directorate, known as HUR, said. HUR said 11,000 troops arrived in Kursk. Lee Seong Kweun said 300 soldiers were killed.",
			[]string{"11000..11000 exact soldiers deployed 2024-11-04 root=Ukraine's Main Intelligence Directorate",
				"300..300 exact soldiers killed 2024-11-04 root=Lee Seong-kweun"}},
		{"could be affected is possible", "2023-02-08",
			"The WHO warned that up to 23 million people could be affected.",
			[]string{"-..2.3e+07 up_to people affected 2023-02-08 root=WHO"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, c := range readText(t, tt.date, "", tt.text) {
				got = append(got, describe(c))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("\n got  %s\n want %s", strings.Join(got, "\n      "), strings.Join(tt.want, "\n      "))
			}
		})
	}
}

func TestReaderAttributionAcrossSentences(t *testing.T) {
	text := "South Korea's spy agency says about 1,000 North Korean soldiers have been killed or wounded. " +
		"The agency believes 11,000 North Korean troops are in Russia's Kursk region.\n\n" +
		"Meanwhile, Russia launched 90 drones at Kyiv."
	got := readText(t, "2024-12-19", "KBS", text)
	if len(got) != 3 {
		t.Fatalf("got %d claims", len(got))
	}
	for i, want := range []string{"National Intelligence Service", "National Intelligence Service", ""} {
		if got[i].Attribution.Root != want && !(want == "" && got[i].Attribution.Root == "KBS") {
			t.Errorf("claim %d (%s): root %q, want %q", i, got[i].Text, got[i].Attribution.Root, want)
		}
	}
	if chain := got[0].Attribution.Chain; len(chain) != 2 || chain[0] != "KBS" {
		t.Errorf("chain should start with the outlet: %q", chain)
	}
	if got[2].Attribution.Chain != nil {
		t.Errorf("a new paragraph in the outlet's own voice carries no attribution: %q", got[2].Attribution.Chain)
	}
}

func TestReaderIDsAreStable(t *testing.T) {
	a := readText(t, "2025-07-13", "", "Russia launched 728 drones.")
	b := readText(t, "2025-07-13", "", "Russia launched 728 drones.")
	if len(a) != 1 || a[0].ID != b[0].ID || a[0].ID != ClaimID(hashOf(t, "Russia launched 728 drones."), a[0].Start, a[0].End) {
		t.Errorf("ids differ: %v %v", a, b)
	}
}

func hashOf(t *testing.T, text string) string {
	doc, _, err := ParseDocument("t.txt", "", []byte(" date 2025-07-13 "+text), ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return doc.Hash
}

func TestReaderInfersYearFromWeekday(t *testing.T) {
	doc, _, err := ParseDocument("d.txt", "", []byte("KYIV, Nov 26 (AFP) - Russia fired a record 188 drones at Ukraine overnight, the Ukrainian air force said on Tuesday.\n\nUkraine has fought Russia's invasion since February 2022."), ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cs := NewReader().Read(&doc)
	if doc.Inferred.String() != "2024-11-26" || !doc.Published.IsZero() || doc.InferredReason == "" {
		t.Errorf("inferred %s (%q), published %s", doc.Inferred, doc.InferredReason, doc.Published)
	}
	if len(cs) != 1 || cs[0].AsOf.String() != "2024-11-26" {
		t.Errorf("claims %v", cs)
	}
}

// A region that is the whole subject of a figure's clause is its place; a
// country there is the actor, and a region that qualifies a body or a person
// speaks for it, unless the speaker puts the figure "in his state" or
// "there".
func TestSubjectPlace(t *testing.T) {
	tests := []struct {
		text string
		want []string // the place of each claim
	}{
		{"South Carolina accounted for 24 of the deaths and Georgia for 17.", []string{"South Carolina", "Georgia"}},
		{"Helene has killed at least 215 people. South Carolina has recorded 39 deaths, Georgia 33 and Virginia two.", []string{"", "South Carolina", "Georgia", "Virginia"}},
		{"North Carolina accounts for at least 109 of the deaths.", []string{"North Carolina"}},
		{"Maui County had reported 36 deaths.", []string{""}},
		{"Russia fired a record 188 drones overnight.", []string{""}},
		{"Hawaii authorities lowered the death toll to at least 97.", []string{""}},
		{"Governor Roy Cooper said 11 people had died.", []string{""}},
		{"Kansas' unemployment rate was 3.3% in September.", []string{"Kansas"}},
		{"Florida's death toll rose to 11.", []string{"Florida"}},
		{"Georgia's governor said 17 people had died.", []string{""}},
		// A figure the speaker puts "in his state" or "there" is the place
		// that qualifies the speaker's name.
		{"Ohio Governor Mike DeWine said 12 people had died in his state.", []string{"Ohio"}},
		{"Tulsa police said 40 people were arrested there overnight.", []string{"Tulsa"}},
		{"Hawaii authorities said 40 people had died, but there were fears of more.", []string{""}},
		{"Police said 40 people were arrested there.", []string{""}},
		// Words that describe a place name none: the place is the one the
		// article names.
		{"Rescuers recovered 200 bodies in the eastern Libyan city.", []string{""}},
		{"Rescuers recovered 200 bodies in the coastal town.", []string{""}},
		{"Rescuers recovered 200 bodies in Buncombe County.", []string{"Buncombe County"}},
		// One word may describe the country after it; a number counts.
		{"In neighboring Thailand, the death toll has risen to 24.", []string{"Thailand"}},
		{"Fighting displaced 3,000 people in eastern Libya.", []string{"eastern Libya"}},
		{"At least 120 people have died in six US states.", []string{"", ""}},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range readText(t, "2024-10-04", "", tt.text) {
			got = append(got, c.Place)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q: places %q, want %q", tt.text, got, tt.want)
		}
	}
}

// The part of an economy a figure counts, from its clause's subject or "in"
// after it; "the government" acting is none.
func TestSectorOf(t *testing.T) {
	tests := []struct {
		text string
		want []string // the subject of each claim
	}{
		{"Employers added 12,000 jobs. Health care added 52,000 jobs and government 40,000.",
			[]string{"jobs", "health care jobs", "government jobs"}},
		{"Manufacturing lost 46,000 jobs, including 44,000 in transportation equipment.",
			[]string{"manufacturing jobs", "transportation equipment jobs"}},
		{"Employers added 114,000 jobs. Transportation and warehousing payrolls rose by 14,000, while the information sector shed 20,000 jobs.",
			[]string{"jobs", "transportation and warehousing jobs", "information jobs"}},
		{"The government also revised data to show 29,000 fewer jobs created.", []string{"fewer jobs"}},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range readText(t, "2024-11-01", "", tt.text) {
			got = append(got, c.Subject)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q: subjects %q, want %q", tt.text, got, tt.want)
		}
	}
}

// A statistical release named once near the top is the source of the
// article's other statistics that name none; a toll's report is not carried
// so.
func TestLeadReport(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // the root source of each claim
	}{
		{"a release's other statistics",
			"U.S. employers added 114,000 jobs in July, the Labor Department said on Friday.\n\n" +
				"The unemployment rate rose to 4.3% in July. Average hourly earnings rose 0.2% after gaining 0.3% in June.",
			[]string{"Labor Department", "Labor Department", "Labor Department", "Labor Department"}},
		{"a release's figure with no period of its own",
			"U.S. employers added 142,000 jobs in August, the Labor Department said on Friday.\n\n" +
				"The unemployment rate dipped to 4.2 percent from 4.3 percent in July.",
			[]string{"Labor Department", "Labor Department", "Labor Department"}},
		{"a forecast is not the release's",
			"U.S. employers added 114,000 jobs in July, the Labor Department said on Friday.\n\n" +
				"Economists had forecast 175,000 jobs for July.",
			[]string{"Labor Department", "Economists"}},
		{"a toll's report is not carried to the city's population",
			"More than 5,300 people died in Derna, the interior ministry said on Tuesday.\n\n" +
				"The city of some 120,000 people lies on the coast.",
			[]string{"interior ministry", ""}},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range readText(t, "2024-08-02", "", tt.text) {
			got = append(got, c.Attribution.Root)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: roots %q, want %q", tt.name, got, tt.want)
		}
	}
}

// A sector's name is not what was done to the figure: "manufacturing by
// 115,000" was lowered, not produced.
func TestSectorIsNoMeasure(t *testing.T) {
	got := readText(t, "2024-08-21", "", "The department cut 818,000 jobs. Leisure and hospitality was lowered by 150,000 jobs and manufacturing by 115,000.")
	if len(got) != 3 || got[2].Subject != "manufacturing jobs" || got[2].Measure == "produced" {
		for _, c := range got {
			t.Logf("%s: subject %q, measure %q", c.Text, c.Subject, c.Measure)
		}
		t.Errorf("want the third figure manufacturing jobs, not produced")
	}
}

// A date after a figure set against this one is that figure's: "dipped to
// 4.2 percent from 4.3 percent in July".
func TestComparedFigureKeepsItsDate(t *testing.T) {
	got := readText(t, "2024-09-06", "", "The unemployment rate dipped to 4.2 percent from 4.3 percent in July.")
	if len(got) != 2 || got[0].AsOf.String() == "2024-07-31" || got[1].AsOf.String() != "2024-07-31" {
		for _, c := range got {
			t.Logf("%s: as of %s", c.Text, c.AsOf)
		}
		t.Errorf("want July for 4.3 percent only")
	}
}

// Which figures a sentence sets as an earlier value of another of its
// figures: only those can be one quantity's two values.
func TestSetAgainstEarlier(t *testing.T) {
	tests := []struct {
		text string
		want []bool // Earlier of each claim
	}{
		{"Kemp said at least 15 people had died, up from the 11 he had announced at midday.", []bool{false, true}},
		{"The department now estimates 159,000 jobs were added, rather than 142,000.", []bool{false, true}},
		{"Miller said 35 people had been confirmed dead, up from 30 a day earlier.", []bool{false, true}},
		{"Ukraine reported 2,200 soldiers killed, beating the 2,030 recorded on November 28.", []bool{false, true}},
		{"Small firms shed 9,000 jobs, while medium-sized firms added 68,000 jobs and large companies 42,000.", []bool{false, false, false}},
	}
	for _, tt := range tests {
		var got []bool
		for _, c := range readText(t, "2024-10-04", "", tt.text) {
			got = append(got, c.Earlier)
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%q: earlier %v, want %v", tt.text, got, tt.want)
		}
	}
}

// A sum of money is neither killed nor fired: "insured losses" and "the
// fire" say nothing of what befell it.
func TestMoneyHasNoHarmMeasure(t *testing.T) {
	for _, text := range []string{
		"Moody's RMS put insured losses from the fire at $2.5 billion to $4 billion.",
		"Insured losses could reach $8bn, the firm said.",
	} {
		for _, c := range readText(t, "2023-08-22", "", text) {
			if c.Measure != "" {
				t.Errorf("%q: %s measured %q", text, c.Text, c.Measure)
			}
		}
	}
}

// TestArticleNames: the names an article stresses, most used first, are the
// capitalized words inside its sentences, not a sentence's first word, a
// month, a weekday, a title, an outlet or a pronoun.
func TestArticleNames(t *testing.T) {
	doc, _, err := ParseDocument("t.txt", "t.txt", []byte(" date 2023-09-14 "+
		"Floods swept through Derna on Monday, Libya's health ministry said. "+
		"Rescuers in Derna and Benghazi searched the rubble, Reuters reported. "+
		"In September, Prime Minister Osama Hamad said they would rebuild Derna."), ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	NewReader().Read(&doc)
	var got []string
	for _, n := range doc.Names {
		got = append(got, fmt.Sprintf("%s:%d", n.Text, n.Count))
	}
	if want := "Derna:3 Libya:1 Benghazi:1 Osama Hamad:1"; strings.Join(got, " ") != want {
		t.Errorf("names %q, want %q", strings.Join(got, " "), want)
	}
}

// In an article with no day of its own, a figure whose own date is relative
// ("yesterday") has no date: another figure's date in its sentence is not
// its.
func TestUnknownOwnDate(t *testing.T) {
	doc, _, err := ParseDocument("t.txt", "t.txt", []byte("The interior ministry said 42,000 people protested in Paris yesterday, against 57,000 on April 6."), ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	doc.InferredYear = 2023 // the ledger's year: "April 6" is known, "yesterday" is not
	found := NewReader().Read(&doc)
	if len(found) == 0 || found[0].Value.Low == nil || *found[0].Value.Low != 42000 {
		t.Fatalf("claims %v", found)
	}
	if !found[0].AsOf.IsZero() {
		t.Errorf("42,000 \"yesterday\" in an undated article is dated %s", found[0].AsOf)
	}
}
