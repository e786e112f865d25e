package ocip

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Limits bound what one file may make the reader hold, so that a hostile
// or broken file fails with a problem instead of exhausting memory. The
// largest real OCI-P documents (a system's user list) are shallow, have
// short names and values, and a few elements per hundred bytes.
type Limits struct {
	// Depth is the deepest nesting of elements; OCI-P needs about ten.
	Depth int
	// Elements is the most elements read from one file; the rest of a
	// file past it is refused.
	Elements int
	// Attributes is the most attributes on one element.
	Attributes int
	// Name is the longest element or attribute name, in bytes.
	Name int
	// AttributeValue is the longest attribute value, in bytes.
	AttributeValue int
	// Text is the longest text of one element without child elements,
	// in bytes.
	Text int
}

// DefaultLimits are the limits Read applies.
var DefaultLimits = Limits{
	Depth:          64,
	Elements:       8 << 20,
	Attributes:     64,
	Name:           1 << 10,
	AttributeValue: 64 << 10,
	Text:           16 << 20,
}

// node is one element of a parsed document. Offsets index the buffer of
// the document's view; children follow their parent in the arena, linked
// through firstChild and next (-1: none).
type node struct {
	start, end          int32 // '<' of the start tag; just past the end tag
	name, nameEnd       int32 // the qualified name in the start tag
	content, contentEnd int32 // between the tags; equal for <x/>
	firstChild, next    int32
	attrs               int32 // index of the first attribute in the arena
	nattrs              uint16
	flags               uint8
}

const (
	hasChildren uint8 = 1 << iota // element content
	hasMarkup                     // references, CDATA, comments or instructions in the text
	hasText                       // non-white-space character data
	isSecret                      // a password-like element, or inside one
)

// attr is one attribute; offsets index the view's buffer and the value's
// bounds lie inside its quotes.
type attr struct {
	name, nameEnd, val, valEnd int32
	refs                       bool
}

// syntaxError is a document that is not well-formed XML, or that breaks a
// limit. at and end bound the offending bytes in the view.
type syntaxError struct {
	at, end int
	msg     string
	// limit marks a limit reached rather than broken XML.
	limit bool
	// fatal stops the whole file, not just the document.
	fatal bool
}

// arena holds the nodes and attributes of every document of a file.
type arena struct {
	nodes []node
	attrs []attr
}

// scanner parses one element, with everything in it, from a view.
type scanner struct {
	buf    string
	a      *arena
	limits Limits
	// warnings are view offsets of text found beside child elements,
	// which OCI-P never sends and the model cannot hold.
	warnings []int32
	stack    []int32
	last     []int32 // last child of each open element, -1 when none yet
}

func (s *scanner) errorf(at, end int, format string, args ...any) *syntaxError {
	if end > len(s.buf) {
		end = len(s.buf)
	}
	if end < at {
		end = at
	}
	return &syntaxError{at: at, end: end, msg: fmt.Sprintf(format, args...)}
}

// limitf is errorf for a limit reached.
func (s *scanner) limitf(at, end int, format string, args ...any) *syntaxError {
	e := s.errorf(at, end, format, args...)
	e.limit = true
	return e
}

