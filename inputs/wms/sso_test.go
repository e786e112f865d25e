package wms

import (
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/bwlint/bwlint/inputs/source"
)

// items lists every item of a message with a label.
func items(m *SAMLMessage) []struct {
	label string
	item  Item
} {
	var out []struct {
		label string
		item  Item
	}
	add := func(label string, it Item) {
		if it.Present() {
			out = append(out, struct {
				label string
				item  Item
			}{label, it})
		}
	}
	add("root", m.Root)
	add("id", m.ID)
	add("inResponseTo", m.InResponseTo)
	add("issueInstant", m.IssueInstant)
	add("destination", m.Destination)
	add("issuer", m.Issuer)
	add("status", m.StatusCode)
	add("substatus", m.SubStatusCode)
	add("statusMessage", m.StatusMessage)
	for i, a := range m.Assertions {
		p := fmt.Sprintf("assertion[%d].", i)
		add(p+"id", a.ID)
		add(p+"issueInstant", a.IssueInstant)
		add(p+"issuer", a.Issuer)
		add(p+"nameID", a.NameID.Value)
		add(p+"nameID.format", a.NameID.Format)
		add(p+"nameID.nameQualifier", a.NameID.NameQualifier)
		add(p+"nameID.spNameQualifier", a.NameID.SPNameQualifier)
		for j, sc := range a.SubjectConfirmations {
			q := fmt.Sprintf("%sconfirmation[%d].", p, j)
			add(q+"method", sc.Method)
			add(q+"notBefore", sc.NotBefore)
			add(q+"notOnOrAfter", sc.NotOnOrAfter)
			add(q+"recipient", sc.Recipient)
			add(q+"inResponseTo", sc.InResponseTo)
		}
		add(p+"conditions.notBefore", a.Conditions.NotBefore)
		add(p+"conditions.notOnOrAfter", a.Conditions.NotOnOrAfter)
		for _, au := range a.Conditions.Audiences {
			add(p+"audience", au)
		}
		add(p+"authnInstant", a.AuthnInstant)
		add(p+"sessionNotOnOrAfter", a.SessionNotOnOrAfter)
		add(p+"authnContext", a.AuthnContextClassRef)
		for _, at := range a.Attributes {
			q := p + "attribute " + at.Name.Text
			add(q+" name", at.Name)
			add(q+" nameFormat", at.NameFormat)
			add(q+" friendlyName", at.FriendlyName)
			for _, v := range at.Values {
				add(q+" value", v)
			}
		}
	}
	return out
}

// unescapeXML resolves the escapes of raw XML text the way the parser
// does.
func unescapeXML(t testing.TB, raw string) string {
	t.Helper()
	var s string
	if err := xml.Unmarshal([]byte("<x>"+raw+"</x>"), &s); err != nil {
		// An attribute value may hold a quote of the other kind; it is
		// text all the same.
		if err := xml.Unmarshal([]byte("<x>"+strings.ReplaceAll(raw, "<", "&lt;")+"</x>"), &s); err != nil {
			t.Fatalf("unescape %q: %v", raw, err)
		}
	}
	return s
}

// checkSSO checks every item of m against the file text and the decoded
// document: Doc slices back to the value as written; Range slices back to
// it in the file, directly for XML, through base64 for an encoded value.
func checkSSO(t testing.TB, m *SAMLMessage, text string) {
	t.Helper()
	doc := m.document
	fileIx, docIx := source.NewIndex(m.Path, text), source.NewIndex(m.DecodedName, doc)
	for _, s := range m.Secrets() {
		checkRange(t, "secret", fileIx, s)
	}
	for _, e := range items(m) {
		it, what := e.item, e.label
		checkRange(t, what+" (doc)", docIx, it.Doc)
		checkRange(t, what, fileIx, it.Range())
		raw := doc[it.Doc.Start.Byte:it.Doc.End.Byte]
		if it.Secret {
			if it.Text != "" {
				t.Fatalf("%s: secret item keeps its text", what)
			}
			if !covered(m.Secrets(), it.Range()) {
				t.Fatalf("%s: secret item at %s not among the secrets", what, span(it.Range()))
			}
		} else if got := strings.TrimSpace(unescapeXML(t, raw)); got != it.Text && raw != it.Text {
			t.Fatalf("%s: text %q but its document range holds %q", what, it.Text, raw)
		}
		switch m.Form {
		case FormXML:
			if it.Range() != it.Doc {
				t.Fatalf("%s: an XML capture's ranges differ: %+v, %+v", what, it.Range(), it.Doc)
			}
		case FormDeflate:
			if it.Range() != m.Encoded {
				t.Fatalf("%s: a compressed value's items point at %s, want the whole value %s", what, span(it.Range()), span(m.Encoded))
			}
		case FormBase64:
			checkBase64(t, what, m, text, it, raw)
		}
	}
}

