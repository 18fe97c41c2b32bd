package sqlite_test

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"claimtrack/claims"
	"claimtrack/sqlite"
)

func TestClaimsFilter(t *testing.T) {
	db := openDB(t, tempPath(t))
	if _, err := db.AddDocument(t.Context(), docA, claimsOfA()); err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddDocument(t.Context(), docB, claimsOfB()); err != nil {
		t.Fatal(err)
	}

	nov5 := claims.NewDate(2024, time.November, 5)
	for _, tt := range []struct {
		name   string
		filter sqlite.ClaimFilter
		want   []string
	}{
		{"all", sqlite.ClaimFilter{}, []string{"a-1", "a-2", "b-1", "b-2"}},
		{"document", sqlite.ClaimFilter{Document: docB.Name}, []string{"b-1", "b-2"}},
		{"unknown document", sqlite.ClaimFilter{Document: "nope.txt"}, nil},
		{"unit", sqlite.ClaimFilter{Unit: "soldiers"}, []string{"a-1"}},
		{"kind", sqlite.ClaimFilter{Kind: claims.KindEvent}, []string{"b-2"}},
		{"search word", sqlite.ClaimFilter{Search: "shells"}, []string{"a-2"}},
		{"search phrase", sqlite.ClaimFilter{Search: `"north korean"`}, []string{"a-1"}},
		{"search subject", sqlite.ClaimFilter{Search: "subject:troops"}, []string{"b-1"}},
		{"since", sqlite.ClaimFilter{Since: claims.NewDate(2025, time.January, 1)}, []string{"b-1"}},
		{"until", sqlite.ClaimFilter{Until: claims.NewDate(2024, time.December, 31)}, []string{"a-1"}},
		{"since and until inclusive", sqlite.ClaimFilter{Since: nov5, Until: nov5}, []string{"a-1"}},
		{"combined", sqlite.ClaimFilter{Unit: "soldiers", Since: claims.NewDate(2025, time.January, 1)}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := db.Claims(t.Context(), tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(ids(got), tt.want) {
				t.Errorf("Claims(%+v) = %q, want %q", tt.filter, ids(got), tt.want)
			}
		})
	}
}

// TestClaimsWithoutSentences checks that NoSentences leaves out the sentences
// and nothing else.
func TestClaimsWithoutSentences(t *testing.T) {
	db := openDB(t, tempPath(t))
	for _, doc := range []struct {
		d claims.Document
		c []claims.Claim
	}{{docA, claimsOfA()}, {docB, claimsOfB()}} {
		if _, err := db.AddDocument(t.Context(), doc.d, doc.c); err != nil {
			t.Fatal(err)
		}
	}
	whole, err := db.Claims(t.Context(), sqlite.ClaimFilter{})
	if err != nil {
		t.Fatal(err)
	}
	lean, err := db.Claims(t.Context(), sqlite.ClaimFilter{NoSentences: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(lean) != len(whole) || len(whole) == 0 {
		t.Fatalf("%d claims without sentences, %d with", len(lean), len(whole))
	}
	for i := range whole {
		if whole[i].Sentence == "" || lean[i].Sentence != "" {
			t.Errorf("claim %s: sentence %q with, %q without", whole[i].ID, whole[i].Sentence, lean[i].Sentence)
		}
		lean[i].Sentence = whole[i].Sentence
		if !reflect.DeepEqual(lean[i], whole[i]) {
			t.Errorf("claim %s without sentences:\n%+v\nwant\n%+v", whole[i].ID, lean[i], whole[i])
		}
	}
}

// TestSentences reads the sentences of the claims named, in batches, and
// those only: what a listing loaded without them quotes.
func TestSentences(t *testing.T) {
	db := openDB(t, tempPath(t))
	for _, doc := range []struct {
		d claims.Document
		c []claims.Claim
	}{{docA, claimsOfA()}, {docB, claimsOfB()}} {
		if _, err := db.AddDocument(t.Context(), doc.d, doc.c); err != nil {
			t.Fatal(err)
		}
	}
	whole, err := db.Claims(t.Context(), sqlite.ClaimFilter{})
	if err != nil {
		t.Fatal(err)
	}
	named := []string{whole[0].ID, whole[len(whole)-1].ID, "no-such-claim"}
	got, err := db.Sentences(t.Context(), named)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{whole[0].ID: whole[0].Sentence, whole[len(whole)-1].ID: whole[len(whole)-1].Sentence}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sentences %q, want %q", got, want)
	}
	// More ids than one query asks for.
	many := make([]string, 0, 1200)
	for i := range 1200 {
		many = append(many, whole[i%len(whole)].ID)
	}
	if got, err := db.Sentences(t.Context(), many); err != nil || len(got) != len(whole) {
		t.Errorf("%d sentences for %d claims named in 1,200 ids (%v)", len(got), len(whole), err)
	}
}

func TestClaimsBadSearch(t *testing.T) {
	db := openDB(t, tempPath(t))
	if _, err := db.AddDocument(t.Context(), docA, claimsOfA()); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Claims(t.Context(), sqlite.ClaimFilter{Search: `"unbalanced`}); err == nil {
		t.Error("Claims with a malformed search succeeded")
	}
}
