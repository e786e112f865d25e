package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/lint/linttest"
	"github.com/google/go-cmp/cmp"
)

// runCLI runs bwlint in-process and returns its exit code and output.
func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(append([]string{"bwlint"}, args...), &out, &errb)
	return code, out.String(), errb.String()
}

// copySnapshot copies a snapshot directory to dir/name, leaving out the
// files named, and returns the copy's path.
func copySnapshot(t *testing.T, from, dir, name string, without ...string) string {
	t.Helper()
	to := filepath.Join(dir, name)
	if err := os.CopyFS(to, os.DirFS(from)); err != nil {
		t.Fatal(err)
	}
	for _, rel := range without {
		if err := os.Remove(filepath.Join(to, filepath.FromSlash(rel))); err != nil {
			t.Fatal(err)
		}
	}
	return to
}

// TestGapSARIF: a gap that fails the run is an error notification and the
// invocation did not succeed; reported only, it is a warning and the
// invocation succeeded. Results stay findings.
func TestGapSARIF(t *testing.T) {
	type notification struct {
		Level      string
		Descriptor struct{ ID string }
		Properties struct {
			Host    string
			Capture []string
			File    string
		}
	}
	type sarifLog struct {
		Runs []struct {
			Results     []struct{ RuleID string }
			Invocations []struct {
				ExecutionSuccessful        bool
				ExitCode                   int
				ToolExecutionNotifications []notification
			}
		}
	}
	for _, tc := range []struct {
		mode, level string
		code        int
		success     bool
	}{
		{"fail", "error", exitInput, false},
		{"report", "warning", exitFindings, true},
	} {
		t.Run(tc.mode, func(t *testing.T) {
			code, stdout, stderr := runCLI("lint", "--format", "sarif", "--sarif-root", "../..", "--missing-evidence", tc.mode, "../../testdata/incomplete")
			if code != tc.code {
				t.Fatalf("exit code %d, want %d; stderr %s", code, tc.code, stderr)
			}
			var log sarifLog
			if err := json.Unmarshal([]byte(stdout), &log); err != nil {
				t.Fatal(err)
			}
			r := log.Runs[0]
			inv := r.Invocations[0]
			if inv.ExecutionSuccessful != tc.success || inv.ExitCode != tc.code {
				t.Errorf("invocation: executionSuccessful %v, exitCode %d", inv.ExecutionSuccessful, inv.ExitCode)
			}
			var gaps []notification
			for _, n := range inv.ToolExecutionNotifications {
				if n.Descriptor.ID == "evidence_gap" {
					gaps = append(gaps, n)
				}
			}
			if len(gaps) != 1 || gaps[0].Level != tc.level || gaps[0].Properties.Host != "xsp2" ||
				gaps[0].Properties.File != "testdata/incomplete/hosts/xsp2/authservice-keys.sha256" || len(gaps[0].Properties.Capture) != 2 {
				t.Errorf("gap notifications: %+v", gaps)
			}
			var rules []string
			for _, res := range r.Results {
				rules = append(rules, res.RuleID)
			}
			// xsp2's allowUserApp, and the drift between the two XSPs it makes.
			if want := []string{"xsp_farm_drift", "xsp_certificate_auth_flags", "xsp_farm_drift"}; !slices.Equal(rules, want) {
				t.Errorf("results %v, want %v", rules, want)
			}
		})
	}
}

