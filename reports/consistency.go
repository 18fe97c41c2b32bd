package reports

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"claimtrack/claims"

	"github.com/mattn/go-runewidth"
)

// ReportFilter narrows the consistency report; a zero field matches everything.
type ReportFilter struct {
	Group  string        // a group id, or words of its label
	Status claims.Status // one of claims.Statuses
	Source string        // words of a root source's or outlet's name
	// Limit is how many series the report lists, the most telling first;
	// 0 lists all. The counts and --fail-on still cover every series.
	Limit int
}

// Report is the consistency report: the ledger's totals, then each series
// with what its independent sources say now, conflicts first.
type Report struct {
	Documents, Claims, Groups, AllSeries int
	FindingCounts                        []TypeCount  // over the whole ledger
	Series                               []SeriesView // every series the filter matches
	Stories                              []StoryCount // the stories of Series, the most disputed first
	Limit                                int          // how many of Series to list; 0 for all
	// Checks are findings about no single series: parts against totals,
	// percentages against counts.
	Checks []claims.Finding
	// Sentences, when the snapshot's entries were read without their
	// sentences, reads those of the claims the HTML page gives a card to,
	// which alone quote them (sqlite.DB.Sentences).
	Sentences func(ids []string) (map[string]string, error)
}

// StoryCount sums up one story (group) of the report: its series and the
// findings that compare them.
type StoryCount struct {
	ID, Label                                  string
	Series, Conflicts, Changes, Corroborations int
}

// storyCounts sums the series up by story, the stories with the most
// conflicts, then changes, then series first.
func storyCounts(series []SeriesView) []StoryCount {
	index := map[string]int{}
	var out []StoryCount
	for _, v := range series {
		k, ok := index[v.Group]
		if !ok {
			k = len(out)
			index[v.Group] = k
			out = append(out, StoryCount{ID: v.Group, Label: v.GroupLabel})
		}
		out[k].Series++
		for _, f := range v.Findings {
			switch f.Type {
			case claims.Conflict:
				out[k].Conflicts++
			case claims.Change:
				out[k].Changes++
			case claims.Corroboration:
				out[k].Corroborations++
			}
		}
	}
	slices.SortFunc(out, func(a, b StoryCount) int {
		return cmp.Or(cmp.Compare(b.Conflicts, a.Conflicts), cmp.Compare(b.Changes, a.Changes),
			cmp.Compare(b.Series, a.Series), cmp.Compare(a.Label, b.Label), cmp.Compare(a.ID, b.ID))
	})
	return out
}

// storiesShown is how many stories the summary at the top of a report
// for people names.
const storiesShown = 10

// TopStories are the stories the summary names: the first storiesShown.
func (r Report) TopStories() []StoryCount {
	top, _ := First(r.Stories, storiesShown)
	return top
}

// storiesGrid is the summary by story.
func (r Report) storiesGrid() Grid {
	g := Grid{Header: []string{"Story", "Series", "Conflicts", "Changes", "Corroborations"}, NumberColumns: []int{1, 2, 3, 4}}
	for _, st := range r.TopStories() {
		g.Rows = append(g.Rows, []string{st.Label, FormatCount(st.Series), FormatCount(st.Conflicts),
			FormatCount(st.Changes), FormatCount(st.Corroborations)})
	}
	return g
}

// TypeCount is how many findings of one type there are.
type TypeCount struct {
	Type  claims.FindingType
	Count int
}