// checkBase64 decodes the base64 characters of the item's file range and
// finds the value's XML where it must stand.
func checkBase64(t testing.TB, what string, m *SAMLMessage, text string, it Item, raw string) {
	t.Helper()
	if it.Range().Start.Byte < m.Encoded.Start.Byte || it.Range().End.Byte > m.Encoded.End.Byte {
		t.Fatalf("%s: %s lies outside the encoded value %s", what, span(it.Range()), span(m.Encoded))
	}
	v, bad := readValue(text, it.Range().Start.Byte, it.Range().End.Byte, m.URLEncoded)
	if bad != nil {
		t.Fatalf("%s: %s does not read as base64: %s", what, span(it.Range()), bad.msg)
	}
	chars := bytes.TrimRight(v.chars, "=")
	got, err := base64.RawStdEncoding.DecodeString(string(chars))
	if err != nil {
		t.Fatalf("%s: %s: %v", what, span(it.Range()), err)
	}
	off := it.Doc.Start.Byte % 3
	if !bytes.HasPrefix(got[off:], []byte(raw)) {
		t.Fatalf("%s: the base64 at %s decodes to %q, want %q at %d", what, span(it.Range()), got, raw, off)
	}
}

func covered(ranges []hcl.Range, r hcl.Range) bool {
	for _, s := range ranges {
		if s.Start.Byte <= r.Start.Byte && r.End.Byte <= s.End.Byte {
			return true
		}
	}
	return false
}

func describeSSO(m *SAMLMessage) []string {
	out := []string{fmt.Sprintf("form %s url-encoded %v encoded %s assertions %d encrypted %d signed %v", m.Form, m.URLEncoded, span(m.Encoded), len(m.Assertions), m.EncryptedAssertions, m.Signed)}
	for i, a := range m.Assertions {
		out = append(out, fmt.Sprintf("assertion[%d] signed %v encryptedID %v conditions %v attributes %d", i, a.Signed, a.EncryptedID, a.Conditions.Present, len(a.Attributes)))
	}
	for _, e := range items(m) {
		line := fmt.Sprintf("%s %q file %s doc %s", e.label, e.item.Text, span(e.item.Range()), span(e.item.Doc))
		if e.item.Secret {
			line += " secret"
		}
		out = append(out, line)
	}
	for _, s := range m.Secrets() {
		out = append(out, "secret "+span(s))
	}
	return out
}

func parseFixture(t *testing.T, name string) (*SAMLMessage, string) {
	t.Helper()
	text := string(readFixture(t, name))
	m, probs := ParseSSO("wms/"+name, text)
	if len(probs) != 0 {
		t.Fatalf("problems: %v", problems(probs))
	}
	if m == nil {
		t.Fatal("no message")
	}
	checkSSO(t, m, text)
	return m, text
}

// find returns the description lines that start with prefix.
func find(lines []string, prefix string) []string {
	var out []string
	for _, l := range lines {
		if strings.HasPrefix(l, prefix) {
			out = append(out, l)
		}
	}
	return out
}

