package ocip

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/google/go-cmp/cmp"
)

const (
	open  = `<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><sessionId xmlns="">s</sessionId>`
	close = `</BroadsoftDocument>`
)

// version is a document answering SystemSoftwareVersionGetRequest.
func version(v string) string {
	return open + `<command echo="" xsi:type="SystemSoftwareVersionGetResponse" xmlns=""><version>` + v + `</version></command>` + close
}

// summary lists the versions read and the problems, for short tests.
func summary(f *File, probs []source.Problem) []string {
	var out []string
	if f != nil {
		for _, r := range f.Releases {
			out = append(out, fmt.Sprintf("version %q@%s", r.Version.Text, span(r.Version.Range())))
		}
	}
	for _, p := range probs {
		out = append(out, fmt.Sprintf("%s %s: %s", span(p.Range), p.Severity, p.Message))
	}
	return out
}

func TestMalformed(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{{
		name: "references, CDATA and comments in a value",
		text: version(`24.0_1.944 &amp; &#x41;&#66;<![CDATA[<x>]]><!-- note -->`),
		want: []string{`version "24.0_1.944 & AB<x>"@1:211-1:267`},
	}, {
		name: "a cut-off document before a whole one",
		text: open + `<command xsi:type="SystemSoftwareVersionGetResponse"><version>2` + "\n" + version("25"),
		want: []string{
			`version "25"@2:211-2:213`,
			`2:1-2:2 error: not well-formed XML: a new <BroadsoftDocument> starts inside <BroadsoftDocument>: the document before it is cut off; the OCI-P document is not read`,
		},
	}, {
		name: "cut off at the end of the file",
		text: version("1") + "\n" + open + `<command xsi:type="X">`,
		want: []string{
			`version "1"@1:211-1:212`,
			`2:132-2:140 error: not well-formed XML: element <command> is not closed before the end of the file: the document is cut off; the OCI-P document is not read`,
		},
	}, {
		name: "an XML declaration inside a document",
		text: open + `<command xsi:type="X">` + `<?xml version="1.0"?>` + version("1"),
		want: []string{
			`version "1"@1:385-1:386`,
			`1:154-1:159 error: not well-formed XML: an XML declaration inside <BroadsoftDocument>: the document before it is cut off; the OCI-P document is not read`,
		},
	}, {
		name: "mismatched end tag",
		text: open + `<command xsi:type="SystemSoftwareVersionGetResponse"><version>1</versio></command>` + close,
		want: []string{`1:195-1:204 error: not well-formed XML: end tag </versio> does not close <version>, which opens 10 bytes before it; the OCI-P document is not read`},
	}, {
		name: "unknown entity",
		text: version("caf&eacute;"),
		want: []string{`1:214-1:222 error: not well-formed XML: entity reference &eacute; is not one of XML's own (&lt; &gt; &amp; &quot; &apos;); bwlint expands no other entity; the OCI-P document is not read`},
	}, {
		name: "bare ampersand and bad character reference",
		text: version("AT&T") + "\n" + version("&#0;"),
		want: []string{
			`1:213-1:214 error: not well-formed XML: '&' that starts no entity reference; write it as &amp;; the OCI-P document is not read`,
			`2:211-2:215 error: not well-formed XML: character reference &#0; is not a character XML allows; the OCI-P document is not read`,
		},
	}, {
		name: "attribute errors",
		text: strings.Replace(version("1"), `echo=""`, `echo=x`, 1) + "\n" +
			strings.Replace(version("1"), `echo=""`, `echo="" echo=""`, 1) + "\n" +
			strings.Replace(version("1"), `echo=""`, `echo="a<b"`, 1) + "\n" +
			strings.Replace(version("1"), `echo=""`, `echo=""xsi:type="Y"`, 1),
		want: []string{
			`1:141-1:145 error: not well-formed XML: the value of attribute echo of <command> is not quoted; the OCI-P document is not read`,
			`2:149-2:153 error: not well-formed XML: attribute echo appears twice on <command>; the OCI-P document is not read`,
			`3:148-3:149 error: not well-formed XML: '<' in the value of attribute echo of <command>; the OCI-P document is not read`,
			`4:148-4:149 error: not well-formed XML: attributes in start tag <command> must be separated by white space; the OCI-P document is not read`,
		},
	}, {
		name: "a DOCTYPE escaped in a SOAP envelope refuses the file",
		text: `<arg0>&lt;!DOCTYPE x [&lt;!ENTITY a "b"&gt;]&gt;` + strings.ReplaceAll(strings.ReplaceAll(version("&a;"), "<", "&lt;"), ">", "&gt;") + `</arg0>`,
		want: []string{`1:7-1:19 error: file holds a DOCTYPE declaration: OCI-P documents have none, and bwlint expands no entities, so the file is not read; remove the declaration`},
	}, {
		// An unescaped quote ends the literal before the document: the
		// document is then read as plain XML.
		name: "a quote that ends a Python literal early",
		text: `SEND: b'<?xml version='1.0'?>\n` + version("3") + "'",
		want: []string{`version "3"@1:242-1:243`},
	}, {
		name: "Python literal not closed on its line",
		text: `RECV: b'` + version("3") + "\n'\n",
		want: []string{`1:7-1:9 error: Python bytes literal is not closed on its line, or holds a malformed escape; the OCI-P document in it is not read`},
	}, {
		name: "no document",
		text: "2025-03-04 10:00:00 connected to as1.example.net:2208\n",
		want: []string{`1:1-1:1 error: no OCI-P document (<BroadsoftDocument protocol="OCI">) in this file`},
	}, {
		name: "command without type, document without protocol or commands, foreign namespace",
		text: `<BroadsoftDocument xmlns="urn:other"><sessionId>s</sessionId><command><x/></command><extra/></BroadsoftDocument>`,
		want: []string{
			`1:1-1:113 warning: <BroadsoftDocument> is in namespace "urn:other"; OCI-P documents are in namespace "C"; read anyway`,
			`1:1-1:19 warning: <BroadsoftDocument> has no protocol attribute; OCI-P documents say protocol="OCI"`,
			`1:62-1:70 error: <command> has no xsi:type attribute, so its kind is unknown; it is not read`,
			`1:85-1:91 warning: unexpected element <extra> in <BroadsoftDocument> is not read`,
			`1:1-1:19 warning: <BroadsoftDocument> holds no command`,
		},
	}, {
		name: "text beside child elements",
		text: strings.Replace(version("1"), `<version>`, `stray<version>`, 1),
		want: []string{
			`version "1"@1:216-1:217`,
			`1:132-1:132 warning: text beside the child elements of <command> is not read; OCI-P elements hold either text or elements`,
		},
	}, {
		name: "namespace prefixes as other XML tools write them",
		text: `<ns0:BroadsoftDocument xmlns:ns0="C" xmlns:i="http://www.w3.org/2001/XMLSchema-instance" protocol="OCI"><command i:type="SystemSoftwareVersionGetResponse"><version>7</version></command></ns0:BroadsoftDocument>`,
		want: []string{`version "7"@1:165-1:166`},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, probs := Parse("f.xml", tt.text, Options{})
			checkInvariants(t, f, probs)
			if diff := cmp.Diff(tt.want, summary(f, probs)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestLimits(t *testing.T) {
	small := Limits{Depth: 4, Elements: 12, Attributes: 3, Name: 20, AttributeValue: 50, Text: 8}
	tests := []struct {
		name string
		text string
		want string
	}{
		{"depth", open + `<command xsi:type="SystemSoftwareVersionGetResponse"><a><b><c>1</c></b></a></command>` + close,
			`1:191-1:192 error: elements nest more than 4 deep; OCI-P needs about ten; the OCI-P document is not read, lest a hostile file exhaust memory`},
		{"attributes", strings.Replace(version("1"), `echo=""`, `echo="" a="1"`, 1),
			`1:199-1:200 error: more than 3 attributes on <command>; the OCI-P document is not read, lest a hostile file exhaust memory`},
		{"name", strings.ReplaceAll(version("1"), "<version>", "<versionversionversion>"),
			`1:203-1:204 error: a name of 21 bytes, more than the 20 allowed; the OCI-P document is not read, lest a hostile file exhaust memory`},
		{"attribute value", strings.Replace(version("1"), `echo=""`, `echo="`+strings.Repeat("e", 51)+`"`, 1),
			`1:146-1:147 error: the value of attribute echo of <command> is 51 bytes long, more than the 50 allowed; the OCI-P document is not read, lest a hostile file exhaust memory`},
		{"text", version("123456789"),
			`1:202-1:210 error: element <version> holds 9 bytes, more than the 8 allowed; the OCI-P document is not read, lest a hostile file exhaust memory`},
		{"elements per file", version("1") + version("2") + version("3") + version("4"),
			`1:754-1:755 error: more than 12 elements in one file; split the capture into smaller files; the OCI-P document is not read, lest a hostile file exhaust memory`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, probs := Parse("f.xml", tt.text, Options{Limits: small})
			checkInvariants(t, f, probs)
			var got []string
			for _, p := range probs {
				got = append(got, fmt.Sprintf("%s %s: %s", span(p.Range), p.Severity, p.Message))
			}
			if len(got) == 0 || got[0] != tt.want {
				t.Errorf("problems %q, want first %q", got, tt.want)
			}
		})
	}
}

func TestParseName(t *testing.T) {
	tests := []struct {
		in   string
		want Name
	}{
		{"UserGetResponse22V2", Name{"UserGetResponse22V2", "UserGet", KindResponse, "22V2"}},
		{"SystemSIPDeviceTypeGetResponse23V13", Name{"SystemSIPDeviceTypeGetResponse23V13", "SystemSIPDeviceTypeGet", KindResponse, "23V13"}},
		{"LoginRequest14sp4", Name{"LoginRequest14sp4", "Login", KindRequest, "14sp4"}},
		{"SystemSoftwareVersionGetResponseRI", Name{"SystemSoftwareVersionGetResponseRI", "SystemSoftwareVersionGet", KindResponse, "RI"}},
		{"UserSharedCallAppearanceGetRequest21sp1", Name{"UserSharedCallAppearanceGetRequest21sp1", "UserSharedCallAppearanceGet", KindRequest, "21sp1"}},
		{"c:ErrorResponse", Name{"ErrorResponse", "Error", KindResponse, ""}},
		{" SuccessResponse ", Name{"SuccessResponse", "Success", KindResponse, ""}},
		{"GroupCallCenterGetAnnouncementFileListRequest", Name{"GroupCallCenterGetAnnouncementFileListRequest", "GroupCallCenterGetAnnouncementFileList", KindRequest, ""}},
		{"UserGetResponse22Vx", Name{"UserGetResponse22Vx", "UserGetResponse22Vx", "", ""}},
		{"Response", Name{"Response", "Response", "", ""}},
		{"SomethingElse", Name{"SomethingElse", "SomethingElse", "", ""}},
	}
	for _, tt := range tests {
		if got := ParseName(tt.in); got != tt.want {
			t.Errorf("ParseName(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
	if !ParseName("SystemSoftwareVersionGetResponseRI").Is("SystemSoftwareVersionGet", KindResponse) {
		t.Error("Is must hold for any version")
	}
}

// TestPairing checks that a response takes the request of its own
// session, and none when the commands do not match.
func TestPairing(t *testing.T) {
	doc := func(session, cmds string) string {
		return `<BroadsoftDocument protocol="OCI"><sessionId>` + session + `</sessionId>` + cmds + close + "\n"
	}
	req := func(set string) string {
		return `<command xsi:type="SystemDeviceManagementTagGetListRequest"><tagSetName>` + set + `</tagSetName></command>`
	}
	const resp = `<command xsi:type="SystemDeviceManagementTagGetListResponse"><tagsTable><colHeading>Tag Name</colHeading><colHeading>Tag Value</colHeading><colHeading>Is Overridable</colHeading></tagsTable></command>`
	text := doc("A", req("Set-A")) + doc("B", req("Set-B")) + doc("A", resp) + doc("B", resp) +
		doc("C", `<command xsi:type="UserGetRequest23V2"><userId>u</userId></command>`) + doc("C", resp)
	f, probs := Parse("log.xml", text, Options{})
	checkInvariants(t, f, probs)
	var names []string
	for _, s := range f.TagSets {
		names = append(names, s.Name)
	}
	if diff := cmp.Diff([]string{"Set-A", "Set-B"}, names); diff != "" {
		t.Errorf("tag sets (-want +got):\n%s", diff)
	}
	if c := f.Commands[5]; c.Request != nil {
		t.Errorf("a tag list answers a UserGet request at line %d", c.Request.Range().Start.Line)
	}
	if len(probs) != 1 || !strings.Contains(probs[0].Message, "answers a request this file does not hold, so the tag set it lists is unknown") {
		t.Errorf("problems %v; want one about the unanswered tag list", probs)
	}
}

// TestElements checks the generic view of a command that bwlint has no
// typed use for: fields, nested fields, tables and attributes.
func TestElements(t *testing.T) {
	text := open + `<command echo="e1" xsi:type="GroupDnGetAssignmentListResponse" xmlns=""><dnTable>` +
		`<colHeading>Phone Numbers</colHeading><colHeading>Assigned To</colHeading><colHeading>Activated</colHeading>` +
		`<row><col>+1-5551234567</col><col>Hungus,Karl</col><col>true</col></row>` +
		`<row><col>+1-5551231207 - +1-5551231210</col><col/><col>true</col></row></dnTable>` +
		`<nested><inner>x &lt; y</inner></nested></command>` + close
	f, probs := Parse("f.xml", text, Options{})
	checkInvariants(t, f, probs)
	if len(probs) != 0 {
		t.Fatalf("problems: %v", probs)
	}
	c := f.Commands[0]
	if c.Contribution != "" || c.Name.Base != "GroupDnGetAssignmentList" {
		t.Errorf("command %+v contributes %q", c.Name, c.Contribution)
	}
	var names []string
	for _, e := range c.Element().Children() {
		names = append(names, e.Name())
	}
	if diff := cmp.Diff([]string{"dnTable", "nested"}, names); diff != "" {
		t.Errorf("fields (-want +got):\n%s", diff)
	}
	if v := c.Field("nested", "inner"); v.Text != "x < y" {
		t.Errorf("nested field %q", v.Text)
	}
	if v := c.Field("nested"); v.Present() {
		t.Errorf("an element with children has a value: %q", v.Text)
	}
	if echo, ok := c.Element().Attr("echo"); !ok || echo.Text != "e1" {
		t.Errorf("echo %q, %v", echo.Text, ok)
	}
	tbl, ok := c.Table("dnTable")
	if !ok {
		t.Fatal("no table")
	}
	col := tbl.Column(" assigned  to ")
	var cells []string
	for _, r := range tbl.Rows {
		cells = append(cells, show(r.Cell(col)))
	}
	want := []string{`"Hungus,Karl"@1:355-1:366`, `""@1:442-1:442`}
	if diff := cmp.Diff(want, cells); diff != "" {
		t.Errorf("Assigned To column (-want +got):\n%s", diff)
	}
	if _, ok := c.Element().Child("nested"); !ok {
		t.Error("Child(nested) not found")
	}
	if nested, _ := c.Element().Child("nested"); func() bool { _, ok := nested.Table(); return ok }() {
		t.Error("an element without headings read as a table")
	}
}

// TestHostileLines feeds inputs that a careless search would read in
// quadratic time: every candidate start scanning to the end of a long
// line. The test has no timing assertion; a quadratic reader would take
// hours and the test binary's timeout would stop it.
func TestHostileLines(t *testing.T) {
	for name, text := range map[string]string{
		"escaped starts without end tags": strings.Repeat("&lt;BroadsoftDocument ", 100000),
		"Python literals never closed":    strings.Repeat("b'<BroadsoftDocument ", 100000),
		"declarations before every start": strings.Repeat(`<?xml version="1.0"?> <BroadsoftDocument `, 100000),
		"start tags never closed":         strings.Repeat("<BroadsoftDocument>x", 100000),
	} {
		t.Run(name, func(t *testing.T) {
			f, probs := Parse("f.xml", text, Options{})
			if f != nil || len(probs) == 0 || len(probs) > maxBroken+1 {
				t.Errorf("read %v with %d problems; want no file and at most %d problems", f != nil, len(probs), maxBroken+1)
			}
		})
	}
}

// TestUserAliases checks that a user asked for by an alternate id is one
// user, under the primary id the response gives, with the services a
// request under the alternate id returned.
func TestUserAliases(t *testing.T) {
	doc := func(cmd string) string {
		return `<BroadsoftDocument protocol="OCI"><sessionId>s</sessionId>` + cmd + close + "\n"
	}
	text := doc(`<command xsi:type="UserGetRequest23V2"><userId>alias@example.net</userId></command>`) +
		doc(`<command xsi:type="UserGetResponse23V2"><serviceProviderId>SP</serviceProviderId><groupId>G</groupId><userId>primary@example.net</userId><lastName>L</lastName><firstName>F</firstName><emailAddress>p@example.net</emailAddress></command>`) +
		doc(`<command xsi:type="UserServiceGetAssignmentListRequest"><userId>ALIAS@example.net</userId></command>`) +
		doc(`<command xsi:type="UserServiceGetAssignmentListResponse"><userServicesAssignmentTable><colHeading>Service Name</colHeading><colHeading>Assigned</colHeading><row><col>Integrated IMP</col><col>true</col></row><row><col>Call Waiting</col><col>maybe</col></row></userServicesAssignmentTable></command>`) +
		doc(`<command xsi:type="UserGetRequest23V2"><userId>primary@example.net</userId></command>`) +
		doc(`<command xsi:type="UserGetResponse23V2"><userId>primary@example.net</userId><emailAddress>other@example.net</emailAddress></command>`)
	f, probs := Parse("users.xml", text, Options{})
	checkInvariants(t, f, probs)
	if len(f.Users) != 1 {
		t.Fatalf("%d users, want 1", len(f.Users))
	}
	u := f.Users[0]
	if u.UserID.Text != "primary@example.net" || !u.HasService("Integrated IMP") || u.HasService("Call Waiting") {
		t.Errorf("user %q with services %v", u.UserID.Text, u.Services)
	}
	want := []string{
		`4:299-4:304 warning: Assigned of service "Call Waiting" is "maybe"; want "true" or "false"`,
		`6:149-6:166 warning: user "primary@example.net" has another emailAddress here than at line 2; the first is used`,
	}
	var got []string
	for _, p := range probs {
		got = append(got, fmt.Sprintf("%s %s: %s", span(p.Range), p.Severity, p.Message))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	for _, p := range probs {
		if strings.Contains(p.Message, "p@example.net") || strings.Contains(p.Message, "other@example.net") {
			t.Errorf("a problem quotes an email address: %s", p.Message)
		}
	}
}
