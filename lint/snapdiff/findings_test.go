package snapdiff

import (
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
	type row struct {
		Check, Host, Key, Value string
		State                   lint.State
	}
	var got []row
	for _, f := range Classify(before, after) {
		got = append(got, row{f.Check, f.Host, f.Logical.Key, f.Actual, f.State})
	}
	want := []row{
		{"as_a", "as1", "k1", "v", lint.StateUnchanged},
		{"as_a", "as1", "k2", "w", lint.StateChanged},
		{"as_a", "as1", "k4", "v", lint.StateNew},
		{"as_b", "as1", "k1", "v2", lint.StateUnchanged},
		{"as_b", "as1", "k1", "v3", lint.StateChanged},
		{"as_a", "as1", "k3", "v", lint.StateFixed},
		{"as_a", "as2", "k1", "v", lint.StateFixed},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
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
	r := &Review{Findings: []lint.Finding{
		mk("new", lint.Error, lint.StateNew),
		mk("changed", lint.Warning, lint.StateChanged),
		mk("note", lint.Note, lint.StateNew),
		mk("fixed", lint.Error, lint.StateFixed),
		mk("unchanged", lint.Error, lint.StateUnchanged),
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
