package reader

import (
	"fmt"
	"strings"
	"testing"
)

// Who a figure is attributed to: one case for each rule that keeps a
// fragment of the sentence from passing for a source.
func TestSourceRules(t *testing.T) {
	tests := []struct {
		name, text string
		roots      []string // the root source of each claim, in order
	}{
		{"a verb of amount before a figure attributes nothing",
			"Retailers added 34,000 jobs in March, while manufacturing shed 12,000.", []string{"", ""}},
		{"a document named with a possessive is its owner's",
			"The Weather Bureau's latest estimate, 4,000 homes, is twice the first one.", []string{"Weather Bureau"}},
		{"the owner of a report refers back",
			"The Transport Ministry said rail traffic fell. The ministry's monthly freight report showed 1,200 trains were cancelled.", []string{"Transport Ministry"}},
		{"a relative that cites a source relays it",
			"The Relief Office, which, citing the Red Cross, said 3,100 people were missing, asked for help.", []string{"Red Cross"}},
		{"a subject that cites a source relays it",
			"The Harbour Trust, citing the coast guard, said 212 boats sank.", []string{"coast guard"}},
		{"'the' after 'for' or 'of' is inside a name, where a body sits is not",
			"The Geneva-based Centre for the Study of Floods said 212 homes were destroyed.", []string{"Centre for the Study of Floods"}},
		{"a name before the subject's 'the' is another verb's object",
			"A councillor told Reuters the ministry had so far registered 212 deaths.", []string{"ministry"}},
		{"a long relative clause between the subject and its verb",
			"City police, who kept a list of people reported missing in the valley in the first week after the flood, said on Monday they had found 26 people alive.", []string{"City police"}},
		{"a date between the source and the verb is no part of it",
			"Governor Ann Lee on Thursday estimated the damage at $4 billion.", []string{"Ann Lee"}},
		{"a date before the source is no part of it",
			"On May 3 the agency put the number of displaced people at 950,000.", []string{"agency"}},
		{"an adverb of time is no part of the source",
			"The bureau now counts 358,000 fewer jobs.", []string{"bureau"}},
		{"a figure is no part of a source",
			"Ukraine reported 2,200 soldiers killed, beating the 2,030 recorded on November 28.", []string{"Ukraine", "Ukraine"}},
		{"a leading adverb is no part of the source",
			"Earlier China Central Television reported 40 people were killed.", []string{"China Central Television"}},
		{"a number alone is no source",
			"Officials counted 527 deaths; 546 said that 30 people were killed.", []string{"Officials", "", ""}},
		{"a phrase cut at a function word names nobody",
			"The largest numbers of confirmed deaths come from Bashkortostan (5,945).", []string{""}},
		{"a past participle alone names nobody",
			"Experts they consulted estimate deaths at between 189,000 and 273,000.", []string{""}},
		{"a participle phrase between a source and its relative is skipped",
			"That was below a survey by payroll firm ADP, released on Wednesday, which estimated that firms added 143,000 jobs.", []string{"ADP"}},
		{"a speaker after a quote's closing comma says it",
			"\"The death toll from landslides has risen to 195,\" District Collector Meghashree D R said on Friday.", []string{"Meghashree D R"}},
		{"a speaker's own document after according to leaves the speaker",
			"The World Health Organisation said that according to its initial assessment, four hospitals were destroyed.", []string{"World Health Organisation"}},
		{"the name after a title in apposition says it",
			"Some 68 people have died in Kerr County, its sheriff, Larry Leitha, said.", []string{"Larry Leitha"}},
		{"a two-letter word is no name on its own",
			"According to state TV, the death toll stands at 2,122.", []string{"state TV"}},
		{"what a body provided is its",
			"Figures provided by French authorities showed that at least 40,000 people marched in Lyon.", []string{"French authorities"}},
		{"a title is no part of the name",
			"Gov. Ann Lee said 40 people were rescued.", []string{"Ann Lee"}},
		{"the owner of a count named before the figure",
			"The revision lowers the Associated Press's running count of deaths to at least 214.", []string{"AP"}},
		{"a body that raised its estimate",
			"Private forecaster AccuWeather on Monday raised its estimate of the damage to $160bn.", []string{"AccuWeather"}},
		{"a relative clause states its antecedent's figure",
			"Henderson County, which had reported nine deaths, now lists seven.", []string{"Henderson County", "Henderson County"}},
		{"a leading citing is relayed by the speaker named next",
			"Citing figures from the General Staff, the ministry said 48,670 soldiers were killed.", []string{"General Staff"}},
		{"the document last named refers back to its publisher",
			"The Defence Intelligence agency put out its update on Tuesday. The update said 648,000 soldiers were killed.", []string{"Defence Intelligence agency"}},
		{"a participle and a date describe the source",
			"A declassified assessment provided to Congress on Dec. 12 last year put the number of soldiers killed at 315,000.", []string{"declassified assessment"}},
		{"a speaker relays the source of what he cites",
			"Green cited early figures from the Disaster Center: 2,207 structures were destroyed.", []string{"Disaster Center"}},
		{"a body that revised a count is its source",
			"Hawaii authorities on Friday lowered the death toll to at least 97 people.", []string{"Hawaii authorities"}},
		{"the passive over an adverb has no speaker before it",
			"Figures for the previous two months were also revised up by 72,000 jobs.", []string{""}},
		{"a document named after a body's noun is the body's",
			"Maui County said the fire was contained. County figures show 2,170 acres burned.", []string{"Maui County"}},
		{"an appositive title between the name and the verb",
			"Kamal al-Siwi, head of the authority for searching for and identifying missing persons, said divers had pulled 450 bodies from the sea.", []string{"Kamal al-Siwi"}},
		{"a participle's phrase between the subject and the verb",
			"UN agencies, relying on WHO data, now count 3,922 dead people.", []string{"UN agencies"}},
		{"so far is no source",
			"The ministry had so far registered 3,338 deaths.", []string{"ministry"}},
		{"a body's name before a document",
			"The Libyan Red Crescent figure of 11,300 deaths was disowned.", []string{"Libyan Red Crescent"}},
		{"a pronoun names the speaker of the sentence so far",
			"The bureau cut its estimate for June to 118,000 jobs, and trimmed July from the 114,000 it first reported.", []string{"bureau", "bureau"}},
		{"a weekday after the source is no part of it",
			"The health ministry Tuesday said 40 people were killed.", []string{"health ministry"}},
		{"a month's name inside a person's name is the name",
			"Prime Minister Theresa May said 300 homes were destroyed.", []string{"Theresa May"}},
		{"the body in a relative clause on a document",
			"Some 40,000 workers are on strike, according to figures the Labor Department released Friday.", []string{"Labor Department"}},
		{"what is measured does not speak",
			"Inflation registered at 3.1% in January.", []string{""}},
		{"a figure with no source takes that of the article's last figure like it",
			"The Labor Department said employers added 114,000 jobs in July.\n\nPrivate payrolls grew by 97,000 jobs.", []string{"Labor Department", "Labor Department"}},
		{"but not a figure of another measure",
			"Police said 40 people were killed.\n\nThe town, home to 9,000 people, was flooded.", []string{"Police", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var roots []string
			for _, c := range readText(t, "2025-01-10", "", tt.text) {
				if c.Kind == "quantity" {
					roots = append(roots, c.Attribution.Root)
				}
			}
			if strings.Join(roots, "|") != strings.Join(tt.roots, "|") {
				t.Errorf("roots %q, want %q", roots, tt.roots)
			}
		})
	}
}

