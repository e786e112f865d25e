package checks

import "github.com/bwlint/bwlint/lint"

// baselineEntryUnused reports baseline entries that match no finding or
// evidence gap of the run. Its findings are about the baseline file: the
// judging stage (lint/judge, AgainstBaseline) writes them, and lists the
// check among the run's checks when it does, so that reporters can show
// its documentation and fix.
var baselineEntryUnused = &lint.Check{
	Name:  "baseline_entry_unused",
	Title: "a baseline entry matches no finding",
	Doc: "A baseline entry records a finding, or an evidence gap, that was known when the baseline was written. " +
		"An entry that matches no finding of this run means the finding was fixed, or its check, host, context or key " +
		"changed; a gap entry that matches no gap means the evidence was captured since. Unused entries are harmless, " +
		"but they would silently accept the finding or the gap should it come back, so prune them.",
	Fix: "Remove the entry from the baseline file, or rewrite the whole file with " +
		"`bwlint lint --write-baseline FILE SNAPSHOT` and review the diff.",
	Severity: lint.Note,
	Evidence: []lint.Evidence{lint.Baseline("the baseline file's entries, against the findings and evidence gaps of the run")},
	Tags:     []string{"baseline"},
	Run:      func(*lint.Pass) error { return nil }, // its findings come from the judging stage
}
