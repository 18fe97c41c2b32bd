package main

import (
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progressThreshold is how many documents an ingest takes before it is worth
// a progress bar.
const progressThreshold = 20

// progress is a progress bar on stderr over a number of documents, or
// nothing when stderr is not a terminal or there are few documents.
type progress struct {
	std    *streams
	stderr *os.File
	bar    *progressbar.ProgressBar
}

// startProgress shows a progress bar when stderr is a terminal and there
// are more than progressThreshold documents. Until finish, writes to
// std.stderr clear the bar first and redraw it after, so warnings stay whole
// lines; finish removes the bar and restores std.stderr.
func startProgress(std *streams, total int) *progress {
	stderr, ok := std.stderr.(*os.File)
	if !ok || total <= progressThreshold || !term.IsTerminal(int(stderr.Fd())) {
		return &progress{}
	}
	bar := progressbar.NewOptions(total,
		progressbar.OptionSetWriter(stderr),
		progressbar.OptionSetDescription("ingesting"),
		progressbar.OptionShowCount(),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
	std.stderr = aboveBar{w: stderr, bar: bar}
	bar.RenderBlank()
	return &progress{std: std, stderr: stderr, bar: bar}
}

// add counts n more documents done.
func (p *progress) add(n int) {
	if p.bar != nil {
		p.bar.Add(n)
	}
}

// finish removes the bar.
func (p *progress) finish() {
	if p.bar == nil {
		return
	}
	p.bar.Clear()
	p.bar.Exit()
	p.std.stderr = p.stderr
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
