package snapdiff

import (
	"slices"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/judge"
)

// Side is one snapshot of a review and the judged lint run on it. Result
// may be nil when no checks ran.
type Side struct {
	Snapshot *inputs.Snapshot
	Result   *judge.Result
	// MaskPersonal hides personal data in the side's captures as the
	// review shows them (--mask-personal-data); the caller masks Result
	// (judge.Result.MaskPersonal).
	MaskPersonal bool
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
	// fixed by the change. Reviews list it first.
	LostEvidence []lint.LostEvidence
}

// Compare reviews the change from before to after. Neither snapshot is
// modified.
func Compare(before, after Side) *Review {
	r := &Review{Before: before, After: after}
	hostChanges, oneSided := compareHosts(before.Snapshot, after.Snapshot)
	b, a := flatten(before.Snapshot), flatten(after.Snapshot)
	r.Changes = slices.Concat(hostChanges, compareSettings(b, a, oneSided))
	sortChanges(r.Changes)
	r.Captures = compareFiles(before.Snapshot, after.Snapshot, newRedactor(before, after, b, a), oneSided)
	sortCaptures(r.Captures)
	r.Findings = judge.Compare(findingsOf(before.Result), findingsOf(after.Result))
	if before.Result != nil && after.Result != nil {
		r.LostEvidence = lint.Lost(before.Result.Run.Coverage(before.Snapshot), after.Result.Run.Coverage(after.Snapshot))
	}
	return r
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
// threshold t: new or changed, counting, and at or above t. Fixed and
// unchanged findings never fail a review: they were there before.
func (r *Review) Introduced(t lint.Threshold) []judge.Finding {
	var out []judge.Finding
	for _, f := range r.Findings {
		if introduces(f, t) {
			out = append(out, f)
		}
	}
	return out
}

func introduces(f judge.Finding, t lint.Threshold) bool {
	return (f.State == judge.StateNew || f.State == judge.StateChanged) && f.Counts() && t.Fails(f.Severity)
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
