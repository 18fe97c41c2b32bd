package main

import (
	"bytes"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// reportTo runs report -o path on a seeded database and returns what it
// prints to standard error, failing the test unless it exits 0.
func reportTo(t *testing.T, db, path string) {
	t.Helper()
	if out, errOut, code := runCLI(t, "", "--db", db, "report", "--format", "markdown", "-o", path); code != 0 || out != "" {
		t.Fatalf("report -o %s: exit %d, stdout %q, stderr %s", path, code, out, errOut)
	}
}

func TestOutputKeepsTheFileMode(t *testing.T) {
	db := ingested(t, seedsDir)
	path := writeFile(t, filepath.Join(t.TempDir(), "private.md"), "old")
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	reportTo(t, db, path)
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o600 || info.Size() < 100 {
		t.Errorf("after -o: %v, %v", info.Mode(), err)
	}
	fresh := filepath.Join(t.TempDir(), "new.md")
	reportTo(t, db, fresh)
	if info, err := os.Stat(fresh); err != nil || info.Mode().Perm() != 0o644 {
		t.Errorf("a new file: %v, %v", info.Mode(), err)
	}
}

func TestOutputWritesThroughALink(t *testing.T) {
	db := ingested(t, seedsDir)
	dir := t.TempDir()
	target := writeFile(t, filepath.Join(dir, "target.md"), "old")
	for _, link := range []struct{ name, to string }{
		{"link.md", "target.md"},        // a link to a file
		{"dangling.md", "later/new.md"}, // a link to a file not there yet
	} {
		path := filepath.Join(dir, link.name)
		os.MkdirAll(filepath.Join(dir, "later"), 0o755)
		if err := os.Symlink(link.to, path); err != nil {
			t.Fatal(err)
		}
		reportTo(t, db, path)
		if info, err := os.Lstat(path); err != nil || info.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%s is no longer a link: %v", link.name, err)
		}
		if got, _ := os.ReadFile(filepath.Join(dir, link.to)); !strings.HasPrefix(string(got), "# Consistency report") {
			t.Errorf("%s: the file it leads to holds %.40q", link.name, got)
		}
	}
	if got, _ := os.ReadFile(target); string(got) == "old" {
		t.Error("the linked file was not written")
	}
}

func TestOutputToAPipeIsWrittenInPlace(t *testing.T) {
	db := ingested(t, seedsDir)
	fifo := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- err.Error()
			return
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		got <- string(b)
	}()
	want, _, _ := runCLI(t, "", "--db", db, "report", "--format", "markdown")
	reportTo(t, db, fifo)
	if s := <-got; s != want {
		t.Errorf("the pipe's reader got %d bytes, want the %d of standard output", len(s), len(want))
	}
	if info, err := os.Lstat(fifo); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the named pipe was replaced: %v", err)
	}
}

func TestOutputToADeviceIsWrittenInPlace(t *testing.T) {
	db := ingested(t, seedsDir)
	// A null device of our own: a test that went wrong must not replace
	// the machine's /dev/null.
	null := filepath.Join(t.TempDir(), "null")
	if err := syscall.Mknod(null, syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
		t.Skip("cannot make a device here (not root?):", err)
	}
	reportTo(t, db, null)
	if info, err := os.Lstat(null); err != nil || info.Mode()&os.ModeCharDevice == 0 {
		t.Errorf("the device was replaced by %v (%v)", info.Mode(), err)
	}
}

func TestOutputDashIsStandardOutput(t *testing.T) {
	db := ingested(t, seedsDir)
	dir := t.TempDir()
	t.Chdir(dir)
	want, _, _ := runCLI(t, "", "--db", db, "sources")
	got, errOut, code := runCLI(t, "", "--db", db, "sources", "-o", "-")
	if code != 0 || got != want {
		t.Errorf("-o -: exit %d, %d bytes against %d: %s", code, len(got), len(want), errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "-")); err == nil {
		t.Error("-o - wrote a file named -")
	}
}

func TestOutputToAFolderOrSocketIsRefused(t *testing.T) {
	db := ingested(t, seedsDir)
	dir := t.TempDir()
	socket := filepath.Join(dir, "s")
	l, err := net.Listen("unix", socket)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	for path, why := range map[string]string{dir: "is a folder; name a file", socket: "is a socket, which claimtrack cannot write to"} {
		_, errOut, code := runCLI(t, "", "--db", db, "report", "-o", path)
		if want := "claimtrack: -o " + path + ": " + why + "\n"; code != 1 || errOut != want {
			t.Errorf("exit %d, stderr %q, want %q", code, errOut, want)
		}
	}
}

