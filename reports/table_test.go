package reports

import (
	"errors"
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
