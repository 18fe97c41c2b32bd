package main

import (
	"bytes"
	"database/sql"
	"encoding/binary"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf16"

	"claimtrack/claims/reader"
)

// The bad-input tests follow docs/bad-input.md, one case or more per row.
// Each checks the one line claimtrack prints, that the exit code says whether
// anything failed, and that the documents stored before are still there.

const (
	goodArticle = " date 2024-12-19 South Korea's spy agency says about 1,000 North Korean soldiers have been killed or wounded."
	// A dateline, paragraphs and a sign-off: line endings matter here.
	multilineArticle = "SEOUL, Dec 19, 2024 (Reuters) - About 1,100 North Korean soldiers have been killed or wounded\n" +
		"in fighting against Ukraine, a South Korean lawmaker said on Thursday.\n\n" +
		"Some 11,000 troops were sent to Russia, the spy agency said.\n\nReuters\n"
	germanArticle = " date 2024-05-02 Die Polizei sagte am Dienstag, dass etwa 300 Menschen an der Kundgebung vor dem " +
		"Rathaus teilgenommen haben. Nach Angaben der Behörden wurden mindestens zwölf Personen verletzt, als die " +
		"Demonstranten durch die Straßen der Altstadt zogen und die Sicherheitskräfte versuchten, die Menge zu zerstreuen."
)

// seededDB is a database holding the five sample articles, whose loss a
// bad input must not cause.
func seededDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "claims.db")
	if _, errOut, code := runCLI(t, "", "--db", db, "ingest", seedsDir); code != 0 {
		t.Fatalf("ingest seeds: %s", errOut)
	}
	return db
}

// documentCount counts the stored documents, checking the database first.
func documentCount(t *testing.T, db string) int {
	t.Helper()
	return len(storedClaimCounts(t, db))
}

func writeFile(t *testing.T, path, content string) string {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// wantStderr compares stderr with lines, where FILE stands for path.
func wantStderr(t *testing.T, stderr, path string, lines ...string) {
	t.Helper()
	want := ""
	for _, line := range lines {
		want += "claimtrack: " + strings.ReplaceAll(line, "FILE", path) + "\n"
	}
	if stderr != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr, want)
	}
}

func TestBadArticles(t *testing.T) {
	for _, tc := range []struct {
		file, content string
		message       string // after "claimtrack: "; FILE is the file's path; "" for none
		stored        bool
	}{
		{"empty.txt", "", "FILE: bad input: empty file", false},
		{"blank.txt", " \n\t\r\n", "FILE: bad input: empty file", false},
		{"binary.txt", "PK\x03\x04\x00\x01\x02", "FILE: bad input: binary file (NUL byte at offset 4), not article text", false},
		{"latin1.txt", " date 2024-01-01 Caf\xe9 owners said 12 shops closed.", "FILE: bad input: invalid UTF-8 at byte 20", false},
		{"bom.txt", "\ufeff" + goodArticle, "", true},
		{"crlf.txt", strings.ReplaceAll(multilineArticle, "\n", "\r\n"), "", true},
		{"nodate.txt", "Police said 300 people attended.",
			"warning: nodate.txt: no publication date found (no date header or dateline; use --date)", true},
		{"future.txt", " date 2999-01-01 Police said 300 people attended.",
			"warning: future.txt: publication date 2999-01-01 is in the future", true},
		{"german.txt", germanArticle,
			"warning: german.txt: text does not look like English; claimtrack reads English and may miss its claims", true},
	} {
		t.Run(tc.file, func(t *testing.T) {
			db := seededDB(t)
			path := writeFile(t, filepath.Join(t.TempDir(), tc.file), tc.content)
			_, stderr, code := runCLI(t, "", "--db", db, "ingest", path)
			var lines []string
			if tc.message != "" {
				lines = append(lines, tc.message)
			}
			wantStderr(t, stderr, path, lines...)
			wantCode, wantDocs := 1, 5
			if tc.stored {
				wantCode, wantDocs = 0, 6
			}
			if code != wantCode {
				t.Errorf("exit %d, want %d", code, wantCode)
			}
			if n := documentCount(t, db); n != wantDocs {
				t.Errorf("%d documents stored, want %d", n, wantDocs)
			}
		})
	}
}

