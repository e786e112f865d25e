package judge_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/baseline"
	"github.com/bwlint/bwlint/lint/judge"
)

// The judging checks, as small fixtures: the real ones live in package
// checks, which the engine's packages do not import.
var (
	expiredCheck = &lint.Check{Name: "config_waiver_expired", Severity: lint.Warning}
	unusedCheck  = &lint.Check{Name: "config_waiver_unused", Severity: lint.Note}
	entryCheck   = &lint.Check{Name: "baseline_entry_unused", Severity: lint.Note}
	notes        = judge.Notes{WaiverExpired: expiredCheck, WaiverUnused: unusedCheck, BaselineEntryUnused: entryCheck}
)

func finding(check, host, key, value string, line int) lint.Finding {
	return lint.Finding{
		Check: check, Severity: lint.Error, Host: host, Actual: value,
		Message:  "m " + value,
		Location: hcl.Range{Filename: "hosts/" + host + "/x.txt", Start: hcl.Pos{Line: line, Column: 3, Byte: 100 * line}},
		Logical:  lint.Logical{Host: host, Context: "AS_CLI/Interface/Messaging", Key: key},
	}
}

// run is a run that found fs, with the judging checks run as the policy
// selects them.
func run(fs ...lint.Finding) *judge.Result {
	return judge.New(&lint.Result{Checks: []*lint.Check{expiredCheck, unusedCheck}, Findings: fs}, notes)
}

func judged(fs ...lint.Finding) []judge.Finding {
	return run(fs...).Findings
}