// TestGapBaseline: a baseline written on a day with a gap records it; a
// run with the baseline reports the gap without failing on it, and fails
// on a gap the baseline does not know.
func TestGapBaseline(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "baseline.json")
	if code, _, stderr := runCLI("lint", "--write-baseline", file, "../../testdata/incomplete"); code != exitInput {
		t.Fatalf("writing the baseline: exit code %d, want %d (the gap still fails that run); %s", code, exitInput, stderr)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var b struct {
		Version int
		Gaps    []map[string]string
	}
	if err := json.Unmarshal(data, &b); err != nil {
		t.Fatal(err)
	}
	wantGap := map[string]string{"check": "xsp_authservice_keys_match", "host": "xsp2", "context": "", "command": "sha256sum /var/broadworks/tmp/authService.keys"}
	if b.Version != 2 || len(b.Gaps) != 1 || !cmp.Equal(b.Gaps[0], wantGap) {
		t.Fatalf("baseline: version %d, gaps %v", b.Version, b.Gaps)
	}

	code, stdout, stderr := runCLI("lint", "--baseline", file, "../../testdata/incomplete")
	if code != exitOK {
		t.Errorf("with the baseline: exit code %d, want 0; %s", code, stderr)
	}
	if !strings.Contains(words(stdout), "xsp_authservice_keys_match xsp2 (baselined): no sha256 digest") ||
		!strings.Contains(words(stdout), "1 evidence gap (0 failing)") || !strings.Contains(words(stdout), "gaps: 1 baselined, 0 new") {
		t.Errorf("the known gap is not reported as baselined:\n%s", stdout)
	}

	// xsp1 loses its digest too: a new gap fails the gate.
	worse := copySnapshot(t, "../../testdata/incomplete", dir, "worse", "hosts/xsp1/authservice-keys.sha256")
	code, stdout, _ = runCLI("lint", "--baseline", file, worse)
	if code != exitInput {
		t.Errorf("a new gap: exit code %d, want %d", code, exitInput)
	}
	if !strings.Contains(words(stdout), "2 evidence gaps (1 failing)") {
		t.Errorf("summary does not count the new gap:\n%s", stdout)
	}

	// xsp2's digest is captured: the entry is unused, and says so.
	better := copySnapshot(t, "../../testdata/incomplete", dir, "better")
	if err := os.WriteFile(filepath.Join(better, "hosts/xsp2/authservice-keys.sha256"),
		[]byte("fc847471a141144ccf18474f804cea02c94792834b609fed3aa1a36e6fc94150  authService.keys\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ = runCLI("lint", "--baseline", file, better)
	if code != exitOK || !strings.Contains(words(stdout), "baseline gap entry matches no evidence gap (xsp_authservice_keys_match, xsp2, sha256sum /var/broadworks/tmp/authService.keys)") {
		t.Errorf("gap filled: exit code %d:\n%s", code, stdout)
	}
}

// TestDiffLostEvidence: a capture deleted in AFTER takes away the evidence
// of xsp2's finding. The finding is unverified, never fixed: the verdict
// says so first, the finding is listed first with what was lost, in
// every format, and the review fails with exit code 2 unless missing
// evidence is only reported.
func TestDiffLostEvidence(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	t.Setenv("BWLINT_CONFIG", "")
	scratch := t.TempDir()
	copySnapshot(t, "../../testdata/example", scratch, "before")
	copySnapshot(t, "../../testdata/example", scratch, "after", "hosts/xsp2/certificate-auth.txt", ".bwlint.hcl")
	if err := os.Remove(filepath.Join(scratch, "before", ".bwlint.hcl")); err != nil {
		t.Fatal(err)
	}
	golden, err := filepath.Abs("testdata/diff_lost_evidence_text.golden")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(scratch)

	code, text, stderr := runDiffCLI("diff", "before", "after")
	if code != exitInput {
		t.Fatalf("exit code %d, want %d; %s", code, exitInput, stderr)
	}
	lines := strings.Split(text, "\n")
	// xsp2's error and its farm drift, and xsp1's drift, which was read
	// from xsp2's capture too: none of them is known to be fixed.
	if !strings.HasPrefix(lines[0], "NO-GO: 3 findings unverified") {
		t.Errorf("the verdict does not lead with the unverified findings:\n%s", text)
	}
	i := slices.Index(lines, "Findings")
	j := slices.IndexFunc(lines, func(l string) bool {
		return strings.HasPrefix(l, "  unverified error   xsp_certificate_auth_flags on xsp2")
	})
	if i < 0 || j < 0 || j > i+12 || !strings.HasPrefix(lines[i+1], "  unverified ") ||
		!slices.ContainsFunc(lines[j+1:j+4], func(l string) bool { return strings.HasPrefix(l, "    evidence lost on xsp2: evidence gap:") }) {
		t.Errorf("the unverified findings are not listed first with their lost evidence:\n%s", text)
	}
	if strings.Contains(text, "fixed      error   xsp_certificate_auth_flags") || strings.Contains(text, "fixed      warning xsp_farm_drift") {
		t.Errorf("a finding read from xsp2's capture reads as fixed:\n%s", text)
	}

	_, markdown, _ := runDiffCLI("diff", "--format", "markdown", "before", "after")
	if !strings.HasPrefix(markdown, "## bwlint review: NO-GO: 3 findings unverified") ||
		!strings.Contains(markdown, "| unverified | error | `xsp_certificate_auth_flags` | xsp2 |") {
		t.Errorf("markdown:\n%s", markdown)
	}
	_, js, _ := runDiffCLI("diff", "--format", "json", "before", "after")
	var rep struct {
		Version      int
		LostEvidence []struct{ Check, Host, Status string }    `json:"lost_evidence"`
		EvidenceGaps map[string][]struct{ Check, Host string } `json:"evidence_gaps"`
		Findings     []struct {
			State    string
			Host     string
			Counting bool
			Lost     *struct{ Status string }
		}
		Summary struct {
			Unverified int
			Verdict    string
		}
	}
	if err := json.Unmarshal([]byte(js), &rep); err != nil {
		t.Fatal(err)
	}
	// The certificate-authentication capture is lost to two checks: its
	// own and the comparison of the farm.
	if rep.Version != 3 || len(rep.LostEvidence) != 2 || rep.LostEvidence[0].Host != "xsp2" || rep.LostEvidence[0].Status != "evidence_gap" ||
		rep.LostEvidence[1].Check != "xsp_farm_drift" || len(rep.EvidenceGaps["after"]) != 2 || len(rep.EvidenceGaps["before"]) != 0 {
		t.Errorf("json: %+v", rep)
	}
	if f := rep.Findings[1]; f.State != "unverified" || f.Host != "xsp2" || !f.Counting || f.Lost == nil || f.Lost.Status != "evidence_gap" ||
		rep.Summary.Unverified != 3 || rep.Summary.Verdict != "no-go" {
		t.Errorf("json finding %+v, summary %+v", f, rep.Summary)
	}
	_, sarif, _ := runDiffCLI("diff", "--format", "sarif", "before", "after")
	if i, j := strings.Index(sarif, `"id": "lost_evidence",`+"\n                \"index\""), strings.Index(sarif, `"id": "evidence_gap",`+"\n                \"index\""); i < 0 || j < 0 || i > j {
		t.Errorf("sarif does not list the lost evidence first, then the gap")
	}
	// The unverified finding stays an open result: code scanning closes
	// the alert of a result that is absent.
	if !strings.Contains(sarif, `"baselineState": "unchanged",`) || !strings.Contains(sarif, `"unverified": true,`) {
		t.Errorf("sarif has no open, unverified result for xsp2")
	}

	if code, _, _ := runDiffCLI("diff", "--missing-evidence", "report", "before", "after"); code != exitOK {
		t.Errorf("--missing-evidence report: exit code %d, want 0 (the change introduces no finding)", code)
	}

	// The whole host deleted: the same, with "host removed".
	if err := os.RemoveAll(filepath.Join("after", "hosts", "xsp2")); err != nil {
		t.Fatal(err)
	}
	code, hostGone, _ := runDiffCLI("diff", "before", "after")
	if code != exitInput || !strings.Contains(hostGone, "unverified error   xsp_certificate_auth_flags on xsp2") ||
		!strings.Contains(hostGone, "evidence lost on xsp2: host removed") {
		t.Errorf("host removed: exit code %d\n%s", code, hostGone)
	}
	linttest.Golden(t, golden, text)
}
