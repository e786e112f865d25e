package linttest

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf16"
)

// SPSnapshot describes a generated snapshot of a service provider's
// deployment, for benchmarks and for measuring the whole command: AS
// clusters with their XSP farms, every host captured the way operators
// capture them (terminal logs with prompts, banners and noise, key/value
// blocks and long tables, CRLF PuTTY logs, UTF-16 files a Windows tool
// saved), tag sets and device types over OCI-P, Partner Hub templates
// and clusters. Some hosts are broken the way deployments are, so that
// the checks have findings to report; nothing is an evidence gap or an
// input problem.
//
// The same value writes byte-identical files: every choice comes from a
// generator seeded with Seed.
type SPSnapshot struct {
	XSPs, ASes int
	// TagSets is the number of device-management tag sets, spread over
	// the clusters; each cluster has at least its "Webex" set.
	TagSets int
	// Clusters is the number of AS clusters; 0 means one per ten ASes.
	Clusters int
	Seed     uint64
	// Repaired writes the snapshot as it stands once its broken hosts
	// and tag sets were repaired: the other files keep their bytes, which
	// makes the two a pre-change review's before and after.
	Repaired bool
}

// SPStats says what SPSnapshot.Write wrote.
type SPStats struct {
	Files int
	Bytes int64
}

// Scaled returns the snapshot with n times as many hosts, tag sets and
// clusters.
func (s SPSnapshot) Scaled(n int) SPSnapshot {
	s.XSPs, s.ASes, s.TagSets, s.Clusters = s.XSPs*n, s.ASes*n, s.TagSets*n, s.Clusters*n
	return s
}

// Write creates the snapshot under dir, which may exist.
func (s SPSnapshot) Write(dir string) (SPStats, error) {
	if s.ASes < 1 {
		return SPStats{}, fmt.Errorf("a snapshot needs at least one AS, not %d", s.ASes)
	}
	clusters := s.Clusters
	if clusters <= 0 {
		clusters = (s.ASes + 9) / 10
	}
	clusters = min(clusters, s.ASes)
	g := &spGen{dir: dir, rng: rand.New(rand.NewPCG(s.Seed, s.Seed^0x9e3779b97f4a7c15)), repaired: s.Repaired}
	for c := range clusters {
		cl := spCluster{name: fmt.Sprintf("bw-cluster-%02d", c+1)}
		for a := share(s.ASes, clusters, c); a > 0; a-- {
			cl.ases = append(cl.ases, fmt.Sprintf("as%02d-%02d", c+1, len(cl.ases)+1))
		}
		for x := share(s.XSPs, clusters, c); x > 0; x-- {
			cl.xsps = append(cl.xsps, fmt.Sprintf("xsp%02d-%02d", c+1, len(cl.xsps)+1))
		}
		g.cluster(cl, max(1, share(s.TagSets, clusters, c)))
	}
	return g.stats, g.err
}

