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
				fmt.Fprintf(&b, "  provisioningUrl = https://broadworks-provisioning-bridge-a.wbx2.com/provisioning/v1/cust-templates/%08x\n", f)
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
