package sqlite

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// A search query reads like one for SQLite's full-text search (FTS4's
// enhanced syntax), which claimtrack used before: words that must all
// appear, "a phrase", prefix*, OR, NOT or -word, parentheses, and column
// filters sentence:word and subject:word. Matching is by whole words,
// case-insensitive. It runs over the stored sentences rather than a
// full-text index: indexing every sentence as it was stored cost more than
// reading the article did, and a scan of the sentences is quick at the sizes
// analysts keep (a second or two for a million claims).
type searchQuery struct {
	root searchNode
}

// searchColumns are the parts of a sentence a query can name.
var searchColumns = []string{"sentence", "subject"}

// searchDoc is one sentence, split into words per column.
type searchDoc [2][]string

type searchNode interface {
	match(doc *searchDoc) bool
}

// maxSearchTerms bounds the words and phrases of a query: each is matched
// against every sentence, so a query of ten thousand took seconds.
const maxSearchTerms = 64

// parseSearch parses a query, saying what is wrong with a malformed one.
func parseSearch(query string) (searchQuery, error) {
	tokens, err := lexSearch(query)
	if err != nil {
		return searchQuery{}, err
	}
	terms := 0
	for _, t := range tokens {
		if !isOperator(t, "OR") && !isOperator(t, "AND") && !isOperator(t, "NOT") && !isOperator(t, "(") && !isOperator(t, ")") {
			terms++
		}
	}
	if terms > maxSearchTerms {
		return searchQuery{}, fmt.Errorf("%d words and phrases: a search may hold %d at most", terms, maxSearchTerms)
	}
	p := &searchParser{tokens: tokens}
	root, err := p.or()
	if err != nil {
		return searchQuery{}, err
	}
	if p.pos < len(p.tokens) {
		return searchQuery{}, fmt.Errorf("unexpected %q", p.tokens[p.pos].text)
	}
	if root == nil {
		return searchQuery{}, errors.New("no words to search for")
	}
	return searchQuery{root: root}, nil
}

// matches reports whether a sentence, with the subjects of its claims, is
// one the query asks for.
func (q searchQuery) matches(sentence, subject string) bool {
	doc := searchDoc{searchWords(sentence), searchWords(subject)}
	return q.root.match(&doc)
}

// searchWords splits text into lower-case words of letters and digits, as
// the query's words are split.
func searchWords(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

type searchToken struct {
	text   string
	quoted bool
}

// lexSearch splits a query into words, quoted phrases, parentheses and the
// "column:" prefixes, which stay attached to what follows them.
func lexSearch(query string) ([]searchToken, error) {
	var tokens []searchToken
	rs := []rune(query)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case r == '(' || r == ')':
			tokens = append(tokens, searchToken{text: string(r)})
			i++
		case r == '"':
			end := slices.Index(rs[i+1:], '"')
			if end < 0 {
				return nil, errors.New("a quote is not closed")
			}
			tokens = append(tokens, searchToken{text: string(rs[i+1 : i+1+end]), quoted: true})
			i += end + 2
			if i < len(rs) && rs[i] == '*' { // "phrase"* is a phrase ending in a prefix
				tokens[len(tokens)-1].text += "*"
				i++
			}
		default:
			j := i
			for j < len(rs) && !unicode.IsSpace(rs[j]) && rs[j] != '(' && rs[j] != ')' && rs[j] != '"' {
				j++
			}
			word := string(rs[i:j])
			// column:"a phrase" keeps its prefix with the phrase.
			if strings.HasSuffix(word, ":") && j < len(rs) && rs[j] == '"' {
				end := slices.Index(rs[j+1:], '"')
				if end < 0 {
					return nil, errors.New("a quote is not closed")
				}
				tokens = append(tokens, searchToken{text: word + string(rs[j+1:j+1+end]), quoted: true})
				i = j + end + 2
				continue
			}
			tokens = append(tokens, searchToken{text: word})
			i = j
		}
	}
	return tokens, nil
}

type searchParser struct {
	tokens []searchToken
	pos    int
}

func (p *searchParser) peek() (searchToken, bool) {
	if p.pos < len(p.tokens) {
		return p.tokens[p.pos], true
	}
	return searchToken{}, false
}

// isOperator reports whether t is the bare word op: quoted "OR" is a word.
func isOperator(t searchToken, op string) bool { return !t.quoted && t.text == op }