// A byte-order mark and CRLF line endings are normalised away: the article
// stores exactly as its plain form does, with the same claims at the same
// offsets, and counts as the same document.
func TestBOMAndCRLFStoreAsThePlainText(t *testing.T) {
	for name, variant := range map[string]func(string) string{
		"BOM":  func(s string) string { return "\ufeff" + s },
		"CRLF": func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") },
		"CR":   func(s string) string { return strings.ReplaceAll(s, "\n", "\r") },
		// Windows tools write UTF-16, with a byte-order mark or without.
		"UTF-16LE with a mark": func(s string) string { return utf16Bytes(binary.LittleEndian, "\ufeff"+s) },
		"UTF-16BE with a mark": func(s string) string { return utf16Bytes(binary.BigEndian, "\ufeff"+s) },
		"UTF-16LE without one": func(s string) string { return utf16Bytes(binary.LittleEndian, s) },
		"UTF-16BE, CRLF":       func(s string) string { return utf16Bytes(binary.BigEndian, strings.ReplaceAll(s, "\n", "\r\n")) },
	} {
		t.Run(name, func(t *testing.T) {
			plainDB, variantDB := filepath.Join(t.TempDir(), "plain.db"), filepath.Join(t.TempDir(), "variant.db")
			plain := writeFile(t, filepath.Join(t.TempDir(), "article.txt"), multilineArticle)
			changed := writeFile(t, filepath.Join(t.TempDir(), "article.txt"), variant(multilineArticle))
			runCLI(t, "", "--db", plainDB, "ingest", plain)
			runCLI(t, "", "--db", variantDB, "ingest", changed)
			want, _, _ := runCLI(t, "", "--db", plainDB, "export", "claims")
			got, _, _ := runCLI(t, "", "--db", variantDB, "export", "claims")
			if got != want || want == "" {
				t.Errorf("claims differ from the plain text's: %s", firstDifference(want, got))
			}
			out, _, _ := runCLI(t, "", "--db", variantDB, "ingest", plain)
			if _, added, skipped, _ := ingestSummary(t, out); added != 0 || skipped != 1 {
				t.Errorf("the plain text is not the same document: added %d, skipped %d", added, skipped)
			}
		})
	}
}

// utf16Bytes is s in UTF-16, as a string of bytes.
func utf16Bytes(order binary.AppendByteOrder, s string) string {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = order.AppendUint16(b, u)
	}
	return string(b)
}

func TestHundredMegabyteFileIsRefusedUnread(t *testing.T) {
	db := seededDB(t)
	path := sparseFile(t, 100<<20)
	_, stderr, code := runCLI(t, "", "--db", db, "ingest", path)
	wantStderr(t, stderr, path, "FILE: bad input: file is 100.0 MB, over the 16.0 MB limit for one article; not read")
	if code != 1 || documentCount(t, db) != 5 {
		t.Errorf("exit %d with %d documents stored, want 1 and the 5 there before", code, documentCount(t, db))
	}
}

// sparseFile makes a file of size bytes that takes no room on disk.
func sparseFile(t *testing.T, size int64) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.Truncate(size); err != nil {
		t.Fatal(err)
	}
	return path
}