// share is cluster c's part of n things spread over k clusters.
func share(n, k, c int) int {
	return n/k + btoi(c < n%k)
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

type spCluster struct {
	name       string
	ases, xsps []string
}

// spGen writes one snapshot; the first error stops it.
type spGen struct {
	dir   string
	rng   *rand.Rand
	stats SPStats
	err   error
	host  int // hosts written so far, which picks their shapes
	// repaired leaves out what is broken; nothing else may depend on it,
	// so that the repaired snapshot differs only there.
	repaired bool
}

// How a file is stored on disk.
type spEncoding int

const (
	spLF spEncoding = iota
	spCRLF
	spUTF16 // little-endian with a byte-order mark and CRLF, as Windows tools save
)

func (g *spGen) write(rel string, enc spEncoding, text string) {
	if g.err != nil {
		return
	}
	var data []byte
	switch enc {
	case spLF:
		data = []byte(text)
	case spCRLF:
		data = []byte(strings.ReplaceAll(text, "\n", "\r\n"))
	case spUTF16:
		units := utf16.Encode([]rune(strings.ReplaceAll(text, "\n", "\r\n")))
		data = make([]byte, 2, 2+2*len(units))
		data[0], data[1] = 0xFF, 0xFE
		for _, u := range units {
			data = append(data, byte(u), byte(u>>8))
		}
	}
	p := filepath.Join(g.dir, filepath.FromSlash(rel))
	if g.err = os.MkdirAll(filepath.Dir(p), 0o755); g.err != nil {
		return
	}
	g.err = os.WriteFile(p, data, 0o644)
	g.stats.Files++
	g.stats.Bytes += int64(len(data))
}

func (g *spGen) cluster(cl spCluster, tagSets int) {
	for i, as := range cl.ases {
		// Every seventh AS misses the patch the checks require.
		g.as(cl.name, as, g.host%7 == 3 && !g.repaired)
		if i == 0 {
			g.clusterData(as, tagSets)
		}
	}
	for _, xsp := range cl.xsps {
		// Every eleventh XSP lets user apps authenticate by certificate.
		g.xsp(xsp, g.host%11 == 5 && !g.repaired)
	}
	quoted := func(names []string) string {
		q := make([]string, len(names))
		for i, n := range names {
			q[i] = fmt.Sprintf("%q", n)
		}
		return strings.Join(q, ", ")
	}
	g.write("partnerhub/clusters/"+cl.name+".json", spLF, fmt.Sprintf(`{
  "name": %q,
  "authServiceUrl": "https://%[1]s.example.net/authService",
  "xsiActionsUrl": "https://%[1]s.example.net/com.broadsoft.xsi-actions",
  "xsiEventsUrl": "https://%[1]s.example.net/com.broadsoft.xsi-events",
  "applicationServers": [%s],
  "xsps": [%s]
}
`, cl.name, quoted(cl.ases), quoted(cl.xsps)))
	var ents []string
	for range 20 + g.rng.IntN(200) {
		ents = append(ents, fmt.Sprintf("ent-%06d", g.rng.IntN(1000000)))
	}
	g.write("partnerhub/templates/"+cl.name+".json", spLF, fmt.Sprintf(`{
  "name": "tpl-%s",
  "cluster": %[1]q,
  "provisioningUrl": "https://broadworks-provisioning-bridge-a.wbx2.com/provisioning/v1/cust-templates/%[1]s",
  "provisioningAccountName": "w4b-prov-admin",
  "authenticationMode": "broadworks",
  "enterpriseMode": true,
  "autoCreateOrgs": true,
  "emailTrust": "trusted",
  "package": "standard",
  "enterprises": [%s]
}
`, cl.name, quoted(ents)))
}

// session wraps CLI output typed in one bwcli session the way a terminal
// log records it: the logger's header, a shell prompt, the banner,
// the commands, the exit dialogue and the logout.
func (g *spGen) session(host, body string, putty bool) string {
	var b strings.Builder
	if putty {
		fmt.Fprintf(&b, "=~=~=~=~=~=~=~=~=~=~=~= PuTTY log 2026.%02d.%02d %02d:%02d:%02d =~=~=~=~=~=~=~=~=~=~=~=\n",
			1+g.rng.IntN(12), 1+g.rng.IntN(28), g.rng.IntN(24), g.rng.IntN(60), g.rng.IntN(60))
	} else {
		fmt.Fprintf(&b, "Script started on 2026-%02d-%02d %02d:%02d:%02d+00:00\n", 1+g.rng.IntN(12), 1+g.rng.IntN(28), g.rng.IntN(24), g.rng.IntN(60), g.rng.IntN(60))
	}
	fmt.Fprintf(&b, "Last login: Mon Mar  2 10:%02d:%02d 2026 from 10.1.%d.%d\n", g.rng.IntN(60), g.rng.IntN(60), g.rng.IntN(256), g.rng.IntN(256))
	fmt.Fprintf(&b, "\x1b[?1034h[bwadmin@%s ~]$ bwcli\n", host)
	b.WriteString("======================================================================\nBroadWorks Command Line Interface\n  Type HELP for more information\n======================================================================\n\n")
	b.WriteString(body)
	server := "AS"
	if strings.HasPrefix(host, "xsp") {
		server = "XSP"
	}
	fmt.Fprintf(&b, "%s_CLI> exit\nPlease confirm (Yes, Y, No, N): y\nThis session is now ending...\n[bwadmin@%s ~]$ logout\n", server, host)
	if !putty {
		b.WriteString("Script done on 2026-03-02 10:59:01+00:00\n")
	}
	return b.String()
}

// encodingOf picks how a host's file is stored: some hosts are captured
// with PuTTY on Windows (CRLF), and a few files were saved by a Windows
// editor as UTF-16.
func (g *spGen) encodingOf(i int) spEncoding {
	switch {
	case g.host%9 == 4 && i == 2:
		return spUTF16
	case g.host%4 == 1:
		return spCRLF
	}
	return spLF
}

func (g *spGen) as(cluster, host string, missingPatch bool) {
	g.host++
	dir := "hosts/" + host + "/"
	g.write(dir+"bwshowver.txt", spLF, fmt.Sprintf("[bwadmin@%s ~]$ bwshowver\nAS version Rel_24.0_1.944\n\nBuilt  Sat Jun  6 00:26:50 EDT 2020\n- BASE revision 909962\n- AS revision 909962\n\nPatching Info:\n  Active Patches: %d\n", host, 300+g.host%50))
	putty := g.host%4 == 1
	required := "AP.as.24.0.944.ap384177"
	if missingPatch {
		required = "AP.as.24.0.944.ap370326"
	}
	// The patch list: hundreds of patches, the one the checks require
	// among them.
	var rows [][]string
	seen := map[int]bool{384177: true, 370326: true}
	for len(rows) < 300+g.host%50 {
		n := 300000 + g.rng.IntN(99999)
		if !seen[n] {
			seen[n] = true
			rows = append(rows, []string{fmt.Sprintf("AP.as.24.0.944.ap%06d", n), "installed"})
		}
	}
	rows[g.rng.IntN(len(rows))] = []string{required, "installed"}
	patching := "AS_CLI> maintenance;patching;listPatch\n" + table([]string{"Patch Name", "State"}, rows) + "AS_CLI/Maintenance/Patching> cd /\n"
	g.write(dir+"patching.txt", g.encodingOf(0), g.session(host, patching, putty))
	g.write(dir+"interface-messaging.txt", g.encodingOf(2), g.session(host, "AS_CLI> int;mess;g\n"+
		"  provisioningUrl = https://broadworks-provisioning-bridge-a.wbx2.com/provisioning/v1/cust-templates/"+cluster+"\n"+
		"  provisioningUserId = w4b-prov-admin\n  provisioningPassword = ********\n  enableSynchronization = true\n"+
		"AS_CLI/Interface/Messaging> ..\n", putty))
	options := [][]string{{"provisioning", "bw.imp.useProvisioningUrl", "true"}}
	for range 20 + g.rng.IntN(40) {
		options = append(options, []string{g.pick(spContainers), "bw." + g.key(), g.value()})
	}
	g.write(dir+"container-options.txt", g.encodingOf(3), "AS_CLI/Maintenance/ContainerOptions> get\n"+table([]string{"Container Name", "Option Name", "Option Value"}, options))
	g.filler(dir, "AS", host, 9, 4)
}

func (g *spGen) xsp(host string, wrongFlag bool) {
	g.host++
	dir := "hosts/" + host + "/"
	putty := g.host%4 == 1
	user := "false"
	if wrongFlag {
		user = "true"
	}
	g.write(dir+"bwshowver.txt", spLF, "XSP version Rel_24.0_1.944\n\nApplications Info:\n- Xsi-Actions version 24.0_1.944 context path /com.broadsoft.xsi-actions\n"+
		"- AuthenticationService version 24.0_1.944 context path /authService\n")
	g.write(dir+"authservice-keys.sha256", spLF, "fc847471a141144ccf18474f804cea02c94792834b609fed3aa1a36e6fc94150  authService.keys\n")
	g.write(dir+"authentication.txt", g.encodingOf(0), g.session(host,
		"XSP_CLI> cd /System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication\n"+
			"XSP_CLI/System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication> get\n"+
			"  allowUserApp = "+user+"\n  allowClientApp = true\n"+
			"XSP_CLI/System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication> cd ../AuthService\n"+
			"XSP_CLI/System/CommunicationUtility/DefaultSettings/ExternalAuthentication/AuthService> get\n  url = http://127.0.0.1:80/authService\n"+
			"XSP_CLI/System/CommunicationUtility/DefaultSettings/ExternalAuthentication/AuthService> cd /Applications/AuthenticationService/TokenManagement\n"+
			"XSP_CLI/Applications/AuthenticationService/TokenManagement> get\n  tokenIssuer = BroadWorks\n  tokenDurationInHours = 1440\n"+
			"XSP_CLI/Applications/AuthenticationService/TokenManagement> cd /\n", putty))
	g.write(dir+"container-options.txt", g.encodingOf(2), "XSP_CLI/Maintenance/ContainerOptions> get\n"+
		table([]string{"Container Name", "Option Name", "Option Value"}, [][]string{{"tomcat", "bw.authservice.authServiceUrl", "http://127.0.0.1:80/authService"}}))
	g.write(dir+"identity-provider.txt", g.encodingOf(3), "XSP_CLI/Applications/AuthenticationService/IdentityProviders/Cisco> get\n  enabled = true\n  clientSecret = ********\n"+
		"  issuerUrl = https://idbroker.webex.com/idb\n  tokenInfoUrl = https://broadworks-idp-proxy-a.wbx2.com/broadworks-idp-proxy/api/v1/idp/authenticate\n"+
		"XSP_CLI/Applications/AuthenticationService/IdentityProviders/Cisco/Scopes> get\n"+table([]string{"Scope"}, [][]string{{"broadworks-connector:user"}}))
	ip := fmt.Sprintf("10.%d.%d.%d", 100+g.host/250%100, g.host%250, 10+g.rng.IntN(200))
	g.write(dir+"http-server.txt", g.encodingOf(4), "XSP_CLI/Interface/Http/HttpServer> get\n"+
		table([]string{"Interface IP", "Port", "Secure"}, [][]string{{ip, "443", "true"}})+
		"XSP_CLI/Interface/Http/HttpServer/SSLSettings/Protocols> get "+ip+" 443\n"+table([]string{"Protocol"}, [][]string{{"TLSv1.2"}}))
	g.filler(dir, "XSP", host, 6, 5)
}

// filler writes captures of contexts no check reads, files files from
// index first on: configuration blocks and tables of the sizes real
// contexts print, with the CLI's messages between them. A context read in
// more than one file prints the same each time, as a host's configuration
// does between captures, and no context is changed after it was read.
func (g *spGen) filler(dir, server, host string, files, first int) {
	putty := g.host%4 == 1
	shown := map[string]string{} // what a get of each context prints
	for f := range files {
		var b strings.Builder
		ctx := ""
		for range 4 + g.rng.IntN(6) {
			next := g.pick(spContexts)
			fmt.Fprintf(&b, "%s_CLI%s> cd /%s\n", server, slashed(ctx), next)
			ctx = next
			what := g.rng.IntN(5)
			out, read := shown[ctx]
			switch {
			case what == 4 && read:
				// The operator looked in and moved on: a change of a
				// context read before is what a clean snapshot does not
				// show.
				continue
			case what == 4:
				fmt.Fprintf(&b, "%s_CLI/%s> set %s %s\n...Done\n", server, ctx, g.key(), g.value())
				continue
			}
			if !read {
				out = g.configuration(what < 2)
				shown[ctx] = out
			}
			fmt.Fprintf(&b, "%s_CLI/%s> get\n%s", server, ctx, out)
		}
		fmt.Fprintf(&b, "%s_CLI/%s> cd /\n", server, ctx)
		i := first + f
		g.write(fmt.Sprintf("%scapture-%02d.txt", dir, i), g.encodingOf(i), g.session(host, b.String(), putty))
	}
}

// configuration is what a get of a context prints: key/value lines, or a
// table, sometimes after the CLI's message that it is fetching it.
func (g *spGen) configuration(block bool) string {
	var b strings.Builder
	if block {
		for range 5 + g.rng.IntN(30) {
			fmt.Fprintf(&b, "  %s = %s\n", g.key(), g.value())
		}
		return b.String()
	}
	if g.rng.IntN(3) == 0 {
		b.WriteString("Retrieving data... Please wait...\n")
	}
	cols := []string{"Name", "Address", "Port", "Transport", "Description"}[:2+g.rng.IntN(4)]
	var rows [][]string
	for range g.rng.IntN(60) {
		row := make([]string, len(cols))
		for i := range row {
			row[i] = g.value()
		}
		rows = append(rows, row)
	}
	b.WriteString(table(cols, rows))
	return b.String()
}

func slashed(ctx string) string {
	if ctx == "" {
		return ""
	}
	return "/" + ctx
}

// clusterData writes an AS cluster's tag sets and SIP device types as
// captured on its first AS: each tag set's OCI-P request and response in
// a file of its own, and the AS CLI's device type list with the details
// of the Webex types.
func (g *spGen) clusterData(as string, tagSets int) {
	dir := "hosts/" + as + "/"
	const doc = `<?xml version="1.0" encoding="ISO-8859-1"?>
<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <sessionId xmlns="">%s,%d</sessionId>
%s</BroadsoftDocument>
`
	// The system default set, which every other set is compared with,
	// and then the sets proper: "Webex" first.
	for i := range tagSets + 1 {
		name, choice := "system-default", "<systemDefaultTagSet>true</systemDefaultTagSet>"
		tags := [][2]string{{"%SNTP_SERVER%", "ntp.example.net"}, {"%TIMEZONE%", "Europe/Madrid"}}
		switch i {
		case 0:
		case 1:
			name = "Webex"
			tags = [][2]string{{"%SBC_ADDRESS_WXT%", "sbc.example.net"}, {"%SBC_PORT_WXT%", "5075"},
				{"%WEB_CALL_SETTINGS_TARGET_WXT%", "csw"}, {"%WEB_CALL_SETTINGS_URL_WXT%", "https://xsp.example.net/callsettings/"}}
		default:
			name, tags = fmt.Sprintf("%s-%03d", g.pick(spTagSetNames), i), nil
			seen := map[string]bool{}
			for range 20 + g.rng.IntN(100) {
				if tag := "%" + strings.ToUpper(g.key()) + "%"; !seen[tag] {
					seen[tag] = true
					tags = append(tags, [2]string{tag, g.value()})
				}
			}
			if i%37 == 5 && !g.repaired {
				// Imported without its closing sign.
				tags[0][0] = strings.TrimSuffix(tags[0][0], "%")
			}
		}
		if i > 0 {
			choice = "<tagSetName>" + name + "</tagSetName>"
		}
		var resp strings.Builder
		resp.WriteString(`  <command echo="" xsi:type="SystemDeviceManagementTagGetListResponse" xmlns="">
    <tagsTable>
      <colHeading>Tag Name</colHeading>
      <colHeading>Tag Value</colHeading>
      <colHeading>Is Overridable</colHeading>
`)
		for _, t := range tags {
			fmt.Fprintf(&resp, "      <row><col>%s</col><col>%s</col><col>%t</col></row>\n", t[0], t[1], g.rng.IntN(2) == 0)
		}
		resp.WriteString("    </tagsTable>\n  </command>\n")
		session := g.rng.IntN(1 << 30)
		g.write(fmt.Sprintf("%stagsets/%s.xml", dir, name), spLF,
			fmt.Sprintf(doc, as, session, `  <command xsi:type="SystemDeviceManagementTagGetListRequest" xmlns="">
    `+choice+`
  </command>
`)+fmt.Sprintf(doc, as, session, resp.String()))
	}
	var rows [][]string
	webex := []string{"Business Communicator - PC", "Connect - Mobile", "Business Communicator - Tablet"}
	for _, t := range webex {
		rows = append(rows, []string{t, "Intelligent Proxy Addressing", "false"})
	}
	for i := range 80 + g.rng.IntN(80) {
		rows = append(rows, []string{fmt.Sprintf("%s %d", g.pick(spDeviceModels), 100+i), g.pick([]string{"Intelligent Proxy Addressing", "Static Registration Capable"}), g.pick([]string{"false", "true"})})
	}
	types := "AS_CLI/System/DeviceType/SIP> get\n" + table([]string{"Device Type", "Profile", "Is Obsolete"}, rows)
	for i, t := range webex {
		types += fmt.Sprintf("AS_CLI/System/DeviceType/SIP> detail %q\n  deviceAccessProtocol = https\n  deviceAccessContextName = dms\n"+
			"  deviceAccessURI = %s\n  supportRemotePartyInfo = true\n  numberOfPorts = %s\n", t, []string{"bc/pc/", "bc/mobile/", "bc/tablet/"}[i], []string{"Unlimited", "1", "1"}[i])
	}
	g.write(dir+"devicetypes.txt", spLF, types)
}

// table prints rows the way the BroadWorks CLIs do: right-aligned columns
// two spaces apart, a rule of '=' and the count of entries.
func table(cols []string, rows [][]string) string {
	width := make([]int, len(cols))
	for i, c := range cols {
		width[i] = len(c)
	}
	for _, r := range rows {
		for i, c := range r {
			width[i] = max(width[i], len(c))
		}
	}
	var b bytes.Buffer
	line := func(cells []string) {
		for i, c := range cells {
			fmt.Fprintf(&b, "  %*s", width[i], c)
		}
		b.WriteByte('\n')
	}
	line(cols)
	total := 0
	for _, w := range width {
		total += w + 2
	}
	b.WriteString(strings.Repeat("=", total) + "\n")
	for _, r := range rows {
		line(r)
	}
	switch len(rows) {
	case 0:
		b.WriteString("\nNo entries found.\n")
	case 1:
		b.WriteString("\n1 entry found.\n")
	default:
		fmt.Fprintf(&b, "\n%d entries found.\n", len(rows))
	}
	return b.String()
}

func (g *spGen) pick(from []string) string { return from[g.rng.IntN(len(from))] }

// key makes an attribute name the way BroadWorks spells them.
func (g *spGen) key() string {
	return g.pick(spKeyFirst) + g.pick(spKeyRest) + g.pick(spKeyLast)
}

// value makes a value of one of the kinds configuration holds.
func (g *spGen) value() string {
	switch g.rng.IntN(7) {
	case 0:
		return g.pick([]string{"true", "false"})
	case 1:
		return fmt.Sprint(g.rng.IntN(65536))
	case 2:
		return fmt.Sprintf("10.%d.%d.%d", g.rng.IntN(256), g.rng.IntN(256), g.rng.IntN(256))
	case 3:
		return fmt.Sprintf("%s%d.%s.example.net", g.pick([]string{"ns", "ms", "as", "sbc", "db"}), g.rng.IntN(40), g.pick([]string{"east", "west", "core", "dmz"}))
	case 4:
		return fmt.Sprintf("https://%s.example.net:%d/%s", g.pick([]string{"xsp", "adp", "dms", "ps"}), 443+g.rng.IntN(8000), g.pick([]string{"dms", "xsi", "cti", "callsettings"}))
	case 5:
		return g.pick([]string{"UDP", "TCP", "TLS", "Unlimited", "Standard", "Enhanced"})
	}
	return g.pick([]string{"primary", "secondary", "standby", "lab", "prod"}) + "-" + fmt.Sprint(g.rng.IntN(1000))
}

var (
	spContexts = []string{
		"System/Alarm/SNMP", "System/ConfigAgent", "System/CPUMonitor", "System/Logging/InputChannels/GenericLogging",
		"System/Logging/OutputChannels/File", "System/Registration", "System/Networking/NetworkAccessLists",
		"Interface/SIP", "Interface/OCI", "Interface/SMDI", "Interface/MGCP", "Service/CallCenter", "Service/Voicemail",
		"Service/Conference", "Service/MusicOnHold", "Monitoring/Report", "Maintenance/Scheduler",
		"Applications/OpenClientServer/GeneralSettings", "Applications/ExecutionAndProvisioning/CPL",
	}
	spContainers   = []string{"tomcat", "execution", "provisioning", "openclientserver", "xsi-actions", "webcontainer"}
	spKeyFirst     = []string{"max", "min", "default", "enable", "use", "allow", "primary", "secondary", "trusted", "local", "remote"}
	spKeyRest      = []string{"Session", "Retry", "Timer", "Queue", "Log", "Cache", "Connection", "Transport", "Address", "Port", "Media", "Audio"}
	spKeyLast      = []string{"Count", "Interval", "Seconds", "Size", "Enabled", "Limit", "Host", "Mode", "Level", "Threshold"}
	spTagSetNames  = []string{"Polycom", "Yealink", "Cisco-MPP", "AudioCodes", "Grandstream", "Softphone", "Enterprise"}
	spDeviceModels = []string{"Polycom VVX", "Yealink T5", "Cisco MPP 88", "AudioCodes 4", "Grandstream GRP", "Generic SIP Phone"}
)
