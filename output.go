package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"

	"github.com/urfave/cli/v2"
	"golang.org/x/sys/unix"
	"golang.org/x/term"

	"claimtrack/reports"
	"claimtrack/sqlite"
)

// listingFormats are the formats every listing accepts.
var listingFormats = []reports.Format{reports.Table, reports.Markdown, reports.CSV, reports.JSONL}

func outputFlag() *cli.StringFlag {
	return &cli.StringFlag{Name: "output", Aliases: []string{"o"},
		Usage: "write to `FILE` instead of standard output (replaced whole once complete, never half-written; - for standard output)"}
}

func bomFlag() *cli.BoolFlag {
	return &cli.BoolFlag{Name: "bom", Usage: "start CSV with a UTF-8 byte-order mark, which some spreadsheet programs need to read it as UTF-8"}
}

// output is where a listing goes and how it may look there.
type output struct {
	w     io.Writer
	width int           // columns to fit tables in; 0 for no limit
	style reports.Style // colour only on a terminal, never with NO_COLOR
	path  string        // -o FILE as given, "" for standard output
	file  *os.File      // the file being written: a temporary one, or the target itself
	// target is the regular file the temporary one replaces when complete,
	// "" when the file is written in place (a device, a pipe).
	target string
	mode   fs.FileMode // the permissions the target has, kept; 0 for a new file
}

// openOutput prepares where a listing goes, starting it with a byte-order
// mark when --bom asks for one.
func openOutput(c *cli.Context, std streams) (*output, error) {
	if c.Bool("bom") && c.String("format") != string(reports.CSV) {
		return nil, fmt.Errorf("--bom goes with --format csv")
	}
	out, err := openTarget(c, std)
	if err == nil && c.Bool("bom") {
		if _, err := io.WriteString(out.w, "\ufeff"); err != nil {
			return nil, out.commit(err)
		}
	}
	return out, err
}

// openTarget prepares where a listing goes: standard output without -o or
// with "-o -"; a regular file (or the file a link leads to) replaced whole
// when complete; anything else that can be written, such as a device or a
// named pipe, written in place. Call commit at the end.
func openTarget(c *cli.Context, std streams) (*output, error) {
	path := c.String("output")
	if path == "" || path == "-" {
		return &output{w: std.stdout, width: terminalWidth(std.stdout), style: reports.Style{Color: colorEnabled(std.stdout)}}, nil
	}
	fail := func(err error) (*output, error) { return nil, fmt.Errorf("-o %s: %w", path, unwrapPathError(err)) }
	info, err := os.Stat(path)
	switch {
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return fail(err)
	case err == nil && info.IsDir():
		return fail(errors.New("is a folder; name a file"))
	case err == nil && info.Mode()&fs.ModeSocket != 0:
		return fail(errors.New("is a socket, which claimtrack cannot write to"))
	case err == nil && (!info.Mode().IsRegular() || isStandardStream(path)):
		// A device, a pipe, or /dev/stdout behind which the shell put a
		// file: written in place. Appending keeps what `>>` asked for.
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
		if err != nil {
			return fail(err)
		}
		return &output{w: f, path: path, file: f}, nil
	}
	target, err := followLinks(path)
	if err != nil {
		return fail(err)
	}
	if isLedger(target, dbPath(c)) {
		return fail(errors.New("is the database itself (--db); name another file"))
	}
	dir, base := filepath.Dir(target), filepath.Base(target)
	if info != nil {
		// What a shell's > would refuse, -o refuses: a file the user may
		// not write. One whose folder the user may not write cannot be
		// replaced whole: it is written in place, as > does.
		if err := unix.Access(target, unix.W_OK); err != nil {
			return fail(err)
		}
		if unix.Access(dir, unix.W_OK) != nil {
			f, err := os.OpenFile(target, os.O_WRONLY|os.O_TRUNC, 0)
			if err != nil {
				return fail(err)
			}
			return &output{w: f, path: path, file: f}, nil
		}
	}
	// A temporary file beside the target, renamed over it when complete: a
	// reader of the target never sees half a report. Its name carries this
	// process's id, so that a later run can remove what a killed one left.
	removeOrphanedTemporaries(dir, base)
	f, err := createTemporary(dir, base)
	if err != nil {
		return fail(err)
	}
	o := &output{w: f, path: path, file: f, target: target}
	if info != nil {
		o.mode = info.Mode().Perm() // the file keeps its permissions; a new one gets the umask's
	}
	return o, nil
}

