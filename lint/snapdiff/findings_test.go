package snapdiff

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/lint"
	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

func finding(check, host, key, value string, line int) lint.Finding {
	return lint.Finding{
		Check: check, Severity: lint.Error, Host: host, Actual: value,
		Location: hcl.Range{Filename: "hosts/" + host + "/x.txt", Start: hcl.Pos{Line: line, Column: 3}},
		Logical:  lint.Logical{Host: host, Context: "AS_CLI/Interface/Messaging", Key: key},
	}
}

func TestClassifyEveryState(t *testing.T) {
	before := []lint.Finding{
		finding("as_a", "as1", "k1", "v", 3),  // same key and value, moved to line 9: unchanged
		finding("as_a", "as1", "k2", "v", 4),  // value changes: changed
		finding("as_a", "as1", "k3", "v", 5),  // gone: fixed
		finding("as_a", "as2", "k1", "v", 3),  // another host's k1 is unrelated
		finding("as_b", "as1", "k1", "v1", 1), // one key twice: pairwise, equal first
		finding("as_b", "as1", "k1", "v2", 2),
	}
	after := []lint.Finding{
		finding("as_a", "as1", "k1", "v", 9),
		finding("as_a", "as1", "k2", "w", 4),
		finding("as_a", "as1", "k4", "v", 6),
		finding("as_b", "as1", "k1", "v2", 1),
		finding("as_b", "as1", "k1", "v3", 2),
	}
	// Before is the matched before-side value of a changed finding.
	type row struct {
		Check, Host, Key, Value string
		State                   lint.State
		Before                  string
	}
	var got []row
	for _, f := range Classify(before, after) {
		r := row{f.Check, f.Host, f.Logical.Key, f.Actual, f.State, ""}
		if f.Before != nil {
			r.Before = f.Before.Actual
		}
		got = append(got, r)
	}
	want := []row{
		{"as_a", "as1", "k1", "v", lint.StateUnchanged, ""},
		{"as_a", "as1", "k2", "w", lint.StateChanged, "v"},
		{"as_a", "as1", "k4", "v", lint.StateNew, ""},
		{"as_b", "as1", "k1", "v2", lint.StateUnchanged, ""},
		{"as_b", "as1", "k1", "v3", lint.StateChanged, "v1"},
		{"as_a", "as1", "k3", "v", lint.StateFixed, ""},
		{"as_a", "as2", "k1", "v", lint.StateFixed, ""},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

// reviewFindings wraps lint findings as a review's, for tests that set
// State themselves.
func reviewFindings(fs ...lint.Finding) []Finding {
	out := make([]Finding, len(fs))
	for i, f := range fs {
		out[i].Finding = f
	}
	return out
}

// TestIntroduced checks what fails a review: new and changed findings at
// or above the threshold that count; never fixed, unchanged, waived or
// baselined ones.
func TestIntroduced(t *testing.T) {
	mk := func(key string, sev lint.Severity, st lint.State) lint.Finding {
		f := finding("as_a", "as1", key, "v", 1)
		f.Severity, f.State = sev, st
		return f
	}
	waived := mk("waived", lint.Error, lint.StateNew)
	waived.Waiver = &lint.Waiver{Name: "w"}
	baselined := mk("baselined", lint.Error, lint.StateChanged)
	baselined.Baselined = true
	r := &Review{Findings: reviewFindings(
		mk("new", lint.Error, lint.StateNew),
		mk("changed", lint.Warning, lint.StateChanged),
		mk("note", lint.Note, lint.StateNew),
		mk("fixed", lint.Error, lint.StateFixed),
		mk("unchanged", lint.Error, lint.StateUnchanged),
		waived, baselined,
	)}
	keys := func(t lint.Threshold) []string {
		var out []string
		for _, f := range r.Introduced(t) {
			out = append(out, f.Logical.Key)
		}
		return out
	}
	if d := cmp.Diff([]string{"new", "changed"}, keys(lint.Threshold(lint.Warning))); d != "" {
		t.Errorf("at warning (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]string{"new"}, keys(lint.Threshold(lint.Error))); d != "" {
		t.Errorf("at error (-want +got):\n%s", d)
	}
	if got := keys(lint.None); got != nil {
		t.Errorf("at none: %v", got)
	}
}

// TestReportsShowWhatChanged checks that a changed finding shows its
// before side in every format, and that JSON writes a waiver as the lint
// report does.
func TestReportsShowWhatChanged(t *testing.T) {
	wv := &lint.Waiver{Name: "w1", Reason: "in change CHG-1", Owner: "voice-ops", Expires: "2027-01-31"}
	was := finding("as_a", "as1", "k2", "old", 4)
	was.Message, was.Expected = "k2 is old", "want"
	is := finding("as_a", "as1", "k2", "new", 7)
	is.Message, is.Expected, is.Waiver = "k2 is new", "want", wv
	snap := snapshot(t, baseFiles)
	r := Compare(Side{Snapshot: snap, Result: &lint.Result{Findings: []lint.Finding{was}}},
		Side{Snapshot: snap, Result: &lint.Result{Findings: []lint.Finding{is}}})

	var buf bytes.Buffer
	if err := JSON(&buf, r, Options{}); err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Findings []struct {
			State    string
			Actual   string
			Before   map[string]any
			Waived   map[string]string
			Snapshot string
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) != 1 {
		t.Fatalf("%d findings, want 1:\n%s", len(rep.Findings), buf.String())
	}
	got := rep.Findings[0]
	wantBefore := map[string]any{
		"message": "k2 is old", "expected": "want", "actual": "old",
		"location": map[string]any{"path": "hosts/as1/x.txt", "line": 4.0, "column": 3.0, "end_line": 0.0, "end_column": 0.0, "start_byte": 0.0, "end_byte": 0.0},
	}
	if got.State != "changed" || got.Actual != "new" || got.Snapshot != "after" {
		t.Errorf("finding %+v, want changed, actual new, in the after snapshot", got)
	}
	if d := cmp.Diff(wantBefore, got.Before); d != "" {
		t.Errorf("before (-want +got):\n%s", d)
	}
	if d := cmp.Diff(map[string]string{"name": "w1", "reason": "in change CHG-1", "owner": "voice-ops", "expires": "2027-01-31"}, got.Waived); d != "" {
		t.Errorf("waived (-want +got):\n%s", d)
	}

	for name, render := range map[string]func(*bytes.Buffer) error{
		"text":     func(b *bytes.Buffer) error { return Text(b, r, Options{}) },
		"markdown": func(b *bytes.Buffer) error { return Markdown(b, r, Options{}) },
	} {
		buf.Reset()
		if err := render(&buf); err != nil {
			t.Fatal(err)
		}
		want := map[string]string{"text": "    before: k2 is old (hosts/as1/x.txt:4:3, before)\n", "markdown": "k2 is new (before: k2 is old)"}[name]
		if !strings.Contains(buf.String(), want) {
			t.Errorf("%s output lacks %q:\n%s", name, want, buf.String())
		}
	}
}
