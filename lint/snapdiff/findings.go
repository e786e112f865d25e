package snapdiff

import (
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/judge"
)

// LintFindings returns the review's findings as lint findings, for the
// checks' own vocabulary.
func (r *Review) LintFindings() []lint.Finding { return judge.LintFindings(r.Findings) }
