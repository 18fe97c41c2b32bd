// Package claims is claimtrack's domain: the types every package shares
// (documents, claims, values, periods, attributions, findings, series and
// groups), their typed enums, the rules about a single claim that more than
// one package needs (the interval a qualifier allows, who speaks for a claim)
// and the one loader of the vocabulary the reader and the reconciler compare
// by (units, measures, sources, places, peoples, actions; data/).
//
// The reader (claims/reader), the store (sqlite), the reconciler (reconcile)
// and the renderers (reports) depend on this package and not on each other.
package claims

import (
	"context"
	"strings"
	"time"
)

// Precision says how much of a date the text actually gave.
type Precision string

const (
	PrecisionNone  Precision = ""
	PrecisionDay   Precision = "day"
	PrecisionMonth Precision = "month"
	PrecisionYear  Precision = "year"
)

// DateLayout is how every date is written in exports and in the database.
const DateLayout = "2006-01-02"

// Date is a calendar day; the zero value means unknown.
type Date struct{ time.Time }

// NewDate builds a day at UTC midnight.
func NewDate(y int, m time.Month, d int) Date {
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// ParseDate reads YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return Date{}, err
	}
	return Date{t}, nil
}

// String gives YYYY-MM-DD, or "" for an unknown date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Format(DateLayout)
}

// AddDays moves the date by n days.
func (d Date) AddDays(n int) Date { return Date{d.Time.AddDate(0, 0, n)} }

// Document is one ingested article.
type Document struct {
	Name      string // base name of the file, e.g. 001_7b13d3da2673b465.txt
	Path      string // where it was read from ("-" for stdin)
	Hash      string // hex SHA-256 of Text
	Outlet    string // publisher, "" when unknown
	Published Date   // publication date, zero when the text gives no year
	// Dateline is the dateline as written ("Seoul, Jan 27"); DatelineMonth and
	// DatelineDay keep its month and day even when the year is unknown.
	Dateline      string
	DatelineMonth time.Month
	DatelineDay   int
	// Inferred is a publication date worked out from the text when it gives
	// none (e.g. a weekday named for the dateline's day); InferredReason says how.
	Inferred       Date
	InferredReason string
	// InferredYear is the year of an article whose day could not be worked
	// out but whose year could (InferredReason says how): its dates with a
	// month fall in that year. It is not stored; the claims read with it are.
	InferredYear int
	// BodyStart is the byte offset where the article text proper begins, after
	// the date header and the dateline.
	BodyStart int
	Text      string // normalized text: UTF-8, LF line endings, no BOM
	// Names are the names the article stresses (places, parties, bodies,
	// people, the event), its most frequent first: what ties it to the other
	// articles of its story. The reader fills them.
	Names []Name
}

// Name is a name an article uses and how many times it does.
type Name struct {
	Text  string
	Count int
}

// DatelineCity is the place a dateline names first, lower-cased: "asheville"
// for "ASHEVILLE, N.C., Sept. 28, 2024 (AP)"; "" without a dateline.
func (d Document) DatelineCity() string {
	city, _, _ := strings.Cut(d.Dateline, ",")
	city, _, _ = strings.Cut(city, " [")
	return strings.ToLower(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(city), "•")))
}

// Reference is the day relative dates resolve against: the publication date,
// or the inferred one when the text gives no year.
func (d Document) Reference() Date {
	if !d.Published.IsZero() {
		return d.Published
	}
	return d.Inferred
}

// Qualifier words, as in the export contract.
type Qualifier string

const (
	Exact         Qualifier = "exact"
	Approximately Qualifier = "approximately"
	AtLeast       Qualifier = "at_least"
	MoreThan      Qualifier = "more_than"
	AtMost        Qualifier = "at_most"
	LessThan      Qualifier = "less_than"
	UpTo          Qualifier = "up_to"
	Range         Qualifier = "range"
	Vague         Qualifier = "vague"
)

// Value is a stated figure. A single number has Low == High; an open bound is nil.
type Value struct {
	Low, High *float64
	Qualifier Qualifier
}

// Period is the span of time a figure describes.
type Period struct {
	Start, End Date
	Precision  Precision
}

