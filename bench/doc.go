// Package bench holds claimtrack's benchmarks: the reader's and the ingest
// path's throughput on a generated news corpus (see package corpus), which
// the scripts beside it compare with a peer on the same text. They run only
// with -bench; README.md says how to run them and what they measured.
package bench