// BuildReport assembles the report over the snapshot's entries: a series is
// listed when f matches it and it has claims among them.
func BuildReport(l Snapshot, f ReportFilter) Report {
	x := indexSnapshot(l)
	r := Report{Documents: l.Documents, Claims: l.Claims, Groups: len(l.Groups), AllSeries: len(l.Series)}
	counts := map[claims.FindingType]int{}
	for _, finding := range l.Findings {
		counts[finding.Type]++
	}
	for kind, n := range counts {
		r.FindingCounts = append(r.FindingCounts, TypeCount{kind, n})
	}
	slices.SortFunc(r.FindingCounts, func(a, b TypeCount) int {
		return cmp.Or(cmp.Compare(a.Type.Rank(), b.Type.Rank()), cmp.Compare(a.Type, b.Type))
	})

	for _, s := range l.Series {
		if f.Status != "" && s.Status != f.Status || !f.matchesGroup(x.groups[s.Group]) {
			continue
		}
		v := x.seriesView(s)
		if len(v.Points) == 0 || !slices.ContainsFunc(v.Points, f.matchesSource) {
			continue
		}
		r.Series = append(r.Series, v)
	}
	// Conflicts first, then changes, …; in each, the series more independent
	// sources speak in and more findings name first: those are what a
	// reader of a long report must not miss.
	slices.SortFunc(r.Series, func(a, b SeriesView) int {
		return cmp.Or(cmp.Compare(a.Status.Rank(), b.Status.Rank()),
			cmp.Compare(len(b.Latest), len(a.Latest)), cmp.Compare(len(b.Findings), len(a.Findings)),
			cmp.Compare(a.GroupLabel, b.GroupLabel), cmp.Compare(a.Label, b.Label), cmp.Compare(a.ID, b.ID))
	})
	r.Limit = f.Limit
	r.Stories = storyCounts(r.Series)

	if f.Status == "" {
		for _, finding := range l.Findings {
			if finding.Series == "" && f.matchesCheck(finding, x) {
				r.Checks = append(r.Checks, finding)
			}
		}
	}
	return r
}

func (f ReportFilter) matchesGroup(g claims.Group) bool {
	return f.Group == "" || g.ID == f.Group || containsFold(g.Label, f.Group)
}

func (f ReportFilter) matchesSource(p Point) bool {
	return f.Source == "" || containsFold(p.Speaker.Name, f.Source) ||
		containsFold(p.Attribution.Root, f.Source) || containsFold(p.Outlet, f.Source)
}

