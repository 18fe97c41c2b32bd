package corpus

// The words and sentence templates articles are made of. A template holds
// {slot} placeholders that article.slot fills in: {q:SCALE} is a quantity
// before a noun ("at least 1,100", "dozens of"), {amount:SCALE} one standing
// alone ("tens of thousands"), {range:SCALE} and {n:SCALE} a range and a bare
// number, {clause} a figure of the article's topic, the rest names and dates.

// topic is what an article is about: its places, its sources and the
// figures they give.
type topic struct {
	places    []string // datelines, as wires spell them in title case
	cities    []string
	sources   []string
	headlines []string // first lines without a final stop
	claims    []string // clauses stating a figure, to wrap in an attribution
	quotes    []string
}

var topics = []topic{
	{ // North Korean troops fighting for Russia
		places: []string{"Seoul", "Kyiv", "Moscow", "Washington", "Wonsan [North Korea]", "Brussels"},
		cities: []string{"Kursk", "Sudzha", "Pokrovsk", "Kurakhove"},
		sources: []string{
			"South Korea's National Intelligence Service", "the NIS", "South Korea's Joint Chiefs of Staff",
			"the Pentagon", "a senior U.S. military official", "Ukraine's military intelligence agency",
			"Ukrainian President Volodymyr Zelenskiy", "Western officials", "lawmaker Lee Seong-kweun",
			"the Institute for the Study of War", "NATO Secretary General Mark Rutte",
			"Andrii Kovalenko, head of Ukraine's Center for Countering Disinformation",
		},
		headlines: []string{
			"North Korea has sent {n:thousands} troops to Russia, Seoul says",
			"Ukraine says North Korean losses in Kursk top {n:hundreds}",
			"Seoul says Pyongyang preparing to send more troops to Russia",
		},
		claims: []string{
			"{q:thousands} North Korean troops have been sent to Russia's Kursk region",
			"North Korea has deployed {q:thousands} soldiers to Russia {since}",
			"Pyongyang is preparing to send an additional {range:thousands} troops",
			"{q:hundreds} North Korean soldiers have been killed and {q:thousands} wounded in the fighting",
			"North Korean casualties in {city} have passed {amount:hundreds}",
			"{q:hundreds} North Korean soldiers were killed or wounded {since}",
			"Russian forces lost {q:thousands} troops {since}",
			"{q:few} North Korean soldiers were captured by Ukrainian forces near {city}",
			"a third of the {n:thousands} troops came from the elite Storm Corps",
			"North Korea could send as many as {n:thousands} more troops by {month}",
		},
		quotes: []string{
			`"These troops are not there for exercises," {person} said.`,
			`"The North is paying for its technology with the lives of its soldiers," {person} told reporters.`,
		},
	},
	{ // North Korean munitions for Russia
		places: []string{"Seoul", "Washington", "Tokyo", "Brussels", "Kyiv"},
		cities: []string{"Rajin", "Vostochny", "Tumangang", "Kharkiv"},
		sources: []string{
			"South Korea's defence ministry", "the White House", "U.S. State Department spokesperson Matthew Miller",
			"a report by 11 UN member states", "Conflict Armament Research", "Japan's defence ministry",
			"Ukraine's defence intelligence", "a South Korean lawmaker briefed by the NIS",
		},
		headlines: []string{
			"North Korea shipped {amount:millions} shells to Russia, report says",
			"U.S. says North Korean missiles used against Ukraine",
		},
		claims: []string{
			"North Korea has shipped {q:millions} artillery shells to Russia {since}",
			"Pyongyang sent {q:few} ballistic missiles and {q:millions} rounds of ammunition to Russia",
			"{q:thousands} containers of munitions had crossed the border by rail {since}",
			"the North has supplied {q:hundreds} KN-23 and KN-24 missiles",
			"{pct} of the shells fired by Russian troops in {month} came from North Korea",
			"Russia received {q:few} self-propelled howitzers and {q:few} multiple rocket launchers",
			"the arms transfers were worth {money}",
			"ships carried {range:thousands} containers from {city} to Russian ports",
		},
		quotes: []string{
			`"This is a dangerous and destabilising transfer," {person} said.`,
			`"We are tracking every shipment," {person} said in a statement.`,
		},
	},
	{ // drone and missile strikes
		places: []string{"Kyiv", "Kharkiv", "Odesa", "Moscow", "Lviv", "Dnipro"},
		cities: []string{"Kharkiv", "Odesa", "Sumy", "Zaporizhzhia", "Belgorod", "Kyiv"},
		sources: []string{
			"Ukraine's air force", "the Russian defence ministry", "regional governor Oleh Syniehubov",
			"Kyiv mayor Vitali Klitschko", "the State Emergency Service", "Interior Minister Ihor Klymenko",
			"the Ukrainian military", "Moscow mayor Sergei Sobyanin",
		},
		headlines: []string{
			"Russia launches {n:hundreds} drones at Ukraine in record overnight attack",
			"Drone strike on {city} kills {n:few}",
		},
		claims: []string{
			"Russia launched {q:hundreds} drones and {q:few} missiles at Ukraine overnight",
			"air defences shot down {q:hundreds} of the drones",
			"{q:few} people were killed and {q:few} injured in the attack on {city}",
			"Ukraine fired {q:hundreds} drones at Moscow and surrounding regions {since}",
			"air defence units destroyed {q:few} Ukrainian drones over the Belgorod and Kursk regions",
			"Russia has fired {q:thousands} Shahed drones at Ukraine {since}",
			"the death toll from the strike on {city} rose to {amount:few}",
			"a record {n:hundreds} drones and {n:few} missiles were launched on {weekday}",
		},
		quotes: []string{
			`"Every night they try to break us," {person} said.`,
			`"The attack was massive, but our air defence worked," {person} wrote on Telegram.`,
		},
	},
	{ // earthquakes
		places: []string{"Ankara", "Tokyo", "Kabul", "Antakya [Turkey]", "Kathmandu", "Mandalay [Myanmar]"},
		cities: []string{"Antakya", "Kahramanmaras", "Herat", "Noto", "Sagaing", "Jajarkot"},
		sources: []string{
			"the U.S. Geological Survey", "Turkey's disaster management agency AFAD", "the Japan Meteorological Agency",
			"the health ministry", "the Red Crescent", "the World Health Organization",
			"Vice President Fuat Oktay", "the disaster ministry",
		},
		headlines: []string{
			"Quake death toll climbs above {n:thousands}",
			"Magnitude {mag} earthquake strikes near {city}",
		},
		claims: []string{
			"the death toll from the magnitude {mag} earthquake rose to {amount:thousands}",
			"{q:thousands} people were killed and {q:thousands} injured when the quake struck before dawn",
			"{q:thousands} buildings collapsed across {n:handful} provinces",
			"{q:thousands} rescuers were searching the rubble for survivors in {city}",
			"the quake had a magnitude of {mag} and struck at a depth of {n:few} km",
			"{q:hundreds} aftershocks followed the main quake",
			"{q:crowd} people were left homeless",
		},
		quotes: []string{
			`"Every hour counts now," {person} said.`,
			`"We heard voices under the concrete until the second night," said {resident}, a rescuer.`,
		},
	},
	{ // protests
		places: []string{"Paris", "Seoul", "Tbilisi", "Chicago", "London", "Belgrade"},
		cities: []string{"Paris", "Seoul", "Tbilisi", "Chicago", "London", "Belgrade"},
		sources: []string{
			"police", "the organisers", "the interior ministry", "the Chicago Police Department",
			"a police spokesperson", "the CGT union", "independent monitors", "city officials",
		},
		headlines: []string{
			"Tens of thousands rally in {city}",
			"{city} protest draws {amount:crowd}, police say",
		},
		claims: []string{
			"police estimated the crowd at {amount:crowd}",
			"{q:crowd} people marched through central {city}",
			"the organisers put the turnout at {amount:crowd}",
			"{q:hundreds} protesters were detained",
			"{q:few} police officers were injured in clashes",
			"the rally drew {q:crowd} people, the largest since {year_past}",
			"turnout was {pct} higher than at the last march",
		},
		quotes: []string{
			`"We will keep coming back until they listen," said {resident}, a teacher.`,
			`"The march was largely peaceful," {person} said.`,
		},
	},
}

