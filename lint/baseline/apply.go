package baseline

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/bwlint/bwlint/lint"
)

// UnusedCheck is the note check whose findings report baseline entries
// that match no finding. It is not in the check list: Apply adds it to a
// result's checks when it reports something, so that reporters can show
// its documentation and fix.
var UnusedCheck = &lint.Check{
	Name:  lint.BaselineEntryUnused,
	Title: "a baseline entry matches no finding",
	Doc: "A baseline entry records a finding that was known when the baseline was written. An entry that " +
		"matches no finding of this run means the finding was fixed, or its check, host, context or key " +
		"changed. Unused entries are harmless, but they would silently accept the finding should it " +
		"come back, so prune them.",
	Fix: "Remove the entry from the baseline file, or rewrite the whole file with " +
		"`bwlint lint --write-baseline FILE SNAPSHOT` and review the diff.",
	Severity: lint.Note,
	Inputs:   []string{"the baseline file given with --baseline"},
	Tags:     []string{"baseline"},
	Run:      func(*lint.Pass) error { return nil }, // its findings come from Apply
}

// Apply marks res's findings against the baseline f, read from path.
// Findings are matched by lint.Finding.Key, never by line, so a finding
// that moved is still known. Each entry matches at most one finding; a
// key that occurs several times is matched pairwise, equal values first.
// Unused entries become baseline_entry_unused findings appended to res,
// which stays sorted. The counts are returned and kept in res.Baseline,
// for the reports' summaries.
func Apply(f *File, res *lint.Result) lint.BaselineCounts {
	var a lint.BaselineCounts
	used := make([]bool, len(f.Entries))
	byKey := map[string][]int{}
	for i, e := range f.Entries {
		k := e.finding().Key()
		byKey[k] = append(byKey[k], i)
	}
	match := func(x *lint.Finding, sameValue bool) bool {
		for _, i := range byKey[x.Key()] {
			if !used[i] && (!sameValue || f.Entries[i].ValueHash == x.ValueHash()) {
				used[i] = true
				return true
			}
		}
		return false
	}
	for i := range res.Findings {
		x := &res.Findings[i]
		if match(x, true) {
			x.State, x.Baselined = lint.StateUnchanged, true
			a.Baselined++
		}
	}
	for i := range res.Findings {
		x := &res.Findings[i]
		switch {
		case x.Baselined:
		case match(x, false):
			x.State = lint.StateChanged
			a.Changed++
		default:
			x.State = lint.StateNew
			a.New++
		}
	}
	for i, e := range f.Entries {
		if !used[i] {
			res.Findings = append(res.Findings, unusedFinding(e))
			a.Unused++
		}
	}
	if a.Unused > 0 && !slices.Contains(res.Checks, UnusedCheck) {
		res.Checks = append(res.Checks, UnusedCheck)
		slices.SortFunc(res.Checks, func(x, y *lint.Check) int { return cmp.Compare(x.Name, y.Name) })
	}
	lint.SortFindings(res.Findings)
	res.Baseline = &a
	return a
}

// unusedFinding reports an entry that matched nothing. It is located in
// the baseline file and has State fixed: what it recorded is gone, and a
// pruning reminder must never fail a CI gate.
func unusedFinding(e Entry) lint.Finding {
	where := []string{e.Check}
	for _, s := range []string{e.Host, e.Context, e.Key} {
		if s != "" {
			where = append(where, s)
		}
	}
	return lint.Finding{
		Check:    UnusedCheck.Name,
		Severity: UnusedCheck.Severity,
		Host:     e.Host,
		Message:  fmt.Sprintf("baseline entry matches no finding (%s): the finding was fixed or moved; remove the entry", strings.Join(where, ", ")),
		Location: e.Range,
		Logical:  lint.Logical{Host: e.Host, Context: e.Context, Key: e.Key},
		// Value keeps two unused entries of one key apart in a later
		// baseline or review.
		Value: e.ValueHash,
		State: lint.StateFixed,
	}
}
