package reports

import (
	_ "embed"
	"html/template"
	"io"
	"slices"

	"claimtrack/claims"
)

// HTML is the consistency report as one self-contained page.
const HTML Format = "html"

//go:embed report.html.tmpl
var reportTemplateText string

var reportTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"span":      formatSpan,
	"source":    sourceLine,
	"short":     shortID,
	"plural":    Plural,
	"count":     FormatCount,
	"noun":      findingNoun,
	"mark":      findingMark,
	"qualifier": qualifierWords,
	"chain":     func(e *claims.Entry) string { return ChainText(*e) },
	"figure":    figureText,
	"orDash":    orDash,
	"sentence": func(e *claims.Entry) template.HTML {
		return template.HTML(MarkedSentence(escapedEntry(*e), func(s string) string { return "<mark>" + s + "</mark>" }))
	},
}).Parse(reportTemplateText))

// escapedEntry escapes the sentence and words of a claim for HTML, so that
// marking the words inside the sentence still finds them.
func escapedEntry(e claims.Entry) claims.Entry {
	e.Sentence = template.HTMLEscapeString(e.Sentence)
	e.Text = template.HTMLEscapeString(e.Text)
	return e
}

// htmlPage is what the template shows.
type htmlPage struct {
	Report
	Sections []htmlSection
	Audits   []htmlAudit
	Carded   map[string]bool // the claims that have a card, which links may point to
}

type htmlSection struct {
	Status claims.Status
	Title  string
	Series []htmlSeries
}

type htmlSeries struct {
	SeriesView
	Chart        template.HTML
	Legend       []chartSide
	MoreFindings int // findings of the series the page leaves out
	MoreSources  int // independent sources whose latest figure it leaves out
}

// htmlAudit is the audit section a chart point or a table row links to.
type htmlAudit struct {
	Point
	Series   SeriesView
	Findings []claims.Finding
	Unlisted bool // its series is past the report's limit: no section to link to
}

func (r Report) writeHTML(w io.Writer) error {
	page := r.htmlPage()
	if r.Sentences != nil {
		ids := make([]string, len(page.Audits))
		for i, a := range page.Audits {
			ids[i] = a.ID
		}
		sentences, err := r.Sentences(ids)
		if err != nil {
			return err
		}
		for _, a := range page.Audits { // the card's entry is the snapshot's, shared with every point of it
			if s, ok := sentences[a.ID]; ok {
				a.Entry.Sentence = s
			}
		}
	}
	return reportTemplate.Execute(w, page)
}

// htmlPage lays the report out as the page shows it.
func (r Report) htmlPage() htmlPage {
	page := htmlPage{Report: r}
	for _, status := range claims.Statuses {
		section := htmlSection{Status: status, Title: sectionTitles[status]}
		for _, v := range r.Listed() {
			if v.Status != status {
				continue
			}
			var s htmlSeries
			// A card for each claim the series' table or a listed finding
			// names: a series of a large ledger holds thousands of claims.
			v.Findings, s.MoreFindings = v.shownFindings()
			v.Latest, s.MoreSources = v.shownLatest()
			carded := map[string]bool{}
			for _, p := range v.Latest {
				carded[p.ID] = true
			}
			for _, f := range v.Findings {
				for _, id := range f.Claims {
					carded[id] = true
				}
			}
			s.SeriesView = v
			// One dated figure makes no timeline; the table says it all.
			if len(v.Points) > 1 {
				s.Chart, s.Legend = seriesChart(v, func(id string) bool { return carded[id] })
			}
			section.Series = append(section.Series, s)
			for _, p := range v.Points {
				if carded[p.ID] {
					page.Audits = append(page.Audits, htmlAudit{Point: p, Series: v, Findings: r.findingsNaming(v, p.ID)})
				}
			}
		}
		if len(section.Series) > 0 {
			page.Sections = append(page.Sections, section)
		}
	}
	// A consistency check may name claims of series not listed: their
	// cards come too, so that every link of the page has its target.
	if len(r.Checks) > 0 {
		page.Audits = append(page.Audits, r.checkedCards(page.Audits)...)
	}
	// A check that --source kept may name claims of series it left out,
	// which have no card: those are named, not linked.
	page.Carded = make(map[string]bool, len(page.Audits))
	for _, a := range page.Audits {
		page.Carded[a.ID] = true
	}
	return page
}

// checkedCards are the cards of the claims consistency checks name that
// carded leaves out.
func (r Report) checkedCards(carded []htmlAudit) []htmlAudit {
	type at struct{ series, point int }
	where := map[string]at{}
	for s, v := range r.Series {
		for k, p := range v.Points {
			where[p.ID] = at{s, k}
		}
	}
	listed := map[string]bool{}
	for _, v := range r.Listed() {
		listed[v.ID] = true
	}
	done := map[string]bool{}
	for _, a := range carded {
		done[a.ID] = true
	}
	var out []htmlAudit
	for _, f := range r.Checks {
		for _, id := range f.Claims {
			w, ok := where[id]
			if done[id] || !ok {
				continue
			}
			done[id] = true
			v := r.Series[w.series]
			out = append(out, htmlAudit{Point: v.Points[w.point], Series: v, Findings: r.findingsNaming(v, id), Unlisted: !listed[v.ID]})
		}
	}
	return out
}

// findingsNaming lists the findings of a series, and the checks, that name
// a claim: the first findingsShown.
func (r Report) findingsNaming(v SeriesView, id string) []claims.Finding {
	var out []claims.Finding
	for _, f := range append(slices.Clip(v.Findings), r.Checks...) {
		if slices.Contains(f.Claims, id) {
			out = append(out, f)
			if len(out) == findingsShown {
				break // as many as a series lists; the export has them all
			}
		}
	}
	return out
}