func TestOutputRemovesWhatAKilledRunLeft(t *testing.T) {
	db := ingested(t, seedsDir)
	dir := t.TempDir()
	// A process id no process has: the run that made the file is gone.
	dead := 1 << 22
	for processRuns(dead) {
		dead--
	}
	orphan := writeFile(t, filepath.Join(dir, ".report.md."+strconv.Itoa(dead)+"-123.tmp"), "half a report")
	alive := writeFile(t, filepath.Join(dir, ".report.md."+strconv.Itoa(os.Getpid())+"-456.tmp"), "being written")
	reportTo(t, db, filepath.Join(dir, "report.md"))
	if _, err := os.Stat(orphan); err == nil {
		t.Error("the temporary file of a killed run is still there")
	}
	if _, err := os.Stat(alive); err != nil {
		t.Error("the temporary file of a running process was removed")
	}
}

func TestEveryListingTakesOutput(t *testing.T) {
	db := ingested(t, seedsDir)
	dir := t.TempDir()
	for _, args := range [][]string{
		{"claims"}, {"export", "claims"}, {"export", "findings"}, {"sources"}, {"report"}, {"timeline", "casualties"},
		{"extract", filepath.Join(seedsDir, "001_7b13d3da2673b465.txt")},
	} {
		want, errOut, code := runCLI(t, "", append([]string{"--db", db}, args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		path := filepath.Join(dir, strings.Join(args[:1], "_")+".out")
		reportArgs := append([]string{"--db", db, args[0], "-o", path}, args[1:]...)
		if out, errOut, code := runCLI(t, "", reportArgs...); code != 0 || out != "" {
			t.Fatalf("%v: exit %d, stdout %q: %s", reportArgs, code, out, errOut)
		}
		if got, _ := os.ReadFile(path); string(got) != want {
			t.Errorf("%v -o wrote %d bytes, standard output shows %d", args, len(got), len(want))
		}
	}
}

// TestOutputToDevStdout: -o /dev/stdout writes to the process's standard
// output, a pipe here, and leaves the link /dev/stdout alone.
func TestOutputToDevStdout(t *testing.T) {
	db := ingested(t, seedsDir)
	want := mustRunProcess(t, "--db", db, "sources")
	if got := mustRunProcess(t, "--db", db, "sources", "-o", "/dev/stdout"); got != want {
		t.Errorf("-o /dev/stdout printed %d bytes, standard output %d", len(got), len(want))
	}
	if info, err := os.Lstat("/dev/stdout"); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("/dev/stdout is no longer a link: %v", err)
	}
}

func TestCSVWithAByteOrderMark(t *testing.T) {
	db := ingested(t, seedsDir)
	plain, _, _ := runCLI(t, "", "--db", db, "export", "--format", "csv", "claims")
	for _, args := range [][]string{{"export", "--format", "csv", "--bom", "claims"}, {"claims", "--format", "csv", "--bom"}} {
		out, errOut, code := runCLI(t, "", append([]string{"--db", db}, args...)...)
		if code != 0 || !strings.HasPrefix(out, "\ufeffid,") {
			t.Errorf("%v: exit %d, %.20q: %s", args, code, out, errOut)
		}
		if args[0] == "export" && out != "\ufeff"+plain {
			t.Errorf("%v: more differs than the mark", args)
		}
	}
	if _, errOut, code := runCLI(t, "", "--db", db, "claims", "--bom"); code != 1 || errOut != "claimtrack: --bom goes with --format csv\n" {
		t.Errorf("--bom with a table: exit %d, %q", code, errOut)
	}
}

// TestOutputOnAFullDiskKeepsTheOldFile writes a report larger than the room
// left on a small file system: the command fails, and the good file that
// was there stays whole (a truncated one replaced it, with exit 0).
func TestOutputOnAFullDiskKeepsTheOldFile(t *testing.T) {
	db := ingested(t, devCorpusOrSeeds())
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=8k", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a small file system here: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", dir).Run() })
	path := writeFile(t, filepath.Join(dir, "report.md"), "the last good report\n")
	_, errOut, code := runCLI(t, "", "--db", db, "report", "--format", "markdown", "--limit", "0", "-o", path)
	if code != 1 || !strings.Contains(errOut, "no space left on device") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if got, _ := os.ReadFile(path); string(got) != "the last good report\n" {
		t.Errorf("the old file now holds %d bytes", len(got))
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

// The review's cases for -o: a bare name in the current folder, a relative
// link inside a linked folder, the database itself, a file the user may not
// write, and the umask for a new file.
func TestOutputEdgeCases(t *testing.T) {
	db := ingested(t, seedsDir)
	dir := t.TempDir()
	t.Chdir(dir)

	// A bare name: the temporary file goes beside it, not to $TMPDIR.
	reportTo(t, db, "bare.md")
	if got, _ := os.ReadFile(filepath.Join(dir, "bare.md")); !strings.HasPrefix(string(got), "# Consistency report") {
		t.Errorf("-o bare.md: %.30q", got)
	}

	// d -> x/y, and x/y/link -> ../z/file: the file is x/z/file.
	for _, sub := range []string{"x/y", "x/z", "z"} {
		os.MkdirAll(filepath.Join(dir, sub), 0o755)
	}
	writeFile(t, filepath.Join(dir, "x/z/file"), "old")
	writeFile(t, filepath.Join(dir, "z/file"), "unrelated")
	os.Symlink("x/y", filepath.Join(dir, "d"))
	os.Symlink("../z/file", filepath.Join(dir, "x/y/link"))
	reportTo(t, db, filepath.Join(dir, "d/link"))
	if got, _ := os.ReadFile(filepath.Join(dir, "z/file")); string(got) != "unrelated" {
		t.Error("a relative link in a linked folder wrote the wrong file")
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "x/z/file")); string(got) == "old" {
		t.Error("the file the link leads to was not written")
	}

	// The database itself.
	before, _ := os.ReadFile(db)
	if _, errOut, code := runCLI(t, "", "--db", db, "export", "-o", db, "claims"); code != 1 ||
		errOut != "claimtrack: -o "+db+": is the database itself (--db); name another file\n" {
		t.Errorf("-o the database: exit %d, %q", code, errOut)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("the database was written over")
	}

	// A new file gets the umask's permissions.
	old := syscall.Umask(0o077)
	reportTo(t, db, filepath.Join(dir, "private.md"))
	syscall.Umask(old)
	if info, err := os.Stat(filepath.Join(dir, "private.md")); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("under umask 077 a new file is %v (%v)", info.Mode(), err)
	}
}

