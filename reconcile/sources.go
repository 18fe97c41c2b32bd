package reconcile

import (
	"strings"

	"claimtrack/claims"
)

// affiliations say who a source speaks for: "body|kind" per source name.
var affiliations = loadPhrases("affiliations.txt")

// source is who stands behind a claim, as the reconciler counts sources.
type source struct {
	key   string // normalised root: one key per independent source
	name  string // as shown in summaries
	voice string // the body the source speaks for; its own key when unknown
	kind  string // government, wire, ngo …; "" when unknown
}

// rootName names the root source of a claim: the root after aliases are
// merged, else the innermost link of the chain, else the outlet speaking in
// its own voice (own is true), else the document itself.
func rootName(e *claims.Entry) (name string, own bool) {
	if root := strings.TrimSpace(e.Attribution.Root); root != "" {
		return root, false
	}
	if chain := e.Attribution.Chain; len(chain) > 0 && strings.TrimSpace(chain[len(chain)-1]) != "" {
		return strings.TrimSpace(chain[len(chain)-1]), false
	}
	if outlet := strings.TrimSpace(e.Outlet); outlet != "" {
		return outlet, true
	}
	return e.Document, true
}

// namedSource normalises a source name and looks up whom it speaks for.
func namedSource(name string) source {
	name = claims.CanonicalSource(name)
	words := normalWords(name)
	key := strings.Join(words, " ")
	// "the NIS" only meets its alias once "the" is gone.
	if canonical := claims.CanonicalSource(key); canonical != key {
		name = canonical
		words = normalWords(canonical)
		key = strings.Join(words, " ")
	}
	s := source{key: key, name: name, voice: key}
	if f, ok := affiliations.find(words); ok {
		s.voice, s.kind = f[0], f[1]
	}
	return s
}
