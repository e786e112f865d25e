package judge

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/bwlint/bwlint/lint"
)

// Compare judges a change: the findings of the later run as new,
// unchanged or changed against the earlier run's (a changed one holds the
// earlier finding in Before), followed by the earlier run's findings that
// are gone. An earlier finding is fixed only when the later run still
// evaluated its check on its host; when lost (lint.Lost of the two runs'
// coverage) says that evidence is gone — on its host, or on a peer host
// the finding relates, whose capture it was compared with — it is
// unverified, and holds in Lost what was lost and why. Waivers each side's judging applied stay
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
		for _, host := range evidenceHosts(f.Finding) {
			if l := lostFor(lost, f.Check, host); l != nil {
				f.State, f.Lost = StateUnverified, l
				break
			}
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

// evidenceHosts are the hosts whose captures a finding was read from: its
// own, then those of the places it relates under hosts/ (the peer a farm
// check compared it with), in order, each once.
func evidenceHosts(f lint.Finding) []string {
	hosts := []string{f.Host}
	for _, r := range f.Related {
		rest, ok := strings.CutPrefix(filepath.ToSlash(r.Location.Filename), "hosts/")
		if !ok {
			continue
		}
		if host, _, ok := strings.Cut(rest, "/"); ok && !slices.ContainsFunc(hosts, func(h string) bool { return strings.EqualFold(h, host) }) {
			hosts = append(hosts, host)
		}
	}
	return hosts
}
