package dates

import (
	"fmt"
	"testing"
	"time"
)

func TestSmoke(t *testing.T) {
	ref := time.Date(2025, 7, 13, 0, 0, 0, 0, time.UTC)
	s := `SEOUL, July 13 (Reuters) - Russian Foreign Minister Sergei Lavrov, who arrived in North Korea on Friday for a three-day visit, said on Saturday that Moscow may have sent up to 11,000 troops last year. North Korea has sent 1,121 containers since September 2023, according to a report released on Wednesday. The 75th anniversary of the armistice signed on July 27, 1953, falls this month; the G7 summit in June last year and UN Resolution 1874 were cited. Kim Jong Un met him at 04:17 local time on Sunday, and 2 people said the trade rose 5% in 2024 to $2.1 billion, up from 2023. Over the past year and a half, exports grew; in the first half of 2024 they doubled, and by mid-January they were at record levels. The 2024 election, the 2022-23 fiscal year, a 45-year-old man, prices fall in spring, March 2025 sales, COVID-19 in 2020 and 2021, between 2014 and 2018, 24/7 service, a 10-year bond, he was sentenced to 3 years. In May, May Day, may be, "We will meet on Monday," he said. Late Thursday. Since then the end of the war. 3.5 million in Q2. The 21st-century. Mar-a-Lago. Sun said. Sat down. On Wed. Sept. 11 attacks, 9/11.`
	for _, m := range Scan(s, ref, Options{}) {
		fmt.Printf("[%q %s %s..%s %s rel=%q days=%d]\n", m.Text, m.Kind, m.From.Format("2006-01-02"), m.To.Format("2006-01-02"), m.Precision, m.Relation, m.Days)
	}
}
