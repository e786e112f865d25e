package linttest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// LargeSnapshot describes a synthetic deployment the size of a large
// service provider, for benchmarks.
type LargeSnapshot struct {
	Clusters      int // each with its own template
	ASPerCluster  int
	XSPPerCluster int
	// FilesPerHost is the number of capture files per host, including
	// the ones the checks read.
	FilesPerHost int
}

// Write creates the snapshot under dir and returns the number of files.
// Every tenth AS misses its patch and every seventh XSP has a wrong flag,
// so the checks have findings to report.
func (l LargeSnapshot) Write(dir string) (int, error) {
	n := 0
	write := func(rel, content string) error {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		n++
		return os.WriteFile(p, []byte(content), 0o644)
	}
	for c := range l.Clusters {
		cluster := fmt.Sprintf("cluster-%03d", c)
		var ases, xsps []string
		for a := range l.ASPerCluster {
			host := fmt.Sprintf("as-%03d-%02d", c, a)
			ases = append(ases, `"`+host+`"`)
			if err := l.writeAS(write, host, cluster, (c*l.ASPerCluster+a)%10 == 9); err != nil {
				return n, err
			}
			if a == 0 {
				// The cluster's data, captured once, on its first AS.
				if err := writeClusterData(write, "hosts/"+host+"/"); err != nil {
					return n, err
				}
			}
		}
		for x := range l.XSPPerCluster {
			host := fmt.Sprintf("xsp-%03d-%02d", c, x)
			xsps = append(xsps, `"`+host+`"`)
			if err := l.writeXSP(write, host, (c*l.XSPPerCluster+x)%7 == 6); err != nil {
				return n, err
			}
		}
		if err := write("partnerhub/clusters/"+cluster+".json", fmt.Sprintf(`{"name": %q, "authServiceUrl": "https://%s.example.net/authService",
 "xsiActionsUrl": "https://%s.example.net/com.broadsoft.xsi-actions", "xsiEventsUrl": "https://%s.example.net/com.broadsoft.xsi-events",
 "applicationServers": [%s], "xsps": [%s]}`, cluster, cluster, cluster, cluster, strings.Join(ases, ", "), strings.Join(xsps, ", "))); err != nil {
			return n, err
		}
		if err := write("partnerhub/templates/"+cluster+".json", fmt.Sprintf(`{"name": "tpl-%s", "cluster": %q,
 "provisioningUrl": "https://broadworks-provisioning-bridge-a.wbx2.com/provisioning/v1/cust-templates/%s",
 "provisioningAccountName": "w4b-prov-admin", "authenticationMode": "broadworks", "enterpriseMode": true,
 "autoCreateOrgs": true, "emailTrust": "trusted", "package": "standard"}`, cluster, cluster, cluster)); err != nil {
			return n, err
		}
	}
	return n, nil
}

type writeFunc func(rel, content string) error

func (l LargeSnapshot) writeAS(write writeFunc, host, cluster string, missingPatch bool) error {
	dir := "hosts/" + host + "/"
	patch := "AP.as.24.0.944.ap384177"
	if missingPatch {
		patch = "AP.as.24.0.944.ap370326"
	}
	files := map[string]string{
		"bwshowver.txt": "AS version Rel_24.0_1.944\n\nBuilt  Sat Jun  6 00:26:50 EDT 2020\n- BASE revision 909962\n- AS revision 909962\n\nPatching Info:\n  Active Patches: 2\n",
		"interface-messaging.txt": "AS_CLI/Interface/Messaging> get\n  provisioningUrl = https://broadworks-provisioning-bridge-a.wbx2.com/provisioning/v1/cust-templates/" + cluster +
			"\n  provisioningUserId = w4b-prov-admin\n  provisioningPassword = ********\n  enableSynchronization = true\n",
		"patching.txt": "AS_CLI/Maintenance/Patching> listPatch\n               Patch Name      State\n====================================\n  " +
			patch + "  installed\n  AP.as.24.0.944.ap375266  installed\n\n2 entries found.\n",
		"container-options.txt": "AS_CLI/Maintenance/ContainerOptions> get\n  Container Name                Option Name  Option Value\n" +
			"=========================================================\n    provisioning  bw.imp.useProvisioningUrl          true\n\n1 entry found.\n",
	}
	return l.writeHost(write, dir, "AS", files)
}