// element parses the element whose start tag begins at buf[at], which must
// be '<'. It returns the element's node and the offset just past it.
func (s *scanner) element(at int) (int32, int, *syntaxError) {
	root, pos, closed, err := s.startTag(at)
	if err != nil || closed {
		return root, pos, err
	}
	s.stack = append(s.stack[:0], root)
	s.last = append(s.last[:0], -1)
	for len(s.stack) > 0 {
		top := s.stack[len(s.stack)-1]
		lt := strings.IndexByte(s.buf[pos:], '<')
		if lt < 0 {
			n := &s.a.nodes[top]
			return -1, 0, s.errorf(int(n.start), int(n.name)+int(n.nameEnd-n.name),
				"element <%s> is not closed before the end of the file: the document is cut off", s.nameOf(top))
		}
		if lt > 0 {
			if err := s.charData(top, pos, pos+lt); err != nil {
				return -1, 0, err
			}
			pos += lt
		}
		rest := s.buf[pos:]
		switch {
		case strings.HasPrefix(rest, "</"):
			end, err := s.endTag(top, pos)
			if err != nil {
				return -1, 0, err
			}
			pos = end
			s.stack = s.stack[:len(s.stack)-1]
			s.last = s.last[:len(s.last)-1]
		case strings.HasPrefix(rest, "<!--"):
			e := strings.Index(rest[4:], "-->")
			if e < 0 {
				return -1, 0, s.errorf(pos, pos+4, "comment is not closed")
			}
			s.a.nodes[top].flags |= hasMarkup
			pos += 4 + e + 3
		case strings.HasPrefix(rest, "<![CDATA["):
			e := strings.Index(rest[9:], "]]>")
			if e < 0 {
				return -1, 0, s.errorf(pos, pos+9, "CDATA section is not closed")
			}
			n := &s.a.nodes[top]
			n.flags |= hasMarkup
			if !isSpace(rest[9 : 9+e]) {
				n.flags |= hasText
			}
			pos += 9 + e + 3
		case strings.HasPrefix(rest, "<!"):
			return -1, 0, s.declaration(pos)
		case strings.HasPrefix(rest, "<?"):
			if isDeclaration(rest) {
				return -1, 0, s.errorf(pos, pos+5, "an XML declaration inside <%s>: the document before it is cut off", s.nameOf(s.stack[0]))
			}
			e := strings.Index(rest[2:], "?>")
			if e < 0 {
				return -1, 0, s.errorf(pos, pos+2, "processing instruction is not closed")
			}
			s.a.nodes[top].flags |= hasMarkup
			pos += 2 + e + 2
		default:
			if len(s.stack) >= s.limits.Depth {
				e := s.errorf(pos, pos+1, "elements nest more than %d deep; OCI-P needs about ten", s.limits.Depth)
				e.limit = true
				return -1, 0, e
			}
			child, end, closed, err := s.startTag(pos)
			if err != nil {
				return -1, 0, err
			}
			if localName(s.nameOf(child)) == "BroadsoftDocument" {
				return -1, 0, s.errorf(pos, pos+1, "a new <BroadsoftDocument> starts inside <%s>: the document before it is cut off", s.nameOf(s.stack[0]))
			}
			s.link(top, child)
			pos = end
			if !closed {
				s.stack = append(s.stack, child)
				s.last = append(s.last, -1)
			}
		}
	}
	return root, pos, nil
}

// link makes child the next child of parent.
func (s *scanner) link(parent, child int32) {
	depth := len(s.stack) - 1
	if prev := s.last[depth]; prev >= 0 {
		s.a.nodes[prev].next = child
	} else {
		s.a.nodes[parent].firstChild = child
	}
	s.a.nodes[parent].flags |= hasChildren
	s.last[depth] = child
}

// charData checks the character data buf[start:end] inside element n.
func (s *scanner) charData(n int32, start, end int) *syntaxError {
	text := s.buf[start:end]
	if amp := strings.IndexByte(text, '&'); amp >= 0 {
		if at, ok := checkReferences(text[amp:]); !ok {
			at += start + amp
			return s.errorf(at, at+referenceLen(s.buf[at:]), "%s", badReference(s.buf[at:]))
		}
		s.a.nodes[n].flags |= hasMarkup | hasText
		return nil
	}
	if !isSpace(text) {
		s.a.nodes[n].flags |= hasText
	}
	return nil
}

// declaration refuses a "<!" construct other than a comment or CDATA: a
// DOCTYPE, with or without entity declarations. OCI-P documents have
// none, and an entity expanded is how a small file becomes a huge one.
func (s *scanner) declaration(at int) *syntaxError {
	end := at + 2
	for end < len(s.buf) && end < at+9 && isNameByte(s.buf[end]) {
		end++
	}
	return s.errorf(at, end, "%q declaration: OCI-P documents have no DOCTYPE, and bwlint expands no entities; remove it", s.buf[at:end])
}

// startTag parses the start tag at buf[at] into a new node. closed
// reports an empty-element tag, <x/>; end is the offset after the tag.
func (s *scanner) startTag(at int) (n int32, end int, closed bool, err *syntaxError) {
	if len(s.a.nodes) >= s.limits.Elements {
		e := s.errorf(at, at+1, "more than %d elements in one file; split the capture into smaller files", s.limits.Elements)
		e.fatal, e.limit = true, true
		return -1, 0, false, e
	}
	nameEnd, err := s.name(at + 1)
	if err != nil {
		return -1, 0, false, err
	}
	n = int32(len(s.a.nodes))
	s.a.nodes = append(s.a.nodes, node{start: int32(at), name: int32(at + 1), nameEnd: int32(nameEnd), firstChild: -1, next: -1, attrs: int32(len(s.a.attrs))})
	i := nameEnd
	for {
		ws := i
		for i < len(s.buf) && isSpaceByte(s.buf[i]) {
			i++
		}
		if i >= len(s.buf) {
			return -1, 0, false, s.errorf(at, nameEnd, "start tag <%s> is not closed", s.buf[at+1:nameEnd])
		}
		switch s.buf[i] {
		case '>':
			s.setContent(n, i+1, i+1)
			return n, i + 1, false, nil
		case '/':
			if i+1 < len(s.buf) && s.buf[i+1] == '>' {
				s.setContent(n, i, i)
				s.a.nodes[n].end = int32(i + 2)
				return n, i + 2, true, nil
			}
			return -1, 0, false, s.errorf(i, i+1, "expected '>' after '/' in start tag <%s>", s.buf[at+1:nameEnd])
		}
		if ws == i {
			return -1, 0, false, s.errorf(i, i+1, "attributes in start tag <%s> must be separated by white space", s.buf[at+1:nameEnd])
		}
		next, err := s.attribute(n, i)
		if err != nil {
			return -1, 0, false, err
		}
		i = next
	}
}