// matchesCheck keeps a finding that spans series when one of its claims is
// among the entries and matches the filter.
func (f ReportFilter) matchesCheck(finding claims.Finding, x snapshotIndex) bool {
	if !f.matchesGroup(x.groups[finding.Group]) {
		return false
	}
	for _, id := range finding.Claims {
		if e, ok := x.entries[id]; ok && f.matchesSource(NewPoint(e, x.options)) {
			return true
		}
	}
	return false
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

// Listed are the series the report lists: the first Limit of Series.
func (r Report) Listed() []SeriesView {
	listed, _ := First(r.Series, r.Limit)
	return listed
}

// First is the first n of items (all of them for n ≤ 0), and how many it
// leaves out: the one rule by which every listing for people is cut short.
func First[T any](items []T, n int) ([]T, int) {
	if n <= 0 || n >= len(items) {
		return items, 0
	}
	return items[:n], len(items) - n
}

// Last is First from the end: the last n items, and how many were left
// out; all of them when n is 0 or less. A timeline's latest values are the
// ones a reader looks for.
func Last[T any](items []T, n int) ([]T, int) {
	if n <= 0 || n >= len(items) {
		return items, 0
	}
	return items[len(items)-n:], len(items) - n
}

// Count is how many findings of a type the report's series and checks hold,
// listed or not.
func (r Report) Count(findingType claims.FindingType) int {
	n := 0
	for _, v := range r.Series {
		for _, f := range v.Findings {
			if f.Type == findingType {
				n++
			}
		}
	}
	for _, f := range r.Checks {
		if f.Type == findingType {
			n++
		}
	}
	return n
}

// Write renders the report: for the terminal (width 0: no limit), as
// Markdown, CSV (a row per series and independent source), JSON Lines or a
// self-contained HTML page.
func (r Report) Write(w io.Writer, f Format, width int, st Style) error {
	switch f {
	case CSV:
		return r.grid().Write(w, CSV, 0)
	case JSONL:
		return r.writeJSONL(w)
	case HTML:
		return r.writeHTML(w)
	}
	return r.writeText(w, f == Markdown, width, st)
}

// sectionTitles name the report's sections, by series status.
var sectionTitles = map[claims.Status]string{
	claims.StatusConflict:     "Conflicts",
	claims.StatusChanged:      "Changes",
	claims.StatusCorroborated: "Corroborated",
	claims.StatusConsistent:   "Consistent",
	claims.StatusSingleSource: "Single source",
}

// findingMarks start a finding's line: ✗ conflict, ↻ change, ✓ agreement.
var findingMarks = map[claims.FindingType]string{claims.Conflict: "✗", claims.Change: "↻", claims.Corroboration: "✓"}

func findingMark(kind claims.FindingType) string {
	if m, ok := findingMarks[kind]; ok {
		return m
	}
	return "•"
}

// text writes the report for a terminal or as Markdown; the two differ only
// in how headings and lists are marked.
type text struct {
	w        io.Writer
	markdown bool
	width    int
	st       Style
	err      error
}

func (t *text) printf(format string, args ...any) {
	if t.err != nil {
		return
	}
	s := fmt.Sprintf(format, args...)
	if !t.markdown && t.width > 0 {
		s = wrapText(s, t.width)
	}
	_, t.err = io.WriteString(t.w, s)
}

// wrapText breaks the lines of s longer than width terminal columns at
// spaces; a continuation is indented two columns past where its line starts.
// Colour codes take no width.
func wrapText(s string, width int) string {
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		if visibleWidth(line) <= width {
			continue
		}
		body := strings.TrimLeft(line, " ")
		indent := strings.Repeat(" ", len(line)-len(body)+2)
		var b strings.Builder
		b.WriteString(line[:len(line)-len(body)])
		used := len(line) - len(body)
		for j, word := range strings.Split(body, " ") {
			w := visibleWidth(word)
			if j > 0 && used+1+w > width {
				b.WriteString("\n" + indent)
				used = len(indent)
			} else if j > 0 {
				b.WriteString(" ")
				used++
			}
			b.WriteString(word)
			used += w
		}
		lines[i] = b.String()
	}
	return strings.Join(lines, "\n")
}

// colourCode matches the escape sequences Style writes.
var colourCode = regexp.MustCompile("\x1b\\[[0-9;]*m")

// visibleWidth is the terminal width of s without its colour codes.
func visibleWidth(s string) int {
	return runewidth.StringWidth(colourCode.ReplaceAllString(s, ""))
}

func (t *text) heading(level int, title, status string) {
	if t.markdown {
		t.printf("%s %s\n\n", strings.Repeat("#", level), title)
		return
	}
	switch level {
	case 1:
		t.printf("%s\n%s\n\n", t.st.Verdict(status, t.st.Bold(title)), strings.Repeat("═", utf8.RuneCountInString(title)))
	case 2:
		t.printf("%s\n%s\n\n", t.st.Verdict(status, t.st.Bold(title)), strings.Repeat("─", utf8.RuneCountInString(title)))
	default:
		t.printf("%s\n\n", t.st.Verdict(status, t.st.Bold("▶ "+title)))
	}
}

func (t *text) grid(g Grid) {
	if t.err != nil {
		return
	}
	f := Table
	if t.markdown {
		f = Markdown
	}
	t.err = g.Write(t.w, f, t.width)
	t.printf("\n")
}

func (t *text) code(s string) string {
	if t.markdown {
		return "`" + s + "`"
	}
	return t.st.Dim(s)
}

