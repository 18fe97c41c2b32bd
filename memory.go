package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// reconcileBytesPerClaim is the peak memory reconciling takes per claim it
// holds at a time, erring high: the reconciler keeps a compact record of
// each claim (about 200 bytes; an event claim, kept whole, more), the
// comparisons of a series, and the tables of a ledger read in parts.
// Measured (bench/README.md): a million synthetic claims at once peak at
// 295 MB; the 1 GB folder, whose series are larger and richer in findings,
// at 580 MB in parts of a million claims and 497 MiB in parts of 666,666.
const reconcileBytesPerClaim = 700

// defaultReconcileMemory is what reconciling may use unless CLAIMTRACK_MEMORY
// says otherwise: a ledger of up to 571,428 claims is reconciled at once; a
// larger one in parts, reading the claims once more for each.
const defaultReconcileMemory = 400e6

// memoryEnv sets the memory reconciling may use, in bytes or with a unit
// (500MB, 8GB).
const memoryEnv = "CLAIMTRACK_MEMORY"

// claimsPerPart is how many claims a reconciliation may hold at a time:
// CLAIMTRACK_MEMORY's worth, else defaultReconcileMemory's, and never more
// than the memory the system has available.
func claimsPerPart() (int, error) {
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
	return max(1, int(budget/reconcileBytesPerClaim)), nil
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
