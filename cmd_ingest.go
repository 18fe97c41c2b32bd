package main

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/urfave/cli/v2"

	"claimtrack/claims"
	"claimtrack/claims/reader"
	"claimtrack/reports"
	"claimtrack/sqlite"
)

func ingestCommand(std streams) *cli.Command {
	return &cli.Command{
		Name:      "ingest",
		Usage:     "read articles and store their claims",
		ArgsUsage: "PATH...",
		Description: "Reads .txt articles from files, folders (recursively) or - for standard input,\n" +
			"finds each one's publication date (a leading ' date YYYY-MM-DD' line or a\n" +
			"dateline such as 'SEOUL, Dec 19 (Reuters) -'), outlet and claims, and stores\n" +
			"each document whole, small ones a batch to a transaction. Text already stored\n" +
			"is skipped, unless --date or --outlet gives it another date or outlet: then\n" +
			"the stored copy is replaced and its claims read again. Then it reconciles the\n" +
			"ledger, unless told not to: a script that ingests several folders can\n" +
			"reconcile once, at the end.\n\n" +
			"Examples:\n" +
			"   claimtrack ingest articles/\n" +
			"   claimtrack ingest --date 2024-11-26 --outlet AFP dev02.txt\n" +
			"   claimtrack ingest --no-reconcile 2024/ && claimtrack ingest 2025/\n" +
			"   curl -s https://example.org/story.txt | claimtrack ingest -",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "date", Usage: "publication date `YYYY-MM-DD` for every document (overrides the text)"},
			&cli.StringFlag{Name: "outlet", Usage: "outlet `NAME` for every document (overrides the text)"},
			&cli.BoolFlag{Name: "no-reconcile", Usage: "store only; the next ingest or claimtrack reconcile reconciles"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print no warnings, only failures; the summary still counts the warnings"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return fmt.Errorf("ingest: give at least one file, folder or - for stdin")
			}
			opts := reader.ParseOptions{Outlet: c.String("outlet"), Today: std.today()}
			if s := c.String("date"); s != "" {
				d, err := claims.ParseDate(s)
				if err != nil {
					return fmt.Errorf("ingest: --date %q is not YYYY-MM-DD", s)
				}
				opts.Date = d
			}
			db, err := openDBToWrite(c, true)
			if err != nil {
				return err
			}
			defer db.Close()
			in, err := newIngester(c.Context, db, opts)
			if err != nil {
				return fmt.Errorf("ingest: %w", err)
			}
			return ingestAll(c, std, db, in, c.Args().Slice())
		},
	}
}

