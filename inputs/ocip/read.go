package ocip

import (
	"fmt"
	"strings"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/hashicorp/hcl/v2"
)

// Options adjust Read.
type Options struct {
	// Name names what a lone response describes when no request in the
	// file does: the tag set of a SystemDeviceManagementTagGetListResponse
	// or the device type of a SystemSIPDeviceTypeGetResponse, neither of
	// which repeats it. Callers pass the file's name without its
	// extension, so that devicemgmt/tagsets/Webex.xml is tag set "Webex";
	// system-default.xml is the system default tag set.
	Name string
	// Limits replaces DefaultLimits when its Depth is not zero.
	Limits Limits
}

const (
	nsOCI = "C"
	nsXSI = "http://www.w3.org/2001/XMLSchema-instance"
)

// Read reads one OCI-P capture from its bytes as stored (see Decode for
// the encodings). It returns nil, with problems saying why, when the file
// yields no document at all; otherwise the file holds every document and
// command that could be read, and the problems say what could not.
func Read(path string, raw []byte, opts Options) (*File, []source.Problem) {
	text, enc, probs, ok := Decode(path, raw)
	if !ok {
		return nil, probs
	}
	f, more := Parse(path, text, opts)
	if f != nil {
		f.Encoding = enc
	}
	return f, append(probs, more...)
}

// Parse reads decoded text; Read is Decode followed by Parse.
func Parse(path, text string, opts Options) (*File, []source.Problem) {
	pos := newPositions(path, text)
	r := &reader{
		f:    &File{Path: path, Text: text, pos: pos, loc: source.NewFileFunc(path, text, pos.pos)},
		opts: opts,
	}
	if r.opts.Limits.Depth == 0 {
		r.opts.Limits = DefaultLimits
	}
	// Sizing the arenas from the count of start tags and of quoted
	// values spares a large log the copies of growing slices.
	// Escaped documents count as escaped tags.
	starts := strings.Count(text, "<") - strings.Count(text, "</") + strings.Count(text, "&lt;") - strings.Count(text, "&lt;/")
	values := strings.Count(text, "=\"") + strings.Count(text, "=&quot;")
	r.f.arena.nodes = make([]node, 0, min(starts+16, r.opts.Limits.Elements))
	r.f.arena.attrs = make([]attr, 0, min(values+16, r.opts.Limits.Elements))
	if r.refuseDeclarations() {
		return nil, r.problems
	}
	r.findDocuments(plainView(text), true)
	if len(r.f.Documents) == 0 {
		if len(r.problems) == 0 {
			r.errorf(r.f.pos.rng(0, 0), "no OCI-P document (<BroadsoftDocument protocol=\"OCI\">) in this file")
		}
		return nil, r.problems
	}
	r.pair()
	r.checkCommands()
	r.extract()
	return r.f, r.problems
}

type reader struct {
	f        *File
	opts     Options
	problems []source.Problem
	stop     bool // a file-wide limit was reached
	// escapedCloses caches nextEscapedClose.
	escapedCloses map[string]int
	scan          scanner
	// broken counts the documents that could not be read.
	broken int
	// secretNames caches isSecretName.
	secretNames map[string]bool
	// brokenLiteral is where the last Python literal that could not be
	// read failed.
	brokenLiteral int
}

func (r *reader) errorf(rg hcl.Range, format string, args ...any) {
	r.problems = append(r.problems, source.Errorf(rg, format, args...))
}

func (r *reader) warnf(rg hcl.Range, format string, args ...any) {
	r.problems = append(r.problems, source.Warnf(rg, format, args...))
}

// refuseDeclarations refuses a file holding a DOCTYPE or an entity
// declaration, plain or escaped: OCI-P has none, and entity expansion is
// how a small file takes all memory. Nothing in the file is read. The
// search runs over '!', which XML uses for nothing else than these,
// comments and CDATA sections.
func (r *reader) refuseDeclarations() bool {
	t := r.f.Text
	for i := 0; ; i++ {
		k := strings.IndexByte(t[i:], '!')
		if k < 0 {
			return false
		}
		i += k
		var start int
		switch {
		case i >= 1 && t[i-1] == '<':
			start = i - 1
		case i >= 4 && t[i-4:i] == "&lt;":
			start = i - 4
		default:
			continue
		}
		for _, decl := range []string{"DOCTYPE", "ENTITY", "doctype"} {
			if strings.HasPrefix(t[i+1:], decl) {
				r.errorf(r.f.pos.rng(start, i+1+len(decl)),
					"file holds a %s declaration: OCI-P documents have none, and bwlint expands no entities, so the file is not read; remove the declaration",
					strings.ToUpper(decl))
				return true
			}
		}
	}
}

