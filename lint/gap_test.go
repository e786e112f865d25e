package lint_test

import (
	"context"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/judge"
	"github.com/bwlint/bwlint/lint/linttest"
	"github.com/google/go-cmp/cmp"
)

// Two XSPs: xsp1 with its certificate-authentication capture, xsp2 an
// ADP known only from bwshowver.
var xspSnapshot = map[string]string{
	"hosts/xsp1/certificate-auth.txt": "XSP_CLI/System/CertificateAuthentication> get\n  allowUserApp = false\n",
	"hosts/xsp2/bwshowver.txt":        "ADP version Rel_2022.11_1.273\n",
}

var certAuth = lint.CLI(inputs.RoleXSP, "System/CertificateAuthentication", "get", "hosts/<host>/certificate-auth.txt")

// certCheck, xsp_cert, reports a gap on every XSP without the capture,
// and a finding on the others.
func certCheck() *lint.Check {
	c := testCheck("xsp_cert", func(p *lint.Pass) error {
		for _, h := range p.HostsWithRole(inputs.RoleXSP) {
			if !h.Captured("System/CertificateAuthentication") {
				p.Gap(h.Name, certAuth, "System/CertificateAuthentication was not captured on %s", h.Name)
				continue
			}
			_ = reportHosts(h.Name)(p)
		}
		return nil
	})
	c.Evidence = []lint.Evidence{certAuth}
	return c
}

// TestGapFailsTheRun: a gap is neither a pass nor a finding; it carries
// the commands that fill it, at the host's own prompt, and decides the
// exit code unless gaps are only reported.
func TestGapFailsTheRun(t *testing.T) {
	snap := linttest.Snapshot(t, xspSnapshot)
	r := lint.Run(context.Background(), snap, []*lint.Check{certCheck()}, lint.Settings{})
	want := []lint.Gap{{
		Check: "xsp_cert", Host: "xsp2", Evidence: certAuth, Server: "ADP",
		File: "hosts/xsp2/certificate-auth.txt", Reason: "System/CertificateAuthentication was not captured on xsp2",
	}}
	if d := cmp.Diff(want, r.Gaps); d != "" {
		t.Fatalf("gaps (-want +got):\n%s", d)
	}
	g := r.Gaps[0]
	if got := g.Capture(); !cmp.Equal(got, []string{"ADP_CLI/System/CertificateAuthentication> get"}) {
		t.Errorf("capture %q", got)
	}
	if g.Context() != "ADP_CLI/System/CertificateAuthentication" || g.Command() != "get" {
		t.Errorf("context %q, command %q", g.Context(), g.Command())
	}
	for _, tc := range []struct {
		m    lint.MissingEvidence
		t    lint.Threshold
		want int
	}{
		{lint.FailOnGaps, lint.Threshold(lint.Warning), lint.ExitInput},
		{lint.ReportGaps, lint.Threshold(lint.Warning), lint.ExitFindings},
		{lint.ReportGaps, lint.None, lint.ExitOK},
	} {
		if got := judge.New(r, judge.Notes{}).ExitCode(tc.t, tc.m); got != tc.want {
			t.Errorf("exit code with --missing-evidence %s --fail-on %s: %d, want %d", tc.m, tc.t, got, tc.want)
		}
	}
}

// TestOptionalEvidence: optional evidence the whole snapshot lacks is not
// a gap; once one host has it, a host without it is.
func TestOptionalEvidence(t *testing.T) {
	digest := lint.Shell(inputs.RoleXSP, "sha256sum /tmp/user.list", "hosts/<host>/users.sha256").AsOptional()
	c := testCheck("xsp_users", func(p *lint.Pass) error {
		for _, h := range p.HostsWithRole(inputs.RoleXSP) {
			if _, ok := h.Digest("user.list"); !ok {
				p.Gap(h.Name, digest, "no digest of user.list on %s", h.Name)
			}
		}
		return nil
	})
	r := lint.Run(context.Background(), linttest.Snapshot(t, xspSnapshot), []*lint.Check{c}, lint.Settings{})
	if len(r.Gaps) != 0 || len(r.NotEvaluated) != 2 || !strings.Contains(r.NotEvaluated[0].Reason, "optional evidence, and the snapshot holds none") {
		t.Errorf("absent everywhere: gaps %+v, not evaluated %+v", r.Gaps, r.NotEvaluated)
	}
	files := map[string]string{"hosts/xsp1/users.sha256": strings.Repeat("ab", 32) + "  user.list\n"}
	for k, v := range xspSnapshot {
		files[k] = v
	}
	r = lint.Run(context.Background(), linttest.Snapshot(t, files), []*lint.Check{c}, lint.Settings{})
	if len(r.Gaps) != 1 || r.Gaps[0].Host != "xsp2" || len(r.NotEvaluated) != 0 {
		t.Errorf("present on xsp1: gaps %+v, not evaluated %+v", r.Gaps, r.NotEvaluated)
	}
}

