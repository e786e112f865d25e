package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/lint/config"
)

// TestShadowedPolicy: "bwlint init" at the root of a repository, then a
// lint of a snapshot that has its own policy, from that root. The
// working directory's file applies, and the run says so on stderr and in
// every report, naming both files.
func TestShadowedPolicy(t *testing.T) {
	t.Setenv(config.EnvVar, "")
	root := t.TempDir()
	snap := filepath.Join(root, "captures")
	if err := os.CopyFS(snap, os.DirFS("../../testdata/example")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"bwlint", "init"}, &stdout, &stderr); code != exitOK {
		t.Fatalf("init: exit %d, %s", code, stderr.String())
	}
	stdout.Reset()
	code := run([]string{"bwlint", "lint", "--as-of", "2026-11-22", "--format", "json", "captures"}, &stdout, &stderr)
	if code != exitFindings {
		t.Fatalf("exit %d, want %d: %s", code, exitFindings, stderr.String())
	}
	want := "bwlint: lint: warning: the policy .bwlint.hcl in the working directory applies, not the snapshot's own captures/.bwlint.hcl; name the one you mean with --config\n"
	if stderr.String() != want {
		t.Errorf("stderr %q, want %q", stderr.String(), want)
	}
	var rep struct {
		Policy struct{ Path, Origin, Reason, Shadowed string }
	}
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if p := rep.Policy; p.Path != ".bwlint.hcl" || p.Origin != "working_directory" || p.Shadowed != "captures/.bwlint.hcl" ||
		!strings.Contains(p.Reason, "before the snapshot's own captures/.bwlint.hcl, which is not read") {
		t.Errorf("the JSON report says %+v", p)
	}
	for _, format := range []string{"text", "markdown", "junit", "sarif"} {
		stdout.Reset()
		stderr.Reset()
		run([]string{"bwlint", "lint", "--as-of", "2026-11-22", "--format", format, "captures"}, &stdout, &stderr)
		if !strings.Contains(stdout.String(), "captures/.bwlint.hcl, which is not read") {
			t.Errorf("the %s report does not say the snapshot's policy was not read:\n%s", format, stdout.String())
		}
	}
	// Named with --config, the snapshot's own policy applies, and nothing
	// is said.
	stdout.Reset()
	stderr.Reset()
	run([]string{"bwlint", "lint", "--as-of", "2026-11-22", "--config", "captures/.bwlint.hcl", "captures"}, &stdout, &stderr)
	if stderr.Len() > 0 || !strings.Contains(stdout.String(), "Policy: captures/.bwlint.hcl (named with --config)") {
		t.Errorf("with --config: stderr %q, stdout:\n%s", stderr.String(), stdout.String())
	}
}
