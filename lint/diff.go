package lint

import (
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// LineDiff returns a unified-style line diff from want to got: lines only
// in want start with "-", lines only in got with "+", shared lines with a
// space. sergi/go-diff's own patch text is %-escaped, so the diff is taken
// in line mode and printed here.
func LineDiff(want, got string) string {
	dmp := diffmatchpatch.New()
	a, b, lines := dmp.DiffLinesToChars(withNewline(want), withNewline(got))
	diffs := dmp.DiffCharsToLines(dmp.DiffMain(a, b, false), lines)
	var sb strings.Builder
	for _, d := range diffs {
		prefix := " "
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			prefix = "-"
		case diffmatchpatch.DiffInsert:
			prefix = "+"
		}
		for _, l := range strings.SplitAfter(d.Text, "\n") {
			if l == "" {
				continue
			}
			sb.WriteString(prefix)
			sb.WriteString(l)
		}
	}
	return sb.String()
}

func withNewline(s string) string {
	if s == "" || strings.HasSuffix(s, "\n") {
		return s
	}
	return s + "\n"
}
