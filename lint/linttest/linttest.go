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
	"os"
	"path/filepath"
	"testing"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/internal/golden"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/judge"
	"github.com/bwlint/bwlint/lint/report"
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
// loads it, for tests that build a snapshot case by case.
func Snapshot(t *testing.T, files map[string]string) *inputs.Snapshot {
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
