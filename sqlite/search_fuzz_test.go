package sqlite

import "testing"

// Any query either parses or is refused with an error, and a parsed query
// matches any text without failing.
func FuzzSearch(f *testing.F) {
	for _, seed := range []string{
		`soldiers`, `"North Korean" killed`, `soldier* -wounded`, `(tanks OR drones) AND subject:"artillery shells"`,
		`killed NOT wounded`, `sentence:"spy ag"*`, `"unbalanced`, `((a)`, `OR`, `-`, `subject:`, `a:b:c`,
	} {
		f.Add(seed, "Some 1,100 North Korean soldiers were killed or wounded, the spy agency said.")
	}
	f.Fuzz(func(t *testing.T, query, text string) {
		q, err := parseSearch(query)
		if err != nil {
			return
		}
		q.matches(text, text)
	})
}
