package claims

import (
	"math"
	"strconv"
	"strings"
)

// DefaultTolerance is the share either side of an approximate figure that
// still counts as the same figure.
const DefaultTolerance = 0.10

// Options are the choices that change what a reconciliation finds. They are
// stored with the reconciliation they produced, so that every report shows
// claims as that reconciliation compared them.
type Options struct {
	// Tolerance is approximately ± this share; 0 means DefaultTolerance.
	Tolerance float64
}

// EffectiveTolerance is the tolerance in force: the chosen one, or the default.
func (o Options) EffectiveTolerance() float64 {
	if o.Tolerance > 0 {
		return o.Tolerance
	}
	return DefaultTolerance
}

// Interval is the range of true values a claim allows, after its qualifier:
// an exact figure allows its rounding (11,000 is 10,500–11,500, 7.8 is
// 7.75–7.85), an approximate one ± the tolerance, a bound is open on one side
// (-Inf or +Inf), a range or a vague amount spans its stated bounds.
func Interval(c Claim, opt Options) (lo, hi float64) {
	low, high, ok := c.Value.Stated()
	if !ok {
		return math.Inf(-1), math.Inf(1)
	}
	switch c.Value.Qualifier {
	case AtLeast, MoreThan:
		return low, math.Inf(1)
	case AtMost, LessThan, UpTo:
		return math.Inf(-1), high
	case Approximately:
		t := opt.EffectiveTolerance()
		return low - t*math.Abs(low), high + t*math.Abs(high)
	case Range:
		return bound(c.Value.Low, math.Inf(-1)), bound(c.Value.High, math.Inf(1))
	case Vague:
		if low == high {
			// A vague amount given only by its base ("hundreds" as 100)
			// spans the decade above it.
			return low, 10 * low
		}
		return bound(c.Value.Low, math.Inf(-1)), bound(c.Value.High, math.Inf(1))
	}
	return low - roundingStep(low), high + roundingStep(high)
}

// Stated returns the stated figures; a single figure may sit in either field.
func (v Value) Stated() (low, high float64, ok bool) {
	return StatedFigures(StatedOrNaN(v.Low), StatedOrNaN(v.High))
}

// StatedFigures is Stated for figures given as numbers, NaN when not stated.
func StatedFigures(low, high float64) (float64, float64, bool) {
	lowSet, highSet := !math.IsNaN(low), !math.IsNaN(high)
	switch {
	case lowSet && highSet:
		return low, high, true
	case lowSet:
		return low, low, true
	case highSet:
		return high, high, true
	}
	return 0, 0, false
}

// StatedOrNaN is a stated bound as a number, NaN when it is open.
func StatedOrNaN(p *float64) float64 {
	if p == nil {
		return math.NaN()
	}
	return *p
}

func bound(p *float64, open float64) float64 {
	if p == nil {
		return open
	}
	return *p
}

// roundingStep is half a unit of a figure's last significant digit: what an
// exact figure may have been rounded by (11,000 → 500, 7.8 → 0.05, 1,121 → 0.5).
func roundingStep(v float64) float64 {
	if v == 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0
	}
	digits := strconv.FormatFloat(math.Abs(v), 'f', -1, 64)
	if _, decimals, ok := strings.Cut(digits, "."); ok {
		return 0.5 * math.Pow10(-len(decimals))
	}
	zeros := len(digits) - len(strings.TrimRight(digits, "0"))
	return 0.5 * math.Pow10(zeros)
}
