package report

import (
	"strings"

	"github.com/bwlint/bwlint/lint/judge"
)

// The results of a SARIF run: one per finding, with its suppressions and
// baseline state.

func (b *sarifBuilder) result(f judge.Finding, audit bool) sarifResult {
	res := sarifResult{
		RuleID:              f.Check,
		RuleIndex:           b.rule(f.Check),
		Level:               f.Severity.String(),
		Message:             sarifText{Text: sentence(f.Message)},
		PartialFingerprints: map[string]string{fingerprintKey: f.Fingerprint()},
		BaselineState:       sarifBaselineState(f.State),
	}
	// A fixed or unverified finding's range is in the earlier capture:
	// no snippet.
	showSource := !f.Secret && f.State != judge.StateFixed && f.State != judge.StateUnverified
	loc := b.location(f.Location, f.Host, showSource)
	loc.LogicalLocations = b.logicalLocations(f.Logical)
	res.Locations = []sarifLocation{loc}
	for i, rel := range f.Related {
		l := b.location(rel.Location, f.Host, showSource)
		l.ID = ptr(i + 1)
		l.Message = &sarifText{Text: sentence(rel.Message)}
		res.RelatedLocations = append(res.RelatedLocations, l)
	}
	props := &sarifResultProps{Secret: f.Secret, Baselined: f.Baselined, Unverified: f.State == judge.StateUnverified}
	if l := f.Lost; l != nil {
		props.LostEvidence = l.Host + ": " + strings.ReplaceAll(string(l.Status), "_", " ")
		if len(l.Reasons) > 0 {
			props.LostEvidence += ": " + strings.Join(l.Reasons, "; ")
		}
	}
	if !f.Secret {
		props.Expected, props.Actual = f.Expected, f.Actual
	}
	if *props != (sarifResultProps{}) {
		res.Properties = props
	}
	if audit {
		// SARIF §3.27.23: suppressions are present on every result of a
		// run or on none; an empty list says "not suppressed".
		sups := []sarifSuppression{}
		if wv := f.Waiver; wv != nil {
			s := sarifSuppression{
				Kind: "external", Status: "accepted", Justification: wv.Reason,
				Properties: sarifSuppressionProps{Waiver: wv.Name, Owner: wv.Owner, ApprovedBy: wv.ApprovedBy, Granted: wv.Granted,
					Expires: wv.Expires, Hosts: wv.Hosts},
			}
			if wv.At.Filename != "" {
				loc := b.location(wv.At, "", false)
				s.Location = &loc
			}
			sups = append(sups, s)
		}
		res.Suppressions = &sups
	}
	return res
}

func sarifBaselineState(s judge.State) string {
	switch s {
	case judge.StateNew:
		return "new"
	case judge.StateUnchanged:
		return "unchanged"
	case judge.StateChanged:
		return "updated"
	case judge.StateFixed:
		return "absent"
	case judge.StateUnverified:
		// Not "absent": nothing shows the finding gone, and code
		// scanning closes an alert whose result is absent. The result
		// stays open, marked by the property "unverified".
		return "unchanged"
	}
	return ""
}
