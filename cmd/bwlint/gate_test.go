package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// gateSetup writes a baseline of the example snapshot and returns its
// path: the CI gate of docs/review.md, before the change.
func gateSetup(t *testing.T) string {
	t.Helper()
	t.Setenv("NO_COLOR", "")
	t.Setenv("BWLINT_CONFIG", "")
	file := filepath.Join(t.TempDir(), "bwlint-baseline.json")
	if code, _, stderr := runCLI("lint", "--as-of", "2026-11-22", "--write-baseline", file, before); code != exitFindings {
		t.Fatalf("writing the baseline: exit code %d; %s", code, stderr)
	}
	return file
}

// TestGateLeadsWithWhy: a failing gate's first lines name the findings
// that fail it — the change's two new errors on xsp1 and its farm drift,
// changed — and the three ways forward with commands that run as they
// are: the waiver blocks, filled in and given a reason, make the gate
// pass; the baseline command names the real files. The baselined
// finding takes one line, unless --verbose.
func TestGateLeadsWithWhy(t *testing.T) {
	file := gateSetup(t)
	snap := copySnapshot(t, after, t.TempDir(), "captures")
	code, text, stderr := runCLI("lint", "--as-of", "2026-11-22", "--baseline", file, snap)
	if code != exitFindings {
		t.Fatalf("exit code %d; %s", code, stderr)
	}
	lines := strings.Split(text, "\n")
	if lines[0] != "FAILED (exit code 1): 3 findings fail the gate at --fail-on warning" ||
		!strings.HasPrefix(words(lines[1]+" "+lines[2]), "error xsp_certificate_auth_flags on xsp1 (new) at hosts/xsp1/certificate-auth.txt:3:20") {
		t.Errorf("the report does not open with why it failed:\n%s", text)
	}
	for _, want := range []string{
		"1. Fix: apply the fix under each finding below, capture again, and run bwlint lint --baseline " + file + " --as-of 2026-11-22 " + snap,
		"2. Waive for a time: paste into " + filepath.Join(snap, ".bwlint.hcl"),
		"3. Accept every finding and gap of today into the baseline, and commit the file bwlint lint --write-baseline " + file + " " + snap,
	} {
		if !strings.Contains(words(text), want) {
			t.Errorf("the ways forward lack %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "FILE SNAPSHOT") {
		t.Errorf("a command with placeholders:\n%s", text)
	}
	// xsp2's baselined error: one line, in full with --verbose.
	if !regexp.MustCompile(`(?m)^  error xsp_certificate_auth_flags on xsp2 \(baselined, unchanged\): certificate`).MatchString(text) ||
		strings.Contains(text, "2 |   allowUserApp = true") {
		t.Errorf("the baselined finding is not one line:\n%s", text)
	}
	if _, verbose, _ := runCLI("lint", "--verbose", "--as-of", "2026-11-22", "--baseline", file, snap); !strings.Contains(verbose, "2 |   allowUserApp = true") {
		t.Errorf("--verbose does not show the baselined finding in full:\n%s", verbose)
	}

	// The waiver blocks, pasted with a reason, accept the findings.
	block := regexp.MustCompile(`(?s)       waiver .*\n       }\n`).FindString(text)
	if block == "" {
		t.Fatalf("no waiver block:\n%s", text)
	}
	block = strings.ReplaceAll(block, "\n       ", "\n")
	block = strings.TrimPrefix(block, "       ")
	if strings.Count(block, `hosts   = ["xsp1"]`) != 3 || strings.Count(block, `expires = "2026-12-22"`) != 3 {
		t.Errorf("the waiver block is not filled in:\n%s", block)
	}
	policy := filepath.Join(snap, ".bwlint.hcl")
	if err := os.WriteFile(policy, []byte(block), 0o644); err != nil {
		t.Fatal(err)
	}
	// As suggested, reason is empty: the policy refuses it until a person
	// says why.
	if code, _, stderr := runCLI("lint", "--as-of", "2026-11-22", "--baseline", file, snap); code != exitUsage || !strings.Contains(stderr, "Empty reason") {
		t.Errorf("the block with an empty reason: exit code %d; %s", code, stderr)
	}
	filled := strings.ReplaceAll(block, `reason  = ""`, `reason  = "xsp1 is rebuilt in CHG-2211"`)
	if err := os.WriteFile(policy, []byte(filled), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, stderr := runCLI("lint", "--as-of", "2026-11-22", "--baseline", file, snap); code != exitOK {
		t.Errorf("with the waiver pasted: exit code %d; %s\n%s", code, stderr, out)
	}
}

// TestStaleBaselineEntries: the entries the change left unused are
// annotated in every format, and fail the gate with
// --fail-on-stale-baseline or the policy's fail_on_stale_baseline.
func TestStaleBaselineEntries(t *testing.T) {
	file := gateSetup(t)
	snap := copySnapshot(t, after, t.TempDir(), "captures")
	fixed := copySnapshot(t, snap, t.TempDir(), "fixed")
	// xsp1 put back as it was: only the stale entries would fail.
	for _, f := range []string{"hosts/xsp1/certificate-auth.txt", "hosts/xsp1/container-options.txt"} {
		data, err := os.ReadFile(filepath.Join(before, filepath.FromSlash(f)))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(fixed, filepath.FromSlash(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, _, _ := runCLI("lint", "--baseline", file, fixed); code != exitOK {
		t.Errorf("stale entries alone: exit code %d, want 0", code)
	}
	code, text, _ := runCLI("lint", "--fail-on-stale-baseline", "--baseline", file, fixed)
	if code != exitFindings || !strings.HasPrefix(words(text), "FAILED (exit code 1): 2 stale baseline entries fail the gate (--fail-on-stale-baseline)") ||
		!strings.Contains(words(text), "note baseline_entry_unused on as2 (stale baseline entry) at") ||
		!strings.Contains(words(text), "1. Prune: remove the stale entries from "+file+" (each is located below), and run") {
		t.Errorf("--fail-on-stale-baseline: exit code %d\n%s", code, text)
	}
	if err := os.WriteFile(filepath.Join(fixed, ".bwlint.hcl"), []byte("lint {\n  fail_on_stale_baseline = true\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := runCLI("lint", "--baseline", file, fixed); code != exitFindings {
		t.Errorf("fail_on_stale_baseline = true: exit code %d, want 1", code)
	}
	if code, _, _ := runCLI("lint", "--fail-on-stale-baseline=false", "--baseline", file, fixed); code != exitOK {
		t.Errorf("--fail-on-stale-baseline=false over the policy: exit code %d, want 0", code)
	}
	// Annotated in every format, at the entry's line of the baseline.
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	rel, err := filepath.Rel(wd, file)
	if err != nil {
		t.Fatal(err)
	}
	for format, want := range map[string]string{
		"github":      "::error file=" + filepath.ToSlash(rel) + ",line=4,col=5",
		"json":        `"stale": true`,
		"markdown":    "| stale baseline entry, failing |",
		"junit":       `type="stale_baseline_entry"`,
		"codeclimate": `"check_name": "baseline_entry_unused"`,
		"sarif":       `"ruleId": "baseline_entry_unused"`,
	} {
		_, out, _ := runCLI("lint", "--format", format, "--baseline", file, fixed)
		if !strings.Contains(out, want) {
			t.Errorf("%s does not annotate the stale entries (%q):\n%s", format, want, out)
		}
	}
}

// TestBaselinedCaptureDeleted: a baselined finding whose capture is
// deleted is not a stale entry to remove: its evidence is gone, and the
// run says so (and fails on the gap).
func TestBaselinedCaptureDeleted(t *testing.T) {
	file := gateSetup(t)
	snap := copySnapshot(t, after, t.TempDir(), "captures", "hosts/xsp2/certificate-auth.txt")
	code, text, _ := runCLI("lint", "--baseline", file, snap)
	if code != exitInput {
		t.Errorf("exit code %d, want %d for the gap", code, exitInput)
	}
	w := words(text)
	if !strings.Contains(w, "(baseline entry, evidence gone)") ||
		!strings.Contains(w, "the finding may still be there; keep the entry until the evidence is captured again") ||
		strings.Contains(w, "xsp2, XSP_CLI/System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication): the finding was fixed") {
		t.Errorf("xsp2's entry:\n%s", text)
	}
	_, js, _ := runCLI("lint", "--format", "json", "--baseline", file, snap)
	var rep struct {
		Findings []struct {
			Check, State string
			Logical      struct{ Host string }
		}
		Summary struct {
			Baseline struct{ Stale, Unverified int }
		}
	}
	if err := json.Unmarshal([]byte(js), &rep); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range rep.Findings {
		found = found || f.Check == "baseline_entry_unused" && f.Logical.Host == "xsp2" && f.State == "unverified"
	}
	// xsp2's two entries (its error and its farm drift) lost their
	// evidence; as2's two are stale, and so is xsp1's farm drift, whose
	// entry names xsp1 alone although its finding compared xsp1 with
	// xsp2: a baseline entry records no peer.
	if !found || rep.Summary.Baseline.Unverified != 2 || rep.Summary.Baseline.Stale != 3 {
		t.Errorf("JSON: %+v", rep)
	}
}

// TestBaselinedHostDeleted: when every host of a role is gone — as1 and
// as2 deleted with the cluster file that lists them, so no check of the
// Application Servers reads a host at all — as2's baselined findings
// lost their evidence: their entries are unverified, not stale entries
// that --fail-on-stale-baseline fails on, nor ones to prune.
func TestBaselinedHostDeleted(t *testing.T) {
	file := gateSetup(t)
	snap := copySnapshot(t, before, t.TempDir(), "captures")
	for _, dir := range []string{"hosts/as1", "hosts/as2", "partnerhub/clusters"} {
		if err := os.RemoveAll(filepath.Join(snap, filepath.FromSlash(dir))); err != nil {
			t.Fatal(err)
		}
	}
	_, js, stderr := runCLI("lint", "--as-of", "2026-11-22", "--format", "json", "--fail-on-stale-baseline", "--baseline", file, snap)
	var rep struct {
		Findings []struct {
			Check, State string
			Counting     bool
			Logical      struct{ Host, Context string }
		}
	}
	if err := json.Unmarshal([]byte(js), &rep); err != nil {
		t.Fatalf("%v; %s", err, stderr)
	}
	var as2 []string
	for _, f := range rep.Findings {
		if f.Check == "baseline_entry_unused" && f.Logical.Host == "as2" {
			as2 = append(as2, fmt.Sprintf("%s %s counting=%t", f.Logical.Context, f.State, f.Counting))
		}
	}
	want := []string{"AS_CLI/Interface/Messaging unverified counting=false", "AS_CLI/Maintenance/Patching unverified counting=false"}
	if !slices.Equal(as2, want) {
		t.Errorf("as2's baseline entries %q, want %q", as2, want)
	}
}

// TestOnePathConvention: the annotations, the Markdown job summary and
// SARIF of one run name a file by the same path, relative to the
// checkout.
func TestOnePathConvention(t *testing.T) {
	t.Setenv("BWLINT_CONFIG", "")
	dir := t.TempDir()
	md, sarif := filepath.Join(dir, "summary.md"), filepath.Join(dir, "bwlint.sarif")
	_, annotations, _ := runCLI("lint", "--format", "github", "--sarif-root", "../..", "--report", "markdown="+md, "--report", "sarif="+sarif, before)
	const path = "testdata/example/hosts/xsp2/certificate-auth.txt"
	mdText, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	sarifText, err := os.ReadFile(sarif)
	if err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string]string{
		"annotations": annotations, "markdown": string(mdText), "sarif": string(sarifText),
	} {
		if !strings.Contains(got, path) {
			t.Errorf("%s does not name %s:\n%s", name, path, got)
		}
	}
}

// TestTextWidth: with COLUMNS=80 every line fits in 80 columns, but for
// a word too long for any line (a CLI context, a command to paste); a
// capture line wider than that is cut with a marker; expected values are
// green and actual ones red.
func TestTextWidth(t *testing.T) {
	t.Setenv("COLUMNS", "80")
	t.Setenv("BWLINT_CONFIG", "")
	_, text, _ := runDiffCLI("diff", "--hunks", before, after)
	_, lint, _ := runCLI("lint", "--as-of", "2026-11-22", before)
	for _, out := range []string{text, lint} {
		for _, l := range strings.Split(out, "\n") {
			if utf8.RuneCountInString(l) <= 80 {
				continue
			}
			long := false
			for _, w := range strings.Fields(l) {
				long = long || utf8.RuneCountInString(w) > 40
			}
			if !long {
				t.Errorf("a line of %d columns could have been wrapped: %q", utf8.RuneCountInString(l), l)
			}
		}
	}
	if !regexp.MustCompile(`(?m)^  -=+…$`).MatchString(text) {
		t.Errorf("the hunk's long line is not cut with a marker:\n%s", text)
	}
	t.Setenv("COLUMNS", "200")
	_, wide, _ := runCLI("lint", "--as-of", "2026-11-22", before)
	if !strings.Contains(wide, "    provisioningUserId on as2 is \"w4b-prov-admn\" but template smb-standard-eu has provisioningAccountName \"w4b-prov-admin\"\n") {
		t.Errorf("COLUMNS=200 still wraps at 80:\n%s", wide)
	}
	_, color, _ := runCLI("--color", "always", "lint", "--as-of", "2026-11-22", before)
	if !strings.Contains(color, "\x1b[32m-allowUserApp = false\x1b[0m") || !strings.Contains(color, "\x1b[31m+allowUserApp = true\x1b[0m") {
		t.Errorf("expected is not green and actual red:\n%q", color)
	}
}

// TestExplainForTheTerminal: explain lays the documentation out for a
// terminal, with no Markdown syntax left; --markdown prints the source;
// a part of a name suggests the checks it names.
func TestExplainForTheTerminal(t *testing.T) {
	t.Setenv("BWLINT_CONFIG", "")
	_, text, _ := runCLI("explain", "xsp_certificate_auth_flags")
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, "#") || strings.Contains(l, "```") || strings.Contains(l, "| --- |") || strings.Contains(l, "`") {
			t.Errorf("Markdown left in %q", l)
		}
	}
	if !strings.HasPrefix(text, "xsp_certificate_auth_flags\n==========================\n") ||
		!strings.Contains(text, "\n    XSP_CLI/System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication> get\n") {
		t.Errorf("explain:\n%s", text)
	}
	if _, md, _ := runCLI("explain", "--markdown", "xsp_certificate_auth_flags"); !strings.HasPrefix(md, "# xsp_certificate_auth_flags\n") {
		t.Errorf("--markdown:\n%s", md)
	}
	for name, want := range map[string]string{
		"xsp_cert":    `did you mean "xsp_certificate_auth_flags"?`,
		"certificate": `did you mean "xsp_certificate_auth_flags"?`,
		"patches":     `did you mean "as_required_patches"?`,
	} {
		if code, _, stderr := runCLI("explain", name); code != exitUsage || !strings.Contains(stderr, want) {
			t.Errorf("explain %s: exit code %d, %s", name, code, stderr)
		}
	}
}
