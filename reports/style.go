package reports

import "claimtrack/claims"

// Style decorates terminal text with ANSI colour. The zero Style writes plain
// text, for pipes, files, tests and NO_COLOR. Table cells are never
// decorated: escape codes would throw their column widths off.
type Style struct{ Color bool }

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
)

func (s Style) paint(code, text string) string {
	if !s.Color || text == "" {
		return text
	}
	return code + text + ansiReset
}

// Bold is for headings.
func (s Style) Bold(text string) string { return s.paint(ansiBold, text) }

// Dim is for what a reader may skip: ids, hints.
func (s Style) Dim(text string) string { return s.paint(ansiDim, text) }

// Mark sets a figure apart in its sentence: bold yellow on a terminal,
// »between guillemets« in plain text.
func (s Style) Mark(text string) string {
	if !s.Color {
		return "»" + text + "«"
	}
	return s.paint(ansiBold+ansiYellow, text)
}

// Verdict colours text by a series status or finding type: red for
// conflicts, yellow for changes, green for agreement.
func (s Style) Verdict(kind, text string) string {
	switch kind {
	case string(claims.Conflict):
		return s.paint(ansiBold+ansiRed, text)
	case string(claims.Change), string(claims.StatusChanged):
		return s.paint(ansiYellow, text)
	case string(claims.Corroboration), string(claims.StatusCorroborated), string(claims.StatusConsistent):
		return s.paint(ansiGreen, text)
	case string(claims.StatusSingleSource):
		return s.paint(ansiDim, text)
	case "":
		return text
	}
	return s.paint(ansiCyan, text)
}
