package dates

import (
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// wordsFile is the word list: months, weekdays, relations, units and the
// other words the grammar is built from. See the file's header for its format.
//
//go:embed words.txt
var wordsFile string

// class is what kind of date word a phrase of the word list is.
type class uint8

const (
	monthClass class = iota + 1
	weekdayClass
	relationClass
	shiftClass
	unitClass
	countClass
	ordinalClass
	seasonClass
	partClass
	sideClass
	daywordClass
	daypartClass
	hedgeClass
)

var classNames = map[string]class{
	"month": monthClass, "weekday": weekdayClass, "relation": relationClass,
	"shift": shiftClass, "unit": unitClass, "count": countClass,
	"ordinal": ordinalClass, "season": seasonClass, "part": partClass,
	"side": sideClass, "dayword": daywordClass, "daypart": daypartClass,
	"hedge": hedgeClass,
}

// phrase is one phrase of the word list.
type phrase struct {
	class  class
	value  int     // month, weekday, count, ordinal, season's first month, day offset
	name   string  // relation, shift, unit, part or side name
	rest   []int32 // vocabulary indexes of the words after the first
	common bool    // marked "*": also an everyday word, so it needs a capital
}

// keyword is a word the grammar itself is written with.
type keyword uint8

const (
	noKeyword keyword = iota
	kwThe
	kwOf
	kwAnd
	kwOr
	kwTo
	kwThru
	kwAgo
	kwHence
	kwNow
	kwRest
	kwHalf
	kwOld
	kwAM
	kwPM
	kwA
	kwP
	kwM
	kwQ
	kwH
	kwLocal
	kwTime
	kwGMT
	kwUTC
	kwS
	kwDate
)

var keywords = map[string]keyword{
	"the": kwThe, "of": kwOf, "and": kwAnd, "or": kwOr, "to": kwTo, "thru": kwThru,
	"ago": kwAgo, "hence": kwHence, "now": kwNow, "rest": kwRest,
	"half": kwHalf, "old": kwOld, "am": kwAM, "pm": kwPM, "a": kwA, "an": kwA,
	"p": kwP, "m": kwM, "q": kwQ, "h": kwH, "local": kwLocal,
	"time": kwTime, "gmt": kwGMT, "utc": kwUTC, "s": kwS, "date": kwDate,
}

// wordInfo is what the grammar knows about one lower-case word.
type wordInfo struct {
	key     keyword
	phrases []phrase // phrases that start with the word, longest first
	starts  bool     // an expression may start at the word
}

// vocabulary indexes every known word; tokens keep the index.
var vocabulary = buildVocabulary(wordsFile)

// vocab finds words without allocating or hashing most of them: a word
// whose first two letters and length match no known word is ruled out by
// lengths; the rest are hashed case-insensitively into table.
type vocab struct {
	words   []wordInfo // words[0] stands for an unknown word
	lengths [26][27]uint64
	table   [tableSize]tableSlot // open addressing
}

type tableSlot struct {
	text  string // lower case
	index int32  // into words; 0 marks an empty slot
}

const tableSize = 1024 // a power of two, several times the vocabulary's size

// letterPair indexes vocab.lengths by the first two letters of an ASCII word.
func letterPair(w string) (int, int) {
	second := 26 // one-letter words
	if len(w) > 1 {
		second = int(w[1]|0x20) - 'a'
	}
	return int(w[0]|0x20) - 'a', second
}

// foldHash is FNV-1a over the lower-cased letters of w.
func foldHash(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h ^= uint32(w[i] | 0x20)
		h *= 16777619
	}
	return h
}

// lookupWord gives the vocabulary index of a word of ASCII letters, 0 when
// it is unknown.
func lookupWord(w string) int32 {
	if len(w) >= 64 {
		return 0
	}
	if a, b := letterPair(w); vocabulary.lengths[a][b]&(1<<len(w)) == 0 {
		return 0
	}
	for i := foldHash(w) & (tableSize - 1); ; i = (i + 1) & (tableSize - 1) {
		slot := &vocabulary.table[i]
		if slot.index == 0 || len(slot.text) == len(w) && equalLower(slot.text, w) {
			return slot.index
		}
	}
}

// equalLower compares a lower-case word with one of any case.
func equalLower(lower, w string) bool {
	for i := 0; i < len(w); i++ {
		if lower[i] != w[i]|0x20 {
			return false
		}
	}
	return true
}

func buildVocabulary(file string) *vocab {
	v := &vocab{words: []wordInfo{{}}}
	add := func(w string) int32 {
		for i := foldHash(w) & (tableSize - 1); ; i = (i + 1) & (tableSize - 1) {
			slot := &v.table[i]
			if slot.text == w {
				return slot.index
			}
			if slot.index == 0 {
				if len(v.words) >= tableSize/2 || len(w) >= 64 {
					panic("dates: the word table is too small for " + w)
				}
				slot.text, slot.index = w, int32(len(v.words))
				v.words = append(v.words, wordInfo{})
				a, b := letterPair(w)
				v.lengths[a][b] |= 1 << len(w)
				return slot.index
			}
		}
	}
	for w, k := range keywords {
		v.words[add(w)].key = k
	}
	for n, line := range strings.Split(file, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		head, list, ok := strings.Cut(line, "|")
		name, value, ok2 := strings.Cut(head, " ")
		c, ok3 := classNames[name]
		if !ok || !ok2 || !ok3 {
			panic(fmt.Sprintf("dates: words.txt line %d: want \"class value|phrase|...\": %q", n+1, line))
		}
		for _, text := range strings.Split(list, "|") {
			p := phrase{class: c, name: value}
			p.value, _ = strconv.Atoi(value)
			text, p.common = strings.CutSuffix(strings.TrimSpace(text), "*")
			words := strings.Fields(text)
			for _, w := range words[1:] {
				p.rest = append(p.rest, add(w))
			}
			first := add(words[0])
			v.words[first].phrases = append(v.words[first].phrases, p)
		}
	}
	for i := range v.words {
		w := &v.words[i]
		sort.SliceStable(w.phrases, func(a, b int) bool { return len(w.phrases[a].rest) > len(w.phrases[b].rest) })
		w.starts = len(w.phrases) > 0 || w.key == kwThe || w.key == kwRest || w.key == kwQ || w.key == kwH
	}
	return v
}
