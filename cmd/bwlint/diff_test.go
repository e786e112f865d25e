package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/lint/linttest"
	"github.com/google/go-cmp/cmp"
)

// runDiffCLI runs bwlint in-process with the diff command available,
// whether or not app.go lists it yet.
func runDiffCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	app := newApp(&out, &errb)
	registered := false
	for _, c := range app.Commands {
		registered = registered || c.Name == "diff"
	}
	if !registered {
		app.Commands = append(app.Commands, diffCommand())
	}
	code, msg := codeOf(app.Run(append([]string{"bwlint"}, args...)))
	if msg != "" {
		errb.WriteString("bwlint: " + msg + "\n")
	}
	return code, out.String(), errb.String()
}

const (
	before = "../../testdata/example"
	after  = "../../testdata/example-after"
)

func TestDiffCLI(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	t.Setenv("BWLINT_CONFIG", "")
	cases := []struct {
		name   string
		args   []string
		code   int
		stderr string // a fragment stderr must contain; "" means empty
		golden bool
	}{
		{name: "diff_example_text", args: []string{"diff", before, after}, code: exitFindings, golden: true},
		{name: "diff_example_json", args: []string{"diff", "--format", "json", before, after}, code: exitFindings, golden: true},
		{name: "diff_example_markdown", args: []string{"diff", "--format", "markdown", before, after}, code: exitFindings, golden: true},
		// The reverse change fixes xsp1 and breaks as2 again: as2's
		// findings are new in that direction. The policy is found at the
		// after root, here testdata/example's, and applies to both sides.
		{name: "diff_reverse_text", args: []string{"diff", "--as-of", "2026-11-22", after, before}, code: exitFindings, golden: true},
		// The example's policy, named: its waiver, its site rules and the
		// waiver check run on both sides.
		{name: "diff_policy_text", args: []string{"diff", "--config", before + "/.bwlint.hcl", "--as-of", "2026-11-22", before, after}, code: exitFindings, golden: true},
		{name: "diff_policy_no_waivers", args: []string{"diff", "--config", before + "/.bwlint.hcl", "--no-waivers", before, after}, code: exitFindings, golden: true},
		{name: "diff_bad_config", args: []string{"diff", "--config", "testdata/bad.hcl", before, after}, code: exitUsage, stderr: "testdata/bad.hcl:3:3: error: Unsupported argument"},
		{name: "diff_missing_config", args: []string{"diff", "--config", "no-such.hcl", before, after}, code: exitUsage, stderr: "diff: --config no-such.hcl"},
		{name: "diff_bad_as_of", args: []string{"diff", "--as-of", "31/01/2027", before, after}, code: exitUsage, stderr: `diff: --as-of "31/01/2027"`},
		// Nothing changed: every finding is unchanged and none fails.
		{name: "diff_same_text", args: []string{"diff", "--as-of", "2026-11-22", before, before}, code: exitOK, golden: true},
		{name: "diff_fail_on_none", args: []string{"diff", "--fail-on", "none", before, after}, code: exitOK},
		{name: "diff_broken_after", args: []string{"diff", before, "../../testdata/broken"}, code: exitInput},
		{name: "diff_missing_after", args: []string{"diff", before}, code: exitUsage, stderr: "takes two arguments"},
		{name: "diff_three_args", args: []string{"diff", before, after, after}, code: exitUsage, stderr: "takes two arguments"},
		{name: "diff_bad_format", args: []string{"diff", "--format", "yaml", before, after}, code: exitUsage, stderr: `unknown format "yaml"`},
		{name: "diff_bad_fail_on", args: []string{"diff", "--fail-on", "fatal", before, after}, code: exitUsage, stderr: `unknown failure threshold "fatal"`},
		{name: "diff_no_such_dir", args: []string{"diff", before, "../../testdata/does-not-exist"}, code: exitUsage, stderr: "diff: snapshot ../../testdata/does-not-exist does not exist"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runDiffCLI(tc.args...)
			if code != tc.code {
				t.Errorf("exit code %d, want %d; stderr: %s", code, tc.code, stderr)
			}
			switch {
			case tc.stderr == "" && stderr != "":
				t.Errorf("unexpected stderr: %s", stderr)
			case tc.stderr != "" && !strings.Contains(stderr, tc.stderr):
				t.Errorf("stderr %q does not contain %q", stderr, tc.stderr)
			}
			if tc.golden {
				linttest.Golden(t, filepath.Join("testdata", tc.name+".golden"), stdout)
			}
		})
	}
}