// An oversized file is refused from its size, before a byte is read; input
// of unknown size (standard input, a pipe) is read one byte past the limit.
func TestOversizedInputIsNotReadWhole(t *testing.T) {
	var read int64
	huge := sparseFile(t, 100<<20)
	file := input{name: "huge.txt", path: huge, open: func() (io.ReadCloser, error) {
		f, err := os.Open(huge)
		return countedFile{f, &read}, err
	}}
	if _, _, err := readDocument(t.Context(), file, reader.ParseOptions{}); err == nil || read != 0 {
		t.Errorf("file: read %d bytes, error %v; want none read and an error", read, err)
	}

	read = 0
	stream := input{name: "stdin", path: "-", open: func() (io.ReadCloser, error) {
		return io.NopCloser(countedReader{endless{}, &read}), nil
	}}
	_, _, err := readDocument(t.Context(), stream, reader.ParseOptions{})
	if want := "bad input: more than the 16.0 MB limit for one article; stopped reading there"; err == nil || err.Error() != want {
		t.Errorf("stream: error %v, want %q", err, want)
	}
	if read > reader.DefaultMaxDocumentBytes+1 {
		t.Errorf("stream: read %d bytes, more than the limit and one", read)
	}
}

// countedFile counts the bytes read from a file; its Stat still works.
type countedFile struct {
	*os.File
	read *int64
}

func (f countedFile) Read(p []byte) (int, error) {
	n, err := f.File.Read(p)
	*f.read += int64(n)
	return n, err
}

// countedReader counts the bytes read from a reader.
type countedReader struct {
	io.Reader
	read *int64
}

func (r countedReader) Read(p []byte) (int, error) {
	n, err := r.Reader.Read(p)
	*r.read += int64(n)
	return n, err
}

// endless is a stream that never ends.
type endless struct{}

func (endless) Read(p []byte) (int, error) { return len(p), nil }

// In a folder, a symbolic link to a file is read; a broken one, a link to a
// folder and a named pipe are reported, and the rest is stored. Given on the
// command line, a link is followed.
func TestFolderWithUnreadableEntries(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	writeFile(t, filepath.Join(dir, "good.txt"), goodArticle)
	target := writeFile(t, filepath.Join(outside, "target.txt"), multilineArticle)
	links := map[string]string{
		"linked.txt": target,
		"broken.txt": filepath.Join(outside, "missing.txt"),
		"folder.txt": outside,
	}
	for name, to := range links {
		if err := os.Symlink(to, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	// Opening a pipe nobody writes to blocks: ingest must not try.
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Fatal(err)
	}

	db := seededDB(t)
	stdout, stderr, code := runWithin(t, 30*time.Second, "--db", db, "ingest", dir)
	wantStderr(t, stderr, dir,
		"FILE/broken.txt: symbolic link to "+links["broken.txt"]+", which cannot be read: no such file or directory",
		"FILE/folder.txt: a symbolic link to a folder, which is not followed; skipped",
		"FILE/pipe.txt: a named pipe, not a file; skipped")
	if documents, added, _, failed := ingestSummary(t, stdout); code != 1 || documents != 5 || added != 2 || failed != 3 {
		t.Errorf("exit %d, %d documents, %d added, %d failed; want 1, 5, 2 and 3", code, documents, added, failed)
	}
	if n := documentCount(t, db); n != 7 {
		t.Errorf("%d documents stored, want the 5 before, good.txt and linked.txt", n)
	}

	stdout, stderr, code = runWithin(t, 30*time.Second, "--db", db, "ingest", filepath.Join(dir, "linked.txt"), filepath.Join(dir, "broken.txt"))
	wantStderr(t, stderr, dir, "FILE/broken.txt: no such file or directory")
	if _, _, skipped, _ := ingestSummary(t, stdout); code != 1 || skipped != 1 {
		t.Errorf("exit %d, skipped %d: linked.txt should be followed and skipped as already stored", code, skipped)
	}
}

// runWithin runs the command line in-process, failing the test if it takes
// longer than limit (it would be stuck, on a pipe say).
func runWithin(t *testing.T, limit time.Duration, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		stdout, stderr, code = runCLI(t, "", args...)
	}()
	select {
	case <-done:
		return stdout, stderr, code
	case <-time.After(limit):
		t.Fatalf("claimtrack %v still running after %v", args, limit)
		return
	}
}

