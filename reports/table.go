package reports

import (
	"cmp"
	"encoding/csv"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"

	"claimtrack/claims"
)

// Grid is a listing for people: a header and rows of cells.
type Grid struct {
	Header []string
	Rows   [][]string
	// NumberColumns are the indexes of columns of figures, right-aligned
	// for people so that digits line up.
	NumberColumns []int
}

// Write renders the grid as a terminal table no wider than width (0: no
// limit), as Markdown, or as CSV.
func (g Grid) Write(w io.Writer, f Format, width int) error {
	switch f {
	case CSV:
		cw := csv.NewWriter(w)
		if err := cw.Write(g.Header); err != nil {
			return err
		}
		for _, r := range g.Rows {
			if err := cw.Write(safeCells(append([]string(nil), r...))); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	}
	// The table renderer does not return the errors of its writes; ew
	// keeps the first, so that a full disk or a closed pipe fails the
	// command.
	ew := &errWriter{w: w}
	if f == Markdown {
		t := tablewriter.NewTable(ew, tablewriter.WithRenderer(renderer.NewMarkdown()),
			tablewriter.WithHeaderAutoFormat(tw.Off), g.alignment())
		t.Header(g.Header)
		if err := t.Bulk(markdownCells(g.Rows)); err != nil {
			return err
		}
		return cmp.Or(t.Render(), ew.err)
	}
	opts := []tablewriter.Option{tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNormal), g.alignment()}
	if width > 0 {
		opts = append(opts, tablewriter.WithMaxWidth(width))
	}
	t := tablewriter.NewTable(ew, opts...)
	t.Header(g.Header)
	if err := t.Bulk(g.Rows); err != nil {
		return err
	}
	return cmp.Or(t.Render(), ew.err)
}

// markdownCells escapes what would end a Markdown table cell: a pipe
// becomes \| and a line break a space, as a table row is one line.
func markdownCells(rows [][]string) [][]string {
	escape := strings.NewReplacer("|", `\|`, "\r\n", " ", "\n", " ", "\r", " ")
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = make([]string, len(r))
		for j, c := range r {
			out[i][j] = escape.Replace(c)
		}
	}
	return out
}

// errWriter passes writes on and keeps the first error.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	if err != nil {
		e.err = err
	}
	return n, err
}

// alignment right-aligns the number columns and leaves the rest to the renderer.
func (g Grid) alignment() tablewriter.Option {
	perColumn := make([]tw.Align, len(g.Header))
	for i := range perColumn {
		perColumn[i] = tw.AlignDefault
	}
	for _, i := range g.NumberColumns {
		if i < len(perColumn) {
			perColumn[i] = tw.AlignRight
		}
	}
	return tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: perColumn})
}

// ClaimsGrid lays out claims for reading: the figure, what it counts, when,
// and who says so.
func ClaimsGrid(entries []claims.Entry) Grid {
	g := Grid{Header: []string{"Document", "Published", "Value", "Unit", "Measure", "As of", "Source", "Text"}}
	for _, e := range entries {
		if e.Kind == claims.KindEvent {
			// An event's "value" is who did what with whom, and where.
			g.Rows = append(g.Rows, []string{e.Document, e.Published.String(), EventLine(e.Claim),
				"event", e.Action, e.AsOf.String(), e.Attribution.Root, e.Text})
			continue
		}
		g.Rows = append(g.Rows, []string{e.Document, e.Published.String(), FormatValue(e.Value),
			e.Unit, e.Measure, e.AsOf.String(), e.Attribution.Root, e.Text})
	}
	return g
}

// FormatValue writes a value the way a reader says it: "~4,000",
// "25,000–30,000", "≥100", ">1,700", "≤4.8M", "vague 300–800".
func FormatValue(v claims.Value) string {
	lo, hi := FormatNumber(v.Low), FormatNumber(v.High)
	switch v.Qualifier {
	case claims.Approximately:
		return "~" + lo
	case claims.AtLeast:
		return "≥" + lo
	case claims.MoreThan:
		return ">" + lo
	case claims.AtMost:
		return "≤" + hi
	case claims.LessThan:
		return "<" + hi
	case claims.UpTo:
		return "up to " + hi
	case claims.Range:
		return lo + "–" + hi
	case claims.Vague:
		return "vague " + lo + "–" + hi
	}
	if lo == "" {
		return hi
	}
	return lo
}

// FormatNumber writes a number with thousands separators and no needless decimals.
func FormatNumber(v *float64) string {
	if v == nil {
		return ""
	}
	x := *v
	if math.Abs(x) >= 1e15 || math.IsNaN(x) || math.IsInf(x, 0) {
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	whole, fraction, _ := strings.Cut(strconv.FormatFloat(math.Abs(x), 'f', -1, 64), ".")
	var b strings.Builder
	if x < 0 {
		b.WriteByte('-')
	}
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if fraction != "" {
		b.WriteString("." + fraction)
	}
	return b.String()
}

// EventLine says an event claim in a few words: "Choe Son Hui met Sergey
// Lavrov in Wonsan (round 2)".
func EventLine(c claims.Claim) string {
	line := strings.Join(c.Actors, " and ")
	if line == "" {
		line = "talks"
		if c.Action != "held talks" {
			line = c.Action
		}
	} else {
		line += " " + c.Action
	}
	joiner := map[string]string{"held talks": " with ", "met": " "}[c.Action]
	if joiner == "" {
		joiner = " "
	}
	if len(c.Counterparts) > 0 {
		line += joiner + strings.Join(c.Counterparts, " and ")
	} else if c.Object != "" {
		line += " " + c.Object
	}
	if c.Place != "" {
		switch c.Action {
		case "visited":
			line += " " + c.Place
		case "left":
			line += " for " + c.Place
		default:
			line += " in " + c.Place
		}
	}
	if c.Ordinal > 0 {
		line += " (round " + strconv.Itoa(c.Ordinal) + ")"
	}
	return line
}
