package main

import (
	"io"
	"iter"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progressThreshold is how many documents an ingest takes before it is worth
// a progress bar.
const progressThreshold = 20

// withProgress ranges over inputs, with a progress bar on stderr while the
// loop runs when stderr is a terminal and there are more than
// progressThreshold inputs. For the loop's duration, writes to std.stderr clear
// the bar first and redraw it after, so warnings stay whole lines; when the
// loop ends, or breaks, the bar is removed and std.stderr restored.
func withProgress(std *streams, inputs []input) iter.Seq2[int, input] {
	return func(yield func(int, input) bool) {
		stderr, ok := std.stderr.(*os.File)
		if !ok || len(inputs) <= progressThreshold || !term.IsTerminal(int(stderr.Fd())) {
			for i, src := range inputs {
				if !yield(i, src) {
					return
				}
			}
			return
		}
		bar := progressbar.NewOptions(len(inputs),
			progressbar.OptionSetWriter(stderr),
			progressbar.OptionSetDescription("ingesting"),
			progressbar.OptionShowCount(),
			progressbar.OptionSetWidth(30),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
		std.stderr = aboveBar{w: stderr, bar: bar}
		defer func() {
			bar.Clear()
			bar.Exit()
			std.stderr = stderr
		}()
		bar.RenderBlank()
		for i, src := range inputs {
			if !yield(i, src) {
				return
			}
			bar.Add(1)
		}
	}
}

// aboveBar writes lines above a progress bar: it clears the bar, writes,
// and draws the bar again below.
type aboveBar struct {
	w   io.Writer
	bar *progressbar.ProgressBar
}

func (a aboveBar) Write(p []byte) (int, error) {
	a.bar.Clear()
	n, err := a.w.Write(p)
	a.bar.RenderBlank()
	return n, err
}
