package inputs

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/inputs/devicetype"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/inputs/tagset"
	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

// channelModel is what checks see of tag sets and device types, without
// the names of files and the positions that differ between channels.
type channelModel struct {
	TagSets     map[string]map[string]string // set → tag → value and flags
	DeviceTypes map[string]map[string]string // type → field → value
}

func modelOf(s *Snapshot) channelModel {
	m := channelModel{TagSets: map[string]map[string]string{}, DeviceTypes: map[string]map[string]string{}}
	for _, ts := range s.TagSets {
		name, _ := ts.Describe()
		tags := map[string]string{}
		for _, t := range ts.Tags {
			tags[t.Name.Text] = fmt.Sprintf("value=%q overridable=%q secret=%v", t.Value.Text, t.Overridable.Text, t.Secret())
		}
		m.TagSets[name] = tags
	}
	for _, dt := range s.DeviceTypes {
		fields := map[string]string{}
		for _, f := range typeFields(dt) {
			if f.v.Present() {
				fields[f.name] = f.v.Text
			}
		}
		if dt.Detail != nil {
			n, unlimited, ok := dt.Detail.PortCount()
			fields["ports"] = fmt.Sprint(n, unlimited, ok)
		}
		m.DeviceTypes[dt.Name.Text] = fields
	}
	return m
}

// TestChannelsGiveOneModel loads the same tag set and device types once
// as a tag-set TSV and AS CLI output, once as OCI-P responses alone (a
// lone response named by its file, an ISO-8859-1 log with CRLF line
// ends), and finds the same model.
func TestChannelsGiveOneModel(t *testing.T) {
	cli, ocip := load(t, "../testdata/channels/cli"), load(t, "../testdata/channels/ocip")
	for _, s := range []*Snapshot{cli, ocip} {
		if len(s.Problems) != 0 {
			t.Errorf("%s: problems %v", s.Root, problemsOf(s))
		}
		if len(s.TagSets) != 1 || len(s.DeviceTypes) != 3 {
			t.Errorf("%s: %d tag sets and %d device types, want 1 and 3", s.Root, len(s.TagSets), len(s.DeviceTypes))
		}
	}
	a, b := modelOf(cli), modelOf(ocip)
	// The CLI capture shows neither registrationCapable nor tagMode, nor
	// the ports: those are OCI-P's alone here.
	delete(b.DeviceTypes["Business Communicator - PC"], "registrationCapable")
	delete(b.DeviceTypes["Business Communicator - PC"], "tagMode")
	delete(b.DeviceTypes["Business Communicator - PC"], "ports")
	delete(a.DeviceTypes["Business Communicator - PC"], "ports")
	if diff := cmp.Diff(a, b); diff != "" {
		t.Errorf("model (-TSV/CLI +OCI-P):\n%s", diff)
	}
	if got := b.DeviceTypes["Business Communicator - PC"]["deviceAccessContext"]; got != "dms" {
		t.Errorf("OCI-P deviceAccessContext = %q, want dms", got)
	}
	if a.TagSets[`tag set "Webex"`]["%SBC_PORT_WXT%"] == "" {
		t.Errorf("tag set Webex lacks %%SBC_PORT_WXT%%: %v", a.TagSets)
	}
}

// TestChannelsAgree holds both channels saying the same thing: they merge
// into one tag set and one list of device types, without a conflict.
func TestChannelsAgree(t *testing.T) {
	s := load(t, "../testdata/channels/agree")
	if len(s.Problems) != 0 || len(s.Conflicts) != 0 {
		t.Fatalf("problems %v, conflicts %v", problemsOf(s), s.Conflicts)
	}
	if len(s.TagSets) != 1 || len(s.DeviceTypes) != 3 || len(s.Users) != 1 {
		t.Errorf("%d tag sets, %d device types, %d users; want 1, 3, 1", len(s.TagSets), len(s.DeviceTypes), len(s.Users))
	}
	if h := s.Host("as1"); h == nil || h.Release.Text != "24.0_1.944" {
		t.Errorf("as1's release is not 24.0_1.944 when bwshowver and OCI-P agree: %+v", h)
	}
	// The detail comes from the CLI (hosts/ sorts before ocip/), and the
	// merged type keeps both the CLI's detail and OCI-P's list row.
	bc := s.DeviceTypes[0]
	if bc.Name.Text != "Business Communicator - PC" || bc.Detail == nil || bc.Detail.Range.Filename != "hosts/as1/devicetypes.txt" {
		t.Errorf("first device type = %q from %s, want the CLI's detail of Business Communicator - PC", bc.Name.Text, bc.Path)
	}
}

