package report

import (
	"encoding/json"
	"testing"

	"github.com/bwlint/bwlint/lint"
)

func TestCodeClimateGolden(t *testing.T) {
	for _, fx := range fixtures(t) {
		t.Run(fx.name, func(t *testing.T) {
			goldenTestdata(t, fx.name+".codeclimate.json", render(t, CodeClimate, fx))
		})
	}
}

// TestCodeClimateRequiredFields: GitLab drops a report whose issues lack
// a description, check name, fingerprint, severity, path or begin line,
// and merges issues that share a fingerprint.
func TestCodeClimateRequiredFields(t *testing.T) {
	severities := map[string]bool{"info": true, "minor": true, "major": true, "critical": true, "blocker": true}
	for _, fx := range fixtures(t) {
		var issues []codeClimateIssue
		if err := json.Unmarshal([]byte(render(t, CodeClimate, fx)), &issues); err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, is := range issues {
			if is.Description == "" || is.CheckName == "" || is.Fingerprint == "" || is.Location.Path == "" || is.Location.Lines.Begin < 1 || !severities[is.Severity] {
				t.Errorf("%s: incomplete issue %+v", fx.name, is)
			}
			if seen[is.Fingerprint] {
				t.Errorf("%s: fingerprint %s used twice", fx.name, is.Fingerprint)
			}
			seen[is.Fingerprint] = true
		}
	}
}

func TestCodeClimateSeverity(t *testing.T) {
	for _, tc := range []struct {
		sev      lint.Severity
		security string
		want     string
	}{
		{lint.Note, "", "info"},
		{lint.Warning, "9.8", "minor"},
		{lint.Error, "", "major"},
		{lint.Error, "5.0", "major"},
		{lint.Error, "7.5", "critical"},
		{lint.Error, "9.1", "blocker"},
	} {
		if got := codeClimateSeverity(tc.sev, &lint.Check{SecuritySeverity: tc.security}); got != tc.want {
			t.Errorf("%s with security-severity %q = %s, want %s", tc.sev, tc.security, got, tc.want)
		}
	}
}
