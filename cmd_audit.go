package main

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"claimtrack/claims"
	"claimtrack/reports"
	"claimtrack/sqlite"
)

func auditCommand(std streams) *cli.Command {
	return &cli.Command{
		Name:      "audit",
		Usage:     "everything about one claim: source, interval, series and verdict",
		ArgsUsage: "CLAIM-ID | QUERY",
		Description: "Shows one claim with its figure marked in its sentence, its document, outlet\n" +
			"and publication date, who it is attributed to down to the root source, the\n" +
			"interval its qualifier stands for, its series as a timeline with the verdict\n" +
			"of each comparison, and the other documents citing the same source.\n\n" +
			"Name the claim by its id (the first few characters will do, as the report\n" +
			"shows them) or by a full-text query; when several claims match, they are\n" +
			"listed to choose from.\n\n" +
			"Examples:\n" +
			"   claimtrack audit 9b85be1e\n" +
			"   claimtrack audit 'Kirby dozens'\n" +
			"   claimtrack audit --format markdown -o audit.md 5651380d\n\n" +
			"Flags go before the claim.",
		Flags: []cli.Flag{formatFlag("table", "table, markdown, csv (its series) or jsonl"), outputFlag(), bomFlag()},
		Action: func(c *cli.Context) error {
			format, err := reports.ParseFormat(c.String("format"), listingFormats...)
			if err != nil {
				return err
			}
			query := strings.TrimSpace(strings.Join(c.Args().Slice(), " "))
			if query == "" {
				return fmt.Errorf("audit: give a claim id or words of its sentence")
			}
			db, err := openDB(c)
			if err != nil {
				return err
			}
			defer db.Close()
			if _, err := warnIfStale(c.Context, std, db); err != nil {
				return fmt.Errorf("audit: %w", err)
			}
			target, err := findClaim(c, std, db, query)
			if err != nil {
				return err
			}
			audit, err := auditClaim(c, db, target)
			if err != nil {
				return fmt.Errorf("audit: %w", err)
			}
			out, err := openOutput(c, std)
			if err != nil {
				return err
			}
			return out.commit(audit.Write(out.w, format, out.width, out.style))
		},
	}
}

// claimIDPrefix is what an id, or the start of one, looks like.
var claimIDPrefix = regexp.MustCompile(`^[0-9a-f]{4,}$`)

// findClaim finds the claim query names: by id or id prefix, else by full-text
// search. Several matches are listed; on a terminal the user picks one.
func findClaim(c *cli.Context, std streams, db *sqlite.DB, query string) (claims.Entry, error) {
	var found []claims.Entry
	var err error
	if claimIDPrefix.MatchString(query) {
		// An id as a spreadsheet-safe ledger has it, or in its older form.
		for _, id := range slices.Compact([]string{query, claims.SpreadsheetSafe(query)}) {
			if found, err = db.Claims(c.Context, sqlite.ClaimFilter{IDPrefix: id}); err != nil {
				return claims.Entry{}, fmt.Errorf("audit: %w", err)
			}
			if len(found) > 0 {
				break
			}
		}
	}
	if len(found) == 0 {
		if found, err = db.Claims(c.Context, sqlite.ClaimFilter{Search: query}); err != nil {
			return claims.Entry{}, fmt.Errorf("audit: search %q: %w", query, err)
		}
	}
	if len(found) > 1 {
		found = narrowToOwnWords(found, query)
	}
	switch len(found) {
	case 0:
		return claims.Entry{}, fmt.Errorf("audit: no claim has the id or the words %q", query)
	case 1:
		return found[0], nil
	}
	if err := reports.CandidatesGrid(found).Write(std.stdout, reports.Table, terminalWidth(std.stdout)); err != nil {
		return claims.Entry{}, err
	}
	if pick, ok := pickCandidate(std, len(found)); ok {
		return found[pick], nil
	}
	return claims.Entry{}, fmt.Errorf("audit: %d claims match %q; audit one of them by its id", len(found), query)
}

// narrowToOwnWords keeps the claims whose own words hold every word of the
// query, when some do: the search matches whole sentences, and one sentence
// often states several figures ("728 drones and 13 missiles").
func narrowToOwnWords(found []claims.Entry, query string) []claims.Entry {
	var words []string
	for _, w := range strings.Fields(strings.ToLower(query)) {
		w = strings.Trim(w, `"*()`)
		if w != "" && w != "or" && w != "and" && w != "not" && w != "near" {
			words = append(words, w)
		}
	}
	var own []claims.Entry
	for _, e := range found {
		text := strings.ToLower(e.Text)
		if !slices.ContainsFunc(words, func(w string) bool { return !strings.Contains(text, w) }) {
			own = append(own, e)
		}
	}
	if len(own) == 0 {
		return found
	}
	return own
}

// pickCandidate asks which of n listed claims to audit, when someone is at
// the terminal to answer.
func pickCandidate(std streams, n int) (int, bool) {
	in, ok := std.stdin.(*os.File)
	if !ok || !term.IsTerminal(int(in.Fd())) || !term.IsTerminal(int(os.Stdout.Fd())) {
		return 0, false
	}
	fmt.Fprintf(std.stdout, "Audit which claim? [1-%d, Enter to cancel] ", n)
	line, _ := bufio.NewReader(in).ReadString('\n')
	k, err := strconv.Atoi(strings.TrimSpace(line))
	if err != nil || k < 1 || k > n {
		return 0, false
	}
	return k - 1, true
}

// echoesListed is how many claims of the root source, the last stored, an
// audit lists beside those of the claim's series.
const echoesListed = 10

// auditClaim loads what an audit joins, and no more, so that it takes
// milliseconds on a ledger of millions: the claim's series and group, the
// findings naming it, and the claims of its root source in its series and
// the last stored.
func auditClaim(c *cli.Context, db *sqlite.DB, target claims.Entry) (reports.Audit, error) {
	var l reports.Snapshot
	var err error
	l.Entries = []claims.Entry{target}
	if target.Series != "" {
		s, err := db.SeriesOf(c.Context, target.Series)
		if err != nil {
			return reports.Audit{}, err
		}
		members, err := db.Claims(c.Context, sqlite.ClaimFilter{Series: target.Series, NoSentences: true})
		if err != nil {
			return reports.Audit{}, err
		}
		for _, e := range members {
			s.Claims = append(s.Claims, e.ID)
		}
		slices.Sort(s.Claims)
		l.Series = []claims.Series{s}
		l.Entries = append(l.Entries, members...)
	}
	if target.Group != "" {
		g, err := db.GroupOf(c.Context, target.Group, target.Series)
		if err != nil {
			return reports.Audit{}, err
		}
		l.Groups = []claims.Group{g}
	}
	if l.Findings, err = db.FindingsOf(c.Context, target.ID); err != nil {
		return reports.Audit{}, err
	}
	if l.Options, err = db.ReconciliationOptions(c.Context); err != nil {
		return reports.Audit{}, err
	}
	var total int
	var capped bool
	if root := target.Attribution.Root; root != "" {
		var last []claims.Entry
		last, total, capped, err = db.OfSource(c.Context, root, target.Document, echoesListed)
		if err != nil {
			return reports.Audit{}, err
		}
		l.Entries = append(l.Entries, last...)
	}
	a := reports.BuildAudit(target, l)
	a.SourceClaims, a.SourceClaimsCapped = total, capped
	return a, nil
}
