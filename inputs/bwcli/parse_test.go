package bwcli

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestParse pins down what Parse reads from each shape real captures take:
// every command, attribute, table, cell and problem with its exact
// line:column range (dump renders them; checkInvariants ties the byte
// offsets to the same positions).
func TestParse(t *testing.T) {
	for _, tt := range parseCases {
		t.Run(tt.name, func(t *testing.T) {
			tr, probs := Parse("f.txt", tt.in)
			checkInvariants(t, "f.txt", tt.in, tr, probs)
			if diff := cmp.Diff(tt.want, dump(tr, probs)); diff != "" {
				t.Errorf("Parse (-want +got):\n%s", diff)
			}
		})
	}
}

var parseCases = []struct {
	name string
	in   string
	want string
}{
	{
		name: "kv block with and without indent, empty and masked values, booleans",
		in: "AS_CLI/Interface/Messaging> get\n" +
			"  provisioningUrl = https://bridge.example.net/provisioning/v1\n" +
			"  provisioningPassword = ********\n" +
			"enableSynchronization = true\n" +
			"  defaultDeviceLanguage =\n" +
			"  enableNameLookupForURLDialing = N\n" +
			"  Admin state = standby\n",
		want: `cmd 1:1-7:24 "AS"@1:1-1:3 "Interface/Messaging"@1:8-1:27 "get"@1:29-1:32 path="Interface/Messaging" verb="get" args=""
  kv 2:3-2:63 "provisioningUrl"@2:3-2:18 = "https://bridge.example.net/provisioning/v1"@2:21-2:63
  kv 3:3-3:34 "provisioningPassword"@3:3-3:23 = "********"@3:26-3:34
  kv 4:1-4:29 "enableSynchronization"@4:1-4:22 = "true"@4:25-4:29
  kv 5:3-5:26 "defaultDeviceLanguage"@5:3-5:24 = ""@5:26-5:26
  kv 6:3-6:36 "enableNameLookupForURLDialing"@6:3-6:32 = "N"@6:35-6:36
  kv 7:3-7:24 "Admin state"@7:3-7:14 = "standby"@7:17-7:24
`,
	},
	{
		name: "table right-aligned with multi-word headers, blank line and footer",
		in: "NFM_CLI/Applications/NetworkMonitoring/Replication> status\n" +
			"  Admin state = standby\n" +
			"  Effective state = standby\n" +
			"\n" +
			"              Name  Admin State  Effective State\n" +
			"================================================\n" +
			"        PostgreSQL       Online           Online\n" +
			"  File replication       Online          Offline\n" +
			"\n" +
			"2 entries found.\n",
		want: `cmd 1:1-10:17 "NFM"@1:1-1:4 "Applications/NetworkMonitoring/Replication"@1:9-1:51 "status"@1:53-1:59 path="Applications/NetworkMonitoring/Replication" verb="status" args=""
  kv 2:3-2:24 "Admin state"@2:3-2:14 = "standby"@2:17-2:24
  kv 3:3-3:28 "Effective state"@3:3-3:18 = "standby"@3:21-3:28
  table 5:15-10:17
    cols "Name"@5:15-5:19 | "Admin State"@5:21-5:32 | "Effective State"@5:34-5:49
    row 7:9-7:49 "PostgreSQL"@7:9-7:19 | "Online"@7:26-7:32 | "Online"@7:43-7:49
    row 8:3-8:49 "File replication"@8:3-8:19 | "Online"@8:26-8:32 | "Offline"@8:42-8:49
    footer "2 entries found."@10:1-10:17
`,
	},
	{
		name: "table left-aligned, single-space header words, footer without blank line",
		in: "ADP_CLI/System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CiscoIdentityProvider/Partners> get\n" +
			"Partner Name  Refresh Token\n" +
			"==================================\n" +
			"FederationPartner  ********\n" +
			"1 entry found.\n",
		want: `cmd 1:1-5:15 "ADP"@1:1-1:4 "System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CiscoIdentityProvider/Partners"@1:9-1:106 "get"@1:108-1:111 path="System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CiscoIdentityProvider/Partners" verb="get" args=""
  table 2:1-5:15
    cols "Partner Name"@2:1-2:13 | "Refresh Token"@2:15-2:28
    row 4:1-4:28 "FederationPartner"@4:1-4:18 | "********"@4:20-4:28
    footer "1 entry found."@5:1-5:15
`,
	},
	{
		name: "table with multi-word cells and no footer",
		in: "AS_CLI> qversions\n" +
			"  Identity        Version  Install Date     Status\n" +
			"==================================================\n" +
			"        AS  2023.03_1.411  Apr 18, 2023  Installed\n" +
			"        AS     24.0_1.944  Feb 11, 2022     Active\n",
		want: `cmd 1:1-5:51 "AS"@1:1-1:3 ""@1:7-1:7 "qversions"@1:9-1:18 path="" verb="qversions" args=""
  table 2:3-5:51
    cols "Identity"@2:3-2:11 | "Version"@2:19-2:26 | "Install Date"@2:28-2:40 | "Status"@2:45-2:51
    row 4:9-4:51 "AS"@4:9-4:11 | "2023.03_1.411"@4:13-4:26 | "Apr 18, 2023"@4:28-4:40 | "Installed"@4:42-4:51
    row 5:9-5:51 "AS"@5:9-5:11 | "24.0_1.944"@5:16-5:26 | "Feb 11, 2022"@5:28-5:40 | "Active"@5:45-5:51
`,
	},
	{
		name: "wide cells and a missing cell placed by the header geometry",
		in: "XSP_CLI/Maintenance/ContainerOptions> get\n" +
			"  Container Name  Option Name  Option Value\n" +
			"==========================================\n" +
			"          tomcat  bw.authservice.authServiceUrl  http://127.0.0.1:80/authService\n" +
			"    provisioning                          true\n",
		want: `cmd 1:1-5:47 "XSP"@1:1-1:4 "Maintenance/ContainerOptions"@1:9-1:37 "get"@1:39-1:42 path="Maintenance/ContainerOptions" verb="get" args=""
  table 2:3-5:47
    cols "Container Name"@2:3-2:17 | "Option Name"@2:19-2:30 | "Option Value"@2:32-2:44
    row 4:11-4:81 "tomcat"@4:11-4:17 | "bw.authservice.authServiceUrl"@4:19-4:48 | "http://127.0.0.1:80/authService"@4:50-4:81
    row 5:5-5:47 "provisioning"@5:5-5:17 | ""@5:30-5:30 | "true"@5:43-5:47
`,
	},
	{
		name: "row that does not fit, footer count mismatch",
		in: "AS_CLI/Maintenance/Patching> listPatch\n" +
			"               Patch Name      State\n" +
			"====================================\n" +
			"  AP.as.24.0.944.ap370326  installed\n" +
			"  AP.as.24.0.944.ap384177  installed\n" +
			"  AP.as.24.0.944.ap375266  installed  2024-02-01\n" +
			"\n" +
			"3 entries found.\n",
		want: `cmd 1:1-8:17 "AS"@1:1-1:3 "Maintenance/Patching"@1:8-1:28 "listPatch"@1:30-1:39 path="Maintenance/Patching" verb="listpatch" args=""
  table 2:16-8:17
    cols "Patch Name"@2:16-2:26 | "State"@2:32-2:37
    row 4:3-4:37 "AP.as.24.0.944.ap370326"@4:3-4:26 | "installed"@4:28-4:37
    row 5:3-5:37 "AP.as.24.0.944.ap384177"@5:3-5:26 | "installed"@5:28-5:37
    footer "3 entries found."@8:1-8:17
error 6:3-6:49 table row does not fit its header in the output of "listPatch": two values, "installed" and "2024-02-01", under column "State"
warning 8:1-8:17 table footer says 3 entries but 2 rows were read
`,
	},
	{
		name: "row whose text spans two columns",
		in: "AS_CLI/Maintenance/Patching> listPatch\n" +
			"               Patch Name      State\n" +
			"====================================\n" +
			"  AP.as.24.0.944.ap370326-with-a-long-suffix\n",
		want: `cmd 1:1-4:45 "AS"@1:1-1:3 "Maintenance/Patching"@1:8-1:28 "listPatch"@1:30-1:39 path="Maintenance/Patching" verb="listpatch" args=""
  table 2:16-4:45
    cols "Patch Name"@2:16-2:26 | "State"@2:32-2:37
error 4:3-4:45 table row does not fit its header in the output of "listPatch": "AP.as.24.0.944.ap370326-with-a-long-suffix" spans the columns "Patch Name" and "State"
`,
	},
	{
		name: "filter confirmation and progress before the header, legend after the footer",
		in: "AS_CLI/Maintenance/Patching> listPatch\n" +
			"About to filter through 2 entries. Continue? Please confirm (Yes, Y, No, N): y\n" +
			"Retrieving data... Please wait...\n" +
			"                Patch Name      State\n" +
			"=====================================\n" +
			"  AP.as.23.0.1075.ap373197  installed\n" +
			"  AP.as.23.0.1075.ap377718  installed\n" +
			"\n" +
			"2 entries found.\n" +
			"* -> Patch(es) applied from this bundle.\n",
		want: `cmd 1:1-10:41 "AS"@1:1-1:3 "Maintenance/Patching"@1:8-1:28 "listPatch"@1:30-1:39 path="Maintenance/Patching" verb="listpatch" args=""
  table 4:17-9:17
    cols "Patch Name"@4:17-4:27 | "State"@4:33-4:38
    row 6:3-6:38 "AP.as.23.0.1075.ap373197"@6:3-6:27 | "installed"@6:29-6:38
    row 7:3-7:38 "AP.as.23.0.1075.ap377718"@7:3-7:27 | "installed"@7:29-7:38
    footer "2 entries found."@9:1-9:17
`,
	},
	{
		name: "zero-row tables with and without footer",
		in: "XSP_CLI/Interface/CTI/CTIServer> get\n" +
			"  Interface IP  Port  Secure\n" +
			"============================\n" +
			"\n" +
			"0 entries found.\n" +
			"XSP_CLI/Applications/NotificationPushServer/FCM/Projects> get\n" +
			"  Project ID  Accountkey\n" +
			"========================\n" +
			"XSP_CLI/Applications/NotificationPushServer/FCM/Projects> get\n" +
			"  Project ID  Accountkey\n" +
			"========================\n" +
			"0 entries found.\n",
		want: `cmd 1:1-5:17 "XSP"@1:1-1:4 "Interface/CTI/CTIServer"@1:9-1:32 "get"@1:34-1:37 path="Interface/CTI/CTIServer" verb="get" args=""
  table 2:3-5:17
    cols "Interface IP"@2:3-2:15 | "Port"@2:17-2:21 | "Secure"@2:23-2:29
    footer "0 entries found."@5:1-5:17
cmd 6:1-8:25 "XSP"@6:1-6:4 "Applications/NotificationPushServer/FCM/Projects"@6:9-6:57 "get"@6:59-6:62 path="Applications/NotificationPushServer/FCM/Projects" verb="get" args=""
  table 7:3-8:25
    cols "Project ID"@7:3-7:13 | "Accountkey"@7:15-7:25
cmd 9:1-12:17 "XSP"@9:1-9:4 "Applications/NotificationPushServer/FCM/Projects"@9:9-9:57 "get"@9:59-9:62 path="Applications/NotificationPushServer/FCM/Projects" verb="get" args=""
  table 10:3-12:17
    cols "Project ID"@10:3-10:13 | "Accountkey"@10:15-10:25
    footer "0 entries found."@12:1-12:17
`,
	},
	{
		name: "noise after set and add is dropped",
		in: "AS_CLI/Interface/Messaging> set enableSynchronization true\n" +
			"...Done\n" +
			"*** Warning: BroadWorks needs to be restarted for the changes to take effect ***\n" +
			"+++ WARNING +++ WARNING +++ WARNING +++\n" +
			"AS_CLI/System/Security/BlackList> add 10.0.0.1\n" +
			"... Done\n",
		want: `cmd 1:1-4:40 "AS"@1:1-1:3 "Interface/Messaging"@1:8-1:27 "set enableSynchronization true"@1:29-1:59 path="Interface/Messaging" verb="set" args="enableSynchronization true"
cmd 5:1-6:9 "AS"@5:1-5:3 "System/Security/BlackList"@5:8-5:33 "add 10.0.0.1"@5:35-5:47 path="System/Security/BlackList" verb="add" args="10.0.0.1"
`,
	},
	{
		name: "banner and shell lines before the first prompt, one line not understood",
		in: "Last login: Tue May 14 09:12:01 2024 from 10.0.0.5\n" +
			"[bwadmin@as1 ~]$ bwcli\n" +
			"======================================================================\n" +
			"BroadWorks Command Line Interface\n" +
			"  Type HELP for more information\n" +
			"======================================================================\n" +
			"something else\n" +
			"\n" +
			"AS_CLI> get\n",
		want: `note 7:1-7:15 line outside a CLI session is not understood: "something else"
note 9:9-9:12 "get" is not a command bwlint knows in AS_CLI; its output is kept as text
`,
	},
	{
		name: "help output, confirmation prompts and the exit dialogue carry nothing",
		in: "AS_CLI/SubscriberMgmt/Administrator> h add\n" +
			"\n" +
			"When executed from this level, this command adds an administrator.\n" +
			"======================================================================\n" +
			"add\n" +
			"    <userId>, String {2 to 80 characters}\n" +
			"    <type>, Choice = {system, prov}\n" +
			"AS_CLI/SubscriberMgmt/Administrator> delete admin1\n" +
			"Delete administrator admin1? Please confirm (Yes, Y, No, N): y\n" +
			"...Done\n" +
			"AS_CLI/SubscriberMgmt/Administrator> exit\n" +
			"Please confirm (Yes, Y, No, N): y\n" +
			"This session is now ending...\n",
		want: `cmd 1:1-7:36 "AS"@1:1-1:3 "SubscriberMgmt/Administrator"@1:8-1:36 "h add"@1:38-1:43 path="SubscriberMgmt/Administrator" verb="help" args="add"
cmd 8:1-10:8 "AS"@8:1-8:3 "SubscriberMgmt/Administrator"@8:8-8:36 "delete admin1"@8:38-8:51 path="SubscriberMgmt/Administrator" verb="delete" args="admin1"
cmd 11:1-13:30 "AS"@11:1-11:3 "SubscriberMgmt/Administrator"@11:8-11:36 "exit"@11:38-11:42 path="SubscriberMgmt/Administrator" verb="exit" args=""
`,
	},
	{
		name: "prompt forms",
		in: "AS_CLI>\n" +
			"/AS_CLI/Service/IntegratedIMP> set provisioningUrl https://x\n" +
			"XSP_CLI/System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication>get\n" +
			"allowUserApp = false\n" +
			"ADP_CLI/Interface/SNMP/Agent> get\n" +
			"  port = 8001\n" +
			"NS_CLI>  get\n",
		want: `cmd 2:1-2:61 "AS"@2:2-2:4 "Service/IntegratedIMP"@2:9-2:30 "set provisioningUrl https://x"@2:32-2:61 path="Service/IntegratedIMP" verb="set" args="provisioningUrl https://x"
cmd 3:1-4:21 "XSP"@3:1-3:4 "System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication"@3:9-3:101 "get"@3:102-3:105 path="System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication" verb="get" args=""
  kv 4:1-4:21 "allowUserApp"@4:1-4:13 = "false"@4:16-4:21
cmd 5:1-6:14 "ADP"@5:1-5:4 "Interface/SNMP/Agent"@5:9-5:29 "get"@5:31-5:34 path="Interface/SNMP/Agent" verb="get" args=""
  kv 6:3-6:14 "port"@6:3-6:7 = "8001"@6:10-6:14
cmd 7:1-7:13 "NS"@7:1-7:3 ""@7:7-7:7 "get"@7:10-7:13 path="" verb="get" args=""
`,
	},
	{
		name: "output after an empty prompt belongs to no command",
		in: "AS_CLI/Interface/Messaging>\n" +
			"  enableSynchronization = true\n" +
			"...Done\n",
		want: `warning 2:3-2:31 output after an empty prompt belongs to no command: "enableSynchronization = true"
`,
	},
	{
		name: "lines a data command prints that are not understood are warned about; other commands' text is kept silently",
		in: "AS_CLI/Interface/Messaging> get\n" +
			"  provisioningUrl = https://x\n" +
			"No schema found.\n" +
			"AS_CLI/Interface/Messaging> validate\n" +
			"Validation passed: 0 errors\n",
		want: `cmd 1:1-3:17 "AS"@1:1-1:3 "Interface/Messaging"@1:8-1:27 "get"@1:29-1:32 path="Interface/Messaging" verb="get" args=""
  kv 2:3-2:30 "provisioningUrl"@2:3-2:18 = "https://x"@2:21-2:30
  text "No schema found."@3:1-3:17
cmd 4:1-5:28 "AS"@4:1-4:3 "Interface/Messaging"@4:8-4:27 "validate"@4:29-4:37 path="Interface/Messaging" verb="validate" args=""
  text "Validation passed: 0 errors"@5:1-5:28
warning 3:1-3:17 line in the output of "get" is not understood and kept as text: "No schema found."
note 4:29-4:37 "validate" is not a command bwlint knows in AS_CLI/Interface/Messaging; its output is kept as text
`,
	},
	{
		name: "abbreviated navigation from the root, resolved by the next prompt",
		in: "XSP_CLI> sys;commu;def;ext;cert;get\n" +
			"  allowUserApp = false\n" +
			"XSP_CLI/System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication> exit\n",
		want: `cmd 1:1-2:23 "XSP"@1:1-1:4 ""@1:8-1:8 "sys;commu;def;ext;cert;get"@1:10-1:36 path="System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication" verb="get" args=""
  kv 2:3-2:23 "allowUserApp"@2:3-2:15 = "false"@2:18-2:23
cmd 3:1-3:107 "XSP"@3:1-3:4 "System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication"@3:9-3:101 "exit"@3:103-3:107 path="System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication" verb="exit" args=""
`,
	},
	{
		name: "abbreviated navigation relative to the prompt and typed from deeper down",
		in: "XSP_CLI/System> sec;black;get\n" +
			"  Address\n" +
			"=========\n" +
			"  1.2.3.4\n" +
			"XSP_CLI/System/Security/BlackList> q;q;q\n" +
			"XSP_CLI> cd /Interface/Http\n" +
			"XSP_CLI/Interface/Http> sys;sec;black;get\n" +
			"XSP_CLI/System/Security/BlackList> cd /Interface/Messaging;get\n" +
			"XSP_CLI/Interface/Messaging> sys;sec\n" +
			"XSP_CLI/System/Security>\n",
		want: `cmd 1:1-4:10 "XSP"@1:1-1:4 "System"@1:9-1:15 "sec;black;get"@1:17-1:30 path="System/Security/BlackList" verb="get" args=""
  table 2:3-4:10
    cols "Address"@2:3-2:10
    row 4:3-4:10 "1.2.3.4"@4:3-4:10
cmd 5:1-5:41 "XSP"@5:1-5:4 "System/Security/BlackList"@5:9-5:34 "q;q;q"@5:36-5:41 path="System/Security/BlackList" verb="cd" args="q;q;q"
cmd 6:1-6:28 "XSP"@6:1-6:4 ""@6:8-6:8 "cd /Interface/Http"@6:10-6:28 path="" verb="cd" args="/Interface/Http"
cmd 7:1-7:42 "XSP"@7:1-7:4 "Interface/Http"@7:9-7:23 "sys;sec;black;get"@7:25-7:42 path="System/Security/BlackList" verb="get" args=""
cmd 8:1-8:63 "XSP"@8:1-8:4 "System/Security/BlackList"@8:9-8:34 "cd /Interface/Messaging;get"@8:36-8:63 path="Interface/Messaging" verb="get" args=""
cmd 9:1-9:37 "XSP"@9:1-9:4 "Interface/Messaging"@9:9-9:28 "sys;sec"@9:30-9:37 path="Interface/Messaging" verb="cd" args="sys;sec"
`,
	},
	{
		name: "abbreviated navigation that cannot be resolved",
		in: "XSP_CLI> sys;sec;black;get\n" +
			"  enabled = true\n" +
			"XSP_CLI/Interface/Http> get\n" +
			"XSP_CLI> sys;sec;black;get\n" +
			"  enabled = true\n" +
			"AS_CLI/System/Security/BlackList> get\n" +
			"XSP_CLI> sys;sec;get\n" +
			"  enabled = false\n",
		want: `cmd 1:1-2:17 "XSP"@1:1-1:4 ""@1:8-1:8 "sys;sec;black;get"@1:10-1:27 path="?" verb="get" args=""
  kv 2:3-2:17 "enabled"@2:3-2:10 = "true"@2:13-2:17
cmd 3:1-3:28 "XSP"@3:1-3:4 "Interface/Http"@3:9-3:23 "get"@3:25-3:28 path="Interface/Http" verb="get" args=""
cmd 4:1-5:17 "XSP"@4:1-4:4 ""@4:8-4:8 "sys;sec;black;get"@4:10-4:27 path="System/Security/BlackList" verb="get" args=""
  kv 5:3-5:17 "enabled"@5:3-5:10 = "true"@5:13-5:17
cmd 6:1-6:38 "AS"@6:1-6:3 "System/Security/BlackList"@6:8-6:33 "get"@6:35-6:38 path="System/Security/BlackList" verb="get" args=""
cmd 7:1-8:18 "XSP"@7:1-7:4 ""@7:8-7:8 "sys;sec;get"@7:10-7:21 path="System/Security" verb="get" args=""
  kv 8:3-8:18 "enabled"@8:3-8:10 = "false"@8:13-8:18
warning 1:1-1:27 navigation "sys;sec;black" before "get" does not match the context "Interface/Http" shown by the next prompt (line 3); its output is not attributed to any context
`,
	},
	{
		name: "CRLF line ends and trailing spaces",
		in: "AS_CLI/Maintenance/ContainerOptions> get   \r\n" +
			"  Container Name              Option Name  Option Value  \r\n" +
			"=========================================================\r\n" +
			"    provisioning  bw.imp.useProvisioningUrl          true   \r\n" +
			"\r\n" +
			"1 entry found.  \r\n" +
			"  enabled = true \t\r\n" +
			"  empty =  \r\n",
		want: `cmd 1:1-8:10 "AS"@1:1-1:3 "Maintenance/ContainerOptions"@1:8-1:36 "get"@1:38-1:41 path="Maintenance/ContainerOptions" verb="get" args=""
  kv 7:3-7:17 "enabled"@7:3-7:10 = "true"@7:13-7:17
  kv 8:3-8:10 "empty"@8:3-8:8 = ""@8:10-8:10
  table 2:3-6:15
    cols "Container Name"@2:3-2:17 | "Option Name"@2:31-2:42 | "Option Value"@2:44-2:56
    row 4:5-4:58 "provisioning"@4:5-4:17 | "bw.imp.useProvisioningUrl"@4:19-4:44 | "true"@4:54-4:58
    footer "1 entry found."@6:1-6:15
`,
	},
	{
		name: "ANSI escape sequences: text is cleaned, ranges span the original bytes",
		in: "\u001b[1;32mXSP_CLI/System/CommunicationUtility/DefaultSettings/ExternalAuthentication/AuthService>\u001b[0m get\u001b[K\n" +
			"  url = http://127.0.0.1:80/\u001b[1mauthService\u001b[0m\u001b[K\n" +
			"  empty =\u001b[K\n" +
			"\u001b]0;bwadmin@xsp1: ~\u001b\\\u001b[1;32mXSP_CLI/Maintenance/ContainerOptions>\u001b[0m get\u001b[K\n" +
			"  Name   Value\u001b[K\n" +
			"==============\u001b[K\n" +
			"  \u001b[1ma\u001b[0m  b\u001b[K\n",
		want: `cmd 1:8-3:10 "XSP"@1:8-1:11 "System/CommunicationUtility/DefaultSettings/ExternalAuthentication/AuthService"@1:16-1:94 "get"@1:100-1:103 path="System/CommunicationUtility/DefaultSettings/ExternalAuthentication/AuthService" verb="get" args=""
  kv 2:3-2:44 "url"@2:3-2:6 = "http://127.0.0.1:80/authService"@2:9-2:44
  kv 3:3-3:10 "empty"@3:3-3:8 = ""@3:10-3:10
cmd 4:29-7:15 "XSP"@4:29-4:32 "Maintenance/ContainerOptions"@4:37-4:65 "get"@4:71-4:74 path="Maintenance/ContainerOptions" verb="get" args=""
  table 5:3-7:15
    cols "Name"@5:3-5:7 | "Value"@5:10-5:15
    row 7:7-7:15 "a"@7:7-7:8 | "b"@7:14-7:15
`,
	},
	{
		name: "non-ASCII text: columns count code points",
		in: "AS_CLI/System/DeviceType/SIP> detail \"Téléphone – PC\"\n" +
			"  description = Téléphone de bureau – salle 2\n" +
			"  Nom    Société  Ville\n" +
			"=======================\n" +
			"  Zoë    Ünïcode   Lyon\n" +
			"  ÉÉÉ    ôôôôôôô\n",
		want: `cmd 1:1-6:17 "AS"@1:1-1:3 "System/DeviceType/SIP"@1:8-1:29 "detail \"Téléphone – PC\""@1:31-1:54 path="System/DeviceType/SIP" verb="detail" args="\"Téléphone – PC\""
  kv 2:3-2:46 "description"@2:3-2:14 = "Téléphone de bureau – salle 2"@2:17-2:46
  table 3:3-6:17
    cols "Nom"@3:3-3:6 | "Société"@3:10-3:17 | "Ville"@3:19-3:24
    row 5:3-5:24 "Zoë"@5:3-5:6 | "Ünïcode"@5:10-5:17 | "Lyon"@5:20-5:24
    row 6:3-6:17 "ÉÉÉ"@6:3-6:6 | "ôôôôôôô"@6:10-6:17 | ""@6:17-6:17
`,
	},
	{
		name: "no prompt at all",
		in: "These are notes pasted from an e-mail.\n" +
			"No CLI prompt here.\n",
		want: `error 1:1-1:39 no BroadWorks CLI prompt (such as "AS_CLI/Interface/Messaging> get") found: not a bwcli transcript
`,
	},
	{
		name: "empty file",
		in:   "",
		want: `error 0:0-0:0 no BroadWorks CLI prompt (such as "AS_CLI/Interface/Messaging> get") found: not a bwcli transcript
`,
	},
}

// TestProblemsWithholdSecrets checks that a problem quoting a line bwlint
// could not read never quotes a secret the line holds.
func TestProblemsWithholdSecrets(t *testing.T) {
	text := "stray readCommunity: leak0\n" +
		"XSP_CLI/Interface/SNMP/Trap> get\n" +
		"  Host     Community\n" +
		"====================\n" +
		"  h1  leak1  extra\n" +
		"\n" +
		"AS_CLI/Maintenance/ContainerOptions> get\n" +
		"  Container Name             Option Name  Option Value\n" +
		"======================================================\n" +
		"    provisioning  bw.imp.adminPassword  leak2  leak3\n" +
		"\n" +
		"AS_CLI/Interface/Messaging> get\n" +
		"  provisioningPassword: leak4\n"
	_, probs := Parse("hosts/as1/f.txt", text)
	if len(probs) < 4 {
		t.Fatalf("want a problem for each unreadable line, got %v", probs)
	}
	for _, p := range probs {
		if strings.Contains(p.Message, "leak") {
			t.Errorf("problem quotes a secret: %s", p.Error())
		}
	}
}
