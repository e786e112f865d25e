package baseline

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/bwlint/bwlint/lint"
	"github.com/hashicorp/hcl/v2"
)

// UnusedCheck is the note check whose findings report baseline entries
// that match no finding. It is not in the check list: Apply adds it to a
// result's checks when it reports something, so that reporters can show
// its documentation and fix.
var UnusedCheck = &lint.Check{
	Name:  lint.BaselineEntryUnused,
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
	a.BaselinedGaps, a.NewGaps = applyGaps(f.Gaps, res)
	for _, g := range f.Gaps {
		if !slices.ContainsFunc(res.Gaps, func(x lint.Gap) bool { return x.Baselined && x.Key() == g.key() }) {
			res.Findings = append(res.Findings, unusedGap(g))
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

// applyGaps marks the run's gaps that the baseline records: they are
// reported and do not fail the run. It returns how many were known and
// how many are new.
func applyGaps(known []GapEntry, res *lint.Result) (baselined, fresh int) {
	keys := map[string]bool{}
	for _, g := range known {
		keys[g.key()] = true
	}
	for i := range res.Gaps {
		if keys[res.Gaps[i].Key()] {
			res.Gaps[i].Baselined = true
			baselined++
		} else {
			fresh++
		}
	}
	return baselined, fresh
}

// unusedGap reports a gap entry that matched no gap of the run: the
// evidence has been captured since, and the entry would otherwise accept
// the gap should the capture go missing again.
func unusedGap(g GapEntry) lint.Finding {
	return unusedNote("baseline gap entry matches no evidence gap (%s): the evidence was captured; remove the entry",
		g.Check, lint.Logical{Host: g.Host, Context: g.Context, Key: g.Command}, g.Range, "gap")
}

// unusedFinding reports an entry that matched nothing. It is located in
// the baseline file and has State fixed: what it recorded is gone, and a
// pruning reminder must never fail a CI gate.
func unusedFinding(e Entry) lint.Finding {
	// The value hash keeps two unused entries of one key apart in a later
	// baseline or review.
	return unusedNote("baseline entry matches no finding (%s): the finding was fixed or moved; remove the entry",
		e.Check, lint.Logical{Host: e.Host, Context: e.Context, Key: e.Key}, e.Range, e.ValueHash)
}

// unusedNote is the baseline_entry_unused note of an entry of check at l,
// read from at; format words the message around what the entry names.
func unusedNote(format, check string, l lint.Logical, at hcl.Range, value string) lint.Finding {
	where := []string{check}
	for _, s := range []string{l.Host, l.Context, l.Key} {
		if s != "" {
			where = append(where, s)
		}
	}
	return lint.Finding{
		Check:    UnusedCheck.Name,
		Severity: UnusedCheck.Severity,
		Host:     l.Host,
		Message:  fmt.Sprintf(format, strings.Join(where, ", ")),
		Location: at,
		Logical:  l,
		Value:    value,
		State:    lint.StateFixed,
	}
}