// attributions wrap a topic's figure in the ways news gives a source.
var attributions = []string{
	"{clause}, {source} said {said_when}.",
	"{clause}, according to {source}.",
	"According to {source}, {clause}.",
	"{source} told reporters {said_when} that {clause}.",
	"{source} said {clause}, citing {other_source}.",
	"{clause}, {outlet} reported, citing {source}.",
	"{clause}, {source} said in a statement.",
	"{source} estimated that {clause}.",
	"{outlet} quoted {source} as saying that {clause}.",
	"{clause}.",
}

// fillers name years, dates, ordinals and numbered things but state no figure.
var fillers = []string{
	"{person} last visited {world_city} in {month} {year_past}.",
	"The talks are due to resume on {month} {day}.",
	"The {ordinal} round of talks ended without agreement.",
	"Kim Jong Un and Vladimir Putin signed a mutual defence treaty in Pyongyang in June 2024.",
	"The armistice signed on July 27, 1953 ended the fighting but not the Korean War.",
	"The ministry did not say how it arrived at the figure.",
	"{person} declined to comment.",
	"The figures could not be independently verified.",
	"Officials have said little in public since {month_before}.",
	"The report covered the period from {month} {year_past} to {month_before} {year}.",
	"The meeting began at {clock} local time on {weekday}.",
	"The last comparable disaster in the region, in {year_past}, led to stricter building codes.",
	"Parliament is expected to vote on the measure before the end of {year}.",
	"Route 9 and the M-14 highway remained closed on {weekday}.",
	"{person} is due to travel to {world_city} on {month} {day}.",
	"The {ordinal} anniversary of the war falls on {month} {day}.",
	"The 9th Brigade and the G7 were mentioned in the statement, which ran to several pages.",
	"{person} spoke to {outlet} on condition of anonymity because the matter is sensitive.",
}