// TestGapNamesUnusableFiles: a capture that is there but could not be
// read is named in the gap, so the operator fixes the file rather than
// capturing again blindly.
func TestGapNamesUnusableFiles(t *testing.T) {
	digest := lint.Shell(inputs.RoleXSP, "sha256sum /tmp/authService.keys", "hosts/<host>/keys.sha256")
	c := testCheck("xsp_keys", func(p *lint.Pass) error {
		p.Gap("xsp2", digest, "no digest on xsp2")
		p.Gap("xsp2", digest, "no digest on xsp2") // said twice: one gap
		p.Gap("xsp2", digest, "the group needs it")
		return nil
	})
	files := map[string]string{
		"hosts/xsp2/keys.sha256": "abc  authService.keys\n",
		"hosts/xsp2/notes.md":    "captured on Tuesday\n",
		"hosts/xsp2/other.txt":   "not a capture\n", // a failed transcript says nothing of a digest
	}
	for k, v := range xspSnapshot {
		files[k] = v
	}
	r := lint.Run(context.Background(), linttest.Snapshot(t, files), []*lint.Check{c}, lint.Settings{})
	if len(r.Gaps) != 1 {
		t.Fatalf("gaps %+v, want one", r.Gaps)
	}
	want := "no digest on xsp2; the group needs it; hosts/xsp2/keys.sha256 and hosts/xsp2/notes.md could not be used (see the input problems)"
	if r.Gaps[0].Reason != want {
		t.Errorf("reason %q,\nwant %q", r.Gaps[0].Reason, want)
	}
}

// TestNotApplicable: a host the policy exempts is not read, what the
// check says of it is dropped, and it is recorded once as not evaluated
// with the policy's reason.
func TestNotApplicable(t *testing.T) {
	snap := linttest.Snapshot(t, xspSnapshot)
	c := certCheck()
	c.Run = func(p *lint.Pass) error {
		if hs := p.HostsWithRole(inputs.RoleXSP); len(hs) != 1 || hs[0].Name != "xsp1" || p.Applies("XSP2") {
			t.Errorf("hosts %v: xsp2 should be left out", hs)
		}
		p.Gap("xsp2", certAuth, "not captured")
		_ = reportHosts("xsp1", "xsp2")(p)
		return nil
	}
	set := lint.Settings{NotApplicable: map[string][]lint.Exemption{"xsp_cert": {{Host: "xsp2", Reason: "policy says so"}}}}
	r := lint.Run(context.Background(), snap, []*lint.Check{c}, set)
	if len(r.Gaps) != 0 || len(r.Findings) != 1 || r.Findings[0].Host != "xsp1" {
		t.Errorf("gaps %+v, findings %+v", r.Gaps, r.Findings)
	}
	if d := cmp.Diff([]lint.NotEvaluated{{Check: "xsp_cert", Host: "xsp2", Reason: "policy says so"}}, r.NotEvaluated); d != "" {
		t.Errorf("not evaluated (-want +got):\n%s", d)
	}
}

