package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"claimtrack/claims"
	"claimtrack/claims/reader"
	"claimtrack/sqlite"
)

// input is one article to ingest: where it comes from and how to read it.
type input struct {
	name, path string
	open       func() (io.ReadCloser, error)
}

// collectInputs expands the command line into articles: files as given,
// folders recursively (their *.txt files, in name order), "-" for stdin.
// Paths that cannot be read are returned as failures, not fatal errors.
func collectInputs(paths []string, stdin io.Reader) ([]input, []error) {
	var inputs []input
	var failures []error
	for _, p := range paths {
		if p == "-" {
			inputs = append(inputs, input{name: "stdin", path: "-", open: func() (io.ReadCloser, error) {
				return io.NopCloser(stdin), nil
			}})
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			failures = append(failures, fmt.Errorf("%s: %w", p, unwrapPathError(err)))
			continue
		}
		if !info.IsDir() {
			inputs = append(inputs, fileInput(p))
			continue
		}
		var found []string
		// A link to a folder named on the command line is followed: the
		// walk starts inside it ("devlink/"), as it would with the slash.
		root := p
		if link, err := os.Lstat(p); err == nil && link.Mode()&fs.ModeSymlink != 0 {
			root = p + string(filepath.Separator)
		}
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				failures = append(failures, fmt.Errorf("%s: %w", path, unwrapPathError(err)))
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() || !strings.EqualFold(filepath.Ext(path), ".txt") {
				return nil
			}
			if err := checkFolderEntry(path, d); err != nil {
				failures = append(failures, fmt.Errorf("%s: %w", path, err))
				return nil
			}
			found = append(found, path)
			return nil
		})
		if err != nil {
			failures = append(failures, fmt.Errorf("%s: %w", p, err))
		}
		sort.Strings(found)
		for _, f := range found {
			inputs = append(inputs, fileInput(f))
		}
	}
	return inputs, failures
}

// checkFolderEntry says why a .txt entry found in a folder cannot be read as
// an article, if it cannot. A symbolic link is followed to a regular file; a
// named pipe or a device is refused, as reading it could block or never end.
func checkFolderEntry(path string, d fs.DirEntry) error {
	mode := d.Type()
	if mode&fs.ModeSymlink != 0 {
		info, err := os.Stat(path)
		if err != nil {
			target, _ := os.Readlink(path)
			return fmt.Errorf("symbolic link to %s, which cannot be read: %w", target, unwrapPathError(err))
		}
		if info.Mode().IsRegular() {
			return nil
		}
		mode = info.Mode().Type()
	}
	switch {
	case mode.IsRegular():
		return nil
	case mode&fs.ModeNamedPipe != 0:
		return errors.New("a named pipe, not a file; skipped")
	case mode&fs.ModeSocket != 0:
		return errors.New("a socket, not a file; skipped")
	case mode&fs.ModeDevice != 0:
		return errors.New("a device, not a file; skipped")
	case mode.IsDir():
		return errors.New("a symbolic link to a folder, which is not followed; skipped")
	}
	return errors.New("not a regular file; skipped")
}

