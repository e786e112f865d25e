package snapdiff

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/judge"
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

// TestIntroduced checks what fails a review: new and changed findings at
// or above the threshold that count; never fixed, unchanged, waived or
// baselined ones.
func TestIntroduced(t *testing.T) {
	mk := func(key string, sev lint.Severity, st judge.State) judge.Finding {
		f := finding("as_a", "as1", key, "v", 1)
		f.Severity = sev
		return judge.Finding{Finding: f, State: st}
	}
	waived := mk("waived", lint.Error, judge.StateNew)
	waived.Waiver = &judge.Waiver{Name: "w"}
	baselined := mk("baselined", lint.Error, judge.StateChanged)
	baselined.Baselined = true
	r := &Review{Findings: []judge.Finding{
		mk("new", lint.Error, judge.StateNew),
		mk("changed", lint.Warning, judge.StateChanged),
		mk("note", lint.Note, judge.StateNew),
		mk("fixed", lint.Error, judge.StateFixed),
		mk("unchanged", lint.Error, judge.StateUnchanged),
		waived, baselined,
	}}
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
	wv := &judge.Waiver{Name: "w1", Reason: "in change CHG-1", Owner: "voice-ops", Expires: "2027-01-31"}
	was := finding("as_a", "as1", "k2", "old", 4)
	was.Message, was.Expected = "k2 is old", "want"
	is := finding("as_a", "as1", "k2", "new", 7)
	is.Message, is.Expected = "k2 is new", "want"
	snap := snapshot(t, baseFiles)
	waived := judge.New(&lint.Result{Findings: []lint.Finding{is}}, judge.Notes{})
	waived.Findings[0].Waiver = wv
	r := Compare(Side{Snapshot: snap, Result: judge.New(&lint.Result{Findings: []lint.Finding{was}}, judge.Notes{})},
		Side{Snapshot: snap, Result: waived}, ReviewOptions{})

	var buf bytes.Buffer
	if err := JSON(&buf, r, Options{}); err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Findings []struct {
			State    string
			Actual   string
			Before   map[string]any
			Waived   map[string]any
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
	if d := cmp.Diff(map[string]any{"name": "w1", "reason": "in change CHG-1", "owner": "voice-ops", "expires": "2027-01-31",
		"approved_by": "", "granted": "", "hosts": []any{}, "location": nil}, got.Waived); d != "" {
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