func TestParseSSOXML(t *testing.T) {
	m, text := parseFixture(t, "sso/adfs-response.xml")
	got := describeSSO(m)
	want := []string{
		"form xml url-encoded false encoded 0:0-0:0 assertions 1 encrypted 0 signed false",
		"assertion[0] signed true encryptedID false conditions true attributes 4",
		`root "samlp:Response" file 1:2-1:16 doc 1:2-1:16`,
		`id "_9c1e6a52-3f0b-4d7e-8a11-c0ffee000001" file 1:21-1:58 doc 1:21-1:58`,
	}
	if diff := cmp.Diff(want, got[:4]); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	for prefix, want := range map[string][]string{
		"issuer ":                       {`issuer "http://adfs.example.com/adfs/services/trust" file 2:57-2:100 doc 2:57-2:100`},
		"status ":                       {`status "urn:oasis:names:tc:SAML:2.0:status:Success" file 4:30-4:72 doc 4:30-4:72`},
		"assertion[0].nameID ":          {`assertion[0].nameID "Grete.Lindqvist@example.com" file 25:79-25:106 doc 25:79-25:106`},
		"assertion[0].nameID.format ":   {`assertion[0].nameID.format "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress" file 25:23-25:77 doc 25:23-25:77`},
		"assertion[0].attribute email ": {`assertion[0].attribute email name "email" file 36:24-36:29 doc 36:24-36:29`, `assertion[0].attribute email value "Grete.Lindqvist@example.com" file 37:25-37:52 doc 37:25-37:52`},
		"assertion[0].audience ":        {`assertion[0].audience "meet.example.com" file 32:19-32:35 doc 32:19-32:35`},
		"assertion[0].authnContext ":    {`assertion[0].authnContext "urn:federation:authentication:windows" file 51:31-51:68 doc 51:31-51:68`},
		"secret ":                       {"secret 8:5-23:20"},
	} {
		if diff := cmp.Diff(want, find(got, prefix)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", prefix, diff)
		}
	}
	// The signature's contents are nowhere in the model.
	_, sig, _ := strings.Cut(text, "<ds:SignatureValue>")
	sig, _, _ = strings.Cut(sig, "<")
	for _, e := range items(m) {
		if strings.Contains(e.item.Text, sig[:20]) {
			t.Errorf("%s holds the signature value", e.label)
		}
	}
}

func TestParseSSOAssertion(t *testing.T) {
	m, _ := parseFixture(t, "sso/assertion-okta-style.xml")
	if !m.IsAssertion() || len(m.Assertions) != 1 {
		t.Fatalf("want one bare assertion, got root %q and %d", m.Root.Text, len(m.Assertions))
	}
	got := describeSSO(m)
	for prefix, want := range map[string][]string{
		"assertion[0].nameID ":              {`assertion[0].nameID "oskar.brandt@example.net" file 5:7-5:31 doc 5:7-5:31`},
		"assertion[0].attribute lastname ":  {`assertion[0].attribute lastname name "lastname" file 9:28-9:36 doc 9:28-9:36`, `assertion[0].attribute lastname friendlyName "sn" file 9:52-9:54 doc 9:52-9:54`, `assertion[0].attribute lastname value "Brandt & Söhne" file 9:78-9:101 doc 9:78-9:101`},
		"assertion[0].attribute firstname ": {`assertion[0].attribute firstname name "firstname" file 10:28-10:37 doc 10:28-10:37`, `assertion[0].attribute firstname value "Oskar" file 10:61-10:78 doc 10:61-10:78`},
		"assertion[0].attribute email ":     {`assertion[0].attribute email name "email" file 11:28-11:33 doc 11:28-11:33`, `assertion[0].attribute email value "" file 11:58-11:58 doc 11:58-11:58`},
		"assertion[0].attribute password ":  {`assertion[0].attribute password name "password" file 12:28-12:36 doc 12:28-12:36`, `assertion[0].attribute password value "" file 12:60-12:71 doc 12:60-12:71 secret`},
		"assertion[0].attribute TC2 ":       {`assertion[0].attribute TC2 name "TC2" file 13:28-13:31 doc 13:28-13:31`, `assertion[0].attribute TC2 value "Berlin" file 13:55-13:61 doc 13:55-13:61`, `assertion[0].attribute TC2 value "Hamburg" file 13:106-13:113 doc 13:106-13:113`},
		"secret ":                           {"secret 12:60-12:71"},
	} {
		if diff := cmp.Diff(want, find(got, prefix)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", prefix, diff)
		}
	}
	if got := len(m.Attribute("email")); got != 1 {
		t.Errorf("Attribute(email) found %d", got)
	}
	if got := len(m.Attribute("Email")); got != 0 {
		t.Errorf("attribute names are case-sensitive, Attribute(Email) found %d", got)
	}
}