// TestChannelConflicts finds one conflict of each kind, each with both
// locations, and only these.
func TestChannelConflicts(t *testing.T) {
	s := load(t, "../testdata/channels/conflicts")
	var got []string
	for _, c := range s.Conflicts {
		side := func(sd ConflictSide) string {
			r := sd.Value.Range()
			return fmt.Sprintf("%s %s:%d %q absent=%v", sd.Channel, r.Filename, r.Start.Line, sd.Value.Text, sd.Absent)
		}
		got = append(got, fmt.Sprintf("%s | %s | %s | %s | %s", c.Kind, c.Item, c.Field, side(c.A), side(c.B)))
	}
	want := []string{
		`device type presence | device type "Webex Room Kit Mini" |  | OCI-P devicemgmt/devicetypes/device-types.xml:13 "" absent=true | AS CLI hosts/as1/devicetypes.txt:8 "Webex Room Kit Mini" absent=false`,
		`device type attribute | device type "Business Communicator - PC" | deviceAccessProtocol | OCI-P devicemgmt/devicetypes/device-types.xml:13 "https" absent=false | AS CLI hosts/as1/devicetypes.txt:12 "http" absent=false`,
		`tag value | tag "%SBC_ADDRESS_WXT%" of tag set "Webex" | Tag Value | tag-set file devicemgmt/tagsets/Webex.tsv:2 "sbc.example.net" absent=false | OCI-P ocip/tagsets.xml:10 "sbc2.example.net" absent=false`,
		`tag value | tag "%SBC_PORT_WXT%" of tag set "Webex" | Is Overridable | tag-set file devicemgmt/tagsets/Webex.tsv:3 "true" absent=false | OCI-P ocip/tagsets.xml:10 "false" absent=false`,
		`release | the release of host "as1" |  | bwshowver hosts/as1/bwshowver.txt:1 "24.0_1.944" absent=false | OCI-P hosts/as1/ocip/software-version.xml:1 "24.0_1.950" absent=false`,
		`user field | user "jose.munoz@example.es" | emailAddress | OCI-P ocip/users.xml:10 "j.munoz@example.es" absent=false | users CSV users/export.csv:2 "jose.munoz@example.es" absent=false`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("conflicts (-want +got):\n%s", diff)
	}
	// A release in dispute stays an input error, as between bwshowver
	// and qversions, and leaves the release unknown.
	if h := s.Host("as1"); h.Release.Present() {
		t.Errorf("as1 has release %q, want none", h.Release.Text)
	}
	want2 := `hosts/as1/ocip/software-version.xml:1:256: error: host "as1" has bwshowver and OCI-P captures that disagree: release 24.0_1.950 here, 24.0_1.944 at hosts/as1/bwshowver.txt:1; its release is left unknown`
	if diff := cmp.Diff([]string{want2}, problemsOf(s)); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	// The model keeps the first capture in path order.
	tag, _ := s.TagSets[0].Lookup("%SBC_ADDRESS_WXT%")
	if tag.Value.Text != "sbc.example.net" {
		t.Errorf("merged %%SBC_ADDRESS_WXT%% = %q, want the TSV's sbc.example.net", tag.Value.Text)
	}
}