// A file listed in a folder but gone when its turn comes fails on its own.
func TestFileThatVanishesBeforeItIsRead(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.txt"), goodArticle)
	gone := writeFile(t, filepath.Join(dir, "b.txt"), multilineArticle)
	inputs, failures := collectInputs([]string{dir}, nil)
	if len(inputs) != 2 || len(failures) != 0 {
		t.Fatalf("collected %d inputs and %v", len(inputs), failures)
	}
	if err := os.Remove(gone); err != nil {
		t.Fatal(err)
	}
	if _, _, err := readDocument(t.Context(), inputs[0], reader.ParseOptions{}); err != nil {
		t.Errorf("a.txt: %v", err)
	}
	if _, _, err := readDocument(t.Context(), inputs[1], reader.ParseOptions{}); err == nil || err.Error() != "no such file or directory" {
		t.Errorf("b.txt: error %v, want no such file or directory", err)
	}
}

func TestBadDatabases(t *testing.T) {
	article := writeFile(t, filepath.Join(t.TempDir(), "article.txt"), goodArticle)

	t.Run("not SQLite", func(t *testing.T) {
		path := writeFile(t, filepath.Join(t.TempDir(), "notes.db"), "these are my notes, not a database, and they are long enough")
		_, stderr, code := runCLI(t, "", "--db", path, "ingest", article)
		wantStderr(t, stderr, path, "open FILE: not a claimtrack database (file is not a database)")
		if b, _ := os.ReadFile(path); code != 1 || !strings.HasPrefix(string(b), "these are my notes") {
			t.Errorf("exit %d, file now %q", code, b)
		}
	})

	t.Run("another program's SQLite", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "other.db")
		raw, err := sql.Open("sqlite3", path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := raw.Exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me')"); err != nil {
			t.Fatal(err)
		}
		raw.Close()
		_, stderr, code := runCLI(t, "", "--db", path, "ingest", article)
		wantStderr(t, stderr, path, "open FILE: not a claimtrack database (it holds tables but no schema_migrations)")
		raw, _ = sql.Open("sqlite3", path)
		defer raw.Close()
		var tables int
		raw.QueryRow("SELECT count(*) FROM sqlite_schema").Scan(&tables)
		if code != 1 || tables != 1 {
			t.Errorf("exit %d, %d tables; want 1 and only the notes", code, tables)
		}
	})

	t.Run("newer schema", func(t *testing.T) {
		db := seededDB(t)
		raw, err := sql.Open("sqlite3", db)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := raw.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', '2030-01-01')"); err != nil {
			t.Fatal(err)
		}
		raw.Close()
		_, stderr, code := runCLI(t, "", "--db", db, "ingest", article)
		if !regexp.MustCompile(`^claimtrack: open \S+: database schema version 999 is newer than this claimtrack supports \(\d+\): a newer claimtrack wrote it\n$`).MatchString(stderr) {
			t.Errorf("stderr: %q", stderr)
		}
		if code != 1 || documentCount(t, db) != 5 {
			t.Errorf("exit %d with %d documents; want 1 and the 5 there before", code, documentCount(t, db))
		}
	})
}

// TestBadInputRowsNameRealTests checks that every test docs/bad-input.md
// names for a row exists, so that a renamed or removed test cannot leave a
// row that nothing checks.
func TestBadInputRowsNameRealTests(t *testing.T) {
	doc, err := os.ReadFile("docs/bad-input.md")
	if err != nil {
		t.Fatal(err)
	}
	var sources strings.Builder
	for _, pattern := range []string{"*_test.go", "*/*_test.go", "*/*/*_test.go"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			b, _ := os.ReadFile(p)
			sources.Write(b)
		}
	}
	named := regexp.MustCompile("`((?:Test|Benchmark|Fuzz)[A-Za-z0-9_]+)(?:/[^`]*)?`").FindAllStringSubmatch(string(doc), -1)
	if len(named) < 30 {
		t.Fatalf("found only %d test names in docs/bad-input.md", len(named))
	}
	for _, m := range named {
		if !strings.Contains(sources.String(), "func "+m[1]+"(") {
			t.Errorf("docs/bad-input.md names %s, which no test file defines", m[1])
		}
	}
	// Every row of every table names its test in its last cell.
	testName := regexp.MustCompile("`(Test|Benchmark|Fuzz)[A-Za-z0-9_]+")
	for _, line := range strings.Split(string(doc), "\n") {
		if !strings.HasPrefix(line, "| ") || strings.HasPrefix(line, "| ---") || strings.Contains(line, "| Test |") {
			continue
		}
		cells := strings.Split(strings.TrimSuffix(line, " |"), " | ")
		if !testName.MatchString(cells[len(cells)-1]) {
			t.Errorf("docs/bad-input.md: a row names no test: %.80s", line)
		}
	}
}

