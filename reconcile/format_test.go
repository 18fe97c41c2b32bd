package reconcile

import (
	"math"
	"testing"

	"claimtrack/claims"
)

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		v    float64
		want string
	}{
		{1121, "1,121"}, {7.8, "7.8"}, {15383, "15,383"}, {4.8e6, "4.8 million"}, {9e6, "9 million"},
		{3799999, "3,799,999"}, {-2500, "-2,500"}, {math.Inf(1), "∞"}, {100, "100"},
	}
	for _, tt := range tests {
		if got := formatNumber(tt.v); got != tt.want {
			t.Errorf("formatNumber(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestAppendDate(t *testing.T) {
	for _, d := range []claims.Date{claims.NewDate(2024, 12, 17), claims.NewDate(2023, 2, 6), claims.NewDate(812, 1, 1)} {
		if got := string(appendDate(nil, d)); got != d.String() {
			t.Errorf("appendDate = %q, want %q", got, d.String())
		}
	}
}