// ingestAll ingests every input, reporting each failure and warning as one
// line on stderr, reconciles the database when anything was added (or an
// earlier run stopped before reconciling), and ends with a summary table. It
// stops after the current document when the context is cancelled (Ctrl-C),
// storing what it has read.
func ingestAll(c *cli.Context, std streams, db *sqlite.DB, in *ingester, paths []string) error {
	inputs, failures := collectInputs(paths, std.stdin)
	for _, err := range failures {
		fmt.Fprintf(std.stderr, "claimtrack: %s\n", err)
	}
	var added, updated, skipped, found, warned int
	var inferred, undated, yearOnly int // publication dates worked out from the text, none found, and of those a year from the ledger
	failed := len(failures)
	tally := func(results []stored) {
		for _, r := range results {
			switch {
			case errors.Is(r.err, sqlite.ErrDamaged):
				failed++ // said once, below
			case r.err != nil:
				failed++
				fmt.Fprintf(std.stderr, "claimtrack: %s: %s\n", r.src.path, oneLine(r.err.Error()))
			case r.replaced:
				updated++
				found += r.claims
			case r.added:
				added++
				found += r.claims
			default:
				skipped++
			}
		}
	}
	progress := startProgress(&std, len(inputs))
	done, damaged := in.run(c.Context, inputs, func(batch []readArticle, results []stored) {
		k := 0 // results are those of the batch's articles that were read, in order
		for _, r := range batch {
			if r.err != nil {
				failed++
				fmt.Fprintf(std.stderr, "claimtrack: %s: %s\n", r.src.path, oneLine(r.err.Error()))
				continue
			}
			// A document stored before was warned of then; its text is
			// the same, and so would the warnings be.
			if k < len(results) && results[k].err == nil && !results[k].added {
				k++
				continue
			}
			k++
			switch doc := r.article.Document; {
			case !doc.Inferred.IsZero():
				inferred++
			case doc.Published.IsZero():
				undated++
				if doc.InferredYear > 0 {
					yearOnly++
				}
			}
			warned += len(r.warnings)
			for _, w := range r.warnings {
				if !c.Bool("quiet") {
					fmt.Fprintf(std.stderr, "claimtrack: warning: %s\n", w)
				}
			}
		}
		tally(results)
		progress.add(len(batch))
	})
	progress.finish()
	if done < len(inputs) {
		fmt.Fprintf(std.stderr, "claimtrack: interrupted after %d of %d documents; everything before is stored\n", done, len(inputs))
	}
	grid := reports.Grid{
		Header: []string{"Documents", "Added", "Updated (new date or outlet)", "Skipped (already stored)", "Failed", "Claims found", "Warnings"},
		Rows: [][]string{{strconv.Itoa(len(inputs) + len(failures)), strconv.Itoa(added), strconv.Itoa(updated), strconv.Itoa(skipped),
			strconv.Itoa(failed), strconv.Itoa(found), strconv.Itoa(warned)}},
	}
	if err := grid.Write(std.stdout, reports.Table, 0); err != nil {
		return err
	}
	// For a folder, a line that sums up the date warnings scrolled past.
	if inferred+undated > 0 && len(inputs) > 1 && !c.Bool("quiet") {
		years := ""
		if yearOnly > 0 {
			years = ", " + reports.FormatCount(yearOnly) + " of them given a year by the ledger's articles that name what they name"
		}
		fmt.Fprintf(std.stderr, "claimtrack: publication dates: %s inferred from the text, %s left unknown%s (claimtrack documents --undated lists them; ingest such a file again with --date to give it one)\n",
			reports.FormatCount(inferred), reports.FormatCount(undated), years)
	}
	if damaged != nil {
		return damagedDatabase(c, damaged)
	}
	if c.Context.Err() != nil {
		fmt.Fprintln(std.stderr, "claimtrack: not reconciled after the interruption; run claimtrack reconcile")
		return cli.Exit("", 130)
	}
	// Claims in no series came after the last reconciliation: from this run,
	// or from one stopped before it reconciled.
	unreconciled, err := db.Unreconciled(c.Context)
	if err != nil {
		return err
	}
	if unreconciled > 0 && !c.Bool("no-reconcile") {
		if err := reconcileAfterIngest(c, std, db); err != nil {
			return err
		}
	}
	if failed > 0 {
		return partialFailure{failed: failed}
	}
	return nil
}

// reconcileAfterIngest reconciles the database and prints what it found.
func reconcileAfterIngest(c *cli.Context, std streams, db *sqlite.DB) error {
	r, err := reconcileLedger(c.Context, db, reconcileRun{Log: std.stderr, Std: &std})
	switch {
	case errors.Is(err, sqlite.ErrClaimsChanged):
		fmt.Fprintln(std.stderr, "claimtrack: another ingest added claims meanwhile; it reconciles them all when it ends")
		return nil
	case err != nil && c.Context.Err() != nil:
		fmt.Fprintln(std.stderr, "claimtrack: interrupted while reconciling; the documents are stored; run claimtrack reconcile")
		return cli.Exit("", 130)
	case err != nil:
		return err
	}
	return r.summary().Write(std.stdout, reports.Table, 0)
}

// damagedDatabase says that the --db file is damaged, what was found, and
// what to do; nothing more is written to it.
func damagedDatabase(c *cli.Context, err error) error {
	db := dbPath(c)
	return fmt.Errorf("%s: %w; nothing more was written to it: recover what it holds with `sqlite3 %s .recover | sqlite3 NEW.db`, or ingest into a new database",
		db, err, db)
}