// TestCompareEveryState checks the one matcher through a review: a
// finding keeps its identity when its line moves, changes when its value
// does, and a key that occurs twice is matched pairwise, equal values
// first.
func TestCompareEveryState(t *testing.T) {
	before := judged(
		finding("as_a", "as1", "k1", "v", 3),  // same key and value, moved to line 9: unchanged
		finding("as_a", "as1", "k2", "v", 4),  // value changes: changed
		finding("as_a", "as1", "k3", "v", 5),  // gone: fixed
		finding("as_a", "as2", "k1", "v", 3),  // another host's k1 is unrelated
		finding("as_b", "as1", "k1", "v1", 1), // one key twice: pairwise, equal first
		finding("as_b", "as1", "k1", "v2", 2),
	)
	after := judged(
		finding("as_a", "as1", "k1", "v", 9),
		finding("as_a", "as1", "k2", "w", 4),
		finding("as_a", "as1", "k4", "v", 6),
		finding("as_b", "as1", "k1", "v2", 1),
		finding("as_b", "as1", "k1", "v3", 2),
	)
	type row struct {
		Check, Host, Key, Value string
		State                   judge.State
		Before                  string
	}
	var got []row
	for _, f := range judge.Compare(before, after, nil) {
		r := row{f.Check, f.Host, f.Logical.Key, f.Actual, f.State, ""}
		if f.Before != nil {
			r.Before = f.Before.Actual
		}
		got = append(got, r)
	}
	want := []row{
		{"as_a", "as1", "k1", "v", judge.StateUnchanged, ""},
		{"as_a", "as1", "k2", "w", judge.StateChanged, "v"},
		{"as_a", "as1", "k4", "v", judge.StateNew, ""},
		{"as_b", "as1", "k1", "v2", judge.StateUnchanged, ""},
		{"as_b", "as1", "k1", "v3", judge.StateChanged, "v1"},
		{"as_a", "as1", "k3", "v", judge.StateFixed, ""},
		{"as_a", "as2", "k1", "v", judge.StateFixed, ""},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

func baselineOf(t *testing.T, fs []lint.Finding, gaps []lint.Gap) *baseline.File {
	t.Helper()
	var buf bytes.Buffer
	if err := baseline.FromRun(fs, gaps).Write(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := baseline.Parse("base.json", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestAgainstBaseline checks the same matcher against a baseline's
// entries, the counts, and the note about the entry nothing matched.
func TestAgainstBaseline(t *testing.T) {
	f := baselineOf(t, []lint.Finding{
		finding("as_a", "as1", "k1", "v", 3),
		finding("as_a", "as1", "k2", "v", 4),
		finding("as_a", "as1", "gone", "v", 5),
	}, nil)
	before := run(
		finding("as_a", "as1", "k1", "v", 30), // moved lines: still known
		finding("as_a", "as1", "k2", "w", 4),  // value changed: counts again
		finding("as_a", "as1", "k3", "v", 6),  // new
	)
	res := before.AgainstBaseline(f, judge.BaselineOptions{})
	counts := &judge.BaselineCounts{Baselined: 1, Changed: 1, New: 1, Unused: 1, Stale: 1}
	if d := cmp.Diff(counts, res.Baseline); d != "" {
		t.Errorf("counts (-want +got):\n%s", d)
	}
	type row struct {
		Check, Key string
		State      judge.State
		Baselined  bool
		Counts     bool
		Unused     bool
	}
	var rows []row
	for _, x := range res.Findings {
		rows = append(rows, row{x.Check, x.Logical.Key, x.State, x.Baselined, x.Counts(), x.UnusedBaselineEntry()})
	}
	want := []row{
		{"baseline_entry_unused", "gone", judge.StateFixed, false, false, true},
		{"as_a", "k2", judge.StateChanged, false, true, false},
		{"as_a", "k3", judge.StateNew, false, true, false},
		{"as_a", "k1", judge.StateUnchanged, true, false, false},
	}
	if d := cmp.Diff(want, rows); d != "" {
		t.Errorf("findings (-want +got):\n%s", d)
	}
	if n := len(res.Counting(lint.Threshold(lint.Note))); n != 2 {
		t.Errorf("%d findings count at note, want 2 (changed and new)", n)
	}
	unused := res.Findings[0]
	if unused.Location.Filename != "base.json" || unused.Location.Start.Line == 0 || !strings.Contains(unused.Message, "gone") {
		t.Errorf("unused entry is not located in the baseline, or not named: %+v", unused.Finding)
	}
	if !cmp.Equal(names(res.Checks), []string{"baseline_entry_unused", "config_waiver_expired", "config_waiver_unused"}) {
		t.Errorf("checks = %v, want the unused-entry check added", names(res.Checks))
	}
	if before.Baseline != nil || before.Findings[0].State != "" || len(before.Findings) != 3 {
		t.Error("judging against the baseline changed its input")
	}
	// A baseline is written from the run as it stands: never the notes
	// about a baseline, never a fixed finding.
	if got := res.Record().Entries; len(got) != 3 {
		t.Errorf("record of the judged run: %+v", got)
	}
}

// gap is an evidence gap of check xsp_a on host: the CLI context's "get"
// is missing.
func gap(host, context string) lint.Gap {
	return lint.Gap{Check: "xsp_a", Host: host, Server: "XSP",
		Evidence: lint.CLI(inputs.RoleXSP, context, "get", "hosts/<host>/x.txt"), File: "hosts/" + host + "/x.txt", Reason: "not captured"}
}

// TestBaselineGaps: a later run with a baseline reports a known gap as
// baselined, counts a new one, and reports an entry whose gap is gone as
// unused, without failing on it.
func TestBaselineGaps(t *testing.T) {
	f := baselineOf(t, nil, []lint.Gap{gap("xsp1", "System/CertificateAuthentication"), gap("xsp2", "System/CertificateAuthentication")})
	// Day 2: xsp1 was captured, xsp2 is an ADP now (its prompt changed,
	// the gap is the same), xsp3 is new.
	adp := gap("xsp2", "system/certificateauthentication")
	adp.Server = "ADP"
	day2 := judge.New(&lint.Result{Gaps: []lint.Gap{adp, gap("xsp3", "System/CertificateAuthentication")}}, notes).AgainstBaseline(f, judge.BaselineOptions{})
	if c := day2.Baseline; c.BaselinedGaps != 1 || c.NewGaps != 1 || c.Unused != 1 {
		t.Errorf("counts %+v, want 1 baselined gap, 1 new, 1 unused entry", c)
	}
	if !day2.Gaps[0].Baselined || day2.Gaps[1].Baselined {
		t.Errorf("baselined: %v %v, want the xsp2 gap only", day2.Gaps[0].Baselined, day2.Gaps[1].Baselined)
	}
	if got := day2.CountingGaps(lint.FailOnGaps); len(got) != 1 || got[0].Host != "xsp3" {
		t.Errorf("counting gaps %+v, want xsp3's", got)
	}
	if len(day2.Findings) != 1 || !strings.Contains(day2.Findings[0].Message, "xsp1") || day2.Findings[0].Counts() ||
		day2.Findings[0].Location.Filename != "base.json" || day2.Findings[0].Location.Start.Line == 0 {
		t.Errorf("unused gap entry: %+v", day2.Findings)
	}
	if code := day2.ExitCode(lint.Threshold(lint.Warning), lint.FailOnGaps); code != lint.ExitInput {
		t.Errorf("exit code %d with a new gap, want %d", code, lint.ExitInput)
	}
	day2.Gaps = day2.Gaps[:1]
	if code := day2.ExitCode(lint.Threshold(lint.Warning), lint.FailOnGaps); code != lint.ExitOK {
		t.Errorf("exit code %d with a baselined gap only, want 0", code)
	}
}

// TestVersion1Baseline: every gap is new against a baseline written
// before gaps were recorded.
func TestVersion1Baseline(t *testing.T) {
	old := "{\n  \"version\": 1,\n  \"entries\": [\n    {\"check\": \"as_a\", \"host\": \"as1\", \"context\": \"c\", \"key\": \"k\", \"value_hash\": \"" + strings.Repeat("a", 32) + "\"}\n  ]\n}\n"
	f, err := baseline.Parse("old.json", []byte(old))
	if err != nil {
		t.Fatal(err)
	}
	res := judge.New(&lint.Result{Gaps: []lint.Gap{gap("xsp1", "c")}}, notes).AgainstBaseline(f, judge.BaselineOptions{})
	if c := res.Baseline; c.NewGaps != 1 || c.BaselinedGaps != 0 {
		t.Errorf("counts %+v: every gap is new against a version 1 baseline", c)
	}
}

// today is the day the waiver tests judge on.
var today = time.Date(2026, time.June, 15, 9, 0, 0, 0, time.UTC)

var at = hcl.Range{Filename: "test.hcl", Start: hcl.Pos{Line: 2, Column: 1, Byte: 1}, End: hcl.Pos{Line: 2, Column: 26, Byte: 26}}

func patchWaiver(expires string) judge.Waiver {
	return judge.Waiver{Name: "as2-patch-window", Check: "as_a", Hosts: []string{"as2"}, Reason: "patch in change CHG-1234",
		Owner: "voice-ops", Expires: expires, At: at}
}

// TestWaiver: the waived finding stays with the waiver's details and no
// longer counts; a waiver holds through the day it names.
func TestWaiver(t *testing.T) {
	for _, expires := range []string{"2027-01-31", "2026-06-15"} {
		w := patchWaiver(expires)
		res := run(finding("as_a", "AS2", "k", "v", 1), finding("as_a", "as1", "k", "v", 1)).Waive(judge.Policy{Waivers: []judge.Waiver{w}, Day: today})
		// Sorted by host: AS2 (its name spelt otherwise, still covered), as1.
		if len(res.Findings) != 2 || res.Findings[0].Waiver == nil || res.Findings[0].Waiver.Name != w.Name || res.Findings[1].Waiver != nil {
			t.Fatalf("expires %s: findings %+v", expires, res.Findings)
		}
		if got := res.Counting(lint.Threshold(lint.Note)); len(got) != 1 || got[0].Host != "as1" {
			t.Errorf("expires %s: counting %+v, want as1's only", expires, got)
		}
	}
}

// TestWaiverNotes: the notes an expired or unused waiver gives, located
// at its block, with the policy's severity, unless the policy turns them
// off; the first waiver in the file wins.
func TestWaiverNotes(t *testing.T) {
	all := judge.Waiver{Name: "all", Check: "as_a", Reason: "programme", Expires: "2027-06-30", At: at}
	off := judge.Waiver{Name: "off", Check: "as_b", Reason: "r", Expires: "2027-06-30", At: at}
	p := judge.Policy{Waivers: []judge.Waiver{patchWaiver("2026-06-14"), patchWaiver("2027-01-31"), all, off},
		Day: today, Severity: map[string]lint.Severity{"config_waiver_unused": lint.Warning}, Off: map[string]bool{"as_b": true}}
	res := run(finding("as_a", "as2", "k", "v", 1)).Waive(p)
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Severity.String()+" "+f.Check+" "+f.Message)
		if f.Check != "as_a" && (f.Location != at || f.Logical != lint.Logical{Context: "config", Key: f.Logical.Key}) {
			t.Errorf("note %q is not located at its waiver: %+v", f.Message, f.Finding)
		}
	}
	// Notes have no host and sort first.
	want := []string{
		`warning config_waiver_expired waiver "as2-patch-window" for as_a on as2 expired on 2026-06-14; the finding it covered counts again`,
		`warning config_waiver_unused waiver "all" for as_a on every host covers no finding; remove it, or correct its check or hosts`,
		`warning config_waiver_unused waiver "off" for as_b on every host covers no finding because this configuration turns as_b off`,
		`error as_a m v`,
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	if w := res.Findings[3].Waiver; w == nil || w.Expires != "2027-01-31" {
		t.Errorf("the live waiver after the expired one does not waive: %+v", w)
	}
	p.Off["config_waiver_expired"], p.Off["config_waiver_unused"] = true, true
	if res := run(finding("as_a", "as2", "k", "v", 1)).Waive(p); len(res.Findings) != 1 {
		t.Errorf("notes the policy turns off: %+v", res.Findings)
	}
}

// TestWaiveListsItsChecks: a run that did not run the waiver checks still
// gets a result whose check list covers its findings.
func TestWaiveListsItsChecks(t *testing.T) {
	res := judge.New(&lint.Result{}, notes).Waive(judge.Policy{Waivers: []judge.Waiver{patchWaiver("2020-01-01")}, Day: today})
	if d := cmp.Diff([]string{"config_waiver_expired"}, names(res.Checks)); d != "" {
		t.Error(d)
	}
}

// TestRelocated: findings located in a file named otherwise get its new
// name, related locations too, and the input stays as it was.
func TestRelocated(t *testing.T) {
	f := finding("as_a", "as1", "k", "v", 1)
	f.Location.Filename = "/tmp/policy.hcl"
	f.Related = []lint.Related{{Location: hcl.Range{Filename: "/tmp/policy.hcl"}}}
	in := run(f)
	out := in.Relocated(map[string]string{"/tmp/policy.hcl": "../policy.hcl"})
	if out.Findings[0].Location.Filename != "../policy.hcl" || out.Findings[0].Related[0].Location.Filename != "../policy.hcl" {
		t.Errorf("relocated: %+v", out.Findings[0].Finding)
	}
	if in.Findings[0].Location.Filename != "/tmp/policy.hcl" || in.Findings[0].Related[0].Location.Filename != "/tmp/policy.hcl" {
		t.Error("relocating changed the input")
	}
}

func names(cs []*lint.Check) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Name)
	}
	return out
}

// TestCompareUnverified: an earlier finding that the later run does not
// report is fixed only where its check still evaluated its host; where
// the evidence was lost it is unverified, carries what was lost, and
// fails as missing evidence does — unless waived, below the threshold,
// or missing evidence is only reported.
func TestCompareUnverified(t *testing.T) {
	before := judged(
		finding("as_a", "as1", "k1", "v", 3), // as1 still evaluated: fixed
		finding("as_a", "as2", "k1", "v", 3), // as2's capture deleted: unverified
		finding("as_b", "", "k1", "v", 3),    // no host, its check lost evidence somewhere: unverified
	)
	lost := []lint.LostEvidence{
		{Check: "as_a", Host: "as2", Status: lint.GapStatus, Reasons: []string{"AS_CLI/Interface/Messaging was not captured on as2"}},
		{Check: "as_b", Host: "as9", Status: lint.HostRemoved},
	}
	got := judge.Compare(before, nil, lost)
	var states []judge.State
	for _, f := range got {
		states = append(states, f.State)
	}
	if d := cmp.Diff([]judge.State{judge.StateFixed, judge.StateUnverified, judge.StateUnverified}, states); d != "" {
		t.Fatalf("states (-want +got):\n%s", d)
	}
	if l := got[1].Lost; l == nil || l.Status != lint.GapStatus || l.Reasons[0] != lost[0].Reasons[0] {
		t.Errorf("the unverified finding does not carry what was lost: %+v", l)
	}
	if got[1].Counts() {
		t.Error("an unverified finding counts as a finding; it is missing evidence")
	}
	res := &judge.Result{Run: &lint.Result{}, Findings: got}
	if n := len(res.Unverified(lint.Threshold(lint.Warning), lint.FailOnGaps)); n != 2 {
		t.Errorf("%d unverified findings fail, want 2", n)
	}
	if code := res.ExitCode(lint.Threshold(lint.Warning), lint.FailOnGaps); code != lint.ExitInput {
		t.Errorf("exit code %d, want %d: lost evidence fails as a gap does", code, lint.ExitInput)
	}
	if code := res.ExitCode(lint.Threshold(lint.Warning), lint.ReportGaps); code != lint.ExitOK {
		t.Errorf("exit code %d with --missing-evidence report, want 0", code)
	}
	res.Findings[1].Waiver = &judge.Waiver{Name: "w"}
	res.Findings[2].Severity = lint.Note
	if n := len(res.Unverified(lint.Threshold(lint.Warning), lint.FailOnGaps)); n != 0 {
		t.Errorf("%d unverified findings fail, want none: one is waived, the other a note below the threshold", n)
	}
}

// TestBaselineEntryWhoseEvidenceIsGone: an entry that matches no finding
// is stale only when the run evaluated its check on its host; when the
// host lost the capture, or the host is gone, the entry is unverified —
// never "fixed", never advice to remove it — and --fail-on-stale-baseline
// fails the run on stale entries alone.
func TestBaselineEntryWhoseEvidenceIsGone(t *testing.T) {
	f := baselineOf(t, []lint.Finding{
		finding("as_a", "as1", "k", "v", 3), // as1 evaluated, finding gone: stale
		finding("as_a", "as2", "k", "v", 3), // as2's capture deleted: unverified
		finding("as_a", "as3", "k", "v", 3), // as3 gone from the snapshot: unverified
	}, nil)
	cov := []lint.Coverage{
		{Check: "as_a", Host: "as1", Status: lint.Evaluated},
		{Check: "as_a", Host: "as2", Status: lint.GapStatus, Reasons: []string{"not captured"}},
	}
	for _, failOnStale := range []bool{false, true} {
		res := run().AgainstBaseline(f, judge.BaselineOptions{Coverage: cov, FailOnStale: failOnStale})
		type row struct {
			Host  string
			State judge.State
			Stale bool
		}
		var rows []row
		for _, x := range res.Findings {
			rows = append(rows, row{x.Logical.Host, x.State, x.StaleBaselineEntry()})
			if x.State == judge.StateUnverified && (strings.Contains(x.Message, "remove the entry") || !strings.Contains(x.Message, "keep the entry")) {
				t.Errorf("unverified entry's message: %s", x.Message)
			}
		}
		want := []row{{"as1", judge.StateFixed, true}, {"as2", judge.StateUnverified, false}, {"as3", judge.StateUnverified, false}}
		if d := cmp.Diff(want, rows); d != "" {
			t.Errorf("fail on stale %v (-want +got):\n%s", failOnStale, d)
		}
		if c := res.Baseline; c.Stale != 1 || c.Unverified != 2 || c.Unused != 3 {
			t.Errorf("counts %+v, want 1 stale and 2 unverified of 3 unused", c)
		}
		want2 := lint.ExitOK
		if failOnStale {
			want2 = lint.ExitFindings
		}
		if code := res.ExitCode(lint.Threshold(lint.Error), lint.FailOnGaps); code != want2 {
			t.Errorf("fail on stale %v: exit code %d, want %d", failOnStale, code, want2)
		}
	}
}
