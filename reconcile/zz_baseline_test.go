package reconcile

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"fmt"
	"os"
	"testing"
)

func TestZZBaseline(t *testing.T) {
	out := os.Getenv("ZZ_OUT")
	if out == "" {
		t.Skip()
	}
	for _, n := range []int{3000, 100000} {
		r := Reconcile(Synthetic(n, 1), Options{})
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(r); err != nil {
			t.Fatal(err)
		}
		b := buf.Bytes()
		os.WriteFile(fmt.Sprintf("%s/%d.json", out, n), b, 0o644)
		fmt.Printf("%d: %x groups %d series %d findings %d\n", n, sha256.Sum256(b), len(r.Groups), len(r.Series), len(r.Findings))
	}
}
