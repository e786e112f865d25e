package config_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/judge"
)

const patchWaiver = `
waiver "as2-patch-window" {
  check   = "as_required_patches"
  hosts   = ["as2"]
  reason  = "patch in change CHG-1234"
  owner   = "voice-ops"
  expires = "%s"
}
`

func waiverPolicy(expires string) string { return strings.Replace(patchWaiver, "%s", expires, 1) }

// TestWaiverPolicy: the waiver blocks reach the judging stage as they
// are written, with their provenance and the place of their block.
func TestWaiverPolicy(t *testing.T) {
	cfg := parse(t, waiverPolicy("2027-01-31")+`
waiver "all-patches" {
  check   = "as_required_patches"
  reason  = "patch programme PRJ-7"
  expires = "2027-06-30"
  approved_by = "change board CAB-77"
  granted = "2026-06-01"
}
check "as_imp_matches_template" { enabled = false }
check "config_waiver_unused" { severity = "warning" }
`)
	p := cfg.Policy(today)
	want := []judge.Waiver{
		{Name: "as2-patch-window", Check: "as_required_patches", Hosts: []string{"as2"}, Reason: "patch in change CHG-1234", Owner: "voice-ops", Expires: "2027-01-31",
			At: hcl.Range{Filename: "test.hcl", Start: hcl.Pos{Line: 2, Column: 1, Byte: 1}, End: hcl.Pos{Line: 2, Column: 26, Byte: 26}}},
		{Name: "all-patches", Check: "as_required_patches", Hosts: []string{}, Reason: "patch programme PRJ-7", Expires: "2027-06-30",
			ApprovedBy: "change board CAB-77", Granted: "2026-06-01",
			At: hcl.Range{Filename: "test.hcl", Start: hcl.Pos{Line: 10, Column: 1, Byte: 174}, End: hcl.Pos{Line: 10, Column: 21, Byte: 194}}},
	}
	if diff := cmp.Diff(want, p.Waivers); diff != "" {
		t.Errorf("waivers (-want +got):\n%s", diff)
	}
	if !p.Day.Equal(today) || !p.Off["as_imp_matches_template"] || p.Off["as_required_patches"] || p.Severity["config_waiver_unused"] != lint.Warning {
		t.Errorf("policy: day %v, off %v, severity %v", p.Day, p.Off, p.Severity)
	}
}

// TestWaivedFindingStaysButStopsCounting: through the judging stage, the
// waived finding is still in the result with the waiver's details, and no
// longer counts.
func TestWaivedFindingStaysButStopsCounting(t *testing.T) {
	res := run(t, parse(t, waiverPolicy("2027-01-31")))
	fs := findingsOf(res, "as_required_patches")
	if len(fs) != 1 || fs[0].Waiver == nil || fs[0].Waiver.Name != "as2-patch-window" {
		t.Fatalf("as_required_patches findings: %+v", fs)
	}
	for _, f := range res.Counting(lint.Threshold(lint.Note)) {
		if f.Check == "as_required_patches" {
			t.Error("the waived finding still counts")
		}
	}
	if fs := slices.Concat(findingsOf(res, "config_waiver_expired"), findingsOf(res, "config_waiver_unused")); len(fs) > 0 {
		t.Errorf("a live, used waiver is reported: %+v", fs)
	}
}

// TestWaiverChecksStayOn: a selection that narrows the snapshot checks
// keeps the policy's own checks, unless it names them.
func TestWaiverChecksStayOn(t *testing.T) {
	if off := parse(t, `lint { checks = ["xsp_*"] }`).Policy(today).Off; off["config_waiver_expired"] || off["config_waiver_unused"] {
		t.Errorf("narrowing to xsp_* turns a waiver check off: %v", off)
	}
	if off := parse(t, `lint { checks = ["all", "-config_*"] }`).Policy(today).Off; !off["config_waiver_expired"] || !off["config_waiver_unused"] {
		t.Errorf("-config_* leaves a waiver check on: %v", off)
	}
}
