package judge

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/baseline"
)

// BaselineOptions say how a run is judged against a baseline.
type BaselineOptions struct {
	// Coverage is the run's host × check coverage (lint.Result.Coverage):
	// it tells an entry whose finding is gone (its check evaluated the
	// host and found nothing) from one whose evidence is gone. Without
	// it, every entry that matches nothing is taken to be stale.
	Coverage []lint.Coverage
	// FailOnStale makes stale entries count towards the exit code, so
	// that a baseline cannot keep accepting, unseen, a finding that was
	// fixed and may return.
	FailOnStale bool
	// Rewrite is the command that writes the baseline anew from this
	// run, with the real paths: the fix of a stale entry.
	Rewrite string
}

// AgainstBaseline returns r with its findings and gaps compared with a
// baseline, read from a file of known findings and gaps. A finding whose
// entry has the same value is Baselined (reported, not counted); one
// whose value changed counts again with State changed; one without an
// entry is new. A gap the baseline records is Baselined. Entries that
// match nothing become notes of BaselineEntryUnused, located at the entry
// in the baseline file: stale (State fixed) when the run evaluated the
// entry's check on its host and found nothing, so that the file can be
// pruned — they count only with FailOnStale — and unverified when the
// evidence is gone (the check has a gap or was not evaluated there, or
// the host is gone), which are never called fixed and never count: the
// missing capture is a gap of its own where the check applies.
func (r *Result) AgainstBaseline(f *baseline.File, o BaselineOptions) *Result {
	out := r.clone()
	n := BaselineCounts{FailOnStale: o.FailOnStale}
	known := make([]identity, len(f.Entries))
	for i, e := range f.Entries {
		known[i] = identity{e.Finding().Key(), e.ValueHash}
	}
	p := match(known, identities(out.Findings))
	for i := range out.Findings {
		x := &out.Findings[i]
		x.State = p.state(i)
		switch x.State {
		case StateUnchanged:
			x.Baselined = true
			n.Baselined++
		case StateChanged:
			n.Changed++
		default:
			n.New++
		}
	}
	for i, e := range f.Entries {
		if p.used[i] {
			continue
		}
		l := lint.Logical{Host: e.Host, Context: e.Context, Key: e.Key}
		n.Unused++
		if lost := unevaluated(o.Coverage, o.Coverage != nil && out.ran(e.Check), e.Check, e.Host); lost != nil {
			out.unusedNote("baseline entry matches no finding (%s), but its evidence is gone (%s): the finding may still be there; keep the entry until the evidence is captured again",
				e.Check, l, e.Range, e.ValueHash, StateUnverified, lost, false, pruneFix(keepEntry, e.Range.Filename, o.Rewrite))
			n.Unverified++
			continue
		}
		out.unusedNote("baseline entry matches no finding (%s): the finding was fixed or moved; remove the entry",
			e.Check, l, e.Range, e.ValueHash, StateFixed, nil, o.FailOnStale, pruneFix("", e.Range.Filename, o.Rewrite))
		n.Stale++
	}
	gapKeys := make([]string, len(f.Gaps))
	for i, g := range f.Gaps {
		gapKeys[i] = g.Key()
	}
	recorded, unused := matchGaps(gapKeys, out.Gaps)
	for i := range out.Gaps {
		out.Gaps[i].Baselined = recorded[i]
		if recorded[i] {
			n.BaselinedGaps++
		} else {
			n.NewGaps++
		}
	}
	for i, g := range f.Gaps {
		if unused[i] {
			out.unusedNote("baseline gap entry matches no evidence gap (%s): the evidence was captured; remove the entry",
				g.Check, lint.Logical{Host: g.Host, Context: g.Context, Key: g.Command}, g.Range, "gap", StateFixed, nil, o.FailOnStale, pruneFix("", g.Range.Filename, o.Rewrite))
			n.Unused++
			n.Stale++
		}
	}
	Sort(out.Findings)
	out.Baseline = &n
	return out
}

