package sqlite

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"claimtrack/claims"
)

// formatNames stores an article's names one "name<TAB>count" per line.
func formatNames(names []claims.Name) string {
	var b strings.Builder
	for _, n := range names {
		b.WriteString(n.Text)
		b.WriteByte('\t')
		b.WriteString(strconv.Itoa(n.Count))
		b.WriteByte('\n')
	}
	return b.String()
}

// parseNames reads what formatNames stored.
func parseNames(stored []byte) ([]claims.Name, error) {
	var names []claims.Name
	for line := range bytes.Lines(stored) {
		name, count, ok := bytes.Cut(bytes.TrimSuffix(line, []byte("\n")), []byte("\t"))
		n, err := strconv.Atoi(string(count))
		if !ok || err != nil || len(name) == 0 || n < 1 {
			return nil, fmt.Errorf("names: bad line %q", line)
		}
		names = append(names, claims.Name{Text: string(name), Count: n})
	}
	return names, nil
}