// Numbers that are not claims stay out, each by a general rule.
func TestNotClaims(t *testing.T) {
	tests := []struct {
		name, text string
		values     []float64 // the low values of the quantity claims read
	}{
		{"an age in apposition", `"We lost everything," said Maria al-Haddad, 34, a teacher. About 300 homes were destroyed.`, []float64{300}},
		{"a house number", "The aid office at 120 Harbor View Drive reopened; 40 families came.", []float64{40}},
		{"a phone number", "Call the tip line at 1-800-555-0199 if 20 people are safe.", []float64{20}},
		{"the second of two days", "Officials meet on March 17 and 18; about 2,000 homes were destroyed.", []float64{2000}},
		{"a bound that defines a category", "Businesses with fewer than 50 employees shed 9,000 jobs.", []float64{9000}},
		{"any bound defines a category", "Firms with up to 9 staff and companies with at least 500 workers shed 9,000 jobs.", []float64{9000}},
		{"an approximate figure after with is counted", "The county has 12 towns with about 500 residents each.", []float64{12, 500}},
		{"others count what the figure before counts",
			"Officials said 12,000 homes were destroyed and 30,000 others damaged.", []float64{12000, 30000}},
		{"a ratio counts nobody", "One in seven people were displaced, and 300 homes were destroyed.", []float64{300}},
		{"a ratio of any cardinals counts nobody", "Fifteen in 20 homes were destroyed, 3 in 10 residents lost power and 40 shelters opened.", []float64{40}},
		{"a duration with an adjective", "The search went on for 11 full days and found 20 survivors.", []float64{20}},
		{"a temperature", "The temperature reached 28 degrees and 12 people were treated.", []float64{12}},
		{"a seismic intensity is no count", "The quake registered a maximum intensity of 7 on the Japanese scale, and 222 people remain missing.", []float64{222}},
		{"a count of names is a count", "Volunteers confirmed the names of more than 7,000 soldiers killed.", []float64{7000}},
		{"a bare figure after one person takes the article's unit",
			"More than 2,000 people died. Officials said one person died and 130 were injured.", []float64{2000, 1, 130}},
		{"a vague word beside a figure of its sentence does not take the article's unit",
			"More than 2,000 people died. A quake of magnitude 6.3 struck, where thousands were spending a fourth night in the open.", []float64{2000, 6.3}},
		{"one person is the smallest toll; one of a set and one day count nothing",
			"One person died and one of the groups left after one day; 40 homes burned.", []float64{1, 40}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []float64
			for _, c := range readText(t, "2025-01-10", "", tt.text) {
				if c.Kind == "quantity" && c.Value.Low != nil {
					got = append(got, *c.Value.Low)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.values) {
				t.Errorf("claims %v, want %v", got, tt.values)
			}
		})
	}
}
