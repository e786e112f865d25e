package snapdiff

import (
	"bytes"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/linttest"
	"github.com/google/go-cmp/cmp"

	// Reports name version 0.1.0 in golden files and documented examples.
	_ "github.com/bwlint/bwlint/lint/linttest/pinversion"
)

// snapshot writes files (path → content) into a fresh directory and loads
// it. Partner Hub files hold only the fields a case needs, so the
// snapshot's problems about missing fields are ignored.
func snapshot(t *testing.T, files map[string]string) *inputs.Snapshot {
	t.Helper()
	s := linttest.Snapshot(t, files)
	s.Root = "snap" // stable in output
	return s
}

// withFiles copies a file map and applies changes; an empty value deletes.
func withFiles(base map[string]string, changes map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range base {
		out[k] = v
	}
	for k, v := range changes {
		if v == "" {
			delete(out, k)
		} else {
			out[k] = v
		}
	}
	return out
}

var baseFiles = map[string]string{
	"hosts/as1/messaging.txt":       "AS_CLI/Interface/Messaging> get\n  provisioningUrl = https://prov.example.net/a\n  provisioningUserId = prov-admin\n  enableSynchronization = true\n",
	"hosts/as1/patching.txt":        "AS_CLI/Maintenance/Patching> listPatch\n               Patch Name      State\n====================================\n  AP.as.24.0.944.ap370326  installed\n  AP.as.24.0.944.ap375266  installed\n\n2 entries found.\n",
	"hosts/as1/options.txt":         "AS_CLI/Maintenance/ContainerOptions> get\n  Container Name                Option Name  Option Value\n=========================================================\n    provisioning  bw.imp.useProvisioningUrl          true\n\n1 entry found.\n",
	"hosts/xsp1/keys.sha256":        "fc847471a141144ccf18474f804cea02c94792834b609fed3aa1a36e6fc94150  authService.keys\n",
	"hosts/xsp1/cert.txt":           "XSP_CLI/System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication> get\n  allowUserApp = false\n  allowClientApp = true\n",
	"hosts/ns1/ver.txt":             "NS_CLI/System> get\n  name = ns1\n",
	"partnerhub/templates/smb.json": "{\n  \"name\": \"smb\",\n  \"cluster\": \"c1\",\n  \"package\": \"standard\"\n}\n",
	"partnerhub/templates/old.json": "{\n  \"name\": \"old\",\n  \"cluster\": \"c1\"\n}\n",
	"partnerhub/clusters/c1.json":   "{\n  \"name\": \"c1\",\n  \"xsps\": [\"xsp1\"]\n}\n",
	"devicemgmt/tagsets/webex.tsv":  "Tag Name\tTag Value\tIs Overridable\n%SBC_PORT_WXT%\t5075\ttrue\n%OLD_TAG%\tx\ttrue\n",
}

// changeRow is a Change without locations, for comparing in tests.
type changeRow struct {
	Host, Context, Row, Key string
	Kind                    Kind
	Before, After           string
	Secret                  bool
}

func rows(cs []Change) []changeRow {
	var out []changeRow
	for _, c := range cs {
		out = append(out, changeRow{c.Host, c.Context, c.Row, c.Key, c.Kind, c.Before, c.After, c.Secret})
	}
	return out
}

