package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/checks"
	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/config"
	"github.com/bwlint/bwlint/lint/judge"
	"github.com/google/go-cmp/cmp"
)

// lintDir lints dir with the default policy, as lint does without a
// policy file.
func lintDir(t *testing.T, dir string) *judge.Result {
	t.Helper()
	cfg, diags := config.Load("", checks.Catalog())
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return judge.New(lint.Run(context.Background(), mustLoad(t, dir), cfg.Checks(), cfg.Settings()), checks.Notes())
}

// applyBaseline judges res against the baseline file at path, as
// --baseline does.
func applyBaseline(path string, res *judge.Result) (*judge.Result, error) {
	f, _, err := readBaseline(path)
	if err != nil {
		return nil, err
	}
	return res.AgainstBaseline(f, judge.BaselineOptions{}), nil
}

// TestDiffBaselineGate runs the CI-gate example of docs/review.md: a
// baseline written on the example snapshot, applied to the snapshot after
// the change.
func TestDiffBaselineGate(t *testing.T) {
	file := filepath.Join(t.TempDir(), "bwlint-baseline.json")
	if err := writeBaseline(file, lintDir(t, before).Record(), readFiles{}); err != nil {
		t.Fatal(err)
	}
	// The same snapshot against its own baseline passes.
	res, err := applyBaseline(file, lintDir(t, before))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(res.Counting(lint.Threshold(lint.Warning))); n != 0 {
		t.Errorf("baselined example: %d findings count, want 0", n)
	}

	res, err = applyBaseline(file, lintDir(t, after))
	if err != nil {
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
		"xsp_farm_drift xsp1 changed",
		"xsp_authservice_url xsp1 new",
		"xsp_certificate_auth_flags xsp2 unchanged",
		"xsp_farm_drift xsp2 unchanged",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("findings (-want +got):\n%s", d)
	}
	if n := len(res.Counting(lint.Threshold(lint.Warning))); n != 3 {
		t.Errorf("after the change: %d findings count, want 3: xsp1's new and changed findings", n)
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
	res := judge.New(lint.Run(context.Background(), mustLoad(t, before), checks.All(), lint.Settings{}), checks.Notes())
	if err := writeBaseline(a, res.Record(), readFiles{}); err != nil {
		t.Fatal(err)
	}
	if err := writeBaseline(b, lintDir(t, before).Record(), readFiles{}); err != nil {
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
	s, err := inputs.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestBaselineSummaries checks that every summary counts how the run
// compared with the baseline, and labels unused entries as such rather
// than as fixed findings; and that runs without a baseline say nothing of
// one.
func TestBaselineSummaries(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	t.Setenv(config.EnvVar, "")
	file := filepath.Join(t.TempDir(), "bwlint-baseline.json")
	if err := writeBaseline(file, lintDir(t, before).Record(), readFiles{}); err != nil {
		t.Fatal(err)
	}
	lintOut := func(args ...string) string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if code := run(append([]string{"bwlint", "lint"}, args...), &stdout, &stderr); code != exitFindings {
			t.Fatalf("exit code %d, want %d; stderr: %s", code, exitFindings, stderr.String())
		}
		return stdout.String()
	}
	for format, want := range map[string][]string{
		"text": {"; baseline: 2 baselined, 1 changed, 2 new, 2 unused entries (2 stale, 0 with evidence gone)), 3 counting",
			"bwlint-baseline.json:4:5 (stale baseline entry)"},
		"markdown": {"| Baseline | 2 baselined, 1 changed, 2 new, 2 unused entries (2 stale, 0 with evidence gone) |", "| stale baseline entry |",
			"- a stale baseline entry: its finding is gone while its evidence is there; it does not count"},
	} {
		got := lintOut("--format", format, "--baseline", file, after)
		for _, w := range want {
			if !strings.Contains(words(got), w) {
				t.Errorf("%s report lacks %q:\n%s", format, w, got)
			}
		}
		for _, fixed := range []string{"(fixed)", "| fixed |", "fixed since the baseline"} {
			if strings.Contains(got, fixed) {
				t.Errorf("%s report calls an unused entry fixed (%q):\n%s", format, fixed, got)
			}
		}
	}

	var rep struct {
		Summary struct {
			Baseline *struct {
				Baselined, Changed, New int
				UnusedEntries           int `json:"unused_entries"`
			}
		}
	}
	if err := json.Unmarshal([]byte(lintOut("--format", "json", "--baseline", file, after)), &rep); err != nil {
		t.Fatal(err)
	}
	if b := rep.Summary.Baseline; b == nil || b.Baselined != 2 || b.Changed != 1 || b.New != 2 || b.UnusedEntries != 2 {
		t.Errorf("JSON summary.baseline %+v, want 2 baselined, 1 changed, 2 new, 2 unused entries", b)
	}
	if got := lintOut("--format", "json", after); strings.Contains(got, `"baseline"`) {
		t.Errorf("JSON of a run without a baseline has a baseline summary:\n%s", got)
	}
}
