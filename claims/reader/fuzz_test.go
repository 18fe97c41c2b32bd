package reader

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
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
	})
}