// or: and ("OR" and)*. As in FTS4, NOT binds tightest, then AND, then OR.
func (p *searchParser) or() (searchNode, error) {
	left, err := p.and()
	if err != nil {
		return nil, err
	}
	for {
		t, ok := p.peek()
		if !ok || !isOperator(t, "OR") {
			return left, nil
		}
		p.pos++
		right, err := p.and()
		if err != nil {
			return nil, err
		}
		if left == nil || right == nil {
			return nil, errors.New("OR needs words on both sides")
		}
		left = anyOf{left, right}
	}
}

// and: not (["AND"] not)*, stopping at OR or a closing parenthesis.
func (p *searchParser) and() (searchNode, error) {
	var all allOf
	for {
		t, ok := p.peek()
		if !ok || isOperator(t, "OR") || isOperator(t, ")") {
			break
		}
		if isOperator(t, "AND") {
			p.pos++
			next, more := p.peek()
			if len(all) == 0 || !more || isOperator(next, "OR") || isOperator(next, ")") {
				return nil, errors.New("AND needs words on both sides")
			}
			continue
		}
		n, err := p.not()
		if err != nil {
			return nil, err
		}
		all = append(all, n)
	}
	switch len(all) {
	case 0:
		return nil, nil
	case 1:
		return all[0], nil
	}
	return all, nil
}

// not: unary ("NOT" unary)*.
func (p *searchParser) not() (searchNode, error) {
	left, err := p.unary()
	if err != nil {
		return nil, err
	}
	for {
		t, ok := p.peek()
		if !ok || !isOperator(t, "NOT") {
			return left, nil
		}
		p.pos++
		right, err := p.unary()
		if err != nil {
			return nil, err
		}
		left = allOf{left, none{right}}
	}
}

// unary: "(" or ")" | -word | word.
func (p *searchParser) unary() (searchNode, error) {
	t, ok := p.peek()
	if !ok {
		return nil, errors.New("the query ends where words are expected")
	}
	p.pos++
	switch {
	case isOperator(t, "("):
		inner, err := p.or()
		if err != nil {
			return nil, err
		}
		if t, ok := p.peek(); !ok || !isOperator(t, ")") {
			return nil, errors.New("a parenthesis is not closed")
		}
		p.pos++
		if inner == nil {
			return nil, errors.New("empty parentheses")
		}
		return inner, nil
	case isOperator(t, ")"), isOperator(t, "AND"), isOperator(t, "OR"), isOperator(t, "NOT"):
		return nil, fmt.Errorf("unexpected %q", t.text)
	case !t.quoted && strings.HasPrefix(t.text, "-") && len(t.text) > 1:
		n, err := newPhrase(searchToken{text: t.text[1:]})
		if err != nil {
			return nil, err
		}
		return none{n}, nil
	}
	return newPhrase(t)
}

// phrase is one or more words in a row, the last one possibly a prefix,
// in one column or (column -1) in any.
type phrase struct {
	column int
	words  []string
	prefix bool
}

func newPhrase(t searchToken) (searchNode, error) {
	text := t.text
	column := -1
	if name, rest, ok := strings.Cut(text, ":"); ok {
		k := slices.Index(searchColumns, strings.ToLower(name))
		if k < 0 {
			return nil, fmt.Errorf("no column %q to search: use %s", name, strings.Join(searchColumns, " or "))
		}
		column, text = k, rest
	}
	prefix := strings.HasSuffix(text, "*")
	words := searchWords(strings.TrimSuffix(text, "*"))
	if len(words) == 0 {
		return nil, fmt.Errorf("%q has no word to search for", t.text)
	}
	return phrase{column: column, words: words, prefix: prefix}, nil
}

func (ph phrase) match(doc *searchDoc) bool {
	for k := range doc {
		if (ph.column < 0 || ph.column == k) && ph.in(doc[k]) {
			return true
		}
	}
	return false
}

// in reports whether the phrase's words appear in a row in words.
func (ph phrase) in(words []string) bool {
	last := len(ph.words) - 1
	for start := 0; start+last < len(words); start++ {
		ok := true
		for i, w := range ph.words {
			got := words[start+i]
			if got != w && !(ph.prefix && i == last && strings.HasPrefix(got, w)) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

type allOf []searchNode

func (a allOf) match(doc *searchDoc) bool {
	for _, n := range a {
		if !n.match(doc) {
			return false
		}
	}
	return true
}

type anyOf []searchNode

func (a anyOf) match(doc *searchDoc) bool {
	for _, n := range a {
		if n.match(doc) {
			return true
		}
	}
	return false
}

type none struct{ n searchNode }

func (n none) match(doc *searchDoc) bool { return !n.n.match(doc) }
