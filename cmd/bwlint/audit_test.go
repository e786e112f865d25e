package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestInvocationRecorded reproduces an audit's question — what decided
// this outcome? — from the reports of one run that set everything there
// is to set: the command line as typed, --as-of, --no-waivers,
// --missing-evidence and the policy file with its digest, in JSON, SARIF
// and Markdown alike.
func TestInvocationRecorded(t *testing.T) {
	t.Setenv("BWLINT_CONFIG", "")
	t.Setenv("BWLINT_CANARY_TOKEN", "env-canary-4f1d") // no environment value is recorded
	dir := t.TempDir()
	sarif, md := filepath.Join(dir, "run.sarif"), filepath.Join(dir, "run.md")
	policy := "../../testdata/example/.bwlint.hcl"
	args := []string{"bwlint", "lint", "--as-of", "2026-11-22", "--no-waivers", "--missing-evidence", "report", "--config", policy,
		"--format", "json", "--report", "sarif=" + sarif, "--report", "markdown=" + md, "--sarif-profile", "audit", "../../testdata/example"}
	var stdout, stderr bytes.Buffer
	if code := run(args, &stdout, &stderr); code != exitFindings {
		t.Fatalf("exit %d, stderr %s", code, stderr.String())
	}
	data, err := os.ReadFile(policy)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	digest := hex.EncodeToString(sum[:])

	var doc struct {
		Policy     struct{ Path, SHA256 string }
		Invocation struct {
			CommandLine     string   `json:"command_line"`
			Arguments       []string `json:"arguments"`
			AsOf            string   `json:"as_of"`
			NoWaivers       bool     `json:"no_waivers"`
			MissingEvidence string   `json:"missing_evidence"`
		}
	}
	if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	inv := doc.Invocation
	if !cmp.Equal(inv.Arguments, args) || inv.AsOf != "2026-11-22" || !inv.NoWaivers || inv.MissingEvidence != "report" {
		t.Errorf("JSON invocation: %+v", inv)
	}
	if want := strings.Join(args, " "); inv.CommandLine != want {
		t.Errorf("JSON command_line %q, want %q", inv.CommandLine, want)
	}
	if doc.Policy.Path != policy || doc.Policy.SHA256 != digest {
		t.Errorf("JSON policy %+v, want %s with sha256 %s", doc.Policy, policy, digest)
	}

	var log struct {
		Runs []struct {
			Invocations []struct {
				CommandLine string
				Arguments   []string
				Properties  struct {
					AsOf      string
					NoWaivers bool
					Policy    struct{ SHA256 string }
				}
			}
			Properties struct{ MissingEvidence string }
		}
	}
	raw, err := os.ReadFile(sarif)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &log); err != nil {
		t.Fatal(err)
	}
	si := log.Runs[0].Invocations[0]
	if si.CommandLine != inv.CommandLine || !cmp.Equal(si.Arguments, args[1:]) || si.Properties.AsOf != "2026-11-22" ||
		!si.Properties.NoWaivers || si.Properties.Policy.SHA256 != digest || log.Runs[0].Properties.MissingEvidence != "report" {
		t.Errorf("SARIF invocation: %+v, run properties %+v", si, log.Runs[0].Properties)
	}

	mdText, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"| Command | `" + inv.CommandLine + "` |", "| Waivers applied | none (--no-waivers) |", "sha256 `" + digest + "`",
		"| Missing evidence | `report`: evidence gaps are reported and do not fail the run |"} {
		if !strings.Contains(string(mdText), want) {
			t.Errorf("the Markdown report lacks %q", want)
		}
	}
	for name, out := range map[string][]byte{"json": stdout.Bytes(), "sarif": raw, "markdown": mdText} {
		if bytes.Contains(out, []byte("env-canary-4f1d")) {
			t.Errorf("the %s report records an environment value", name)
		}
	}
}

