package lint_test

import (
	"testing"

	"github.com/bwlint/bwlint/lint"
	"github.com/hashicorp/hcl/v2"
)

// TestIdentitySurvivesRecapture checks what a baseline and SARIF alerts
// rely on: a finding keeps its fingerprint when its lines move or its
// context is spelled in another case, and its value hash changes only with
// the offending value, never with the wording of its message.
func TestIdentitySurvivesRecapture(t *testing.T) {
	base := lint.Finding{
		Check: "as_required_patches", Host: "as2",
		Message:  "required patch AP.as.24.0.944.ap384177 for release 24.0 is not applied on as2 (AS_CLI/Maintenance/Patching lists 2 other patches)",
		Location: hcl.Range{Filename: "hosts/as2/patching.txt", Start: hcl.Pos{Line: 2, Column: 16, Byte: 40}},
		Logical:  lint.Logical{Host: "as2", Context: "AS_CLI/Maintenance/Patching", Key: "Patch Name=AP.as.24.0.944.ap384177"},
	}
	moved := base
	moved.Location.Start = hcl.Pos{Line: 40, Column: 3, Byte: 900}
	moved.Logical.Context = "AS_CLI/maintenance/patching"
	moved.Message = "required patch AP.as.24.0.944.ap384177 for release 24.0 is not applied on as2 (AS_CLI/Maintenance/Patching lists 3 other patches)"
	if moved.Fingerprint() != base.Fingerprint() {
		t.Errorf("fingerprint changes when lines move or context case changes")
	}
	if moved.ValueHash() != base.ValueHash() {
		t.Errorf("value hash of an absent value changes with the message's wording")
	}

	wrong := lint.Finding{Check: "as_imp_matches_template", Logical: lint.Logical{Host: "as2", Key: "provisioningUserId"}, Actual: "w4b-prov-admn"}
	other := wrong
	other.Actual = "w4b-admin"
	if other.Fingerprint() != wrong.Fingerprint() {
		t.Errorf("fingerprint depends on the value")
	}
	if other.ValueHash() == wrong.ValueHash() {
		t.Errorf("value hash does not change with the offending value")
	}
	if len(wrong.Fingerprint()) != 32 || len(wrong.ValueHash()) != 32 {
		t.Errorf("fingerprint %q and value hash %q: want 32 hex digits", wrong.Fingerprint(), wrong.ValueHash())
	}
}
