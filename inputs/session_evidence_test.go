package inputs

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestLaterReadSupersedes checks that a host's evidence of a context is
// its last reading: an attribute a later get no longer shows is not found,
// and the earlier get is left out of Read.
func TestLaterReadSupersedes(t *testing.T) {
	s := load(t, writeFiles(t, map[string]string{
		"hosts/as1/session.txt": "AS_CLI/Interface/Messaging> get\n" +
			"  enableSynchronization = false\n" +
			"  provisioningUserId = old\n" +
			"AS_CLI/Interface/Messaging> set enableSynchronization true\n" +
			"...Done\n" +
			"AS_CLI/Interface/Messaging> g\n" +
			"  enableSynchronization = true\n",
	}))
	h := s.Host("as1")
	reads := h.Read("Interface/Messaging")
	if len(reads) != 1 || reads[0].Input.Range().Start.Line != 6 {
		t.Fatalf("Read = %d commands, want only the get at line 6", len(reads))
	}
	if kv, _, ok := h.Attr("Interface/Messaging", "enableSynchronization"); !ok || kv.Value.Text != "true" {
		t.Errorf("enableSynchronization = %q (%v), want the later true", kv.Value.Text, ok)
	}
	if _, _, ok := h.Attr("Interface/Messaging", "provisioningUserId"); ok {
		t.Error("provisioningUserId found, but the later get does not show it")
	}
	if first := h.Commands[0]; first.SupersededBy != h.Commands[2] {
		t.Errorf("the first get is superseded by %v, want the get at line 6", first.SupersededBy)
	}
	want := []string{`hosts/as1/session.txt:4:29: note: configuration changed during the capture: "set enableSynchronization true" changes AS_CLI/Interface/Messaging, which line 1 read; only a read after the change shows the configuration in force`}
	if d := cmp.Diff(want, problemsOf(s)); d != "" {
		t.Errorf("problems (-want +got):\n%s", d)
	}
	if got := statusesOf(s)["hosts/as1/session.txt"]; got != Parsed {
		t.Errorf("status %s: a note leaves a file parsed", got)
	}
}

// TestPatchEvidenceFromEverySource checks that the patch lists of
// listPatch, detail <bundle> and the shell's listPatch.pl all reach
// Maintenance/Patching, and that a pure bwshowver file keeps its kind while
// bwshowver in a session is read beside the CLI.
func TestPatchEvidenceFromEverySource(t *testing.T) {
	table := "               Patch Name      State\n" +
		"====================================\n"
	s := load(t, writeFiles(t, map[string]string{
		"hosts/as1/bwshowver.txt": "AS version Rel_24.0_1.944\n",
		"hosts/as1/cli.txt": "AS_CLI/Maintenance/Patching> listPatch\n" + table +
			"  AP.as.24.0.944.ap370326  installed\n" +
			"AS_CLI/Maintenance/Patching> det PB.as.24.0.944.pb20210312172527\n" + table +
			"  AP.as.24.0.944.ap375266  installed\n",
		"hosts/as2/shell.txt": "bwadmin@as2$ bwshowver\nAS version Rel_24.0_1.944\n" +
			"bwadmin@as2$ /usr/local/broadworks/patchtool/sbin/listPatch.pl\n" + table +
			"  AP.as.24.0.944.ap384177  installed\n" +
			"listPatch command successfully executed.\n" +
			"bwadmin@as2$ bwcli\nAS_CLI> exit\nPlease confirm (Yes, Y, No, N): y\n",
	}))
	if len(s.Problems) != 0 {
		t.Fatalf("problems: %v", problemsOf(s))
	}
	patches := func(host string) []string {
		var out []string
		for _, tb := range s.Host(host).Tables("Maintenance/Patching") {
			for _, r := range tb.Rows {
				out = append(out, r.Cell(tb.Column("Patch Name")).Text)
			}
		}
		return out
	}
	if d := cmp.Diff([]string{"AP.as.24.0.944.ap370326", "AP.as.24.0.944.ap375266"}, patches("as1")); d != "" {
		t.Errorf("as1 patches (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]string{"AP.as.24.0.944.ap384177"}, patches("as2")); d != "" {
		t.Errorf("as2 patches (-want +got):\n%s", d)
	}
	want := map[string]hostSummary{
		"as1": {Role: RoleAS, Release: "24.0_1.944", Commands: 2, Files: 2},
		"as2": {Role: RoleAS, Release: "24.0_1.944", Commands: 2, Files: 1},
	}
	if d := cmp.Diff(want, hostsOf(s)); d != "" {
		t.Errorf("hosts (-want +got):\n%s", d)
	}
	kinds := map[string]Kind{}
	for _, f := range s.Files {
		kinds[f.Path] = f.Kind
	}
	if kinds["hosts/as1/bwshowver.txt"] != KindShowVer || kinds["hosts/as2/shell.txt"] != KindTranscript {
		t.Errorf("kinds %v: a file of bwshowver alone is bwshowver, a session holding it a transcript", kinds)
	}
}

// TestQVersionsRelease checks that the Active row of qversions gives the
// release, agrees with bwshowver silently and disagrees with an error.
func TestQVersionsRelease(t *testing.T) {
	qv := func(active string) string {
		return "AS_CLI> qversions\n" +
			"  Identity        Version  Install Date     Status\n" +
			"==================================================\n" +
			"        AS  2023.03_1.411  Apr 18, 2023  Installed\n" +
			"        AS  " + active + "  Feb 11, 2022     Active\n"
	}
	s := load(t, writeFiles(t, map[string]string{
		"hosts/as1/qversions.txt": qv("24.0_1.944"),
		"hosts/as2/qversions.txt": qv("24.0_1.944"),
		"hosts/as2/bwshowver.txt": "AS version Rel_24.0_1.944\n",
		"hosts/as3/qversions.txt": qv("23.0_1.075"),
		"hosts/as3/bwshowver.txt": "AS version Rel_24.0_1.944\n",
	}))
	want := map[string]hostSummary{
		"as1": {Role: RoleAS, Release: "24.0_1.944", Commands: 1, Files: 1},
		"as2": {Role: RoleAS, Release: "24.0_1.944", Commands: 1, Files: 2},
		"as3": {Role: RoleAS, Release: "", Commands: 1, Files: 2},
	}
	if d := cmp.Diff(want, hostsOf(s)); d != "" {
		t.Errorf("hosts (-want +got):\n%s", d)
	}
	wantProblems := []string{`hosts/as3/qversions.txt:5:13: error: host "as3" has bwshowver and qversions captures that disagree: release 23.0_1.075 here, 24.0_1.944 at hosts/as3/bwshowver.txt:1; its release is left unknown`}
	if d := cmp.Diff(wantProblems, problemsOf(s)); d != "" {
		t.Errorf("problems (-want +got):\n%s", d)
	}
}