// sarifRun is what TestDiffSARIF reads of a SARIF log's one run.
type sarifRun struct {
	AutomationDetails *struct{ ID string }
	Results           []struct {
		RuleID        string
		Kind          string
		BaselineState string
		Locations     []struct {
			PhysicalLocation struct {
				ArtifactLocation struct{ URI string }
			}
		}
	}
	Properties struct{ OmittedFixed int }
}

func diffSARIF(t *testing.T, args ...string) sarifRun {
	t.Helper()
	code, stdout, stderr := runDiffCLI(append([]string{"diff", "--format", "sarif", "--sarif-root", "../.."}, args...)...)
	if code != exitFindings {
		t.Fatalf("exit code %d, stderr %s", code, stderr)
	}
	var log struct{ Runs []sarifRun }
	if err := json.Unmarshal([]byte(stdout), &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("not a SARIF log with one run (%v):\n%s", err, stdout)
	}
	return log.Runs[0]
}

// TestDiffSARIF checks that the review's states become baselineState, and
// that the profiles treat fixed findings as documented: audit keeps them
// as absent, located in the before snapshot; github leaves them out and
// counts them.
func TestDiffSARIF(t *testing.T) {
	type result struct{ Rule, State, URI string }
	results := func(run sarifRun) []result {
		var out []result
		for _, r := range run.Results {
			if r.Kind != "" {
				continue // the audit profile's coverage: the after snapshot's passes
			}
			out = append(out, result{r.RuleID, r.BaselineState, path.Clean(r.Locations[0].PhysicalLocation.ArtifactLocation.URI)})
		}
		return out
	}
	audit := diffSARIF(t, "--sarif-profile", "audit", "--sarif-category", "bwlint/review/", before, after)
	want := []result{
		{"xsp_certificate_auth_flags", "new", "testdata/example-after/hosts/xsp1/certificate-auth.txt"},
		{"xsp_farm_drift", "updated", "testdata/example-after/hosts/xsp1/certificate-auth.txt"},
		{"xsp_authservice_url", "new", "testdata/example-after/hosts/xsp1/container-options.txt"},
		{"xsp_certificate_auth_flags", "unchanged", "testdata/example-after/hosts/xsp2/certificate-auth.txt"},
		{"xsp_farm_drift", "unchanged", "testdata/example-after/hosts/xsp2/certificate-auth.txt"},
		{"as_imp_matches_template", "absent", "testdata/example/hosts/as2/interface-messaging.txt"},
		{"as_required_patches", "absent", "testdata/example/hosts/as2/patching.txt"},
	}
	if d := cmp.Diff(want, results(audit)); d != "" {
		t.Errorf("audit profile (-want +got):\n%s", d)
	}
	if audit.AutomationDetails == nil || audit.AutomationDetails.ID != "bwlint/review/" {
		t.Errorf("automationDetails %+v, want the --sarif-category", audit.AutomationDetails)
	}

	github := diffSARIF(t, before, after)
	if d := cmp.Diff(want[:5], results(github)); d != "" {
		t.Errorf("github profile (-want +got):\n%s", d)
	}
	if github.Properties.OmittedFixed != 2 {
		t.Errorf("github profile: omittedFixed %d, want 2", github.Properties.OmittedFixed)
	}

	if code, _, stderr := runDiffCLI("diff", "--format", "sarif", "--sarif-profile", "gitlab", before, after); code != exitUsage || !strings.Contains(stderr, `diff: --sarif-profile: unknown profile "gitlab"`) {
		t.Errorf("unknown profile: exit code %d, stderr %q", code, stderr)
	}
}

// reviewFinding is what TestDiffPolicy compares of a JSON review's
// findings.
type reviewFinding struct {
	State    string `json:"state"`
	Severity string `json:"severity"`
	Check    string `json:"check"`
	Host     string `json:"host"`
}

// diffFindings runs a JSON review and returns its findings.
func diffFindings(t *testing.T, wantCode int, args ...string) []reviewFinding {
	t.Helper()
	code, stdout, stderr := runDiffCLI(append([]string{"diff", "--format", "json"}, args...)...)
	if code != wantCode {
		t.Fatalf("exit code %d, want %d; stderr: %s", code, wantCode, stderr)
	}
	var rep struct{ Findings []reviewFinding }
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatal(err)
	}
	return rep.Findings
}

