package inputs

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeLargeSnapshot generates a deployment of hosts servers with perHost
// capture files each (bwshowver, a digest and small transcripts of the
// contexts checks read), plus templates, clusters and tag sets, the way a
// large service provider's snapshot looks. It returns the number of files.
func writeLargeSnapshot(tb testing.TB, root string, hosts, perHost int) int {
	tb.Helper()
	n := 0
	write := func(rel, content string) {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			tb.Fatal(err)
		}
		n++
	}
	for h := range hosts {
		server, name := "AS", fmt.Sprintf("as%03d", h)
		if h%3 == 2 {
			server, name = "XSP", fmt.Sprintf("xsp%03d", h)
		}
		dir := "hosts/" + name + "/"
		write(dir+"bwshowver.txt", server+" version Rel_24.0_1.944\n\nBuilt  Sat Jun  6 00:26:50 EDT 2020\n- BASE revision 909962\n\nPatching Info:\n  Active Patches: 3\n")
		write(dir+"authservice-keys.sha256", fmt.Sprintf("%064x  authService.keys\n", h))
		for f := 2; f < perHost; f++ {
			var b strings.Builder
			switch f % 4 {
			case 0:
				fmt.Fprintf(&b, "%s_CLI/Interface/Messaging> get\n", server)
				// The host's configuration, the same in each of its
				// captures.
				fmt.Fprintf(&b, "  provisioningUrl = https://broadworks-provisioning-bridge-a.wbx2.com/provisioning/v1/cust-templates/%08x\n", h)
				b.WriteString("  provisioningUserId = w4b-prov-admin\n  provisioningPassword = ********\n  enableSynchronization = true\n")
			case 1:
				fmt.Fprintf(&b, "%s_CLI/Maintenance/ContainerOptions> get\n", server)
				b.WriteString("  Container Name                  Option Name  Option Value\n")
				b.WriteString("==========================================================\n")
				b.WriteString("    provisioning  bw.imp.useProvisioningUrl          true\n\n1 entry found.\n")
			case 2:
				fmt.Fprintf(&b, "%s_CLI/Maintenance/Patching> listPatch\n", server)
				b.WriteString("               Patch Name      State\n====================================\n")
				b.WriteString("  AP.as.24.0.944.ap370326  installed\n  AP.as.24.0.944.ap384177  installed\n\n2 entries found.\n")
			case 3:
				fmt.Fprintf(&b, "%s_CLI/System/DeviceType/SIP> detail \"Business Communicator - PC\"\n", server)
				b.WriteString("  deviceAccessProtocol = http\n  deviceAccessFQDN = xsp.example.net\n  deviceAccessPort = 443\n")
				b.WriteString("  deviceAccessContextName = dms\n  defaultDeviceLanguage =\n")
			}
			write(fmt.Sprintf("%scapture-%02d.txt", dir, f), b.String())
		}
	}
	for c := range 10 {
		write(fmt.Sprintf("partnerhub/clusters/c%d.json", c), fmt.Sprintf(`{"name": "c%d", "authServiceUrl": "https://xsp.example.net/authService",
  "xsiActionsUrl": "https://xsp.example.net/com.broadsoft.xsi-actions", "xsiEventsUrl": "https://xsp.example.net/com.broadsoft.xsi-events",
  "applicationServers": ["as000"], "xsps": ["xsp002"]}`, c))
	}
	for i := range 50 {
		write(fmt.Sprintf("partnerhub/templates/t%02d.json", i), fmt.Sprintf(`{"name": "t%02d", "cluster": "c%d",
  "provisioningUrl": "https://broadworks-provisioning-bridge-a.wbx2.com/provisioning/v1/cust-templates/%08x",
  "provisioningAccountName": "w4b-prov-admin", "authenticationMode": "broadworks", "enterpriseMode": true,
  "autoCreateOrgs": true, "emailTrust": "trusted", "package": "standard", "enterprises": ["ent-%d"]}`, i, i%10, i, i))
	}
	for i := range 5 {
		write(fmt.Sprintf("devicemgmt/tagsets/set%d.tsv", i), "Tag Name\tTag Value\tIs Overridable\n%SBC_ADDRESS_WXT%\tsbc.example.net\ttrue\n%SBC_PORT_WXT%\t5075\ttrue\n")
	}
	return n
}

// BenchmarkLoad measures Load on a snapshot of 300 hosts with 40 files
// each, 12,065 files in all; ns/op is the time to load all of them.
func BenchmarkLoad(b *testing.B) {
	root := b.TempDir()
	files := writeLargeSnapshot(b, root, 300, 40)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		s, err := Load(root)
		if err != nil {
			b.Fatal(err)
		}
		if len(s.Files) != files || len(s.Problems) != 0 {
			b.Fatalf("%d files (want %d), problems %v", len(s.Files), files, problemsOf(s)[:min(len(s.Problems), 3)])
		}
	}
	// After the loop: ResetTimer would drop it.
	b.ReportMetric(float64(files), "files")
}

