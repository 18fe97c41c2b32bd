// Command gencorpus writes the synthetic news corpus of claimtrack's
// benchmarks, as one text or as a folder of one article per file.
//
//	gencorpus -size 64KB -o corpus.txt
//	gencorpus -size 1GB -dir corpus/
package main

import (
	"flag"
	"fmt"
	"os"

	"claimtrack/bench/corpus"
)

func main() {
	seed := flag.Int64("seed", 1, "seed: the same seed writes the same bytes")
	size := corpus.Size(1e6)
	flag.Var(&size, "size", "total size of the articles, such as 64KB, 100MB or 1GB (whole articles, so slightly more)")
	out := flag.String("o", "-", "write the articles to this file, separated by blank lines (- for standard output)")
	dir := flag.String("dir", "", "write one file per article into this new or empty folder instead")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: gencorpus [-seed N] [-size SIZE] [-o FILE | -dir FOLDER]\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 || (*dir != "" && *out != "-") {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*seed, size, *out, *dir); err != nil {
		fmt.Fprintf(os.Stderr, "gencorpus: %v\n", err)
		os.Exit(1)
	}
}

func run(seed int64, size corpus.Size, out, dir string) error {
	var articles int
	var written int64
	var err error
	switch {
	case dir != "":
		articles, written, err = corpus.WriteDir(dir, seed, size)
		out = dir
	case out == "-":
		articles, written, err = corpus.WriteText(os.Stdout, seed, size)
		out = "standard output"
	default:
		articles, written, err = writeFile(out, seed, size)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gencorpus: %d articles, %d bytes to %s\n", articles, written, out)
	return nil
}

func writeFile(path string, seed int64, size corpus.Size) (int, int64, error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, 0, err
	}
	articles, written, err := corpus.WriteText(f, seed, size)
	if closeErr := f.Close(); err == nil {
		err = closeErr
	}
	return articles, written, err
}