const rootName = "BroadsoftDocument"

// maxBroken is how many broken documents a file may hold before the rest
// of it is given up: a file that broken is not a capture to lint, and a
// problem for each of a million bad start tags helps no one.
const maxBroken = 100

// findDocuments finds and parses every document in v. Text between
// documents (log prefixes, time stamps, SOAP envelopes) is not evidence
// and is passed over. wrapped allows documents escaped in the text, which
// a view that is itself unescaped never holds.
func (r *reader) findDocuments(v *view, wrapped bool) {
	t := v.buf
	for i := 0; i < len(t) && !r.stop; {
		k := strings.Index(t[i:], rootName)
		if k < 0 {
			return
		}
		at := i + k
		after := at + len(rootName)
		i = after
		if after < len(t) && isNameByte(t[after]) {
			continue // a longer name
		}
		qstart := at
		if qstart > 0 && t[qstart-1] == ':' {
			p := qstart - 1
			for p > 0 && isNameByte(t[p-1]) && t[p-1] != ':' {
				p--
			}
			if p < qstart-1 {
				qstart = p
			}
		}
		switch {
		case qstart >= 1 && t[qstart-1] == '<':
			start := qstart - 1
			if wrapped {
				if q := pythonQuote(t, start); q >= 0 {
					if next, ok := r.pythonDocuments(t, q, after); ok {
						i = next
						continue
					}
				}
			}
			if end, ok := r.document(v, start); ok {
				i = end
			}
		case wrapped && qstart >= 4 && t[qstart-4:qstart] == "&lt;":
			i = r.escapedDocument(t, qstart-4, t[qstart:after], after)
		}
	}
}

// document parses the document whose start tag is at v.buf[start]. It
// returns the offset after it, and false when it could not be read.
func (r *reader) document(v *view, start int) (int, bool) {
	// One scanner serves every document of the file, so that its stacks
	// are allocated once.
	s := &r.scan
	s.buf, s.a, s.limits, s.warnings = v.buf, &r.f.arena, r.opts.Limits, s.warnings[:0]
	mark := len(r.f.arena.nodes)
	root, end, err := s.element(start)
	if err != nil {
		rg := r.f.pos.rng(v.srcStart(err.at), v.srcEnd(err.end))
		// The nodes of a broken document are dropped, so that a file of
		// broken documents cannot grow the arena without bound.
		r.f.arena.nodes = r.f.arena.nodes[:mark]
		if err.limit {
			r.brokenDocument(rg, "%s; the OCI-P document is not read, lest a hostile file exhaust memory", err.msg)
		} else {
			r.brokenDocument(rg, "not well-formed XML: %s; the OCI-P document is not read", err.msg)
		}
		r.stop = r.stop || err.fatal
		return 0, false
	}
	d := &Document{file: r.f, view: v, node: root}
	for _, n := range s.warnings {
		e := Element{d, n}
		r.warnf(hcl.Range{Filename: r.f.Path, Start: e.Range().Start, End: e.Range().Start},
			"text beside the child elements of <%s> is not read; OCI-P elements hold either text or elements", e.QName())
	}
	r.readDocument(d)
	return end, true
}

// declarationReach is how far before a start tag an XML declaration of
// the same document may begin.
const declarationReach = 256

// brokenDocument reports a document that cannot be read. After maxBroken
// of them the rest of the file is given up.
func (r *reader) brokenDocument(rg hcl.Range, format string, args ...any) {
	r.errorf(rg, format, args...)
	if r.broken++; r.broken == maxBroken {
		r.errorf(rg, "%d documents of this file could not be read; the rest of the file is not read", maxBroken)
		r.stop = true
	}
}

