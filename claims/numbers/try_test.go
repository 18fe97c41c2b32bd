package numbers

import (
	"fmt"
	"os"
	"testing"
)

func TestTry(t *testing.T) {
	for _, s := range []string{os.Getenv("T")} {
		for _, n := range Scan(s) {
			fmt.Printf("%q [%d,%d) %v-%v %s r=%v v=%v sp=%v cur=%q unit=%q\n", n.Text, n.Start, n.End, n.Low, n.High, n.Kind, n.Range, n.Vague, n.Spelled, n.Currency, n.Unit)
		}
	}
}