func TestCompareEveryKind(t *testing.T) {
	before := snapshot(t, baseFiles)
	after := snapshot(t, withFiles(baseFiles, map[string]string{
		// changed and removed attribute, added attribute; the lines move.
		"hosts/as1/messaging.txt": "AS_CLI/Interface/Messaging> get\n  provisioningUrl = https://prov.example.net/b\n  enableSynchronization = true\n  synchronizationInterval = 60\n",
		// one row added, one removed
		"hosts/as1/patching.txt": "AS_CLI/Maintenance/Patching> listPatch\n               Patch Name      State\n====================================\n  AP.as.24.0.944.ap370326  installed\n  AP.as.24.0.944.ap384177  installed\n\n2 entries found.\n",
		// a cell changed
		"hosts/as1/options.txt":         "AS_CLI/Maintenance/ContainerOptions> get\n  Container Name                Option Name  Option Value\n=========================================================\n    provisioning  bw.imp.useProvisioningUrl         false\n\n1 entry found.\n",
		"hosts/xsp1/keys.sha256":        "0000000000000000000000000000000000000000000000000000000000000000  authService.keys\n",
		"hosts/ns1/ver.txt":             "",
		"hosts/xsp2/cert.txt":           "XSP_CLI/System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication> get\n  allowUserApp = false\n",
		"partnerhub/templates/smb.json": "{\n  \"name\": \"smb\",\n  \"cluster\": \"c1\",\n  \"package\": \"premium\"\n}\n",
		"partnerhub/templates/old.json": "",
		"partnerhub/templates/new.json": "{\n  \"name\": \"new\",\n  \"cluster\": \"c1\"\n}\n",
		"partnerhub/clusters/c1.json":   "{\n  \"name\": \"c1\",\n  \"xsps\": [\n    \"xsp1\",\n    \"xsp2\"\n  ]\n}\n",
		"devicemgmt/tagsets/webex.tsv":  "Tag Name\tTag Value\tIs Overridable\n%SBC_PORT_WXT%\t5076\ttrue\n%NEW_TAG%\ty\tfalse\n",
	}))
	r := Compare(Side{Snapshot: before}, Side{Snapshot: after}, ReviewOptions{})
	const msg = "AS_CLI/Interface/Messaging"
	const patch = "AS_CLI/Maintenance/Patching"
	want := []changeRow{
		{Context: "devicemgmt/tagsets/webex", Row: "Tag Name=%NEW_TAG%", Kind: Added, After: "Tag Name=%NEW_TAG%, Tag Value=y, Is Overridable=false"},
		{Context: "devicemgmt/tagsets/webex", Row: "Tag Name=%OLD_TAG%", Kind: Removed, Before: "Tag Name=%OLD_TAG%, Tag Value=x, Is Overridable=true"},
		{Context: "devicemgmt/tagsets/webex", Row: "Tag Name=%SBC_PORT_WXT%", Key: "Tag Value", Kind: Changed, Before: "5075", After: "5076"},
		{Context: "partnerhub/clusters/c1", Key: "xsps", Kind: Changed, Before: `["xsp1"]`, After: `["xsp1","xsp2"]`},
		{Context: "partnerhub/templates/new", Kind: Added},
		{Context: "partnerhub/templates/old", Kind: Removed},
		{Context: "partnerhub/templates/smb", Key: "package", Kind: Changed, Before: "standard", After: "premium"},
		{Host: "as1", Context: msg, Key: "provisioningUrl", Kind: Changed, Before: "https://prov.example.net/a", After: "https://prov.example.net/b"},
		{Host: "as1", Context: msg, Key: "provisioningUserId", Kind: Removed, Before: "prov-admin"},
		{Host: "as1", Context: msg, Key: "synchronizationInterval", Kind: Added, After: "60"},
		{Host: "as1", Context: "AS_CLI/Maintenance/ContainerOptions", Row: "Option Name=bw.imp.useProvisioningUrl", Key: "Option Value", Kind: Changed, Before: "true", After: "false"},
		{Host: "as1", Context: patch, Row: "Patch Name=AP.as.24.0.944.ap375266", Kind: Removed, Before: "Patch Name=AP.as.24.0.944.ap375266, State=installed"},
		{Host: "as1", Context: patch, Row: "Patch Name=AP.as.24.0.944.ap384177", Kind: Added, After: "Patch Name=AP.as.24.0.944.ap384177, State=installed"},
		{Host: "ns1", Kind: HostRemoved, Before: "ns, 1 file"},
		{Host: "xsp1", Context: "hosts/xsp1/keys.sha256", Key: "authService.keys", Kind: Changed, Before: "fc847471a141144ccf18474f804cea02c94792834b609fed3aa1a36e6fc94150", After: strings.Repeat("0", 64)},
		{Host: "xsp2", Kind: HostAdded, After: "xsp, 1 file"},
	}
	if d := cmp.Diff(want, rows(r.Changes)); d != "" {
		t.Errorf("changes (-want +got):\n%s", d)
	}
	var buf bytes.Buffer
	if err := Text(&buf, r, Options{Threshold: lint.Threshold(lint.Warning)}); err != nil {
		t.Fatal(err)
	}
	linttest.Golden(t, "testdata/every_kind.golden", buf.String())
}

// TestBothLocations checks that a change points into both snapshots, at
// the value's own range on each side even when the line moved.
func TestBothLocations(t *testing.T) {
	before := snapshot(t, map[string]string{"hosts/as1/m.txt": "AS_CLI/Interface/Messaging> get\n  a = 1\n  provisioningUrl = x\n"})
	after := snapshot(t, map[string]string{"hosts/as1/m.txt": "AS_CLI/Interface/Messaging> get\n  provisioningUrl = yy\n"})
	r := Compare(Side{Snapshot: before}, Side{Snapshot: after}, ReviewOptions{})
	var got []string
	for _, c := range r.Changes {
		got = append(got, string(c.Kind)+" "+c.Key+" "+position(c.BeforeLocation)+" "+position(c.AfterLocation))
	}
	want := []string{"removed a hosts/as1/m.txt:2:7 ", "changed provisioningUrl hosts/as1/m.txt:3:21 hosts/as1/m.txt:2:21"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

func TestNoChange(t *testing.T) {
	s := snapshot(t, baseFiles)
	r := Compare(Side{Snapshot: s}, Side{Snapshot: snapshot(t, baseFiles)}, ReviewOptions{})
	if len(r.Changes) != 0 || len(r.Captures) != 0 {
		t.Errorf("identical snapshots differ: %v %v", r.Changes, r.Captures)
	}
}

func TestDuplicateRowKeys(t *testing.T) {
	table := func(v string) map[string]string {
		return map[string]string{"hosts/as1/o.txt": "AS_CLI/Maintenance/ContainerOptions> get\n  Container Name  Option Name  Option Value\n===========================================\n    provisioning        opt.a          true\n          tomcat        opt.a          " + v + "\n\n2 entries found.\n"}
	}
	r := Compare(Side{Snapshot: snapshot(t, table("true"))}, Side{Snapshot: snapshot(t, table("false"))}, ReviewOptions{})
	want := []changeRow{{Host: "as1", Context: "AS_CLI/Maintenance/ContainerOptions", Row: "Container Name=tomcat, Option Name=opt.a", Key: "Option Value", Kind: Changed, Before: "true", After: "false"}}
	if d := cmp.Diff(want, rows(r.Changes)); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

func TestMakeHunks(t *testing.T) {
	var lines []Line
	for i := 1; i <= 20; i++ {
		lines = append(lines, Line{Op: ' ', Text: "l"})
	}
	lines[1].Op = '-'                                                                    // line 2 removed
	lines = append(lines[:15], append([]Line{{Op: '+', Text: "new"}}, lines[15:]...)...) // added after line 15
	var got []string
	for _, h := range makeHunks(lines, 3) {
		got = append(got, hunkHeader(h))
	}
	want := []string{"@@ -1,5 +1,4 @@", "@@ -13,6 +12,7 @@"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}
