package config_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"

	// The tests run the real checks on the real example snapshot; the
	// package itself only ever receives them as a parameter.
	"github.com/bwlint/bwlint/checks"
	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/config"
	"github.com/bwlint/bwlint/lint/judge"
	"github.com/bwlint/bwlint/lint/linttest"
)

const exampleSnapshot = "../../testdata/example"

// today is the date the tests run "on", so that expiry is deterministic.
var today = time.Date(2026, time.June, 15, 9, 0, 0, 0, time.UTC)

// parse loads policy text and fails the test on any diagnostic.
func parse(t *testing.T, text string) *config.Config {
	t.Helper()
	cfg, diags := config.Parse("test.hcl", []byte(text), checks.Catalog())
	if len(diags) > 0 {
		t.Fatalf("unexpected diagnostics:\n%s", render(diags, cfg))
	}
	return cfg
}

// fixtureCatalog is a catalog of its own for the tests of selection,
// independent of the product's checks: two AS checks, two XSP checks and
// the policy's two, with the real site rule template.
func fixtureCatalog() config.Catalog {
	check := func(name string, ev lint.Evidence) *lint.Check {
		return &lint.Check{Name: name, Title: "fixture", Doc: "d", Fix: "f.", Severity: lint.Warning,
			Evidence: []lint.Evidence{ev}, Run: func(*lint.Pass) error { return nil }}
	}
	as := lint.CLI(inputs.RoleAS, "Interface/Messaging", "get", "hosts/<host>/interface-messaging.txt")
	xsp := lint.CLI(inputs.RoleXSP, "System/CertificateAuthentication", "get", "hosts/<host>/certificate-auth.txt")
	policy := lint.Policy("the waiver blocks")
	return config.Catalog{Checks: []*lint.Check{
		check("as_alpha", as), check("as_beta", as), check("xsp_alpha", xsp), check("xsp_beta", xsp),
		check("config_waiver_expired", policy), check("config_waiver_unused", policy),
	}, SiteRule: checks.SiteRule}
}

// parseFixture loads policy text against fixtureCatalog.
func parseFixture(t *testing.T, text string) *config.Config {
	t.Helper()
	cfg, diags := config.Parse("test.hcl", []byte(text), fixtureCatalog())
	if len(diags) > 0 {
		t.Fatalf("unexpected diagnostics:\n%s", render(diags, cfg))
	}
	return cfg
}

// render prints diagnostics as the CLI does, without colour.
func render(diags hcl.Diagnostics, cfg *config.Config) string {
	var b strings.Builder
	if err := config.WriteDiagnostics(&b, diags, cfg.Files(), false); err != nil {
		return err.Error()
	}
	return b.String()
}

func loadSnapshot(t *testing.T, dir string) *inputs.Snapshot {
	t.Helper()
	return loadWith(t, dir, inputs.Inventory{})
}

// loadWith loads a snapshot with a policy's inventory.
func loadWith(t *testing.T, dir string, inv inputs.Inventory) *inputs.Snapshot {
	t.Helper()
	snap, err := inputs.LoadWith(dir, inputs.LoadOptions{Inventory: inv})
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

// run lints the example snapshot under a policy: inventory, run, waivers.
func run(t *testing.T, cfg *config.Config) *judge.Result {
	t.Helper()
	snap := loadWith(t, exampleSnapshot, cfg.Inventory())
	if diags := cfg.CheckInventory(snap); len(diags) > 0 {
		t.Fatalf("inventory diagnostics:\n%s", render(diags, cfg))
	}
	res := judge.New(lint.Run(context.Background(), snap, cfg.Checks(), cfg.Settings()), checks.Notes())
	if len(res.Failures) > 0 {
		t.Fatalf("checks failed: %v", res.Failures)
	}
	return res.Waive(cfg.Policy(today))
}

// findingsOf returns the findings of one check.
func findingsOf(res *judge.Result, check string) []judge.Finding {
	var out []judge.Finding
	for _, f := range res.Findings {
		if f.Check == check {
			out = append(out, f)
		}
	}
	return out
}

// describe renders the judged run compactly (linttest.Describe).
func describe(res *judge.Result, only func(string) bool) string { return linttest.Describe(res, only) }

// withoutFile copies a snapshot directory leaving one file out, and loads
// the copy.
func withoutFile(t *testing.T, dir, rel string) *inputs.Snapshot {
	t.Helper()
	tmp := t.TempDir()
	if err := os.CopyFS(tmp, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(tmp, filepath.FromSlash(rel))); err != nil {
		t.Fatal(err)
	}
	return loadSnapshot(t, tmp)
}
