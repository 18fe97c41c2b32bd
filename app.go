package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"claimtrack/claims"
	"claimtrack/sqlite"
)

// streams are the standard streams a command reads and writes, and its
// clock; tests pass buffers, main passes the process's own.
type streams struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// today bounds what is read of an article's date (a publication date in
	// the future is warned of; a year-less dateline's year is not after
	// today); relative dates in articles resolve against the article's own
	// date.
	today func() claims.Date
}

// clock is the time commands take today from; tests fix it, so that what
// depends on today (a dateline's year is the latest that fits, not after
// today) reads the same whenever they run.
var clock = time.Now

// run executes claimtrack with args (args[0] is the program name) and returns
// the process exit code. Every failure is reported as one line on stderr.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	std := streams{stdin: stdin, stdout: stdout, stderr: stderr, today: func() claims.Date {
		now := clock().UTC()
		return claims.NewDate(now.Year(), now.Month(), now.Day())
	}}
	app := &cli.App{
		Name:  "claimtrack",
		Usage: "a ledger of the figures news articles state, with sources and dates",
		Description: "claimtrack reads news articles, keeps every quantitative claim in a SQLite\n" +
			"database with its source, date and place in the text, and tells you where\n" +
			"sources agree, disagree, and how figures change over time.\n\n" +
			"Try it on the built-in sample articles:  claimtrack demo\n\n" +
			"Exit codes: 0 done; 1 something failed (a line on stderr each); 2 the command\n" +
			"line was not understood; 3 report --fail-on found what it fails on; 4 report\n" +
			"--fail-on on a ledger not reconciled since claims were stored; 130 interrupted.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "db", Usage: "database `FILE`", EnvVars: []string{"CLAIMTRACK_DB"}, Value: defaultDBPath()},
		},
		Commands: []*cli.Command{
			ingestCommand(std),
			claimsCommand(std),
			exportCommand(std),
			extractCommand(std),
			reconcileCommand(std),
			reportCommand(std),
			auditCommand(std),
			timelineCommand(std),
			sourcesCommand(std),
			documentsCommand(std),
			demoCommand(std),
		},
		Version:   version(),
		Reader:    stdin,
		Writer:    stdout,
		ErrWriter: stderr,
		// A word that names no command is a mistake, not a help topic.
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return unknownCommand(c, c.Args().First())
			}
			return cli.ShowAppHelp(c)
		},
		OnUsageError: usageError,
		// Errors come back to run, which prints them once and picks the exit code.
		ExitErrHandler: func(*cli.Context, error) {},
	}
	for _, command := range app.Commands {
		command.OnUsageError = usageError
		command.Action = flagsBeforeArguments(command.Action)
		// --db may also follow the command: claimtrack claims --db x.db.
		command.Flags = append(command.Flags, &cli.StringFlag{Name: "db", Usage: "database `FILE`, as before the command"})
	}
	err := app.RunContext(ctx, args)
	if err == nil {
		return 0
	}
	// urfave/cli's help command answers a topic it does not know with exit
	// 3, the code report --fail-on gives findings.
	if topic, ok := strings.CutPrefix(err.Error(), "No help topic for '"); ok {
		err = unknownName(app.Commands, strings.TrimSuffix(topic, "'"))
	}
	var failed partialFailure
	if !errors.As(err, &failed) && err.Error() != "" {
		fmt.Fprintf(stderr, "claimtrack: %s\n", oneLine(err.Error()))
	}
	var coder cli.ExitCoder
	if errors.As(err, &coder) && coder.ExitCode() != 0 {
		return coder.ExitCode()
	}
	return 1
}

// exitUsage is the exit code of a command line claimtrack cannot read: an
// unknown command or flag, as gh and rg give it.
const exitUsage = 2

// usageError says in one line what is wrong with a flag, and where help is.
func usageError(c *cli.Context, err error, _ bool) error {
	command := "claimtrack"
	if c.Command != nil && c.Command.Name != "" && c.Command.Name != c.App.Name {
		command += " " + c.Command.Name
	}
	return cli.Exit(fmt.Sprintf("%s (see %s --help)", err, command), exitUsage)
}

// flagsBeforeArguments refuses, in one line, a flag of the command typed
// after its arguments, which urfave/cli would take for one more argument
// (claimtrack ingest a.txt --db x.db would ingest into the default ledger).
func flagsBeforeArguments(action cli.ActionFunc) cli.ActionFunc {
	return func(c *cli.Context) error {
		if flag := misplacedFlag(c); flag != "" {
			args := c.Command.ArgsUsage
			if args == "" {
				args = "ARGUMENTS"
			}
			return cli.Exit(fmt.Sprintf("%s: put %s before the arguments: claimtrack %s %s … %s", c.Command.Name, flag,
				c.Command.Name, flag, args), exitUsage)
		}
		return action(c)
	}
}

// unknownCommand says that name is no command, suggesting the nearest one.
func unknownCommand(c *cli.Context, name string) error {
	return unknownName(c.App.Commands, name)
}

