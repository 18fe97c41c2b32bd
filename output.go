package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"claimtrack/reports"
	"claimtrack/sqlite"
)

// listingFormats are the formats every listing accepts.
var listingFormats = []reports.Format{reports.Table, reports.Markdown, reports.CSV, reports.JSONL}

func outputFlag() *cli.StringFlag {
	return &cli.StringFlag{Name: "output", Aliases: []string{"o"},
		Usage: "write to `FILE` instead of standard output (replaced whole, never half-written)"}
}

// output is where a listing goes and how it may look there.
type output struct {
	w     io.Writer
	width int           // columns to fit tables in; 0 for no limit
	style reports.Style // colour only on a terminal, never with NO_COLOR
	path  string        // -o FILE, "" for standard output
	file  *os.File      // the temporary file being written, renamed over path on success
}

// openOutput prepares the -o file, or standard output. Call commit at the end.
func openOutput(c *cli.Context, std streams) (*output, error) {
	path := c.String("output")
	if path == "" {
		return &output{w: std.stdout, width: terminalWidth(std.stdout), style: reports.Style{Color: colorEnabled(std.stdout)}}, nil
	}
	// A temporary file beside the target, renamed over it when complete: a
	// reader of path never sees half a report.
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("-o %s: %w", path, unwrapPathError(err))
	}
	return &output{w: f, path: path, file: f}, nil
}

// commit finishes the output: on success the file takes its place, on
// failure it is removed and the old file, if any, is left as it was.
func (o *output) commit(err error) error {
	if o.file == nil {
		return err
	}
	tmp := o.file.Name()
	if err == nil {
		err = o.file.Chmod(0o644)
	}
	if closeErr := o.file.Close(); err == nil {
		err = closeErr
	}
	if err == nil {
		err = os.Rename(tmp, o.path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("-o %s: %w", o.path, err)
	}
	return nil
}

// colorEnabled reports whether w is a terminal that should get colour: not
// when NO_COLOR is set to anything (no-color.org) or the terminal is dumb.
func colorEnabled(w io.Writer) bool {
	if os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// loadSnapshot reads the claims f matches and everything the reconciler
// concluded, for reports to join.
func loadSnapshot(c *cli.Context, db *sqlite.DB, f sqlite.ClaimFilter) (reports.Snapshot, error) {
	var l reports.Snapshot
	var err error
	if l.Documents, l.Claims, err = db.Counts(c.Context); err != nil {
		return l, err
	}
	if l.Entries, err = db.Claims(c.Context, f); err != nil {
		return l, err
	}
	if l.Groups, err = db.Groups(c.Context); err != nil {
		return l, err
	}
	if l.Series, err = db.Series(c.Context); err != nil {
		return l, err
	}
	if l.Findings, err = db.Findings(c.Context); err != nil {
		return l, err
	}
	if l.Options, err = db.ReconciliationOptions(c.Context); err != nil {
		return l, err
	}
	return l, nil
}

// misplacedFlag returns a flag of the command typed after its arguments,
// which urfave/cli would take as one more argument, or "".
func misplacedFlag(c *cli.Context) string {
	for _, arg := range c.Args().Slice() {
		name, _, _ := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if strings.HasPrefix(arg, "-") && slices.ContainsFunc(c.Command.Flags, func(f cli.Flag) bool {
			return slices.Contains(f.Names(), name)
		}) {
			return arg
		}
	}
	return ""
}
