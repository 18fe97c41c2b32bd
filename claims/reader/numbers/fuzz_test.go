package numbers

import (
	"math"
	"testing"
)

func FuzzScan(f *testing.F) {
	for _, tc := range scanTests {
		f.Add(tc.in)
	}
	f.Add(newsParagraph)
	f.Fuzz(func(t *testing.T, s string) {
		prevEnd := 0
		for _, n := range Scan(s) {
			if n.Start < prevEnd || n.End <= n.Start || n.End > len(s) {
				t.Fatalf("Scan(%q): %q at [%d,%d) after %d", s, n.Text, n.Start, n.End, prevEnd)
			}
			if n.Text != s[n.Start:n.End] {
				t.Fatalf("Scan(%q): Text %q is not s[%d:%d]", s, n.Text, n.Start, n.End)
			}
			if math.IsNaN(n.Low) || math.IsNaN(n.High) || n.Low > n.High {
				t.Fatalf("Scan(%q): %q = [%v, %v]", s, n.Text, n.Low, n.High)
			}
			prevEnd = n.End
		}
	})
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"twenty-five thousand", "4.8m", "1,121", "a third", "$5bn", "40%", "F-16", "25 to 30"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := Parse(s)
		if !ok {
			return
		}
		ns := Scan(s)
		if len(ns) != 1 || ns[0].Low != v && !math.IsNaN(v) {
			t.Fatalf("Parse(%q) = %v but Scan gives %v", s, v, ns)
		}
		if math.IsNaN(v) {
			t.Fatalf("Parse(%q) = NaN", s)
		}
	})
}