var subheadings = []string{"What we know", "International reaction", "A growing toll", "Background", "What happens next"}

var (
	persons = []string{
		"Kim Jong Un", "Vladimir Putin", "Volodymyr Zelenskiy", "Choe Son Hui", "Sergei Lavrov", "Yoon Suk Yeol",
		"Lee Jae-myung", "Antony Blinken", "Lloyd Austin", "Mark Rutte", "Recep Tayyip Erdogan", "Fumio Kishida",
		"Emmanuel Macron", "Dmitry Peskov", "Andrii Sybiha", "Kim Yo Jong",
	}
	residents   = []string{"Maria Kovalenko", "Park Ji-won", "Ayse Demir", "Thomas Martin", "Nino Beridze", "Rahim Karimi"}
	worldCities = []string{"Pyongyang", "Moscow", "Beijing", "Tokyo", "Washington", "Brussels", "Vladivostok", "Geneva"}
	outletNames = []string{"Yonhap", "Reuters", "the BBC", "CNN", "The New York Times", "KCNA", "NHK", "TASS", "the Kyiv Independent"}
	reporters   = []string{"Hyonhee Shin", "Josh Smith", "Ju-min Park", "Pavel Polityuk", "Tom Balmforth", "Ece Toksabay", "Kantaro Komiya"}
	editors     = []string{"Ed Davies", "Lincoln Feast", "Gerry Doyle", "Mark Heinrich", "Toby Chopra"}
	ordinals    = []string{"second", "third", "fifth", "22nd", "70th", "75th", "100th"}
	saidWhen    = []string{"on {weekday}", "on {weekday}", "on {weekday} night", "late on {weekday}", "in a briefing on {weekday}", "this week", "earlier this month"}
	since       = []string{
		"since {month_before}", "since {month_before} {year_before}", "over the past 24 hours", "in the past week",
		"last month", "so far this year", "since the war began", "in {year_before}", "by the end of {month_before}",
	}
	qualifiers = []string{
		"about", "around", "at least", "more than", "over", "nearly", "almost", "up to", "an estimated",
		"roughly", "some", "fewer than", "as many as", "approximately",
	}
	smallNumberWords = []string{"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}
)

// A scale is the range a kind of figure takes in the news, and the vague
// words news uses for it.
type scale struct {
	lo, hi int
	vague  []string // as they stand before a noun
}

var scales = map[string]scale{
	"handful":   {2, 11, []string{"a handful of", "several"}},
	"few":       {2, 90, []string{"dozens of", "a few dozen", "several", "scores of", "a handful of"}},
	"hundreds":  {100, 990, []string{"hundreds of", "several hundred", "a few hundred"}},
	"thousands": {1000, 40000, []string{"thousands of", "several thousand", "tens of thousands of"}},
	"crowd":     {5000, 800000, []string{"tens of thousands of", "hundreds of thousands of"}},
	"millions":  {1000000, 12000000, []string{"millions of"}},
}

// wires are the dateline styles of the agencies: "SEOUL, Dec 19 (Reuters) -",
// "KYIV, Sept. 3 (AP) —", "Wonsan [North Korea], July 13 (ANI):".
var wires = []struct {
	agency     string
	months     []string // names indexed by time.Month
	separator  string
	upperPlace bool
}{
	{"Reuters", shortMonths, " -", true},
	{"AFP", fullMonths, " -", true},
	{"AP", apMonths, " —", true},
	{"Yonhap", shortMonths, " --", true},
	{"Kyodo", shortMonths, " --", true},
	{"ANI", fullMonths, ":", false},
	{"", fullMonths, ":", false},
}

var (
	fullMonths  = []string{"", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	shortMonths = []string{"", "Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"}
	apMonths    = []string{"", "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."}
)