func (r Report) writeText(w io.Writer, markdown bool, width int, st Style) error {
	t := &text{w: w, markdown: markdown, width: width, st: st}
	t.heading(1, "Consistency report", "")
	t.printf("%s documents · %s claims · %s groups · %s series\n", FormatCount(r.Documents), FormatCount(r.Claims),
		FormatCount(r.Groups), FormatCount(r.AllSeries))
	if markdown {
		t.printf("\n")
	}
	switch {
	case r.Documents == 0:
		t.printf("The ledger holds no articles yet: claimtrack ingest FILE|FOLDER stores some.\n\n")
	case r.AllSeries == 0:
		t.printf("Not reconciled yet: run claimtrack reconcile.\n\n")
	case len(r.FindingCounts) == 0:
		t.printf("Findings: none\n\n")
	default:
		var parts []string
		for _, c := range r.FindingCounts {
			parts = append(parts, t.st.Verdict(string(c.Type), Plural(c.Count, findingNoun(c.Type))))
		}
		t.printf("Findings: %s\n\n", strings.Join(parts, " · "))
	}
	if len(r.Stories) > 1 {
		title := "Stories"
		if len(r.Stories) > storiesShown {
			title = fmt.Sprintf("Stories (the %d most disputed of %s)", storiesShown, FormatCount(len(r.Stories)))
		}
		t.heading(2, title, "")
		t.grid(r.storiesGrid())
	}
	if line := r.ListedLine(); line != "" {
		t.printf("%s\n\n", line)
	}

	for _, status := range claims.Statuses {
		var section []SeriesView
		for _, v := range r.Listed() {
			if v.Status == status {
				section = append(section, v)
			}
		}
		if len(section) == 0 {
			continue
		}
		t.heading(2, fmt.Sprintf("%s (%s)", sectionTitles[status], r.SectionCount(status, len(section))), string(status))
		if status == claims.StatusSingleSource {
			t.grid(singleSourceGrid(section))
			for _, v := range section {
				t.totals(v.Totals)
			}
			continue
		}
		for _, v := range section {
			r.writeSeries(t, v)
		}
	}
	if len(r.Checks) > 0 {
		t.heading(2, fmt.Sprintf("Consistency checks (%d)", len(r.Checks)), "")
		for _, f := range r.Checks {
			t.finding(f)
		}
		t.printf("\n")
	}
	return t.err
}

// findingsShown is how many findings a series lists in a report for
// people; the export holds them all. A series of a large ledger can hold
// thousands.
const findingsShown = 10

// shownFindings are the findings a report lists for the series, and how
// many more there are.
func (v SeriesView) shownFindings() ([]claims.Finding, int) { return First(v.Findings, findingsShown) }

// latestShown is how many independent sources' latest figures a series
// lists in a report for people.
const latestShown = 20

// shownLatest are the latest figures a report lists for the series, and
// how many more sources there are.
func (v SeriesView) shownLatest() ([]Point, int) { return First(v.Latest, latestShown) }

// SectionCount says how many series of a status a section lists: "9", or
// "9 of 21" when the limit leaves some out.
func (r Report) SectionCount(status claims.Status, listed int) string {
	all := 0
	for _, v := range r.Series {
		if v.Status == status {
			all++
		}
	}
	if listed < all {
		return FormatCount(listed) + " of " + FormatCount(all)
	}
	return FormatCount(listed)
}

// ListedLine says how many series the report lists when not all of the
// ledger's, or "".
func (r Report) ListedLine() string {
	listed := len(r.Listed())
	switch {
	case listed < len(r.Series):
		return fmt.Sprintf("Showing the first %s of %s series that match (--limit 0 lists all).",
			FormatCount(listed), FormatCount(len(r.Series)))
	case listed < r.AllSeries:
		return fmt.Sprintf("Showing %s of %s series.", FormatCount(listed), FormatCount(r.AllSeries))
	}
	return ""
}