// TestConflictWithinOneChannel: two OCI-P captures of one tag set that
// disagree are a warning, not a conflict between channels.
func TestConflictWithinOneChannel(t *testing.T) {
	root := t.TempDir()
	copyFile(t, "../testdata/channels/conflicts/ocip/tagsets.xml", filepath.Join(root, "ocip/b.xml"))
	copyFile(t, "../testdata/channels/agree/devicemgmt/tagsets/Webex.xml", filepath.Join(root, "devicemgmt/tagsets/Webex.xml"))
	s := load(t, root)
	if len(s.Conflicts) != 0 {
		t.Errorf("conflicts %v, want none", s.Conflicts)
	}
	want := []string{
		`ocip/b.xml:10:410: warning: Tag Value of tag "%SBC_ADDRESS_WXT%" of tag set "Webex" differs here from devicemgmt/tagsets/Webex.xml:1, another OCI-P capture of the same AS cluster; the first is used`,
		`ocip/b.xml:10:503: warning: Is Overridable of tag "%SBC_PORT_WXT%" of tag set "Webex" differs here from devicemgmt/tagsets/Webex.xml:1, another OCI-P capture of the same AS cluster; the first is used`,
	}
	if diff := cmp.Diff(want, problemsOf(s)); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

// TestClusters: data of two AS clusters are not compared with each other.
func TestClusters(t *testing.T) {
	root := t.TempDir()
	copyFile(t, "../testdata/channels/conflicts/ocip/tagsets.xml", filepath.Join(root, "hosts/as1/tags.xml"))
	copyFile(t, "../testdata/channels/agree/devicemgmt/tagsets/Webex.xml", filepath.Join(root, "hosts/as3/tags.xml"))
	for i, hosts := range []string{`"as1", "as2"`, `"as3", "as4"`} {
		writeFile(t, filepath.Join(root, fmt.Sprintf("partnerhub/clusters/c%d.json", i+1)), fmt.Sprintf(`{"name": "c%d", "authServiceUrl": "https://x/authService",
  "xsiActionsUrl": "https://x/a", "xsiEventsUrl": "https://x/e", "applicationServers": [%s]}`, i+1, hosts))
	}
	s := load(t, root)
	if len(s.Problems) != 0 || len(s.Conflicts) != 0 || len(s.TagSets) != 2 {
		t.Fatalf("problems %v, conflicts %v, %d tag sets (want 2)", problemsOf(s), s.Conflicts, len(s.TagSets))
	}
	for _, c := range []struct{ path, cluster string }{
		{"hosts/as1/tags.xml", "c1"}, {"hosts/as3/tags.xml", "c2"}, {"partnerhub/clusters/c1.json", ""},
	} {
		if got := s.ClusterOf(c.path); got != c.cluster {
			t.Errorf("ClusterOf(%s) = %q, want %q", c.path, got, c.cluster)
		}
	}
	if len(s.ASClusters) != 2 || s.ASClusters[1].Name != "c2" {
		t.Errorf("AS clusters %+v", s.ASClusters)
	}
}

// TestLayoutPlacement reads a file of each new kind where the layout puts
// it, real captures of each: every one is read by its reader.
func TestLayoutPlacement(t *testing.T) {
	s := load(t, "../testdata/channels/layout")
	want := map[string]Kind{
		"devicemgmt/custom-tags.xml":                  KindOCIP,
		"devicemgmt/devicetypes/Connect - Mobile.xml": KindOCIP,
		"devicemgmt/devicetypes/list.xml":             KindOCIP,
		"devicemgmt/tagsets/Webex.xml":                KindOCIP,
		"hosts/as1/ocip/users.xml":                    KindOCIP,
		"hosts/as1/software-version.xml":              KindOCIP,
		"logs/pslog/provisioning.log":                 KindPSLog,
		"ocip/domains.xml":                            KindOCIP,
		"ocip/python-client.xml":                      KindOCIP,
		"ocip/soap.xml":                               KindOCIP,
		"users/export.csv":                            KindUsers,
		"wms/settings.hcl":                            KindWMSSettings,
		"wms/sso/post-body.txt":                       KindWMSSSO,
		"wms/users/import.txt":                        KindWMSUsers,
	}
	got := map[string]Kind{}
	for _, f := range s.Files {
		got[f.Path] = f.Kind
		if f.Status == Failed {
			t.Errorf("%s failed", f.Path)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("kinds (-want +got):\n%s", diff)
	}
	// A lone device-type detail is named by its file.
	names := map[string]bool{}
	for _, dt := range s.DeviceTypes {
		names[dt.Name.Text] = true
	}
	if !names["Connect - Mobile"] {
		t.Errorf("no device type named by the file \"Connect - Mobile.xml\": %v", names)
	}
	// The software version in a host folder is the host's release.
	if h := s.Host("as1"); h == nil || h.Release.Text != "24.0_1.944" || h.Release.Loc.Filename() != "hosts/as1/software-version.xml" {
		t.Errorf("as1 release %+v, want 24.0_1.944 from OCI-P", h)
	}
	// Custom tags keep their scope.
	scoped := 0
	for _, ts := range s.TagSets {
		if ts.Scope.Kind != tagset.ScopeTagSet {
			scoped++
		}
	}
	if len(s.TagSets) != 6 || scoped != 3 {
		t.Errorf("%d tag sets, %d of them custom tags; want 6 and 3", len(s.TagSets), scoped)
	}
	if len(s.Users) != 3 || len(s.IMP) != 3 || len(s.WMS.Users) != 1 || len(s.WMS.SSO) != 1 || s.WMS.Settings == nil || len(s.PSLogs) != 1 {
		t.Errorf("users %d, IMP %d, WMS users %d, SSO %d, settings %v, PSLogs %d", len(s.Users), len(s.IMP), len(s.WMS.Users), len(s.WMS.SSO), s.WMS.Settings != nil, len(s.PSLogs))
	}
	// The user detail of as1's log names the type of the user's device,
	// from the group's device list.
	for _, u := range s.Users {
		if u.UserID.Text == "jose.munoz@example.es" && (len(u.Devices) == 0 || u.Devices[0].Type.Text == "") {
			t.Errorf("user %s: devices %+v, want the primary device's type", u.UserID.Text, u.Devices)
		}
	}
}

// TestWMSImportRawBytes: a UTF-16 import file without a byte-order mark,
// which the decoder of every other file would reject for its NUL bytes,
// is read from its bytes by the Meetings Server reader.
func TestWMSImportRawBytes(t *testing.T) {
	s := load(t, "../testdata/channels/layout")
	f := s.File("wms/users/import.txt")
	if f.Status != Parsed || f.Encoding != "utf-16le-nobom" || !strings.Contains(f.Text, "USERID") {
		t.Errorf("import file: status %s, encoding %s, text %.40q", f.Status, f.Encoding, f.Text)
	}
	if uf := s.WMS.Users[0]; uf.Encoding.Name != "UTF-16LE" || uf.Encoding.BOM || len(uf.Rows) == 0 {
		t.Errorf("import file read as %+v with %d rows", uf.Encoding, len(uf.Rows))
	}
	for _, p := range s.Problems {
		if p.Range.Filename == "wms/users/import.txt" {
			t.Errorf("problem in the import file: %v", p)
		}
	}
}

// TestUnknownResponseKept: a response bwlint has no use for is kept, with
// its fields, and is no problem.
func TestUnknownResponseKept(t *testing.T) {
	s := load(t, "../testdata/channels/conflicts")
	f := s.File("ocip/domains.xml")
	if f.Status != Parsed {
		t.Fatalf("ocip/domains.xml is %s", f.Status)
	}
	for _, o := range s.Captured.OCIP {
		if o.Path != f.Path {
			continue
		}
		c := o.Commands[0]
		if c.Name.Full != "SystemDomainGetListResponse22" || c.Contribution != "" || c.Field("systemDefaultDomain").Text != "as.example.net" {
			t.Errorf("command %s (%q) kept without its fields", c.Name.Full, c.Contribution)
		}
		return
	}
	t.Error("ocip/domains.xml is not among the OCI-P captures")
}

// TestHostileXMLRefused: a billion-laughs file in ocip/ is refused whole,
// an error that fails the run, and expands nothing.
func TestHostileXMLRefused(t *testing.T) {
	root := t.TempDir()
	copyFile(t, "ocip/testdata/billion-laughs.xml", filepath.Join(root, "ocip/laughs.xml"))
	copyFile(t, "ocip/testdata/deep.xml", filepath.Join(root, "hosts/as1/deep.xml"))
	s := load(t, root)
	if !s.HasErrors() {
		t.Fatalf("no error: %v", problemsOf(s))
	}
	for _, f := range s.Files {
		if f.Status != Failed {
			t.Errorf("%s is %s, want failed", f.Path, f.Status)
		}
	}
	if len(s.Captured.OCIP) != 0 || len(s.TagSets) != 0 {
		t.Errorf("hostile files gave %d OCI-P captures and %d tag sets", len(s.Captured.OCIP), len(s.TagSets))
	}
}

// TestClassifyNewPaths names each new place of the layout and a few near
// misses.
func TestClassifyNewPaths(t *testing.T) {
	for rel, want := range map[string]Kind{
		"hosts/as1/x.xml":            KindOCIP,
		"hosts/as1/sub/x.XML":        KindOCIP,
		"devicemgmt/tagsets/W.xml":   KindOCIP,
		"devicemgmt/x.xml":           KindOCIP,
		"ocip/a/b/c.xml":             KindOCIP,
		"ocip/c.log":                 KindUnknown,
		"users/a.csv":                KindUsers,
		"users/sub/a.csv":            KindUnknown,
		"users/a.tsv":                KindUnknown,
		"wms/users/import.txt":       KindWMSUsers,
		"wms/users/import":           KindWMSUsers,
		"wms/sso/trace.txt":          KindWMSSSO,
		"wms/settings.hcl":           KindWMSSettings,
		"wms/other.hcl":              KindUnknown,
		"logs/pslog/x":               KindPSLog,
		"logs/other/x":               KindUnknown,
		"devicemgmt/tagsets/W.tsv":   KindTagSet,
		"partnerhub/clusters/c.json": KindCluster,
	} {
		if got, _ := classify(rel); got != want {
			t.Errorf("classify(%s) = %s, want %s", rel, got, want)
		}
	}
}

// TestCLIDeviceTypes reads the CLI's device-type table and a detail into
// the device-type model.
func TestCLIDeviceTypes(t *testing.T) {
	s := load(t, "../testdata/channels/cli")
	var got []*devicetype.DeviceType
	got = append(got, s.Captured.CLIDeviceTypes...)
	if len(got) != 4 {
		t.Fatalf("%d CLI device types, want 3 rows and a detail", len(got))
	}
	d := got[3]
	if d.Name.Text != "Business Communicator - PC" || d.Detail == nil {
		t.Fatalf("detail %+v", d)
	}
	text := s.File(d.Path).Text
	if r := d.Name.Range(); text[r.Start.Byte:r.End.Byte] != d.Name.Text || r.Start.Column != 39 {
		t.Errorf("name range %v slices %q", r, text[r.Start.Byte:r.End.Byte])
	}
	if d.Detail.DeviceAccessContext.Text != "dms" || d.Detail.DeviceAccessProtocol.Text != "https" {
		t.Errorf("detail typed as %+v", d.Detail)
	}
	if v, ok := d.Detail.Attr("deviceAccessFQDN"); !ok || v.Text != "xsp.example.net" {
		t.Errorf("deviceAccessFQDN = %q, %v", v.Text, ok)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, to, string(b))
}

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestSystemDefaultTagSetFile: a tag-set file or a lone response named
// system-default is the system default tag set, and the two channels
// merge into one set.
func TestSystemDefaultTagSetFile(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "devicemgmt/tagsets/System-Default.tsv"), "Tag Name\tTag Value\tIs Overridable\n%SNTP_SERVER%\tntp.example.net\ttrue\n")
	writeFile(t, filepath.Join(root, "devicemgmt/tagsets/system-default.xml"), `<BroadsoftDocument protocol="OCI" xmlns="C"><command xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="SystemDeviceManagementTagGetListResponse" xmlns="">`+
		`<tagsTable><colHeading>Tag Name</colHeading><colHeading>Tag Value</colHeading><colHeading>Is Overridable</colHeading>`+
		`<row><col>%SNTP_SERVER%</col><col>ntp2.example.net</col><col>true</col></row></tagsTable></command></BroadsoftDocument>`)
	s := load(t, root)
	if len(s.TagSets) != 1 {
		t.Fatalf("%d tag sets, want the system default set once", len(s.TagSets))
	}
	ts := s.TagSets[0]
	if name, _ := ts.Describe(); !ts.Scope.SystemDefault || ts.Name != "" || name != "the system default tag set" {
		t.Errorf("tag set %q (%s), system default %v", ts.Name, name, ts.Scope.SystemDefault)
	}
	if len(s.Conflicts) != 1 || s.Conflicts[0].Key != "tagset/(system default)/%SNTP_SERVER%" {
		t.Errorf("conflicts %+v, want the value of %%SNTP_SERVER%% in the system default set", s.Conflicts)
	}
}

