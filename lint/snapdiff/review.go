package snapdiff

import (
	"slices"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/config"
	"github.com/bwlint/bwlint/lint/judge"
)

// Side is one snapshot of a review and the judged lint run on it. Result
// may be nil when no checks ran.
type Side struct {
	Snapshot *inputs.Snapshot
	Result   *judge.Result
	// MaskPersonal hides personal data in the side's captures as the
	// review shows them (--mask-personal-data); Review.MaskPersonal masks
	// the findings once the review is made.
	MaskPersonal bool
	// Policy is the side's own policy file (the one found for it as
	// for a lint of it alone); nil when the review compares no policies.
	// Both sides are judged by the after side's: the before side's says
	// which policy changes the change brings, and which waivers are new.
	Policy *config.Config
	// Waivers are Policy's waivers as of the review's day.
	Waivers judge.Policy
}

// ReviewOptions say how a change is judged.
type ReviewOptions struct {
	// AcceptNewWaivers lets a waiver new in the after side's policy
	// accept a new or changed finding; by default such a finding is
	// introduced like an unwaived one, since the change that brings the
	// finding brings its acceptance too.
	AcceptNewWaivers bool
}

// Review is everything a pre-change review shows.
type Review struct {
	Before, After Side
	// Changes are sorted by host, context, row and key.
	Changes []Change
	// Captures are the files whose text differs, by host and path.
	Captures []Capture
	// Findings are both sides' findings compared by judge.Compare:
	// after's findings, then before's fixed ones.
	Findings []judge.Finding
	// LostEvidence lists every check that was evaluated on a host before
	// and is not after: what it found before is neither confirmed nor
	// fixed by the change (its findings are unverified). Reviews list it
	// first.
	LostEvidence []lint.LostEvidence
	// PolicyChanges are the differences between the two sides' policy
	// files, each with the findings a waiver it adds accepts.
	PolicyChanges []PolicyChange
	// Options are how the change was judged.
	Options ReviewOptions
}

// PolicyChange is a difference between the sides' policy files and, for a
// waiver, the review's findings it waives that the before policy did not.
type PolicyChange struct {
	config.PolicyChange
	// Waives are indexes into Review.Findings.
	Waives []int
}

// Compare reviews the change from before to after. Neither snapshot is
// modified.
func Compare(before, after Side, o ReviewOptions) *Review {
	r := &Review{Before: before, After: after, Options: o}
	hostChanges, oneSided := compareHosts(before.Snapshot, after.Snapshot)
	red := newRedactor(before, after)
	settingChanges := compareSnapshots(before.Snapshot, after.Snapshot, red)
	r.Changes = slices.Concat(hostChanges, settingChanges)
	sortChanges(r.Changes)
	r.Captures = compareFiles(before.Snapshot, after.Snapshot, red, oneSided)
	sortCaptures(r.Captures)
	if before.Result != nil && after.Result != nil {
		r.LostEvidence = lint.Lost(before.Result.Run.Coverage(before.Snapshot), after.Result.Run.Coverage(after.Snapshot))
	}
	r.Findings = judge.Compare(findingsOf(before.Result), findingsOf(after.Result), r.LostEvidence)
	if before.Policy != nil || after.Policy != nil {
		r.Findings = judge.WaivedOnlyByNew(r.Findings, before.Waivers)
		for _, pc := range config.ComparePolicies(before.Policy, after.Policy) {
			r.PolicyChanges = append(r.PolicyChanges, PolicyChange{PolicyChange: pc, Waives: r.waivedBy(pc)})
		}
	}
	r.Changes = linkEffects(r)
	return r
}

// waivedBy lists the findings a waiver block the change added or altered
// waives and the before policy did not.
func (r *Review) waivedBy(pc config.PolicyChange) []int {
	if pc.Block != "waiver" || pc.Kind == config.PolicyRemoved {
		return nil
	}
	var out []int
	for i, f := range r.Findings {
		if f.NewWaiver && f.Waiver != nil && f.Waiver.Name == pc.Name && !slices.Contains(out, i) {
			out = append(out, i)
		}
	}
	return out
}

// Gaps returns the after snapshot's evidence gaps: the change review is
// blind where they are.
func (r *Review) Gaps() []judge.Gap {
	if r.After.Result == nil {
		return nil
	}
	return r.After.Result.Gaps
}

// CountingGaps returns the after snapshot's gaps that fail the review
// under m. The before snapshot's gaps never fail it: they were there
// before the change.
func (r *Review) CountingGaps(m lint.MissingEvidence) []judge.Gap {
	if r.After.Result == nil {
		return nil
	}
	return r.After.Result.CountingGaps(m)
}

func findingsOf(r *judge.Result) []judge.Finding {
	if r == nil {
		return nil
	}
	return r.Findings
}

// Introduced returns the findings the change brings in that fail a run at
// threshold t: new or changed, counting — or waived only by a waiver the
// change itself adds, unless the review accepts new waivers — and at or
// above t. Fixed and unchanged findings never fail a review: they were
// there before; unverified ones fail it as missing evidence
// (Unverified).
func (r *Review) Introduced(t lint.Threshold) []judge.Finding {
	var out []judge.Finding
	for _, f := range r.Findings {
		if r.introduces(f, t) {
			out = append(out, f)
		}
	}
	return out
}

func (r *Review) introduces(f judge.Finding, t lint.Threshold) bool {
	if f.State != judge.StateNew && f.State != judge.StateChanged || !t.Fails(f.Severity) {
		return false
	}
	return f.Counts() || r.newlyWaived(f)
}

// newlyWaived reports whether f is waived only by a waiver new in the
// change, and the review does not accept such waivers.
func (r *Review) newlyWaived(f judge.Finding) bool {
	return f.NewWaiver && f.Waiver != nil && !f.Baselined && !r.Options.AcceptNewWaivers
}

// Unverified returns the findings of the before snapshot whose evidence
// the after snapshot lost and that fail the review at threshold t under
// m: not waived, at or above t, and missing evidence failing.
func (r *Review) Unverified(t lint.Threshold, m lint.MissingEvidence) []judge.Finding {
	var out []judge.Finding
	for _, f := range r.Findings {
		if f.CountsAsMissingEvidence(t, m) {
			out = append(out, f)
		}
	}
	return out
}

// NotEvaluated returns what the after snapshot's checks could not judge.
func (r *Review) NotEvaluated() []lint.NotEvaluated {
	if r.After.Result == nil {
		return nil
	}
	return r.After.Result.NotEvaluated
}

// HasInputErrors reports whether either snapshot has an input error.
func (r *Review) HasInputErrors() bool {
	return r.Before.Snapshot.HasErrors() || r.After.Snapshot.HasErrors()
}

// CheckFailures counts checks that failed to run on either side.
func (r *Review) CheckFailures() int {
	n := 0
	for _, s := range []Side{r.Before, r.After} {
		if s.Result != nil {
			n += len(s.Result.Failures)
		}
	}
	return n
}