func (r Report) writeSeries(t *text, v SeriesView) {
	t.heading(3, v.Title(), string(v.Status))
	t.printf("Story: %s · %s · %s\n\n", v.GroupLabel, Plural(len(v.Latest), "independent source"),
		t.code("series "+v.ID))
	g := Grid{Header: []string{"Source", "Value", "Qualifier", "Date", "Outlet", "Published", "Claim"}, NumberColumns: []int{1},
		Drop: []int{5, 4}}
	latest, moreSources := v.shownLatest()
	for _, p := range latest {
		g.Rows = append(g.Rows, []string{sourceLine(p.Speaker), p.Figure(), qualifierWords(p.Value.Qualifier),
			p.When.String(), p.Outlet, p.Published.String(), shortID(p.ID)})
	}
	t.grid(g)
	if moreSources > 0 {
		t.printf("%s and %s more sources (claimtrack timeline %s lists them all)\n", t.bullet("…"), FormatCount(moreSources), v.ID)
	}
	shown, more := v.shownFindings()
	for _, f := range shown {
		t.finding(f)
	}
	if more > 0 {
		t.printf("%s and %s more (claimtrack export findings lists them all)\n", t.bullet("…"), FormatCount(more))
	}
	t.totals(v.Totals)
	if len(v.Findings)+len(v.Totals) > 0 {
		t.printf("\n")
	}
}

// totals writes the totals incremental claims imply, a line each.
func (t *text) totals(totals []claims.Total) {
	for _, total := range totals {
		t.printf("%s implied total: %s\n", t.bullet("="), total.Label)
	}
}

func (t *text) bullet(mark string) string {
	if t.markdown {
		return "- " + mark
	}
	return "  " + mark
}

func (t *text) finding(f claims.Finding) {
	t.printf("%s %s\n", t.bullet(findingMark(f.Type)), t.st.Verdict(string(f.Type), f.Summary))
}

// singleSourceGrid lists the series one source stands behind, a row each.
func singleSourceGrid(section []SeriesView) Grid {
	g := Grid{Header: []string{"Series", "Story", "Value", "Source", "Date", "Outlet", "Claim"}, NumberColumns: []int{2},
		Drop: []int{5, 1}}
	for _, v := range section {
		for _, p := range v.Latest {
			g.Rows = append(g.Rows, []string{v.Title(), v.GroupLabel, p.Figure(), sourceLine(p.Speaker),
				p.When.String(), p.Outlet, shortID(p.ID)})
		}
	}
	return g
}

// grid flattens the report for spreadsheets: a row per series and
// independent source, with the source's latest figure.
func (r Report) grid() Grid {
	g := Grid{Header: []string{"status", "series", "label", "group", "group_label", "independent_sources",
		"source", "speaks_for", "source_kind", "value_low", "value_high", "qualifier", "date", "published",
		"outlet", "document", "claim", "findings", "implied_totals"}}
	for _, v := range r.Listed() {
		types := make([]string, len(v.Findings))
		for i, f := range v.Findings {
			types[i] = string(f.Type)
		}
		totals := make([]string, len(v.Totals))
		for i, t := range v.Totals {
			totals[i] = t.Label
		}
		for _, p := range v.Latest {
			g.Rows = append(g.Rows, []string{string(v.Status), v.ID, v.Label, v.Group, v.GroupLabel,
				strconv.Itoa(len(v.Latest)), p.Speaker.Name, p.Speaker.Body, p.Speaker.Kind,
				number(p.Value.Low), number(p.Value.High), string(p.Value.Qualifier), p.When.String(),
				p.Published.String(), p.Outlet, p.Document, p.ID, joinList(types), joinList(totals)})
		}
	}
	return g
}