// TestDeviceTypeLists: the model records each complete list of device
// types, of either channel, with its cluster; a detail alone is no list.
func TestDeviceTypeLists(t *testing.T) {
	for _, c := range []struct {
		dir  string
		want []string
	}{
		{"../testdata/channels/cli", []string{"hosts/as1/devicetypes.txt:4"}},
		{"../testdata/channels/ocip", []string{"ocip/devicetypes.xml:13"}},
		{"../testdata/channels/agree", []string{"hosts/as1/devicetypes.txt:4", "ocip/device-types.xml:13"}},
		{detailOnly(t), nil},
	} {
		s := load(t, c.dir)
		var got []string
		for _, l := range s.DeviceTypeLists {
			got = append(got, fmt.Sprintf("%s:%d", l.Range.Filename, l.Range.Start.Line))
		}
		if diff := cmp.Diff(c.want, got); diff != "" {
			t.Errorf("%s: lists (-want +got):\n%s", c.dir, diff)
		}
	}
}

// detailOnly is a snapshot whose AS prints one device type's detail and
// no list.
func detailOnly(t *testing.T) string {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "hosts/as1/devicetype.txt"), "AS_CLI/System/DeviceType/SIP> detail \"Connect - Mobile\"\n  supportRemotePartyInfo = true\n")
	return root
}

