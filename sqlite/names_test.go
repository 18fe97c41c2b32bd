package sqlite

import (
	"reflect"
	"testing"

	"claimtrack/claims"
)

func TestNamesColumn(t *testing.T) {
	names := []claims.Name{{Text: "Derna", Count: 5}, {Text: "U.S.", Count: 1}}
	got, err := parseNames([]byte(formatNames(names)))
	if err != nil || !reflect.DeepEqual(got, names) {
		t.Errorf("round trip gave %v, %v; want %v", got, err, names)
	}
	if got, err := parseNames(nil); err != nil || got != nil {
		t.Errorf("no names gave %v, %v", got, err)
	}
	for _, bad := range []string{"Derna\n", "Derna\tfive\n", "\t3\n", "Derna\t0\n"} {
		if _, err := parseNames([]byte(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
