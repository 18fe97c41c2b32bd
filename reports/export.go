package reports

import (
	"encoding/json"
	"io"
	"strconv"

	"claimtrack/claims"
)

// FindingRecord is a finding as the export contract names its fields.
type FindingRecord struct {
	ID                 string   `json:"id"`
	Type               string   `json:"type"`
	Group              string   `json:"group"`
	Series             *string  `json:"series"`
	Claims             []string `json:"claims"`
	IndependentSources int      `json:"independent_sources"`
	Summary            string   `json:"summary"`
}

// NewFindingRecord flattens a finding into its export record.
func NewFindingRecord(f claims.Finding) FindingRecord {
	return FindingRecord{ID: f.ID, Type: string(f.Type), Group: f.Group, Series: optString(f.Series),
		Claims: nonNil(f.Claims), IndependentSources: f.IndependentSources, Summary: f.Summary}
}

// GroupRecord is a group (one story) with the totals its incremental claims imply.
type GroupRecord struct {
	ID            string        `json:"id"`
	Label         string        `json:"label"`
	Claims        []string      `json:"claims"`
	ImpliedTotals []TotalRecord `json:"implied_totals"`
}

// TotalRecord is a total implied by an incremental claim on top of its base.
type TotalRecord struct {
	Series           string   `json:"series"`
	Low              *float64 `json:"low"`  // null: no lower bound
	High             *float64 `json:"high"` // null: open above ("at least")
	Label            string   `json:"label"`
	BaseClaim        string   `json:"base_claim"`
	IncrementalClaim string   `json:"incremental_claim"`
}

func newTotalRecord(t claims.Total) TotalRecord {
	r := TotalRecord{Series: t.Series, Low: finite(t.Low), High: finite(t.High), Label: t.Label}
	if len(t.From) == 2 {
		r.BaseClaim, r.IncrementalClaim = t.From[0], t.From[1]
	}
	return r
}

// SeriesRecord is a series: claims that measure the same thing.
type SeriesRecord struct {
	ID     string   `json:"id"`
	Group  string   `json:"group"`
	Label  string   `json:"label"`
	Status string   `json:"status"`
	Claims []string `json:"claims"`
}

// SourceRow is an outlet or root source with what it contributed and how its
// claims fared.
type SourceRow struct {
	Name         string `json:"name"`
	Role         string `json:"role"`       // outlet or source
	Kind         string `json:"kind"`       // government, wire … from the affiliation list; "" when unknown
	SpeaksFor    string `json:"speaks_for"` // the body behind it, itself when unknown
	Claims       int    `json:"claims"`
	Documents    int    `json:"documents"`
	Corroborated int    `json:"corroborated"`  // claims in a corroboration
	Conflicted   int    `json:"in_conflict"`   // claims in a conflict
	FirstReports int    `json:"first_reports"` // series it published first
}

// WriteFindings writes findings as JSON Lines or CSV.
func WriteFindings(w io.Writer, f Format, findings []claims.Finding) error {
	records := make([]FindingRecord, len(findings))
	g := Grid{Header: []string{"id", "type", "group", "series", "claims", "independent_sources", "summary"}}
	for i, finding := range findings {
		records[i] = NewFindingRecord(finding)
		g.Rows = append(g.Rows, []string{finding.ID, string(finding.Type), finding.Group, finding.Series,
			joinList(finding.Claims), strconv.Itoa(finding.IndependentSources), finding.Summary})
	}
	return writeRecords(w, f, records, g)
}

// WriteGroups writes groups as JSON Lines or CSV; CSV gives each implied
// total as its label.
func WriteGroups(w io.Writer, f Format, groups []claims.Group) error {
	records := make([]GroupRecord, len(groups))
	g := Grid{Header: []string{"id", "label", "claims", "implied_totals"}}
	for i, group := range groups {
		records[i] = GroupRecord{ID: group.ID, Label: group.Label, Claims: nonNil(group.Claims), ImpliedTotals: []TotalRecord{}}
		labels := make([]string, len(group.ImpliedTotals))
		for k, t := range group.ImpliedTotals {
			records[i].ImpliedTotals = append(records[i].ImpliedTotals, newTotalRecord(t))
			labels[k] = t.Label
		}
		g.Rows = append(g.Rows, []string{group.ID, group.Label, joinList(group.Claims), joinList(labels)})
	}
	return writeRecords(w, f, records, g)
}