// pythonQuote returns the offset of the opening quote of the Python bytes
// literal that the document starting at t[start] begins, or -1: the
// literal b'<Broadsoft… or b'<?xml …?>\n<Broadsoft… on one line, as
// Python clients log what they send and receive.
func pythonQuote(t string, start int) int {
	isLiteral := func(q int) bool {
		return q >= 1 && (t[q] == '\'' || t[q] == '"') && t[q-1] == 'b' && (q < 2 || !isNameByte(t[q-2]))
	}
	if isLiteral(start - 1) {
		return start - 1
	}
	// The declaration stands just before the start tag; looking no
	// further keeps a long line of documents linear.
	from := max(0, start-declarationReach)
	d := strings.LastIndex(t[from:start], "<?xml")
	if d < 0 {
		return -1
	}
	d += from
	e := strings.Index(t[d:start], "?>")
	if e < 0 || !isLiteral(d-1) {
		return -1
	}
	between := t[d+e+2 : start]
	between = strings.NewReplacer(`\n`, "", `\r`, "", `\t`, "", " ", "").Replace(between)
	if between != "" {
		return -1
	}
	return d - 1
}

// pythonDocuments reads the documents of the Python bytes literal whose
// opening quote is at t[q] and which holds the start tag that ends at
// after. It returns where to go on searching; false when the literal
// closes before the start tag, which then is no literal's.
func (r *reader) pythonDocuments(t string, q, after int) (int, bool) {
	if q < r.brokenLiteral {
		return after, true // inside a literal already reported
	}
	v, end, ok := pythonLiteral(t, q)
	switch {
	case !ok:
		r.brokenDocument(r.f.pos.rng(q-1, q+1), "Python bytes literal is not closed on its line, or holds a malformed escape; the OCI-P document in it is not read")
		// Reading from a later quote before the point of failure would
		// fail there again: remember it, so that a line of broken
		// literals is read once.
		r.brokenLiteral = end
		return after, true
	case end <= after:
		return 0, false
	}
	r.findDocuments(v, false)
	return end, true
}

// escapedDocument reads the XML-escaped document whose start tag begins at
// t[start] ("&lt;BroadsoftDocument"), as a SOAP envelope carries it.
func (r *reader) escapedDocument(t string, start int, qname string, after int) int {
	closeTag := "&lt;/" + qname + "&gt;"
	e := r.nextEscapedClose(t, closeTag, after)
	if e < 0 {
		r.brokenDocument(r.f.pos.rng(start, after), "escaped <%s> has no escaped end tag: the document is cut off and not read", qname)
		return after
	}
	end := e + len(closeTag)
	v, bad := unescapeXML(t, start, end)
	if bad >= 0 {
		r.brokenDocument(r.f.pos.rng(bad, bad+referenceLen(t[bad:])), "escaped document holds %s; it is not read", badReference(t[bad:]))
		return end
	}
	r.document(v, 0)
	return end
}

// nextEscapedClose returns the offset of the first closeTag at or after
// from, -1 when there is none. It remembers what it found, so that a file
// of escaped start tags without end tags is searched once, not once per
// start tag.
func (r *reader) nextEscapedClose(t, closeTag string, from int) int {
	if at, ok := r.escapedCloses[closeTag]; ok && (at < 0 || at >= from) {
		return at
	}
	at := strings.Index(t[from:], closeTag)
	if at >= 0 {
		at += from
	}
	if r.escapedCloses == nil {
		r.escapedCloses = map[string]int{}
	}
	r.escapedCloses[closeTag] = at
	return at
}

