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

	"claimtrack/claims"
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

// ingester reads articles and stores each with its claims in one transaction.
type ingester struct {
	store  claims.Store
	reader *claims.Reader
	opts   claims.ParseOptions
}

type ingestResult struct {
	added    bool
	claims   int
	warnings []string
}

// ingest reads one article, extracts its claims and stores them.
func (in *ingester) ingest(ctx context.Context, src input) (ingestResult, error) {
	doc, warnings, err := readDocument(src, in.opts)
	if err != nil {
		return ingestResult{}, err
	}
	found, err := readClaims(in.reader, &doc)
	if err != nil {
		return ingestResult{}, err
	}
	if doc.Published.IsZero() && !doc.Inferred.IsZero() {
		warnings = append(warnings, fmt.Sprintf("%s: publication date inferred as %s: %s", doc.Name, doc.Inferred, doc.InferredReason))
	}
	added, err := in.store.AddDocument(ctx, doc, found)
	if err != nil {
		return ingestResult{}, err
	}
	return ingestResult{added: added, claims: len(found), warnings: warnings}, nil
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