// reviewDirs copies the example snapshots to a scratch directory and
// writes the given policy files into them, so that discovery can be
// tested; an empty policy writes none.
func reviewDirs(t *testing.T, beforePolicy, afterPolicy string) (beforeDir, afterDir string) {
	t.Helper()
	dir := t.TempDir()
	beforeDir, afterDir = filepath.Join(dir, "before"), filepath.Join(dir, "after")
	for _, d := range []struct{ from, to, policy string }{{before, beforeDir, beforePolicy}, {after, afterDir, afterPolicy}} {
		if err := os.CopyFS(d.to, os.DirFS(d.from)); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(d.to, ".bwlint.hcl")
		if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		if d.policy != "" {
			if err := os.WriteFile(path, []byte(d.policy), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return beforeDir, afterDir
}

// TestDiffPolicy checks that diff finds the policy file as lint does, at
// the after snapshot's root, and applies it to both sides: check
// severities, fail_on, and the --fail-on flag over fail_on.
func TestDiffPolicy(t *testing.T) {
	t.Setenv("BWLINT_CONFIG", "")
	const afterPolicy = `
lint {
  fail_on = "error"
}
check "xsp_certificate_auth_flags" {
  severity = "warning"
}
check "as_imp_matches_template" {
  severity = "note"
}
check "xsp_authservice_url" {
  severity = "warning"
}
`
	// A before-side file that would stop a lint of it: the review is
	// judged by the after side's, and compares the before side's as no
	// policy, with a warning.
	b, a := reviewDirs(t, "lint {\n  fail_onn = 1\n}\n", afterPolicy)
	if _, _, stderr := runDiffCLI("diff", b, a); !strings.Contains(stderr, "the before snapshot's policy "+filepath.Join(b, ".bwlint.hcl")+" has errors, so it is compared as no policy") {
		t.Errorf("no warning about the before side's policy: %s", stderr)
	}
	want := []reviewFinding{
		{State: "new", Severity: "warning", Check: "xsp_certificate_auth_flags", Host: "xsp1"},
		{State: "new", Severity: "warning", Check: "xsp_authservice_url", Host: "xsp1"},
		{State: "changed", Severity: "warning", Check: "xsp_farm_drift", Host: "xsp1"},
		// From the before side: the after policy's severity applies there too.
		{State: "fixed", Severity: "note", Check: "as_imp_matches_template", Host: "as2"},
		{State: "fixed", Severity: "error", Check: "as_required_patches", Host: "as2"},
		{State: "unchanged", Severity: "warning", Check: "xsp_certificate_auth_flags", Host: "xsp2"},
		{State: "unchanged", Severity: "warning", Check: "xsp_farm_drift", Host: "xsp2"},
	}
	// fail_on "error": xsp1's new warnings do not fail the review.
	if d := cmp.Diff(want, diffFindings(t, exitOK, b, a)); d != "" {
		t.Errorf("findings (-want +got):\n%s", d)
	}
	// --fail-on given explicitly outranks the policy's fail_on.
	diffFindings(t, exitFindings, "--fail-on", "warning", b, a)

	// Without a policy at the after root, the before root is not searched
	// either: the built-in defaults apply.
	b, a = reviewDirs(t, afterPolicy, "")
	if got := diffFindings(t, exitFindings, b, a); got[0].Severity != "error" {
		t.Errorf("a before-side policy was applied: %v", got)
	}

	// BWLINT_CONFIG names the file when --config does not.
	t.Setenv("BWLINT_CONFIG", filepath.Join(t.TempDir(), "missing.hcl"))
	if code, _, stderr := runDiffCLI("diff", b, a); code != exitUsage || !strings.Contains(stderr, "BWLINT_CONFIG") {
		t.Errorf("exit code %d, stderr %q: want a usage error naming BWLINT_CONFIG", code, stderr)
	}
}

// TestDiffPolicyInventoryWarnings checks that the warnings of host and
// cluster blocks say which snapshot they are about: a host may exist on
// one side only.
func TestDiffPolicyInventoryWarnings(t *testing.T) {
	policy := filepath.Join(t.TempDir(), "inventory.hcl")
	if err := os.WriteFile(policy, []byte("host \"xsp9\" {\n  role = \"xsp\"\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runDiffCLI("diff", "--config", policy, before, after)
	if code != exitFindings {
		t.Errorf("exit code %d, want %d", code, exitFindings)
	}
	for _, want := range []string{
		"bwlint: diff: the policy on the before snapshot " + before + ":\n" + policy + ":1:6: warning: Unknown host",
		"bwlint: diff: the policy on the after snapshot " + after + ":\n" + policy + ":1:6: warning: Unknown host",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

func TestDiffOutputFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "review.md")
	code, stdout, stderr := runDiffCLI("diff", "--format", "markdown", "--output", out, before, after)
	if code != exitFindings {
		t.Fatalf("exit code %d, stderr %s", code, stderr)
	}
	if stdout != "" {
		t.Errorf("stdout not empty with --output: %s", stdout)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("## bwlint review: NO-GO: the change introduces 3 findings")) {
		t.Errorf("review file lacks its heading:\n%s", b)
	}
}

// TestDiffWaiverAddedInAfter: the change breaks xsp1 and its own policy
// waives the new error. The review lists the waiver among the policy's
// changes, says it waives a finding the change brings, and fails unless
// new waivers are accepted.
func TestDiffWaiverAddedInAfter(t *testing.T) {
	t.Setenv("BWLINT_CONFIG", "")
	const afterPolicy = `
waiver "xsp1-client-apps" {
  check   = "xsp_certificate_auth_flags"
  hosts   = ["xsp1"]
  reason  = "client apps are moved to the new XSP next week"
  expires = "2027-01-31"
}
`
	b, a := reviewDirs(t, "", afterPolicy)
	code, text, stderr := runDiffCLI("diff", "--as-of", "2026-11-22", b, a)
	if code != exitFindings {
		t.Fatalf("exit code %d, want %d: a finding waived only by a waiver the change adds counts; %s", code, exitFindings, stderr)
	}
	first, _, _ := strings.Cut(words(text), " bwlint diff")
	// The change also brings xsp1's authentication-service URL error and
	// changes its farm drift: 3 findings, 1 of them waived by the waiver.
	if want := "NO-GO: the change introduces 3 findings at or above warning, 1 of them waived only by a waiver the change adds"; !strings.HasPrefix(first, want) {
		t.Errorf("verdict %q, want it to start %q", first, want)
	}
	for _, want := range []string{
		"new error xsp_certificate_auth_flags on xsp1, hosts/xsp1/certificate-auth.txt:3:20 (after) (waived by xsp1-client-apps, new in the change: counts)",
		`added waiver "xsp1-client-apps"`,
		"= waives new error xsp_certificate_auth_flags on xsp1: the change brings the finding and its waiver, so it counts (--accept-new-waivers accepts it)",
	} {
		if !strings.Contains(words(text), want) {
			t.Errorf("the review lacks %q:\n%s", want, text)
		}
	}
	_, js, _ := runDiffCLI("diff", "--format", "json", "--as-of", "2026-11-22", b, a)
	var rep struct {
		Findings []struct {
			State, Check, Host string
			Counting           bool
			NewWaiver          bool `json:"new_waiver"`
		}
		PolicyChanges []struct {
			Block, Name, Kind string
			Waives            []int
		} `json:"policy_changes"`
	}
	if err := json.Unmarshal([]byte(js), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.PolicyChanges) != 1 || rep.PolicyChanges[0].Block != "waiver" || rep.PolicyChanges[0].Kind != "added" || len(rep.PolicyChanges[0].Waives) != 1 {
		t.Fatalf("policy_changes %+v, want the waiver added, waiving one finding", rep.PolicyChanges)
	}
	if f := rep.Findings[rep.PolicyChanges[0].Waives[0]]; f.State != "new" || f.Host != "xsp1" || !f.Counting || !f.NewWaiver {
		t.Errorf("the waived finding %+v, want xsp1's new error, counting, its waiver new", f)
	}
	// Accepted, the waived error no longer counts; the other two do.
	const two = "NO-GO: the change introduces 2 findings at or above warning (2 new"
	if _, text, _ := runDiffCLI("diff", "--accept-new-waivers", "--as-of", "2026-11-22", b, a); !strings.HasPrefix(words(text), two) {
		t.Errorf("--accept-new-waivers: want the verdict %q:\n%s", two, text)
	}
	// The same waiver in both policies is no change: the review judges
	// the finding waived, as lint would.
	b, a = reviewDirs(t, afterPolicy, afterPolicy)
	if _, text, _ := runDiffCLI("diff", "--as-of", "2026-11-22", b, a); !strings.HasPrefix(words(text), two) || strings.Contains(text, "Policy changes") {
		t.Errorf("a waiver on both sides: want the verdict %q and no policy change:\n%s", two, text)
	}
}

// TestDiffChangeEffects: each change is tied to what it does, riskiest
// first — the flag that breaks xsp1 causes its new error, the typo fixed
// on as2 fixes one — and a change no check judges says so, as turning
// off xsp1's syslog channel, a capture no check reads, does.
func TestDiffChangeEffects(t *testing.T) {
	t.Setenv("BWLINT_CONFIG", "")
	b, a := reviewDirs(t, "", "")
	for dir, enabled := range map[string]string{b: "true", a: "false"} {
		capture := "XSP_CLI/System/Logging/OutputChannels/Syslog> get\r\n  enabled = " + enabled + "\r\n  address = 10.20.9.5\r\n"
		if err := os.WriteFile(filepath.Join(dir, "hosts", "xsp1", "syslog.txt"), []byte(capture), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, text, _ := runDiffCLI("diff", b, a)
	w := words(text)
	causes := strings.Index(w, "= causes new error xsp_certificate_auth_flags on xsp1")
	syslog := strings.Index(w, "XSP_CLI/System/Logging/OutputChannels/Syslog enabled - true")
	unjudged := strings.Index(w[max(syslog, 0):], "= not covered by any check")
	fixes := strings.Index(w, "= fixes error as_imp_matches_template on as2")
	if causes < 0 || syslog < 0 || unjudged < 0 || fixes < 0 || causes > syslog || syslog > fixes {
		t.Errorf("changes are not tied to their effects, riskiest first (%d %d %d %d):\n%s", causes, syslog, unjudged, fixes, text)
	}
	if strings.Contains(text, "@@ -") {
		t.Errorf("hunks without --hunks:\n%s", text)
	}
	if _, hunks, _ := runDiffCLI("diff", "--hunks", b, a); !strings.Contains(hunks, "-  allowClientApp = true") || !strings.Contains(hunks, "+  allowClientApp = false") {
		t.Errorf("--hunks shows no hunk:\n%s", hunks)
	}
}

// TestDiffHostAddedCausesItsFindings: a host that appears in the after
// snapshot brings the findings made on it. The change that adds it says
// so, and names the checks that read a host of its role, rather than
// calling the new host "not covered by any check".
func TestDiffHostAddedCausesItsFindings(t *testing.T) {
	t.Setenv("BWLINT_CONFIG", "")
	b, a := reviewDirs(t, "", "")
	capture := "[bwadmin@xsp3 ~]$ bwcli\r\n" +
		"XSP_CLI> cd /System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication\r\n" +
		"XSP_CLI/System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication> get\r\n" +
		"  allowUserApp = true\r\n  allowClientApp = true\r\n" +
		"XSP_CLI/System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication> exit\r\n" +
		"Please confirm (Yes, Y, No, N): y\r\nThis session is now ending...\r\n"
	if err := os.MkdirAll(filepath.Join(a, "hosts", "xsp3"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(a, "hosts", "xsp3", "certificate-auth.txt"), []byte(capture), 0o644); err != nil {
		t.Fatal(err)
	}
	_, text, _ := runDiffCLI("diff", "--missing-evidence", "report", b, a)
	w := words(text)
	added := strings.Index(w, "host added on xsp3: xsp, 1 file (hosts/xsp3) = causes new error xsp_certificate_auth_flags on xsp3")
	if added < 0 {
		t.Errorf("the host added is not tied to its new finding:\n%s", text)
	}
	if strings.Contains(w, "host added on xsp3: xsp, 1 file (hosts/xsp3) = not covered by any check") {
		t.Errorf("the host added is said to be covered by no check:\n%s", text)
	}
}

// TestDiffSidesReportInOrder: the two sides of a review load at once, but
// a mistyped path is refused before either is read, and what the policy's
// inventory says of BEFORE comes before AFTER's load error, as when the
// sides loaded in turn.
func TestDiffSidesReportInOrder(t *testing.T) {
	dir := t.TempDir()
	before := filepath.Join(dir, "before")
	if err := os.MkdirAll(filepath.Join(before, "hosts"), 0o755); err != nil {
		t.Fatal(err)
	}
	inventory := "testdata/capture-inventory.hcl"

	code, _, stderr := runCLI("diff", "--config", inventory, filepath.Join(dir, "no-such-snapshot"), "../../testdata/example")
	if code != exitUsage || !strings.Contains(stderr, "no-such-snapshot does not exist") || strings.Contains(stderr, "Unknown host") {
		t.Errorf("mistyped BEFORE: exit %d, stderr:\n%s\nwant exit %d, the path refused and nothing loaded", code, stderr, exitUsage)
	}

	// AFTER is larger than the limit, BEFORE (empty) is not.
	code, _, stderr = runCLI("diff", "--config", inventory, "--max-snapshot-size", "1KiB", before, "../../testdata/example")
	unknown := strings.Index(stderr, `no host "as1"`)
	tooLarge := strings.Index(stderr, "more than the limit of 1024")
	if code != exitInput || unknown < 0 || tooLarge < 0 || unknown > tooLarge {
		t.Errorf("AFTER too large: exit %d, stderr:\n%s\nwant exit %d, BEFORE's inventory warning, then AFTER's error", code, stderr, exitInput)
	}
}
