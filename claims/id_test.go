package claims

import "testing"

func TestSpreadsheetSafe(t *testing.T) {
	for _, tc := range []struct{ id, want string }{
		{"0402153380397860", "a402153380397860"}, // digits only: the leading zero would go
		{"00509286384015e7", "a0509286384015e7"}, // 5.09E+21
		{"9b85be1eaf488772", "9b85be1eaf488772"}, // a letter: safe
		{"e123456789012345", "e123456789012345"}, // an e first is no number
		{"123456789012345e", "123456789012345e"}, // nor an e last
		{"12e45e7890123456", "12e45e7890123456"}, // nor two e
		{"7123456789012345", "b123456789012345"},
		{"00509286", "a0509286"}, // a short id, as reports print it
	} {
		if got := SpreadsheetSafe(tc.id); got != tc.want {
			t.Errorf("SpreadsheetSafe(%q) = %q, want %q", tc.id, got, tc.want)
		}
	}
}
