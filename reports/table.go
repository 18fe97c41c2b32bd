package reports

import (
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/mattn/go-runewidth"
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
	// Drop lists the columns a terminal too narrow for the whole table may
	// leave out, the least useful first.
	Drop []int
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
	if width > 0 {
		fitted, ok := g.fit(width)
		if !ok {
			return g.writeRecords(ew)
		}
		g = fitted
	}
	opts := []tablewriter.Option{tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNone), g.alignment()}
	t := tablewriter.NewTable(ew, opts...)
	t.Header(g.Header)
	if err := t.Bulk(g.Rows); err != nil {
		return err
	}
	return cmp.Or(t.Render(), ew.err)
}

// markdownCells escapes what would end a Markdown table cell: a pipe
// becomes \| (and a backslash \\, so that one before a pipe does not undo
// it), and a line break a space, as a table row is one line.
func markdownCells(rows [][]string) [][]string {
	escape := strings.NewReplacer(`\`, `\\`, "|", `\|`, "\r\n", " ", "\n", " ", "\r", " ")
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = make([]string, len(r))
		for j, c := range r {
			out[i][j] = escape.Replace(c)
		}
	}
	return out
}

// narrowestCell is the fewest columns a cell is cut to: below that a table
// cannot be read, and the grid is written one record to a block instead.
const narrowestCell = 8

// fit makes the grid no wider than width terminal columns: it leaves out
// the columns of Drop, in order, while the table is too wide, then shares
// what is left among the columns (none gets more than it needs) and cuts
// longer cells with "…"; figures are never cut. It reports false when even
// that is too wide.
func (g Grid) fit(width int) (Grid, bool) {
	g = g.withoutTabs()
	natural := make([]int, len(g.Header))
	for c, h := range g.Header {
		natural[c] = cellWidth(h)
		for _, r := range g.Rows {
			if c < len(r) {
				natural[c] = max(natural[c], cellWidth(r[c]))
			}
		}
	}
	keep := make([]int, len(g.Header))
	for c := range keep {
		keep[c] = c
	}
	tableWidth := func(widths func(int) int) int {
		total := 1 // the left border; each column adds its text, two spaces and a border
		for _, c := range keep {
			total += widths(c) + 3
		}
		return total
	}
	// Columns with nothing in them go first, then those of Drop.
	var empty []int
	for c := range g.Header {
		if !slices.ContainsFunc(g.Rows, func(r []string) bool { return c < len(r) && r[c] != "" }) {
			empty = append(empty, c)
		}
	}
	for _, d := range append(empty, g.Drop...) {
		if tableWidth(func(c int) int { return natural[c] }) <= width {
			break
		}
		keep = slices.DeleteFunc(keep, func(c int) bool { return c == d })
	}
	// Figures are never cut: they take what they need, the rest share
	// what is left.
	budget := width - tableWidth(func(int) int { return 0 })
	var text []int
	for _, c := range keep {
		if slices.Contains(g.NumberColumns, c) {
			budget -= natural[c]
		} else {
			text = append(text, c)
		}
	}
	if budget < narrowestCell*len(text) {
		return g, false
	}
	allowed := shareWidth(natural, text, budget)
	for _, c := range keep {
		if slices.Contains(g.NumberColumns, c) {
			allowed[c] = natural[c]
		}
	}
	out := Grid{Header: make([]string, len(keep)), Rows: make([][]string, len(g.Rows))}
	for k, c := range keep {
		out.Header[k] = cut(g.Header[c], allowed[c])
		if slices.Contains(g.NumberColumns, c) {
			out.NumberColumns = append(out.NumberColumns, k)
		}
	}
	for i, r := range g.Rows {
		out.Rows[i] = make([]string, len(keep))
		for k, c := range keep {
			if c < len(r) {
				out.Rows[i][k] = cut(r[c], allowed[c])
			}
		}
	}
	return out, true
}

// withoutTabs is the grid with each tab of its cells a space: the table
// draws a tab wider than it measures.
func (g Grid) withoutTabs() Grid {
	rows := make([][]string, len(g.Rows))
	for i, r := range g.Rows {
		rows[i] = make([]string, len(r))
		for j, c := range r {
			rows[i][j] = strings.ReplaceAll(c, "\t", " ")
		}
	}
	g.Rows = rows
	return g
}

// shareWidth gives the columns keep names budget terminal columns between
// them: the narrowest first, each what it needs up to an even share of
// what is left, so that a long column takes what short ones leave.
func shareWidth(natural, keep []int, budget int) map[int]int {
	order := slices.Clone(keep)
	slices.SortStableFunc(order, func(a, b int) int { return natural[a] - natural[b] })
	allowed := make(map[int]int, len(keep))
	for i, c := range order {
		allowed[c] = min(natural[c], budget/(len(order)-i))
		budget -= allowed[c]
	}
	return allowed
}

// cellWidth is the terminal width of a cell's widest line.
func cellWidth(s string) int {
	w := 0
	for line := range strings.SplitSeq(s, "\n") {
		w = max(w, runewidth.StringWidth(line))
	}
	return w
}

// cut shortens each line of a cell to width terminal columns, marking a cut
// with "…".
func cut(s string, width int) string {
	if cellWidth(s) <= width {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		lines[i] = runewidth.Truncate(line, width, "…")
	}
	return strings.Join(lines, "\n")
}

// writeRecords writes the grid for a terminal too narrow for a table: a
// block a row, a line a cell, its header before it.
func (g Grid) writeRecords(w io.Writer) error {
	for i, r := range g.Rows {
		if i > 0 {
			if _, err := io.WriteString(w, "\n"); err != nil {
				return err
			}
		}
		for c, cell := range r {
			if c < len(g.Header) && cell != "" {
				if _, err := fmt.Fprintf(w, "%s: %s\n", g.Header[c], strings.ReplaceAll(cell, "\n", " ")); err != nil {
					return err
				}
			}
		}
	}
	return nil
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
	g := Grid{Header: []string{"Document", "Published", "Value", "Unit", "Measure", "As of", "Source", "Text"},
		Drop: []int{1, 4, 0}}
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
