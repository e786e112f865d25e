package wms

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/bwlint/bwlint/inputs/source"
)

// MaxDepth is the deepest element nesting ParseSSO accepts. A SAML
// response nests seven or eight levels deep.
const MaxDepth = 64

// ParseSSO reads the SAML message of a file of wms/sso/*: the XML itself,
// or the base64 value a browser posted (see Form). It returns nil when no
// SAML 2.0 response or assertion can be read; the problems then say why
// and where. A DOCTYPE is refused (SAML forbids it, and refusing it rules
// out entity expansion); only XML's own five entities and character
// references are resolved.
func ParseSSO(path, text string) (*SAMLMessage, []source.Problem) {
	r := &ssoReader{path: path, file: newPosIndex(source.NewIndex(path, text))}
	m := r.read(text)
	return m, r.probs
}

type ssoReader struct {
	path  string
	file  *posIndex
	probs []source.Problem
	// loc maps the document's offsets back to the file; set once the
	// document is known.
	loc *locator
}

func (r *ssoReader) read(text string) *SAMLMessage {
	start, end, count := findValue(text)
	if count == 0 && start < end && text[start] == '<' {
		r.loc = &locator{file: r.file, doc: r.file}
		return r.parse(text, &SAMLMessage{Path: r.path, Form: FormXML, DecodedName: r.path})
	}
	if count == 0 {
		if i := strings.Index(text, requestName); i >= 0 {
			r.probs = append(r.probs, source.Errorf(r.file.Range(i, i+len(requestName)),
				"the capture holds a %s, the AuthnRequest Meetings Server sends to the IdP; capture the %s the IdP posts back", requestName, keyName))
			return nil
		}
		if start == end {
			r.probs = append(r.probs, source.Errorf(hcl.Range{Filename: r.path}, "the file is empty; want a SAML response as XML or as the base64 %s value", keyName))
			return nil
		}
	}
	if count > 1 {
		r.probs = append(r.probs, source.Warnf(r.file.Range(start, end),
			"the capture holds %d %s values; only this first one is read: save each message in its own file", count, keyName))
	}
	value, bad := readValue(text, start, end, isURLEncoded(text[start:end]))
	if bad != nil {
		r.encodingProblem(bad)
		return nil
	}
	raw, bad := value.decode()
	if bad != nil {
		r.encodingProblem(bad)
		return nil
	}
	m := &SAMLMessage{Path: r.path, Form: FormBase64, URLEncoded: value.urlEncoded, Encoded: r.file.Range(start, end), DecodedName: r.path + " (decoded)"}
	m.secrets = []hcl.Range{m.Encoded}
	if !startsXML(raw) {
		inflated, err := inflate(raw)
		switch {
		case errors.Is(err, errTooLarge):
			r.probs = append(r.probs, source.Errorf(m.Encoded, "the %s value inflates to more than %d bytes; no SAML message is that large", keyName, MaxDocument))
			return nil
		case err != nil || !startsXML(inflated):
			r.probs = append(r.probs, source.Errorf(m.Encoded, "the %s value decodes to neither XML nor DEFLATE-compressed XML", keyName))
			return nil
		}
		raw, m.Form = inflated, FormDeflate
	}
	if len(raw) > MaxDocument {
		r.probs = append(r.probs, source.Errorf(m.Encoded, "the %s value decodes to %d bytes, more than the %d a SAML message can be", keyName, len(raw), MaxDocument))
		return nil
	}
	skip := 0
	if len(raw) >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF {
		skip = 3
	}
	doc := string(raw[skip:])
	r.loc = &locator{file: r.file, doc: newPosIndex(source.NewIndex(m.DecodedName, doc)), enc: value, deflated: m.Form == FormDeflate, skip: skip}
	return r.parse(doc, m)
}

// encodingProblem reports a value that cannot be decoded.
func (r *ssoReader) encodingProblem(e *errAt) {
	r.probs = append(r.probs, source.Errorf(r.file.Range(e.off, e.end), "the %s value cannot be decoded: %s", keyName, e.msg))
}

// locator maps offsets of the document to the file.
type locator struct {
	file, doc *posIndex
	// enc is the encoded value, nil when the file holds the XML.
	enc      *encodedValue
	deflated bool
	// skip is the length of a byte-order mark the decoded value started
	// with, not part of the document.
	skip int
}

func (l *locator) fileRange(a, b int) hcl.Range {
	switch {
	case l.enc == nil:
		return l.file.Range(a, b)
	case l.deflated:
		return l.file.Range(l.enc.start, l.enc.end)
	}
	s, e := l.enc.fileRange(a+l.skip, b+l.skip)
	return l.file.Range(s, e)
}