// TestBothSARIFProfilesFromOneRun: one run writes the log for code
// scanning and the auditors' log side by side; they differ in what the
// profiles say and agree on every finding they both hold.
func TestBothSARIFProfilesFromOneRun(t *testing.T) {
	t.Setenv("BWLINT_CONFIG", "")
	dir := t.TempDir()
	gh, audit := filepath.Join(dir, "code-scanning.sarif"), filepath.Join(dir, "audit.sarif")
	var stdout, stderr bytes.Buffer
	code := run([]string{"bwlint", "lint", "--as-of", "2026-11-22", "--report", "sarif=" + gh, "--report", "sarif-audit=" + audit, "../../testdata/example"}, &stdout, &stderr)
	if code != exitFindings {
		t.Fatalf("exit %d, stderr %s", code, stderr.String())
	}
	type log struct {
		Runs []struct {
			Results []struct {
				Kind                string
				PartialFingerprints map[string]string
				Suppressions        *[]struct{ Justification string }
			}
			Properties struct {
				Profile       string
				OmittedWaived int
			}
		}
	}
	read := func(path string) log {
		var l log
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, &l); err != nil {
			t.Fatal(err)
		}
		return l
	}
	g, a := read(gh).Runs[0], read(audit).Runs[0]
	if g.Properties.Profile != "github" || a.Properties.Profile != "audit" || g.Properties.OmittedWaived != 1 {
		t.Errorf("profiles %q and %q, %d waived left out of the first", g.Properties.Profile, a.Properties.Profile, g.Properties.OmittedWaived)
	}
	findings := map[string]bool{}
	waived, passes := 0, 0
	for _, r := range a.Results {
		switch {
		case r.Kind == "pass":
			passes++
		case r.Suppressions != nil && len(*r.Suppressions) == 1:
			waived++
		case r.Kind == "":
			findings[r.PartialFingerprints["bwlint/v1"]] = true
		}
	}
	for _, r := range g.Results {
		if r.Suppressions != nil || !findings[r.PartialFingerprints["bwlint/v1"]] {
			t.Errorf("a code-scanning result the audit log does not hold as an open finding: %+v", r)
		}
	}
	if waived != 1 || passes == 0 || len(g.Results) != len(findings) {
		t.Errorf("audit log: %d waived, %d passes, %d open findings; code scanning: %d results", waived, passes, len(findings), len(g.Results))
	}
}

// TestAuditProfileRequiresOwners: a waiver nobody owns stops a run that
// would record it in an audit log, at the waiver, before anything runs;
// without waivers, or without an audit log, the run goes ahead.
func TestAuditProfileRequiresOwners(t *testing.T) {
	t.Setenv("BWLINT_CONFIG", "")
	dir := t.TempDir()
	policy := filepath.Join(dir, "policy.hcl")
	text := "waiver \"as2-patch-window\" {\n  check   = \"as_required_patches\"\n  hosts   = [\"as2\"]\n  reason  = \"ap384177 is applied in change CHG-1234\"\n  expires = \"2027-01-31\"\n}\n"
	if err := os.WriteFile(policy, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.sarif")
	for _, tc := range []struct {
		name string
		args []string
		code int
	}{
		{"audit profile", []string{"lint", "--format", "sarif", "--sarif-profile", "audit", "--output", out}, exitUsage},
		{"a sarif-audit report", []string{"lint", "--report", "sarif-audit=" + out}, exitUsage},
		{"a review's audit log", []string{"diff", "--format", "sarif", "--sarif-profile", "audit", "--output", out, "../../testdata/example"}, exitUsage},
		{"no waiver applied", []string{"lint", "--no-waivers", "--report", "sarif-audit=" + out}, exitFindings},
		{"code scanning only", []string{"lint", "--format", "sarif", "--output", out}, exitFindings},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			args := append(append([]string{"bwlint"}, tc.args...), "--as-of", "2026-11-22", "--config", policy, "../../testdata/example")
			code := run(args, &stdout, &stderr)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr %s", code, tc.code, stderr.String())
			}
			if tc.code == exitUsage && !strings.Contains(stderr.String(), policy+":1:1: error: Waiver without owner") {
				t.Errorf("stderr does not point at the waiver:\n%s", stderr.String())
			}
		})
	}
}