func (s *scanner) setContent(n int32, start, end int) {
	s.a.nodes[n].content, s.a.nodes[n].contentEnd = int32(start), int32(end)
}

// attribute parses the attribute at buf[i] of element n's start tag.
func (s *scanner) attribute(n int32, i int) (int, *syntaxError) {
	nd := &s.a.nodes[n]
	if int(nd.nattrs) >= s.limits.Attributes {
		return 0, s.limitf(i, i+1, "more than %d attributes on <%s>", s.limits.Attributes, s.nameOf(n))
	}
	nameEnd, err := s.name(i)
	if err != nil {
		return 0, err
	}
	name := s.buf[i:nameEnd]
	j := skipSpace(s.buf, nameEnd)
	if j >= len(s.buf) || s.buf[j] != '=' {
		return 0, s.errorf(i, nameEnd, "attribute %s of <%s> has no value", name, s.nameOf(n))
	}
	j = skipSpace(s.buf, j+1)
	if j >= len(s.buf) || (s.buf[j] != '"' && s.buf[j] != '\'') {
		return 0, s.errorf(i, nameEnd, "the value of attribute %s of <%s> is not quoted", name, s.nameOf(n))
	}
	q := s.buf[j]
	closing := strings.IndexByte(s.buf[j+1:], q)
	if closing < 0 {
		return 0, s.errorf(j, j+1, "the value of attribute %s of <%s> is not closed", name, s.nameOf(n))
	}
	val, valEnd := j+1, j+1+closing
	value := s.buf[val:valEnd]
	if valEnd-val > s.limits.AttributeValue {
		return 0, s.limitf(j, j+1, "the value of attribute %s of <%s> is %d bytes long, more than the %d allowed", name, s.nameOf(n), valEnd-val, s.limits.AttributeValue)
	}
	if lt := strings.IndexByte(value, '<'); lt >= 0 {
		return 0, s.errorf(val+lt, val+lt+1, "'<' in the value of attribute %s of <%s>", name, s.nameOf(n))
	}
	refs := false
	if amp := strings.IndexByte(value, '&'); amp >= 0 {
		if at, ok := checkReferences(value[amp:]); !ok {
			at += val + amp
			return 0, s.errorf(at, at+referenceLen(s.buf[at:]), "%s", badReference(s.buf[at:]))
		}
		refs = true
	}
	for k := nd.attrs; k < nd.attrs+int32(nd.nattrs); k++ {
		a := s.a.attrs[k]
		if s.buf[a.name:a.nameEnd] == name {
			return 0, s.errorf(i, nameEnd, "attribute %s appears twice on <%s>", name, s.nameOf(n))
		}
	}
	s.a.attrs = append(s.a.attrs, attr{name: int32(i), nameEnd: int32(nameEnd), val: int32(val), valEnd: int32(valEnd), refs: refs})
	nd.nattrs++
	return valEnd + 1, nil
}

// endTag parses the end tag at buf[at], which must close element n.
func (s *scanner) endTag(n int32, at int) (int, *syntaxError) {
	nameEnd, err := s.name(at + 2)
	if err != nil {
		return 0, err
	}
	want := s.nameOf(n)
	if got := s.buf[at+2 : nameEnd]; got != want {
		nd := s.a.nodes[n]
		return 0, s.errorf(at, nameEnd+1, "end tag </%s> does not close <%s>, which opens %d bytes before it", got, want, at-int(nd.start))
	}
	i := skipSpace(s.buf, nameEnd)
	if i >= len(s.buf) || s.buf[i] != '>' {
		return 0, s.errorf(at, nameEnd, "end tag </%s> is not closed with '>'", want)
	}
	nd := &s.a.nodes[n]
	nd.contentEnd, nd.end = int32(at), int32(i+1)
	if nd.flags&hasChildren == 0 && int(nd.contentEnd-nd.content) > s.limits.Text {
		return 0, s.limitf(int(nd.start), int(nd.nameEnd), "element <%s> holds %d bytes, more than the %d allowed", want, nd.contentEnd-nd.content, s.limits.Text)
	}
	if nd.flags&hasChildren != 0 && nd.flags&hasText != 0 {
		s.warnings = append(s.warnings, n)
	}
	return i + 1, nil
}

