package snapdiff

import (
	"slices"

	"github.com/bwlint/bwlint/lint/judge"
)

// MaskPersonal returns r with the personal data of its findings, of both
// sides' judged runs, of the changes' rows and values and of the lost
// evidence's reasons masked by m
// (--mask-personal-data). It is the last step of a review: the findings
// were matched, waived and tied to the changes as the checks reported
// them, and keep their order, which the changes' effects and the policy
// changes refer to. The captures' line diffs are masked as they are made,
// for a side whose MaskPersonal is set.
func (r *Review) MaskPersonal(m *judge.Masker) *Review {
	out := *r
	out.Findings = m.Findings(r.Findings)
	for _, s := range []*Side{&out.Before, &out.After} {
		if s.Result != nil {
			s.Result = s.Result.MaskPersonal(m)
		}
	}
	out.Changes = slices.Clone(r.Changes)
	for i := range out.Changes {
		c := &out.Changes[i]
		c.Row, c.Before, c.After = m.Text(c.Row), m.Text(c.Before), m.Text(c.After)
	}
	out.LostEvidence = slices.Clone(r.LostEvidence)
	for i := range out.LostEvidence {
		l := &out.LostEvidence[i]
		l.Reasons = slices.Clone(l.Reasons)
		for j := range l.Reasons {
			l.Reasons[j] = m.Text(l.Reasons[j])
		}
	}
	return &out
}
