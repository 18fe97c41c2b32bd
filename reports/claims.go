// Package reports renders claimtrack's data for people (tables, Markdown) and
// for programs (CSV, JSON Lines). It only renders: queries live in sqlite/.
package reports

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"claimtrack/claims"
)

// Format is an output format a listing can be written in.
type Format string

const (
	Table    Format = "table"
	Markdown Format = "markdown"
	CSV      Format = "csv"
	JSONL    Format = "jsonl"
)

// ParseFormat checks a --format value against the formats a listing accepts.
func ParseFormat(s string, allowed ...Format) (Format, error) {
	for _, f := range allowed {
		if string(f) == s {
			return f, nil
		}
	}
	names := make([]string, len(allowed))
	for i, f := range allowed {
		names[i] = string(f)
	}
	return "", fmt.Errorf("unknown format %q (want %s)", s, strings.Join(names, ", "))
}

// ClaimRecord is one claim as the export contract (docs/export-format.md)
// names its fields, in contract order.
type ClaimRecord struct {
	ID           string   `json:"id"`
	Document     string   `json:"document"`
	Outlet       *string  `json:"outlet"`
	Published    *string  `json:"published"`
	Kind         string   `json:"kind"`
	Text         string   `json:"text"`
	Sentence     string   `json:"sentence"`
	Start        int      `json:"start"`
	End          int      `json:"end"`
	ValueLow     *float64 `json:"value_low"`
	ValueHigh    *float64 `json:"value_high"`
	Qualifier    string   `json:"qualifier"`
	Unit         string   `json:"unit"`
	Subject      string   `json:"subject"`
	Measure      string   `json:"measure"`
	Modality     string   `json:"modality"`
	AsOf         *string  `json:"as_of"`
	PeriodStart  *string  `json:"period_start"`
	PeriodEnd    *string  `json:"period_end"`
	Attribution  []string `json:"attribution"`
	RootSource   *string  `json:"root_source"`
	Group        *string  `json:"group"`
	Series       *string  `json:"series"`
	Place        string   `json:"place"`
	PeriodPrecis string   `json:"period_precision"`
	// Event claims: who did what with whom.
	Actors       []string `json:"actors"`
	Action       string   `json:"action"`
	Counterparts []string `json:"counterparts"`
	Object       string   `json:"object"`
	Ordinal      int      `json:"ordinal"`
	// A publication date worked out from the text when it gives no year.
	PublishedInferred       *string `json:"published_inferred"`
	PublishedInferredReason string  `json:"published_inferred_reason"`
}

// claimColumns are the CSV header: the contract's fields, in its order, then ours.
var claimColumns = []string{"id", "document", "outlet", "published", "kind", "text", "sentence",
	"start", "end", "value_low", "value_high", "qualifier", "unit", "subject", "measure", "modality",
	"as_of", "period_start", "period_end", "attribution", "root_source", "group", "series",
	"place", "period_precision", "actors", "action", "counterparts", "object", "ordinal",
	"published_inferred", "published_inferred_reason"}

func optString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// NewClaimRecord flattens a stored claim into its export record.
func NewClaimRecord(e claims.Entry) ClaimRecord {
	chain := orEmpty(e.Attribution.Chain)
	return ClaimRecord{
		ID: e.ID, Document: e.Document, Outlet: optString(e.Outlet), Published: optString(e.Published.String()),
		Kind: string(e.Kind), Text: e.Text, Sentence: e.Sentence, Start: e.Start, End: e.End,
		ValueLow: e.Value.Low, ValueHigh: e.Value.High, Qualifier: string(e.Value.Qualifier),
		Unit: e.Unit, Subject: e.Subject, Measure: e.Measure, Modality: string(e.Modality),
		AsOf: optString(e.AsOf.String()), PeriodStart: optString(e.Period.Start.String()),
		PeriodEnd: optString(e.Period.End.String()), Attribution: chain,
		RootSource: optString(e.Attribution.Root), Group: optString(e.Group), Series: optString(e.Series),
		Place: e.Place, PeriodPrecis: string(e.Period.Precision),
		Actors: orEmpty(e.Actors), Action: e.Action, Counterparts: orEmpty(e.Counterparts), Object: e.Object,
		Ordinal: e.Ordinal, PublishedInferred: optString(e.Inferred.String()), PublishedInferredReason: e.InferredReason,
	}
}

// WriteClaimsJSONL writes one JSON object per claim.
func WriteClaimsJSONL(w io.Writer, entries []claims.Entry) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, e := range entries {
		if err := enc.Encode(NewClaimRecord(e)); err != nil {
			return err
		}
	}
	return nil
}

// WriteClaimsCSV writes the contract's fields as RFC 4180 CSV with a header.
func WriteClaimsCSV(w io.Writer, entries []claims.Entry) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(claimColumns); err != nil {
		return err
	}
	for _, e := range entries {
		r := NewClaimRecord(e)
		row := []string{r.ID, r.Document, deref(r.Outlet), deref(r.Published), r.Kind, r.Text, r.Sentence,
			strconv.Itoa(r.Start), strconv.Itoa(r.End), number(r.ValueLow), number(r.ValueHigh),
			r.Qualifier, r.Unit, r.Subject, r.Measure, r.Modality, deref(r.AsOf), deref(r.PeriodStart),
			deref(r.PeriodEnd), joinList(r.Attribution), deref(r.RootSource), deref(r.Group),
			deref(r.Series), r.Place, r.PeriodPrecis, joinList(r.Actors), r.Action,
			joinList(r.Counterparts), r.Object, strconv.Itoa(r.Ordinal), deref(r.PublishedInferred),
			r.PublishedInferredReason}
		if err := cw.Write(safeCells(row)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// orEmpty keeps lists as JSON arrays, never null.
func orEmpty(names []string) []string {
	if names == nil {
		return []string{}
	}
	return names
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func number(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

// listSeparator joins the items of a list in a CSV cell, one convention for
// every list of every export: the attribution chain (outermost first), the
// actors of an event, the claims of a finding, group or series, the
// implied totals of a group.
const listSeparator = "; "

func joinList(items []string) string { return strings.Join(items, listSeparator) }

// safeCells neutralizes cells a spreadsheet would run as a formula (OWASP's
// CSV-injection advice) by prefixing a quote: those that start, after any
// white space, with = + - @ or their full-width forms, or with a tab or a
// carriage return. Plain decimal numbers ("-5", "1.5e3") stay numbers;
// other spellings a parser takes for one ("-0x1p-2", "+1_0", "-Inf") do not.
func safeCells(row []string) []string {
	for i, c := range row {
		if c == "" || !startsFormula(c) || plainNumber.MatchString(c) {
			continue
		}
		row[i] = "'" + c
	}
	return row
}

// startsFormula reports a cell a spreadsheet may read as a formula.
func startsFormula(c string) bool {
	if c[0] == '\t' || c[0] == '\r' {
		return true
	}
	first := strings.TrimLeftFunc(c, unicode.IsSpace)
	if first == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(first)
	return strings.ContainsRune("=+-@＝＋－＠", r)
}

// plainNumber is a decimal number as the exports write figures.
var plainNumber = regexp.MustCompile(`^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$`)
