package judge

import (
	"cmp"
	"slices"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
)

// Result is a run with its verdicts: what reporters render.
type Result struct {
	// Run is what the checks produced, unchanged.
	Run *lint.Result
	// Checks are the checks of the run and the judging checks that
	// reported something, in name order.
	Checks   []*lint.Check
	Findings []Finding
	Gaps     []Gap
	// NotEvaluated, Failures and Problems are the run's.
	NotEvaluated []lint.NotEvaluated
	Failures     []lint.Failure
	Problems     []source.Problem
	// Baseline counts how the findings compared with a baseline; nil
	// when they were compared with none.
	Baseline *BaselineCounts
	// Waivers are the policy's waivers the run was judged with, in the
	// file's order, those that waived nothing included; a waived
	// finding's Waiver points at one of them. Nil when no waiver was
	// applied (--no-waivers, or no policy).
	Waivers []Waiver

	notes Notes
}

// Finding is a check's finding with what the judging made of it.
type Finding struct {
	lint.Finding
	// Waiver is the policy's waiver that covers the finding: it is
	// reported but does not fail the run.
	Waiver *Waiver
	// State compares the finding with an earlier capture or a baseline:
	// "" when there is nothing to compare with.
	State State
	// Baselined is set when a baseline entry matches the finding with the
	// same value: it is reported but does not fail the run.
	Baselined bool
	// Before is, for a changed finding of a review, the finding of the
	// earlier snapshot it was matched with; its Location is relative to
	// that snapshot's root.
	Before *lint.Finding
	// UnusedEntry marks the note about a baseline entry that matched
	// nothing (baseline_entry_unused). Its State is fixed when the
	// evidence the entry's finding was read from is still there (a stale
	// entry: the finding is gone), and unverified when that evidence is
	// gone too (see Lost). It is a note about the baseline file, not a
	// problem that was fixed, and reports say so.
	UnusedEntry bool
	// NewWaiver is set, in a review, on a finding whose waiver the
	// earlier snapshot's policy did not have (or that did not cover it
	// there): the change itself accepts it (WaivedOnlyByNew).
	NewWaiver bool
	// Lost is, for an unverified finding, the evidence the later run
	// lost: the check no longer evaluated on the host, and why.
	Lost *lint.LostEvidence

	// staleFails is set on a stale baseline entry's note when the run
	// fails on stale entries (BaselineOptions.FailOnStale).
	staleFails bool
}

// State is a finding's standing against an earlier capture or baseline.
type State string

// Finding states. SARIF calls the first four new, unchanged, updated and
// absent; an unverified finding stays open there (unchanged, with the
// property "unverified").
const (
	StateNew       State = "new"
	StateUnchanged State = "unchanged"
	StateChanged   State = "changed"
	StateFixed     State = "fixed"
	// StateUnverified is an earlier finding that the later run does not
	// report because the evidence it was read from is gone: its capture
	// deleted or no longer understood, its host gone. It is neither
	// fixed nor known to be present, and fails a review as missing
	// evidence does (see lint.MissingEvidence).
	StateUnverified State = "unverified"
)

// UnusedBaselineEntry reports whether the finding reports a baseline
// entry that matched nothing.
func (f Finding) UnusedBaselineEntry() bool { return f.UnusedEntry }

// StaleBaselineEntry reports whether the finding reports a baseline entry
// that matched nothing while its evidence is still there: the finding it
// recorded is gone, and the entry would accept it, unseen, should it
// return.
func (f Finding) StaleBaselineEntry() bool { return f.UnusedEntry && f.State == StateFixed }

// Counts reports whether the finding counts towards the exit code: it is
// neither waived, nor known from the baseline, nor already fixed, nor
// unverified (which counts as missing evidence: Result.Unverified) — or
// it is a stale baseline entry of a run that fails on them.
func (f Finding) Counts() bool {
	if f.staleFails {
		return true
	}
	return f.Waiver == nil && !f.Baselined && f.State != StateFixed && f.State != StateUnverified
}

// CountsAsMissingEvidence reports whether the finding is unverified, not
// waived, and fails a run that treats missing evidence as m at threshold
// t. A baseline entry whose evidence is gone never does: what it recorded
// was accepted, and the lost capture is an evidence gap of its own where
// the check applies.
func (f Finding) CountsAsMissingEvidence(t lint.Threshold, m lint.MissingEvidence) bool {
	return f.State == StateUnverified && !f.UnusedEntry && f.Waiver == nil && m == lint.FailOnGaps && t.Fails(f.Severity)
}

// Gap is an evidence gap with what the judging made of it.
type Gap struct {
	lint.Gap
	// Baselined is set when a baseline records the gap: it is reported
	// but does not fail the run.
	Baselined bool
}

