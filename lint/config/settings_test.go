package config_test

import (
	"context"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bwlint/bwlint/checks"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/config"
	"github.com/bwlint/bwlint/lint/judge"
)

func names(cs []*lint.Check) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Name
	}
	return out
}

func TestDefaultPolicy(t *testing.T) {
	cfg, diags := config.Load("", fixtureCatalog())
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	want := names(fixtureCatalog().Checks)
	if diff := cmp.Diff(sorted(want), names(cfg.Checks())); diff != "" {
		t.Errorf("checks (-want +got):\n%s", diff)
	}
	if _, ok := cfg.FailOn(); ok {
		t.Error("the default policy sets a failure threshold")
	}
	if s := cfg.Settings(); len(s.Severity)+len(s.Options) > 0 {
		t.Errorf("the default policy has settings: %+v", s)
	}
}

func sorted(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}

// TestSelection runs lint.checks and enabled against the fixture
// catalog.
func TestSelection(t *testing.T) {
	tests := []struct {
		name, policy string
		want         []string
	}{
		{"all", `lint { checks = ["all"] }`, []string{
			"as_alpha", "as_beta", "config_waiver_expired", "config_waiver_unused",
			"xsp_alpha", "xsp_beta"}},
		{"all but one", `lint { checks = ["all", "-as_beta"] }`, []string{
			"as_alpha", "config_waiver_expired", "config_waiver_unused",
			"xsp_alpha", "xsp_beta"}},
		// The policy's own checks run unless an entry names them.
		{"glob", `lint { checks = ["xsp_*"] }`, []string{
			"config_waiver_expired", "config_waiver_unused", "xsp_alpha", "xsp_beta"}},
		{"policy check removed by name", `lint { checks = ["xsp_*", "-config_waiver_unused"] }`, []string{
			"config_waiver_expired", "xsp_alpha", "xsp_beta"}},
		{"negated glob", `lint { checks = ["all", "-xsp_*", "-config_*"] }`, []string{"as_alpha", "as_beta"}},
		// Order matters: a later entry refines an earlier one.
		{"removed then added", `lint { checks = ["xsp_*", "-xsp_alpha", "as_beta"] }`,
			[]string{"as_beta", "config_waiver_expired", "config_waiver_unused", "xsp_beta"}},
		{"added then removed", `lint { checks = ["as_beta", "-as_*"] }`, []string{"config_waiver_expired", "config_waiver_unused"}},
		{"empty list", `lint { checks = [] }`, []string{"config_waiver_expired", "config_waiver_unused"}},
		{"empty list without policy checks", `lint { checks = ["-config_*"] }`, nil},
		{"enabled overrides selection", `
lint { checks = ["xsp_*"] }
check "as_beta" { enabled = true }
check "xsp_alpha" { enabled = false }
check "config_waiver_unused" { enabled = false }`, []string{"as_beta", "config_waiver_expired", "xsp_beta"}},
		{"custom rules are selectable", `
lint { checks = ["site_*"] }
rule "site_client_cert_auth" {
  title   = "client apps use certificates"
  role    = "xsp"
  context = "System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication"
  key     = "allowClientApp"
  equals  = "true"
}`, []string{"config_waiver_expired", "config_waiver_unused", "site_client_cert_auth"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := names(parseFixture(t, tt.policy).Checks())
			if diff := cmp.Diff(tt.want, got, cmpEmpty); diff != "" {
				t.Errorf("selected checks (-want +got):\n%s", diff)
			}
		})
	}
}

// cmpEmpty makes nil and empty slices equal.
var cmpEmpty = cmp.FilterValues(func(a, b []string) bool { return len(a) == 0 && len(b) == 0 }, cmp.Ignore())