// TestReviewSARIFHashesBothSides: the audit log of a review hashes the
// earlier snapshot's files too — the fixed findings point into them — so
// no artifact is of unknown length, and names both manifests. With the
// after snapshot's own policy and with one named by --config (here the
// before snapshot's), the policy is hashed too and every waiver, fixed
// findings' included, is located in the policy file the run read.
func TestReviewSARIFHashesBothSides(t *testing.T) {
	t.Setenv("BWLINT_CONFIG", "")
	for _, policy := range []string{"", "../../testdata/example/.bwlint.hcl"} {
		t.Run("policy "+policy, func(t *testing.T) {
			args := []string{"diff", "--format", "sarif", "--sarif-profile", "audit", "--sarif-root", "../..", "--as-of", "2026-11-22"}
			want := "testdata/example-after/.bwlint.hcl"
			if policy != "" {
				args, want = append(args, "--config", policy), strings.TrimPrefix(policy, "../../")
			}
			reviewSARIFHashesBothSides(t, want, policy != "", append(args, "../../testdata/example", "../../testdata/example-after")...)
		})
	}
}

// reviewSARIFHashesBothSides runs the review args; waived says the
// policy waives a finding of it (the before snapshot's does, the after
// snapshot's waives none).
func reviewSARIFHashesBothSides(t *testing.T, policy string, waived bool, args ...string) {
	t.Helper()
	code, stdout, stderr := runDiffCLI(args...)
	if code != exitFindings {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var log struct {
		Runs []struct {
			Artifacts []struct {
				Location   struct{ URI string }
				Length     int64
				Hashes     map[string]string
				Properties struct{ Snapshot string }
			}
			Results []struct {
				BaselineState string
				Locations     []struct {
					PhysicalLocation struct{ ArtifactLocation struct{ Index *int } }
				}
				Suppressions []struct {
					Location struct {
						PhysicalLocation struct{ ArtifactLocation struct{ URI string } }
					}
				}
			}
			Properties struct {
				ManifestSHA256, BeforeManifestSHA256 string
			}
		}
	}
	if err := json.Unmarshal([]byte(stdout), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	before := 0
	for _, a := range run.Artifacts {
		if a.Length < 0 || len(a.Hashes["sha-256"]) != 64 {
			t.Errorf("artifact %s: length %d, hashes %v", a.Location.URI, a.Length, a.Hashes)
		}
		if a.Properties.Snapshot != "before" {
			continue
		}
		before++
		data, err := os.ReadFile(filepath.Join("../..", filepath.FromSlash(a.Location.URI)))
		if err != nil {
			t.Fatal(err)
		}
		if sum := sha256.Sum256(data); a.Hashes["sha-256"] != hex.EncodeToString(sum[:]) || !strings.HasPrefix(a.Location.URI, "testdata/example/") {
			t.Errorf("before artifact %s: sha-256 %s is not the file's", a.Location.URI, a.Hashes["sha-256"])
		}
	}
	fixed, suppressed := 0, 0
	for _, r := range run.Results {
		for _, s := range r.Suppressions {
			suppressed++
			if uri := s.Location.PhysicalLocation.ArtifactLocation.URI; uri != policy {
				t.Errorf("a waiver (result %s) is located in %s, the policy read is %s", r.BaselineState, uri, policy)
			}
		}
		if r.BaselineState == "absent" {
			fixed++
			if i := r.Locations[0].PhysicalLocation.ArtifactLocation.Index; i == nil || run.Artifacts[*i].Properties.Snapshot != "before" {
				t.Errorf("a fixed finding does not point at a file of the before snapshot")
			}
		}
	}
	p := run.Properties
	if waived && suppressed == 0 {
		t.Errorf("no waived result: the policy's waiver location is not tested")
	}
	if before == 0 || fixed == 0 || len(p.BeforeManifestSHA256) != 64 || p.BeforeManifestSHA256 == p.ManifestSHA256 {
		t.Errorf("%d before artifacts, %d fixed results, manifests %q and %q", before, fixed, p.ManifestSHA256, p.BeforeManifestSHA256)
	}
}