// TestParseSSOEncoded reads the same response captured four ways and
// finds the NameID that differs from the SAML_SUBJECT attribute in each.
func TestParseSSOEncoded(t *testing.T) {
	for _, tc := range []struct {
		file       string
		form       Form
		urlEncoded bool
		encoded    string
	}{
		{"sso/post-body-nameid-differs.txt", FormBase64, true, "1:14-1:5530"},
		{"sso/devtools-form-data.txt", FormBase64, false, "1:15-72:69"},
		{"sso/idp-autopost.html", FormBase64, false, "4:49-4:5513"},
		{"sso/redirect-url.txt", FormDeflate, true, "1:65-1:1893"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			m, text := parseFixture(t, tc.file)
			if m.Form != tc.form || m.URLEncoded != tc.urlEncoded || span(m.Encoded) != tc.encoded {
				t.Errorf("form %s url-encoded %v encoded %s; want %s, %v, %s", m.Form, m.URLEncoded, span(m.Encoded), tc.form, tc.urlEncoded, tc.encoded)
			}
			if diff := cmp.Diff([]hcl.Range{m.Encoded}, m.Secrets()); diff != "" {
				t.Errorf("an encoded capture is secret as a whole (-want +got):\n%s", diff)
			}
			if strings.Contains(m.DecodedName, "\n") || m.DecodedName == m.Path {
				t.Errorf("decoded name %q", m.DecodedName)
			}
			if len(m.Assertions) != 1 {
				t.Fatalf("%d assertions", len(m.Assertions))
			}
			a := m.Assertions[0]
			if m.Form == FormDeflate {
				if a.NameID.Value.Text != "Grete.Lindqvist@example.com" {
					t.Errorf("NameID %q", a.NameID.Value.Text)
				}
				return
			}
			subject := m.Attribute("SAML_SUBJECT")
			if len(subject) != 1 || len(subject[0].Values) != 1 {
				t.Fatalf("SAML_SUBJECT: %+v", subject)
			}
			nameID, sv := a.NameID.Value, subject[0].Values[0]
			if nameID.Text != "rkowalczyk" || sv.Text != "renata.kowalczyk@example.org" {
				t.Errorf("NameID %q, SAML_SUBJECT %q", nameID.Text, sv.Text)
			}
			// Positions in the decoded document, for the message.
			if got := span(nameID.Doc); got != "1:1803-1:1813" {
				t.Errorf("NameID decoded at %s", got)
			}
			if text[nameID.Range().Start.Byte:nameID.Range().End.Byte] == "" {
				t.Error("NameID has no place in the file")
			}
		})
	}
}

