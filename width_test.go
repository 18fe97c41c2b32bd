package main

import (
	"io"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
)

// TestOutputFitsTheTerminal renders the commands people read on a terminal
// as one of 80 and one of 100 columns shows them: no line may be wider.
func TestOutputFitsTheTerminal(t *testing.T) {
	db := ingested(t, devCorpusOrSeeds())
	defer func(saved func(io.Writer) int) { terminalWidth = saved }(terminalWidth)
	for _, width := range []int{80, 100} {
		terminalWidth = func(io.Writer) int { return width }
		for _, args := range [][]string{
			{"demo"}, {"claims"}, {"sources"}, {"documents"}, {"report"}, {"audit", "9b85be1e"}, {"timeline", "9b85be1e"},
		} {
			out, errOut, code := runCLI(t, "", append([]string{"--db", db}, args...)...)
			if code != 0 || out == "" {
				t.Fatalf("%v: exit %d: %s", args, code, errOut)
			}
			wide := 0
			for _, line := range strings.Split(out, "\n") {
				if runewidth.StringWidth(line) > width {
					if wide == 0 {
						t.Errorf("%v at %d columns: a line of %d: %s", args, width, runewidth.StringWidth(line), line)
					}
					wide++
				}
			}
			if wide > 1 {
				t.Errorf("%v at %d columns: %d lines too wide", args, width, wide)
			}
		}
	}
}