// readDocument builds the document's model from its element.
func (r *reader) readDocument(d *Document) {
	root := d.Element()
	r.markSecrets(d, d.node, false)
	if ns, declared := r.f.namespaceOf(d, d.node, prefixOf(root.QName())); declared && ns != nsOCI {
		r.warnf(root.Range(), "<%s> is in namespace %q; OCI-P documents are in namespace %q; read anyway", root.QName(), ns, nsOCI)
	}
	if p, ok := root.Attr("protocol"); !ok {
		r.warnf(startTagRange(root), "<%s> has no protocol attribute; OCI-P documents say protocol=\"OCI\"", root.QName())
	} else if p.Text != "OCI" && p.Text != "NSOCI" {
		r.warnf(p.Range(), "protocol is %q; OCI-P documents say \"OCI\" (or \"NSOCI\")", p.Text)
	}
	for _, c := range root.Children() {
		switch c.Name() {
		case "sessionId", "userId", "phoneNumber", "linePort", "externalUserIdentity", "trackingId":
		case "command":
			if cmd := r.command(d, c); cmd != nil {
				d.Commands = append(d.Commands, cmd)
				r.f.Commands = append(r.f.Commands, cmd)
			}
		default:
			r.warnf(startTagRange(c), "unexpected element <%s> in <%s> is not read", c.QName(), root.QName())
		}
	}
	if len(d.Commands) == 0 {
		r.warnf(startTagRange(root), "<%s> holds no command", root.QName())
	}
	r.f.Documents = append(r.f.Documents, d)
}

// command reads a <command> element; nil when it has no type.
func (r *reader) command(d *Document, c Element) *Command {
	cmd := &Command{doc: d, node: c.n}
	typ := cmd.Type()
	if !typ.Present() {
		r.errorf(startTagRange(c), "<command> has no xsi:type attribute, so its kind is unknown; it is not read")
		return nil
	}
	cmd.Name = ParseName(typ.Text)
	if cmd.Name.Kind == "" {
		r.warnf(typ.Range(), "command type %q is not an OCI-P request or response name; it is kept as read", typ.Text)
	}
	return cmd
}

// isTypeAttr reports whether attribute k of element n is xsi:type: named
// type with a prefix bound to the XML Schema instance namespace, or the
// prefix xsi where the capture left its declaration out.
func (f *File) isTypeAttr(d *Document, n, k int32) bool {
	a := f.arena.attrs[k]
	qname := d.view.buf[a.name:a.nameEnd]
	prefix := prefixOf(qname)
	if prefix == "" || localName(qname) != "type" {
		return false
	}
	ns, declared := f.namespaceOf(d, n, prefix)
	return ns == nsXSI || (!declared && prefix == "xsi")
}

// namespaceOf finds the namespace bound to prefix ("" for the default
// namespace) on element n or the document element; OCI-P declares
// namespaces on those two only.
func (f *File) namespaceOf(d *Document, n int32, prefix string) (string, bool) {
	for _, e := range []int32{n, d.node} {
		nd := f.arena.nodes[e]
		for k := nd.attrs; k < nd.attrs+int32(nd.nattrs); k++ {
			a := f.arena.attrs[k]
			name := d.view.buf[a.name:a.nameEnd]
			if rest, ok := strings.CutPrefix(name, "xmlns"); ok && (rest == "" && prefix == "" || len(rest) > 1 && rest[0] == ':' && rest[1:] == prefix) {
				return Element{d, e}.attrValue(k).Text, true
			}
		}
	}
	return "", false
}

// startTagRange is the range of an element's name in its start tag, for
// problems about the element as a whole.
func startTagRange(e Element) hcl.Range {
	nd := e.node()
	return e.srcRange(int(nd.start), int(nd.nameEnd))
}

// nameValue is the element's name as written in its start tag.
func nameValue(e Element) source.Value {
	nd := e.node()
	return source.Value{Text: e.QName(), Loc: e.srcLoc(int(nd.name), int(nd.nameEnd))}
}

// markSecrets flags password-like elements, everything inside them and
// session ids, and records the ranges of their text.
func (r *reader) markSecrets(d *Document, n int32, inherited bool) {
	nodes := r.f.arena.nodes
	e := Element{d, n}
	name := e.Name()
	secret := inherited || r.isSecretName(name)
	if secret {
		nodes[n].flags |= isSecret
		if e.IsLeaf() {
			r.f.Secrets = append(r.f.Secrets, e.Value().Range())
		}
	}
	for c := nodes[n].firstChild; c >= 0; c = nodes[c].next {
		r.markSecrets(d, c, secret)
	}
}