// IsZero reports whether no period is known.
func (p Period) IsZero() bool { return p.Start.IsZero() && p.End.IsZero() }

// Modality says what the text commits to.
type Modality string

const (
	Actual    Modality = "actual"
	Planned   Modality = "planned"
	Projected Modality = "projected"
	Possible  Modality = "possible"
)

// Attribution is who a claim is attributed to, outermost first
// (outlet → relay → source), and the root source with aliases merged.
type Attribution struct {
	Chain []string
	Root  string
}

// Kind says whether a claim states a figure or an event.
type Kind string

// Kinds of claim.
const (
	KindQuantity Kind = "quantity"
	KindEvent    Kind = "event"
)

// Claim is one statement read from a document, with its provenance.
type Claim struct {
	ID       string
	Document string // document name
	Kind     Kind
	Text     string // the claim's own words
	Sentence string
	Start    int // byte offsets of Text in the document text
	End      int

	Value    Value
	Unit     string // normalized: soldiers, artillery shells, percent, km
	Subject  string // the counted noun phrase as written
	Measure  string // normalized: sent, killed, casualties, launched
	Modality Modality
	Place    string // where the figure applies, or where the event took place
	// Event claims: who did what with whom. Names have titles stripped and
	// aliases merged; Object is what was signed or inspected; Ordinal keeps
	// "the second round".
	Actors       []string
	Action       string
	Counterparts []string
	Object       string
	Ordinal      int
	// Incremental marks a figure stated on top of another ("an additional 25,000").
	Incremental bool
	// Earlier marks a figure its sentence sets as an earlier value of what
	// another of its figures gives ("up from the 11 he had announced",
	// "rather than 142,000", "30 a day earlier"): two figures of one
	// sentence are one quantity's two values only so, and otherwise two
	// quantities ("medium-sized firms added 68,000 and large companies
	// 42,000").
	Earlier bool

	AsOf   Date
	Period Period

	Attribution Attribution

	Group  string
	Series string
}

// Day is the day the figure describes: its as-of date, else the end of its
// period, else the day it was published; zero when none is known.
func (e *Entry) Day() Date {
	for _, d := range []Date{e.AsOf, e.Period.End, e.Published} {
		if !d.IsZero() {
			return d
		}
	}
	return Date{}
}

// DocumentInfo is what a listing of the stored documents shows of one: not
// its text.
type DocumentInfo struct {
	Name, Outlet   string
	Published      Date // from the text or --date; zero when unknown
	Inferred       Date // worked out from the text when Published is unknown
	InferredReason string
	Claims         int
}

// Article is a document with the claims read from it, ready to store.
type Article struct {
	Document Document
	Claims   []Claim
	// CorrectsDate and CorrectsOutlet are set when the user gave the
	// document's date or outlet (ingest --date, --outlet): a stored copy of
	// the same text with another date or outlet is replaced, claims and all,
	// instead of kept. (The ingester reads it with the stored value of the
	// field the user did not give, so that an earlier correction stays.)
	CorrectsDate, CorrectsOutlet bool
}

// Stored says what became of one article given to a Store.
type Stored struct {
	Added bool // false when a document with the same hash was already there
	// Replaced is set when the article, which corrects it, replaced a stored
	// copy with another date or outlet (Added is then set too).
	Replaced bool
	Err      error // why the article was not stored; the others are unaffected
}

// Store is where documents and their claims are kept.
type Store interface {
	// AddDocuments stores each article whole or not at all, and the batch in
	// one transaction: after a crash either every article of the batch that
	// was reported stored is there, or none is. The result has one Stored per
	// article; err is for a failure of the whole batch.
	AddDocuments(ctx context.Context, batch []Article) ([]Stored, error)
}

// Entry is a stored claim with the facts of its document that listings show beside it.
type Entry struct {
	Claim
	Outlet    string
	Published Date
	// Names are the names of the claim's article (Document.Names), shared by
	// its claims.
	Names []Name
	// Inferred is the publication date worked out from the text when it
	// gives no year, and InferredReason says how.
	Inferred       Date
	InferredReason string
}
