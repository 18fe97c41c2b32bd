package main

import (
	"io"
	"os"

	"golang.org/x/term"
)

// terminalWidth is the width of w when it is a terminal, else 0 (no limit), so
// that piped and tested output never depends on the window it ran in.
func terminalWidth(w io.Writer) int {
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
