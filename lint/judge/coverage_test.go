package judge_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/hashicorp/hcl/v2"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/judge"
)

// TestCoverage builds the matrix an auditor reads: one cell per check
// and host, from the run's coverage and the judged findings.
func TestCoverage(t *testing.T) {
	ev := lint.CLI(inputs.RoleAS, "Interface/Messaging", "get", "hosts/<host>/interface-messaging.txt")
	asCheck := &lint.Check{Name: "as_a", Severity: lint.Error, Evidence: []lint.Evidence{ev}}
	xspCheck := &lint.Check{Name: "xsp_b", Severity: lint.Error,
		Evidence: []lint.Evidence{lint.CLI(inputs.RoleXSP, "System", "get", "hosts/<host>/system.txt")}}
	hubCheck := &lint.Check{Name: "hub_c", Severity: lint.Warning,
		Evidence: []lint.Evidence{lint.PartnerHub("templates", "partnerhub/templates/<name>.json")}}
	snap := &inputs.Snapshot{Hosts: []*inputs.Host{
		{Name: "as1", Role: inputs.RoleAS}, {Name: "as2", Role: inputs.RoleAS}, {Name: "as3", Role: inputs.RoleAS},
		{Name: "as4", Role: inputs.RoleAS}, {Name: "as5", Role: inputs.RoleAS},
	}}
	hub := finding("hub_c", "", "template", "x", 1)
	res := &lint.Result{
		Checks:   []*lint.Check{asCheck, hubCheck, xspCheck, expiredCheck},
		Findings: []lint.Finding{finding("as_a", "as2", "k", "v", 3), finding("as_a", "as3", "k", "v", 3), hub},
		NotEvaluated: []lint.NotEvaluated{
			{Check: "as_a", Host: "as1", Reason: "password masked", Partial: true},
			{Check: "as_a", Host: "as5", Reason: "feature not in use"},
			{Check: "xsp_b", Reason: "no XSP or ADP host in the snapshot"},
		},
		Gaps: []lint.Gap{{Check: "as_a", Host: "as4", Evidence: ev, Reason: "no capture of Interface/Messaging"}},
	}
	day := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
	j := judge.New(res, notes).Waive(judge.Policy{Day: day, Waivers: []judge.Waiver{
		{Name: "w", Check: "as_a", Hosts: []string{"AS3"}, Reason: "r", Expires: "2027-01-31"},
	}})
	want := []judge.Cell{
		{Check: "as_a", Host: "as1", Status: judge.CellPassed, Reasons: []string{"password masked"}},
		{Check: "as_a", Host: "as2", Status: judge.CellFinding, Findings: 1},
		{Check: "as_a", Host: "as3", Status: judge.CellWaived, Findings: 1, Waived: 1},
		{Check: "as_a", Host: "as4", Status: judge.CellGap, Reasons: []string{"no capture of Interface/Messaging"}},
		{Check: "as_a", Host: "as5", Status: judge.CellNotEvaluated, Reasons: []string{"feature not in use"}},
		{Check: "hub_c", Host: "", Status: judge.CellFinding, Findings: 1},
		{Check: "xsp_b", Host: "", Status: judge.CellNotEvaluated, Reasons: []string{"no XSP or ADP host in the snapshot"}},
	}
	got := j.Coverage(snap)
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("coverage (-want +got):\n%s", diff)
	}
	counts := judge.CoverageCounts(got)
	if counts[judge.CellPassed] != 1 || counts[judge.CellFinding] != 2 || counts[judge.CellWaived] != 1 || counts[judge.CellNotEvaluated] != 2 || counts[judge.CellGap] != 1 {
		t.Errorf("counts %v", counts)
	}

	// The same run unwaived: as3's finding is a finding.
	for _, c := range judge.New(res, notes).Coverage(snap) {
		if c.Host == "as3" && c.Status != judge.CellFinding {
			t.Errorf("unwaived as3: %s, want finding", c.Status)
		}
	}
}

// TestWaiversTravelWithThePolicy: the judged run lists the policy's
// waivers, the unused one too, and relocating the policy file moves them
// and the waiver each waived finding names.
func TestWaiversTravelWithThePolicy(t *testing.T) {
	at := func(file string, line int) hcl.Range {
		return hcl.Range{Filename: file, Start: hcl.Pos{Line: line, Column: 1}, End: hcl.Pos{Line: line, Column: 9}}
	}
	p := judge.Policy{Day: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC), Waivers: []judge.Waiver{
		{Name: "used", Check: "as_a", Reason: "r", Owner: "voice-ops", ApprovedBy: "CAB-77", Granted: "2026-11-01", Expires: "2027-01-31", At: at("../.bwlint.hcl", 3)},
		{Name: "unused", Check: "as_b", Reason: "r", Expires: "2027-01-31", At: at("../.bwlint.hcl", 9)},
	}}
	j := run(finding("as_a", "as1", "k", "v", 3)).Waive(p).Relocated(map[string]string{"../.bwlint.hcl": "../../policy/.bwlint.hcl"})
	if len(j.Waivers) != 2 || j.Waivers[0].At.Filename != "../../policy/.bwlint.hcl" || j.Waivers[1].At.Start.Line != 9 {
		t.Fatalf("waivers %+v", j.Waivers)
	}
	for _, f := range j.Findings {
		if f.Check == "as_a" && (f.Waiver != &j.Waivers[0] || f.Waiver.ApprovedBy != "CAB-77" || f.Waiver.Granted != "2026-11-01") {
			t.Errorf("the waived finding names %+v, not the relocated waiver", f.Waiver)
		}
	}
	if p.Waivers[0].At.Filename != "../.bwlint.hcl" {
		t.Errorf("relocating changed the policy's own waivers")
	}
}
