package reports

import (
	"errors"
	"strings"
	"testing"
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
	g := Grid{Header: []string{"A", "B"}, Rows: [][]string{{"x | y", "one\ntwo"}}}
	if err := g.Write(&b, Markdown, 0); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != 3 || !strings.Contains(lines[2], `x \| y`) || !strings.Contains(lines[2], "one two") {
		t.Errorf("markdown:\n%s", b.String())
	}
}
