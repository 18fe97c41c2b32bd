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
	"chain":     ChainText,
	"figure":    figureText,
	"orDash":    orDash,
	"sentence": func(e claims.Entry) template.HTML {
		return template.HTML(MarkedSentence(escapedEntry(e), func(s string) string { return "<mark>" + s + "</mark>" }))
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
}

type htmlSection struct {
	Status claims.Status
	Title  string
	Series []htmlSeries
}

type htmlSeries struct {
	SeriesView
	Chart  template.HTML
	Legend []chartSide
}

// htmlAudit is the audit section a chart point or a table row links to.
type htmlAudit struct {
	Point
	Series   SeriesView
	Findings []claims.Finding
	Unlisted bool // its series is past the report's limit: no section to link to
}

func (r Report) writeHTML(w io.Writer) error {
	page := htmlPage{Report: r}
	for _, status := range claims.Statuses {
		section := htmlSection{Status: status, Title: sectionTitles[status]}
		for _, v := range r.Listed() {
			if v.Status != status {
				continue
			}
			s := htmlSeries{SeriesView: v}
			// One dated figure makes no timeline; the table says it all.
			if len(v.Points) > 1 {
				s.Chart, s.Legend = seriesChart(v)
			}
			section.Series = append(section.Series, s)
			for _, p := range v.Points {
				page.Audits = append(page.Audits, htmlAudit{Point: p, Series: v, Findings: r.findingsNaming(v, p.ID)})
			}
		}
		if len(section.Series) > 0 {
			page.Sections = append(page.Sections, section)
		}
	}
	// A consistency check may name claims of series not listed: their
	// cards come too, so that every link of the page has its target.
	carded := map[string]bool{}
	for _, a := range page.Audits {
		carded[a.ID] = true
	}
	for _, f := range r.Checks {
		for _, id := range f.Claims {
			if carded[id] {
				continue
			}
			carded[id] = true
			for _, v := range r.Series {
				if k := slices.IndexFunc(v.Points, func(p Point) bool { return p.ID == id }); k >= 0 {
					page.Audits = append(page.Audits, htmlAudit{Point: v.Points[k], Series: v, Findings: r.findingsNaming(v, id),
						Unlisted: !slices.ContainsFunc(r.Listed(), func(l SeriesView) bool { return l.ID == v.ID })})
					break
				}
			}
		}
	}
	return reportTemplate.Execute(w, page)
}

// findingsNaming lists the findings of a series, and the checks, that name a claim.
func (r Report) findingsNaming(v SeriesView, id string) []claims.Finding {
	var out []claims.Finding
	for _, f := range append(slices.Clip(v.Findings), r.Checks...) {
		if slices.Contains(f.Claims, id) {
			out = append(out, f)
		}
	}
	return out
}