// TestLostEvidence: a check evaluated on a host before a change and not
// after is lost evidence, whether the capture went missing (a gap) or the
// host did.
func TestLostEvidence(t *testing.T) {
	c := certCheck()
	before := linttest.Snapshot(t, map[string]string{
		"hosts/xsp1/certificate-auth.txt": xspSnapshot["hosts/xsp1/certificate-auth.txt"],
		"hosts/xsp2/certificate-auth.txt": strings.ReplaceAll(xspSnapshot["hosts/xsp1/certificate-auth.txt"], "XSP", "ADP"),
		"hosts/xsp3/certificate-auth.txt": xspSnapshot["hosts/xsp1/certificate-auth.txt"],
	})
	after := linttest.Snapshot(t, xspSnapshot) // xsp2 lost its capture, xsp3 is gone
	rb := lint.Run(context.Background(), before, []*lint.Check{c}, lint.Settings{})
	ra := lint.Run(context.Background(), after, []*lint.Check{c}, lint.Settings{})
	cov := ra.Coverage(after)
	if d := cmp.Diff([]lint.Coverage{
		{Check: "xsp_cert", Host: "xsp1", Status: lint.Evaluated},
		{Check: "xsp_cert", Host: "xsp2", Status: lint.GapStatus, Reasons: []string{"System/CertificateAuthentication was not captured on xsp2"}},
	}, cov); d != "" {
		t.Errorf("coverage after (-want +got):\n%s", d)
	}
	lost := lint.Lost(rb.Coverage(before), cov)
	var got []string
	for _, l := range lost {
		got = append(got, l.Host+" "+string(l.Status))
	}
	if d := cmp.Diff([]string{"xsp2 evidence_gap", "xsp3 host_removed"}, got); d != "" {
		t.Errorf("lost (-want +got):\n%s", d)
	}
}

// TestValidateRequiresEvidence: a check must say what it reads, in a form
// a capture plan can use.
func TestValidateRequiresEvidence(t *testing.T) {
	c := testCheck("as_blind", reportHosts())
	c.Evidence = nil
	if err := lint.Validate([]*lint.Check{c}); err == nil || !strings.Contains(err.Error(), "evidence is not declared") {
		t.Errorf("no evidence: %v", err)
	}
	c.Evidence = []lint.Evidence{lint.CLI(inputs.RoleAS, "Interface/Messaging", "get", "interface-messaging.txt")}
	if err := lint.Validate([]*lint.Check{c}); err == nil || !strings.Contains(err.Error(), "names no file of a snapshot") {
		t.Errorf("file outside the layout: %v", err)
	}
	c.Evidence = []lint.Evidence{lint.Shell(inputs.RoleAS, "", "hosts/<host>/x.txt")}
	if err := lint.Validate([]*lint.Check{c}); err == nil || !strings.Contains(err.Error(), "has no command") {
		t.Errorf("no command: %v", err)
	}
}

// TestEvidenceLines: what an operator types, in order, at which prompt.
func TestEvidenceLines(t *testing.T) {
	e := lint.Shell(inputs.RoleXSP, "sha256sum /var/broadworks/tmp/authService.keys", "hosts/<host>/authservice-keys.sha256").
		After(lint.Command{Source: lint.FromCLI, Context: "Applications/authenticationService/KeyManagement", Text: "exportKeys"})
	want := []string{"ADP_CLI/Applications/authenticationService/KeyManagement> exportKeys", "$ sha256sum /var/broadworks/tmp/authService.keys"}
	if d := cmp.Diff(want, e.Lines("ADP")); d != "" {
		t.Errorf("lines (-want +got):\n%s", d)
	}
	if got := lint.CLI(inputs.RoleAS, "", "qversions", "hosts/<host>/qversions.txt").Line("AS"); got != "AS_CLI> qversions" {
		t.Errorf("top-level command: %q", got)
	}
	if got := e.FileFor("xsp9"); got != "hosts/xsp9/authservice-keys.sha256" {
		t.Errorf("file %q", got)
	}
}

// TestPartlyEvaluated: a host the check evaluated but for one value (a
// masked password) counts as evaluated, so that losing its capture later
// is lost evidence. A part of the snapshot that names no host (a user, a
// file of the whole snapshot) adds no host to the coverage.
func TestPartlyEvaluated(t *testing.T) {
	c := certCheck()
	c.Run = func(p *lint.Pass) error {
		p.NotEvaluatedPart("xsp1", "the password is masked")
		p.NotEvaluatedPart("", "one user's services are not captured")
		p.NotEvaluated("xsp2", "nothing to compare")
		return nil
	}
	snap := linttest.Snapshot(t, xspSnapshot)
	r := lint.Run(context.Background(), snap, []*lint.Check{c}, lint.Settings{})
	var got []string
	for _, x := range r.Coverage(snap) {
		got = append(got, x.Host+" "+string(x.Status))
	}
	if d := cmp.Diff([]string{"xsp1 evaluated", "xsp2 not_evaluated"}, got); d != "" {
		t.Errorf("coverage (-want +got):\n%s", d)
	}
}