// isSecretName is source.IsSecretName, remembered per name: a large log
// repeats a few hundred names millions of times. A session id counts as a
// secret too: over SOAP it is what stands for the login.
func (r *reader) isSecretName(name string) bool {
	secret, ok := r.secretNames[name]
	if !ok {
		secret = source.IsSecretName(name) || name == "sessionId"
		if r.secretNames == nil {
			r.secretNames = map[string]bool{}
		}
		r.secretNames[name] = secret
	}
	return secret
}

// pair links each response to the request it answers. Clients log a
// request document, then its response; a response document answers the
// latest unanswered request document of the same session, command by
// command.
func (r *reader) pair() {
	var pending []*Document
	for _, d := range r.f.Documents {
		if len(d.Commands) == 0 {
			continue
		}
		if d.Commands[0].Name.Kind == KindRequest {
			pending = append(pending, d)
			continue
		}
		session := sessionOf(d)
		for i := len(pending) - 1; i >= max(0, len(pending)-pairReach); i-- {
			req := pending[i]
			if s := sessionOf(req); session != "" && s != "" && s != session {
				continue
			}
			if len(req.Commands) != len(d.Commands) {
				continue
			}
			matched := true
			for j, c := range d.Commands {
				if !c.Name.answers(req.Commands[j].Name) {
					matched = false
					break
				}
			}
			if !matched {
				continue
			}
			for j, c := range d.Commands {
				c.Request = req.Commands[j]
			}
			pending = append(pending[:i], pending[i+1:]...)
			break
		}
	}
}

// pairReach is how many unanswered request documents a response looks
// back over: clients wait for an answer, or keep a few requests in flight,
// and a log of requests nobody answered must not make pairing quadratic.
const pairReach = 64

// sessionOf returns the text of a document's sessionId, "" when none.
func sessionOf(d *Document) string {
	if s, ok := d.Element().Child("sessionId"); ok {
		return s.Value().Text
	}
	return ""
}

// checkCommands reports error responses, and requests that carry a
// credential: a login's signed password, a new password set.
func (r *reader) checkCommands() {
	for _, c := range r.f.Commands {
		switch {
		case c.Name.IsError():
			r.errorResponse(c)
		case c.Name.Kind == KindRequest:
			r.credentials(c, c.Element())
		}
	}
}

// credentials warns about every non-empty password-like element below e,
// the outermost one of each.
func (r *reader) credentials(c *Command, e Element) {
	for _, f := range e.Children() {
		switch {
		case !f.Secret():
			r.credentials(c, f)
		case !f.IsLeaf() || f.Value().Text != "":
			r.warnf(startTagRange(f), "%s carries <%s>: the capture holds a credential; remove it from the file", c.Name.Full, f.QName())
		}
	}
}

// errorResponse turns an ErrorResponse into an input problem: the data
// its request asked for is missing. Its severity follows the response's
// type attribute (Error; Warning and Info become warnings).
func (r *reader) errorResponse(c *Command) {
	e := c.Element()
	summary := c.Field("summaryEnglish")
	if !summary.Present() || summary.Text == "" {
		summary = c.Field("summary")
	}
	at := summary.Range()
	if !summary.Present() {
		at = startTagRange(e)
	}
	what := "an OCI-P request"
	if c.Request != nil {
		what = fmt.Sprintf("%s (line %d)", c.Request.Name.Full, c.Request.Range().Start.Line)
	}
	text := strings.Join(strings.Fields(source.RedactText(summary.Text)), " ")
	if text == "" {
		text = "no summary"
	}
	if code := c.Field("errorCode"); code.Present() && !strings.Contains(text, code.Text) {
		text = fmt.Sprintf("[Error %s] %s", code.Text, text)
	}
	typ, _ := e.Attr("type")
	kind := typ.Text
	if kind == "" {
		kind = "Error"
	}
	msg := fmt.Sprintf("the server answered %s with %s %s: %s", what, article(kind), strings.ToLower(kind), text)
	if kind == "Error" {
		r.errorf(at, "%s; the data it asked for is missing", msg)
	} else {
		r.warnf(at, "%s", msg)
	}
}

func article(word string) string {
	if strings.ContainsRune("AEIOUaeiou", rune(word[0])) {
		return "an"
	}
	return "a"
}