// unusedNote adds the note about a baseline entry of check at l, read
// from at; format words the message around what the entry names, and
// what was lost when the entry's evidence is gone. The value keeps two
// unused entries of one key apart in a later baseline or review.
func (r *Result) unusedNote(format, check string, l lint.Logical, at hcl.Range, value string, state State, lost *lint.LostEvidence, fails bool, fix []lint.FixStep) {
	ch := r.notes.BaselineEntryUnused
	if ch == nil {
		return
	}
	r.addCheck(ch)
	where := []string{check}
	for _, s := range []string{l.Host, l.Context, l.Key} {
		if s != "" {
			where = append(where, s)
		}
	}
	args := []any{strings.Join(where, ", ")}
	if lost != nil {
		args = append(args, lostWords(lost))
	}
	r.Findings = append(r.Findings, Finding{
		Finding: lint.Finding{
			Check:    ch.Name,
			Severity: ch.Severity,
			Host:     l.Host,
			Message:  fmt.Sprintf(format, args...),
			Location: at,
			Logical:  l,
			Value:    value,
			Fix:      fix,
		},
		State:       state,
		UnusedEntry: true,
		Lost:        lost,
		staleFails:  fails,
	})
}

// pruneFix removes a stale entry: by hand, or by writing the baseline
// anew with rewrite and reviewing its diff; when is the condition, ""
// for a stale entry. Without rewrite the check's own fix stands.
func pruneFix(when, file, rewrite string) []lint.FixStep {
	if rewrite == "" {
		return nil
	}
	return []lint.FixStep{
		{Comment: when + "remove the entry from " + file + ", or write the whole baseline anew and review its diff:"},
		{Command: rewrite},
	}
}

// keepEntry is the fix of an entry whose evidence is gone: capture it
// again; only a host taken out of service ends the entry.
const keepEntry = "keep the entry and capture the lost evidence again; if the host was taken out of service, "

// lostWords says what was lost, for messages: "xsp2: evidence gap: …".
func lostWords(l *lint.LostEvidence) string {
	s := strings.ReplaceAll(string(l.Status), "_", " ")
	if l.Host != "" {
		s = l.Host + ": " + s
	}
	if len(l.Reasons) > 0 {
		s += ": " + strings.Join(l.Reasons, "; ")
	}
	return s
}

// unevaluated returns what the coverage says of check on host when the
// run did not evaluate it there: a gap, not evaluated, or no such host
// while the check read others; nil when it was evaluated, or when the
// coverage says nothing of the check (it did not run, or reads no
// hosts). An entry about no host is unverified when its check was not
// evaluated somewhere, as Compare treats such a finding. ran says the
// check ran: one that reads no host at all (no host of its role is left)
// has no cell, and an entry about a host of it lost its evidence.
func unevaluated(cov []lint.Coverage, ran bool, check, host string) *lint.LostEvidence {
	for _, c := range cov {
		if c.Check != check {
			continue
		}
		ran = true
		if (host == "" || strings.EqualFold(c.Host, host)) && c.Status != lint.Evaluated {
			return &lint.LostEvidence{Check: check, Host: c.Host, Status: c.Status, Reasons: c.Reasons}
		}
		if strings.EqualFold(c.Host, host) {
			return nil
		}
	}
	if !ran || host == "" {
		return nil
	}
	return &lint.LostEvidence{Check: check, Host: host, Status: lint.HostRemoved,
		Reasons: []string{"the snapshot has no hosts/" + host + "/ folder, or no capture that shows the host's role"}}
}

// ran says whether check ran in r (not a judging check added later).
func (r *Result) ran(check string) bool {
	if r.Run == nil {
		return false
	}
	return slices.ContainsFunc(r.Run.Checks, func(c *lint.Check) bool { return c.Name == check })
}

// Record returns the baseline of the run as it stands: its findings that
// describe a problem present now (neither fixed nor notes about a
// baseline) and its evidence gaps.
func (r *Result) Record() *baseline.File {
	var fs []lint.Finding
	for _, f := range r.Findings {
		if f.State != StateFixed && f.State != StateUnverified && !f.UnusedEntry {
			fs = append(fs, f.Finding)
		}
	}
	gs := make([]lint.Gap, len(r.Gaps))
	for i, g := range r.Gaps {
		gs[i] = g.Gap
	}
	return baseline.FromRun(fs, gs)
}
