package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"claimtrack/claims"
	"claimtrack/claims/reader"
	"claimtrack/sqlite"
)

// BenchmarkIngest measures what `claimtrack ingest` does for each article
// once its bytes are read: parse, read claims, store the documents and their
// claims in batches of the size ingest uses, a transaction each. Each iteration ingests the whole corpus into a
// new database file, since a stored article would be skipped the second time.
func BenchmarkIngest(b *testing.B) {
	articles, size := generate()
	ctx := context.Background()
	rd := reader.NewReader()
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
		var batch []claims.Article
		size := 0
		store := func() {
			stored, err := db.AddDocuments(ctx, batch)
			if err != nil {
				b.Fatal(err)
			}
			for i, s := range stored {
				if s.Err != nil || !s.Added {
					b.Fatalf("%s: not added (%v); the corpus repeats an article?", batch[i].Document.Name, s.Err)
				}
			}
			batch, size = batch[:0], 0
		}
		for _, a := range articles {
			doc, _, err := reader.ParseDocument(a.name, a.name, a.raw, reader.ParseOptions{})
			if err != nil {
				b.Fatalf("%s: %v", a.name, err)
			}
			batch = append(batch, claims.Article{Document: doc, Claims: rd.Read(&doc)})
			if size += len(doc.Text); sqlite.BatchFull(len(batch), size) {
				store()
			}
		}
		store()
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
