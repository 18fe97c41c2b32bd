package main

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
)

// reconcileBytesPerClaim is the memory reconciling takes per claim it holds
// at a time, erring high: the reconciler keeps a compact record of each
// claim (about 200 bytes; an event claim, kept whole, more), the comparisons
// of a series, and room for the garbage collector to work. Measured
// (bench/README.md): a million synthetic claims at once peak at 295 MB; a
// part of the 1 GB folder holds about 250 bytes a claim besides the tables
// that sorting the whole ledger keeps.
const reconcileBytesPerClaim = 700

// defaultReconcileMemory is what reconciling may use unless CLAIMTRACK_MEMORY
// says otherwise: a ledger of up to 500,000 claims is reconciled at once; a
// larger one in parts, reading the claims once more for each. It leaves room
// under 500 MB for what the garbage collector's limit does not hold: the
// program and SQLite outside Go's heap (about 30 MB on the 1 GB folder's
// ledger) and brief overshoots of the limit while the claims are read
// (with 400 MB, the 1 GB folder's ingest peaked at 495,296 KiB).
const defaultReconcileMemory = 350e6

// memoryEnv sets the memory reconciling may use, in bytes or with a unit
// (500MB, 8GB).
const memoryEnv = "CLAIMTRACK_MEMORY"

// reconcileBudget is the memory reconciling may use: CLAIMTRACK_MEMORY's
// worth, else defaultReconcileMemory's, and never more than the memory the
// system has available.
func reconcileBudget() (uint64, error) {
	budget := uint64(defaultReconcileMemory)
	if s := os.Getenv(memoryEnv); s != "" {
		n, err := parseBytes(s)
		if err != nil {
			return 0, fmt.Errorf("%s=%q: %w", memoryEnv, s, err)
		}
		budget = n
	}
	if avail, ok := availableMemory(); ok {
		budget = min(budget, avail)
	}
	return budget, nil
}

// claimsIn is how many claims reconciling may hold at a time in bytes of
// memory, at least one.
func claimsIn(bytes uint64) int {
	return max(1, int(bytes/reconcileBytesPerClaim))
}

// liveHeap is the memory the program's live objects take, counted by a
// garbage collection.
func liveHeap() uint64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return 0 // not measured by this runtime
	}
	return sample[0].Value.Uint64()
}

// limitMemory makes limit the garbage collector's soft memory limit until
// the function it returns is called: it then collects harder, and returns
// freed memory to the system sooner, as the program nears the limit. A
// GOMEMLIMIT the user set is left alone.
func limitMemory(limit uint64) (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" || limit > math.MaxInt64 {
		return func() {}
	}
	previous := debug.SetMemoryLimit(int64(limit))
	return func() { debug.SetMemoryLimit(previous) }
}

// availableMemory is MemAvailable from /proc/meminfo; ok is false where
// that is not known.
func availableMemory() (avail uint64, ok bool) {
	f, err := os.Open("/proc/meminfo")
	if err != nil {
		return 0, false // not Linux
	}
	defer f.Close()
	for lines := bufio.NewScanner(f); lines.Scan(); {
		fields := strings.Fields(lines.Text())
		if len(fields) == 3 && fields[0] == "MemAvailable:" && fields[2] == "kB" {
			if kb, err := strconv.ParseUint(fields[1], 10, 64); err == nil {
				return kb << 10, true
			}
		}
	}
	return 0, false
}

// formatBytes writes a size as parseBytes reads it, rounded: 400 MB, 2.5 GB.
func formatBytes(n uint64) string {
	switch {
	case n >= 1e9:
		return strconv.FormatFloat(float64(n)/1e9, 'f', 1, 64) + " GB"
	case n >= 1e6:
		return strconv.FormatUint(n/1e6, 10) + " MB"
	case n >= 1e3:
		return strconv.FormatUint(n/1e3, 10) + " KB"
	}
	return strconv.FormatUint(n, 10) + " B"
}

// parseBytes reads a size: digits with an optional KB, MB or GB (powers of
// 1,000) or KiB, MiB, GiB suffix.
func parseBytes(s string) (uint64, error) {
	s = strings.TrimSpace(s)
	units := []struct {
		suffix string
		factor uint64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"B", 1}}
	factor := uint64(1)
	for _, u := range units {
		if strings.HasSuffix(strings.ToUpper(s), strings.ToUpper(u.suffix)) {
			s, factor = strings.TrimSpace(s[:len(s)-len(u.suffix)]), u.factor
			break
		}
	}
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("not a size such as 500MB or 8GB")
	}
	return uint64(n * float64(factor)), nil
}
