package wms

import (
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/bwlint/bwlint/inputs/source"
)

// Form says how a capture holds its SAML message.
type Form string

// The forms of a capture.
const (
	// FormXML is the message's XML as it is, copied from a SAML tracer's
	// SAML view.
	FormXML Form = "xml"
	// FormBase64 is the SAMLResponse form value of the HTTP-POST binding:
	// base64 of the XML, possibly still form-encoded, alone or within the
	// whole "SAMLResponse=...&RelayState=..." body.
	FormBase64 Form = "base64"
	// FormDeflate is the HTTP-Redirect binding's value: base64 of the
	// XML compressed with raw DEFLATE.
	FormDeflate Form = "base64+deflate"
)

// SAML's namespaces.
const (
	nsProtocol  = "urn:oasis:names:tc:SAML:2.0:protocol"
	nsAssertion = "urn:oasis:names:tc:SAML:2.0:assertion"
	nsDSig      = "http://www.w3.org/2000/09/xmldsig#"
	nsXMLEnc    = "http://www.w3.org/2001/04/xmlenc#"
	nsSAML1     = "urn:oasis:names:tc:SAML:1.0:assertion"
	nsSAML1P    = "urn:oasis:names:tc:SAML:1.0:protocol"
)

// StatusSuccess is the status code of a response that reports success.
const StatusSuccess = "urn:oasis:names:tc:SAML:2.0:status:Success"

// SAMLMessage is the SAML 2.0 response or assertion of one file of
// wms/sso/*, as a browser SAML tracer captured it on its way from the
// identity provider to Meetings Server.
//
// The signature is not verified: bwlint judges what the IdP sends, not
// whether to trust it. Signatures, key information and encrypted parts
// are never read into values; Secrets lists where they are.
type SAMLMessage struct {
	Path string
	// Form is how the file holds the message.
	Form Form
	// URLEncoded reports a base64 value that was still form-encoded.
	URLEncoded bool
	// Encoded covers the encoded value in the file; zero for FormXML.
	Encoded hcl.Range
	// DecodedName is the name the Doc ranges of a decoded message carry;
	// it names no file. For FormXML it is Path.
	DecodedName string
	// Root is the document element's name as written ("samlp:Response",
	// "saml2:Assertion"); IsAssertion tells which of the two it is.
	Root Item

	// The response's attributes and children; zero for a bare assertion.
	ID, InResponseTo, IssueInstant, Destination Item
	Issuer                                      Item
	// StatusCode is the top-level status code's Value, SubStatusCode the
	// code nested in it, if any; StatusMessage its text.
	StatusCode, SubStatusCode, StatusMessage Item
	// Signed reports a Signature element directly in the response.
	Signed bool

	// Assertions are the readable assertions in document order; a bare
	// assertion capture holds one.
	Assertions []*Assertion
	// EncryptedAssertions counts the EncryptedAssertion elements, which
	// bwlint cannot read without the service provider's private key.
	EncryptedAssertions int

	// secrets are the file ranges no output may show.
	secrets []hcl.Range
	// document is the XML text the Doc ranges index: the file's text for
	// FormXML, the decoded value otherwise. It holds the signature and
	// certificates and is therefore not exported.
	document string
}

// Item is one value read from a SAML message.
//
// Range is where the value stands in the file: its exact bytes when the
// file holds the XML; for a base64 value, the base64 characters whose
// groups of four encode the value's bytes; for a compressed value, which
// cannot be mapped byte by byte, the whole encoded value. Findings point
// there. Doc is where the value stands in the decoded XML, under the
// message's DecodedName; a finding about an encoded capture names Doc's
// line and column in its message so that the operator can find the value
// in the decoded text a SAML tracer shows. For FormXML, Doc equals Range.
//
// Text is the value with XML escapes resolved and surrounding white space
// removed; Doc covers the trimmed text as written. A secret item keeps no
// Text.
type Item struct {
	source.Value
	Doc    hcl.Range
	Secret bool
}

// Assertion is one saml:Assertion.
type Assertion struct {
	// Range and Doc cover the whole element.
	Range, Doc hcl.Range
	ID         Item
	// IssueInstant is the assertion's issue time as written.
	IssueInstant Item
	Issuer       Item
	// Signed reports a Signature element directly in the assertion.
	Signed bool

	// NameID is the subject's name identifier; its Value is absent when
	// the subject has none.
	NameID NameID
	// EncryptedID reports a subject identified by an EncryptedID, which
	// bwlint cannot read.
	EncryptedID bool
	// SubjectConfirmations are the subject's confirmations, in order.
	SubjectConfirmations []SubjectConfirmation

	// Conditions are the assertion's conditions; Present reports whether
	// the element is there.
	Conditions Conditions

	// AuthnInstant and SessionNotOnOrAfter are the first AuthnStatement's
	// attributes, AuthnContextClassRef its context class.
	AuthnInstant, SessionNotOnOrAfter, AuthnContextClassRef Item

	// Attributes are the attributes of all attribute statements, in
	// document order.
	Attributes []Attribute
	// EncryptedAttributes counts attributes bwlint cannot read.
	EncryptedAttributes int
}

// NameID is a subject's saml:NameID.
type NameID struct {
	Value                                  Item
	Format, NameQualifier, SPNameQualifier Item
}

// SubjectConfirmation is a saml:SubjectConfirmation with the attributes
// of its SubjectConfirmationData.
type SubjectConfirmation struct {
	Method                                           Item
	NotBefore, NotOnOrAfter, Recipient, InResponseTo Item
}

// Conditions are an assertion's saml:Conditions.
type Conditions struct {
	Present                 bool
	Range, Doc              hcl.Range
	NotBefore, NotOnOrAfter Item
	// Audiences are the Audience values of all audience restrictions.
	Audiences []Item
}

// Attribute is a saml:Attribute.
type Attribute struct {
	// Range and Doc cover the whole element.
	Range, Doc                     hcl.Range
	Name, NameFormat, FriendlyName Item
	// Values are the AttributeValue elements' texts in order. An
	// attribute whose name marks it as secret (a password) keeps no
	// value texts; each value is then a Secret item.
	Values []Item
}

// IsAssertion reports a capture of a bare assertion rather than a
// response.
func (m *SAMLMessage) IsAssertion() bool {
	return strings.HasSuffix(m.Root.Text, "Assertion")
}

// Secrets returns the file ranges that no output may show: for an encoded
// capture the whole value (a SAMLResponse is a bearer credential until it
// expires, and it carries the signature); for XML the signature, key
// information and encrypted elements and the values of attributes whose
// names mark them secret.
func (m *SAMLMessage) Secrets() []hcl.Range {
	return append([]hcl.Range(nil), m.secrets...)
}

// Attribute returns the attributes whose Name is name exactly (SAML
// attribute names are case-sensitive), across all assertions, in order.
func (m *SAMLMessage) Attribute(name string) []Attribute {
	var out []Attribute
	for _, a := range m.Assertions {
		for _, at := range a.Attributes {
			if at.Name.Text == name {
				out = append(out, at)
			}
		}
	}
	return out
}