// TestAnOlderLedgersEscapesArePrintedInert: a ledger stored before article
// text was made inert on ingest still holds escape sequences; nothing that
// prints its claims passes them on.
func TestAnOlderLedgersEscapesArePrintedInert(t *testing.T) {
	db := seededDB(t)
	raw, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	const clear, link = "\x1b[2J\x1b[31m", "\x1b]8;;https://example.org\x07"
	if _, err := raw.ExecContext(t.Context(), `
		UPDATE claims SET text = ? || text WHERE id LIKE 'b927111a%';
		UPDATE sentences SET sentence = ? || sentence;
		UPDATE documents SET outlet = ? || outlet`, clear, link, clear); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"claims"}, {"claims", "--format", "csv"}, {"audit", "b927111a"}, {"report"}, {"sources"}, {"timeline", "casualties"},
	} {
		out, errOut, code := runCLI(t, "", append([]string{"--db", db}, args...)...)
		if code != 0 || strings.ContainsAny(out+errOut, "\x1b\x07") {
			t.Errorf("%v: exit %d, output holds an escape: %q", args, code, out+errOut)
		}
	}
}

// readOnlyMount mounts dir again, read-only, and returns where; it skips the
// test where mounts are not allowed (not root, or no mount command).
func readOnlyMount(t *testing.T, dir string) string {
	t.Helper()
	ro := t.TempDir()
	if out, err := exec.Command("mount", "--bind", dir, ro).CombinedOutput(); err != nil {
		t.Skipf("cannot bind-mount here: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", ro).Run() })
	if out, err := exec.Command("mount", "-o", "remount,bind,ro", ro).CombinedOutput(); err != nil {
		t.Skipf("cannot remount read-only: %v %s", err, out)
	}
	return ro
}

func TestDatabaseOnAReadOnlyFileSystem(t *testing.T) {
	db := seededDB(t)
	want, _, _ := runCLI(t, "", "--db", db, "claims")
	ro := readOnlyMount(t, filepath.Dir(db))
	roDB := filepath.Join(ro, filepath.Base(db))
	if got, errOut, code := runCLI(t, "", "--db", roDB, "claims"); code != 0 || got != want {
		t.Errorf("claims: exit %d, %s", code, errOut)
	}
	for _, command := range []string{"ingest", "reconcile"} {
		args := []string{"--db", roDB, command}
		if command == "ingest" {
			args = append(args, seedsDir)
		}
		_, errOut, code := runCLI(t, "", args...)
		if want := "claimtrack: " + roDB + ": the database can be read but not written (a read-only file system, or no permission to write it): " +
			command + " cannot store into it\n"; code != 1 || errOut != want {
			t.Errorf("%s: exit %d, stderr %q", command, code, errOut)
		}
	}
	newDB := filepath.Join(ro, "new.db")
	if _, errOut, code := runCLI(t, "", "--db", newDB, "ingest", seedsDir); code != 1 ||
		errOut != "claimtrack: open "+newDB+": cannot create the database: its folder cannot be written (a read-only file system?)\n" {
		t.Errorf("a new database: exit %d, stderr %q", code, errOut)
	}
}

// damage overwrites pages of a database file past its schema, as a disk
// fault or a stray write would.
func damage(t *testing.T, path string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt(bytes.Repeat([]byte{0xff}, 3*4096), 5*4096); err != nil {
		t.Fatal(err)
	}
}

