package main

import (
	"fmt"
	"io"
	"strconv"

	"github.com/urfave/cli/v2"

	"claimtrack/claims"
	"claimtrack/claims/reader"
	"claimtrack/reports"
)

func extractCommand(std streams) *cli.Command {
	return &cli.Command{
		Name:      "extract",
		Usage:     "read claims from articles without storing them",
		ArgsUsage: "FILE...|-",
		Description: "Runs the claim reader on articles and prints what it finds; no database is\n" +
			"touched. --mentions prints the layer below claims: every number and date the\n" +
			"reader saw, with its resolution.\n\n" +
			"Examples:\n" +
			"   claimtrack extract article.txt\n" +
			"   echo 'Police said about 300 people attended on Saturday.' | claimtrack extract --date 2025-06-16 -\n" +
			"   claimtrack extract --mentions --format jsonl article.txt",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "date", Usage: "publication date `YYYY-MM-DD` (overrides the text)"},
			&cli.StringFlag{Name: "outlet", Usage: "outlet `NAME` (overrides the text)"},
			&cli.BoolFlag{Name: "mentions", Usage: "print every number and date mention instead of claims"},
			formatFlag("table", "table or jsonl"),
			outputFlag(),
		},
		Action: func(c *cli.Context) error {
			format, err := reports.ParseFormat(c.String("format"), reports.Table, reports.JSONL)
			if err != nil {
				return err
			}
			if c.NArg() == 0 {
				return fmt.Errorf("extract: give at least one file or - for stdin")
			}
			opts := reader.ParseOptions{Outlet: c.String("outlet"), Today: std.today()}
			if opts.Date, err = dateFlag(c, "date"); err != nil {
				return err
			}
			inputs, failures := collectInputs(c.Args().Slice(), std.stdin)
			if len(failures) > 0 {
				return failures[0]
			}
			rd := reader.NewReader()
			var entries []claims.Entry
			var mentions []reader.Mention
			for _, src := range inputs {
				doc, _, err := readDocument(c.Context, src, opts)
				if err != nil {
					return fmt.Errorf("%s: %w", src.path, err)
				}
				if c.Bool("mentions") {
					mentions = append(mentions, rd.Mentions(doc)...)
					continue
				}
				found, err := readClaims(rd, &doc)
				if err != nil {
					return fmt.Errorf("%s: %w", src.path, err)
				}
				for _, cl := range found {
					entries = append(entries, claims.Entry{Claim: cl, Outlet: doc.Outlet, Published: doc.Published})
				}
			}
			out, err := openOutput(c, std)
			if err != nil {
				return err
			}
			if c.Bool("mentions") {
				return out.commit(writeMentions(out.w, format, mentions))
			}
			return out.commit(writeClaims(out, format, entries))
		},
	}
}

func writeMentions(w io.Writer, format reports.Format, mentions []reader.Mention) error {
	if format == reports.JSONL {
		return reports.WriteJSONL(w, mentions)
	}
	g := reports.Grid{Header: []string{"Document", "Kind", "Text", "Start", "Low", "High", "Unit", "From", "To"}}
	for _, m := range mentions {
		g.Rows = append(g.Rows, []string{m.Document, m.Kind, m.Text, strconv.Itoa(m.Start),
			reports.FormatNumber(m.ValueLow), reports.FormatNumber(m.ValueHigh), m.Unit, deref(m.DateStart), deref(m.DateEnd)})
	}
	return g.Write(w, reports.Table, 0)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
