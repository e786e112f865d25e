package judge

import "github.com/bwlint/bwlint/lint"

// Compare judges a change: the findings of the later run as new,
// unchanged or changed against the earlier run's (a changed one holds the
// earlier finding in Before), followed by the earlier run's findings that
// are gone. An earlier finding is fixed only when the later run still
// evaluated its check on its host; when lost (lint.Lost of the two runs'
// coverage) says that evidence is gone, it is unverified, and holds in
// Lost what was lost and why. Waivers each side's judging applied stay
// with the findings.
func Compare(before, after []Finding, lost []lint.LostEvidence) []Finding {
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
		if p.used[j] {
			continue
		}
		f.State = StateFixed
		if l := lostFor(lost, f.Check, f.Host); l != nil {
			f.State, f.Lost = StateUnverified, l
		}
		out = append(out, f)
	}
	return out
}

// lostFor returns the lost evidence of check on host; nil when the check
// was still evaluated there. A finding about no host (a Partner Hub file,
// the whole snapshot) is unverified when its check lost evidence on any
// host, since coverage is kept per host.
func lostFor(lost []lint.LostEvidence, check, host string) *lint.LostEvidence {
	for i := range lost {
		if lost[i].Check == check && (host == "" || lost[i].Host == host) {
			l := lost[i]
			return &l
		}
	}
	return nil
}
