package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"claimtrack/claims"
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
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
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
	store  claims.Store
	reader *claims.Reader
	opts   claims.ParseOptions

	pending   []claims.Article
	sources   []input // where each pending article came from
	bytes     int     // text of the pending articles
	batchOpen time.Time
}

// A batch is stored when it holds sqlite.BatchArticles articles or
// sqlite.BatchBytes of text, or has waited batchWait: small articles share a
// transaction, and a slow source still gets stored (and seen by other
// readers) as it goes.
const batchWait = time.Second

// stored is what became of one article: where it came from, and either
// whether it was added (false: already stored) or why it failed.
type stored struct {
	src    input
	added  bool
	claims int
	err    error
}

// read reads one article and its claims, returning the warnings about it.
func (in *ingester) read(src input) (claims.Article, []string, error) {
	doc, warnings, err := readDocument(src, in.opts)
	if err != nil {
		return claims.Article{}, nil, err
	}
	found, err := readClaims(in.reader, &doc)
	if err != nil {
		return claims.Article{}, nil, err
	}
	if doc.Published.IsZero() && !doc.Inferred.IsZero() {
		warnings = append(warnings, fmt.Sprintf("%s: publication date inferred as %s: %s", doc.Name, doc.Inferred, doc.InferredReason))
	}
	return claims.Article{Document: doc, Claims: found}, warnings, nil
}

// add queues an article for storage and stores the batch when it is full,
// returning what became of the articles stored.
func (in *ingester) add(ctx context.Context, src input, a claims.Article) []stored {
	if len(in.pending) == 0 {
		in.batchOpen = time.Now()
	}
	in.pending = append(in.pending, a)
	in.sources = append(in.sources, src)
	in.bytes += len(a.Document.Text)
	if len(in.pending) < sqlite.BatchArticles && in.bytes < sqlite.BatchBytes && time.Since(in.batchOpen) < batchWait {
		return nil
	}
	return in.flush(ctx)
}

// flush stores the pending articles. A failure of the whole batch fails
// each of its articles: none of them was stored.
func (in *ingester) flush(ctx context.Context) []stored {
	if len(in.pending) == 0 {
		return nil
	}
	results, err := in.store.AddDocuments(ctx, in.pending)
	out := make([]stored, len(in.pending))
	for i, a := range in.pending {
		out[i] = stored{src: in.sources[i], claims: len(a.Claims), err: err}
		if err == nil {
			out[i].added, out[i].err = results[i].Added, results[i].Err
		}
	}
	// Neither the articles' text nor their inputs outlive the batch.
	clear(in.pending)
	clear(in.sources)
	in.pending, in.sources, in.bytes = in.pending[:0], in.sources[:0], 0
	return out
}

// readClaims runs the reader on one document. A reader bug must cost one
// document, not the whole ingest: a panic becomes that document's error.
func readClaims(r *claims.Reader, doc *claims.Document) (found []claims.Claim, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("reader failed on this document (a claimtrack bug, please report it): %v", p)
		}
	}()
	return r.Read(doc), nil
}

// readDocument reads and parses one input. A file over the size limit is
// refused unread, any other input once it has given one byte more than that.
func readDocument(src input, opts claims.ParseOptions) (claims.Document, []string, error) {
	rc, err := src.open()
	if err != nil {
		return claims.Document{}, nil, unwrapPathError(err)
	}
	defer rc.Close()
	limit := opts.MaxBytes
	if limit <= 0 {
		limit = claims.DefaultMaxDocumentBytes
	}
	if f, ok := rc.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if info, err := f.Stat(); err == nil && info.Mode().IsRegular() && info.Size() > int64(limit) {
			return claims.Document{}, nil, fmt.Errorf("%w: file is %s, over the %s limit for one article; not read",
				claims.ErrBadInput, megabytes(info.Size()), megabytes(int64(limit)))
		}
	}
	raw, err := io.ReadAll(io.LimitReader(rc, int64(limit)+1))
	if err != nil {
		return claims.Document{}, nil, unwrapPathError(err)
	}
	if len(raw) > limit {
		return claims.Document{}, nil, fmt.Errorf("%w: more than the %s limit for one article; stopped reading there",
			claims.ErrBadInput, megabytes(int64(limit)))
	}
	return claims.ParseDocument(src.name, src.path, raw, opts)
}

// megabytes writes a size as the limit's message gives it: 100.0 MB.
func megabytes(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }
