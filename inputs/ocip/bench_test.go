package ocip

import (
	"fmt"
	"strings"
	"testing"
)

// benchLog generates a client's request/response log of about size
// bytes, in the mix a provisioning audit produces: user details with
// non-ASCII names (one-line responses after pretty-printed requests),
// service assignment tables, device lists, a tag set now and then, error
// responses, and a share of documents logged as Python bytes literals or
// inside SOAP envelopes.
func benchLog(size int) string {
	var b strings.Builder
	b.Grow(size + 1<<16)
	const decl = `<?xml version="1.0" encoding="ISO-8859-1"?>`
	const root = `<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`
	first := []string{"José", "Zoë", "Ana", "Łukasz", "Mary", "Jean-François"}
	last := []string{"Muñoz", "Ångström", "Silva", "Wróbel", "O'Brien", "Lefèvre"}
	for n := 0; b.Len() < size; n++ {
		ts := fmt.Sprintf("2025-03-04 10:%02d:%02d,%03d", n/3600%60, n/60%60, n%1000)
		user := fmt.Sprintf("user%06d@example.net", n)
		session := fmt.Sprintf("as1.example.net,1709547611,%d", n%97)
		reqDoc := func(cmd string) string {
			return decl + "\n" + root + "\n  <sessionId xmlns=\"\">" + session + "</sessionId>\n" + cmd + "</BroadsoftDocument>\n"
		}
		respDoc := func(cmd string) string {
			return decl + root + `<sessionId xmlns="">` + session + `</sessionId>` + cmd + "</BroadsoftDocument>\n"
		}
		exchange := func(what, req, resp string) {
			switch n % 20 {
			case 7: // a Python client's bytes literals
				fmt.Fprintf(&b, "%s broadworks_ocip.api Level 5 SEND: %s\n", ts, pyBytes(reqDoc(req)))
				fmt.Fprintf(&b, "%s broadworks_ocip.api Level 5 RECV: %s\n", ts, pyBytes(respDoc(resp)))
			case 13: // SOAP
				fmt.Fprintf(&b, "%s soap request <soapenv:Envelope><soapenv:Body><processOCIMessage><arg0>%s</arg0></processOCIMessage></soapenv:Body></soapenv:Envelope>\n", ts, xmlEscape(reqDoc(req)))
				fmt.Fprintf(&b, "%s soap response <soapenv:Envelope><soapenv:Body><processOCIMessageResponse><ns1:processOCIMessageReturn xmlns:ns1=\"urn:com:broadsoft:webservice\">%s</ns1:processOCIMessageReturn></processOCIMessageResponse></soapenv:Body></soapenv:Envelope>\n", ts, xmlEscape(respDoc(resp)))
			default:
				fmt.Fprintf(&b, "[%s] ocip.DEBUG: request %s\n%s", ts, what, reqDoc(req))
				fmt.Fprintf(&b, "[%s] ocip.DEBUG: response %s\n%s", ts, what, respDoc(resp))
			}
		}
		exchange("UserGetRequest23V2",
			"  <command xsi:type=\"UserGetRequest23V2\" xmlns=\"\">\n    <userId>"+user+"</userId>\n  </command>\n",
			`<command echo="" xsi:type="UserGetResponse23V2" xmlns=""><serviceProviderId>Iberia</serviceProviderId><groupId>G`+fmt.Sprint(n%50)+`</groupId><userId>`+user+`</userId><lastName>`+last[n%len(last)]+`</lastName><firstName>`+first[n%len(first)]+`</firstName><callingLineIdLastName>`+last[n%len(last)]+`</callingLineIdLastName><callingLineIdFirstName>`+first[n%len(first)]+`</callingLineIdFirstName><phoneNumber>91555`+fmt.Sprintf("%04d", n%10000)+`</phoneNumber><extension>`+fmt.Sprintf("%04d", n%10000)+`</extension><language>English</language><timeZone>Europe/Madrid</timeZone><timeZoneDisplayName>(GMT+01:00) Europe/Madrid</timeZoneDisplayName><defaultAlias>`+user+`</defaultAlias><accessDeviceEndpoint><accessDevice><deviceLevel>Group</deviceLevel><deviceName>dev-`+fmt.Sprint(n)+`</deviceName></accessDevice><linePort>`+user+`</linePort><staticRegistrationCapable>false</staticRegistrationCapable><useDomain>true</useDomain><supportVisualDeviceManagement>false</supportVisualDeviceManagement><useHotline>false</useHotline></accessDeviceEndpoint><emailAddress>`+user+`</emailAddress><countryCode>34</countryCode><allowVideo>true</allowVideo></command>`)
		var rows strings.Builder
		for i := range 20 {
			fmt.Fprintf(&rows, "<row><col>Service %d</col><col>%v</col></row>", i, i%3 == 0)
		}
		exchange("UserServiceGetAssignmentListRequest",
			"  <command xsi:type=\"UserServiceGetAssignmentListRequest\" xmlns=\"\">\n    <userId>"+user+"</userId>\n  </command>\n",
			`<command echo="" xsi:type="UserServiceGetAssignmentListResponse" xmlns=""><servicePacksAssignmentTable><colHeading>Service Pack Name</colHeading><colHeading>Assigned</colHeading><colHeading>Description</colHeading></servicePacksAssignmentTable><userServicesAssignmentTable><colHeading>Service Name</colHeading><colHeading>Assigned</colHeading><row><col>Integrated IMP</col><col>true</col></row>`+rows.String()+`</userServicesAssignmentTable></command>`)
		if n%10 == 0 {
			var devs strings.Builder
			for i := range 30 {
				fmt.Fprintf(&devs, "<row><col>dev-%d</col><col>Business Communicator - PC</col><col>Unlimited</col><col/><col/><col>Online</col><col/><col/></row>", n+i)
			}
			exchange("GroupAccessDeviceGetListRequest",
				"  <command xsi:type=\"GroupAccessDeviceGetListRequest\" xmlns=\"\">\n    <serviceProviderId>Iberia</serviceProviderId>\n    <groupId>G"+fmt.Sprint(n%50)+"</groupId>\n  </command>\n",
				`<command echo="" xsi:type="GroupAccessDeviceGetListResponse" xmlns=""><accessDeviceTable><colHeading>Device Name</colHeading><colHeading>Device Type</colHeading><colHeading>Available Ports</colHeading><colHeading>Net Address</colHeading><colHeading>MAC Address</colHeading><colHeading>Status</colHeading><colHeading>Version</colHeading><colHeading>Access Device External Id</colHeading>`+devs.String()+`</accessDeviceTable></command>`)
		}
		if n%50 == 0 {
			var tags strings.Builder
			for i := range 50 {
				fmt.Fprintf(&tags, "<row><col>%%TAG_%d_WXT%%</col><col>value-%d.example.net</col><col>true</col></row>", i, n+i)
			}
			exchange("SystemDeviceManagementTagGetListRequest",
				"  <command xsi:type=\"SystemDeviceManagementTagGetListRequest\" xmlns=\"\">\n    <tagSetName>Set-"+fmt.Sprint(n)+"</tagSetName>\n  </command>\n",
				`<command echo="" xsi:type="SystemDeviceManagementTagGetListResponse" xmlns=""><tagsTable><colHeading>Tag Name</colHeading><colHeading>Tag Value</colHeading><colHeading>Is Overridable</colHeading>`+tags.String()+`</tagsTable></command>`)
		}
		if n%100 == 99 {
			exchange("UserGetRequest23V2",
				"  <command xsi:type=\"UserGetRequest23V2\" xmlns=\"\">\n    <userId>gone-"+user+"</userId>\n  </command>\n",
				`<command type="Error" echo="" xsi:type="c:ErrorResponse" xmlns:c="C" xmlns=""><summary>[Error 4008] User not found: gone-`+user+`</summary><summaryEnglish>[Error 4008] User not found: gone-`+user+`</summaryEnglish></command>`)
		}
	}
	return b.String()
}