func (l *locator) item(a, b int, text string) Item {
	return Item{Value: source.Value{Text: text, Loc: source.LocOf(l.fileRange(a, b))}, Doc: l.doc.Range(a, b)}
}

// where names a document position in a message about an encoded capture,
// whose finding points at the encoded value rather than the XML.
func (l *locator) where(a int) string {
	if l.enc == nil {
		return ""
	}
	p := l.doc.Pos(a)
	return fmt.Sprintf(" (decoded XML, line %d, column %d)", p.Line, p.Column)
}

// node is an element of the document with its offsets.
type node struct {
	name xml.Name
	// start and end bound the element, start tag to end tag; tagEnd is
	// the end of the start tag.
	start, tagEnd, end int
	attrs              []nodeAttr
	children           []*node
	// text is the element's own character data, decoded; textStart and
	// textEnd bound it as written, from the first piece to the last.
	text               strings.Builder
	textStart, textEnd int
}

// nodeAttr is an attribute with the offsets of its value inside the
// quotes.
type nodeAttr struct {
	name       xml.Name
	value      string
	start, end int
}

// treeError is a document that cannot be read, at a document offset.
type treeError struct {
	start, end int
	msg        string
}

// buildTree reads doc into a tree of nodes.
func buildTree(doc string) (*node, *treeError) {
	d := xml.NewDecoder(strings.NewReader(doc))
	d.Strict = true
	// The text is UTF-8 already, whatever the declaration says: the file
	// or the value was decoded before.
	d.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil }
	var root *node
	var stack []*node
	for {
		off := int(d.InputOffset())
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			at := min(int(d.InputOffset()), len(doc))
			msg := err.Error()
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				msg = se.Msg
			}
			return nil, &treeError{min(off, at), at, "is not well-formed XML: " + msg}
		}
		end := int(d.InputOffset())
		switch t := tok.(type) {
		case xml.StartElement:
			if root != nil && len(stack) == 0 {
				return nil, &treeError{off, end, "has a second element after its document element"}
			}
			if len(stack) >= MaxDepth {
				return nil, &treeError{off, end, fmt.Sprintf("nests elements more than %d deep", MaxDepth)}
			}
			n := &node{name: t.Name, start: off, tagEnd: end, attrs: locateAttrs(doc, off, end, t.Attr), textStart: -1}
			if root == nil {
				root = n
			} else {
				top := stack[len(stack)-1]
				top.children = append(top.children, n)
			}
			stack = append(stack, n)
		case xml.EndElement:
			n := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			n.end = end
		case xml.CharData:
			if len(stack) == 0 {
				continue
			}
			n := stack[len(stack)-1]
			n.text.Write(t)
			if n.textStart < 0 {
				n.textStart = off
			}
			n.textEnd = end
		case xml.Directive:
			return nil, &treeError{off, end, "holds a DOCTYPE or other declaration, which SAML forbids; it is refused, so no entity is expanded"}
		}
	}
	if root == nil {
		return nil, &treeError{0, 0, "holds no XML element"}
	}
	return root, nil
}

// locateAttrs finds the values of attrs in the start tag doc[start:end];
// encoding/xml returns them in the order written.
func locateAttrs(doc string, start, end int, attrs []xml.Attr) []nodeAttr {
	out := make([]nodeAttr, len(attrs))
	i := start + 1
	for i < end && !isSpace(doc[i]) && doc[i] != '>' && doc[i] != '/' {
		i++ // the element's name
	}
	for k, a := range attrs {
		out[k] = nodeAttr{name: a.Name, value: a.Value, start: start, end: start}
		for i < end && doc[i] != '"' && doc[i] != '\'' {
			i++
		}
		if i >= end {
			continue
		}
		q := doc[i]
		j := strings.IndexByte(doc[i+1:end], q)
		if j < 0 {
			continue
		}
		out[k].start, out[k].end = i+1, i+1+j
		i += j + 2
	}
	return out
}

func (n *node) is(space, local string) bool { return n.name.Space == space && n.name.Local == local }

func (n *node) attr(local string) (nodeAttr, bool) {
	for _, a := range n.attrs {
		if a.name.Space == "" && a.name.Local == local {
			return a, true
		}
	}
	return nodeAttr{}, false
}

// child returns the first child named so.
func (n *node) child(space, local string) *node {
	for _, c := range n.children {
		if c.is(space, local) {
			return c
		}
	}
	return nil
}

