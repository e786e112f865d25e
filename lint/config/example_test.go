package config_test

import (
	"strings"
	"testing"

	"github.com/bwlint/bwlint/checks"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/config"
)

// TestExamplePolicy runs the example snapshot under its own policy: the
// policy loads cleanly, the waiver covers as2's patch finding, and the
// site rules pass.
func TestExamplePolicy(t *testing.T) {
	path := exampleSnapshot + "/" + config.FileName
	cfg, diags := config.Load(path, checks.Catalog())
	if len(diags) > 0 {
		t.Fatal(render(diags, cfg))
	}
	res := run(t, cfg)
	got := describe(res, func(c string) bool {
		return c == "as_required_patches" || strings.HasPrefix(c, "site_") || strings.HasPrefix(c, "config_")
	})
	want := `error as_required_patches as2 hosts/as2/patching.txt:2:16-2:26
  required patch AP.as.24.0.944.ap384177 for release 24.0 is not applied on as2 (AS_CLI/Maintenance/Patching lists 2 other patches)
  logical: AS_CLI/Maintenance/Patching | Patch Name=AP.as.24.0.944.ap384177
  expected: "AP.as.24.0.944.ap384177 installed"
  actual: ""
  waived by as2-patch-window: ap384177 is applied in change CHG-1234 (voice-ops, 2027-01-31)
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	ran := map[string]bool{}
	for _, c := range res.Checks {
		ran[c.Name] = true
	}
	for _, name := range []string{"site_client_cert_auth", "site_provisioning_url_option", "config_waiver_expired", "config_waiver_unused"} {
		if !ran[name] {
			t.Errorf("%s did not run", name)
		}
	}
	for _, f := range res.Counting(lint.Threshold(lint.Warning)) {
		if f.Check == "as_required_patches" {
			t.Error("the waived finding counts")
		}
	}
}