// Report records in JSON Lines: a summary, then a record per series, then
// one per check. Kind tells them apart.
type (
	reportSummaryRecord struct {
		Kind      string         `json:"kind"`
		Documents int            `json:"documents"`
		Claims    int            `json:"claims"`
		Groups    int            `json:"groups"`
		Series    int            `json:"series"`
		Findings  map[string]int `json:"findings"`
	}
	reportSeriesRecord struct {
		Kind               string          `json:"kind"`
		Series             string          `json:"series"`
		Label              string          `json:"label"`
		Group              string          `json:"group"`
		GroupLabel         string          `json:"group_label"`
		Status             string          `json:"status"`
		IndependentSources int             `json:"independent_sources"`
		Latest             []pointRecord   `json:"latest"`
		Findings           []FindingRecord `json:"findings"`
		ImpliedTotals      []TotalRecord   `json:"implied_totals"`
	}
	reportCheckRecord struct {
		Kind string `json:"kind"`
		FindingRecord
	}
)

// pointRecord is one claim as reports show it in JSON: its figure, its
// source, and when.
type pointRecord struct {
	Claim      string   `json:"claim"`
	Source     string   `json:"source"`
	SpeaksFor  string   `json:"speaks_for"`
	SourceKind string   `json:"source_kind"`
	ValueLow   *float64 `json:"value_low"`
	ValueHigh  *float64 `json:"value_high"`
	Qualifier  string   `json:"qualifier"`
	Date       *string  `json:"date"` // the day the figure describes: as of, else period end, else published
	Published  *string  `json:"published"`
	Outlet     *string  `json:"outlet"`
	Document   string   `json:"document"`
}

func newPointRecord(p Point) pointRecord {
	return pointRecord{Claim: p.ID, Source: p.Speaker.Name, SpeaksFor: p.Speaker.Body, SourceKind: p.Speaker.Kind,
		ValueLow: p.Value.Low, ValueHigh: p.Value.High, Qualifier: string(p.Value.Qualifier),
		Date: optString(p.When.String()), Published: optString(p.Published.String()),
		Outlet: optString(p.Outlet), Document: p.Document}
}

func (r Report) writeJSONL(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	summary := reportSummaryRecord{Kind: "summary", Documents: r.Documents, Claims: r.Claims, Groups: r.Groups,
		Series: r.AllSeries, Findings: map[string]int{}}
	for _, c := range r.FindingCounts {
		summary.Findings[string(c.Type)] = c.Count
	}
	if err := enc.Encode(summary); err != nil {
		return err
	}
	for _, v := range r.Listed() {
		rec := reportSeriesRecord{Kind: "series", Series: v.ID, Label: v.Label, Group: v.Group, GroupLabel: v.GroupLabel,
			Status: string(v.Status), IndependentSources: len(v.Latest), Latest: []pointRecord{},
			Findings: []FindingRecord{}, ImpliedTotals: []TotalRecord{}}
		for _, p := range v.Latest {
			rec.Latest = append(rec.Latest, newPointRecord(p))
		}
		for _, f := range v.Findings {
			rec.Findings = append(rec.Findings, NewFindingRecord(f))
		}
		for _, t := range v.Totals {
			rec.ImpliedTotals = append(rec.ImpliedTotals, newTotalRecord(t))
		}
		if err := enc.Encode(rec); err != nil {
			return err
		}
	}
	for _, f := range r.Checks {
		if err := enc.Encode(reportCheckRecord{Kind: "check", FindingRecord: NewFindingRecord(f)}); err != nil {
			return err
		}
	}
	return nil
}

// FormatCount writes a count with its thousands grouped: 7,721,949.
func FormatCount(n int) string {
	f := float64(n)
	return FormatNumber(&f)
}

// Plural writes "1 source", "3 sources".
func Plural(n int, noun string) string {
	if n == 1 {
		return FormatCount(n) + " " + noun
	}
	return FormatCount(n) + " " + noun + "s"
}

// findingNoun names a finding type in running text.
func findingNoun(kind claims.FindingType) string {
	if kind.Compares() {
		return string(kind)
	}
	return strings.ReplaceAll(string(kind), "_", " ") + " check"
}

// qualifierWords spells a qualifier for people: "at least", "approximately".
func qualifierWords(q claims.Qualifier) string {
	return strings.ReplaceAll(string(q), "_", " ")
}
