package bench

import (
	"strings"
	"testing"
	"time"

	"claimtrack/bench/corpus"
	"claimtrack/claims/reader"
)

// longArticle is one article of about size bytes: a header, then the bodies
// of generated articles one after another, as a data dump or a live blog
// stored as a single file would come.
func longArticle(size int) []byte {
	var b strings.Builder
	b.WriteString("title: A long article\ndate: 2024-03-01\noutlet: Reuters\n\n")
	for a := range corpus.Articles(*corpusSeed, corpus.Size(2*size)) {
		_, body, _ := strings.Cut(a.Text, "\n\n")
		if b.Len()+len(body)+2 > size {
			break
		}
		b.WriteString(body)
		b.WriteString("\n\n")
	}
	return []byte(b.String())
}

// BenchmarkReaderLength reads one article of 16 KB, one of 1 MB and one of
// 16 MB (the limit for an article) and reports each one's time per MB side
// by side, with the ratio of the slowest to the fastest: a reader whose cost
// grows linearly with an article's length keeps it near 1.
func BenchmarkReaderLength(b *testing.B) {
	if testing.Short() {
		b.Skip("a 16 MB article: skipped with -short")
	}
	sizes := []struct {
		name string
		size int
	}{{"16KB", 16 << 10}, {"1MB", 1 << 20}, {"16MB", 16 << 20}}
	raws := make([][]byte, len(sizes))
	for i, s := range sizes {
		raws[i] = longArticle(s.size)
	}
	rd := reader.NewReader()
	perMB := make([]float64, len(sizes))
	for b.Loop() {
		for i, raw := range raws {
			// Small articles are read as often as it takes to read 16 MB, so
			// that each size is timed over the same amount of text.
			rounds := max(1, (16<<20)/len(raw))
			start := time.Now()
			for range rounds {
				doc, _, err := reader.ParseDocument("long.txt", "long.txt", raw, reader.ParseOptions{})
				if err != nil {
					b.Fatal(err)
				}
				rd.Read(&doc)
			}
			perMB[i] = time.Since(start).Seconds() * 1000 / (float64(rounds*len(raw)) / (1 << 20))
			b.Logf("%s: %.1f ms per MB", sizes[i].name, perMB[i])
		}
	}
	slowest, fastest := perMB[0], perMB[0]
	for i, s := range sizes {
		b.ReportMetric(perMB[i], "ms/MB-"+s.name)
		slowest, fastest = max(slowest, perMB[i]), min(fastest, perMB[i])
	}
	b.ReportMetric(slowest/fastest, "ratio")
	b.Logf("per MB: 16 KB %.1f ms, 1 MB %.1f ms, 16 MB %.1f ms", perMB[0], perMB[1], perMB[2])
}
