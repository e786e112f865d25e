package config

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/bwlint/bwlint/lint"
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

// TestWaivedFindingStaysButStopsCounting: the waived finding is still in
// the result with the waiver's details, and no longer counts.
func TestWaivedFindingStaysButStopsCounting(t *testing.T) {
	cfg := parse(t, waiverPolicy("2027-01-31"))
	res := run(t, cfg, exampleSnapshot, true)
	fs := findingsOf(res, "as_required_patches")
	if len(fs) != 1 {
		t.Fatalf("as_required_patches findings: %+v", fs)
	}
	want := &lint.Waiver{Name: "as2-patch-window", Reason: "patch in change CHG-1234", Owner: "voice-ops", Expires: "2027-01-31"}
	if diff := cmp.Diff(want, fs[0].Waiver); diff != "" {
		t.Errorf("waiver (-want +got):\n%s", diff)
	}
	for _, f := range res.Counting(lint.Threshold(lint.Note)) {
		if f.Check == "as_required_patches" {
			t.Error("the waived finding still counts")
		}
	}
	if fs := findingsOf(res, "config_waiver_expired"); len(fs) > 0 {
		t.Errorf("a live waiver is reported expired: %+v", fs)
	}
	if fs := findingsOf(res, "config_waiver_unused"); len(fs) > 0 {
		t.Errorf("a used waiver is reported unused: %+v", fs)
	}
}

// TestWaiverHoldsThroughItsLastDay: expires names the last day covered.
func TestWaiverHoldsThroughItsLastDay(t *testing.T) {
	res := run(t, parse(t, waiverPolicy(today.Format("2006-01-02"))), exampleSnapshot, true)
	if fs := findingsOf(res, "as_required_patches"); len(fs) != 1 || fs[0].Waiver == nil {
		t.Errorf("a waiver expiring today does not hold: %+v", fs)
	}
}

func TestExpiredWaiver(t *testing.T) {
	cfg := parse(t, waiverPolicy("2026-06-14"))
	res := run(t, cfg, exampleSnapshot, true)
	if fs := findingsOf(res, "as_required_patches"); len(fs) != 1 || fs[0].Waiver != nil {
		t.Errorf("an expired waiver still waives: %+v", fs)
	}
	got := findingsOf(res, "config_waiver_expired")
	want := []lint.Finding{{
		Check:    "config_waiver_expired",
		Severity: lint.Warning,
		Message:  `waiver "as2-patch-window" for as_required_patches on as2 expired on 2026-06-14; the finding it covered counts again`,
		Location: hcl.Range{Filename: "test.hcl", Start: hcl.Pos{Line: 2, Column: 1, Byte: 1}, End: hcl.Pos{Line: 2, Column: 26, Byte: 26}},
		Logical:  lint.Logical{Context: "config", Key: "as2-patch-window"},
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("config_waiver_expired (-want +got):\n%s", diff)
	}
	if !contains(res.Counting(lint.Threshold(lint.Warning)), "config_waiver_expired") {
		t.Error("the expired waiver does not count at --fail-on warning")
	}
}

func TestUnusedWaiver(t *testing.T) {
	cfg := parse(t, `
waiver "as1-patch-window" {
  check   = "as_required_patches"
  hosts   = ["as1"]
  reason  = "patch in change CHG-1234"
  expires = "2027-01-31"
}
waiver "lab-template" {
  check   = "as_imp_matches_template"
  reason  = "the lab template is fixed in CHG-1240"
  expires = "2027-01-31"
}
`)
	res := run(t, cfg, exampleSnapshot, true)
	got := describe(res, func(c string) bool { return strings.HasPrefix(c, "config_") })
	want := `note config_waiver_unused - test.hcl:2:1-2:26
  waiver "as1-patch-window" for as_required_patches on as1 covers no finding; remove it, or correct its check or hosts
  logical: config | as1-patch-window
`
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// The waiver without hosts covers as2's template finding.
	if fs := findingsOf(res, "as_imp_matches_template"); len(fs) != 1 || fs[0].Waiver == nil || fs[0].Waiver.Name != "lab-template" {
		t.Errorf("as_imp_matches_template: %+v", fs)
	}
}

func TestUnusedWaiverOfDisabledCheck(t *testing.T) {
	cfg := parse(t, waiverPolicy("2027-01-31")+`check "as_required_patches" { enabled = false }`)
	res := run(t, cfg, exampleSnapshot, true)
	fs := findingsOf(res, "config_waiver_unused")
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "this configuration turns as_required_patches off") {
		t.Errorf("config_waiver_unused: %+v", fs)
	}
}

// TestNoWaivers is the --no-waivers path: the run without ApplyWaivers
// shows every finding unwaived and nothing about the waivers.
func TestNoWaivers(t *testing.T) {
	cfg := parse(t, waiverPolicy("2027-01-31")+`
waiver "old-template" {
  check   = "as_imp_matches_template"
  reason  = "fixed in CHG-1000"
  expires = "2020-01-01"
}
`)
	res := run(t, cfg, exampleSnapshot, false)
	for _, f := range res.Findings {
		if f.Waiver != nil || strings.HasPrefix(f.Check, "config_") {
			t.Errorf("finding %s %q with waivers skipped", f.Check, f.Message)
		}
	}
	if !contains(res.Counting(lint.Threshold(lint.Warning)), "as_required_patches") {
		t.Error("the unwaived finding does not count")
	}
}

func TestWaiverChecksCanBeTurnedOff(t *testing.T) {
	cfg := parse(t, waiverPolicy("2020-01-01")+`lint { checks = ["all", "-config_*"] }`)
	res := run(t, cfg, exampleSnapshot, true)
	if fs := findingsOf(res, "config_waiver_expired"); len(fs) > 0 {
		t.Errorf("a deselected config check reported: %+v", fs)
	}
}

// TestApplyWaiversListsItsChecks: a caller that ran other checks than
// Config.Checks still gets a result whose check list covers its findings.
func TestApplyWaiversListsItsChecks(t *testing.T) {
	cfg := parse(t, waiverPolicy("2020-01-01"))
	res := &lint.Result{}
	cfg.ApplyWaivers(res, today)
	if diff := cmp.Diff([]string{"config_waiver_expired"}, names(res.Checks)); diff != "" {
		t.Error(diff)
	}
}

func TestFirstWaiverWins(t *testing.T) {
	cfg := parse(t, waiverPolicy("2027-01-31")+`
waiver "all-patches" {
  check   = "as_required_patches"
  reason  = "patch programme PRJ-7"
  expires = "2027-06-30"
}
`)
	res := run(t, cfg, exampleSnapshot, true)
	if fs := findingsOf(res, "as_required_patches"); len(fs) != 1 || fs[0].Waiver.Name != "as2-patch-window" {
		t.Errorf("as_required_patches: %+v", fs)
	}
	if fs := findingsOf(res, "config_waiver_unused"); len(fs) != 1 || fs[0].Logical.Key != "all-patches" {
		t.Errorf("config_waiver_unused: %+v", fs)
	}
}

func TestWaiverChecksAreValid(t *testing.T) {
	if err := lint.Validate(Checks()); err != nil {
		t.Error(err)
	}
}

func contains(fs []lint.Finding, check string) bool {
	for _, f := range fs {
		if f.Check == check {
			return true
		}
	}
	return false
}
