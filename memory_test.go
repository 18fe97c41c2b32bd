package main

import "testing"

func TestParseBytes(t *testing.T) {
	for in, want := range map[string]uint64{
		"1234": 1234, "500MB": 500e6, "8GB": 8e9, "8 gb": 8e9, "1.5GB": 1.5e9,
		"64KiB": 64 << 10, "2GiB": 2 << 30, "100B": 100, "50KB": 50e3,
	} {
		if got, err := parseBytes(in); err != nil || got != want {
			t.Errorf("parseBytes(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "lots", "-5GB", "GB", "5TB"} {
		if _, err := parseBytes(in); err == nil {
			t.Errorf("parseBytes(%q) succeeded", in)
		}
	}
}