func TestDamagedDatabaseIsRefusedBeforeWriting(t *testing.T) {
	db := seededDB(t)
	damage(t, db)
	before, _ := os.ReadFile(db)
	for _, args := range [][]string{{"ingest", devCorpusOrSeeds()}, {"reconcile"}} {
		_, errOut, code := runCLI(t, "", append([]string{"--db", db}, args...)...)
		if code != 1 || strings.Count(errOut, "\n") != 1 || !strings.HasPrefix(errOut, "claimtrack: "+db+": the database file is damaged: ") ||
			!strings.Contains(errOut, "recover what it holds with `sqlite3 "+db+" .recover | sqlite3 NEW.db`") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("the damaged file was written to")
	}
}

// devCorpusOrSeeds is a folder of articles other than the seeds when there
// is one, so that an ingest has something new to store.
func devCorpusOrSeeds() string {
	if _, err := os.Stat(devCorpus); err == nil {
		return devCorpus
	}
	return seedsDir
}

// TestFolderWithASubfolderThatCannotBeListed runs claimtrack as the user
// nobody, whom a folder of mode 000 keeps out (root is not kept out of
// anything, and the tests run as root).
func TestFolderWithASubfolderThatCannotBeListed(t *testing.T) {
	if os.Getuid() != 0 {
		t.Skip("needs root, to run claimtrack as another user")
	}
	binary := claimtrackBinary(t)
	// Everything the other user needs: the binary, the articles, a folder
	// for the database.
	open := t.TempDir()
	for _, dir := range []string{filepath.Dir(open), open, filepath.Dir(binary)} {
		if err := os.Chmod(dir, 0o777); err != nil {
			t.Fatal(err)
		}
	}
	articles := filepath.Join(open, "articles")
	closed := filepath.Join(articles, "closed")
	if err := os.MkdirAll(closed, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(articles, "good.txt"), goodArticle)
	writeFile(t, filepath.Join(closed, "hidden.txt"), multilineArticle)
	if err := os.Chmod(closed, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(closed, 0o755) })
	stdout, stderr, code := runAsNobody(t, "--db", filepath.Join(open, "claims.db"), "ingest", articles)
	if code != 1 {
		t.Fatalf("want exit 1, got %d: %s", code, stderr)
	}
	wantStderr(t, stderr, closed, "FILE: permission denied")
	if documents, added, _, failed := ingestSummary(t, stdout); documents != 2 || added != 1 || failed != 1 {
		t.Errorf("%d documents, %d added, %d failed; want 2, 1 and 1", documents, added, failed)
	}
}

// TestLedgerTheUserMayNotWrite runs claimtrack as the user nobody on root's
// ledger (mode 644) in a folder anyone may write: it reads it, and ingest
// refuses it in one line rather than failing document by document.
func TestLedgerTheUserMayNotWrite(t *testing.T) {
	if os.Getuid() != 0 {
		t.Skip("needs root, to run claimtrack as another user")
	}
	db := seededDB(t)
	binary := claimtrackBinary(t)
	for _, dir := range []string{filepath.Dir(filepath.Dir(db)), filepath.Dir(db), filepath.Dir(binary)} {
		os.Chmod(dir, 0o777)
	}
	os.Chmod(db, 0o644)
	if out, errOut, code := runAsNobody(t, "--db", db, "claims"); code != 0 || !strings.Contains(out, "Document") {
		t.Errorf("claims: exit %d, %s", code, errOut)
	}
	_, errOut, code := runAsNobody(t, "--db", db, "ingest", filepath.Join(seedsDir, "000_ffc04d7d880bcf82.txt"))
	if want := "claimtrack: " + db + ": the database can be read but not written (a read-only file system, or no permission to write it): ingest cannot store into it\n"; code != 1 || errOut != want {
		t.Errorf("ingest: exit %d, %q", code, errOut)
	}
}