// parse reads the document doc into m.
func (r *ssoReader) parse(doc string, m *SAMLMessage) *SAMLMessage {
	m.document = doc
	root, terr := buildTree(doc)
	if terr != nil {
		r.errorAt(terr.start, terr.end, "the SAML message %s", terr.msg)
		return nil
	}
	switch {
	case root.is(nsProtocol, "Response"), root.is(nsAssertion, "Assertion"):
	case root.name.Space == nsSAML1 || root.name.Space == nsSAML1P:
		r.errorAt(root.start, root.tagEnd, "the message is SAML 1.1 (<%s>); Meetings Server accepts SAML 2.0 only", root.name.Local)
		return nil
	default:
		ns := root.name.Space
		if ns == "" {
			ns = "no namespace"
		}
		r.errorAt(root.start, root.tagEnd, "the document element is <%s> in %s; want a SAML 2.0 Response (%s) or Assertion (%s)", root.name.Local, ns, nsProtocol, nsAssertion)
		return nil
	}
	r.markSecrets(root, m)
	name := tagName(doc, root)
	m.Root = r.loc.item(root.start+1, root.start+1+len(name), name)
	if root.name.Local == "Assertion" {
		m.Assertions = append(m.Assertions, r.assertion(root, m))
		return m
	}
	m.ID = r.attrItem(root, "ID")
	m.InResponseTo = r.attrItem(root, "InResponseTo")
	m.IssueInstant = r.attrItem(root, "IssueInstant")
	m.Destination = r.attrItem(root, "Destination")
	for _, c := range root.children {
		switch {
		case c.is(nsAssertion, "Issuer"):
			m.Issuer = r.textItem(c)
		case c.is(nsDSig, "Signature"):
			m.Signed = true
		case c.is(nsProtocol, "Status"):
			if sc := c.child(nsProtocol, "StatusCode"); sc != nil {
				m.StatusCode = r.attrItem(sc, "Value")
				if sub := sc.child(nsProtocol, "StatusCode"); sub != nil {
					m.SubStatusCode = r.attrItem(sub, "Value")
				}
			}
			if sm := c.child(nsProtocol, "StatusMessage"); sm != nil {
				m.StatusMessage = r.textItem(sm)
			}
		case c.is(nsAssertion, "Assertion"):
			m.Assertions = append(m.Assertions, r.assertion(c, m))
		case c.is(nsAssertion, "EncryptedAssertion"):
			m.EncryptedAssertions++
		}
	}
	return m
}

// tagName returns the element's name as written, prefix included.
func tagName(doc string, n *node) string {
	i := n.start + 1
	for i < n.tagEnd && !isSpace(doc[i]) && doc[i] != '>' && doc[i] != '/' {
		i++
	}
	return doc[n.start+1 : i]
}

// secretElement reports elements whose content is key material or
// ciphertext: signatures, key information and anything encrypted.
func secretElement(n *node) bool {
	switch {
	case n.name.Space == nsXMLEnc:
		return true
	case n.is(nsDSig, "Signature"), n.is(nsDSig, "KeyInfo"):
		return true
	case n.name.Space == nsAssertion && strings.HasPrefix(n.name.Local, "Encrypted"):
		return true
	}
	return false
}

// markSecrets records the file ranges of secret elements, wherever they
// stand; an encoded capture is secret as a whole already.
func (r *ssoReader) markSecrets(n *node, m *SAMLMessage) {
	if r.loc.enc != nil {
		return
	}
	if secretElement(n) {
		m.secrets = append(m.secrets, r.loc.fileRange(n.start, n.end))
		return
	}
	for _, c := range n.children {
		r.markSecrets(c, m)
	}
}

func (r *ssoReader) assertion(n *node, m *SAMLMessage) *Assertion {
	a := &Assertion{
		Range:        r.loc.fileRange(n.start, n.end),
		Doc:          r.loc.doc.Range(n.start, n.end),
		ID:           r.attrItem(n, "ID"),
		IssueInstant: r.attrItem(n, "IssueInstant"),
	}
	authn := false
	for _, c := range n.children {
		switch {
		case c.is(nsAssertion, "Issuer"):
			a.Issuer = r.textItem(c)
		case c.is(nsDSig, "Signature"):
			a.Signed = true
		case c.is(nsAssertion, "Subject"):
			r.subject(c, a)
		case c.is(nsAssertion, "Conditions"):
			r.conditions(c, a)
		case c.is(nsAssertion, "AuthnStatement") && !authn:
			authn = true
			a.AuthnInstant = r.attrItem(c, "AuthnInstant")
			a.SessionNotOnOrAfter = r.attrItem(c, "SessionNotOnOrAfter")
			if ctx := c.child(nsAssertion, "AuthnContext"); ctx != nil {
				if ref := ctx.child(nsAssertion, "AuthnContextClassRef"); ref != nil {
					a.AuthnContextClassRef = r.textItem(ref)
				}
			}
		case c.is(nsAssertion, "AttributeStatement"):
			for _, at := range c.children {
				switch {
				case at.is(nsAssertion, "Attribute"):
					a.Attributes = append(a.Attributes, r.attribute(at, m))
				case at.is(nsAssertion, "EncryptedAttribute"):
					a.EncryptedAttributes++
				}
			}
		}
	}
	return a
}

