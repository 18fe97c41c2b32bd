package sqlite_test

import (
	"sync"
	"testing"

	"claimtrack/sqlite"
)

// Writers racing to store the same article, each on a connection of its own
// as separate processes would be: one stores it, the others skip it, and none
// fails on the hash's UNIQUE constraint.
func TestAddDocumentRaceStoresOnce(t *testing.T) {
	path := tempPath(t)
	openDB(t, path) // the schema exists before the race
	const writers = 4
	handles := make([]*sqlite.DB, writers)
	for i := range handles {
		handles[i] = openDB(t, path)
	}
	added := make([]bool, writers)
	errs := make([]error, writers)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i, db := range handles {
		wg.Go(func() {
			<-start
			added[i], errs[i] = db.AddDocument(t.Context(), docA, claimsOfA())
		})
	}
	close(start)
	wg.Wait()

	stored := 0
	for i := range writers {
		if errs[i] != nil {
			t.Errorf("writer %d: %v", i, errs[i])
		}
		if added[i] {
			stored++
		}
	}
	if stored != 1 {
		t.Errorf("%d writers report storing the document, want 1", stored)
	}
	raw := openRaw(t, path)
	if docs, cs := countRows(t, raw, "documents"), countRows(t, raw, "claims"); docs != 1 || cs != len(claimsOfA()) {
		t.Errorf("stored %d documents and %d claims, want 1 and %d", docs, cs, len(claimsOfA()))
	}
}