func (l LargeSnapshot) writeXSP(write writeFunc, host string, wrongFlag bool) error {
	dir := "hosts/" + host + "/"
	user := "false"
	if wrongFlag {
		user = "true"
	}
	files := map[string]string{
		"bwshowver.txt": "XSP version Rel_24.0_1.944\n\nApplications Info:\n- Xsi-Actions version 24.0_1.944 context path /com.broadsoft.xsi-actions\n" +
			"- AuthenticationService version 24.0_1.944 context path /authService\n",
		"certificate-auth.txt": "XSP_CLI/System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication> get\n" +
			"  allowUserApp = " + user + "\n  allowClientApp = true\n",
		"authservice-keys.sha256": "fc847471a141144ccf18474f804cea02c94792834b609fed3aa1a36e6fc94150  authService.keys\n",
		"authservice.txt": "XSP_CLI/System/CommunicationUtility/DefaultSettings/ExternalAuthentication/AuthService> get\n  url = http://127.0.0.1:80/authService\n" +
			"XSP_CLI/Applications/AuthenticationService/TokenManagement> get\n  tokenIssuer = BroadWorks\n  tokenDurationInHours = 1440\n",
		"container-options.txt": "XSP_CLI/Maintenance/ContainerOptions> get\n  Container Name                    Option Name                     Option Value\n" +
			"================================================================================\n          tomcat  bw.authservice.authServiceUrl  http://127.0.0.1:80/authService\n\n1 entry found.\n",
		"identity-provider.txt": "XSP_CLI/Applications/AuthenticationService/IdentityProviders/Cisco> get\n  enabled = true\n  clientSecret = ********\n" +
			"  issuerUrl = https://idbroker.webex.com/idb\n  tokenInfoUrl = https://broadworks-idp-proxy-a.wbx2.com/broadworks-idp-proxy/api/v1/idp/authenticate\n" +
			"XSP_CLI/Applications/AuthenticationService/IdentityProviders/Cisco/Scopes> get\n                      Scope\n===========================\n  broadworks-connector:user\n\n1 entry found.\n",
		"http-server.txt": "XSP_CLI/Interface/Http/HttpServer> get\n  Interface IP  Port  Secure\n============================\n  10.155.6.180   443    true\n\n1 entry found.\n" +
			"XSP_CLI/Interface/Http/HttpServer/SSLSettings/Protocols> get 10.155.6.180 443\n  Protocol\n==========\n   TLSv1.2\n\n1 entry found.\n",
	}
	return l.writeHost(write, dir, "XSP", files)
}

// writeHost writes a host's files and pads it to FilesPerHost with
// realistic captures of other contexts.
func (l LargeSnapshot) writeHost(write writeFunc, dir, server string, files map[string]string) error {
	for name, content := range files {
		if err := write(dir+name, content); err != nil {
			return err
		}
	}
	for i := len(files); i < l.FilesPerHost; i++ {
		content := fmt.Sprintf("%s_CLI/System/Filler/Context%02d> get\n  enabled = true\n  serverPort = %d\n  description = capture %d of this host\n"+
			"%s_CLI/Interface/Filler/Table%02d> get\n  Interface IP  Port  Secure  Client Auth Req\n===============================================\n"+
			"  10.155.6.175  8012    true             true\n  10.155.6.176  8013   false            false\n\n2 entries found.\n",
			server, i, 2000+i, i, server, i)
		if err := write(fmt.Sprintf("%sfiller-%02d.txt", dir, i), content); err != nil {
			return err
		}
	}
	return nil
}

// writeClusterData writes an AS cluster's tag sets, over OCI-P, and its
// SIP device types, from the AS CLI, into an AS's folder: every Webex
// device type and tag the checks look for, set up right.
func writeClusterData(write writeFunc, dir string) error {
	const doc = `<?xml version="1.0" encoding="ISO-8859-1"?><BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><sessionId xmlns="">synth</sessionId>%s</BroadsoftDocument>`
	tags := func(rows ...string) string {
		s := `<command echo="" xsi:type="SystemDeviceManagementTagGetListResponse" xmlns=""><tagsTable><colHeading>Tag Name</colHeading><colHeading>Tag Value</colHeading><colHeading>Is Overridable</colHeading>`
		for _, r := range rows {
			name, value, _ := strings.Cut(r, "=")
			s += "<row><col>" + name + "</col><col>" + value + "</col><col>true</col></row>"
		}
		return s + "</tagsTable></command>"
	}
	request := func(choice string) string {
		return fmt.Sprintf(doc, `<command xsi:type="SystemDeviceManagementTagGetListRequest" xmlns="">`+choice+`</command>`)
	}
	log := strings.Join([]string{
		request("<tagSetName>Webex</tagSetName>"),
		fmt.Sprintf(doc, tags("%SBC_ADDRESS_WXT%=sbc.example.net", "%SBC_PORT_WXT%=5075", "%WEB_CALL_SETTINGS_TARGET_WXT%=csw",
			"%WEB_CALL_SETTINGS_URL_WXT%=https://xsp.example.net/callsettings/")),
		request("<systemDefaultTagSet>true</systemDefaultTagSet>"),
		fmt.Sprintf(doc, tags("%SNTP_SERVER%=ntp.example.net")),
	}, "\n") + "\n"
	types := "AS_CLI/System/DeviceType/SIP> get\n" +
		"                     Device Type                       Profile  Is Obsolete\n" +
		"===========================================================================\n" +
		"      Business Communicator - PC  Intelligent Proxy Addressing        false\n" +
		"                Connect - Mobile  Intelligent Proxy Addressing        false\n" +
		"  Business Communicator - Tablet  Intelligent Proxy Addressing        false\n\n3 entries found.\n"
	for _, t := range []struct{ name, uri, ports string }{
		{"Business Communicator - PC", "bc/pc/", "Unlimited"}, {"Connect - Mobile", "bc/mobile/", "1"}, {"Business Communicator - Tablet", "bc/tablet/", "1"},
	} {
		types += fmt.Sprintf("AS_CLI/System/DeviceType/SIP> detail \"%s\"\n  deviceAccessProtocol = https\n  deviceAccessContextName = dms\n"+
			"  deviceAccessURI = %s\n  supportRemotePartyInfo = true\n  numberOfPorts = %s\n", t.name, t.uri, t.ports)
	}
	if err := write(dir+"tagsets.xml", log); err != nil {
		return err
	}
	return write(dir+"devicetypes.txt", types)
}