// WriteSeries writes series as JSON Lines or CSV.
func WriteSeries(w io.Writer, f Format, series []claims.Series) error {
	records := make([]SeriesRecord, len(series))
	g := Grid{Header: []string{"id", "group", "label", "status", "claims"}}
	for i, s := range series {
		records[i] = SeriesRecord{ID: s.ID, Group: s.Group, Label: s.Label, Status: string(s.Status), Claims: nonNil(s.Claims)}
		g.Rows = append(g.Rows, []string{s.ID, s.Group, s.Label, string(s.Status), joinList(s.Claims)})
	}
	return writeRecords(w, f, records, g)
}

// WriteSources writes outlets and sources in any listing format; the table
// is for people, the rest keep the field names.
func WriteSources(w io.Writer, f Format, width int, rows []SourceRow) error {
	if f == Table || f == Markdown {
		g := Grid{Header: []string{"Name", "Role", "Kind", "Speaks for", "Claims", "Documents",
			"Corroborated", "In conflict", "First to report"}, NumberColumns: []int{4, 5, 6, 7, 8},
			Drop: []int{8, 5, 3, 2}}
		for _, r := range rows {
			g.Rows = append(g.Rows, []string{r.Name, r.Role, r.Kind, r.SpeaksFor, FormatCount(r.Claims), FormatCount(r.Documents),
				FormatCount(r.Corroborated), FormatCount(r.Conflicted), FormatCount(r.FirstReports)})
		}
		return g.Write(w, f, width)
	}
	g := Grid{Header: []string{"name", "role", "kind", "speaks_for", "claims", "documents", "corroborated",
		"in_conflict", "first_reports"}}
	for _, r := range rows {
		g.Rows = append(g.Rows, []string{r.Name, r.Role, r.Kind, r.SpeaksFor, strconv.Itoa(r.Claims),
			strconv.Itoa(r.Documents), strconv.Itoa(r.Corroborated), strconv.Itoa(r.Conflicted), strconv.Itoa(r.FirstReports)})
	}
	return writeRecords(w, f, rows, g)
}

// DocumentRecord is a stored document as programs read it.
type DocumentRecord struct {
	Name              string  `json:"name"`
	Outlet            *string `json:"outlet"`
	Published         *string `json:"published"`
	PublishedInferred *string `json:"published_inferred"`
	InferredReason    string  `json:"published_inferred_reason"`
	Claims            int     `json:"claims"`
}

// WriteDocuments writes the stored documents in any listing format.
func WriteDocuments(w io.Writer, f Format, width int, docs []claims.DocumentInfo) error {
	if f == Table || f == Markdown {
		g := Grid{Header: []string{"Document", "Outlet", "Published", "Inferred", "Why inferred", "Claims"},
			NumberColumns: []int{5}, Drop: []int{4, 1}}
		for _, d := range docs {
			g.Rows = append(g.Rows, []string{d.Name, d.Outlet, d.Published.String(), d.Inferred.String(), d.InferredReason,
				FormatCount(d.Claims)})
		}
		return g.Write(w, f, width)
	}
	records := make([]DocumentRecord, len(docs))
	g := Grid{Header: []string{"name", "outlet", "published", "published_inferred", "published_inferred_reason", "claims"}}
	for i, d := range docs {
		records[i] = DocumentRecord{Name: d.Name, Outlet: optString(d.Outlet), Published: optString(d.Published.String()),
			PublishedInferred: optString(d.Inferred.String()), InferredReason: d.InferredReason, Claims: d.Claims}
		g.Rows = append(g.Rows, []string{d.Name, d.Outlet, d.Published.String(), d.Inferred.String(), d.InferredReason,
			strconv.Itoa(d.Claims)})
	}
	return writeRecords(w, f, records, g)
}

// writeRecords writes records as JSON Lines, or the grid as CSV.
func writeRecords[T any](w io.Writer, f Format, records []T, g Grid) error {
	if f == CSV {
		return g.Write(w, CSV, 0)
	}
	return WriteJSONL(w, records)
}

// WriteJSONL writes one JSON object per record, HTML characters as they are.
func WriteJSONL[T any](w io.Writer, records []T) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, r := range records {
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	return nil
}

// nonNil makes an empty list encode as [] rather than null.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
