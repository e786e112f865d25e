package inputs

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// writeFiles creates a snapshot of the given files under a temporary root.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for rel, content := range files {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

const (
	xspShowVer24 = "XSP version Rel_24.0_1.944\n"
	xspShowVer25 = "XSP version Rel_25.0_1.100\n"
)

// TestConflictingShowVer checks that two bwshowver captures naming
// different releases leave the release unknown and say where, instead of
// the first file silently winning; identical copies are fine.
func TestConflictingShowVer(t *testing.T) {
	s := load(t, writeFiles(t, map[string]string{
		"hosts/xsp1/bwshowver.txt":     xspShowVer24,
		"hosts/xsp1/bwshowver-new.txt": xspShowVer25,
		"hosts/xsp2/bwshowver.txt":     xspShowVer24,
		"hosts/xsp2/copy.txt":          xspShowVer24,
	}))
	want := map[string]hostSummary{
		"xsp1": {Role: RoleXSP, Release: "", Files: 2},
		"xsp2": {Role: RoleXSP, Release: "24.0_1.944", Files: 2},
	}
	if d := cmp.Diff(want, hostsOf(s)); d != "" {
		t.Errorf("hosts (-want +got):\n%s", d)
	}
	wantProblems := []string{`hosts/xsp1/bwshowver.txt:1:17: error: host "xsp1" has bwshowver captures that disagree: release 24.0_1.944 here, 25.0_1.100 at hosts/xsp1/bwshowver-new.txt:1; its release is left unknown`}
	if d := cmp.Diff(wantProblems, problemsOf(s)); d != "" {
		t.Errorf("problems (-want +got):\n%s", d)
	}
	if got := statusesOf(s)["hosts/xsp1/bwshowver.txt"]; got != Partial {
		t.Errorf("status of the file holding the conflict: %s, want partial", got)
	}
}

// TestRoleConflictMarksFilePartial checks that a file a host-level problem
// points into is not shown as cleanly parsed.
func TestRoleConflictMarksFilePartial(t *testing.T) {
	s := load(t, writeFiles(t, map[string]string{
		"hosts/h2/bwshowver.txt": xspShowVer24,
		"hosts/h2/b.txt":         "AS_CLI/Interface/Messaging> get\n  provisioningUserId = a\n",
	}))
	if len(s.Problems) != 1 || s.Problems[0].Range.Filename != "hosts/h2/b.txt" {
		t.Fatalf("problems = %v, want one role conflict in hosts/h2/b.txt", problemsOf(s))
	}
	if got := statusesOf(s); got["hosts/h2/b.txt"] != Partial || got["hosts/h2/bwshowver.txt"] != Parsed {
		t.Errorf("statuses = %v", got)
	}
	if h := s.Host("h2"); h.Role != RoleUnknown {
		t.Errorf("role %q, want unknown", h.Role)
	}
}

// TestEmptyInputs checks that nothing is no evidence: an empty snapshot is
// an error, and an empty tag-set file yields no tag set.
func TestEmptyInputs(t *testing.T) {
	s := load(t, t.TempDir())
	if !s.HasErrors() || len(s.Problems) != 1 {
		t.Errorf("empty snapshot: problems %v, want one error", problemsOf(s))
	}
	s = load(t, writeFiles(t, map[string]string{"devicemgmt/tagsets/wxt.tsv": "\n"}))
	if len(s.TagSets) != 0 || statusesOf(s)["devicemgmt/tagsets/wxt.tsv"] != Failed {
		t.Errorf("empty tag set: %d tag sets, status %s; want none, failed", len(s.TagSets), statusesOf(s)["devicemgmt/tagsets/wxt.tsv"])
	}
}