// Counts reports whether the gap fails a run that treats missing evidence
// as m: every gap the baseline does not record, unless gaps are only
// reported.
func (g Gap) Counts(m lint.MissingEvidence) bool { return m == lint.FailOnGaps && !g.Baselined }

// BaselineCounts says how a run's findings compared with a baseline.
type BaselineCounts struct {
	// Baselined findings matched an entry with the same value.
	Baselined int
	// Changed findings matched an entry by key but their value changed;
	// they count again.
	Changed int
	// New findings matched no entry.
	New int
	// Unused entries matched no finding or gap.
	Unused int
	// BaselinedGaps matched a gap the baseline records; NewGaps did not.
	BaselinedGaps, NewGaps int
	// Stale counts the unused entries whose evidence is still there,
	// Unverified those whose evidence is gone.
	Stale, Unverified int
	// FailOnStale is set when stale entries fail the run.
	FailOnStale bool
}

// Notes are the checks that report on the judging inputs themselves,
// defined with the other checks: an expired waiver, a waiver that covers
// no finding, a baseline entry that matches none. A nil check reports
// nothing, and neither does one the policy turns off.
type Notes struct {
	WaiverExpired, WaiverUnused, BaselineEntryUnused *lint.Check
}

// New returns the run as it stands, judged by nothing yet.
func New(res *lint.Result, notes Notes) *Result {
	j := &Result{
		Run: res, Checks: slices.Clone(res.Checks),
		NotEvaluated: res.NotEvaluated, Failures: res.Failures, Problems: res.Problems,
		notes: notes,
	}
	j.Findings = make([]Finding, len(res.Findings))
	for i, f := range res.Findings {
		j.Findings[i] = Finding{Finding: f}
	}
	j.Gaps = make([]Gap, len(res.Gaps))
	for i, g := range res.Gaps {
		j.Gaps[i] = Gap{Gap: g}
	}
	return j
}

// clone copies r deeply enough that a step may change the copy's
// findings, gaps and checks.
func (r *Result) clone() *Result {
	c := *r
	c.Checks, c.Findings, c.Gaps = slices.Clone(r.Checks), slices.Clone(r.Findings), slices.Clone(r.Gaps)
	if r.Baseline != nil {
		b := *r.Baseline
		c.Baseline = &b
	}
	return &c
}

// addCheck lists a judging check that reported, keeping name order.
func (r *Result) addCheck(ch *lint.Check) {
	if slices.Contains(r.Checks, ch) {
		return
	}
	r.Checks = append(r.Checks, ch)
	slices.SortFunc(r.Checks, func(a, b *lint.Check) int { return cmp.Compare(a.Name, b.Name) })
}

// Sort orders findings as every report shows them (lint.SortFindings).
func Sort(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int { return lint.CompareFindings(a.Finding, b.Finding) })
}

// LintFindings returns the findings without their verdicts.
func LintFindings(fs []Finding) []lint.Finding {
	out := make([]lint.Finding, len(fs))
	for i, f := range fs {
		out[i] = f.Finding
	}
	return out
}

// Counting returns the findings that count towards the exit code: those
// at or above the threshold that are neither waived, baselined, fixed nor
// unverified, and the stale baseline entries of a run that fails on them,
// whatever the threshold.
func (r *Result) Counting(t lint.Threshold) []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Counts() && (t.Fails(f.Severity) || f.staleFails) {
			out = append(out, f)
		}
	}
	return out
}

// Unverified returns the unverified findings that fail a run at threshold
// t that treats missing evidence as m (Finding.CountsAsMissingEvidence).
func (r *Result) Unverified(t lint.Threshold, m lint.MissingEvidence) []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.CountsAsMissingEvidence(t, m) {
			out = append(out, f)
		}
	}
	return out
}

// CountingGaps returns the gaps that fail a run that treats missing
// evidence as m.
func (r *Result) CountingGaps(m lint.MissingEvidence) []Gap {
	var out []Gap
	for _, g := range r.Gaps {
		if g.Counts(m) {
			out = append(out, g)
		}
	}
	return out
}

// HasInputErrors reports whether any input problem is an error.
func (r *Result) HasInputErrors() bool { return r.Run.HasInputErrors() }

// ExitCode decides a run's exit code: a failed check or parser outranks
// unreadable or missing evidence (input errors, and evidence gaps and
// unverified findings unless m only reports them), which outranks findings
// at or above the threshold.
func (r *Result) ExitCode(t lint.Threshold, m lint.MissingEvidence) int {
	switch {
	case len(r.Failures) > 0, slices.ContainsFunc(r.Problems, func(p source.Problem) bool { return p.Internal }):
		return lint.ExitInternal
	case r.HasInputErrors(), len(r.CountingGaps(m)) > 0, len(r.Unverified(t, m)) > 0:
		return lint.ExitInput
	case len(r.Counting(t)) > 0:
		return lint.ExitFindings
	}
	return lint.ExitOK
}