func TestFailOn(t *testing.T) {
	for _, tt := range []struct {
		value string
		want  lint.Threshold
	}{{"error", lint.Threshold(lint.Error)}, {"warning", lint.Threshold(lint.Warning)}, {"note", lint.Threshold(lint.Note)}, {"none", lint.None}} {
		got, ok := parse(t, `lint { fail_on = "`+tt.value+`" }`).FailOn()
		if !ok || got != tt.want {
			t.Errorf("fail_on = %q: got %v, %v; want %v", tt.value, got, ok, tt.want)
		}
	}
	if _, ok := parse(t, `lint { checks = ["all"] }`).FailOn(); ok {
		t.Error("a lint block without fail_on sets a threshold")
	}
}

func TestSeverityOverride(t *testing.T) {
	cfg := parse(t, `
check "as_required_patches" { severity = "warning" }
check "config_waiver_unused" { severity = "warning" }
`)
	want := map[string]lint.Severity{"as_required_patches": lint.Warning, "config_waiver_unused": lint.Warning}
	if diff := cmp.Diff(want, cfg.Settings().Severity); diff != "" {
		t.Errorf("severities (-want +got):\n%s", diff)
	}
	res := run(t, cfg)
	fs := findingsOf(res, "as_required_patches")
	if len(fs) != 1 || fs[0].Severity != lint.Warning {
		t.Errorf("as_required_patches findings: %+v, want one warning", fs)
	}
}

// TestOptionsDecoding decodes a check block into the check's options:
// what the block sets replaces the default, the rest keeps it.
func TestOptionsDecoding(t *testing.T) {
	cfg := parse(t, `
check "as_required_patches" {
  patches = {
    "24.0" = ["AP.as.24.0.944.ap370326"]
    "25.0" = []
  }
}
`)
	opts := cfg.Settings().Options["as_required_patches"]
	if opts == nil {
		t.Fatal("no options decoded for as_required_patches")
	}
	// The options type belongs to the checks package; compare through
	// the documentation view, which renders each option as HCL.
	got := map[string]string{}
	for _, o := range lint.OptionDocs(&lint.Check{Options: func() any { return opts }}) {
		got[o.Name] = o.Default
	}
	want := map[string]string{
		"patches":          `{ "24.0" = ["AP.as.24.0.944.ap370326"], "25.0" = [] }`,
		"applied_states":   `["installed", "active", "activated"]`, // defaults kept
		"container":        `"provisioning"`,
		"container_option": `"bw.imp.useProvisioningUrl"`,
		"option_value":     `"true"`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("options (-want +got):\n%s", diff)
	}

	// The run uses them: as2 has ap370326, which the table now requires
	// for R24 instead of ap384177, so the finding goes away.
	res := run(t, cfg)
	if fs := findingsOf(res, "as_required_patches"); len(fs) != 0 {
		t.Errorf("as_required_patches still reports with the configured patch table: %+v", fs)
	}
}

func TestOptionsAreFreshPerLoad(t *testing.T) {
	a := parse(t, `check "xsp_certificate_auth_flags" { expect = { allowUserApp = true } }`)
	b := parse(t, `check "xsp_certificate_auth_flags" { severity = "note" }`)
	if a.Settings().Options["xsp_certificate_auth_flags"] == b.Settings().Options["xsp_certificate_auth_flags"] {
		t.Fatal("two loads share one options value")
	}
	res := run(t, a)
	fs := findingsOf(res, "xsp_certificate_auth_flags")
	if len(fs) != 1 || fs[0].Host != "xsp1" {
		t.Errorf("with expect = { allowUserApp = true } only xsp1 (allowUserApp = false) should fail; got %+v", fs)
	}
}

func TestAllChecksIgnoresSelection(t *testing.T) {
	cfg := parseFixture(t, `
lint { checks = [] }
rule "site_client_cert_auth" {
  title   = "client apps use certificates"
  context = "System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication"
  key     = "allowClientApp"
  equals  = "true"
}`)
	want := sorted(append(names(fixtureCatalog().Checks), "site_client_cert_auth"))
	if diff := cmp.Diff(want, names(cfg.AllChecks())); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if err := lint.Validate(cfg.AllChecks()); err != nil {
		t.Errorf("the checks a policy adds break lint.Validate: %v", err)
	}
}

