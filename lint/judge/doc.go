// Package judge is the stage between running the checks and reporting:
// it takes what the checks found (a lint.Result) and decides what each
// finding and evidence gap means for this run, without changing the run.
//
//	res := lint.Run(ctx, snap, checks, settings)      // findings, gaps, not evaluated, failures
//	j := judge.New(res, notes).                        // the run as it stands
//		Waive(policy).                                 // waivers of the policy file, as of a day
//		AgainstBaseline(file)                          // a baseline of known findings and gaps
//	review := judge.Compare(before, after)             // or: the states of a change
//
// Each step returns a new Result and leaves its input as it was: a
// baseline is written from the run after its waivers and before any
// baseline, and a review compares two judged runs. For a report that
// leaves the organisation, MaskPersonal is the last step (personal.go):
// waivers and the baseline match the findings as the checks wrote them.
//
// Findings are matched one way everywhere (match.go): by lint.Finding.Key,
// which holds neither line numbers nor values, then by ValueHash. A
// baseline entry, or a finding of the earlier snapshot of a review, that
// has the same Key and value is unchanged; the same Key and another value
// is changed; no Key is new; an earlier one that matched nothing is
// fixed. Gaps are matched by lint.Gap.Key.
//
// A judged Finding carries its verdict beside the check's finding — the
// waiver that covers it, its State, whether a baseline knows it, and what
// it was before a change — so that a further state (a finding whose
// evidence a review lost) or the per-host coverage matrix (Coverage:
// passed, finding, waived, not evaluated, evidence gap, from
// Result.Run.Coverage joined with the judged findings) are new fields and
// functions here, not changes to the stages. The checks that report on the judging inputs themselves (an
// expired or unused waiver, an unused baseline entry) are defined with
// the other checks and handed in as Notes; the judge writes their
// findings.
package judge
