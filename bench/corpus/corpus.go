// Package corpus generates synthetic news articles for claimtrack's
// benchmarks: wire copy about troops, munitions, drone strikes, earthquakes
// and protests, with the quantity, attribution and dateline forms real
// articles use, mixed with sentences that name years and dates but state no
// figure.
//
// Article i of a corpus depends only on the seed and i, so the same seed
// always gives byte-identical output on every platform and Go version (the
// generator carries its own random number generator), and a smaller corpus
// is a prefix of a larger one with the same seed.
package corpus

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Article is one generated news story.
type Article struct {
	Index int
	Text  string
}

// Name is the article's file name: its index, zero-padded so that name
// order is generation order.
func (a Article) Name() string { return fmt.Sprintf("%07d.txt", a.Index) }

// Articles yields articles 0, 1, 2, … of the corpus for seed until their
// total length reaches size bytes, so it yields at least one article.
func Articles(seed int64, size Size) iter.Seq[Article] {
	return func(yield func(Article) bool) {
		var total int64
		for i := 0; i == 0 || total < int64(size); i++ {
			a := Article{Index: i, Text: write(seed, i)}
			if !yield(a) {
				return
			}
			total += int64(len(a.Text))
		}
	}
}

// WriteText writes the corpus as one text, articles separated by a blank
// line, and returns the number of articles and bytes written.
func WriteText(w io.Writer, seed int64, size Size) (articles int, written int64, err error) {
	bw := bufio.NewWriter(w)
	for a := range Articles(seed, size) {
		if articles > 0 {
			if err := bw.WriteByte('\n'); err != nil {
				return articles, written, err
			}
			written++
		}
		n, err := bw.WriteString(a.Text)
		written += int64(n)
		if err != nil {
			return articles, written, err
		}
		articles++
	}
	return articles, written, bw.Flush()
}

// articlesPerFolder keeps folders small enough to list quickly even for a
// corpus of hundreds of thousands of articles.
const articlesPerFolder = 1000

// WriteDir writes the corpus one article per file, as dir/0000/0000123.txt,
// holding one article in memory at a time. dir must be empty or absent, so
// that a regenerated corpus never mixes with the files of an earlier one.
func WriteDir(dir string, seed int64, size Size) (articles int, written int64, err error) {
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return 0, 0, err
	}
	if len(entries) > 0 {
		return 0, 0, fmt.Errorf("%s is not empty; give a new or empty folder", dir)
	}
	for a := range Articles(seed, size) {
		folder := filepath.Join(dir, fmt.Sprintf("%04d", a.Index/articlesPerFolder))
		if a.Index%articlesPerFolder == 0 {
			if err := os.MkdirAll(folder, 0o755); err != nil {
				return articles, written, err
			}
		}
		if err := os.WriteFile(filepath.Join(folder, a.Name()), []byte(a.Text), 0o644); err != nil {
			return articles, written, err
		}
		articles++
		written += int64(len(a.Text))
	}
	return articles, written, nil
}

// Size is a number of bytes that reads and prints as "64KB", "1MB", "1GB"
// (decimal units, as Go benchmarks report MB/s) or a plain byte count.
type Size int64

var sizeUnits = []struct {
	suffix string
	bytes  int64
}{{"GB", 1e9}, {"MB", 1e6}, {"KB", 1e3}, {"B", 1}}

// ParseSize reads a size such as "64KB", "1.5MB" or "1000000".
func ParseSize(s string) (Size, error) {
	text := strings.ToUpper(strings.TrimSpace(s))
	unit := int64(1)
	for _, u := range sizeUnits {
		if number, ok := strings.CutSuffix(text, u.suffix); ok {
			text, unit = strings.TrimSpace(number), u.bytes
			break
		}
	}
	n, err := strconv.ParseFloat(text, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("size %q is not a positive number of bytes such as 64KB, 1MB or 1GB", s)
	}
	return Size(n * float64(unit)), nil
}

func (s Size) String() string {
	for _, u := range sizeUnits {
		if int64(s) >= u.bytes && int64(s)%u.bytes == 0 {
			return strconv.FormatInt(int64(s)/u.bytes, 10) + u.suffix
		}
	}
	return strconv.FormatInt(int64(s), 10) + "B"
}

// Set implements flag.Value.
func (s *Size) Set(text string) error {
	parsed, err := ParseSize(text)
	if err != nil {
		return err
	}
	*s = parsed
	return nil
}
