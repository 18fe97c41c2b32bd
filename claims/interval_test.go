package claims

import (
	"math"
	"testing"
)

func TestInterval(t *testing.T) {
	inf := math.Inf(1)
	tests := []struct {
		name   string
		value  Value
		opt    Options
		lo, hi float64
	}{
		{"exact allows its rounding", exact(11000), Options{}, 10500, 11500},
		{"exact decimal", exact(7.8), Options{}, 7.75, 7.85},
		{"exact to the unit", exact(1121), Options{}, 1120.5, 1121.5},
		{"exact round millions", exact(4.8e6), Options{}, 4.75e6, 4.85e6},
		{"approximately is ± the tolerance", approx(1000), Options{}, 900, 1100},
		{"approximately with a wider tolerance", approx(1000), Options{Tolerance: 0.25}, 750, 1250},
		{"at least is open above", atLeast(100), Options{}, 100, inf},
		{"more than is open above", moreThan(200), Options{}, 200, inf},
		{"up to is open below", upTo(4.8e6), Options{}, -inf, 4.8e6},
		{"at most is open below", Value{High: num(50), Qualifier: AtMost}, Options{}, -inf, 50},
		{"less than is open below", Value{Low: num(50), Qualifier: LessThan}, Options{}, -inf, 50},
		{"range as given", between(25000, 30000), Options{}, 25000, 30000},
		{"vague from its bounds", vague(300, 800), Options{}, 300, 800},
		{"vague given by its base spans the decade", vague(100, 100), Options{}, 100, 1000},
		{"no figure allows anything", Value{Qualifier: Exact}, Options{}, -inf, inf},
		{"a single figure in the high field", Value{High: num(12), Qualifier: Exact}, Options{}, 11.5, 12.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lo, hi := Interval(Claim{Value: tt.value}, tt.opt)
			if !near(lo, tt.lo) || !near(hi, tt.hi) {
				t.Errorf("Interval = [%v, %v], want [%v, %v]", lo, hi, tt.lo, tt.hi)
			}
		})
	}
}

func near(a, b float64) bool {
	return a == b || math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

func TestRoundingStep(t *testing.T) {
	tests := []struct {
		v, want float64
	}{
		{11000, 500}, {75000, 500}, {1121, 0.5}, {7.8, 0.05}, {17.9, 0.05}, {9e6, 5e5},
		{10, 5}, {0.25, 0.005}, {-300, 50}, {0, 0},
	}
	for _, tt := range tests {
		if got := roundingStep(tt.v); !near(got, tt.want) {
			t.Errorf("roundingStep(%v) = %v, want %v", tt.v, got, tt.want)
		}
	}
}

func num(v float64) *float64 { return &v }
func exact(v float64) Value  { return Value{Low: num(v), High: num(v), Qualifier: Exact} }
func approx(v float64) Value { return Value{Low: num(v), High: num(v), Qualifier: Approximately} }
func atLeast(v float64) Value {
	return Value{Low: num(v), Qualifier: AtLeast}
}
func moreThan(v float64) Value { return Value{Low: num(v), Qualifier: MoreThan} }
func upTo(v float64) Value     { return Value{High: num(v), Qualifier: UpTo} }
func between(lo, hi float64) Value {
	return Value{Low: num(lo), High: num(hi), Qualifier: Range}
}
func vague(lo, hi float64) Value { return Value{Low: num(lo), High: num(hi), Qualifier: Vague} }
