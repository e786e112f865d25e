package report

import "github.com/bwlint/bwlint/inputs/source"

// ANSI colours of the text formats (lint's and a review's), written only
// when colour is on (Options.Color).
const (
	ColorReset  = "\x1b[0m"
	ColorBold   = "\x1b[1m"
	ColorRed    = "\x1b[31m"
	ColorGreen  = "\x1b[32m"
	ColorYellow = "\x1b[33m"
	ColorCyan   = "\x1b[36m"
)

// Paint makes s printable and, when on, wraps it in color: a string from
// the snapshot or the policy never writes a terminal sequence of its own,
// while bwlint's colours do.
func Paint(on bool, color, s string) string {
	s = source.Printable(s)
	if !on || color == "" {
		return s
	}
	return color + s + ColorReset
}
