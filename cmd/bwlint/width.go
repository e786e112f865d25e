package main

import (
	"io"
	"os"
	"strconv"

	"golang.org/x/term"

	"github.com/bwlint/bwlint/lint/report"
)

// minWidth is the narrowest the text reports are laid out: below it, a
// finding's heading alone would take several lines.
const minWidth = 40

// textWidth is the width the text reports wrap to: $COLUMNS when it is a
// number, else the terminal's width when w is one, else 80 (a file, a
// pipe, a CI log). golang.org/x/term asks the terminal on every platform
// bwlint is built for; the shells set COLUMNS without exporting it, so
// the terminal must be asked.
func textWidth(w io.Writer) int {
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 0 {
		return max(n, minWidth)
	}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		if n, _, err := term.GetSize(int(f.Fd())); err == nil && n > 0 {
			return max(n, minWidth)
		}
	}
	return report.DefaultWidth
}