// TestInventoryClusters: a cluster the operator states (the policy's
// cluster block) places its application servers in their own AS cluster
// as a cluster file would, so that the data of two clusters are not
// compared with each other.
func TestInventoryClusters(t *testing.T) {
	root := t.TempDir()
	copyFile(t, "../testdata/channels/conflicts/ocip/tagsets.xml", filepath.Join(root, "hosts/as1/tags.xml"))
	copyFile(t, "../testdata/channels/agree/devicemgmt/tagsets/Webex.xml", filepath.Join(root, "hosts/as3/tags.xml"))
	writeFile(t, filepath.Join(root, "partnerhub/clusters/c1.json"), `{"name": "c1", "authServiceUrl": "https://x/authService",
  "xsiActionsUrl": "https://x/a", "xsiEventsUrl": "https://x/e", "applicationServers": ["as1", "as2"]}`)
	at := hcl.Range{Filename: "policy.hcl", Start: hcl.Pos{Line: 1, Column: 1}, End: hcl.Pos{Line: 1, Column: 13}}
	inv := Inventory{Clusters: []ClusterFacts{{Name: source.Value{Text: "c2", Loc: source.LocOf(at)}, At: at,
		ApplicationServers: []source.Value{{Text: "as3", Loc: source.LocOf(at)}, {Text: "as4", Loc: source.LocOf(at)}}, SetAppServers: true}}}
	s, err := LoadWith(root, LoadOptions{Inventory: inv})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Problems) != 0 || len(s.Conflicts) != 0 || len(s.TagSets) != 2 {
		t.Fatalf("problems %v, conflicts %v, %d tag sets (want 2)", problemsOf(s), s.Conflicts, len(s.TagSets))
	}
	if got := s.ClusterOf("hosts/as3/tags.xml"); got != "c2" {
		t.Errorf("ClusterOf(hosts/as3/tags.xml) = %q, want the stated cluster c2", got)
	}
	if len(s.ASClusters) != 2 || s.ASClusters[1].Name != "c2" {
		t.Errorf("AS clusters %+v", s.ASClusters)
	}
}
