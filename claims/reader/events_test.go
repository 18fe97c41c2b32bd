package reader

import (
	"fmt"
	"strings"
	"testing"

	"claimtrack/claims"
)

// describeEvent is an event claim in one line: actors, action, counterparts,
// object, place, round, date and precision.
func describeEvent(c claims.Claim) string {
	return fmt.Sprintf("%s %s %s obj=%s in=%s round=%d %s/%s %s", strings.Join(c.Actors, "+"), c.Action,
		strings.Join(c.Counterparts, "+"), c.Object, c.Place, c.Ordinal, c.AsOf, c.Period.Precision, c.Modality)
}

func TestEventConstructions(t *testing.T) {
	tests := []struct {
		name, date, text string
		want             []string
	}{
		{"a pronoun that may stand for anything names no actor", "2024-10-04",
			"Joe Biden welcomed the report on Friday. They also arrived in Washington on Friday as dockworkers returned to work.",
			nil},
		{"active, counterpart, weekday, place", "2025-07-13",
			"Russian Foreign Minister Sergey Lavrov met North Korean leader Kim Jong Un on Saturday in Wonsan.",
			[]string{"Sergey Lavrov met Kim Jong Un obj= in=Wonsan round=0 2025-07-12/day actual"}},
		{"coordinated actors sign an object, month named relatively", "2025-07-13",
			"Russian President Vladimir Putin and North Korean leader Kim Jong-un signed a treaty during a summit in Pyongyang in June last year.",
			[]string{"Vladimir Putin+Kim Jong Un signed  obj=treaty in=Pyongyang round=0 2024-06-30/month actual"}},
		{"relative clause and a second verb of the same subject", "2025-07-13",
			"Lavrov, who arrived in North Korea on Friday for a three-day visit, also held talks with his North Korean counterpart Choe Son Hui on Saturday.",
			[]string{"Sergey Lavrov arrived  obj= in=North Korea round=0 2025-07-11/day actual",
				"Sergey Lavrov held talks Choe Son Hui obj= in= round=0 2025-07-12/day actual"}},
		{"appositive counterpart, round, a day after", "2025-07-13",
			"Choe Son-hui met her Russian counterpart, Sergei Lavrov, in Wonsan on Saturday for the second round of strategic talks, a day after Lavrov arrived in the city.",
			[]string{"Choe Son Hui met Sergey Lavrov obj= in=Wonsan round=2 2025-07-12/day actual",
				"Sergey Lavrov arrived  obj= in= round=0 2025-07-11/day actual"}},
		{"nominal meeting takes the sentence's person", "2023-07-26",
			"Hailing the partnership during a meeting with counterpart Kang Sun Nam in Pyongyang, Sergei Shoigu said ties were strong.",
			[]string{"Sergey Shoigu held talks Kang Sun Nam obj= in=Pyongyang round=0 2023-07-26/month actual"}},
		{"a numbered round named by a noun", "2025-07-13",
			"The visit follows the first round of talks in Moscow in November 2024.",
			[]string{" held talks  obj= in=Moscow round=1 2024-11-30/month actual"}},
		{"a future verb looks forward", "2023-09-16",
			"On Sunday, Kim Jong Un will visit a factory in Vladivostok.",
			[]string{"Kim Jong Un visited  obj= in=Vladivostok round=0 2023-09-17/day planned"}},
		{"a present verb with a weekday looks forward", "2023-07-26",
			"On Thursday Pyongyang marks the 70th anniversary of the armistice.",
			[]string{"Pyongyang marked  obj= in= round=0 2023-07-27/day planned"}},
		{"a date that dates the report does not date the event", "2024-01-27",
			"Foreign Minister Choe Son-hui has met with a visiting Chinese diplomat in Pyongyang, state media reported on Saturday.",
			[]string{"Choe Son Hui met  obj= in=Pyongyang round=0 2024-01-27/month actual"}},
		{"names alone are no event", "2024-01-27",
			"Kim Jong Un and Vladimir Putin are both leaders. The two sides agreed to continue cooperation.",
			nil},
		{"what a quote says happened is not the reporter's event", "2024-01-27",
			"\"We met the minister on Friday,\" the envoy said.",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, c := range readText(t, tt.date, "", tt.text) {
				if c.Kind == claims.KindEvent {
					got = append(got, describeEvent(c))
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("\n got  %s\n want %s", strings.Join(got, "\n      "), strings.Join(tt.want, "\n      "))
			}
		})
	}
}
