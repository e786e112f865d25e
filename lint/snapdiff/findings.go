package snapdiff

import "github.com/bwlint/bwlint/lint"

// Finding is a finding of the review with its State set. A changed
// finding also holds the before snapshot's finding it was matched with,
// so that a report can say what changed.
type Finding struct {
	lint.Finding
	// Before is the matched before-side finding when State is changed,
	// else nil. Its Location is relative to the before snapshot's root.
	Before *lint.Finding
}

// Classify compares the findings of the before and the after snapshot and
// returns them with their State set: the after findings as new, unchanged
// or changed, followed by the before findings that are gone, as fixed.
//
// Findings are matched by Key, which holds neither line numbers nor
// values: a finding that moved lines is the same finding. Of two findings
// with one Key, the one with the same ValueHash is unchanged; otherwise it
// changed. A Key that occurs several times on a side is matched pairwise,
// equal values first.
func Classify(before, after []lint.Finding) []Finding {
	out := make([]Finding, len(after))
	for i, f := range after {
		out[i].Finding = f
	}
	used := make([]bool, len(before))
	byKey := map[string][]int{}
	for i, f := range before {
		byKey[f.Key()] = append(byKey[f.Key()], i)
	}
	// match returns the index of an unused before finding with out[i]'s
	// Key (and value, when sameValue is set), marking it used; -1 when
	// there is none.
	match := func(i int, sameValue bool) int {
		for _, j := range byKey[out[i].Key()] {
			if !used[j] && (!sameValue || before[j].ValueHash() == out[i].ValueHash()) {
				used[j] = true
				return j
			}
		}
		return -1
	}
	for i := range out {
		if match(i, true) >= 0 {
			out[i].State = lint.StateUnchanged
		}
	}
	for i := range out {
		if out[i].State == lint.StateUnchanged {
			continue
		}
		if j := match(i, false); j >= 0 {
			earlier := before[j]
			out[i].State, out[i].Before = lint.StateChanged, &earlier
		} else {
			out[i].State = lint.StateNew
		}
	}
	for j, f := range before {
		if !used[j] {
			f.State = lint.StateFixed
			out = append(out, Finding{Finding: f})
		}
	}
	return out
}

// LintFindings returns the review's findings as lint findings, States
// set, for the lint reporters.
func (r *Review) LintFindings() []lint.Finding {
	out := make([]lint.Finding, len(r.Findings))
	for i, f := range r.Findings {
		out[i] = f.Finding
	}
	return out
}
