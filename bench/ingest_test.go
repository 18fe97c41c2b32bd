package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"claimtrack/claims"
	"claimtrack/sqlite"
)

// BenchmarkIngest measures what `claimtrack ingest` does for each article
// once its bytes are read: parse, read claims, store the document and its
// claims in one transaction. Each iteration ingests the whole corpus into a
// new database file, since a stored article would be skipped the second time.
func BenchmarkIngest(b *testing.B) {
	articles, size := generate()
	ctx := context.Background()
	reader := claims.NewReader()
	dir := b.TempDir()
	b.SetBytes(size)
	b.ReportAllocs()
	run := 0
	for b.Loop() {
		b.StopTimer()
		run++
		path := filepath.Join(dir, fmt.Sprintf("ingest-%d.db", run))
		db, err := sqlite.Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for _, a := range articles {
			doc, _, err := claims.ParseDocument(a.name, a.name, a.raw, claims.ParseOptions{})
			if err != nil {
				b.Fatalf("%s: %v", a.name, err)
			}
			added, err := db.AddDocument(ctx, doc, reader.Read(&doc))
			if err != nil {
				b.Fatal(err)
			}
			if !added {
				b.Fatalf("%s: skipped as already stored; the corpus repeats an article", a.name)
			}
		}
		b.StopTimer()
		if err := db.Close(); err != nil {
			b.Fatal(err)
		}
		// Keep one database on disk at a time.
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(path + suffix)
		}
		b.StartTimer()
	}
}
