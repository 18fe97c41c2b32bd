package numbers

import (
	_ "embed"
	"strings"
)

//go:embed data/glued_metres.txt
var gluedMetresText string

// metreContext is what the word after a glued "m" makes of it.
type metreContext uint8

const (
	millions       metreContext = iota // "£100m", "100m people"
	metreEvent                         // "the 100m sprint"
	metreDimension                     // "a 300m-long tunnel"
	metreStructure                     // "a 300m tunnel"
)

// metreWords are the words of data/glued_metres.txt, by the context they make.
var metreWords = func() map[string]metreContext {
	kinds := map[string]metreContext{"event": metreEvent, "dimension": metreDimension, "structure": metreStructure}
	words := map[string]metreContext{}
	for _, line := range strings.Split(gluedMetresText, "\n") {
		kind, word, ok := strings.Cut(strings.TrimSpace(line), " ")
		if !ok || strings.HasPrefix(kind, "#") {
			continue
		}
		if c, known := kinds[kind]; known {
			words[strings.ToLower(strings.TrimSpace(word))] = c
		}
	}
	return words
}()

// metresBefore tells what the word after a glued "m" ending at k makes of it:
// an event or a structure after a space ("100m sprint", "300m tunnel"), a
// dimension after a hyphen ("300m-long"), or neither.
func metresBefore(s string, k int) metreContext {
	if k+1 >= len(s) || s[k] != ' ' && s[k] != '-' {
		return millions
	}
	end := letterEnd(s, k+1)
	c := metreWords[strings.ToLower(s[k+1:end])]
	if s[k] == '-' && c != metreDimension || s[k] == ' ' && c != metreEvent && c != metreStructure {
		return millions
	}
	return c
}
