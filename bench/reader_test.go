package bench

import (
	"flag"
	"testing"

	"claimtrack/bench/corpus"
	"claimtrack/claims"
	"claimtrack/claims/reader"
)

// The corpus every benchmark reads; the compare scripts pass both flags so
// that their peers read the same text.
var (
	corpusSeed = flag.Int64("corpus.seed", 1, "seed of the generated corpus")
	corpusSize = corpus.Size(1e6)
)

func init() {
	flag.Var(&corpusSize, "corpus.size", "size of the generated corpus, such as 64KB or 1MB")
}

// article is a generated article as ingest gets it: a file name and raw bytes.
type article struct {
	name string
	raw  []byte
}

// generate returns the benchmark corpus and its size in bytes.
func generate() ([]article, int64) {
	var articles []article
	var size int64
	for a := range corpus.Articles(*corpusSeed, corpusSize) {
		articles = append(articles, article{name: a.Name(), raw: []byte(a.Text)})
		size += int64(len(a.Text))
	}
	return articles, size
}

// BenchmarkReader measures reader.Reader alone: one pass over the parsed
// corpus per iteration, on one goroutine.
func BenchmarkReader(b *testing.B) {
	articles, size := generate()
	docs := make([]claims.Document, len(articles))
	for i, a := range articles {
		doc, _, err := reader.ParseDocument(a.name, a.name, a.raw, reader.ParseOptions{})
		if err != nil {
			b.Fatalf("%s: %v", a.name, err)
		}
		docs[i] = doc
	}
	rd := reader.NewReader()
	b.SetBytes(size)
	b.ReportAllocs()
	var found int
	for b.Loop() {
		found = 0
		for _, parsed := range docs {
			// Read fills in an inferred publication date; every pass starts
			// from the document as parsed.
			doc := parsed
			found += len(rd.Read(&doc))
		}
	}
	b.ReportMetric(float64(found)/(float64(size)/1e6), "claims/MB")
}