// name scans the XML name at buf[i], returning its end.
func (s *scanner) name(i int) (int, *syntaxError) {
	j := i
	for j < len(s.buf) && isNameByte(s.buf[j]) {
		j++
	}
	switch {
	case j == i || !isNameStart(s.buf[i]):
		size := 1
		if i < len(s.buf) {
			_, size = utf8.DecodeRuneInString(s.buf[i:])
		}
		return 0, s.errorf(i, i+size, "expected a name at %s", describeAt(s.buf, i))
	case j-i > s.limits.Name:
		return 0, s.limitf(i, i+1, "a name of %d bytes, more than the %d allowed", j-i, s.limits.Name)
	}
	return j, nil
}

func (s *scanner) nameOf(n int32) string {
	nd := s.a.nodes[n]
	return s.buf[nd.name:nd.nameEnd]
}

// describeAt names what stands at buf[i] for a message.
func describeAt(buf string, i int) string {
	if i >= len(buf) {
		return "the end of the file"
	}
	r, _ := utf8.DecodeRuneInString(buf[i:])
	return fmt.Sprintf("%q", r)
}

// isNameStart and isNameByte accept the ASCII name characters of XML and
// any non-ASCII byte: OCI-P names are ASCII, and a stricter test would
// only reword the error a broken file gets.
func isNameStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':' || c >= 0x80
}

func isNameByte(c byte) bool {
	return isNameStart(c) || c >= '0' && c <= '9' || c == '-' || c == '.'
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func isSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isSpaceByte(s[i]) {
			return false
		}
	}
	return true
}

func skipSpace(s string, i int) int {
	for i < len(s) && isSpaceByte(s[i]) {
		i++
	}
	return i
}

// isDeclaration reports whether s starts with an XML declaration.
func isDeclaration(s string) bool {
	return len(s) > 5 && strings.HasPrefix(s, "<?xml") && isSpaceByte(s[5])
}

// localName strips a namespace prefix.
func localName(qname string) string {
	if i := strings.LastIndexByte(qname, ':'); i >= 0 {
		return qname[i+1:]
	}
	return qname
}

func prefixOf(qname string) string {
	if i := strings.LastIndexByte(qname, ':'); i >= 0 {
		return qname[:i]
	}
	return ""
}

// checkReferences checks every '&' in s, which starts with one. It
// returns the offset of the first bad one.
func checkReferences(s string) (int, bool) {
	for i := 0; i < len(s); {
		amp := strings.IndexByte(s[i:], '&')
		if amp < 0 {
			return 0, true
		}
		i += amp
		_, n := entity(s[i:])
		if n == 0 {
			return i, false
		}
		i += n
	}
	return 0, true
}

// referenceLen is the length of the bad reference at the start of s, for
// its range: up to its ';', at most a short way.
func referenceLen(s string) int {
	if semi := strings.IndexByte(s, ';'); semi > 0 && semi < 16 {
		return semi + 1
	}
	return 1
}

// badReference explains why the reference at the start of s is refused.
func badReference(s string) string {
	n := referenceLen(s)
	switch {
	case n == 1:
		return "'&' that starts no entity reference; write it as &amp;"
	case s[1] == '#':
		return fmt.Sprintf("character reference %s is not a character XML allows", s[:n])
	}
	return fmt.Sprintf("entity reference %s is not one of XML's own (&lt; &gt; &amp; &quot; &apos;); bwlint expands no other entity", s[:n])
}

// decodeText returns the text of raw character content: references
// expanded, CDATA sections unwrapped, comments and processing
// instructions dropped. raw was checked by the scanner.
func decodeText(raw string) string {
	var b strings.Builder
	b.Grow(len(raw))
	for i := 0; i < len(raw); {
		c := raw[i]
		switch {
		case c == '&':
			r, n := entity(raw[i:])
			b.WriteRune(r)
			i += n
		case c == '<' && strings.HasPrefix(raw[i:], "<![CDATA["):
			e := strings.Index(raw[i+9:], "]]>")
			b.WriteString(raw[i+9 : i+9+e])
			i += 9 + e + 3
		case c == '<' && strings.HasPrefix(raw[i:], "<!--"):
			i += 4 + strings.Index(raw[i+4:], "-->") + 3
		case c == '<' && strings.HasPrefix(raw[i:], "<?"):
			i += 2 + strings.Index(raw[i+2:], "?>") + 2
		default:
			j := i + 1
			for j < len(raw) && raw[j] != '&' && raw[j] != '<' {
				j++
			}
			b.WriteString(raw[i:j])
			i = j
		}
	}
	return b.String()
}
