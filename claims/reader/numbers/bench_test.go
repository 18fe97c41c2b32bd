package numbers

import "testing"

// newsParagraph is wire copy of the kind the claim reader sees.
const newsParagraph = `SEOUL, Jan 27 (Yonhap) -- North Korea has sent an estimated 11,000 soldiers to Russia, and Pyongyang is reportedly preparing to deploy an additional 25,000 to 30,000 troops, South Korea's spy agency said Monday, adding that several hundred of them had been killed or wounded since December.

Speaking to lawmakers, the director said about 4,000 casualties had been confirmed by Ukrainian intelligence, including roughly 1,100 deaths, while a report from 11 UN member states found that the North shipped at least 100 ballistic missiles and nine million artillery shells to Russia in 2024. Officials estimated the value of the arms transfers at $5.5 billion to $20 billion, or about 40 percent of the North's gross domestic product, which the central bank puts at 40.6 trillion won ($28.2bn).

The agency said a third of the troops came from the elite Storm Corps, and that the number of artillery pieces sent had risen eight-fold since the first shipment in August 2023. "Tens of thousands of North Korean workers are also being dispatched," one lawmaker said, citing the briefing. Dozens of KN-23 and KN-24 missiles, a variant of the Hwasong-11, were fired at Kharkiv between 04:17 and 16:00 GMT on Jan. 2, killing at least 12 people and injuring more than two hundred and fifty.

The 22nd round of talks, the second this year, ended without agreement. Between 2022 and 2024, trade between the two countries rose threefold to 1.2bn roubles, up 17.9% from a year earlier, the ministry said, while grain exports reached 1,500,000 tonnes. Around half of the 3,000 vehicles were F-150 pickups and 4x4 trucks; the rest included 170 T-72 tanks and some 200 Su-27 and MiG-29 parts, worth an estimated £2,000 each.

Ukraine's defence ministry said one of its brigades repelled 15 assaults in a single day, and that Russian forces lost 1,480 troops, 9 tanks and 31 artillery systems over the past 24 hours. No one was hurt in the 9/11 memorial event. Prices climbed 3.5-4.0 per cent in the 12 months to June, and the budget gap widened to 4.8m, roughly one and a half times the 2019-20 figure.
`

func BenchmarkScan(b *testing.B) {
	b.SetBytes(int64(len(newsParagraph)))
	b.ReportAllocs()
	for b.Loop() {
		Scan(newsParagraph)
	}
}
