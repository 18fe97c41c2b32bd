package reader

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"claimtrack/claims"
)

// addArticleSeeds seeds a fuzz corpus with the sample articles and, when the
// shared folder is beside the repository, the development articles.
func addArticleSeeds(f *testing.F) {
	for _, pattern := range []string{"../../seeds/*.txt", "../../../shared/eval/dev/corpus/*.txt"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	f.Add([]byte("SEOUL, Dec 19 (Reuters) - About 1,000 were killed, the NIS said on Thursday."))
	f.Add([]byte(" date 2024-01-01 between 10,000 and 15,000 (11 miles) the two"))
}

func FuzzParseDocument(f *testing.F) {
	addArticleSeeds(f)
	f.Fuzz(func(t *testing.T, raw []byte) {
		doc, _, err := ParseDocument("f.txt", "f.txt", raw, ParseOptions{MaxBytes: 1 << 16})
		if err != nil {
			return
		}
		if !utf8.ValidString(doc.Text) || doc.BodyStart < 0 || doc.BodyStart > len(doc.Text) {
			t.Fatalf("bad document: body at %d of %d", doc.BodyStart, len(doc.Text))
		}
	})
}

func FuzzReader(f *testing.F) {
	addArticleSeeds(f)
	r := NewReader()
	f.Fuzz(func(t *testing.T, raw []byte) {
		doc, _, err := ParseDocument("f.txt", "f.txt", raw, ParseOptions{MaxBytes: 1 << 16})
		if err != nil {
			return
		}
		for _, c := range r.Read(&doc) {
			if c.Start < 0 || c.End > len(doc.Text) || c.Start > c.End || doc.Text[c.Start:c.End] != c.Text {
				t.Fatalf("claim span %d..%d does not hold its text %q", c.Start, c.End, c.Text)
			}
			if c.Value.Low != nil && c.Value.High != nil && *c.Value.Low > *c.Value.High {
				t.Fatalf("low %v above high %v in %q", *c.Value.Low, *c.Value.High, c.Text)
			}
		}
		r.Mentions(doc)
		checkLinear(t, r, doc)
	})
}

// checkLinear fails when reading an article's body repeated eight times as
// often takes far more than eight times as long. A path whose cost grows
// with the square of an article's length (each figure looking back through
// everything named before it) costs little in a news article and minutes
// in a 5 MB one; the fuzzer's inputs are short, so the body is repeated to
// make them long enough to show it.
func checkLinear(t *testing.T, r *Reader, doc claims.Document) {
	body := doc.Text[doc.BodyStart:]
	if strings.TrimSpace(body) == "" {
		return
	}
	copies := max(1, (16<<10)/(len(body)+2))
	small, large := repeatBody(doc, copies), repeatBody(doc, 8*copies)
	ts, tl := fastestRead(r, small), fastestRead(r, large)
	if tl > 16*ts+50*time.Millisecond {
		t.Fatalf("reading %d bytes took %v, %d bytes %v: more than linear", len(small.Text), ts, len(large.Text), tl)
	}
}

// repeatBody is doc with its body written n times over.
func repeatBody(doc claims.Document, n int) claims.Document {
	body := strings.TrimRight(doc.Text[doc.BodyStart:], "\n") + "\n\n"
	doc.Text = doc.Text[:doc.BodyStart] + strings.Repeat(body, n)
	return doc
}

// fastestRead is the shortest of three readings of doc, which the machine's
// other work lengthens least.
func fastestRead(r *Reader, doc claims.Document) time.Duration {
	best := time.Duration(math.MaxInt64)
	for range 3 {
		d := doc
		start := time.Now()
		r.Read(&d)
		best = min(best, time.Since(start))
	}
	return best
}
