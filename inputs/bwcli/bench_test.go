package bwcli

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/inputs/source"
)

// benchTranscript generates a realistic transcript of about size bytes: the
// mix of a long capture session — key/value blocks, tables with multi-word
// headers and cells and their footers, set/add echoes with "...Done",
// warnings, confirmation prompts, help output, abbreviated navigation and
// the odd non-ASCII value — so that the benchmark exercises every path a
// real capture takes, in roughly the proportions seen in the field.
func benchTranscript(size int) string {
	var b strings.Builder
	b.Grow(size + 4096)
	b.WriteString("bwadmin@as1.example.net$ bwcli\n")
	b.WriteString("======================================================================\n")
	b.WriteString("BroadWorks Command Line Interface\n  Type HELP for more information\n")
	b.WriteString("======================================================================\n\n")
	for n := 0; b.Len() < size; n++ {
		switch n % 8 {
		case 0:
			fmt.Fprintf(&b, "AS_CLI/Interface/Messaging> get\n")
			fmt.Fprintf(&b, "  provisioningUrl = https://broadworks-provisioning-bridge-a.wbx2.com/provisioning/v1/cust-templates/%08x\n", n)
			fmt.Fprintf(&b, "  provisioningUserId = prov-admin-%d\n", n)
			b.WriteString("  provisioningPassword = ********\n")
			b.WriteString("  enableSynchronization = true\n")
			b.WriteString("  synchronizeOnAllUsers = N\n")
			b.WriteString("  defaultDeviceLanguage =\n")
		case 1:
			b.WriteString("AS_CLI/Maintenance/ContainerOptions> get\n")
			b.WriteString("  Container Name                  Option Name                                  Option Value\n")
			b.WriteString("==========================================================================================\n")
			for r := range 6 {
				fmt.Fprintf(&b, "    provisioning       bw.imp.useProvisioningUrl.option%d                          true\n", r)
			}
			b.WriteString("          tomcat    bw.authservice.authServiceUrl     http://127.0.0.1:80/authService\n")
			b.WriteString("\n7 entries found.\n")
		case 2:
			b.WriteString("AS_CLI> qversions\n")
			b.WriteString("  Identity        Version  Install Date     Status\n")
			b.WriteString("==================================================\n")
			b.WriteString("        AS  2023.03_1.411  Apr 18, 2023  Installed\n")
			b.WriteString("        AS     24.0_1.944  Feb 11, 2022     Active\n")
			b.WriteString("2 entries found.\n")
		case 3:
			b.WriteString("AS_CLI/Maintenance/Patching> listPatch\n")
			b.WriteString("About to filter through 12 entries. Continue? Please confirm (Yes, Y, No, N): y\n")
			b.WriteString("Retrieving data... Please wait...\n")
			b.WriteString("                Patch Name      State\n")
			b.WriteString("=====================================\n")
			for r := range 12 {
				fmt.Fprintf(&b, "  AP.as.23.0.1075.ap3%05d  installed\n", n+r)
			}
			b.WriteString("\n12 entries found.\n* -> Patch(es) applied from this bundle.\n")
		case 4:
			b.WriteString("AS_CLI/Interface/Messaging> set enableSynchronization true\r\n")
			b.WriteString("...Done\r\n")
			b.WriteString("*** Warning: BroadWorks needs to be restarted for the changes to take effect ***   \r\n")
		case 5:
			b.WriteString("AS_CLI/System/DeviceType/SIP> detail \"Business Communicator - PC\"\n")
			for _, kv := range [...]string{
				"deviceAccessProtocol = http", "deviceAccessFQDN = xsp.example.net",
				"deviceAccessPort = 443", "deviceAccessContextName = dms",
				"deviceAccessURI = bc/pc/", "defaultDeviceLanguage =",
				"defaultDeviceEncoding = ISO-8859-1", "supportRemotePartyInfo = true",
				"description = Téléphone de bureau – salle 2",
			} {
				b.WriteString("  " + kv + "\n")
			}
		case 6:
			b.WriteString("XSP_CLI> sys;sec;black;get\n")
			b.WriteString("  Interface IP  Port  Secure  Server Certificate  Client Auth Req\n")
			b.WriteString("=================================================================\n")
			b.WriteString("  10.155.6.175  8012    true                true             true\n")
			b.WriteString("  10.155.6.176  8012   false               false            false\n")
			b.WriteString("\n2 entries found.\n")
			b.WriteString("XSP_CLI/System/Security/BlackList> h add\n")
			b.WriteString("======================================================================\nadd\n")
			b.WriteString("    <userId>, String {2 to 80 characters}\n    <type>, Choice = {system, prov}\n")
		case 7:
			b.WriteString("XSP_CLI/Applications/AuthenticationService/TokenManagement> get\n")
			b.WriteString("  tokenDurationInHours = 336\n  tokenIssuer = BroadWorks\n")
			b.WriteString("  tokenRevocationEnabled = Y\n\n")
		}
	}
	return b.String()
}

// BenchmarkParse measures the transcript parser on a large generated
// capture; go test -bench reports MB/s through SetBytes.
func BenchmarkParse(b *testing.B) {
	text := benchTranscript(32 << 20)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		t, probs := Parse("hosts/as1/session.txt", text)
		// The capture sets a context it read, which is noted.
		serious := slices.DeleteFunc(probs, func(p source.Problem) bool { return p.Severity == source.Note })
		if len(t.Commands) == 0 || len(serious) != 0 {
			b.Fatalf("unexpected result: %d commands, problems %v", len(t.Commands), serious[:min(len(serious), 3)])
		}
	}
}
