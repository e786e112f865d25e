package baseline

import (
	"bytes"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/linttest"
	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

func finding(check, host, key, value string, line int) lint.Finding {
	return lint.Finding{
		Check: check, Severity: lint.Error, Host: host, Actual: value,
		Message:  "m " + value,
		Location: hcl.Range{Filename: "hosts/" + host + "/x.txt", Start: hcl.Pos{Line: line, Column: 3, Byte: 100 * line}},
		Logical:  lint.Logical{Host: host, Context: "AS_CLI/Interface/Messaging", Key: key},
	}
}

func write(t *testing.T, fs []lint.Finding) string {
	t.Helper()
	var buf bytes.Buffer
	if err := FromFindings(fs).Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestWriteIsDeterministic checks that the file is sorted, free of line
// numbers and values, and the same whatever the findings' order.
func TestWriteIsDeterministic(t *testing.T) {
	fs := []lint.Finding{
		finding("xsp_b", "xsp1", "allowUserApp", "secretish-value", 7),
		finding("as_a", "as2", "provisioningUserId", "w4b-prov-admn", 3),
		finding("as_a", "as2", "provisioningUserId", "w4b-prov-admn", 3), // written once
	}
	got := write(t, fs)
	if again := write(t, []lint.Finding{fs[2], fs[0], fs[1]}); again != got {
		t.Errorf("order of findings changes the file:\n%s\n%s", got, again)
	}
	for _, leak := range []string{"secretish-value", "w4b-prov-admn", "line", `"7"`} {
		if strings.Contains(got, leak) {
			t.Errorf("baseline holds %q:\n%s", leak, got)
		}
	}
	linttest.Golden(t, "testdata/write.golden", got)
}

func TestApply(t *testing.T) {
	known := []lint.Finding{
		finding("as_a", "as1", "k1", "v", 3),
		finding("as_a", "as1", "k2", "v", 4),
		finding("as_a", "as1", "gone", "v", 5),
	}
	f, err := Parse("base.json", []byte(write(t, known)))
	if err != nil {
		t.Fatal(err)
	}
	res := &lint.Result{Findings: []lint.Finding{
		finding("as_a", "as1", "k1", "v", 30), // moved lines: still known
		finding("as_a", "as1", "k2", "w", 4),  // value changed: counts again
		finding("as_a", "as1", "k3", "v", 6),  // new
	}}
	got := Apply(f, res)
	counts := lint.BaselineCounts{Baselined: 1, Changed: 1, New: 1, Unused: 1}
	if d := cmp.Diff(counts, got); d != "" {
		t.Errorf("counts (-want +got):\n%s", d)
	}
	if res.Baseline == nil || *res.Baseline != counts {
		t.Errorf("result's counts %v, want %v", res.Baseline, counts)
	}
	type row struct {
		Check, Key string
		State      lint.State
		Baselined  bool
		Counts     bool
	}
	var rows []row
	for _, x := range res.Findings {
		rows = append(rows, row{x.Check, x.Logical.Key, x.State, x.Baselined, x.Counts()})
		if x.UnusedBaselineEntry() != (x.Check == UnusedCheck.Name) {
			t.Errorf("%s: UnusedBaselineEntry is %v", x.Check, x.UnusedBaselineEntry())
		}
	}
	want := []row{
		{"baseline_entry_unused", "gone", lint.StateFixed, false, false},
		{"as_a", "k2", lint.StateChanged, false, true},
		{"as_a", "k3", lint.StateNew, false, true},
		{"as_a", "k1", lint.StateUnchanged, true, false},
	}
	if d := cmp.Diff(want, rows); d != "" {
		t.Errorf("findings (-want +got):\n%s", d)
	}
	if n := len(res.Counting(lint.Threshold(lint.Note))); n != 2 {
		t.Errorf("%d findings count at note, want 2 (changed and new)", n)
	}
	unused := res.Findings[0]
	if unused.Location.Filename != "base.json" || unused.Location.Start.Line == 0 {
		t.Errorf("unused entry is not located in the baseline: %+v", unused.Location)
	}
	if !strings.Contains(unused.Message, "gone") {
		t.Errorf("unused entry's message does not name it: %s", unused.Message)
	}
	if len(res.Checks) != 1 || res.Checks[0] != UnusedCheck {
		t.Errorf("checks = %v, want the unused-entry check", res.Checks)
	}
	if err := lint.Validate([]*lint.Check{UnusedCheck}); err != nil {
		t.Errorf("UnusedCheck breaks the house style: %v", err)
	}
}

func TestParseErrors(t *testing.T) {
	hash := strings.Repeat("a", 32)
	cases := []struct{ name, text, want string }{
		{"not json", "{\n  \"version\": 1,\n  oops\n}", "b.json:3:3: not valid JSON"},
		{"not an object", "[]", "b.json:1:1: a baseline must be a JSON object"},
		{"no version", `{"entries": []}`, `b.json:1:1: baseline has no "version"`},
		{"future version", "{\n  \"version\": 2,\n  \"entries\": []\n}", "b.json:2:14: baseline version 2 is not supported"},
		{"unknown top field", `{"version": 1, "extra": 1}`, `b.json:1:25: unknown field "extra"`},
		{"entries not a list", `{"version": 1, "entries": {}}`, `b.json:1:27: "entries" must be a list`},
		{"bad hash", "{\"version\": 1, \"entries\": [\n  {\"check\": \"as_a\", \"value_hash\": \"xyz\"}\n]}", `b.json:2:3: entry's "value_hash" must be 32`},
		{"no check", "{\"version\": 1, \"entries\": [\n  {\"check\": \"as_a\", \"value_hash\": \"" + hash + "\"},\n  {\"value_hash\": \"" + hash + "\"}\n]}", `b.json:3:3: entry has no "check"`},
		{"unknown entry field", "{\"version\": 1, \"entries\": [\n  {\"check\": \"as_a\", \"line\": 3}\n]}", `b.json:2:3: json: unknown field "line"`},
		{"wrong type", "{\"version\": 1, \"entries\": [\n  {\"check\": 7}\n]}", `b.json:2:3: "check" must be string, found number`},
		{"version out of range", `{"version": 1e999999}`, `b.json:1:13: "version" must be int, found number 1e999999`},
		{"version a string", `{"version": "1"}`, `b.json:1:13: "version" must be int, found string`},
		{"truncated", `{"version": 1, "entries": [`, "b.json:1:28: unexpected end of file"},
		{"unclosed", `{"version": 1`, "b.json:1:14: unexpected end of file"},
		{"trailing text", "{\"version\": 1}\n{}", "b.json:2:1: unexpected text after the baseline object"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("b.json", []byte(tc.text))
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("error %v, want prefix %q", err, tc.want)
			}
		})
	}
}

func TestReadMissingFile(t *testing.T) {
	_, _, err := Read(t.TempDir() + "/none.json")
	if err == nil || !strings.Contains(err.Error(), "cannot read baseline: no such file or directory") {
		t.Errorf("error %v", err)
	}
}

// TestRoundTrip checks that a written baseline reads back as written, with
// each entry located.
func TestRoundTrip(t *testing.T) {
	text := write(t, []lint.Finding{finding("as_a", "as1", "k1", "v", 3), finding("as_b", "", "k", "v", 1)})
	f, err := Parse("b.json", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(text, buf.String()); d != "" {
		t.Errorf("round trip (-want +got):\n%s", d)
	}
	if got := []int{f.Entries[0].Range.Start.Line, f.Entries[1].Range.Start.Line}; !cmp.Equal(got, []int{4, 11}) {
		t.Errorf("entries start on lines %v", got)
	}
}