// createTemporary makes the temporary file for base in dir, named
// ".BASE.PID-RANDOM.tmp", with the permissions a new file gets under the
// user's umask.
func createTemporary(dir, base string) (*os.File, error) {
	for range 100 {
		name := filepath.Join(dir, fmt.Sprintf(".%s.%d-%d.tmp", base, os.Getpid(), rand.Uint32()))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
	return nil, errors.New("cannot make a temporary file beside it")
}

// isLedger reports whether path is the database or one of its WAL files,
// which a listing written over would destroy.
func isLedger(path, db string) bool {
	target, err := os.Stat(path)
	if err != nil {
		return false
	}
	for _, name := range []string{db, db + "-wal", db + "-shm"} {
		if info, err := os.Stat(name); err == nil && os.SameFile(info, target) {
			return true
		}
	}
	return false
}

// commit finishes the output: on success a temporary file is synced and takes
// its place; on failure it is removed and the old file, if any, is left as
// it was.
func (o *output) commit(err error) error {
	if o.file == nil {
		return err
	}
	if o.target == "" {
		if closeErr := o.file.Close(); err == nil {
			err = closeErr
		}
		if err != nil {
			return fmt.Errorf("-o %s: %w", o.path, err)
		}
		return nil
	}
	tmp := o.file.Name()
	if err == nil && o.mode != 0 {
		err = o.file.Chmod(o.mode)
	}
	if err == nil {
		err = o.file.Sync()
	}
	if closeErr := o.file.Close(); err == nil {
		err = closeErr
	}
	if err == nil {
		err = os.Rename(tmp, o.target)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("-o %s: %w", o.path, err)
	}
	syncDir(filepath.Dir(o.target))
	return nil
}

// isStandardStream reports whether path names one of the process's own open
// files (/dev/stdout, /dev/fd/1, /proc/self/fd/1), which is written in place
// even when the shell pointed it at a regular file.
func isStandardStream(path string) bool {
	switch path = filepath.Clean(path); {
	case path == "/dev/stdout", path == "/dev/stderr":
		return true
	case strings.HasPrefix(path, "/dev/fd/"), strings.HasPrefix(path, "/proc/self/fd/"):
		return true
	}
	return false
}

// maxLinks bounds a chain of symbolic links, as the kernel does (ELOOP).
const maxLinks = 40

// followLinks returns the path a chain of symbolic links ends at, even when
// its end does not exist yet, so that the link stays and the file it leads
// to is written.
func followLinks(path string) (string, error) {
	for range maxLinks {
		info, err := os.Lstat(path)
		if errors.Is(err, fs.ErrNotExist) || (err == nil && info.Mode()&fs.ModeSymlink == 0) {
			return path, nil
		}
		if err != nil {
			return "", err
		}
		link, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(link) {
			// Relative to the link's real folder: joining its path as
			// written would let ".." undo a symbolic link to a folder.
			dir, err := filepath.EvalSymlinks(filepath.Dir(path))
			if err != nil {
				return "", err
			}
			link = filepath.Join(dir, link)
		}
		path = link
	}
	return "", errors.New("too many levels of symbolic links")
}

// removeOrphanedTemporaries removes the temporary files of base that a
// killed claimtrack left in dir: those whose process no longer runs.
func removeOrphanedTemporaries(dir, base string) {
	names, _ := filepath.Glob(filepath.Join(globEscape(dir), "."+globEscape(base)+".*-*.tmp"))
	for _, name := range names {
		m := temporaryName.FindStringSubmatch(strings.TrimPrefix(filepath.Base(name), "."+base+"."))
		if m == nil {
			continue // another target's, whose name starts as this one's
		}
		if pid, err := strconv.Atoi(m[1]); err == nil && pid > 0 && !processRuns(pid) {
			os.Remove(name)
		}
	}
}

// temporaryName is what follows ".BASE." in a temporary file's name.
var temporaryName = regexp.MustCompile(`^(\d+)-\d+\.tmp$`)

// processRuns reports whether a process with this id exists.
func processRuns(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// globEscape quotes the characters filepath.Match gives a meaning to.
func globEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// syncDir makes a rename in dir durable; a file system that cannot sync a
// folder has already done what it can, so its error is not the user's.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
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
