package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"

	"claimtrack/reports"
)

// reconcileBytesPerClaim is the peak memory reconciling takes per stored
// claim, erring high: the reconciler holds a compact record of every claim
// (about 200 bytes; an event claim, kept whole, more) and writes its
// findings as it goes. Measured peaks: 295 MB for a million claims, 3.69 GB
// for 7.7 million of which 656,679 events (bench/README.md).
const reconcileBytesPerClaim = 800

// memoryEnv sets the memory reconciling may use, in bytes or with a unit
// (500MB, 8GB); without it, what the system reports available.
const memoryEnv = "CLAIMTRACK_MEMORY"

// tooLargeToReconcile is why a ledger is not reconciled: it would need more
// memory than there is.
type tooLargeToReconcile struct {
	claims      int
	need, avail uint64
	source      string // where avail comes from
}

func (e tooLargeToReconcile) Error() string {
	return fmt.Sprintf("%s claims need about %s of memory to reconcile and %s has %s; not started "+
		"(keep smaller ledgers, one per story or period, with --db)",
		reports.FormatCount(e.claims), gigabytes(e.need), e.source, gigabytes(e.avail))
}

// checkReconcileMemory says whether reconciling claims fits in the memory
// available, when that is known.
func checkReconcileMemory(claims int) error {
	avail, source, err := availableMemory()
	if err != nil {
		return err
	}
	need := uint64(claims) * reconcileBytesPerClaim
	if source == "" || need <= avail {
		return nil
	}
	return tooLargeToReconcile{claims: claims, need: need, avail: avail, source: source}
}

// availableMemory is CLAIMTRACK_MEMORY when set, else MemAvailable from
// /proc/meminfo; source "" when neither is known.
func availableMemory() (avail uint64, source string, err error) {
	if s := os.Getenv(memoryEnv); s != "" {
		n, err := parseBytes(s)
		if err != nil {
			return 0, "", fmt.Errorf("%s=%q: %w", memoryEnv, s, err)
		}
		return n, memoryEnv, nil
	}
	f, err := os.Open("/proc/meminfo")
	if err != nil {
		return 0, "", nil // not Linux: no check
	}
	defer f.Close()
	for lines := bufio.NewScanner(f); lines.Scan(); {
		fields := strings.Fields(lines.Text())
		if len(fields) == 3 && fields[0] == "MemAvailable:" && fields[2] == "kB" {
			if kb, err := strconv.ParseUint(fields[1], 10, 64); err == nil {
				return kb << 10, "the system", nil
			}
		}
	}
	return 0, "", nil
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

// gigabytes writes a size for people: 30.9 GB, 450 MB, 112 KB.
func gigabytes(n uint64) string {
	switch {
	case n >= 1e9:
		return fmt.Sprintf("%.1f GB", float64(n)/1e9)
	case n >= 1e6:
		return fmt.Sprintf("%.0f MB", float64(n)/1e6)
	}
	return fmt.Sprintf("%.0f KB", float64(n)/1e3)
}
