// Command genledger writes a reconciled claimtrack database of synthetic
// claims (synthetic.Claims), for the audit latency benchmark: documents
// stored one transaction each as ingest stores them, then one reconciliation.
//
//	genledger -claims 1000000 -db ledger-1M.db
package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"claimtrack/bench/synthetic"
	"claimtrack/claims"
	"claimtrack/reconcile"
	"claimtrack/sqlite"
)

func main() {
	n := flag.Int("claims", 1_000_000, "number of claims")
	seed := flag.Int64("seed", 1, "seed: the same seed writes the same claims")
	path := flag.String("db", "", "database `FILE` to write; it must not exist yet")
	flag.Parse()
	if *path == "" || flag.NArg() > 0 || *n <= 0 {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: genledger [-claims N] [-seed N] -db FILE")
		flag.PrintDefaults()
		os.Exit(2)
	}
	if err := run(context.Background(), *n, *seed, *path); err != nil {
		fmt.Fprintf(os.Stderr, "genledger: %v\n", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, n int, seed int64, path string) error {
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("%s exists; give a new file", path)
	}
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		return err
	}
	defer db.Close()

	start := time.Now()
	entries := synthetic.Claims(n, seed)
	documents := 0
	// synthetic.Claims gives each article's claims one after another.
	for i := 0; i < len(entries); {
		j := i + 1
		for j < len(entries) && entries[j].Document == entries[i].Document {
			j++
		}
		doc, cs := document(entries[i:j])
		if _, err := db.AddDocument(ctx, doc, cs); err != nil {
			return err
		}
		documents++
		i = j
	}
	fmt.Fprintf(os.Stderr, "genledger: stored %d claims in %d documents in %v\n", len(entries), documents, time.Since(start).Round(time.Second))

	start = time.Now()
	rec := reconcile.New(claims.Options{})
	set, err := db.EachClaimToReconcile(ctx, rec.Add)
	if err != nil {
		return err
	}
	if err := db.ReplaceReconciliation(ctx, set, claims.Options{}, rec.Reconcile); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "genledger: reconciled in %v\n", time.Since(start).Round(time.Second))
	return nil
}

// document makes the article that states the claims of one synthetic
// document: its sentences, one per line.
func document(entries []claims.Entry) (claims.Document, []claims.Claim) {
	first := entries[0]
	lines := []string{" date " + first.Published.String() + " " + first.Document}
	cs := make([]claims.Claim, len(entries))
	for k, e := range entries {
		lines = append(lines, e.Sentence)
		cs[k] = e.Claim
	}
	text := strings.Join(lines, "\n")
	sum := sha256.Sum256([]byte(text))
	doc := claims.Document{
		Name: first.Document, Path: first.Document, Hash: hex.EncodeToString(sum[:]),
		Outlet: first.Outlet, Published: first.Published, Text: text, Names: first.Names,
	}
	return doc, cs
}