// pyBytes writes s, ISO-8859-1 encoded, as Python prints a bytes value.
func pyBytes(s string) string {
	var b strings.Builder
	b.WriteString("b'")
	for _, r := range s {
		switch {
		case r == '\'':
			b.WriteString(`\'`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r < 0x20 || r >= 0x7f && r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r >= 0x100:
			b.WriteString("?")
		default:
			b.WriteRune(r)
		}
	}
	b.WriteString("'")
	return b.String()
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

// BenchmarkRead reads a generated 50 MB log; go test -bench Read
// -benchmem reports MB/s and allocations.
func BenchmarkRead(b *testing.B) {
	text := benchLog(50 << 20)
	raw := []byte(text)
	f, probs := Read("bench.log", raw, Options{})
	if f == nil || len(f.Users) == 0 {
		b.Fatalf("benchmark log yields no users: %v", probs[:min(3, len(probs))])
	}
	for _, p := range probs {
		if !strings.Contains(p.Message, "User not found") {
			b.Fatalf("unexpected problem: %v", p)
		}
	}
	b.Logf("%d bytes, %d documents, %d commands, %d elements, %d users, %d problems",
		len(raw), len(f.Documents), len(f.Commands), len(f.arena.nodes), len(f.Users), len(probs))
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		Read("bench.log", raw, Options{})
	}
}
