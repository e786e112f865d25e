// Package linttest runs a check on folders of example snapshots and
// compares its report with golden files, as analysistest does for Go
// analyzers: a check's test is one call.
//
// Layout, under a check package's testdata directory:
//
//	<check name>/<case>/          a snapshot (hosts/, partnerhub/, devicemgmt/)
//	<check name>/<case>.golden    the text report of that check alone
//
// Run the tests with -update to rewrite the golden files after an intended
// change, then review the diff.
package linttest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/golden"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/judge"
	"github.com/bwlint/bwlint/lint/report"
	"github.com/hashicorp/hcl/v2"
)

// Update rewrites golden files instead of comparing with them; it is
// golden.Update, the one -update flag of every test binary.
var Update = golden.Update

// Run lints every case folder under dir with check alone and compares the
// text report with <case>.golden. It fails when dir holds no case.
func Run(t *testing.T, check *lint.Check, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("check %s has no test cases: %v", check.Name, err)
	}
	n := 0
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		n++
		name := e.Name()
		t.Run(name, func(t *testing.T) {
			got := Report(t, check, filepath.Join(dir, name))
			Golden(t, filepath.Join(dir, name+".golden"), got)
		})
	}
	if n == 0 {
		t.Fatalf("check %s has no test cases in %s", check.Name, dir)
	}
}

// Report lints one snapshot with one check and returns the text report,
// without colour, with the snapshot's root shown as ".".
func Report(t *testing.T, check *lint.Check, snapshot string) string {
	t.Helper()
	snap, err := inputs.Load(snapshot)
	if err != nil {
		t.Fatal(err)
	}
	res := judge.New(lint.Run(context.Background(), snap, []*lint.Check{check}, lint.Settings{}), judge.Notes{})
	for _, f := range res.Failures {
		t.Errorf("check %s failed: %s", f.Check, f.Err)
	}
	var buf bytes.Buffer
	threshold := lint.Threshold(lint.Note)
	opts := report.Options{Snapshot: snap, Threshold: threshold, ExitCode: res.ExitCode(threshold, lint.FailOnGaps)}
	if err := report.Text(&buf, res, opts); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// Golden compares got with the file at path, or writes it under -update.
func Golden(t *testing.T, path, got string) {
	t.Helper()
	golden.File(t, path, got)
}

// Snapshot writes files (path → text) into a new snapshot directory and
// loads it, for tests and benchmarks that build a snapshot case by case.
func Snapshot(t testing.TB, files map[string]string) *inputs.Snapshot {
	t.Helper()
	dir := t.TempDir()
	for rel, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	snap, err := inputs.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

// Describe renders the findings, evidence gaps and not-evaluated records
// of the checks only selects, compactly, for golden files that do not
// depend on a reporter's layout: positions as file:line:col-line:col,
// values quoted, waivers with their details.
func Describe(res *judge.Result, only func(string) bool) string {
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