func (r *ssoReader) subject(n *node, a *Assertion) {
	for _, c := range n.children {
		switch {
		case c.is(nsAssertion, "NameID"):
			a.NameID = NameID{
				Value:           r.textItem(c),
				Format:          r.attrItem(c, "Format"),
				NameQualifier:   r.attrItem(c, "NameQualifier"),
				SPNameQualifier: r.attrItem(c, "SPNameQualifier"),
			}
		case c.is(nsAssertion, "EncryptedID"):
			a.EncryptedID = true
		case c.is(nsAssertion, "SubjectConfirmation"):
			sc := SubjectConfirmation{Method: r.attrItem(c, "Method")}
			if d := c.child(nsAssertion, "SubjectConfirmationData"); d != nil {
				sc.NotBefore = r.attrItem(d, "NotBefore")
				sc.NotOnOrAfter = r.attrItem(d, "NotOnOrAfter")
				sc.Recipient = r.attrItem(d, "Recipient")
				sc.InResponseTo = r.attrItem(d, "InResponseTo")
			}
			a.SubjectConfirmations = append(a.SubjectConfirmations, sc)
		}
	}
}

func (r *ssoReader) conditions(n *node, a *Assertion) {
	a.Conditions = Conditions{
		Present:      true,
		Range:        r.loc.fileRange(n.start, n.end),
		Doc:          r.loc.doc.Range(n.start, n.end),
		NotBefore:    r.attrItem(n, "NotBefore"),
		NotOnOrAfter: r.attrItem(n, "NotOnOrAfter"),
	}
	for _, c := range n.children {
		if !c.is(nsAssertion, "AudienceRestriction") {
			continue
		}
		for _, au := range c.children {
			if au.is(nsAssertion, "Audience") {
				a.Conditions.Audiences = append(a.Conditions.Audiences, r.textItem(au))
			}
		}
	}
}

func (r *ssoReader) attribute(n *node, m *SAMLMessage) Attribute {
	at := Attribute{
		Range:        r.loc.fileRange(n.start, n.end),
		Doc:          r.loc.doc.Range(n.start, n.end),
		Name:         r.attrItem(n, "Name"),
		NameFormat:   r.attrItem(n, "NameFormat"),
		FriendlyName: r.attrItem(n, "FriendlyName"),
	}
	secret := source.IsSecretName(at.Name.Text) || source.IsSecretName(at.FriendlyName.Text)
	for _, v := range n.children {
		if !v.is(nsAssertion, "AttributeValue") {
			continue
		}
		it := r.textItem(v)
		if secret {
			it.Text, it.Secret = "", true
			if r.loc.enc == nil {
				m.secrets = append(m.secrets, it.Range())
			}
		}
		at.Values = append(at.Values, it)
	}
	return at
}

// attrItem returns the attribute named local (in no namespace) of n; the
// zero Item when n has none.
func (r *ssoReader) attrItem(n *node, local string) Item {
	a, ok := n.attr(local)
	if !ok {
		return Item{}
	}
	return r.loc.item(a.start, a.end, a.value)
}

// textItem returns the element's text, trimmed; an element without text
// gives an empty item just inside its start tag.
func (r *ssoReader) textItem(n *node) Item {
	if n.textStart < 0 {
		return r.loc.item(n.tagEnd, n.tagEnd, "")
	}
	text := strings.TrimSpace(n.text.String())
	s, e := trimmedBounds(r.loc.doc.text, n.textStart, n.textEnd)
	if text == "" {
		return r.loc.item(s, s, "")
	}
	return r.loc.item(s, e, text)
}

// errorAt reports a problem at document bytes [a, b).
func (r *ssoReader) errorAt(a, b int, format string, args ...any) {
	if b <= a && a < len(r.loc.doc.text) {
		b = a + 1 // a position: the byte there
	}
	p := source.Errorf(r.loc.fileRange(a, b), format, args...)
	p.Message += r.loc.where(a)
	r.probs = append(r.probs, p)
}
