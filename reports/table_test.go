package reports

import (
	"errors"
	"maps"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
)

// failingWriter refuses every write, as a full disk or a closed pipe does.
type failingWriter struct{}

var errFull = errors.New("no space left on device")

func (failingWriter) Write([]byte) (int, error) { return 0, errFull }

// A grid's write errors reach the caller in every format: the table
// renderer drops them, so a full disk left the command's exit code at 0.
func TestGridWriteErrors(t *testing.T) {
	g := Grid{Header: []string{"Claim", "Value"}, Rows: [][]string{{"a", "1"}, {"b", "2"}}}
	for _, f := range []Format{Table, Markdown, CSV} {
		if err := g.Write(failingWriter{}, f, 80); !errors.Is(err, errFull) {
			t.Errorf("%v: error %v, want %v", f, err, errFull)
		}
	}
}

func TestSafeCells(t *testing.T) {
	for _, tc := range []struct{ cell, want string }{
		{"=1+1", "'=1+1"},
		{"+1", "+1"}, // a plain number
		{"@SUM(A1)", "'@SUM(A1)"},
		{" =1+1", "' =1+1"},
		{"\n=1+1", "'\n=1+1"},
		{"＝1+1", "'＝1+1"},
		{"\t1", "'\t1"},
		{"-0x1p-2", "'-0x1p-2"},
		{"+1_0", "'+1_0"},
		{"-Inf", "'-Inf"},
		{"-5", "-5"},
		{"-1.5e3", "-1.5e3"},
		{"-.5", "-.5"},
		{"North Korea", "North Korea"},
		{"a=b", "a=b"},
		{"", ""},
		{"   ", "   "},
	} {
		if got := safeCells([]string{tc.cell})[0]; got != tc.want {
			t.Errorf("safeCells(%q) = %q, want %q", tc.cell, got, tc.want)
		}
	}
}

func TestMarkdownCellsKeepTheirColumns(t *testing.T) {
	var b strings.Builder
	g := Grid{Header: []string{"A", "B"}, Rows: [][]string{{"x | y", "one\ntwo \\|"}}}
	if err := g.Write(&b, Markdown, 0); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != 3 || !strings.Contains(lines[2], `x \| y`) || !strings.Contains(lines[2], `one two \\\|`) {
		t.Errorf("markdown:\n%s", b.String())
	}
}

func TestGridFitsTheWidth(t *testing.T) {
	g := Grid{Header: []string{"Document", "Published", "Value", "Source", "Text"}, NumberColumns: []int{2}, Drop: []int{1, 0}}
	for i := range 5 {
		g.Rows = append(g.Rows, []string{
			strings.Repeat("long-file-name-", i+1) + ".txt", "2024-11-26", "25,000–30,000", "Ukrainian intelligence (Ukraine)",
			strings.Repeat("North Korean soldiers were sent\tto Kursk, officials said. ", i+1),
		})
	}
	for _, width := range []int{50, 80, 100, 140, 400} {
		var b strings.Builder
		if err := g.Write(&b, Table, width); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
		for _, line := range lines {
			if w := runewidth.StringWidth(line); w > width {
				t.Errorf("width %d: a line of %d: %s", width, w, line)
			}
		}
		// One line a row: header, rule, five rows, and the frame.
		if len(lines) != 9 {
			t.Errorf("width %d: %d lines, want 9:\n%s", width, len(lines), b.String())
		}
		if width >= 400 && strings.Contains(b.String(), "…") {
			t.Errorf("width %d: cut cells though the table fits:\n%s", width, b.String())
		}
	}
	var b strings.Builder
	if err := g.Write(&b, Table, 30); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "Document: long-file-name-.txt\nPublished: 2024-11-26\n") {
		t.Errorf("width 30: want a record a block:\n%s", b.String())
	}
}

func TestShareWidth(t *testing.T) {
	for _, tc := range []struct {
		natural []int
		budget  int
		want    map[int]int
	}{
		{[]int{5, 10, 100}, 200, map[int]int{0: 5, 1: 10, 2: 100}}, // room for all
		{[]int{5, 10, 100}, 60, map[int]int{0: 5, 1: 10, 2: 45}},   // the long one takes what short ones leave
		{[]int{40, 40, 40}, 60, map[int]int{0: 20, 1: 20, 2: 20}},  // even shares
		{[]int{8, 50, 50}, 50, map[int]int{0: 8, 1: 21, 2: 21}},
	} {
		keep := []int{0, 1, 2}
		if got := shareWidth(tc.natural, keep, tc.budget); !maps.Equal(got, tc.want) {
			t.Errorf("shareWidth(%v, %d) = %v, want %v", tc.natural, tc.budget, got, tc.want)
		}
	}
}
