package snapdiff

import "github.com/bwlint/bwlint/lint"

// Classify compares the findings of the before and the after snapshot and
// returns them with their State set: the after findings as new, unchanged
// or changed, followed by the before findings that are gone, as fixed.
//
// Findings are matched by Key, which holds neither line numbers nor
// values: a finding that moved lines is the same finding. Of two findings
// with one Key, the one with the same ValueHash is unchanged; otherwise it
// changed. A Key that occurs several times on a side is matched pairwise,
// equal values first.
func Classify(before, after []lint.Finding) []lint.Finding {
	out := make([]lint.Finding, len(after))
	copy(out, after)
	used := make([]bool, len(before))
	byKey := map[string][]int{}
	for i, f := range before {
		byKey[f.Key()] = append(byKey[f.Key()], i)
	}
	match := func(i int, sameValue bool) bool {
		for _, j := range byKey[out[i].Key()] {
			if !used[j] && (!sameValue || before[j].ValueHash() == out[i].ValueHash()) {
				used[j] = true
				return true
			}
		}
		return false
	}
	for i := range out {
		if match(i, true) {
			out[i].State = lint.StateUnchanged
		}
	}
	for i := range out {
		switch {
		case out[i].State == lint.StateUnchanged:
		case match(i, false):
			out[i].State = lint.StateChanged
		default:
			out[i].State = lint.StateNew
		}
	}
	for j, f := range before {
		if !used[j] {
			f.State = lint.StateFixed
			out = append(out, f)
		}
	}
	return out
}