func TestParseSSOProblems(t *testing.T) {
	b64 := func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
	deep := strings.Repeat("<a>", MaxDepth+1) + strings.Repeat("</a>", MaxDepth+1)
	for _, tc := range []struct {
		name, text string
		want       []string
		message    bool
	}{{
		name: "DOCTYPE refused",
		text: `<?xml version="1.0"?>` + "\n" + `<!DOCTYPE r [<!ENTITY big "x">]><samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"/>`,
		want: []string{`2:1-2:33 error: the SAML message holds a DOCTYPE or other declaration, which SAML forbids; it is refused, so no entity is expanded`},
	}, {
		name: "an undeclared entity is not expanded",
		text: `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"><saml:Issuer>&ext;</saml:Issuer></saml:Assertion>`,
		want: []string{`1:81-1:86 error: the SAML message is not well-formed XML: invalid character entity &ext;`},
	}, {
		name: "SAML 1.1",
		text: `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:1.0:protocol" MajorVersion="1"/>`,
		want: []string{`1:1-1:86 error: the message is SAML 1.1 (<Response>); Meetings Server accepts SAML 2.0 only`},
	}, {
		name: "not SAML",
		text: "<html><body>Sign in</body></html>",
		want: []string{`1:1-1:7 error: the document element is <html> in no namespace; want a SAML 2.0 Response (urn:oasis:names:tc:SAML:2.0:protocol) or Assertion (urn:oasis:names:tc:SAML:2.0:assertion)`},
	}, {
		name: "the request, not the response",
		text: "SAMLRequest=fZFNT8MwDIbv%2FIoo9zZN1W0sajt9kxbSuBAR&RelayState=x\n",
		want: []string{`1:1-1:12 error: the capture holds a SAMLRequest, the AuthnRequest Meetings Server sends to the IdP; capture the SAMLResponse the IdP posts back`},
	}, {
		name: "broken form encoding",
		text: "SAMLResponse=PHNh%ZZbWw&RelayState=x",
		want: []string{`1:18-1:21 error: the SAMLResponse value cannot be decoded: a '%' not followed by two hexadecimal digits: the form encoding is broken`},
	}, {
		name: "not base64 of XML",
		text: "SAMLResponse=" + b64("hello, world, this is no XML"),
		want: []string{`1:14-1:54 error: the SAMLResponse value decodes to neither XML nor DEFLATE-compressed XML`},
	}, {
		name: "cut short",
		text: "PHNhbWxw\nO",
		want: []string{`2:1-2:2 error: the SAMLResponse value cannot be decoded: the value is cut short: its length is not that of base64`},
	}, {
		name: "malformed XML inside base64 is placed in both",
		text: "SAMLResponse=" + b64("<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\">\n<a></b>\n</samlp:Response>"),
		want: []string{`1:106-1:114 error: the SAML message is not well-formed XML: element <a> closed by </b> (decoded XML, line 2, column 4)`},
	}, {
		name: "too deep",
		text: deep,
		want: []string{fmt.Sprintf(`1:%d-1:%d error: the SAML message nests elements more than %d deep`, 3*MaxDepth+1, 3*MaxDepth+4, MaxDepth)},
	}, {
		name: "empty",
		text: " \n",
		want: []string{`0:0-0:0 error: the file is empty; want a SAML response as XML or as the base64 SAMLResponse value`},
	}, {
		name:    "two values",
		text:    "SAMLResponse=" + b64(`<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"/>`) + "\nSAMLResponse=" + b64("<x/>"),
		want:    []string{`1:14-1:106 warning: the capture holds 2 SAMLResponse values; only this first one is read: save each message in its own file`},
		message: true,
	}, {
		name:    "a response that failed has a status and no assertion",
		text:    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Responder"><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:AuthnFailed"/></samlp:StatusCode><samlp:StatusMessage> No such user </samlp:StatusMessage></samlp:Status></samlp:Response>`,
		message: true,
	}} {
		t.Run(tc.name, func(t *testing.T) {
			m, probs := ParseSSO("wms/sso/f.txt", tc.text)
			if diff := cmp.Diff(tc.want, problems(probs)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			if (m != nil) != tc.message {
				t.Fatalf("message %v, want %v", m != nil, tc.message)
			}
			if m != nil {
				checkSSO(t, m, tc.text)
			}
		})
	}
}

func TestParseSSOStatus(t *testing.T) {
	text := `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Responder"><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:AuthnFailed"/></samlp:StatusCode><samlp:StatusMessage> No such user </samlp:StatusMessage></samlp:Status><saml:EncryptedAssertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"><xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#">c2VjcmV0</xenc:EncryptedData></saml:EncryptedAssertion></samlp:Response>`
	m, probs := ParseSSO("wms/sso/f.xml", text)
	if m == nil || len(probs) != 0 {
		t.Fatalf("problems %v", problems(probs))
	}
	if m.StatusCode.Text == StatusSuccess || !strings.HasSuffix(m.SubStatusCode.Text, "AuthnFailed") || m.StatusMessage.Text != "No such user" {
		t.Errorf("status %q / %q / %q", m.StatusCode.Text, m.SubStatusCode.Text, m.StatusMessage.Text)
	}
	if m.EncryptedAssertions != 1 || len(m.Assertions) != 0 {
		t.Errorf("encrypted %d, readable %d", m.EncryptedAssertions, len(m.Assertions))
	}
	if s := m.Secrets(); len(s) != 1 || !strings.HasPrefix(text[s[0].Start.Byte:], "<saml:EncryptedAssertion") || !strings.HasSuffix(text[:s[0].End.Byte], "</saml:EncryptedAssertion>") {
		t.Errorf("secrets %v", s)
	}
}
