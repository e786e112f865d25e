package config

import (
	"context"
	"fmt"
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
	"github.com/bwlint/bwlint/lint/judge"
)

const exampleSnapshot = "../../testdata/example"

// today is the date the tests run "on", so that expiry is deterministic.
var today = time.Date(2026, time.June, 15, 9, 0, 0, 0, time.UTC)

// parse loads policy text and fails the test on any diagnostic.
func parse(t *testing.T, text string) *Config {
	t.Helper()
	cfg, diags := Parse("test.hcl", []byte(text), checks.Builtin())
	if len(diags) > 0 {
		t.Fatalf("unexpected diagnostics:\n%s", render(diags, cfg))
	}
	return cfg
}

// render prints diagnostics as the CLI does, without colour.
func render(diags hcl.Diagnostics, cfg *Config) string {
	var b strings.Builder
	if err := WriteDiagnostics(&b, diags, cfg.Files(), false); err != nil {
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

// run lints a snapshot under a policy: inventory, run, waivers.
func run(t *testing.T, cfg *Config, dir string) *judge.Result {
	t.Helper()
	snap := loadWith(t, dir, cfg.Inventory())
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

// describe renders findings, evidence gaps and not-evaluated records of the given checks
// compactly, for golden files that do not depend on a reporter's layout.
func describe(res *judge.Result, only func(string) bool) string {
	var b strings.Builder
	for _, f := range res.Findings {
		if !only(f.Check) {
			continue
		}
		fmt.Fprintf(&b, "%s %s %s %s\n", f.Severity, f.Check, orDash(f.Host), span(f.Location))
		fmt.Fprintf(&b, "  %s\n", f.Message)
		fmt.Fprintf(&b, "  logical: %s | %s\n", f.Logical.Context, f.Logical.Key)
		if f.Expected != "" || f.Actual != "" {
			fmt.Fprintf(&b, "  expected: %q\n  actual: %q\n", f.Expected, f.Actual)
		}
		if f.Secret {
			b.WriteString("  secret\n")
		}
		for _, r := range f.Related {
			fmt.Fprintf(&b, "  related: %s: %s\n", span(r.Location), r.Message)
		}
		if w := f.Waiver; w != nil {
			fmt.Fprintf(&b, "  waived by %s: %s (%s, %s)\n", w.Name, w.Reason, w.Owner, w.Expires)
		}
	}
	for _, g := range res.Gaps {
		if only(g.Check) {
			fmt.Fprintf(&b, "evidence gap %s %s: %s\n  capture into %s: %s\n", g.Check, orDash(g.Host), g.Reason, g.File, strings.Join(g.Capture(), " | "))
		}
	}
	for _, n := range res.NotEvaluated {
		if only(n.Check) {
			fmt.Fprintf(&b, "not evaluated %s %s: %s\n", n.Check, orDash(n.Host), n.Reason)
		}
	}
	return b.String()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func span(r hcl.Range) string {
	return fmt.Sprintf("%s:%d:%d-%d:%d", r.Filename, r.Start.Line, r.Start.Column, r.End.Line, r.End.Column)
}

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
