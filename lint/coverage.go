package lint

import (
	"cmp"
	"slices"

	"github.com/bwlint/bwlint/inputs"
)

// Status is what a run established about one check on one host.
type Status string

// Coverage statuses.
const (
	// Evaluated: the check looked at the host (it passed, or reported
	// findings).
	Evaluated Status = "evaluated"
	// NotEvaluatedStatus: the check could not look, for a reason that is
	// not missing evidence (see NotEvaluated).
	NotEvaluatedStatus Status = "not_evaluated"
	// GapStatus: the check applies and its evidence is missing.
	GapStatus Status = "evidence_gap"
)

// Coverage is one cell of the host × check matrix of a run.
type Coverage struct {
	Check, Host string
	Status      Status
	// Reasons say why a check was not evaluated or has a gap.
	Reasons []string
}

// Coverage returns, for every check of the run and every host it reads —
// the snapshot's hosts of the roles its evidence names, the hosts that
// captured the context of a site rule for any role, and every host the
// check reported on — what the run established, sorted by check and
// host. A check about the whole snapshot and nothing per host (the
// policy's own checks) has no cells. The list is never nil: an empty one
// is a coverage known to hold nothing.
func (r *Result) Coverage(snap *inputs.Snapshot) []Coverage {
	out := []Coverage{}
	for _, c := range r.Checks {
		hosts := map[string]bool{}
		for _, e := range c.Evidence {
			if !e.inHosts() {
				continue
			}
			for _, h := range snap.Hosts {
				if e.Role != inputs.RoleUnknown && h.Role == e.Role || e.Role == inputs.RoleUnknown && e.capturedOn(h) {
					hosts[h.Name] = true
				}
			}
		}
		whole := []string(nil) // reasons the whole check was not evaluated
		byHost := map[string]*Coverage{}
		cell := func(host string) *Coverage {
			if byHost[host] == nil {
				byHost[host] = &Coverage{Check: c.Name, Host: host, Status: Evaluated}
			}
			return byHost[host]
		}
		for _, n := range r.NotEvaluated {
			switch {
			case n.Check != c.Name:
			case n.Partial:
				// A part of the snapshot as a whole (a user, one of
				// its files) is no host's: the check covers the hosts
				// it reads as before.
				if n.Host != "" {
					hosts[n.Host] = true
				}
			case n.Host == "":
				whole = append(whole, n.Reason)
			default:
				hosts[n.Host] = true
				x := cell(n.Host)
				x.Status, x.Reasons = NotEvaluatedStatus, append(x.Reasons, n.Reason)
			}
		}
		for _, g := range r.Gaps {
			if g.Check != c.Name || g.Host == "" {
				continue
			}
			hosts[g.Host] = true
			x := cell(g.Host)
			if x.Status != GapStatus {
				x.Status, x.Reasons = GapStatus, nil
			}
			x.Reasons = append(x.Reasons, g.Reason)
		}
		for _, f := range r.Findings {
			if f.Check == c.Name && f.Host != "" {
				hosts[f.Host] = true
			}
		}
		for _, g := range r.Gaps {
			if g.Check == c.Name && g.Host == "" {
				// Evidence about the whole deployment is missing:
				// every host the check reads lacks it.
				whole = append(whole, g.Reason)
			}
		}
		for host := range hosts {
			x := cell(host)
			if x.Status == Evaluated && len(whole) > 0 {
				x.Status, x.Reasons = NotEvaluatedStatus, whole
				if slices.ContainsFunc(r.Gaps, func(g Gap) bool { return g.Check == c.Name && g.Host == "" }) {
					x.Status = GapStatus
				}
			}
			out = append(out, *x)
		}
	}
	slices.SortFunc(out, func(a, b Coverage) int { return cmp.Or(cmp.Compare(a.Check, b.Check), cmp.Compare(a.Host, b.Host)) })
	return out
}

// HostRemoved is the status of a host the later snapshot of a review
// does not have at all.
const HostRemoved Status = "host_removed"

// LostEvidence is a check that was evaluated on a host in the earlier
// snapshot of a review and is not in the later one: its evidence was
// lost, so whatever it found before is no longer known to hold or to be
// fixed.
type LostEvidence struct {
	Check, Host string
	// Status is what the later snapshot established instead:
	// NotEvaluatedStatus, GapStatus, or HostRemoved.
	Status Status
	// Reasons say why, from the later run.
	Reasons []string
}

// Lost compares the coverage of two runs, before and after a change, and
// returns every check and host that was evaluated before and is not
// after, sorted by check and host. A host that after no longer has, and
// that no check of after speaks of, is HostRemoved.
func Lost(before, after []Coverage) []LostEvidence {
	now := map[[2]string]Coverage{}
	for _, c := range after {
		now[[2]string{c.Check, c.Host}] = c
	}
	var out []LostEvidence
	for _, b := range before {
		if b.Status != Evaluated {
			continue
		}
		a, ok := now[[2]string{b.Check, b.Host}]
		switch {
		case !ok:
			out = append(out, LostEvidence{Check: b.Check, Host: b.Host, Status: HostRemoved,
				Reasons: []string{"the later snapshot has no hosts/" + b.Host + "/ folder, or no capture that shows the host's role"}})
		case a.Status != Evaluated:
			out = append(out, LostEvidence{Check: b.Check, Host: b.Host, Status: a.Status, Reasons: a.Reasons})
		}
	}
	return out
}
