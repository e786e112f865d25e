package judge

// Compare judges a change: the findings of the later run as new,
// unchanged or changed against the earlier run's (a changed one holds the
// earlier finding in Before), followed by the earlier run's findings that
// are gone, as fixed. Waivers each side's judging applied stay with the
// findings.
func Compare(before, after []Finding) []Finding {
	p := match(identities(before), identities(after))
	out := make([]Finding, 0, len(after)+len(before))
	for i, f := range after {
		f.State = p.state(i)
		if f.State == StateChanged {
			earlier := before[p.earlier[i]].Finding
			f.Before = &earlier
		}
		out = append(out, f)
	}
	for j, f := range before {
		if !p.used[j] {
			f.State = StateFixed
			out = append(out, f)
		}
	}
	return out
}