func fileInput(path string) input {
	return input{name: filepath.Base(path), path: path, open: func() (io.ReadCloser, error) { return os.Open(path) }}
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// ingester reads articles and stores them, with their claims, in batches:
// each article whole or not at all, a transaction per batch.
type ingester struct {
	store  *sqlite.DB
	reader *reader.Reader
	opts   reader.ParseOptions
	// published holds the days the ledger's articles were published on, by
	// the city of their dateline, those stored and those read so far: a
	// year-less dateline of the same city is most likely the same story's.
	published publicationDays
	// named holds, by proper name lower-cased, the years of the dated
	// articles whose claims name it as a source or place: an article with
	// no day of its own takes the year of those that name what it names.
	// The stored articles' names (up to storedUpTo) are loaded when the
	// first such article comes; those read are added as they are (a year
	// once, however many articles, so an article read again counts no
	// more).
	named       map[string]map[int]bool
	namedLoaded bool
	storedUpTo  int64
	namedErr    error
}

// newIngester reads articles into db with opts, knowing the days its
// articles were published on.
func newIngester(ctx context.Context, db *sqlite.DB, opts reader.ParseOptions) (*ingester, error) {
	days, err := db.PublicationDays(ctx)
	if err != nil {
		return nil, err
	}
	last, err := db.LastDocumentID(ctx)
	if err != nil {
		return nil, err
	}
	in := &ingester{store: db, reader: reader.NewReader(), opts: opts, published: publicationDays{},
		named: map[string]map[int]bool{}, storedUpTo: last}
	for _, d := range days {
		in.published.add(d)
	}
	return in, nil
}

// publicationDays holds days by the dateline city of the articles published
// on them; a day is its number since 1970.
type publicationDays map[string]map[int64]bool

// nearbyDays is how close to a known publication day an inferred one must
// be to count as the same story's time.
const nearbyDays = 45

func (p publicationDays) add(doc claims.Document) {
	city := doc.DatelineCity()
	if doc.Published.IsZero() || city == "" {
		return
	}
	if p[city] == nil {
		p[city] = map[int64]bool{}
	}
	p[city][doc.Published.Unix()/86400] = true
}

// near reports whether an article of the dateline city was published within
// nearbyDays of d.
func (p publicationDays) near(city string, d claims.Date) bool {
	days := p[city]
	day := d.Unix() / 86400
	for k := day - nearbyDays; k <= day+nearbyDays && days != nil; k++ {
		if days[k] {
			return true
		}
	}
	return false
}

// namedYears gives the years of the dated articles that name name, loading
// the stored articles' names the first time.
func (in *ingester) namedYears(ctx context.Context, name string) map[int]bool {
	if !in.namedLoaded {
		in.namedLoaded = true
		stored, err := in.store.NamedYears(ctx, in.storedUpTo)
		if err != nil {
			in.namedErr = err
			return nil
		}
		for n, years := range stored {
			for y := range years {
				in.addName(n, y)
			}
		}
	}
	return in.named[name]
}

// addNames adds the proper names a dated article's claims give as sources
// and places under its year, as NamedYears lists the stored.
func (in *ingester) addNames(doc claims.Document, found []claims.Claim) {
	day := doc.Reference()
	if day.IsZero() {
		return
	}
	for _, c := range found {
		for _, n := range []string{c.Attribution.Root, c.Place} {
			if n != strings.ToLower(n) {
				in.addName(strings.ToLower(n), day.Year())
			}
		}
	}
}

func (in *ingester) addName(name string, year int) {
	if in.named[name] == nil {
		in.named[name] = map[int]bool{}
	}
	in.named[name][year] = true
}

// A batch is handed to storage when sqlite.BatchFull says so, or when it
// has waited batchWait: small articles share a transaction, and a slow
// source still gets stored (and seen by other readers) as it goes.
const batchWait = time.Second

// readArticle is one input read: its article and the warnings about it, or
// why it could not be read.
type readArticle struct {
	src      input
	article  claims.Article
	warnings []string
	err      error
}

// stored is what became of one article read: whether it was added (false:
// already stored) or why it failed.
type stored struct {
	src      input
	added    bool
	replaced bool // a stored copy with another date or outlet gave way
	claims   int
	err      error
}

// read reads one article and its claims.
func (in *ingester) read(ctx context.Context, src input) readArticle {
	opts := in.opts
	if len(in.published) > 0 {
		opts.Nearby = in.published.near
	}
	opts.Named = func(name string) map[int]bool { return in.namedYears(ctx, name) }
	doc, warnings, err := readDocument(ctx, src, opts)
	if err == nil {
		err = in.namedErr
	}
	if err != nil {
		return readArticle{src: src, err: err}
	}
	if err := in.keepEarlierCorrection(ctx, &doc); err != nil {
		return readArticle{src: src, err: err}
	}
	in.published.add(doc)
	found, err := readClaims(in.reader, &doc)
	if err != nil {
		return readArticle{src: src, err: err}
	}
	in.addNames(doc, found)
	a := claims.Article{Document: doc, Claims: found, CorrectsDate: !in.opts.Date.IsZero(), CorrectsOutlet: in.opts.Outlet != ""}
	return readArticle{src: src, article: a, warnings: warnings}
}

// keepEarlierCorrection gives a document that this run corrects (with
// --date or --outlet) the stored copy's value of the field the run does not
// correct, before its claims are read: ingesting with --outlet after an
// earlier --date keeps that date, and the other way round.
func (in *ingester) keepEarlierCorrection(ctx context.Context, doc *claims.Document) error {
	correctsDate, correctsOutlet := !in.opts.Date.IsZero(), in.opts.Outlet != ""
	if correctsDate == correctsOutlet {
		return nil // neither (nothing to correct) or both (all given)
	}
	published, outlet, ok, err := in.store.StoredDocument(ctx, doc.Hash)
	if err != nil || !ok {
		return err
	}
	if correctsDate {
		doc.Outlet = outlet
	} else if !published.IsZero() {
		doc.Published = published
	}
	return nil
}

// readBatches reads the inputs in order on a goroutine of its own and hands
// them over in batches, so that reading the next batch and storing this one
// run on two cores. At most one batch waits while the caller stores another,
// which bounds the memory held. When ctx is cancelled it stops after the
// article under way and hands over what it has read.
func (in *ingester) readBatches(ctx context.Context, inputs []input) <-chan []readArticle {
	out := make(chan []readArticle, 1)
	go func() {
		defer close(out)
		var batch []readArticle
		var bytes int
		var opened time.Time
		// An article with no date is read again after the others, so that
		// the year the ledger gives it comes from all of them: a blog read
		// before the wire copy of its story (in name order) takes its
		// year, and a run resumed after a crash dates it as one clean run
		// does. Stdin cannot be read twice.
		queue := slices.Clip(inputs)
		for k := 0; k < len(queue); k++ {
			src := queue[k]
			if ctx.Err() != nil {
				break
			}
			if len(batch) == 0 {
				opened = time.Now()
			}
			r := in.read(ctx, src)
			if ctx.Err() != nil && errors.Is(r.err, ctx.Err()) {
				break // interrupted while waiting for the input: not read
			}
			if k < len(inputs) && r.err == nil && src.path != "-" && r.article.Document.Reference().IsZero() {
				queue = append(queue, src)
				continue
			}
			batch = append(batch, r)
			bytes += len(r.article.Document.Text)
			if sqlite.BatchFull(len(batch), bytes) || time.Since(opened) >= batchWait {
				out <- batch
				batch, bytes = nil, 0
			}
		}
		if len(batch) > 0 {
			out <- batch
		}
	}()
	return out
}

// run reads the inputs and stores their articles, batch by batch, handing
// report each batch as read and what became of its articles. What is read
// is stored even when ctx is cancelled meanwhile (Ctrl-C); reading stops
// after the article under way. It returns how many inputs were read, and
// sqlite.ErrDamaged when the database turned out damaged: nothing more is
// written into it then.
func (in *ingester) run(ctx context.Context, inputs []input, report func([]readArticle, []stored)) (int, error) {
	store := context.WithoutCancel(ctx)
	reading, stop := context.WithCancel(ctx)
	defer stop()
	batches := in.readBatches(reading, inputs)
	done := 0
	for batch := range batches {
		results := in.storeBatch(store, batch)
		report(batch, results)
		done += len(batch)
		for _, r := range results {
			if errors.Is(r.err, sqlite.ErrDamaged) {
				stop()
				for range batches { // let the reader end
				}
				return done, r.err
			}
		}
	}
	return done, nil
}

// storeBatch stores the articles of a batch that were read, and says what
// became of each. A failure of the whole batch fails each of its articles:
// none of them was stored.
func (in *ingester) storeBatch(ctx context.Context, batch []readArticle) []stored {
	var articles []claims.Article
	var sources []input
	for _, r := range batch {
		if r.err == nil {
			articles = append(articles, r.article)
			sources = append(sources, r.src)
		}
	}
	if len(articles) == 0 {
		return nil
	}
	results, err := in.store.AddDocuments(ctx, articles)
	out := make([]stored, len(articles))
	for i, a := range articles {
		out[i] = stored{src: sources[i], claims: len(a.Claims), err: err}
		if err == nil {
			out[i].added, out[i].replaced, out[i].err = results[i].Added, results[i].Replaced, results[i].Err
		}
	}
	return out
}

// readClaims runs the reader on one document. A reader bug must cost one
// document, not the whole ingest: a panic becomes that document's error.
func readClaims(r *reader.Reader, doc *claims.Document) (found []claims.Claim, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("reader failed on this document (a claimtrack bug, please report it): %v", p)
		}
	}()
	return r.Read(doc), nil
}