// TestOutputRespectsPermissions runs claimtrack as the user nobody (root may
// write anything): a file nobody may write is refused, as a shell's > would
// refuse it; a file nobody may write in a folder nobody may not is written
// in place, as it cannot be replaced.
func TestOutputRespectsPermissions(t *testing.T) {
	if os.Getuid() != 0 {
		t.Skip("needs root, to run claimtrack as another user")
	}
	db := ingested(t, seedsDir)
	binary := claimtrackBinary(t)
	open := t.TempDir()
	closed := filepath.Join(open, "closed")
	os.Mkdir(closed, 0o755) // root's: nobody may not write in it
	for _, dir := range []string{filepath.Dir(open), open, filepath.Dir(binary), filepath.Dir(db)} {
		os.Chmod(dir, 0o777)
	}
	os.Chmod(db, 0o666)
	readOnly := writeFile(t, filepath.Join(open, "ro.md"), "keep")
	inPlace := writeFile(t, filepath.Join(closed, "report.md"), "old")
	os.Chown(readOnly, nobody, nobody)
	os.Chmod(readOnly, 0o444)
	os.Chmod(inPlace, 0o666)
	asNobody := func(path string) (string, int) {
		_, stderr, code := runAsNobody(t, "--db", db, "report", "--format", "markdown", "-o", path)
		return stderr, code
	}
	if errOut, code := asNobody(readOnly); code != 1 || errOut != "claimtrack: -o "+readOnly+": permission denied\n" {
		t.Errorf("a read-only file: exit %d, %q", code, errOut)
	}
	if got, _ := os.ReadFile(readOnly); string(got) != "keep" {
		t.Error("the read-only file was replaced")
	}
	if errOut, code := asNobody(inPlace); code != 0 {
		t.Errorf("a writable file in a closed folder: exit %d, %q", code, errOut)
	}
	if got, _ := os.ReadFile(inPlace); !strings.HasPrefix(string(got), "# Consistency report") {
		t.Errorf("a writable file in a closed folder holds %.20q", got)
	}
}
