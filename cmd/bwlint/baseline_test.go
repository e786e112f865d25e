package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/checks"
	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/lint"
	"github.com/google/go-cmp/cmp"
)

func lintDir(t *testing.T, dir string) *lint.Result {
	t.Helper()
	side, err := lintSide(dir)
	if err != nil {
		t.Fatal(err)
	}
	return side.Result
}

// TestDiffBaselineGate runs the CI-gate example of docs/review.md: a
// baseline written on the example snapshot, applied to the snapshot after
// the change.
func TestDiffBaselineGate(t *testing.T) {
	file := filepath.Join(t.TempDir(), "bwlint-baseline.json")
	if err := writeBaseline(file, lintDir(t, before)); err != nil {
		t.Fatal(err)
	}
	// The same snapshot against its own baseline passes.
	res := lintDir(t, before)
	if _, err := applyBaseline(file, res); err != nil {
		t.Fatal(err)
	}
	if n := len(res.Counting(lint.Threshold(lint.Warning))); n != 0 {
		t.Errorf("baselined example: %d findings count, want 0", n)
	}

	res = lintDir(t, after)
	if _, err := applyBaseline(file, res); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Check+" "+f.Host+" "+string(f.State))
	}
	want := []string{
		"baseline_entry_unused as2 fixed",
		"baseline_entry_unused as2 fixed",
		"xsp_certificate_auth_flags xsp1 new",
		"xsp_certificate_auth_flags xsp2 unchanged",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("findings (-want +got):\n%s", d)
	}
	if n := len(res.Counting(lint.Threshold(lint.Warning))); n != 1 {
		t.Errorf("after the change: %d findings count, want 1: xsp1's new finding", n)
	}
}

func TestDiffBaselineBadFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(file, []byte("{\n  \"version\": 1,\n  \"entries\": [\n    {\"check\": \"x\", \"value_hash\": \"nope\"}\n  ]\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := applyBaseline(file, lintDir(t, before))
	var e *exitError
	if !errors.As(err, &e) || e.code != exitUsage || !strings.Contains(e.msg, "bad.json:4:5: entry's \"value_hash\"") {
		t.Errorf("error %v, want a positioned usage error", err)
	}
}

// TestDiffBaselineFileIsStable checks that re-capturing without a change
// leaves the baseline byte for byte the same, whatever the run.
func TestDiffBaselineFileIsStable(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json")
	res := lint.Run(context.Background(), mustLoad(t, before), checks.All(), lint.Settings{})
	if err := writeBaseline(a, res); err != nil {
		t.Fatal(err)
	}
	if err := writeBaseline(b, lintDir(t, before)); err != nil {
		t.Fatal(err)
	}
	x, _ := os.ReadFile(a)
	y, _ := os.ReadFile(b)
	if string(x) != string(y) || strings.Contains(string(x), "line") {
		t.Errorf("baselines differ or hold line numbers:\n%s\n%s", x, y)
	}
}

func mustLoad(t *testing.T, dir string) *inputs.Snapshot {
	t.Helper()
	s, err := loadSnapshot(dir)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