// TestMissingEvidence: lint.missing_evidence says what a gap does, and
// says nothing when absent.
func TestMissingEvidence(t *testing.T) {
	if m, ok := parse(t, `lint {}`).MissingEvidence(); ok || m != lint.FailOnGaps {
		t.Errorf("unset: %v, %v", m, ok)
	}
	if m, ok := parse(t, `lint { missing_evidence = "report" }`).MissingEvidence(); !ok || m != lint.ReportGaps {
		t.Errorf("report: %v, %v", m, ok)
	}
	if m, ok := parse(t, `lint { missing_evidence = "fail" }`).MissingEvidence(); !ok || m != lint.FailOnGaps {
		t.Errorf("fail: %v, %v", m, ok)
	}
}

// TestNotApplicable: a check block and a host block each scope a check
// away from a host; on the example with xsp2's certificate capture
// missing, the gap becomes a host not evaluated, with the place the
// policy says so. xsp_farm_drift compares the same capture between the
// farm's XSPs, so each policy scopes it away from xsp2 too.
func TestNotApplicable(t *testing.T) {
	for _, tc := range []struct{ name, policy, where string }{
		{"check block", "check \"xsp_certificate_auth_flags\" {\n  not_applicable = [\"xsp2\"]\n}\ncheck \"xsp_farm_drift\" {\n  not_applicable = [\"xsp2\"]\n}\n", `check "xsp_certificate_auth_flags", test.hcl:2:22`},
		{"host block", "host \"xsp2\" {\n  not_applicable = [\"xsp_cert*\", \"xsp_farm_drift\"]\n}\n", `host "xsp2", test.hcl:2:22`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := parse(t, tc.policy)
			snap := loadSnapshot(t, exampleSnapshot)
			if diags := cfg.CheckHosts(snap); len(diags) > 0 {
				t.Fatal(render(diags, cfg))
			}
			snap = withoutFile(t, exampleSnapshot, "hosts/xsp2/certificate-auth.txt")
			res := judge.New(lint.Run(context.Background(), snap, cfg.Checks(), cfg.Settings()), checks.Notes())
			got := describe(res, func(c string) bool { return c == "xsp_certificate_auth_flags" })
			want := "not evaluated xsp_certificate_auth_flags xsp2: the policy says xsp_certificate_auth_flags does not apply to xsp2 (not_applicable in " + tc.where + ")\n"
			if got != want {
				t.Errorf("got %q,\nwant %q", got, want)
			}
			if code := res.ExitCode(lint.Threshold(lint.Warning), lint.FailOnGaps); code != lint.ExitFindings {
				t.Errorf("exit code %d, want 1 (as2's findings, no gap)", code)
			}
		})
	}
}

// TestCheckHosts: not_applicable may name a host a snapshot has or a
// cluster lists; any other name is an error at the name.
func TestCheckHosts(t *testing.T) {
	cfg := parse(t, `check "xsp_authservice_keys_match" {
  not_applicable = ["xsp2", "XSP1.", "xsp22"]
}
cluster "bw-cluster-1" {
  xsps = ["xsp1", "xsp2", "xsp9"]
}
host "xsp9" {
  not_applicable = ["xsp_*"]
}
`)
	diags := cfg.CheckHosts(loadSnapshot(t, exampleSnapshot))
	want := `test.hcl:2:39: error: Unknown host
  on test.hcl line 2, in check "xsp_authservice_keys_match":
   2:   not_applicable = ["xsp2", "XSP1.", "xsp22"]

No snapshot of this run has a host "xsp22": no hosts/xsp22/ folder, and no Partner Hub cluster lists it, so check "xsp_authservice_keys_match" says nothing. Did you mean "xsp2"?

`
	if got := render(diags, cfg); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
