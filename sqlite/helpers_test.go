package sqlite_test

import (
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"claimtrack/claims"
	"claimtrack/sqlite"
)

// openDB opens a claimtrack database at path and closes it when the test ends.
func openDB(t *testing.T, path string) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := db.Close(); err != nil {
			t.Error(err)
		}
	})
	return db
}

// tempPath names a database file that does not exist yet.
func tempPath(t *testing.T) string {
	return filepath.Join(t.TempDir(), "claims.db")
}

// openRaw opens the file with the bare driver, to see what the package wrote.
func openRaw(t *testing.T, path string) *sql.DB {
	t.Helper()
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	return raw
}

func countRows(t *testing.T, raw *sql.DB, table string) int {
	t.Helper()
	var n int
	if err := raw.QueryRowContext(t.Context(), "SELECT count(*) FROM "+table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func number(v float64) *float64 { return &v }

// Two documents: one published with a full date, one whose date was inferred.
var (
	docA = claims.Document{
		Name:          "001_a.txt",
		Path:          "seeds/001_a.txt",
		Hash:          "aaaa",
		Outlet:        "ANI",
		Published:     claims.NewDate(2024, time.November, 5),
		Dateline:      "Kyiv, Nov 5",
		DatelineMonth: time.November,
		DatelineDay:   5,
		BodyStart:     12,
		Text:          "Kyiv, Nov 5 An estimated 11,000 North Korean soldiers are in Kursk. At least 100 artillery shells more are planned.",
	}
	docB = claims.Document{
		Name:           "002_b.txt",
		Path:           "-",
		Hash:           "bbbb",
		Dateline:       "Seoul, Jan 27",
		DatelineMonth:  time.January,
		DatelineDay:    27,
		Inferred:       claims.NewDate(2025, time.January, 27),
		InferredReason: "Monday named for the dateline's day",
		BodyStart:      14,
		Text:           "Seoul, Jan 27 Nearly 40% of the troops were wounded, the Pentagon said. Pyongyang held a parade.",
	}
)

// claimsOfA covers every field, set and unset.
func claimsOfA() []claims.Claim {
	return []claims.Claim{
		{
			ID:       "a-2",
			Document: docA.Name,
			Kind:     claims.KindQuantity,
			Text:     "At least 100 artillery shells",
			Sentence: "At least 100 artillery shells more are planned.",
			Start:    68,
			End:      97,
			Value:    claims.Value{Low: number(100), Qualifier: claims.AtLeast},
			Unit:     "artillery shells",
			Subject:  "artillery shells",
			Measure:  "sent",
			Modality: claims.Planned,
			// In the outlet's own voice: no chain, no root, no dates.
			Incremental: true,
		},
		{
			ID:       "a-1",
			Document: docA.Name,
			Kind:     claims.KindQuantity,
			Text:     "An estimated 11,000 North Korean soldiers",
			Sentence: "An estimated 11,000 North Korean soldiers are in Kursk.",
			Start:    12,
			End:      53,
			Value:    claims.Value{Low: number(11000), High: number(11000), Qualifier: claims.Approximately},
			Unit:     "soldiers",
			Subject:  "North Korean soldiers",
			Measure:  "sent",
			Modality: claims.Actual,
			Place:    "Kursk",
			AsOf:     claims.NewDate(2024, time.November, 5),
			Period: claims.Period{
				Start:     claims.NewDate(2024, time.October, 1),
				End:       claims.NewDate(2024, time.November, 5),
				Precision: claims.PrecisionMonth,
			},
			Attribution: claims.Attribution{
				Chain: []string{"ANI", "CNN", "Ukrainian intelligence"},
				Root:  "Ukrainian intelligence",
			},
			Group:  "north-korean-troops",
			Series: "north-korean-troops/soldiers-sent",
		},
	}
}

func claimsOfB() []claims.Claim {
	return []claims.Claim{
		{
			ID:          "b-1",
			Document:    docB.Name,
			Kind:        claims.KindQuantity,
			Text:        "Nearly 40% of the troops",
			Sentence:    "Nearly 40% of the troops were wounded, the Pentagon said.",
			Start:       14,
			End:         38,
			Value:       claims.Value{Low: number(40), High: number(40), Qualifier: claims.Approximately},
			Unit:        "percent",
			Subject:     "the troops",
			Measure:     "wounded",
			Modality:    claims.Actual,
			AsOf:        claims.NewDate(2025, time.January, 27),
			Attribution: claims.Attribution{Chain: []string{"KBS", "the  Pentagon"}, Root: "Pentagon"},
		},
		{
			ID:       "b-2",
			Document: docB.Name,
			Kind:     claims.KindEvent,
			Text:     "Pyongyang held a parade",
			Sentence: "Pyongyang held a parade.",
			Start:    72,
			End:      95,
			Modality: claims.Actual,
			Actors:   []string{"Kim Jong Un", "Choe Son Hui"},
			Action:   "held",
			Object:   "parade",
			Ordinal:  2,
		},
	}
}

// entries is what Claims gives back for cs stored with doc.
func entries(doc claims.Document, cs ...claims.Claim) []claims.Entry {
	var es []claims.Entry
	for _, c := range cs {
		es = append(es, claims.Entry{Claim: c, Outlet: doc.Outlet, Published: doc.Published,
			Inferred: doc.Inferred, InferredReason: doc.InferredReason})
	}
	return es
}

func ids(es []claims.Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.ID)
	}
	return out
}
