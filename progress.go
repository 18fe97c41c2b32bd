package main

import (
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progressThreshold is how many documents an ingest takes before it is worth
// a progress bar; reconcileProgressThreshold how many claims a reconcile.
const (
	progressThreshold          = 20
	reconcileProgressThreshold = 100_000
)

// progress is a progress bar on stderr over a number of documents, or
// nothing when stderr is not a terminal or there are few documents.
type progress struct {
	std    *streams
	stderr *os.File
	bar    *progressbar.ProgressBar
	// chunk is how many steps are counted before the bar hears of them:
	// reconcile counts millions of claims one at a time.
	chunk, pending int
}

// startProgress shows a progress bar over the documents of an ingest.
func startProgress(std *streams, total int) *progress {
	return startBar(std, total, progressThreshold, "ingesting", 1)
}

// startBar shows a progress bar, described as what, when stderr is a
// terminal and total is more than threshold. Until finish, writes to
// std.stderr clear the bar first and redraw it after, so warnings stay whole
// lines; finish removes the bar and restores std.stderr.
func startBar(std *streams, total, threshold int, what string, chunk int) *progress {
	stderr, ok := std.stderr.(*os.File)
	if !ok || total <= threshold || !term.IsTerminal(int(stderr.Fd())) {
		return &progress{}
	}
	bar := progressbar.NewOptions(total,
		progressbar.OptionSetWriter(stderr),
		progressbar.OptionSetDescription(what),
		progressbar.OptionShowCount(),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
	std.stderr = aboveBar{w: stderr, bar: bar}
	bar.RenderBlank()
	return &progress{std: std, stderr: stderr, bar: bar, chunk: chunk}
}

// add counts n more documents done.
func (p *progress) add(n int) {
	if p.bar == nil {
		return
	}
	if p.pending += n; p.pending >= p.chunk {
		p.bar.Add(p.pending)
		p.pending = 0
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