func unknownName(commands []*cli.Command, name string) error {
	msg := fmt.Sprintf("unknown command %q", name)
	if near := nearestCommand(commands, name); near != "" {
		msg += fmt.Sprintf("; did you mean %q?", near)
	}
	return cli.Exit(msg+" (see claimtrack --help)", exitUsage)
}

// nearestCommand is the command whose name is within two edits of name, if
// one is.
func nearestCommand(commands []*cli.Command, name string) string {
	best, bestDistance := "", 3
	for _, command := range commands {
		if d := editDistance(name, command.Name); d < bestDistance {
			best, bestDistance = command.Name, d
		}
	}
	return best
}

// editDistance counts the insertions, deletions and substitutions between
// a and b (Levenshtein), over bytes: command names are ASCII.
func editDistance(a, b string) int {
	row := make([]int, len(b)+1)
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(a); i++ {
		prev := row[0]
		row[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			prev, row[j] = row[j], min(row[j]+1, row[j-1]+1, prev+cost)
		}
	}
	return row[len(b)]
}

// version is the module version claimtrack was built as ("(devel)" for a
// build from a checkout), with its commit when the build recorded one
// (go build does, unless -buildvcs=false).
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	v := info.Main.Version
	var revision, modified string
	for _, setting := range info.Settings {
		switch setting.Key {
		case "vcs.revision":
			revision = setting.Value[:min(12, len(setting.Value))]
		case "vcs.modified":
			if setting.Value == "true" {
				modified = ", modified"
			}
		}
	}
	if revision != "" {
		v += " (commit " + revision + modified + ")"
	}
	return v
}

// partialFailure is returned by a command that already reported its failures
// line by line and only needs a non-zero exit.
type partialFailure struct{ failed int }

func (p partialFailure) Error() string { return fmt.Sprintf("%d inputs failed", p.failed) }

func oneLine(s string) string {
	s = strings.Map(func(r rune) rune {
		if claims.IsControl(r) {
			return -1 // a file name's escape sequence must not reach the terminal
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// defaultDBPath is claims.db in the user's data directory
// ($XDG_DATA_HOME/claimtrack, else ~/.local/share/claimtrack).
func defaultDBPath() string {
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "claims.db"
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "claimtrack", "claims.db")
}

// dbPath is the database a command names: its own --db when given after
// the command, else the one given before it, from CLAIMTRACK_DB or the
// default.
func dbPath(c *cli.Context) string {
	isApp := func(ctx *cli.Context) bool {
		return ctx.App != nil && (ctx.Command == nil || ctx.Command.Name == ctx.App.Name)
	}
	if !isApp(c) && slices.Contains(c.LocalFlagNames(), "db") {
		return c.String("db")
	}
	for _, ctx := range c.Lineage() {
		if isApp(ctx) {
			return ctx.String("db")
		}
	}
	return c.String("db")
}

// openDB opens the --db database, which must exist: a command that reads
// a ledger is not to make an empty one where a path was mistyped.
func openDB(c *cli.Context) (*sqlite.DB, error) {
	return openLedger(c, false)
}

// openLedger opens the --db database; with create, a new file (and its
// directory) is made where there is none.
func openLedger(c *cli.Context, create bool) (*sqlite.DB, error) {
	path := dbPath(c)
	if strings.TrimSpace(path) == "" {
		// SQLite would open a private temporary database and lose
		// everything at exit: `--db "$DB"` with DB unset, CLAIMTRACK_DB="".
		return nil, errors.New("the database path is empty (--db or CLAIMTRACK_DB): name a file")
	}
	if _, err := os.Stat(path); !create && path != ":memory:" && errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: no database there: claimtrack ingest FILE|FOLDER makes one (check --db or CLAIMTRACK_DB)", path)
	}
	if path != ":memory:" {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, fmt.Errorf("open %s: %w", path, err)
		}
	}
	// Open's errors name the file already.
	return sqlite.Open(c.Context, path)
}

// openDBToWrite opens the --db database for a command that stores into it,
// which a database that can only be read refuses at once; with create, as
// for ingest, a new one is made where there is none.
func openDBToWrite(c *cli.Context, create bool) (*sqlite.DB, error) {
	db, err := openLedger(c, create)
	if err != nil {
		return nil, err
	}
	if db.ReadOnly() {
		db.Close()
		return nil, fmt.Errorf("%s: the database can be read but not written (a read-only file system, or no permission to write it): %s cannot store into it",
			dbPath(c), c.Command.Name)
	}
	// Reading every page takes a fraction of a second up to this size; a
	// larger ledger is not read whole for each ingest, and a damage is then
	// found where a write meets it, which stops the ingest there.
	if info, err := os.Stat(dbPath(c)); err == nil && info.Size() <= checkedDatabaseSize {
		if err := db.CheckIntegrity(c.Context); err != nil {
			db.Close()
			return nil, damagedDatabase(c, err)
		}
	}
	return db, nil
}

// checkedDatabaseSize bounds the databases whose every page is checked
// before a command writes into them.
const checkedDatabaseSize = 256 << 20
