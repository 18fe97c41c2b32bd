// Command claimtrack keeps a SQLite ledger of the figures and facts news
// articles state, with their sources and dates, and reports where sources
// agree, disagree and change over time.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// The first signal asks the command to stop cleanly; the signals are then
	// given back their default action, so a second one ends the process at
	// once.
	go func() {
		<-ctx.Done()
		stop()
	}()
	code := run(ctx, os.Args, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