// writeOCIPLog writes an OCI-P client's request/response log of about size
// bytes: user details and service lists of many users, a tag set and the
// device types now and then, as a provisioning audit produces them.
func writeOCIPLog(tb testing.TB, name string, size int) {
	tb.Helper()
	const decl = `<?xml version="1.0" encoding="ISO-8859-1"?>`
	const root = `<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`
	var b strings.Builder
	b.Grow(size + 1<<16)
	for n := 0; b.Len() < size; n++ {
		user := fmt.Sprintf("user%06d@example.net", n)
		session := fmt.Sprintf("as1.example.net,1709547611,%d", n%97)
		req := func(cmd string) {
			fmt.Fprintf(&b, "2026-11-20 09:%02d:%02d DEBUG >>> request\n%s\n%s\n  <sessionId xmlns=\"\">%s</sessionId>\n%s</BroadsoftDocument>\n", n/60%60, n%60, decl, root, session, cmd)
		}
		resp := func(cmd string) {
			fmt.Fprintf(&b, "2026-11-20 09:%02d:%02d DEBUG <<< response\n%s%s<sessionId xmlns=\"\">%s</sessionId>%s</BroadsoftDocument>\n", n/60%60, n%60, decl, root, session, cmd)
		}
		req("  <command xsi:type=\"UserGetRequest23V2\" xmlns=\"\">\n    <userId>" + user + "</userId>\n  </command>\n")
		resp(`<command echo="" xsi:type="UserGetResponse23V2" xmlns=""><serviceProviderId>Iberia</serviceProviderId><groupId>G` + fmt.Sprint(n%50) +
			`</groupId><userId>` + user + `</userId><lastName>Muñoz</lastName><firstName>José</firstName><phoneNumber>91555` + fmt.Sprintf("%04d", n%10000) +
			`</phoneNumber><language>English</language><timeZone>Europe/Madrid</timeZone><accessDeviceEndpoint><accessDevice><deviceLevel>Group</deviceLevel><deviceName>dev-` +
			fmt.Sprint(n) + `</deviceName></accessDevice><linePort>` + user + `</linePort></accessDeviceEndpoint><emailAddress>` + user + `</emailAddress><countryCode>34</countryCode></command>`)
		req("  <command xsi:type=\"UserServiceGetAssignmentListRequest\" xmlns=\"\">\n    <userId>" + user + "</userId>\n  </command>\n")
		var rows strings.Builder
		for i := range 20 {
			fmt.Fprintf(&rows, "<row><col>Service %d</col><col>%v</col></row>", i, i%3 == 0)
		}
		resp(`<command echo="" xsi:type="UserServiceGetAssignmentListResponse" xmlns=""><servicePacksAssignmentTable><colHeading>Service Pack Name</colHeading><colHeading>Assigned</colHeading></servicePacksAssignmentTable><userServicesAssignmentTable><colHeading>Service Name</colHeading><colHeading>Assigned</colHeading><row><col>Integrated IMP</col><col>true</col></row>` + rows.String() + `</userServicesAssignmentTable></command>`)
		if n%500 == 0 {
			set := fmt.Sprintf("set%d", n/500%20)
			req("  <command xsi:type=\"SystemDeviceManagementTagGetListRequest\" xmlns=\"\">\n    <tagSetName>" + set + "</tagSetName>\n  </command>\n")
			var tags strings.Builder
			for i := range 40 {
				fmt.Fprintf(&tags, "<row><col>%%TAG_%d_WXT%%</col><col>value-%d</col><col>true</col></row>", i, i)
			}
			resp(`<command echo="" xsi:type="SystemDeviceManagementTagGetListResponse" xmlns=""><tagsTable><colHeading>Tag Name</colHeading><colHeading>Tag Value</colHeading><colHeading>Is Overridable</colHeading>` + tags.String() + `</tagsTable></command>`)
		}
	}
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkLoadOCIPLog measures Load on a snapshot holding a 50 MB OCI-P
// log beside a small AS capture: reading, typing and merging the log's
// users and tag sets into the model.
func BenchmarkLoadOCIPLog(b *testing.B) {
	root := b.TempDir()
	const size = 50 << 20
	writeOCIPLog(b, filepath.Join(root, "ocip", "audit.xml"), size)
	if err := os.MkdirAll(filepath.Join(root, "hosts", "as1"), 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "hosts", "as1", "bwshowver.txt"), []byte("AS version Rel_24.0_1.944\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		s, err := Load(root)
		if err != nil {
			b.Fatal(err)
		}
		if len(s.Problems) != 0 || len(s.Users) == 0 || len(s.TagSets) == 0 {
			b.Fatalf("problems %v, %d users, %d tag sets", problemsOf(s)[:min(len(s.Problems), 3)], len(s.Users), len(s.TagSets))
		}
	}
}
