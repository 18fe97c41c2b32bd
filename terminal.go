package main

import (
	"io"
	"os"

	"golang.org/x/term"
)

// terminalWidth is the width tables are fitted to on w; tests fix it, as
// they fix the clock, to render output as a terminal of that width shows it.
var terminalWidth = widthOfTerminal

// widthOfTerminal is the width of w when it is a terminal, else 0 (no
// limit), so that piped output never depends on the window it ran in.
func widthOfTerminal(w io.Writer) int {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return 0
	}
	width, _, err := term.GetSize(int(f.Fd()))
	if err != nil {
		return 0
	}
	return width
}