// readDocument reads and parses one input, or gives up with ctx's error
// when ctx is cancelled first.
func readDocument(ctx context.Context, src input, opts reader.ParseOptions) (claims.Document, []string, error) {
	limit := opts.MaxBytes
	if limit <= 0 {
		limit = reader.DefaultMaxDocumentBytes
	}
	raw, err := readInput(ctx, src, limit)
	if err != nil {
		return claims.Document{}, nil, err
	}
	return reader.ParseDocument(src.name, src.path, raw, opts)
}

// readInput reads an input whole. A file over the size limit is refused
// unread, any other input once it has given one byte more than that.
// Opening a named pipe nobody writes to, or reading an idle one, blocks
// without end; the reading runs on a goroutine of its own so that a signal
// (a cancelled ctx) still stops the ingest at once. The process ends soon
// after, and with it the goroutine.
func readInput(ctx context.Context, src input, limit int) ([]byte, error) {
	type result struct {
		raw []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		raw, err := readLimited(src, limit)
		done <- result{raw, err}
	}()
	select {
	case r := <-done:
		return r.raw, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func readLimited(src input, limit int) ([]byte, error) {
	rc, err := src.open()
	if err != nil {
		return nil, unwrapPathError(err)
	}
	defer rc.Close()
	if f, ok := rc.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if info, err := f.Stat(); err == nil && info.Mode().IsRegular() && info.Size() > int64(limit) {
			return nil, fmt.Errorf("%w: file is %s, over the %s limit for one article; not read",
				reader.ErrBadInput, megabytes(info.Size()), megabytes(int64(limit)))
		}
	}
	raw, err := io.ReadAll(io.LimitReader(rc, int64(limit)+1))
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if len(raw) > limit {
		return nil, fmt.Errorf("%w: more than the %s limit for one article; stopped reading there",
			reader.ErrBadInput, megabytes(int64(limit)))
	}
	return raw, nil
}

// megabytes writes a size as the limit's message gives it: 100.0 MB.
func megabytes(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }
